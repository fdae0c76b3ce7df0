"""Numbered schema migrations.

Each migration is a module ``mNNNN_name.py`` in this package with a docstring and an
``apply(conn)`` function (or an ``SQL`` string). A migration is applied and recorded in the
same transaction, so a power cut leaves the store either before it or after it. Numbers are
grouped by owner so that parts of the project can add theirs without colliding: 1-99 the
till core, 100-199 printing and devices, 200-299 sync, 300-399 the warehouse.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from localdb.store import Store

log = logging.getLogger(__name__)

_NAME = re.compile(r"^m(\d{4})_(\w+)$")


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    module: ModuleType

    def apply(self, conn: sqlite3.Connection) -> None:
        if hasattr(self.module, "apply"):
            self.module.apply(conn)
        else:
            for statement in _statements(self.module.SQL):
                conn.execute(statement)


@cache
def all_migrations() -> tuple[Migration, ...]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        match = _NAME.match(info.name)
        if match:
            module = importlib.import_module(f"{__name__}.{info.name}")
            found.append(Migration(int(match[1]), match[2], module))
    found.sort(key=lambda m: m.number)
    return tuple(found)


def latest() -> int:
    return all_migrations()[-1].number


def upgrade(store: Store) -> list[int]:
    """Apply every migration the store lacks, in order; return the numbers applied."""
    conn = store.conn
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
    )
    done = {row[0] for row in conn.execute("SELECT number FROM schema_migrations")}
    applied = []
    for migration in all_migrations():
        if migration.number in done:
            continue
        with store.transaction():
            migration.apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations (number, name) VALUES (?, ?)",
                (migration.number, migration.name),
            )
            conn.execute(f"PRAGMA user_version = {max(done | {migration.number})}")
        done.add(migration.number)
        applied.append(migration.number)
        log.info(
            "store %s: applied migration %04d %s", store.path, migration.number, migration.name
        )
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration script on statement boundaries (sqlite3.complete_statement)."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
