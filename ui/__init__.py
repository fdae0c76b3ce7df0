"""The PySide6 screens. Everything here sits on top of the core in ``app``."""
