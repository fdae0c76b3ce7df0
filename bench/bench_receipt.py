"""Receipt speed: lay out a 30-item receipt (target <= 5 ms) and print it to a TCP printer
peer on 127.0.0.1 (target <= 50 ms), each beside a same-run baseline.

Run from the repository root: ``python bench/bench_receipt.py``.
"""

from __future__ import annotations

import os
import socket
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", tempfile.gettempdir())

from app import catalog, sales, users  # noqa: E402
from app.config import PrinterSettings, ShopSettings  # noqa: E402
from app.money import format_yuan  # noqa: E402
from app.ticket import Line, Payment, Ticket, price_ticket  # noqa: E402
from devices.printer import ReceiptPrinter  # noqa: E402
from localdb import Store  # noqa: E402
from printing.escpos_out import doc_to_escpos  # noqa: E402
from printing.receipt import render_receipt  # noqa: E402
from tests.printer_peer import PrinterPeer  # noqa: E402

ITEMS = 30
SHOP = ShopSettings(name="好邻居便利店", address="上海市徐汇区漕溪北路88号", phone="021-5555 1234")


def make_sale(store: Store) -> sales.Sale:
    cashier = users.add_user(store, name="李娜", role="cashier", pin="2468")
    ticket = Ticket()
    for i in range(ITEMS):
        pid = catalog.save_product(
            store, sku=f"SKU{i}", name=f"商品 Item {i} 可口可乐", price=350 + i * 17
        )
        product = catalog.by_id(store, pid)
        ticket.lines.append(
            Line(ticket.new_line_id(), pid, product.sku, product.name, product.unit, "",
                 1000 + (i % 3) * 1000, product.price, product.price, product.tax_rate)
        )  # fmt: skip
    total = price_ticket(ticket).total
    ticket.payments = [Payment("cash", total + 500)]
    totals = price_ticket(ticket)
    sale_id = sales.write(
        store, ticket, totals, kind="sale", till_code="T01", cashier_id=cashier.id,
        now=datetime.now(UTC),
    )  # fmt: skip
    return sales.load(store, sale_id=sale_id)


def naive_text(sale: sales.Sale) -> bytes:
    """Baseline: the same facts as one f-string per line, no width arithmetic, one encode."""
    rows = [SHOP.name, sale.receipt_no]
    for line in sale.lines:
        rows.append(line.name)
        rows.append(
            f"  {line.qty_milli // 1000} x {format_yuan(line.unit_price)} {format_yuan(line.gross)}"
        )
    rows.append(f"TOTAL {format_yuan(sale.total)}")
    return "\n".join(rows).encode("gb18030")


def timed(fn, runs: int) -> list[float]:
    fn()  # warm up
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, PrinterPeer() as peer:
        store = Store.open(Path(tmp) / "till.db")
        sale = make_sale(store)
        store.close()

        def render() -> bytes:
            return doc_to_escpos(render_receipt(sale, SHOP, width_cols=48))

        data = render()
        printer = ReceiptPrinter(PrinterSettings(url=peer.url))

        def print_job() -> None:
            with printer.connect() as conn:
                printer.ensure_ready(conn)
                conn.send(data)
                conn.status()  # answered only after the peer has read the whole job

        def bare_socket() -> None:
            with socket.create_connection(("127.0.0.1", peer.port)) as sock:
                sock.sendall(data)
                sock.sendall(b"\x10\x04\x01")
                sock.recv(1)  # same end point: the peer has read everything

        rows = [
            (
                "render 30-item receipt",
                timed(render, 300),
                5.0,
                timed(lambda: naive_text(sale), 300),
            ),
            ("print to TCP peer", timed(print_job, 60), 50.0, timed(bare_socket, 60)),
        ]
        lines = sum(1 for b in data.split(b"\n"))
        print(f"receipt: {ITEMS} items, {lines} printed lines, {len(data)} bytes")
        print(
            f"{'case':<24}{'median ms':>10}{'p95 ms':>9}{'target':>8}{'baseline ms':>13}{'ratio':>8}  verdict"
        )
        for name, times, target, base in rows:
            med, p95 = statistics.median(times), statistics.quantiles(times, n=20)[18]
            base_med = statistics.median(base)
            verdict = "ok" if p95 <= target else "SLOW"
            print(
                f"{name:<24}{med:>10.3f}{p95:>9.3f}{target:>8.1f}{base_med:>13.3f}"
                f"{med / base_med:>8.1f}  {verdict}"
            )
        print("baselines: render = one f-string per line, no column arithmetic;")
        print("           print = bare socket: connect, sendall, one status byte back")


if __name__ == "__main__":
    main()
