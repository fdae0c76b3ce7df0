"""Write docs/receipt-sample.txt (decoded printer output) and docs/receipt-sample.png.

The sale has Chinese names, a line discount, cash rounding and two tenders; its receipt is
laid out, turned into ESC/POS bytes, sent through the dummy: transport, decoded back and
drawn. Run from the repository root: ``python docs/receipts/make_sample.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", tempfile.gettempdir())

from app import sales  # noqa: E402
from app.config import PrinterSettings, ShopSettings  # noqa: E402
from devices.printer import ReceiptPrinter  # noqa: E402
from localdb import Store  # noqa: E402
from printing.escpos_out import doc_to_escpos  # noqa: E402
from printing.receipt import render_receipt  # noqa: E402
from tests.escpos_decode import decode  # noqa: E402
from tests.receipt_png import render_png  # noqa: E402
from tests.sample_sale import make_sample_sale  # noqa: E402

SHOP = ShopSettings(
    name="好邻居便利店 Good Neighbour",
    address="上海市徐汇区漕溪北路88号",
    phone="021-5555 1234",
    tax_id="91310104MA1FR0XX1X",
)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "till.db")
        sale = sales.load(store, sale_id=make_sample_sale(store))
        store.close()
    printer = ReceiptPrinter(PrinterSettings(url="dummy:"))
    with printer.connect() as conn:
        conn.send(doc_to_escpos(render_receipt(sale, SHOP, width_cols=48)))
    decoded = decode(bytes(printer.recorded))

    out = ["# Decoded ESC/POS output of the sample receipt (48 columns, GB18030)", ""]
    for event in decoded.events:
        if event[0] == "line":
            style = "".join(k[0].upper() for k in ("bold", "tall") if event[2][k])
            out.append(f"{style:<2}|{event[1]}")
        else:
            out.append(f"  [{' '.join(str(part) for part in event)}]")
    text_path = ROOT / "docs" / "receipt-sample.txt"
    text_path.write_text("\n".join(out) + "\n", encoding="utf-8")
    png = render_png(decoded, ROOT / "docs" / "receipt-sample.png")
    print(f"wrote {text_path.relative_to(ROOT)} and {png.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
