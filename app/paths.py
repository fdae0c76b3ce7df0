"""Where a till keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

STORE_NAME = "till.db"


def data_dir(explicit: str | Path | None = None) -> Path:
    """``--data-dir``, else ``TILLBOOK_DATA_DIR``, else the per-user data directory."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("TILLBOOK_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("tillbook", appauthor=False))


def demo_dir() -> Path:
    """The demo shop's own data directory, apart from a real till's."""
    return Path(platformdirs.user_data_dir("tillbook-demo", appauthor=False))


def store_path(directory: Path) -> Path:
    return directory / STORE_NAME


def backup_dir(directory: Path) -> Path:
    return directory / "backups"
