"""The counter screen (PySide6). Everything here sits on top of the till core in ``app``."""
