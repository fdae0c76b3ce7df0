"""Logging: one logger per module, a rotating file in the per-user log directory."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _MessageOnly(logging.Formatter):
    """The console's lines carry no traceback; the log file keeps it."""

    def format(self, record: logging.LogRecord) -> str:
        record.message = record.getMessage()
        return self.formatMessage(record)


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("tillbook", appauthor=False))


def setup(*, verbose: bool = False, directory: Path | None = None) -> Path:
    """Send everything at INFO and above to the rotating log file; the console gets
    warnings, or everything with ``--verbose``. Returns the log file's path."""
    directory = directory or log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "tillbook.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_tillbook", False):
            root.removeHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)

    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(FORMAT))
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console_format = "%(levelname)s %(name)s: %(message)s"
    console.setFormatter(
        logging.Formatter(console_format) if verbose else _MessageOnly(console_format)
    )
    for handler in (file_handler, console):
        handler._tillbook = True
        root.addHandler(handler)
    return path
