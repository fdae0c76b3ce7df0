"""Render the images in docs/warehouse/: a slip PNG and the warehouse screens in zh_CN and en.

Run from the repository root: ``QT_QPA_PLATFORM=offscreen python docs/warehouse/make_images.py``.
Needs a CJK font (fonts-wqy-zenhei) and pdftoppm (poppler-utils).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt, QTranslator  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import catalog, delivery, stock, users  # noqa: E402
from app.barcode import with_check_digit  # noqa: E402
from app.config import Config  # noqa: E402
from app.delivery import OrderLine  # noqa: E402
from localdb import Store  # noqa: E402
from printing import slip as slips  # noqa: E402
from ui.warehouse import WarehouseWindow  # noqa: E402

OUT = Path(__file__).resolve().parent
EAN = {str(i): with_check_digit(f"69200000000{i}") for i in range(1, 8)}
FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

PRODUCTS = [
    ("TILE-600G", "抛釉地砖 灰色", "600×600mm", "片", 3850, EAN["1"]),
    ("PVC-20", "PVC 给水管", "Φ20mm 4米", "根", 1550, EAN["2"]),
    ("CEM-425", "水泥 P.O 42.5", "50kg/袋", "袋", 3200, EAN["3"]),
    ("SAND-M", "河沙 中沙", "吨袋", "袋", 28000, EAN["4"]),
    ("LATEX-W", "乳胶漆 白色", "18L", "桶", 45800, EAN["5"]),
    ("SCREW-4", "自攻螺丝", "M4×30 100个/盒", "盒", 1200, EAN["6"]),
    ("GLUE-T", "瓷砖胶", "20kg", "包", 6500, EAN["7"]),
]


def build(store: Store) -> dict:
    clerk = users.add_user(store, name="小李", role="clerk", pin="2222")
    users.add_user(store, name="老板", role="owner", pin="9999")
    ids = {}
    for sku, name, _spec, unit, price, code in PRODUCTS:
        ids[sku] = catalog.save_product(
            store, sku=sku, name=name, unit=unit, price=price, barcodes=[code]
        )
        stock.record(store, product_id=ids[sku], qty_milli=500_000, kind="receipt", location_id=2)
    specs = {sku: spec for sku, _n, spec, *_ in PRODUCTS}

    def order(name, phone, address, lines, **extra):
        return delivery.create_order(
            store,
            user=clerk,
            till_code="T01",
            name=name,
            phone=phone,
            address=address,
            lines=[OrderLine(ids[s], q * 1000, specification=specs[s]) for s, q in lines],
            **extra,
        )

    done = order("陈师傅", "13588886666", "余杭区良渚街道 9 号", [("CEM-425", 20), ("SAND-M", 2)])
    for _ in range(20):
        delivery.scan(store, delivery_id=done.id, code=EAN["3"], user=clerk)
    for _ in range(2):
        delivery.scan(store, delivery_id=done.id, code=EAN["4"], user=clerk)
    delivery.mark_picked(store, delivery_id=done.id, user=clerk)
    delivery.dispatch(store, delivery_id=done.id, user=clerk)
    order("刘女士", "13912345678", "滨江区江南大道 288 号 5 幢", [("LATEX-W", 3), ("SCREW-4", 2)])
    main = order(
        "王建国",
        "13800138000",
        "杭州市西湖区文三路 100 号 3 幢 2 单元 501",
        [("TILE-600G", 40), ("GLUE-T", 6), ("PVC-20", 12), ("SCREW-4", 3)],
        notes="下午三点后送货，小区东门进，电梯可用",
        delivery_date=datetime.now().date().isoformat(),
    )
    return {"clerk": clerk, "main": main}


def settle(app: QApplication, ms: int = 400) -> None:
    QTest.qWait(ms)
    app.processEvents()


def shots(app: QApplication, store: Store, data: dict, language: str) -> None:
    translator = QTranslator(app)
    # English needs its catalogue too, for plural forms ("1 page", "2 pages").
    if translator.load(str(ROOT / "ui" / "i18n" / f"warehouse_{language}.qm")):
        app.installTranslator(translator)
    config = Config().replace("shop", name="永兴建材商行", language=language)
    config = config.replace(
        "shop", address="杭州市拱墅区建材市场 A 区 18 号", phone="0571-88886666"
    )
    window = WarehouseWindow(store, config, data["clerk"])
    window.resize(1100, 720)
    window.show()
    settle(app)
    window.slip_list.grab().save(str(OUT / f"list_{language}.png"))

    main = data["main"]
    window.open_slip(main.number)
    pick = window.pick
    for code in [EAN["1"]] * 40 + [EAN["7"]] * 6 + [EAN["2"]] * 5:
        QTest.keyClicks(pick.scan, code)
        QTest.keyClick(pick.scan, Qt.Key.Key_Return)
    QTest.keyClicks(pick.scan, EAN["4"])  # sand is not on this slip
    QTest.keyClick(pick.scan, Qt.Key.Key_Return)
    settle(app)
    window.grab().save(str(OUT / f"pick_{language}.png"))

    pick.mark_picked()  # short: the override prompt opens
    settle(app)
    window.grab().save(str(OUT / f"override_{language}.png"))
    pick.prompt.close_prompt()

    window.show_preview(delivery.load(store, delivery_id=main.id))
    settle(app, 1500)
    window.grab().save(str(OUT / f"preview_{language}.png"))
    window.close()
    window.deleteLater()
    settle(app)
    app.removeTranslator(translator)
    # the pick progress is reset so the next language starts from the same place
    with store.transaction() as conn:
        conn.execute(
            "UPDATE delivery_lines SET picked_milli = 0 WHERE delivery_id = ?", (main.id,)
        )


def slip_png(store: Store, data: dict, folder: Path) -> None:
    shop = slips.Shop("永兴建材商行", "杭州市拱墅区建材市场 A 区 18 号", "0571-88886666")
    found = delivery.load(store, delivery_id=data["main"].id)
    for language in ("zh_CN", "en"):
        pdf = folder / f"slip_{language}.pdf"
        made = slips.write(pdf, found, shop, language=language)
        print(f"slip {language}: {made.pages} pages, font {made.font.describe()}")
        stem = OUT / f"slip_{language}"
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", "-singlefile", str(pdf), str(stem)], check=True
        )


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(FONT))
    if family:
        app.setFont(QFont(family[0], 10))
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "till.db")
        data = build(store)
        slip_png(store, data, Path(folder))
        for language in ("zh_CN", "en"):
            shots(app, store, data, language)
        store.close()


if __name__ == "__main__":
    main()
