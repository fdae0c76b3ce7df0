"""How long a 50-line delivery slip PDF takes, beside a bare reportlab canvas with the same text.

Target: the slip in at most 200 ms. The baseline draws the same strings with the same
embedded font on a plain canvas (no tables, wrapping, barcode or page count), so the ratio
shows what the layout costs on top of reportlab itself.

Run from the repository root: ``python bench/bench_slip.py [--lines 50] [--runs 15]``.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from app import catalog, delivery, users  # noqa: E402
from app.delivery import OrderLine  # noqa: E402
from app.money import amount_in_words, format_money, format_quantity  # noqa: E402
from localdb import Store  # noqa: E402
from printing import slip  # noqa: E402

TARGET_MS = 200.0
SHOP = slip.Shop("永兴建材商行", "杭州市拱墅区建材市场 A 区 18 号", "0571-88886666")


def make_slip(store: Store, lines: int) -> delivery.Delivery:
    clerk = users.add_user(store, name="Clerk", role="clerk", pin="2222")
    ids = [
        catalog.save_product(
            store, sku=f"TILE{i:03d}", name=f"抛釉地砖 灰色 第{i}款", price=3850 + i, unit="片"
        )
        for i in range(lines)
    ]
    return delivery.create_order(
        store,
        user=clerk,
        till_code="T01",
        name="王建国",
        phone="13800138000",
        address="杭州市西湖区文三路 100 号 3 幢 2 单元 501",
        lines=[
            OrderLine(p, (i % 9 + 1) * 1000, specification="600×600mm") for i, p in enumerate(ids)
        ],
        notes="下午三点后送货",
    )


def bare_canvas(found: delivery.Delivery, font: str) -> bytes:
    """The same strings, one per line, on a plain canvas: reportlab's own floor."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    y = 800
    c.setFont(font, 9.5)
    header = [SHOP.name, SHOP.address, found.number, found.customer_name, found.address]
    for text in header:
        c.drawString(40, y, text)
        y -= 14
    for line in found.lines:
        if y < 60:
            c.showPage()
            c.setFont(font, 9.5)
            y = 800
        cells = [
            str(line.line_no),
            line.sku,
            line.name,
            line.specification,
            line.unit,
            format_quantity(line.qty_milli),
            format_money(line.unit_price),
            format_money(line.amount),
        ]
        c.drawString(40, y, "  ".join(cells))
        y -= 14
    c.drawString(40, y - 14, amount_in_words(found.total))
    c.showPage()
    c.save()
    return out.getvalue()


def timed(func, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=50)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    start = time.perf_counter()
    font = slip.cjk_font()
    font_ms = (time.perf_counter() - start) * 1000
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "till.db")
        found = make_slip(store, args.lines)
        store.close()
    slip.render(found, SHOP)  # warm-up: first subset of the font, imports
    bare_canvas(found, font.name)

    rows = [
        (
            "bare canvas, same text (baseline)",
            timed(lambda: bare_canvas(found, font.name), args.runs),
        ),
        (f"slip PDF, A4, {args.lines} lines", timed(lambda: slip.render(found, SHOP), args.runs)),
        (
            f"slip PDF, A5, {args.lines} lines",
            timed(lambda: slip.render(found, SHOP, paper="A5"), args.runs),
        ),
    ]
    base = statistics.median(rows[0][1])
    print(f"font: {font.describe()}; registering it took {font_ms:.0f} ms (once per process)")
    print(f"{'case':<36} {'median ms':>10} {'max ms':>8} {'x baseline':>11}")
    for name, times in rows:
        median = statistics.median(times)
        print(f"{name:<36} {median:>10.1f} {max(times):>8.1f} {median / base:>11.2f}")
    slip_median = statistics.median(rows[1][1])
    verdict = "within" if slip_median <= TARGET_MS else "OVER"
    print(
        f"target: {args.lines}-line slip <= {TARGET_MS:.0f} ms: {verdict} ({slip_median:.1f} ms)"
    )
    return 0 if slip_median <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
