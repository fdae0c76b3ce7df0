"""Catalog import and export, sales export: real files, a real store, the real command line."""

from __future__ import annotations

import codecs
import csv
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from app import catalog, stock, transfer
from app.config import Config
from app.errors import ImportFailed
from app.till import Till
from localdb import Store

ROOT = Path(__file__).resolve().parents[1]
HEADER = "barcode,name,price,sku,unit,tax_rate,cost,category,stock\n"
ROWS = (
    "6901234567892,可口可乐 330ml,3.50,COLA,罐,13%,2.00,饮料,24\n"
    "6923450657713,康师傅红烧牛肉面,4.5,,袋,9,3,方便食品,10\n"
    "4006381333931,Stabilo pen,12,,,,,,\n"
)


def run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def write(path: Path, text: str, encoding: str = "utf-8", bom: bool = False) -> Path:
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode(encoding))
    return path


def check_three_products(store: Store) -> None:
    cola = catalog.by_sku(store, "COLA")
    assert (cola.name, cola.price, cola.cost, cola.tax_rate, cola.unit, cola.category) == (
        "可口可乐 330ml",
        350,
        200,
        1300,
        "罐",
        "饮料",
    )
    noodles = catalog.by_barcode(store, "6923450657713").product
    assert noodles.sku == "6923450657713"  # no SKU given: the barcode is the SKU
    assert (noodles.price, noodles.tax_rate, noodles.cost) == (450, 900, 300)
    pen = catalog.by_barcode(store, "4006381333931").product
    assert (pen.price, pen.tax_rate, pen.unit, pen.cost) == (1200, 1300, "件", 0)
    assert stock.on_hand(store, cola.id) == 24_000
    assert stock.on_hand(store, noodles.id) == 10_000
    assert stock.on_hand(store, pen.id) == 0
    assert stock.cache_mismatches(store) == []


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", True), ("utf-8", False), ("gb18030", False), ("gbk", False)],
    ids=["utf8-bom", "utf8", "gb18030", "gbk"],
)
def test_csv_in_each_encoding_excel_writes_imports_the_same(store, tmp_path, encoding, bom):
    path = write(tmp_path / "products.csv", HEADER + ROWS, encoding, bom)

    report = transfer.import_products(store, path)

    assert (report.created, report.updated, report.errors) == (3, 0, [])
    check_three_products(store)


def test_text_that_is_neither_utf8_nor_gb18030_is_refused(store, tmp_path):
    path = tmp_path / "products.csv"
    path.write_bytes(HEADER.encode() + b"6901234567892,\x81\x20bad,3.50\n")

    with pytest.raises(ImportFailed, match="not UTF-8 or GB18030"):
        transfer.import_products(store, path)


def test_xlsx_with_number_cells_and_a_percent_cell_imports(store, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        ["barcode", "name", "price", "sku", "unit", "tax_rate", "cost", "category", "stock"]
    )
    sheet.append([6901234567892, "可口可乐 330ml", 3.5, "COLA", "罐", 0.13, 2, "饮料", 24])
    sheet["F2"].number_format = "0%"
    sheet.append(
        ["6923450657713", "康师傅红烧牛肉面", "4.50", None, "袋", 9, 3.0, "方便食品", "10"]
    )
    sheet.append([4006381333931, "Stabilo pen", 12, None, None, None, None, None, None])
    sheet.append([None] * 9)  # blank rows are skipped
    book.save(tmp_path / "products.xlsx")

    report = transfer.import_products(store, tmp_path / "products.xlsx")

    assert (report.created, report.errors) == (3, [])
    check_three_products(store)


def test_chinese_headers_are_understood(store, tmp_path):
    path = write(
        tmp_path / "商品.csv", "条码,商品名称,售价,进价,库存\n6901234567892,可口可乐,3.50,2.00,5\n"
    )

    report = transfer.import_products(store, path)

    assert report.created == 1
    product = catalog.by_barcode(store, "6901234567892").product
    assert (product.name, product.price, product.cost) == ("可口可乐", 350, 200)


def test_every_invalid_row_is_listed_with_its_line_and_the_command_exits_1(tmp_path):
    path = write(
        tmp_path / "products.csv",
        "barcode,name,price,cost\n"
        "6901234567892,可口可乐,3.50,2\n"  # line 2: fine
        "6901234567893,Misread,3.50,\n"  # line 3: EAN-13 with a wrong check digit
        "6923450657713,,2.00,\n"  # line 4: no name
        "4006381333931,Pen,abc,\n"  # line 5: bad price
        "6901234567892,Cola again,3.00,\n"  # line 6: barcode already on line 2
        "96385074,Free gift,0,\n"  # line 7: zero price
        "ABC-1,Loose code,1.999,\n"  # line 8: more than two decimals
        "5012345678900,Tea,8.80,-1\n"  # line 9: negative cost
        "00012345,Short code,1,\n",  # line 10: EAN-8 shaped, wrong check digit
    )

    result = run_cli(tmp_path / "data", "import", "products", str(path))

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    problems = [ln for ln in result.stdout.splitlines() if " line " in ln]
    assert [int(ln.split(" line ")[1].split(":")[0]) for ln in problems] == [
        3,
        4,
        5,
        6,
        7,
        8,
        9,
        10,
    ]
    text = "\n".join(problems)
    assert "line 3: barcode 6901234567893: check digit wrong" in text
    assert "line 4: no name" in text
    assert "line 5: price: not an amount of money: 'abc'" in text
    assert "line 6: barcode 6901234567892 is also on line 2" in text
    assert "line 7: price: must be above zero, not 0" in text
    assert "line 8: price: more than two decimals" in text
    assert "line 9: cost: negative amount" in text
    assert "8 rows not imported" in result.stdout
    with Store.open(tmp_path / "data" / "till.db") as store:  # the good row is in
        assert catalog.count(store) == 1
        assert catalog.by_barcode(store, "6901234567892").product.name == "可口可乐"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("p.csv", "barcode,name\n6901234567892,Cola\n", "missing column price"),
        ("p.csv", "", "the file is empty"),
        ("p.xlsx", "not a zip", "not a readable XLSX workbook"),
        ("p.xls", "old", "old .xls files are not read"),
        ("p.json", "{}", "expected a .csv or .xlsx file"),
    ],
)
def test_a_bad_file_is_one_clear_line_and_a_nonzero_exit(tmp_path, name, content, message):
    path = write(tmp_path / name, content)

    result = run_cli(tmp_path / "data", "import", "products", str(path))

    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_is_one_clear_line(tmp_path):
    result = run_cli(tmp_path / "data", "import", "products", str(tmp_path / "nope.csv"))

    assert result.returncode == 1
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_importing_the_same_file_twice_updates_and_never_doubles_stock(store, tmp_path):
    path = write(tmp_path / "products.csv", HEADER + ROWS, bom=True)
    transfer.import_products(store, path)
    moves = store.scalar("SELECT count(*) FROM stock_moves")
    outbox_rows = store.scalar("SELECT count(*) FROM outbox")

    again = transfer.import_products(store, path)

    assert (again.created, again.updated, again.stock_changes) == (0, 3, 0)
    assert catalog.count(store) == 3
    assert store.scalar("SELECT count(*) FROM barcodes") == 3
    assert store.scalar("SELECT count(*) FROM stock_moves") == moves == 2
    assert store.scalar("SELECT count(*) FROM outbox") == outbox_rows
    check_three_products(store)


def test_a_changed_file_updates_prices_names_and_counts_stock(store, tmp_path):
    transfer.import_products(store, write(tmp_path / "a.csv", HEADER + ROWS))
    cola_id = catalog.by_sku(store, "COLA").id
    changed = ROWS.replace("可口可乐 330ml,3.50", "可口可乐 罐装 330ml,3.80").replace(
        ",24\n", ",30\n"
    )

    report = transfer.import_products(store, write(tmp_path / "b.csv", HEADER + changed))

    assert report.stock_changes == 1
    cola = catalog.by_id(store, cola_id)
    assert (cola.name, cola.price) == ("可口可乐 罐装 330ml", 380)
    assert stock.on_hand(store, cola_id) == 30_000
    kinds = store.all(
        "SELECT kind, qty_milli FROM stock_moves WHERE product_id = ? ORDER BY id", (cola_id,)
    )
    assert [tuple(r) for r in kinds] == [("receipt", 24_000), ("count", 6_000)]
    assert [p.id for p in catalog.search(store, "罐装")] == [cola_id]  # search index follows
    assert [p.id for p in catalog.search(store, "kkkl")] == [cola_id]
    assert stock.cache_mismatches(store) == []


def test_optional_columns_absent_from_the_file_are_left_alone(store, tmp_path):
    transfer.import_products(store, write(tmp_path / "a.csv", HEADER + ROWS))

    transfer.import_products(
        store, write(tmp_path / "b.csv", "barcode,name,price\n6901234567892,Cola,3.60\n")
    )

    cola = catalog.by_sku(store, "COLA")  # matched by its barcode, not made again
    assert (cola.name, cola.price, cola.cost, cola.category, cola.unit) == (
        "Cola",
        360,
        200,
        "饮料",
        "罐",
    )
    assert catalog.count(store) == 3


def test_a_barcode_belonging_to_another_sku_is_refused(store, tmp_path):
    transfer.import_products(store, write(tmp_path / "a.csv", HEADER + ROWS))

    report = transfer.import_products(
        store,
        write(tmp_path / "b.csv", "barcode,name,price,sku\n6901234567892,Fake cola,1,FAKE\n"),
    )

    assert [str(e) for e in report.errors] == [
        "line 2: barcode 6901234567892 already belongs to SKU COLA"
    ]
    assert catalog.by_sku(store, "FAKE") is None


def test_imported_stock_writes_ledger_and_outbox_rows(store, tmp_path):
    transfer.import_products(store, write(tmp_path / "a.csv", HEADER + ROWS))

    rows = store.all("SELECT kind, payload FROM outbox ORDER BY seq")

    # the new products go up to the server first, then the movements that name them
    assert [r["kind"] for r in rows] == ["product"] * 3 + ["stock_move"]
    cola = json.loads(next(r["payload"] for r in rows if '"sku":"COLA"' in r["payload"]))
    assert cola["price"] == 350 and cola["base_rev"] is None and cola["barcodes"]
    assert '"sku":"COLA"' in rows[-1]["payload"] and '"qty_milli":24000' in rows[-1]["payload"]


def seed_catalog(store: Store) -> None:
    catalog.save_product(
        store, sku="COLA", name="可口可乐 330ml", unit="罐", price=350, cost=200,
        category="饮料", barcodes=["6901234567892", ("16901234567899", 24)],
    )  # fmt: skip
    catalog.save_product(
        store, sku="RICE", name="散装大米", unit="kg", price=598, cost=400, tax_rate=900,
        weighed=True, stock_policy="allow", barcodes=["000123"],
    )  # fmt: skip
    catalog.save_product(
        store, sku="NEWS", name="Southern Weekly, \"special\"", price=300, tax_rate=0,
        stock_policy="block", active=False, barcodes=["9771234567898"],
    )  # fmt: skip
    stock.record(
        store, product_id=catalog.by_sku(store, "COLA").id, qty_milli=48_000, kind="receipt"
    )
    stock.record(
        store, product_id=catalog.by_sku(store, "RICE").id, qty_milli=12_345, kind="receipt"
    )


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_imports_back_unchanged(store, tmp_path, suffix):
    seed_catalog(store)
    first = tmp_path / f"first{suffix}"
    assert transfer.export_products(store, first) == 3

    with Store.open(tmp_path / "other" / "till.db") as other:
        report = transfer.import_products(other, first)
        second = tmp_path / f"second{suffix}"
        transfer.export_products(other, second)
        rice = catalog.by_sku(other, "RICE")
        news = catalog.by_sku(other, "NEWS")
        assert (rice.weighed, rice.stock_policy, stock.on_hand(other, rice.id)) == (
            True,
            "allow",
            12_345,
        )
        assert (news.active, news.tax_rate) == (False, 0)
        assert catalog.by_barcode(other, "000123").product.id == rice.id
        case = catalog.by_barcode(other, "16901234567899")  # the case still scans as 24
        assert (case.product.sku, case.pack_qty) == ("COLA", 24)

    assert report.errors == []
    assert read_rows(first) == read_rows(second)
    if suffix == ".csv":
        assert first.read_bytes() == second.read_bytes()
        assert first.read_bytes().startswith(codecs.BOM_UTF8)
        assert read_rows(first)[1] == [
            "6901234567892", "COLA", "可口可乐 330ml", "罐", "3.50", "2.00", "13", "饮料", "48", "warn", "0", "1",
            "16901234567899*24",
        ]  # fmt: skip


def test_reimporting_an_export_into_the_same_store_changes_nothing(store, tmp_path):
    seed_catalog(store)
    transfer.export_products(store, tmp_path / "all.csv")
    moves = store.scalar("SELECT count(*) FROM stock_moves")

    report = transfer.import_products(store, tmp_path / "all.csv")

    assert (report.created, report.updated, report.stock_changes, report.errors) == (0, 3, 0, [])
    assert store.scalar("SELECT count(*) FROM stock_moves") == moves
    assert store.scalar("SELECT count(*) FROM barcodes") == 4  # the case barcode is kept


def test_other_barcodes_add_codes_and_cases_and_update_a_pack(store, tmp_path):
    source = tmp_path / "codes.csv"
    source.write_text(
        "barcode,sku,name,price,other_barcodes\n"
        "6901234567892,COLA,可口可乐 330ml,3.50,16901234567899*24 6901234567809\n"
        "6923450657713,TEA,红茶,4.00,6901234567892\n"  # the cola's code, on another row
        "4006381333931,PEN,Pen,12,4006381333932*x\n",
        encoding="utf-8",
    )
    report = transfer.import_products(store, source)

    assert [(e.line, e.reason.split(":")[0]) for e in report.errors] == [
        (3, "barcode 6901234567892 is also on line 2"),
        (4, "other_barcodes"),
    ]
    assert catalog.by_barcode(store, "16901234567899").pack_qty == 24
    assert catalog.by_barcode(store, "6901234567809").product.sku == "COLA"

    source.write_text(
        "barcode,sku,name,price,other_barcodes\n"
        "6901234567892,COLA,可口可乐 330ml,3.50,16901234567899*12\n",
        encoding="utf-8",
    )
    assert transfer.import_products(store, source).errors == []
    assert catalog.by_barcode(store, "16901234567899").pack_qty == 12
    assert catalog.by_barcode(store, "6901234567809") is not None  # never removed by an import


def read_rows(path: Path) -> list[list[str]]:
    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return list(csv.reader(handle))
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [[transfer._cell_text(c) for c in row] for row in book.worksheets[0].iter_rows()]
    book.close()
    return rows


def sell(store: Store, cashier, when: datetime, codes: list[str], cash: int) -> str:
    till = Till(store, Config(), clock=lambda: when)
    till.login(cashier)
    for code in codes:
        till.scan(code)
    till.add_payment(tender="cash", amount=cash)
    return till.complete().receipt_no


def test_sales_export_has_one_row_per_line_with_amounts_in_yuan(
    store, cashier, products, tmp_path
):
    day1 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    day2 = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)
    first = sell(store, cashier, day1, ["6901234567892", "6901234567892", "6923450657713"], 10_000)
    second = sell(store, cashier, day2, ["16901234567899", "2000123012346"], 20_000)

    result = run_cli(store_dir(store), "export", "sales", str(tmp_path / "sales.csv"))
    rows = read_rows(tmp_path / "sales.csv")

    assert result.returncode == 0, result.stderr
    header = rows[0]
    for column in ("receipt", "time", "cashier", "barcode", "name", "quantity", "unit_price",
                   "line_total", "sale_total"):  # fmt: skip
        assert column in header
    got = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    assert [(r["receipt"], r["barcode"], r["quantity"], r["unit_price"], r["line_total"], r["sale_total"]) for r in got] == [
        (first, "6901234567892", "2", "3.50", "7.00", "95.00"),
        (first, "6923450657713", "1", "88.00", "88.00", "95.00"),
        (second, "16901234567899", "24", "3.50", "84.00", "91.38"),
        (second, "2000123012346", "1.234", "5.98", "7.38", "91.38"),  # label scale: 1.234 kg
    ]  # fmt: skip
    assert {r["cashier"] for r in got} == {"Cashier"}
    assert got[0]["name"] == "可口可乐 330ml"
    assert got[0]["time"].startswith("2026-03-02")


def test_sales_export_between_dates_and_returns_negative(
    store, cashier, owner, products, tmp_path
):
    sell(store, cashier, datetime(2026, 3, 2, 12, 0, tzinfo=UTC), ["6901234567892"], 1000)
    later = sell(
        store, cashier, datetime(2026, 3, 9, 12, 0, tzinfo=UTC), ["6923450657713"], 10_000
    )
    till = Till(store, Config(), clock=lambda: datetime(2026, 3, 10, 12, 0, tzinfo=UTC))
    till.login(cashier)
    draft = till.start_return(later)
    till.complete_return(draft, quantities={draft.original.lines[0].id: 1000})

    transfer.export_sales(store, tmp_path / "march.xlsx", start=datetime(2026, 3, 5).date())
    rows = read_rows(tmp_path / "march.xlsx")

    got = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert [(r["kind"], r["quantity"], r["line_total"], r["sale_total"]) for r in got] == [
        ("sale", "1", "88", "88"),  # XLSX holds numbers: 88.00 reads back as 88
        ("return", "-1", "-88", "-88"),
    ]


def test_export_refuses_an_unknown_extension_and_a_bad_date(tmp_path):
    bad_ext = run_cli(tmp_path / "data", "export", "products", str(tmp_path / "x.pdf"))
    bad_date = run_cli(
        tmp_path / "data", "export", "sales", str(tmp_path / "s.csv"), "--from", "3/2/2026"
    )

    assert bad_ext.returncode == 1 and "must end in .csv or .xlsx" in bad_ext.stderr
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr
    assert "Traceback" not in bad_ext.stderr + bad_date.stderr


def store_dir(store: Store) -> Path:
    return Path(store.path).parent


def test_an_import_in_several_transactions_gives_the_same_catalog(store, tmp_path, monkeypatch):
    monkeypatch.setattr(transfer, "IMPORT_CHUNK", 2)
    path = write(tmp_path / "products.csv", HEADER + ROWS)

    first = transfer.import_products(store, path)
    again = transfer.import_products(store, path)

    assert (first.created, first.stock_changes, again.updated, again.stock_changes) == (3, 2, 3, 0)
    check_three_products(store)
