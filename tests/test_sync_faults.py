"""Faults between and inside the parts: killed tills, a lying network, a killed server.

Scale with TILLBOOK_KILL_SALES (default 2000 sales) and TILLBOOK_FAULT_ROUNDS.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import threading
import time

from sync_harness import ROOT, FaultProxy, env_int, product

from localdb import Store
from sync.errors import SyncError

pytest_plugins = ["sync_fixtures"]

SKUS = [f"P{i:02d}" for i in range(8)]


def stock_the_shop(chain) -> None:
    chain.add_products(*(product(sku, 100 + 37 * i) for i, sku in enumerate(SKUS)))
    for sku in SKUS:
        chain.receive(sku, 1_000_000)


def assert_exactly_once(chain, store: Store) -> None:
    local = {
        r[0]: r[1]
        for r in store.execute(
            "SELECT s.uuid, count(l.id) FROM sales s JOIN sale_lines l ON l.sale_id = s.id"
            " GROUP BY s.uuid"
        )
    }
    remote = dict(
        chain.database.rows(
            "SELECT s.uuid, count(*) FROM sales s JOIN sale_lines l ON l.sale_uuid = s.uuid"
            " GROUP BY s.uuid"
        )
    )
    assert remote == local  # every sale once, each with all of its lines
    remote_moves = chain.database.scalar(
        "SELECT count(*) FROM stock_moves WHERE till_id IS NOT NULL"
    )
    assert remote_moves == store.scalar("SELECT count(*) FROM stock_moves WHERE ref != 'sync'")

    # The last pull left the till with the server's stock levels and prices: no pulled page
    # was lost to a kill (a page and its cursor are saved in one local transaction).
    levels = dict(
        chain.database.rows(
            "SELECT sku, on_hand_milli FROM stock_levels WHERE shop_id = :s AND location = 'SHOP'",
            s=chain.shop,
        )
    )
    local_levels = dict(
        store.execute(
            "SELECT p.sku, coalesce(sum(m.qty_milli), 0) FROM products p JOIN locations l"
            " ON l.code = 'SHOP' LEFT JOIN stock_moves m ON m.product_id = p.id"
            " AND m.location_id = l.id GROUP BY p.sku"
        )
    )
    assert local_levels == levels
    prices = dict(
        chain.database.rows("SELECT sku, price FROM products WHERE shop_id = :s", s=chain.shop)
    )
    assert dict(store.execute("SELECT sku, price FROM products")) == prices


def drain(t, *, url=None) -> None:
    for _ in range(20):
        try:
            if t.sync(url=url, attempts=3).left_unsent == 0:
                return
        except SyncError:
            time.sleep(0.2)
    raise AssertionError("the outbox did not drain")


def test_a_till_killed_at_random_moments_loses_and_doubles_no_sale(chain, tmp_path):
    stock_the_shop(chain)
    t = chain.till(tmp_path / "t1", "T01")
    t.sync()
    t.close()
    target = env_int("TILLBOOK_KILL_SALES", 2000)
    rng = random.Random(11)
    kills = 0
    while True:
        with Store.open(t.directory / "till.db") as store:
            sold = store.scalar("SELECT count(*) FROM sales")
        if sold >= target and kills >= 5:
            break
        child = subprocess.Popen(
            [sys.executable, "tests/sync_till_child.py", str(t.directory), str(kills)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 1.0))
        # The owner's changes reach the till in the pulls the kills interrupt.
        sku = rng.choice(SKUS)
        chain.add_products(product(sku, rng.randint(100, 999)))
        chain.receive(sku, 1000 * rng.randint(1, 9))
        time.sleep(rng.uniform(0.3, 1.0))
        child.send_signal(signal.SIGKILL)
        child.wait()
        kills += 1

    t.store = Store.open(t.directory / "till.db")
    drain(t)
    assert t.store.integrity_problems(full=True) == []
    assert_exactly_once(chain, t.store)


def test_a_faulty_network_loses_and_doubles_nothing(chain, tmp_path):
    stock_the_shop(chain)
    proxy = FaultProxy(chain.server.port, seed=5, stall_s=1.5)
    proxy.enabled = False
    t = chain.till(tmp_path / "t1", "T01", url=proxy.url)
    t.sync()
    proxy.enabled = True
    rng = random.Random(3)
    for _ in range(env_int("TILLBOOK_FAULT_ROUNDS", 25)):
        for _ in range(rng.randint(1, 6)):
            t.sell(*((sku, rng.randint(1, 3)) for sku in rng.sample(SKUS, 2)))
        if rng.random() < 0.3:  # the owner's price changes come down through the faults
            chain.add_products(product(rng.choice(SKUS), rng.randint(100, 999)))
        try:
            t.sync(attempts=2)
        except SyncError:
            pass
    proxy.enabled = False
    drain(t)
    proxy.close()

    assert all(proxy.counts[f] > 0 for f in FaultProxy.FAULTS), proxy.counts
    assert_exactly_once(chain, t.store)


def test_a_server_killed_mid_batch_leaves_no_partial_sale(chain, tmp_path):
    stock_the_shop(chain)
    proxy = FaultProxy(chain.server.port)
    proxy.enabled = False
    t = chain.till(tmp_path / "t1", "T01", url=proxy.url)
    t.sync()
    rng = random.Random(9)
    interrupted = 0
    for _round in range(4):
        for _ in range(300):
            t.sell(*((sku, 1) for sku in rng.sample(SKUS, 5)))
        since = time.monotonic()
        pusher = threading.Thread(target=lambda: _sync_quietly(t))
        pusher.start()
        # Kill only once the server holds the whole push, at a varying point of applying it.
        _, push = proxy.wait_for("forwarded", "POST /v1/push", since=since)
        time.sleep(rng.uniform(0, 0.02))
        chain.server.kill()
        pusher.join()
        assert not proxy.happened(push, "answered")  # the server died with the push in hand

        assert_whole_sales(chain, t.store)
        on_server = chain.database.scalar("SELECT count(*) FROM sales")
        interrupted += on_server < t.store.scalar("SELECT count(*) FROM sales")
        changes = chain.database.scalar("SELECT count(*) FROM changes")
        applied = chain.database.scalar("SELECT applied_seq FROM tills")
        assert changes == applied  # the mark moved with the changes, in one transaction
        chain.server.start()
    assert interrupted  # at least one kill landed before the push was committed
    drain(t)
    proxy.close()
    assert_exactly_once(chain, t.store)


def assert_whole_sales(chain, store: Store) -> None:
    """Each sale the server holds has all the lines, payments and stock movements the till
    recorded for it."""
    local = {
        uuid: (lines, sorted(json.loads(payments)), moves)
        for uuid, lines, payments, moves in store.execute(
            "SELECT s.uuid, (SELECT count(*) FROM sale_lines l WHERE l.sale_id = s.id),"
            " (SELECT json_group_array(json_array(p.tender, p.amount)) FROM sale_payments p"
            " WHERE p.sale_id = s.id), (SELECT count(*) FROM stock_moves m"
            " WHERE m.ref = s.receipt_no AND m.kind IN ('sale', 'return')) FROM sales s"
        )
    }
    assert all(payments for _, payments, _ in local.values())
    for uuid, payload, lines, moves in chain.database.rows(
        "SELECT s.uuid, s.payload, (SELECT count(*) FROM sale_lines l WHERE"
        " l.sale_uuid = s.uuid), (SELECT count(*) FROM stock_moves m WHERE"
        " m.ref = s.receipt_no AND m.till_id = s.till_id)"
        " FROM sales s"
    ):
        payments = sorted([p["tender"], p["amount"]] for p in json.loads(payload)["payments"])
        assert (lines, payments, moves) == local[uuid], uuid


def _sync_quietly(t) -> None:
    try:
        t.sync(attempts=1)
    except SyncError:
        pass
