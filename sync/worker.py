"""The background sync worker: a thread with its own store connection.

Selling never waits for it: the worker opens its own ``Store`` on the same file, holds the
write lock only while it records a batch's results or a pulled page, and talks to the
server outside any transaction. When the network is gone it waits with backoff and jitter
and tries again by itself.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.config import Config
from localdb import Store
from sync import cycle, outbox
from sync.client import SyncClient
from sync.errors import NotEnrolled, ServerUnreachable, SyncError
from sync.lock import sync_lock

log = logging.getLogger(__name__)

MAX_OFFLINE_WAIT_S = 300


@dataclass(frozen=True)
class SyncState:
    online: bool
    unsynced_sales: int
    last_sync: str | None
    last_error: str


def client_for(
    store: Store,
    config: Config,
    *,
    attempts: int = 3,
    sleep: Callable[[float], object] = time.sleep,
) -> tuple[SyncClient, str]:
    """A client for the enrolled server, and the shop id to push under."""
    enrolled = cycle.enrollment(store)
    verify: bool | str = config.sync.ca_file or True
    client = SyncClient(
        enrolled.server, enrolled.token, attempts=attempts, verify=verify, sleep=sleep
    )
    return client, enrolled.shop


def sync_once(
    store: Store,
    config: Config,
    *,
    attempts: int = 3,
    sleep: Callable[[float], object] = time.sleep,
) -> cycle.Moved:
    """Push and pull now, under the store's sync lock (one sync in flight per store).

    ``sleep`` waits between retries; the worker passes one that its stop cuts short.
    """
    with sync_lock(store.path):
        client, shop = client_for(store, config, attempts=attempts, sleep=sleep)
        with client:
            return cycle.run(store, client, shop)


def read_state(store: Store, *, online: bool) -> SyncState:
    row = store.conn.execute(
        "SELECT finished_at, error FROM sync_runs ORDER BY id DESC LIMIT 1"
    ).fetchone()
    last_ok = store.scalar("SELECT max(finished_at) FROM sync_runs WHERE error = ''")
    return SyncState(
        online=online,
        unsynced_sales=outbox.pending_count(store.conn, "sale")
        + outbox.pending_count(store.conn, "return"),
        last_sync=last_ok,
        last_error=row[1] if row else "",
    )


class _Stopped(Exception):
    """The worker was stopped while waiting to send again."""


class SyncWorker:
    def __init__(self, store_path: str | Path, config: Config) -> None:
        self.store_path = str(store_path)
        self.config = config
        self.on_change: Callable[[SyncState], None] | None = None
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._done = threading.Condition()
        self._requested = 0  # sync_now calls so far
        self._served = 0  # requests covered by a cycle that started after them
        self._online = False
        self._state = SyncState(False, 0, None, "")

    # -- control ---------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def sync_now(self, *, wait: bool = False, timeout: float = 120.0) -> SyncState:
        """Ask for a cycle now; with ``wait``, return once it has finished."""
        with self._done:
            self._requested += 1
            ticket = self._requested
        self._wake.set()
        if wait:
            with self._done:
                self._done.wait_for(lambda: self._served >= ticket, timeout)
        return self.state()

    def state(self) -> SyncState:
        return self._state

    # -- the thread ------------------------------------------------------------------------

    def _run(self) -> None:
        failures = 0
        store = Store.open(self.store_path, primary=False)
        try:
            while not self._stopping.is_set():
                self._wake.clear()
                with self._done:
                    covering = self._requested
                error = self._cycle(store)
                failures = failures + 1 if error else 0
                self._publish(store, covering)
                if failures:
                    ceiling = min(MAX_OFFLINE_WAIT_S, self.config.sync.interval_s * 2**failures)
                    wait = random.uniform(min(1.0, ceiling), ceiling)
                else:
                    wait = self.config.sync.interval_s
                self._wake.wait(wait)
        finally:
            store.close()

    def _cycle(self, store: Store) -> str:
        try:
            moved = sync_once(store, self.config, attempts=2, sleep=self._pause)
            self._online = True
            log.info(
                "sync: %d pushed, %d pulled, %d left",
                moved.pushed,
                moved.pulled,
                moved.left_unsent,
            )
            return ""
        except _Stopped:
            return "stopped"
        except NotEnrolled as exc:
            self._online = False
            return str(exc)
        except ServerUnreachable as exc:
            self._online = False
            log.info("sync: offline (%s)", exc)
            return str(exc)
        except SyncError as exc:
            self._online = True  # the server answered, with a refusal a person must see
            log.warning("sync refused: %s", exc)
            return str(exc)
        except Exception as exc:
            self._online = False
            log.exception("sync cycle failed")
            return str(exc)

    def _pause(self, seconds: float) -> None:
        """Wait between retries; a stop ends the wait and the cycle (a Retry-After may ask
        for minutes), leaving what was not sent in the outbox for the next start."""
        if self._stopping.wait(seconds):
            raise _Stopped

    def _publish(self, store: Store, covering: int) -> None:
        self._state = read_state(store, online=self._online)
        with self._done:
            self._served = covering
            self._done.notify_all()
        if self.on_change is not None:
            try:
                self.on_change(self._state)
            except Exception:
                log.exception("sync state listener failed")
