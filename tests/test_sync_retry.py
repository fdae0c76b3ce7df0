"""The till's own retrying, against a real server behind the fault proxy: the client waits as
long as Retry-After asks (up to its cap), and the background worker backs off with jitter while
the network is gone and sends by itself once it is back.

The server's database plays no part here, so these run on SQLite only.
"""

from __future__ import annotations

import itertools
import time

import pytest
from sync_harness import FaultProxy, product

from sync import cycle
from sync.client import SyncClient
from sync.worker import SyncWorker

pytest_plugins = ["sync_fixtures"]
pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)

INTERVAL_S = 1
WINDOW_S = 12.0


def enrolled_behind_proxy(chain, tmp_path, code="T01"):
    """A till whose every request goes through a (for now well-behaved) fault proxy."""
    proxy = FaultProxy(chain.server.port)
    proxy.enabled = False
    t = chain.till(tmp_path / code, code, url=proxy.url)
    t.sync()
    return proxy, t


def push_times(proxy: FaultProxy) -> list[float]:
    return [
        at
        for at, _, what, line in proxy.events
        if what == "received" and line.startswith("POST /v1/push")
    ]


def sales_on_server(chain) -> list[str]:
    return [r[0] for r in chain.database.rows("SELECT uuid FROM sales")]


def wait_until(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def cycles(attempts: list[float]) -> list[list[float]]:
    """Connection attempts grouped into the worker's cycles: a cycle's own second attempt
    follows within the client's short backoff, the next cycle only after the worker's wait
    (a second or more)."""
    groups: list[list[float]] = []
    for at in attempts:
        if groups and at - groups[-1][-1] < 0.6:
            groups[-1].append(at)
        else:
            groups.append([at])
    return groups


def test_a_push_answered_busy_is_sent_again_only_after_retry_after(chain, tmp_path):
    chain.add_products(product("A", 500))
    proxy, t = enrolled_behind_proxy(chain, tmp_path)
    uuid = t.sell(("A", 1))
    proxy.busy("/v1/push", retry_after="2")
    try:
        started = time.monotonic()
        moved = t.sync(attempts=2)
        elapsed = time.monotonic() - started
    finally:
        proxy.close()

    first, second = push_times(proxy)
    assert second - first >= 2.0 and elapsed >= 2.0
    assert moved.pushed == 1 and moved.left_unsent == 0
    assert sales_on_server(chain) == [uuid]


def test_a_huge_retry_after_is_cut_to_the_documented_300_s(chain, tmp_path):
    chain.add_products(product("A", 500))
    proxy, t = enrolled_behind_proxy(chain, tmp_path)
    uuid = t.sell(("A", 1))
    proxy.busy("/v1/push", retry_after="86400")
    waits: list[float] = []
    try:
        # The waits are recorded, not slept: 300 s is too long for a test.
        with SyncClient(proxy.url, t.token, attempts=2, sleep=waits.append) as client:
            moved = cycle.run(t.store, client, t.shop)
    finally:
        proxy.close()

    assert waits == [300.0]  # docs/protocol.md: "as long as Retry-After asks, up to 300 s"
    assert moved.pushed == 1
    assert sales_on_server(chain) == [uuid]


def test_stopping_the_worker_cuts_short_a_long_retry_after(chain, tmp_path):
    chain.add_products(product("A", 500))
    proxy, t = enrolled_behind_proxy(chain, tmp_path)
    proxy.busy("/v1/push", retry_after="300")
    t.sell(("A", 1))
    w = SyncWorker(t.directory / "till.db", t.config.replace("sync", interval_s=INTERVAL_S))
    w.start()
    try:
        assert wait_until(lambda: push_times(proxy), 15)  # the push met the 503
        time.sleep(0.5)  # the client is now waiting out the 300 s
        thread, started = w._thread, time.monotonic()
        w.stop(timeout=20)
        assert time.monotonic() - started < 5
        assert not thread.is_alive()
    finally:
        proxy.close()
    pending = "SELECT count(*) FROM outbox WHERE kind = 'sale' AND state = 'pending'"
    assert t.store.scalar(pending) == 1  # kept for the next start, not sent early
    assert sales_on_server(chain) == []


def test_the_worker_sends_a_sale_by_itself_once_the_network_returns(chain, tmp_path):
    chain.add_products(product("A", 500))
    proxy, t = enrolled_behind_proxy(chain, tmp_path)
    proxy.offline(fault="reset")
    uuid = t.sell(("A", 1))
    w = SyncWorker(t.directory / "till.db", t.config.replace("sync", interval_s=INTERVAL_S))
    since = time.monotonic()
    w.start()
    try:
        assert wait_until(lambda: len(cycles(proxy.accepted_at(since=since))) >= 2, 15)
        state = w.state()
        assert not state.online and state.unsynced_sales == 1
        assert "not reachable" in state.last_error
        failed = len(cycles(proxy.accepted_at(since=since)))

        proxy.online()
        # After n failures the worker waits at most interval * 2**n before trying again.
        bound = INTERVAL_S * 2 ** (failed + 1) + 5
        assert wait_until(lambda: sales_on_server(chain), bound)
        assert wait_until(lambda: w.state().online and w.state().unsynced_sales == 0, 10)
    finally:
        w.stop()
        proxy.close()
    assert sales_on_server(chain) == [uuid]


def test_the_worker_backs_off_while_offline_and_two_tills_do_not_retry_in_step(chain, tmp_path):
    chain.add_products(product("A", 500))
    proxies, workers = [], []
    for code in ("T01", "T02"):
        proxy, t = enrolled_behind_proxy(chain, tmp_path, code)
        proxy.offline(fault="reset")
        t.sell(("A", 1))
        proxies.append(proxy)
        config = t.config.replace("sync", interval_s=INTERVAL_S)
        workers.append(SyncWorker(t.directory / "till.db", config))
    since = time.monotonic()
    try:
        for w in workers:
            w.start()
        time.sleep(WINDOW_S)
    finally:
        for w in workers:
            w.stop()
        for proxy in proxies:
            proxy.close()

    seen = [cycles(proxy.accepted_at(since=since)) for proxy in proxies]
    every_interval = WINDOW_S / INTERVAL_S  # cycles a worker retrying at a fixed pace makes
    for tries in seen:
        assert 3 <= len(tries) <= every_interval / 2, tries
    # The worker's wait between the end of one cycle and the start of the next, per till.
    waits = [[b[0] - a[-1] for a, b in itertools.pairwise(tries)] for tries in seen]
    assert any(abs(x - y) > 0.05 for x, y in zip(*waits, strict=False)), waits
