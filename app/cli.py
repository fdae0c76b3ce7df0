"""The ``tillbook`` command. Each area of the project adds its subcommands from its own module
(listed in ``COMMAND_MODULES``); this file only parses, dispatches and turns errors into one
clear line."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app import __version__, logs, paths
from app.config import Config
from app.errors import TillbookError
from localdb import Store, StoreError

log = logging.getLogger(__name__)

# Each module has register(subparsers) and sets func(ctx, args) -> int on its parsers.
# Importing one must stay cheap (no Qt, no server framework) so every command starts fast.
COMMAND_MODULES = [
    "app.commands",
    "app.delivery_commands",
    "printing.commands",
    "ui.commands",
    "app.transfer",
    "app.demo",
    "sync.commands",
]
DEFAULT_COMMAND = "till"  # registered by the counter screen's module


@dataclass
class Context:
    data_dir: Path
    verbose: bool = False
    explicit_data_dir: bool = False  # --data-dir or TILLBOOK_DATA_DIR was given
    _config: Config | None = field(default=None, repr=False)

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = Config.load(self.data_dir)
        return self._config

    def reload_config(self) -> Config:
        self._config = None
        return self.config

    @property
    def store_path(self) -> Path:
        return paths.store_path(self.data_dir)

    def open_store(self) -> Store:
        return Store.open(self.store_path)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tillbook", description="Tillbook: offline-first point of sale and inventory."
    )
    parser.add_argument("--version", action="version", version=f"tillbook {__version__}")
    parser.add_argument("--data-dir", help="the till's data directory (or TILLBOOK_DATA_DIR)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to the console too")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            log.warning("commands of %s unavailable: %s", name, exc)
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(
        paths.data_dir(args.data_dir),
        verbose=args.verbose,
        explicit_data_dir=bool(args.data_dir or os.environ.get("TILLBOOK_DATA_DIR")),
    )
    try:
        logs.setup(verbose=args.verbose)
    except OSError as exc:
        print(f"tillbook: logging to a file is off: {exc}", file=sys.stderr)
    func = getattr(args, "func", None)
    if func is None:  # no command: open the counter screen
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), DEFAULT_COMMAND])
        func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(ctx, args) or 0)
    except (TillbookError, StoreError) as exc:
        print(f"tillbook: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a path the person gave: the file log keeps the details
        log.info("command %s failed", args.command, exc_info=True)
        print(
            f"tillbook: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr
        )
        return 1
    except Exception:
        log.exception("command %s failed unexpectedly", args.command)
        print(
            "tillbook: something went wrong; details are in the log file "
            f"({logs.log_dir() / 'tillbook.log'})",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
