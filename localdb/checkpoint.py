"""WAL checkpoints off the selling path.

In WAL mode SQLite copies the log back into the database ("checkpoints") from inside whichever
commit pushes the log past ``wal_autocheckpoint`` pages. That commit then also writes and
syncs the database file: on a till, one sale in every few dozen waits several times longer
than the others. ``BackgroundCheckpointer`` turns the automatic checkpoints of one store's
connection off and runs passive checkpoints on its own connection and thread instead, so a
sale's commit only appends to the log and syncs it. Passive checkpoints never block writers.
Durability is unchanged: a committed transaction is in the synced log either way.
"""

from __future__ import annotations

import logging
import sqlite3
import threading

from localdb.store import BUSY_TIMEOUT_MS, Store

log = logging.getLogger(__name__)

SQLITE_DEFAULT_AUTOCHECKPOINT = 1000


class BackgroundCheckpointer:
    """Use as a context manager around the time a till sells:

    ``with BackgroundCheckpointer(store): ...``
    """

    def __init__(self, store: Store, *, interval_s: float = 1.0) -> None:
        self.store = store
        self.interval_s = interval_s
        self.frames_checkpointed = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self.store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread, checkpoint once more, and give the store its automatic ones back."""
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join()
        self._thread = None
        if self.store.conn is not None:
            self.store.conn.execute(f"PRAGMA wal_autocheckpoint = {SQLITE_DEFAULT_AUTOCHECKPOINT}")

    def __enter__(self) -> BackgroundCheckpointer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _run(self) -> None:
        conn = sqlite3.connect(self.store.path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            while True:
                stopping = self._stop.wait(self.interval_s)
                self._checkpoint(conn)
                if stopping:
                    return
        finally:
            conn.close()

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        try:
            busy, log_frames, done = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as exc:
            log.warning("store %s: background checkpoint failed: %s", self.store.path, exc)
            return
        if done > 0:
            self.frames_checkpointed += done
            log.debug(
                "store %s: checkpointed %d of %d log frames", self.store.path, done, log_frames
            )
