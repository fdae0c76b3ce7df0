"""A till killed with SIGKILL at random moments loses no sale it reported complete, and
leaves no half-written sale behind."""

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from app import catalog, sales, stock
from localdb import Store
from sync import outbox

ROOT = Path(__file__).resolve().parents[1]


def _seed(path):
    with Store.open(path) as store:
        catalog.save_product(
            store, sku="COLA", name="可口可乐", price=350, barcodes=["6901234567892"]
        )
        catalog.save_product(
            store,
            sku="TEA",
            name="Tea",
            price=8800,
            stock_policy="allow",
            barcodes=["6923450657713"],
        )


def _run_and_kill(path, seed, after_s):
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.sell_loop", str(path), str(seed)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reported = []

    def read():
        for line in child.stdout:
            reported.append(line.strip())

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(after_s)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    reader.join()
    err = child.stderr.read()
    child.stderr.close()
    assert "Traceback" not in err, err
    return reported


def test_every_reported_sale_survives_sigkill_and_none_is_half_written(tmp_path):
    path = tmp_path / "till.db"
    _seed(path)
    rng = random.Random(20261203)
    reported = []
    for round_no in range(12):
        reported += _run_and_kill(path, round_no, rng.uniform(0.6, 1.6))

    assert len(reported) > 50, "the child should have completed sales before each kill"
    with Store.open(path) as store:
        stored = {r[0] for r in store.execute("SELECT receipt_no FROM sales")}
        assert set(reported) <= stored
        for receipt_no in stored:
            sale = sales.load(store, receipt_no=receipt_no)
            assert sale.lines and sale.payments and sale.taxes
            assert sum(ln.net for ln in sale.lines) + sale.rounding == sale.total
            uuid_row = store.scalar("SELECT count(*) FROM outbox WHERE uuid = ?", (sale.uuid,))
            assert uuid_row == 1
            moves = store.scalar("SELECT count(*) FROM stock_moves WHERE ref = ?", (receipt_no,))
            assert moves == len(sale.lines)
        assert outbox.pending_count(store.conn, "sale") == len(stored)
        seqs = [r[0] for r in store.execute("SELECT seq FROM outbox ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1))
        assert stock.cache_mismatches(store) == []
        assert store.integrity_problems(full=True) == []
