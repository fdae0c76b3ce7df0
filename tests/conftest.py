"""Fixtures shared by the whole suite: real SQLite files in tmp_path, a logged-in till."""

from __future__ import annotations

import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", tempfile.gettempdir())

import pytest  # noqa: E402

from app import catalog, stock, users  # noqa: E402
from app.config import Config  # noqa: E402
from app.till import Till  # noqa: E402
from localdb import Store  # noqa: E402


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A test that switches the screen to Chinese does not leave it switched for the next."""
    yield
    if "ui.i18n" in sys.modules:
        sys.modules["ui.i18n"].remove_translations()


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "till.db")
    yield s
    s.close()


@pytest.fixture
def owner(store):
    return users.add_user(store, name="Owner", role="owner", pin="9999")


@pytest.fixture
def cashier(store):
    return users.add_user(store, name="Cashier", role="cashier", pin="1111")


@pytest.fixture
def products(store):
    """A small catalog: cola (with a case barcode), rice by weight, a block-policy item."""
    cola = catalog.save_product(
        store,
        sku="COLA",
        name="可口可乐 330ml",
        price=350,
        cost=200,
        tax_rate=1300,
        barcodes=["6901234567892", ("16901234567899", 24)],
    )
    rice = catalog.save_product(
        store,
        sku="RICE",
        name="散装大米",
        unit="kg",
        price=598,
        cost=400,
        tax_rate=900,
        weighed=True,
        barcodes=["000123"],
    )
    rare = catalog.save_product(
        store,
        sku="RARE",
        name="Limited tea",
        price=8800,
        cost=5000,
        tax_rate=1300,
        stock_policy="block",
        barcodes=["6923450657713"],
    )
    for product_id in (cola, rice, rare):
        stock.record(store, product_id=product_id, qty_milli=50_000, kind="receipt")
    return {"cola": cola, "rice": rice, "rare": rare}


@pytest.fixture
def till(store, cashier, products):
    t = Till(store, Config())
    t.login(cashier)
    return t
