"""Run work off the UI thread and bring the result back to it.

Every slow call the screen makes (PIN checks, searches, printing, sync state) goes through
``Tasks.run``: the function runs on a thread pool, and ``on_done`` / ``on_error`` run later on
the UI thread, so widgets are only ever touched there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the UI thread; the worker emits, Qt queues the call back to the UI thread."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done, on_error, release, owner) -> None:
        super().__init__()
        self._on_done, self._on_error, self._release = on_done, on_error, release
        self._owner = owner
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)

    def _owner_gone(self) -> bool:
        return self._owner is not None and not isValid(self._owner)

    @Slot(object)
    def _deliver_done(self, result: object) -> None:
        try:
            if self._on_done is not None and not self._owner_gone():
                self._on_done(result)
        finally:
            self._release(self)

    @Slot(object)
    def _deliver_error(self, exc: object) -> None:
        try:
            if self._on_error is not None and not self._owner_gone():
                self._on_error(exc)
            else:
                log.error("background task failed", exc_info=exc)
        finally:
            self._release(self)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._relay = fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to on_error on the UI thread, never lost
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class Tasks:
    """A thread pool plus the bookkeeping that keeps each relay alive until it has reported."""

    def __init__(self, pool: QThreadPool | None = None, *, threads: int = 2) -> None:
        self.pool = pool or QThreadPool()
        self.pool.setMaxThreadCount(threads)
        self._pending: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run ``fn`` on the pool; report to ``on_done`` or ``on_error`` on the UI thread,
        unless ``owner`` (the widget that asked) has been closed and deleted meanwhile."""
        relay = _Relay(on_done, on_error, self._pending.discard, owner)
        self._pending.add(relay)
        self.pool.start(_Job(fn, relay))

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the pool is idle (at shutdown)."""
        return self.pool.waitForDone(msecs)
