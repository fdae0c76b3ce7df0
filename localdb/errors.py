"""Errors raised by the local store."""


class StoreError(Exception):
    """Root of every error the local store raises."""


class StoreTooNew(StoreError):
    """The store was written by a newer Tillbook; it is left untouched."""

    def __init__(self, path: str, found: int, known: int) -> None:
        super().__init__(
            f"{path} was made by a newer Tillbook (schema {found}, this version knows "
            f"up to {known}); it was not opened or changed. Install the newer version."
        )
        self.path, self.found, self.known = path, found, known


class StoreCorrupt(StoreError):
    """The integrity check found damage."""

    def __init__(self, path: str, problems: list[str]) -> None:
        shown = "; ".join(problems[:3])
        super().__init__(f"{path} failed its integrity check: {shown}. Restore a backup.")
        self.path, self.problems = path, problems
