"""Connections to the store for background threads (searches, look-ups, PIN checks).

Each worker thread gets its own SQLite connection in read-only mode, so a search never
waits for, or gets in the way of, the UI thread's writes (WAL lets both run at once). A
background job that writes (a PIN check audits a wrong PIN) opens a connection of its own
with ``on_own_connection``: a connection is never shared between threads.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from localdb import Store

T = TypeVar("T")


class Readers:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def store(self) -> Store:
        """This thread's read-only store (opened on first use)."""
        store = getattr(self._local, "store", None)
        if store is None:
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA busy_timeout = 2000")
            store = Store(conn, self.path, primary=False)
            self._local.store = store
            with self._lock:
                self._all.append(conn)
        return store

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()


def on_own_connection(path: str | Path, work: Callable[[Store], T]) -> T:
    """Run ``work`` on a read-write store of the calling thread's own, closed afterwards."""
    with Store.open(path, migrate=False, primary=False) as own:
        return work(own)
