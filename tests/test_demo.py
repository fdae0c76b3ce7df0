"""The demo shop: a valid, searchable catalog with stock in the ledger, members and users."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin

from app import catalog, demo, stock, users
from app.barcode import gtin_check_digit, gtin_valid, with_check_digit
from app.config import Config
from app.search_tokens import _run_pinyin
from app.till import Till
from localdb import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("demo") / "till.db")
    summary = demo.seed_demo(store, products=3000)
    yield store, summary
    store.close()


def test_every_product_barcode_is_a_valid_code(shop):
    store, _ = shop
    rows = store.all(
        "SELECT b.code, b.pack_qty, p.weighed FROM barcodes b JOIN products p ON p.id = b.product_id"
    )

    singles = [r["code"] for r in rows if r["pack_qty"] == 1 and not r["weighed"]]
    cases = [r for r in rows if r["pack_qty"] > 1]
    plus = [r["code"] for r in rows if r["weighed"]]
    assert len(singles) == 3000 - len(plus)
    assert all(len(c) == 13 and gtin_valid(c) and 690 <= int(c[:3]) <= 699 for c in singles)
    assert cases and all(len(r["code"]) == 14 and gtin_valid(r["code"]) for r in cases)
    assert {r["pack_qty"] for r in cases} == {12, 24}
    assert plus and all(len(c) == 6 and c.isdigit() for c in plus)


def test_catalog_has_prices_above_costs_known_tax_rates_and_every_policy(shop):
    store, _ = shop
    assert store.scalar("SELECT count(*) FROM products") == 3000
    assert store.scalar("SELECT count(*) FROM products WHERE cost >= price OR price <= 0") == 0
    rates = {r[0] for r in store.all("SELECT DISTINCT tax_rate FROM products")}
    assert rates <= {1300, 900, 600, 300, 0} and {1300, 900} <= rates
    policies = dict(
        store.execute("SELECT stock_policy, count(*) FROM products GROUP BY 1").fetchall()
    )
    assert policies["warn"] > 10 * (policies["block"] + policies["allow"]) > 0
    assert store.scalar("SELECT count(DISTINCT category) FROM products") >= 10
    names = [r[0] for r in store.all("SELECT name FROM products")]
    assert any(n.isascii() for n in names) and any(not n.isascii() for n in names)


def test_opening_stock_is_in_the_ledger_and_the_outbox(shop):
    store, _ = shop
    assert stock.cache_mismatches(store) == []
    moved = store.scalar(
        "SELECT count(DISTINCT product_id) FROM stock_moves WHERE kind = 'receipt'"
    )
    in_stock = store.scalar("SELECT count(*) FROM stock_levels WHERE on_hand_milli > 0")
    assert moved == in_stock > 2000
    sent = store.scalar(
        "SELECT sum(json_array_length(payload, '$.moves')) FROM outbox WHERE kind = 'stock_move'"
    )
    assert sent == store.scalar("SELECT count(*) FROM stock_moves")


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("kkkl", "可口可乐"),
        ("可乐", "可口可乐"),
        ("nfsq", "农夫山泉"),
        ("ksf", "康师傅"),
        ("noodles", "Noodles"),
    ],
)
def test_demo_names_are_found_by_name_part_and_pinyin_initials(shop, query, word):
    store, _ = shop

    found = catalog.search(store, query, limit=20)

    assert found and all(word.lower() in p.name.lower() for p in found)


def test_demo_items_scan_onto_a_ticket_including_packs_and_scale_labels(shop):
    store, summary = shop
    till = Till(store, Config())
    till.login(users.login(store, "1111"))
    case = store.one("SELECT code, pack_qty FROM barcodes WHERE pack_qty > 1 LIMIT 1")
    plu = store.scalar(
        "SELECT b.code FROM barcodes b JOIN products p ON p.id = b.product_id WHERE p.weighed LIMIT 1"
    )

    single = till.scan(demo.ean13(0))
    pack = till.scan(case["code"])
    weighed = till.scan(with_check_digit(f"2{plu}01500"))  # 1.5 kg on the label

    assert single.line.sku == "D0000001"
    assert pack.added_milli == case["pack_qty"] * 1000
    assert weighed.line.weighed and weighed.added_milli == 1500


def test_demo_users_log_in_with_their_documented_pins(shop):
    store, summary = shop
    assert summary.users_added == ("Owner", "Li Na", "Wang")
    assert [
        (u.name, u.role) for u in (users.login(store, pin) for pin in ("8888", "1111", "2222"))
    ] == [
        ("Owner", "owner"),
        ("Li Na", "cashier"),
        ("Wang", "clerk"),
    ]


def test_members_have_phones_cards_and_credit_limits(shop):
    store, summary = shop
    assert summary.customers == demo.DEMO_CUSTOMERS
    rows = store.all("SELECT phone, card_code, credit_limit FROM customers")
    assert len(rows) == len({r["card_code"] for r in rows}) == demo.DEMO_CUSTOMERS
    assert all(len(r["phone"]) == 11 and r["phone"].startswith("1") for r in rows)
    assert any(r["credit_limit"] > 0 for r in rows)


def test_running_it_again_adds_products_but_no_users_or_members(tmp_path):
    with Store.open(tmp_path / "till.db") as store:
        users.add_user(store, name="Owner", role="owner", pin="4321")
        first = demo.seed_demo(store, products=300)
        second = demo.seed_demo(store, products=200)

        assert first.users_added == ("Li Na", "Wang")  # the existing owner is kept
        assert second.users_added == () and second.customers == 0
        assert catalog.count(store) == 500
        assert store.scalar("SELECT count(DISTINCT sku) FROM products") == 500
        assert store.scalar("SELECT count(*) FROM customers") == demo.DEMO_CUSTOMERS
        assert users.login(store, "4321").name == "Owner"


def test_ensure_demo_shop_creates_once_and_leaves_an_existing_store_alone(tmp_path):
    assert demo.ensure_demo_shop(tmp_path / "shop", products=100) is True
    assert demo.ensure_demo_shop(tmp_path / "shop", products=100) is False

    assert Config.load(tmp_path / "shop").shop.cash_rounding == "0.1"
    with Store.open(tmp_path / "shop" / "till.db") as store:
        assert catalog.count(store) == 100


def test_demo_data_command_and_a_bad_count(tmp_path):
    good = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(tmp_path), "demo-data", "--products", "50"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    bad = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(tmp_path), "demo-data", "--products", "2000000"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert good.returncode == 0, good.stderr
    assert "added 50 demo products" in good.stdout and "PIN 8888" in good.stdout
    assert bad.returncode == 1 and bad.stderr.startswith("tillbook: --products must be between")
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    "run", ["银行卡", "重庆火锅", "长大", "行长", "可口可乐", "音乐会", "单田芳"]
)
def test_cached_word_pinyin_reads_a_run_as_pypinyin_does(run):
    assert list(_run_pinyin(run)) == lazy_pinyin(run, style=Style.NORMAL, errors="ignore")


@pytest.mark.parametrize("code", ["6901234567892", "16901234567899", "96385074", "036000291452"])
def test_check_digit_of_known_codes(code):
    assert gtin_check_digit(code[:-1]) == int(code[-1])


def test_demo_search_tokens_are_what_the_catalog_would_index(shop):
    from app.search_tokens import name_tokens

    store, _ = shop
    rows = store.all(
        "SELECT p.name, p.sku, s.tokens FROM products p JOIN product_search s ON s.rowid = p.id"
    )

    assert len(rows) == 3000
    assert all(r["tokens"] == name_tokens(r["name"], r["sku"]) for r in rows)


def test_progress_is_reported_after_each_chunk(tmp_path, monkeypatch):
    monkeypatch.setattr(demo, "CHUNK", 40)
    seen = []
    with Store.open(tmp_path / "till.db") as store:
        demo.seed_demo(
            store, products=100, progress=lambda done, total: seen.append((done, total))
        )

    assert seen == [(40, 100), (80, 100), (100, 100)]
