"""Sync benchmarks against real server processes on loopback, SQLite and PostgreSQL.

    python bench/bench_sync.py [--sales 10000] [--day-end 5000] [--products 100000] [--db sqlite,postgres]

Each figure is printed beside the same run's raw insert rate of the same database (plain
executemany inserts of the same rows in one transaction), so a slow machine shows up in
both columns.
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from sync_harness import Chain, Database, FaultProxy, ServerProcess  # noqa: E402

from app import catalog  # noqa: E402
from localdb import Store  # noqa: E402
from sync import cycle, outbox  # noqa: E402
from sync.client import SyncClient  # noqa: E402
from sync.server import db, models, service  # noqa: E402

LINES = 5


def sale_payload(till_code: str, n: int) -> dict:
    lines, moves = [], []
    for i in range(1, LINES + 1):
        lines.append(
            {"line_no": i, "sku": f"SKU{i:05d}", "barcode": "", "name": f"商品 {i}", "unit": "件",
             "qty_milli": 1000, "unit_price": 100 * i, "list_price": 100 * i, "tax_rate": 1300,
             "gross": 100 * i, "discount": 0, "net": 100 * i, "tax": 12 * i,
             "original_line_no": None}
        )  # fmt: skip
        moves.append(
            {"uuid": secrets.token_hex(16), "sku": f"SKU{i:05d}", "location": "SHOP",
             "qty_milli": -1000, "kind": "sale", "ref": "", "note": ""}
        )  # fmt: skip
    total = sum(ln["net"] for ln in lines)
    return {
        "uuid": secrets.token_hex(16), "receipt_no": f"{till_code}-{n:06d}", "kind": "sale",
        "original_uuid": None, "customer_uuid": None, "cashier": "bench",
        "created_at": "2026-03-01T10:00:00.000+08:00", "business_day": "2026-03-01",
        "subtotal": total, "discount_total": 0, "rounding": 0, "total": total, "tax_total": 180,
        "paid": total, "change_given": 0, "tax_inclusive": 1, "needs_review": 0,
        "review_reason": "", "till": till_code, "lines": lines,
        "payments": [{"tender": "cash", "amount": total, "reference": ""}],
        "taxes": [{"rate": 1300, "net": total, "tax": 180}], "moves": moves,
    }  # fmt: skip


def raw_insert_rate(database: Database, count: int) -> float:
    """Sales per second the database takes as plain inserts (header, lines, movements)."""
    engine = database.engine
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE IF NOT EXISTS bench_head (uuid TEXT PRIMARY KEY, body TEXT)"
        )
        conn.exec_driver_sql(
            "CREATE TABLE IF NOT EXISTS bench_line (sale TEXT, no INTEGER, sku TEXT, qty BIGINT,"
            " PRIMARY KEY (sale, no))"
        )
        conn.exec_driver_sql(
            "CREATE TABLE IF NOT EXISTS bench_move (uuid TEXT PRIMARY KEY, sku TEXT, qty BIGINT)"
        )
    heads = [{"u": secrets.token_hex(16), "b": "x" * 1500} for _ in range(count)]
    lines = [{"s": h["u"], "n": i, "k": f"SKU{i}", "q": 1000} for h in heads for i in range(LINES)]
    moves = [
        {"u": secrets.token_hex(16), "k": f"SKU{i}", "q": -1000}
        for _ in heads
        for i in range(LINES)
    ]
    started = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(service.q("INSERT INTO bench_head VALUES (:u, :b)"), heads)
        conn.execute(service.q("INSERT INTO bench_line VALUES (:s, :n, :k, :q)"), lines)
        conn.execute(service.q("INSERT INTO bench_move VALUES (:u, :k, :q)"), moves)
    return count / (time.perf_counter() - started)


def bench_push(chain: Chain, tmp: Path, count: int, batch: int = 1000) -> float:
    t = chain.till(tmp / "push", "B1")
    changes = [
        {"seq": n, "uuid": p["uuid"], "kind": "sale", "version": 1, "payload": p}
        for n, p in ((n, sale_payload("B1", n)) for n in range(1, count + 1))
    ]
    # Bodies are encoded before the clock starts: a till splices the payloads it stored
    # when each sale was made (sync.cycle._body), it does not encode them at push time.
    bodies = [
        json.dumps({"shop": t.shop, "changes": changes[start : start + batch]}).encode()
        for start in range(0, count, batch)
    ]
    with SyncClient(chain.server.url, t.token) as client:
        started = time.perf_counter()
        for body in bodies:
            status, answer = client.push_raw(body)
            assert status == 200, answer
        elapsed = time.perf_counter() - started
    t.close()
    return count / elapsed


def bench_day_end(chain: Chain, tmp: Path, count: int) -> float:
    proxy = FaultProxy(chain.server.port)
    proxy.enabled = False
    t = chain.till(tmp / "dayend", "B2", url=proxy.url)
    with t.store.transaction() as conn:
        for n in range(1, count + 1):
            p = sale_payload("B2", n)
            outbox.append(conn, "sale", p, change_uuid=p["uuid"])
    proxy.delay_s = 0.1  # added round trip, half each way
    started = time.perf_counter()
    moved = t.sync()
    elapsed = time.perf_counter() - started
    assert moved.left_unsent == 0 and moved.pushed == count, moved
    proxy.close()
    t.close()
    return elapsed


def bench_initial_pull(chain: Chain, tmp: Path, count: int) -> tuple[float, float, float]:
    """A new till's first pull of ``count`` products, then another's once every product
    has a stock level too; with the same run's raw insert rate of the till's SQLite."""
    products = [
        models.OwnerProduct(
            sku=f"P{n:06d}", name=f"测试商品{n % 977} 规格{n % 13} item {n}", price=100 + n % 5000,
            barcodes=[{"code": f"69{n:011d}", "pack_qty": 1}],
        )
        for n in range(count)
    ]  # fmt: skip
    db.write(
        chain.database.engine,
        lambda conn: (
            service.upsert_products(conn, chain.shop, products),
            service.stamp(conn, chain.shop),
        ),
    )
    catalog_only = timed_first_pull(chain, tmp / "pull", "B3", count)
    moves = [
        {"uuid": secrets.token_hex(16), "sku": p.sku, "location": "SHOP",
         "qty_milli": 1000 * (n % 50 + 1), "kind": "receipt"}
        for n, p in enumerate(products)
    ]  # fmt: skip
    with chain.owner_client() as http:
        r = http.post("/v1/owner/stock", json={"shop": chain.shop, "moves": moves}, timeout=600)
        assert r.status_code == 200, r.text
    with_stock = timed_first_pull(chain, tmp / "pull-stock", "B4", count, stock=moves)

    raw = Store.open(tmp / "raw.db")
    rows = [(p.sku, p.name, p.price) for p in products]
    started = time.perf_counter()
    with raw.transaction() as conn:
        conn.executemany("INSERT INTO products (sku, name, price) VALUES (?, ?, ?)", rows)
    raw_rate = count / (time.perf_counter() - started)
    raw.close()
    return catalog_only, with_stock, raw_rate


def timed_first_pull(chain: Chain, directory: Path, code: str, count: int, stock=()) -> float:
    t = chain.till(directory, code)
    started = time.perf_counter()
    with SyncClient(chain.server.url, t.token) as client:
        cycle.pull(t.store, client, cycle.Moved())
    elapsed = time.perf_counter() - started
    assert catalog.count(t.store) == count + LINES
    assert catalog.search(t.store, "测试商品5")  # searchable when it ends
    assert catalog.by_barcode(t.store, f"69{count - 1:011d}") is not None
    for move in stock[:: max(1, len(stock) // 100)]:
        assert t.on_hand(move["sku"]) == move["qty_milli"]
    t.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=10_000)
    parser.add_argument("--day-end", type=int, default=5_000)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--db", default="sqlite,postgres")
    args = parser.parse_args()

    rows = []
    for kind in args.db.split(","):
        with tempfile.TemporaryDirectory() as name:
            tmp = Path(name)
            database = Database(kind, tmp)
            server = ServerProcess(database, tmp).start()
            try:
                chain = Chain(database, server)
                chain.add_products(
                    *({"sku": f"SKU{i:05d}", "name": f"商品 {i}", "price": 100 * i}
                      for i in range(1, LINES + 1))
                )  # fmt: skip
                for i in range(1, LINES + 1):
                    chain.receive(f"SKU{i:05d}", 10**9)
                raw = raw_insert_rate(database, args.sales)
                push = bench_push(chain, tmp, args.sales)
                rows.append((kind, f"push {args.sales} sales x {LINES} lines", f"{push:,.0f} sales/s",
                             ">= 2,000 sales/s", f"{raw:,.0f} sales/s", f"{push / raw:.2f}"))  # fmt: skip
                day_end = bench_day_end(chain, tmp, args.day_end)
                rows.append((kind, f"day end {args.day_end} sales, +100 ms RTT", f"{day_end:.2f} s",
                             "<= 5 s", f"{raw:,.0f} sales/s",
                             f"{(args.day_end / day_end) / raw:.2f}"))  # fmt: skip
                pull, stocked, raw_local = bench_initial_pull(chain, tmp, args.products)
                rows.append((kind, f"initial pull {args.products:,} products", f"{pull:.2f} s",
                             "<= 3 s", f"{raw_local:,.0f} rows/s (till SQLite)",
                             f"{(args.products / pull) / raw_local:.2f}"))  # fmt: skip
                rows.append((kind, "  the same, each with a stock level", f"{stocked:.2f} s",
                             "(none)", f"{raw_local:,.0f} rows/s (till SQLite)",
                             f"{(args.products / stocked) / raw_local:.2f}"))  # fmt: skip
            finally:
                server.stop()
                database.drop()

    head = ("db", "what", "result", "target", "raw insert, same run", "ratio to raw")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    for row in [head, ["-" * w for w in widths], *rows]:
        print("  ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
