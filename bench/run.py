"""Till core benchmarks: one command, one printed table.

    python bench/run.py [--products 1000000]

Builds (once, cached under bench/.cache/) a demo store of ``--products`` products and one of
``--small`` products with ``tillbook demo-data``, then measures on the large store, each figure
beside a raw SQLite baseline taken in the same run:

- scan to line (``Till.scan`` of random barcodes), p99; baseline: a bare indexed lookup
- completing a 5-line cash sale (durable: WAL + synchronous=FULL, ledger and outbox), p99,
  with WAL checkpoints on a background thread (localdb.checkpoint) as a selling till runs
  them; baseline: a bare INSERT + COMMIT with the same durability
- search by name part and by pinyin initials (``catalog.search``), p95; baseline: the bare
  FTS5 MATCH on the same index
- opening the store (``Store.open``), median of warm opens; baseline: a bare connect + query
- the till's memory: peak RSS of a till process at the large store minus at the small one;
  baseline: the same process on the small store
- importing 100,000 rows (``tillbook import products``, a fresh store); baseline: a bare
  executemany of the same rows into one table, one commit

Sales completed here go into the cached store, which is a benchmark store and nothing else.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
sys.path.insert(0, str(ROOT))

from app import catalog, demo, money  # noqa: E402
from app.config import Config  # noqa: E402
from app.errors import TillbookError  # noqa: E402
from app.ticket import Ticket  # noqa: E402
from app.till import Till  # noqa: E402
from localdb import Store  # noqa: E402
from localdb.checkpoint import BackgroundCheckpointer  # noqa: E402

NAME_QUERIES = (
    "可乐",
    "牛奶",
    "方便面",
    "矿泉水",
    "薯片",
    "Milk",
    "Noodles",
    "红烧牛肉",
    "Beer",
    "洗衣液",
)
INITIAL_QUERIES = ("kkkl", "nfsq", "ksf", "yqsl", "fbm", "cnn", "hsnr", "xyy", "bs", "kqs")


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    index = max(0, min(len(ordered) - 1, int(-(-p * len(ordered) // 1)) - 1))
    return ordered[index]


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - start) * 1000


# -- stores -------------------------------------------------------------------------------


def demo_store(products: int) -> tuple[Path, float | None]:
    """The cached demo store of this size, built with the real command if missing."""
    folder = CACHE / f"products-{products}"
    ready = folder / "ready.json"
    if ready.exists():
        return folder / "till.db", json.loads(ready.read_text())["seconds"]
    shutil.rmtree(folder, ignore_errors=True)
    print(f"building a demo store of {products:,} products in {folder} ...", flush=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(folder), "demo-data",
         "--products", str(products)],
        cwd=ROOT, check=True,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    ready.write_text(json.dumps({"seconds": seconds}))
    return folder / "till.db", seconds


def sample_codes(store: Store, count: int, rng: random.Random) -> list[str]:
    """Barcodes of random products that are sold by the unit and never blocked."""
    top = store.scalar("SELECT max(id) FROM products")
    ids = [rng.randint(1, top) for _ in range(count * 2)]
    rows = []
    for start in range(0, len(ids), 900):  # stay under SQLite's bound-parameter limit
        chunk = ids[start : start + 900]
        rows += store.conn.execute(
            "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id"
            f" WHERE b.product_id IN ({', '.join('?' * len(chunk))}) AND b.pack_qty = 1"
            " AND p.weighed = 0 AND p.stock_policy != 'block'",
            chunk,
        ).fetchall()
    codes = [r[0] for r in rows]
    rng.shuffle(codes)
    return codes[:count]


# -- measurements -------------------------------------------------------------------------


def bench_scan(store: Store, codes: list[str]) -> tuple[float, float]:
    """Each scan is followed by its baseline lookup, so both see the same machine load."""
    till = Till(store, Config())
    conn = store.conn
    query = "SELECT product_id, pack_qty FROM barcodes WHERE code = ?"
    times, base = [], []
    for n, code in enumerate(codes):
        if n % 20 == 0:
            till.ticket = Ticket()
        times.append(timed(till.scan, code))
        base.append(timed(lambda c: conn.execute(query, (c,)).fetchone(), code))
    return percentile(times, 0.99), percentile(base, 0.99)


def bench_complete(store: Store, codes: list[str], sales: int, work: Path) -> tuple[float, float]:
    """Each sale's completion is followed by a baseline insert-and-commit."""
    till = Till(store, Config())
    cashier = store.scalar("SELECT id FROM users WHERE role = 'cashier' LIMIT 1")
    till.user = _user(store, cashier)
    raw = sqlite3.connect(work / "baseline.db", isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)")

    def insert_commit() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("INSERT INTO t (v) VALUES (?)", ("x" * 200,))
        raw.execute("COMMIT")

    times, base = [], []
    with BackgroundCheckpointer(store):  # as the counter screen runs it
        for n in range(sales):
            for code in codes[n * 5 : n * 5 + 5]:
                till.scan(code)
            till.add_payment(tender="cash", amount=till.totals().total + 5000)
            times.append(timed(till.complete))
            base.append(timed(insert_commit))
    raw.close()
    return percentile(times, 0.99), percentile(base, 0.99)


def median_of(rounds: int, measure, args_for) -> tuple[float, ...]:
    """Run a measurement ``rounds`` times; the median of each figure over the rounds.

    The machine is shared: one busy moment can own a whole p99, so each figure is the
    median of several runs' percentiles."""
    results = [measure(*args_for(n)) for n in range(rounds)]
    return tuple(sorted(column)[len(column) // 2] for column in zip(*results, strict=True))


def _user(store: Store, user_id: int):
    from app import users

    return users.by_id(store, user_id)


def bench_search(store: Store, queries: tuple[str, ...], repeat: int) -> tuple[float, float, int]:
    from app.search_tokens import fts_query

    for query in queries:  # warm the page cache the way a working till has it
        catalog.search(store, query)
    times, base, found = [], [], 0
    conn = store.conn
    for _ in range(repeat):
        for query in queries:
            start = time.perf_counter()
            found += bool(catalog.search(store, query))
            times.append((time.perf_counter() - start) * 1000)
            match = fts_query(query)
            base.append(
                timed(
                    lambda m: conn.execute(
                        "SELECT rowid FROM product_search WHERE product_search MATCH ? LIMIT 50",
                        (m,),
                    ).fetchall(),
                    match,
                )
            )
    return percentile(times, 0.95), percentile(base, 0.95), found // repeat


def bench_open(path: Path, repeat: int = 15) -> tuple[float, float]:
    Store.open(path).close()  # the file in the OS cache, as on a till that was just running
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        store = Store.open(path)
        times.append((time.perf_counter() - start) * 1000)
        store.close()

    def bare() -> None:
        conn = sqlite3.connect(path)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()

    base = [timed(bare) for _ in range(repeat)]
    return percentile(times, 0.5), percentile(base, 0.5)


def till_memory(path: Path) -> float:
    """Peak RSS (MB) of a till process that opens the store, scans and searches."""
    out = subprocess.run(
        [sys.executable, str(Path(__file__)), "--memory-child", str(path)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout)["peak_mb"]


def memory_child(path: Path) -> None:
    store = Store.open(path)
    rng = random.Random(3)
    till = Till(store, Config())
    for n, code in enumerate(sample_codes(store, 2000, rng)):
        if n % 20 == 0:
            till.ticket = Ticket()
        try:
            till.scan(code)
        except TillbookError:
            pass
    for query in NAME_QUERIES + INITIAL_QUERIES:
        catalog.search(store, query)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    store.close()
    print(json.dumps({"peak_mb": peak_kb / 1024}))


def bench_import(rows: int, work: Path) -> tuple[float, float, float]:
    """Wall seconds, baseline seconds, and the CPU seconds the import used."""
    source = CACHE / f"import-{rows}.csv"
    if not source.exists():
        write_import_file(source, rows)
    data_dir = work / "import"
    shutil.rmtree(data_dir, ignore_errors=True)
    start = time.perf_counter()
    cpu_before = _children_cpu()
    subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(data_dir), "import", "products",
         str(source)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before

    with open(source, encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))[1:]
    raw = sqlite3.connect(work / "import-baseline.db", isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("DROP TABLE IF EXISTS t")
    raw.execute(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, barcode TEXT UNIQUE, name TEXT, price INTEGER,"
        " stock INTEGER)"
    )
    start = time.perf_counter()
    raw.execute("BEGIN")
    raw.executemany(
        "INSERT INTO t (barcode, name, price, stock) VALUES (?, ?, ?, ?)",
        [(r[0], r[1], money.parse_yuan(r[2]), r[-1]) for r in records],
    )
    raw.execute("COMMIT")
    base = time.perf_counter() - start
    raw.close()
    return seconds, base, cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def write_import_file(path: Path, rows: int) -> None:
    """A realistic import file from the demo catalog's generator (different SKUs)."""
    rng = random.Random(11)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["barcode", "name", "price", "sku", "unit", "tax_rate", "cost", "category", "stock"]
        )
        for n in range(rows):
            (sku, name, unit, price, cost, rate, category, _, weighed), codes, qty = demo._product(
                rng, 5_000_000 + n
            )
            writer.writerow([
                codes[0][0], name, money.format_yuan(price), "I" + sku[1:], unit,
                money.format_rate(rate), money.format_yuan(cost), category,
                money.format_quantity(qty),
            ])  # fmt: skip


# -- the table ----------------------------------------------------------------------------


def cpu_pressure() -> str:
    try:
        first = Path("/proc/pressure/cpu").read_text().splitlines()[0]
    except OSError:
        return "unknown"
    return first.replace("some ", "")


def row(name: str, value: float, base: float, unit: str, target: str, ok: bool) -> str:
    ratio = value / base if base else float("inf")
    return (
        f"| {name} | {value:,.2f} {unit} | {base:,.3f} {unit} | {ratio:,.1f}x | {target} |"
        f" {'yes' if ok else 'NO'} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--scans", type=int, default=5000)
    parser.add_argument("--sales", type=int, default=300)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="runs per figure (median taken)")
    parser.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return 0

    big, built = demo_store(args.products)
    small, _ = demo_store(args.small)
    rng = random.Random(7)
    lines = [
        f"Store: {args.products:,} demo products ({big.stat().st_size / 2**20:,.0f} MB)."
        f" Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version},"
        f" {os.cpu_count()} CPUs.",
        "",
        "| measure | Tillbook | raw SQLite baseline | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory(prefix="tillbook-bench-") as tmp:
        work = Path(tmp)
        opened, open_base = bench_open(big)
        lines.append(
            row("open the store (median)", opened, open_base, "ms", "<= 200 ms", opened <= 200)
        )
        store = Store.open(big)
        try:
            per_round = args.scans + args.sales * 5
            codes = sample_codes(store, per_round * args.rounds, rng)

            def round_codes(n: int) -> list[str]:
                return codes[n * per_round : (n + 1) * per_round]

            scan, scan_base = median_of(
                args.rounds, bench_scan, lambda n: (store, round_codes(n)[: args.scans])
            )
            lines.append(row("scan to line p99", scan, scan_base, "ms", "<= 1 ms", scan <= 1))
            done, done_base = median_of(
                args.rounds,
                bench_complete,
                lambda n: (store, round_codes(n)[args.scans :], args.sales, work),
            )
            lines.append(
                row("complete 5-line cash sale p99", done, done_base, "ms", "<= 3 ms", done <= 3)
            )
            names, names_base, hits = bench_search(store, NAME_QUERIES, 10)
            lines.append(
                row("search name part p95", names, names_base, "ms", "<= 30 ms", names <= 30)
            )
            initials, initials_base, hits2 = bench_search(store, INITIAL_QUERIES, 10)
            lines.append(
                row("search pinyin initials p95", initials, initials_base, "ms", "<= 30 ms",
                    initials <= 30)
            )  # fmt: skip
        finally:
            store.close()
        big_mb, small_mb = till_memory(big), till_memory(small)
        growth = big_mb - small_mb
        lines.append(
            f"| till memory growth {args.small:,} -> {args.products:,} | {growth:,.1f} MB"
            f" ({big_mb:,.0f} MB peak) | {small_mb:,.0f} MB peak at {args.small:,} |"
            f" {big_mb / small_mb:,.2f}x | <= 50 MB | {'yes' if growth <= 50 else 'NO'} |"
        )
        imported, import_base, import_cpu = bench_import(args.import_rows, work)
        lines.append(
            row(f"import {args.import_rows:,} rows", imported, import_base, "s", "<= 10 s",
                imported <= 10)
        )  # fmt: skip
    lines.append("")
    lines.append(
        f"Search queries found products for {hits}/{len(NAME_QUERIES)} name parts and"
        f" {hits2}/{len(INITIAL_QUERIES)} pinyin initials."
    )
    lines.append(
        f"The import used {import_cpu:,.1f} s of CPU time (its wall time includes waiting for"
        " a CPU on a shared machine)."
    )
    lines.append(f"CPU pressure during the run (/proc/pressure/cpu): {cpu_pressure()}.")
    if built is not None:
        lines.append(f"Building the store with `tillbook demo-data` took {built:,.0f} s.")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
