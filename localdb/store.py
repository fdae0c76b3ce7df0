"""Open the till's SQLite store and run every write through one transaction helper.

The store runs in WAL mode with ``synchronous=FULL``: a till can lose power at any moment,
and a sale the screen showed as complete must survive that. Transactions nest: the outer
one is ``BEGIN IMMEDIATE`` (so a writer never fails half-way on a lock upgrade) and inner
ones are savepoints.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from localdb import migrations
from localdb.errors import StoreCorrupt, StoreError, StoreTooNew

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


class Store:
    """One connection to the till's store, for use on one thread.

    Other threads (print queue, sync worker) open their own ``Store`` on the same file.
    """

    def __init__(self, conn: sqlite3.Connection, path: str, *, primary: bool = True) -> None:
        self.conn = conn
        self.path = path
        self.primary = primary
        self._depth = 0
        self._owner = threading.get_ident()

    # -- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, migrate: bool = True, primary: bool = True) -> Store:
        """Open (creating if needed) and upgrade the store at ``path``.

        A store left by a crash gets an integrity check before it is used; a cleanly closed one
        gets only the cheap header checks, so opening stays fast with a large catalog. The
        till's own connection is the ``primary`` one: it alone keeps the clean-close mark.
        Background workers (print queue, sync) open theirs with ``primary=False`` after it.
        """
        path = str(path)
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {path}: {exc}") from exc
        try:
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            if found > migrations.latest():
                raise StoreTooNew(path, found, migrations.latest())
            _configure(conn)
            store = cls(conn, path, primary=primary)
            if migrate:
                migrations.upgrade(store)
            if primary:
                store._check_after_unclean_close()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreCorrupt(path, [str(exc)]) from exc
        except BaseException:
            conn.close()
            raise
        return store

    def close(self) -> None:
        """Close the connection; the primary one first marks a clean shutdown."""
        if self.conn is None:
            return
        try:
            if self.primary:
                with self.transaction():
                    self._set_meta("clean_close", "1")
                self.conn.execute("PRAGMA optimize")
        except sqlite3.Error as exc:
            log.warning("store %s not marked clean on close: %s", self.path, exc)
        self.conn.close()
        self.conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _check_after_unclean_close(self) -> None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'clean_close'").fetchone()
        if row is not None and row[0] == "0":
            log.warning("store %s was not closed cleanly; running an integrity check", self.path)
            problems = self.integrity_problems()
            if problems:
                raise StoreCorrupt(self.path, problems)
        with self.transaction():
            self._set_meta("clean_close", "0")

    def integrity_problems(self, *, full: bool = False) -> list[str]:
        """Return what ``PRAGMA quick_check`` (or ``integrity_check``) finds; empty if sound."""
        pragma = "integrity_check" if full else "quick_check"
        rows = [r[0] for r in self.conn.execute(f"PRAGMA {pragma}")]
        problems = [] if rows == ["ok"] else rows
        problems += [
            f"foreign key broken in {r[0]} row {r[1]}"
            for r in self.conn.execute("PRAGMA foreign_key_check")
        ]
        return problems

    # -- transactions ----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block in a transaction, or in a savepoint inside an open one.

        Commits on success, rolls back on any exception (and re-raises it).
        """
        conn = self.conn
        if self._depth == 0:
            conn.execute("BEGIN IMMEDIATE")
            begin, commit, rollback = None, "COMMIT", "ROLLBACK"
        else:
            name = f"sp{self._depth}"
            begin = f"SAVEPOINT {name}"
            commit = f"RELEASE {name}"
            rollback = f"ROLLBACK TO {name}; RELEASE {name}"
            conn.execute(begin)
        self._depth += 1
        try:
            yield conn
        except BaseException:
            self._depth -= 1
            for statement in rollback.split("; "):
                try:
                    conn.execute(statement)
                except sqlite3.Error as exc:  # the engine may have rolled back already
                    log.debug("rollback statement %r skipped: %s", statement, exc)
            raise
        else:
            self._depth -= 1
            conn.execute(commit)

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    # -- small helpers ---------------------------------------------------------------------

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        return cur.fetchone()

    def all(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        return cur.fetchall()

    def scalar(self, sql: str, params: tuple | dict = ()) -> object:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._set_meta(key, value)

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]


def _configure(conn: sqlite3.Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() not in ("wal", "memory"):
        log.warning("journal mode is %s, not WAL", mode)
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA cache_size = -16000")  # 16 MB page cache, whatever the catalog size
    conn.execute("PRAGMA temp_store = MEMORY")
