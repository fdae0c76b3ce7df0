"""Online backups through SQLite's backup API, with rotation, and restore."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from localdb import migrations
from localdb.errors import StoreCorrupt, StoreError, StoreTooNew
from localdb.store import Store

log = logging.getLogger(__name__)

PATTERN = "till-*.db"


def backup(store: Store, directory: Path, *, keep: int = 7, now: datetime | None = None) -> Path:
    """Copy the live store to ``directory`` while it stays in use; keep the newest ``keep``."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = directory / f"till-{stamp}.db"
    partial = target.with_suffix(".partial")
    dest = sqlite3.connect(partial)
    try:
        store.conn.backup(dest, pages=1024)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    partial.replace(target)
    for old in sorted(directory.glob(PATTERN))[:-keep] if keep > 0 else []:
        old.unlink()
        log.info("backup %s removed by rotation", old.name)
    log.info("store %s backed up to %s", store.path, target)
    return target


def check_backup(path: Path) -> int:
    """Open a backup read-only and check it; return its schema version."""
    if not path.is_file():
        raise StoreError(f"no backup file at {path}")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            has_sales = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sales'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreCorrupt(str(path), [str(exc)]) from exc
    if result != ["ok"]:
        raise StoreCorrupt(str(path), result)
    if not has_sales:
        raise StoreError(f"{path} is not a Tillbook store")
    if version > migrations.latest():
        raise StoreTooNew(str(path), version, migrations.latest())
    return version


def restore(store: Store, source: Path) -> None:
    """Replace the live store's content with a checked backup (then upgrade it)."""
    check_backup(source)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        src.backup(store.conn)
    finally:
        src.close()
    migrations.upgrade(store)
    log.warning("store %s restored from %s", store.path, source)
