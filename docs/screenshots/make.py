"""Render the counter screen's login, selling, payment, search, customer, return and
unprinted-receipts screens
in Chinese and English at 1366x768, into this folder. Run from the repository root:

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make.py

A CJK font must be installed (Debian: fonts-wqy-zenhei), or the Chinese shows as boxes.
The shop is a small made-up one, built in a temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QColor, QFontDatabase, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import catalog, customers, stock, users  # noqa: E402
from app.config import Config  # noqa: E402
from app.till import Till  # noqa: E402
from localdb import Store  # noqa: E402
from printing.queue import CONNECTION_LOST, PrintJob  # noqa: E402
from ui import theme  # noqa: E402
from ui.i18n import Language  # noqa: E402
from ui.reader import Readers  # noqa: E402
from ui.services import Services  # noqa: E402
from ui.tasks import Tasks  # noqa: E402
from ui.window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parent
SIZE = (1366, 768)
PRODUCTS = [
    ("6901234567892", "COLA330", "可口可乐 330ml", 350),
    ("6920202888883", "NFSQ550", "农夫山泉 饮用天然水 550ml", 200),
    ("6901028075831", "ZHH-RED", "中华 香烟（软红）", 4500),
    ("6925303730574", "TYSM", "统一 老坛酸菜牛肉面", 450),
    ("6902538006100", "MZY", "蒙牛 纯牛奶 250ml × 12", 6290),
    ("6911988009234", "DLX", "达利园 法式软面包 香奶味", 1290),
    ("6903148144589", "ANLX", "安慕希 希腊风味酸奶 205g", 590),
    ("6934024511201", "KLB", "康师傅 冰红茶 500ml", 300),
    ("6956511900015", "WWXB", "旺旺 雪饼 84g", 780),
    ("6921168509256", "HKLK", "好丽友 巧克力派 6枚装", 1350),
    ("6901035603119", "KLQT", "可乐味 QQ 糖", 250),
]


def seed(store: Store) -> None:
    users.add_user(store, name="王芳", role="cashier", pin="1111")
    users.add_user(store, name="李老板", role="owner", pin="9999")
    for code, sku, name, price in PRODUCTS:
        product_id = catalog.save_product(
            store, sku=sku, name=name, price=price, cost=price * 7 // 10, barcodes=[code]
        )
        stock.record(store, product_id=product_id, qty_milli=40_000, kind="receipt")
    person = customers.save_customer(store, name="张伟", phone="13800138000", card_code="M000123")
    till = Till(store, Config())
    till.login(users.all_users(store)[0])
    till.attach_customer(person.id)
    for code in ("6902538006100", "6901234567892", "6901234567892", "6956511900015"):
        till.scan(code)
    till.add_payment(tender="cash", amount=till.totals().due)
    till.complete()
    for code in ("6920202888883", "6934024511201"):
        till.scan(code)
    till.add_payment(tender="wechat", amount=till.totals().due)
    till.complete()


class UnprintedReceipts:
    """The print queue's list for the screenshot: the seeded sales' receipts, one waiting
    for paper and one cut off by a lost connection (nothing is printed)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def jobs(self, pending_only: bool = True) -> list[PrintJob]:
        rows = self.store.all("SELECT id, receipt_no, created_at FROM sales ORDER BY id")
        reasons = [
            ("waiting", "paper out", "paper_out"),
            ("failed", CONNECTION_LOST, "connection_lost"),
        ]
        return [
            PrintJob(row["id"], row["id"], row["receipt_no"], "receipt", state, "done", 1,
                     reason, row["created_at"], None, code)
            for row, (state, reason, code) in zip(rows, reasons, strict=False)
        ]  # fmt: skip

    def retry(self, job_id: int) -> bool:
        return False

    skip = retry


def settle(app: QApplication, until=lambda: True, rounds: int = 200) -> None:
    for _ in range(rounds):
        app.processEvents()
        if until():
            app.processEvents()
            return
        QApplication.instance().thread().msleep(10)


def with_dialog(window, dialog):
    """The window with the dialog on top of it, the way the cashier sees it."""
    shot = window.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 90))
    pix = dialog.grab()
    painter.drawPixmap(
        QPoint((shot.width() - pix.width()) // 2, (shot.height() - pix.height()) // 2), pix
    )
    painter.end()
    return shot


def render(app: QApplication, store: Store, language_code: str, tmp: Path) -> None:
    config = Config().replace(
        "shop", name="便利蜂 · 望京店" if language_code == "zh_CN" else "Corner Shop Wangjing"
    )
    services = Services(
        data_dir=tmp,
        config=config,
        store=store,
        till=Till(store, config),
        readers=Readers(store.path),
        tasks=Tasks(threads=2),
        lookups=Tasks(threads=1),
        print_queue=UnprintedReceipts(store),
        missing={"sync": "not installed", "devices": "not installed"},
    )
    language = Language()
    language.apply(language_code)
    window = MainWindow(services, language)
    window.resize(*SIZE)
    window.show()
    window.refresh_status()
    settle(app, rounds=30)
    window.login.pin.setText("11")
    settle(app, rounds=5)
    window.grab().save(str(OUT / f"login_{language_code}.png"))

    cashier = next(u for u in users.all_users(store) if u.role == "cashier")
    window.on_login(cashier)
    selling = window.selling
    for code in (
        "6901234567892",
        "6920202888883",
        "6925303730574",
        "6902538006100",
        "6901234567892",
        "6911988009234",
        "6903148144589",
    ):
        selling.scan(code)
    selling.scan("6900000000014")  # not in the catalog: the banner shows
    settle(app, rounds=10)
    window.grab().save(str(OUT / f"selling_{language_code}.png"))

    selling.banner.clear_message()
    selling.open_pay()
    dialog = selling.dialog
    selling.till.add_payment(tender="wechat", amount=3000)  # a split payment in progress
    dialog.refresh()
    dialog.amount.setText("100")
    settle(app, until=lambda: dialog.isVisible(), rounds=20)
    with_dialog(window, dialog).save(str(OUT / f"payment_{language_code}.png"))
    dialog.reject()
    selling.till.remove_payment(0)
    settle(app, rounds=5)

    selling.open_search()
    dialog = selling.dialog
    dialog.field.setText("kl")
    settle(app, until=lambda: dialog.ready and dialog.results.rowCount() > 0)
    with_dialog(window, dialog).save(str(OUT / f"search_{language_code}.png"))
    dialog.reject()
    settle(app, rounds=5)

    selling.open_customer()
    dialog = selling.dialog
    dialog.field.setText("1380")
    settle(app, until=lambda: dialog.orders.count() > 0 and dialog.current() is not None)
    settle(app, rounds=20)
    with_dialog(window, dialog).save(str(OUT / f"customer_{language_code}.png"))
    dialog.reject()
    settle(app, rounds=5)

    selling.open_return()
    dialog = selling.dialog
    dialog.field.setText("T01-000001")
    dialog.load("T01-000001")
    settle(app, rounds=10)
    with_dialog(window, dialog).save(str(OUT / f"return_{language_code}.png"))
    dialog.reject()
    settle(app, rounds=5)

    selling.open_unprinted()
    dialog = selling.dialog
    settle(app, until=lambda: dialog.loaded and dialog.preview.toPlainText() != "")
    settle(app, rounds=10)
    with_dialog(window, dialog).save(str(OUT / f"receipts_{language_code}.png"))
    dialog.reject()
    settle(app, rounds=5)

    window.close()
    services.tasks.wait()
    services.lookups.wait()
    services.readers.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    families = set(QFontDatabase.families())
    if not families & set(theme.FONT_FAMILIES):
        print("no CJK font found (install fonts-wqy-zenhei); Chinese would show as boxes")
        return 1
    theme.apply(app)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        with Store.open(tmp / "till.db") as store:
            seed(store)
            for code in ("zh_CN", "en"):
                render(app, store, code, tmp)
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
