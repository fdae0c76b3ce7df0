"""One sync at a time per local store, across threads and processes (a lock file)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: msvcrt locks a byte range instead
    fcntl = None
    import msvcrt

_thread_locks: dict[str, threading.Lock] = {}
_guard = threading.Lock()


@contextmanager
def sync_lock(store_path: str | Path) -> Iterator[None]:
    path = str(store_path) + ".sync-lock"
    with _guard:
        local = _thread_locks.setdefault(path, threading.Lock())
    with local:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            else:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock
