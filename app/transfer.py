"""Catalog import and export, and the sales export: CSV or XLSX, chosen by the file's extension.

CSV is read as UTF-8 (with or without a byte-order mark) or, failing that, GB18030, the
superset of the GBK that Excel writes on Chinese Windows. CSV is written as UTF-8 with a
byte-order mark, which Excel on any system opens correctly. Amounts are in yuan (``12.50``);
money never passes through a float: spreadsheet numbers are read through their shortest
decimal text and parsed by ``app.money``.

``tillbook import products FILE`` imports every valid row (in transactions of 10,000 rows,
so a till selling on the same store waits at most a moment), lists every invalid row with its
line number and reason, and then exits 1. Rows are matched to the
catalog by SKU, or by barcode when the file has no SKU, so importing a file twice updates the
products it names instead of adding them again. A ``stock`` cell sets on-hand through one
stock movement (``receipt`` for a new product, ``count`` for a known one) and only by the
difference, so a second import moves nothing.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from app import money
from app.barcode import gtin_valid
from app.catalog import STOCK_POLICIES, product_payloads
from app.errors import ImportFailed, UserInputError
from app.search_tokens import name_tokens
from app.stock import SHOP, write_moves
from localdb import Store
from sync import outbox

log = logging.getLogger(__name__)

PRODUCT_COLUMNS = (
    "barcode",
    "sku",
    "name",
    "unit",
    "price",
    "cost",
    "tax_rate",
    "category",
    "stock",
    "stock_policy",
    "weighed",
    "active",
    "other_barcodes",
)
REQUIRED_COLUMNS = ("barcode", "name", "price")
SALES_COLUMNS = (
    "receipt",
    "kind",
    "time",
    "business_day",
    "cashier",
    "customer",
    "barcode",
    "sku",
    "name",
    "unit",
    "quantity",
    "unit_price",
    "discount",
    "line_total",
    "tax_rate",
    "tax",
    "sale_total",
)
# Headers as Chinese shops write them.
COLUMN_ALIASES = {
    "条码": "barcode",
    "条形码": "barcode",
    "商品条码": "barcode",
    "编码": "sku",
    "商品编码": "sku",
    "货号": "sku",
    "名称": "name",
    "品名": "name",
    "商品名称": "name",
    "单位": "unit",
    "售价": "price",
    "零售价": "price",
    "价格": "price",
    "进价": "cost",
    "成本": "cost",
    "成本价": "cost",
    "税率": "tax_rate",
    "分类": "category",
    "类别": "category",
    "库存": "stock",
    "库存数量": "stock",
}
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
MOVES_PER_OUTBOX_ROW = 1000
IMPORT_CHUNK = 10_000
_TRUE = {"1", "yes", "y", "true", "是", "x"}
_FALSE = {"0", "no", "n", "false", "否", ""}
_DEFAULTS = {
    "unit": "件",
    "cost": 0,
    "tax_rate": 1300,
    "category": "",
    "stock_policy": "warn",
    "weighed": 0,
    "active": 1,
}


# Catalogs repeat the same prices, rates and quantities; parse each text once per import.
_parse_yuan = lru_cache(maxsize=65536)(money.parse_yuan)
_parse_rate = lru_cache(maxsize=256)(money.parse_rate)
_parse_quantity = lru_cache(maxsize=65536)(money.parse_quantity)


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    stock_changes: int = 0
    ignored_columns: tuple[str, ...] = ()
    errors: list[RowError] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.updated


@dataclass
class _ProductRow:
    line: int
    barcode: str
    sku: str | None  # None: take it from the catalog (by barcode), else the barcode
    name: str
    price: int
    values: dict[str, object]  # the optional columns present in the file
    stock_milli: int | None
    other_barcodes: tuple[tuple[str, int], ...] = ()  # (code, pack quantity)
    codes: tuple[str, ...] = ()  # every code the row names, the unit barcode first


# -- reading tables -------------------------------------------------------------------------


def read_table(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and the rows of a CSV or XLSX file, every cell as text.

    Rows come with their line number as a spreadsheet shows it (the header is line 1).
    """
    path = Path(path)
    if not path.is_file():
        raise ImportFailed(f"no such file: {path}", path=str(path))
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path)
    if suffix == ".xls":
        raise ImportFailed(f"{path.name}: old .xls files are not read; save it as .xlsx or CSV")
    raise ImportFailed(f"{path.name}: expected a .csv or .xlsx file", path=str(path))


def _decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)  # Excel's "Unicode text"
    else:
        # Valid UTF-8 is almost never valid-looking GBK by accident, so UTF-8 goes first.
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        log.debug("%s read as %s", name, encoding)
        return text
    raise ImportFailed(f"{name}: not UTF-8 or GB18030/GBK text", path=name)


def _read_csv(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    text = _decode(path.read_bytes(), path.name)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFailed(f"{path.name}: the file is empty", path=str(path)) from None
    except csv.Error as exc:
        raise ImportFailed(f"{path.name}: not a CSV table: {exc}", path=str(path)) from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        line = 1
        try:
            for line, cells in enumerate(reader, 2):
                yield line, cells  # stripped by _parse_row
        except csv.Error as exc:
            raise ImportFailed(f"{path.name} line {line + 1}: {exc}", path=str(path)) from None

    return [h.strip() for h in header], rows()


def _read_xlsx(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    from zipfile import BadZipFile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise ImportFailed(f"{path.name}: not a readable XLSX workbook ({exc})") from None
    sheet = book.worksheets[0]
    cells = sheet.iter_rows()
    try:
        header = [_cell_text(c) for c in next(cells)]
    except StopIteration:
        book.close()
        raise ImportFailed(f"{path.name}: the first sheet is empty", path=str(path)) from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for line, row in enumerate(cells, 2):
                yield line, [_cell_text(c) for c in row]
        finally:
            book.close()

    return [h.strip() for h in header], rows()


def _cell_text(cell) -> str:
    """A spreadsheet cell as the text a person sees (numbers through their shortest decimal)."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        number = Decimal(repr(value))
        if "%" in (getattr(cell, "number_format", "") or ""):
            number *= 100  # 13% typed into a percent cell is stored as 0.13
        return format(number.normalize(), "f") if number == number.to_integral() else str(number)
    if isinstance(value, int):
        if "%" in (getattr(cell, "number_format", "") or ""):
            return str(value * 100)
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


# -- importing products ---------------------------------------------------------------------


def import_products(store: Store, path: Path) -> ImportReport:
    """Import every valid row of ``path``; invalid rows are in the report's ``errors``."""
    header, rows = read_table(path)
    columns, ignored = _column_positions(header, Path(path).name)
    report = ImportReport(ignored_columns=ignored)
    parsed = _parse_rows(rows, columns, report.errors)
    present = [c for c in columns if c not in ("barcode", "sku")]
    with bulk_cache(store):
        # One transaction per chunk, so a till selling on the same store never waits long
        # for the write lock. A run cut short is finished by importing the file again.
        for start in range(0, len(parsed), IMPORT_CHUNK):
            with store.transaction() as conn:
                _apply(conn, parsed[start : start + IMPORT_CHUNK], present, report)
    report.errors.sort(key=lambda e: e.line)
    log.info(
        "imported %s: %d new, %d updated, %d stock changes, %d rows refused",
        path,
        report.created,
        report.updated,
        report.stock_changes,
        len(report.errors),
    )
    return report


@contextmanager
def bulk_cache(store: Store, *, megabytes: int = 256) -> Iterator[None]:
    """A larger page cache while a bulk write runs, so index pages (random UUIDs, SKUs)
    stay in memory; the till's normal cache size comes back afterwards."""
    size = store.conn.execute("PRAGMA cache_size").fetchone()[0]
    store.conn.execute(f"PRAGMA cache_size = {-1000 * int(megabytes)}")
    try:
        yield
    finally:
        store.conn.execute(f"PRAGMA cache_size = {int(size)}")


def _column_positions(header: list[str], name: str) -> tuple[dict[str, int], tuple[str, ...]]:
    columns: dict[str, int] = {}
    ignored = []
    for index, raw in enumerate(header):
        key = raw.strip().lower().replace(" ", "_")
        key = COLUMN_ALIASES.get(raw.strip(), key)
        if key in PRODUCT_COLUMNS:
            if key in columns:
                raise ImportFailed(f"{name}: column {key} appears twice")
            columns[key] = index
        elif key:
            ignored.append(raw)
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise ImportFailed(
            f"{name}: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
            f" (the first row must name the columns: {', '.join(REQUIRED_COLUMNS)})",
            missing=missing,
        )
    return columns, tuple(ignored)


def _parse_rows(
    rows: Iterable[tuple[int, list[str]]], columns: dict[str, int], errors: list[RowError]
) -> list[_ProductRow]:
    parsed: list[_ProductRow] = []
    by_barcode: dict[str, int] = {}
    by_sku: dict[str, int] = {}
    for line, cells in rows:
        if not any(cells):
            continue
        try:
            row = _parse_row(line, cells, columns)
        except UserInputError as exc:
            errors.append(RowError(line, str(exc)))
            continue
        twice = next((code for code in row.codes if code in by_barcode), None)
        if twice is not None:
            errors.append(RowError(line, f"barcode {twice} is also on line {by_barcode[twice]}"))
            continue
        sku_key = row.sku if row.sku is not None else row.barcode
        if sku_key in by_sku:
            errors.append(RowError(line, f"SKU {sku_key} is also on line {by_sku[sku_key]}"))
            continue
        if len(set(row.codes)) < len(row.codes):
            errors.append(RowError(line, "other_barcodes: a barcode appears twice in the row"))
            continue
        by_barcode.update(dict.fromkeys(row.codes, line))
        by_sku[sku_key] = line
        parsed.append(row)
    return parsed


def _parse_row(line: int, cells: list[str], columns: dict[str, int]) -> _ProductRow:
    width = len(cells)
    cell = {name: cells[i].strip() if i < width else "" for name, i in columns.items()}
    get = cell.get

    barcode = get("barcode", "")
    sku = get("sku") or None
    if not barcode and not sku:
        raise UserInputError("no barcode (and no SKU)")
    _check_barcode(barcode)
    name = cell["name"]
    if not name:
        raise UserInputError("no name")

    column = "price"  # the column being parsed, named in any error
    try:
        price = _parse_yuan(cell["price"])
        if price <= 0:
            raise UserInputError(f"must be above zero, not {cell['price']}")
        values: dict[str, object] = {}
        for column in ("unit", "category"):
            if column in cell:
                values[column] = cell[column] or _DEFAULTS[column]
        column = "cost"
        if column in cell:
            values["cost"] = _parse_yuan(cell["cost"]) if cell["cost"] else 0
        column = "tax_rate"
        if column in cell:
            values["tax_rate"] = _parse_rate(cell["tax_rate"]) if cell["tax_rate"] else 1300
        column = "stock_policy"
        if column in cell:
            policy = cell["stock_policy"].lower() or "warn"
            if policy not in STOCK_POLICIES:
                raise UserInputError(f"must be {', '.join(STOCK_POLICIES)}, not {policy}")
            values["stock_policy"] = policy
        for column in ("weighed", "active"):
            if column in cell:
                values[column] = _flag(cell[column], default=_DEFAULTS[column])
        column = "other_barcodes"
        others = _parse_other_barcodes(get(column, ""))
        column = "stock"
        stock_milli = None
        if get("stock"):
            stock_milli = _parse_quantity(cell["stock"], weighed=bool(values.get("weighed")))
            if stock_milli < 0:
                raise UserInputError(f"cannot be negative ({cell['stock']})")
    except UserInputError as exc:
        raise UserInputError(f"{column}: {exc}") from None
    codes = (barcode,) if barcode else ()
    if others:
        codes += tuple(code for code, _ in others)
    return _ProductRow(line, barcode, sku, name, price, values, stock_milli, others, codes)


def _check_barcode(code: str) -> None:
    if code.isdigit() and len(code) in (8, 12, 13, 14) and not gtin_valid(code):
        raise UserInputError(f"barcode {code}: check digit wrong (mistyped or misread?)")


def _parse_other_barcodes(text: str) -> tuple[tuple[str, int], ...]:
    """``16901234567899*24 6901234567800``: more codes, a case as its code, ``*`` and its count."""
    found = []
    for item in text.replace(";", " ").replace(",", " ").split():
        code, _, pack = item.partition("*")
        if not code or (pack and not (pack.isdigit() and 1 <= int(pack) <= 100_000)):
            raise UserInputError(f"{item} is not a barcode or CODE*PACK (like 16901234567899*24)")
        _check_barcode(code)
        found.append((code, int(pack) if pack else 1))
    return tuple(found)


def _flag(text: str, *, default: int) -> int:
    lowered = text.strip().lower()
    if not lowered:
        return default
    if lowered in _TRUE:
        return 1
    if lowered in _FALSE:
        return 0
    raise UserInputError(f"must be 1 or 0 (yes or no), not {text}")


def _apply(
    conn: sqlite3.Connection, rows: list[_ProductRow], present: list[str], report: ImportReport
) -> None:
    """Write the parsed rows: products upserted by SKU, barcodes, search tokens, stock.

    Known barcodes, SKUs and stock levels are read in chunks first and everything is written
    with ``executemany``: 100,000 rows go in a few seconds. New products get their ids here,
    which is safe because the transaction holds the store's write lock.
    """
    optional = [c for c in PRODUCT_COLUMNS if c in present and c in _DEFAULTS]
    owners = _lookup(
        conn,
        "SELECT b.code, p.id, p.sku, b.pack_qty FROM barcodes b"
        " JOIN products p ON p.id = b.product_id"
        " WHERE b.code IN ({})",
        [code for r in rows for code in r.codes],
    )
    skus = [r.sku if r.sku is not None else owners.get(r.barcode, (0, r.barcode))[1] for r in rows]
    known = _lookup(conn, "SELECT sku, id, name FROM products WHERE sku IN ({})", skus)
    next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM products").fetchone()[0]

    inserts, updates, new_barcodes, pack_changes, search_rows, reindex = [], [], [], [], [], []
    stock_targets: list[tuple[int, str, int, bool]] = []
    for row, sku in zip(rows, skus, strict=True):
        taken = next((c for c in row.codes if c in owners and owners[c][1] != sku), None)
        if taken is not None:
            report.errors.append(
                RowError(row.line, f"barcode {taken} already belongs to SKU {owners[taken][1]}")
            )
            continue
        values = [row.name, row.price, *(row.values[c] for c in optional)]
        before = known.get(sku)
        if before is None:
            product_id, next_id = next_id, next_id + 1
            inserts.append((product_id, sku, *values))
            search_rows.append((product_id, name_tokens(row.name, sku)))
        else:
            product_id = before[0]
            updates.append((*values, product_id))
            if before[1] != row.name:
                reindex.append((product_id,))
                search_rows.append((product_id, name_tokens(row.name, sku)))
        codes = [(row.barcode, 1)] if row.barcode else []
        new_barcodes.extend(
            (code, product_id, pack)
            for code, pack in (*codes, *row.other_barcodes)
            if code not in owners
        )
        pack_changes.extend(
            (pack, code)
            for code, pack in row.other_barcodes
            if code in owners and owners[code][2] != pack
        )
        if row.stock_milli is not None:
            stock_targets.append((product_id, sku, row.stock_milli, before is None))

    columns = ["name", "price", *optional]
    updated_ids = [r[-1] for r in updates]
    before = product_payloads(conn, updated_ids)
    conn.executemany(
        f"INSERT INTO products (id, sku, {', '.join(columns)})"
        f" VALUES ({', '.join('?' * (len(columns) + 2))})",
        inserts,
    )
    conn.executemany(
        f"UPDATE products SET {', '.join(f'{c} = ?' for c in columns)},"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        updates,
    )
    conn.executemany(
        "INSERT INTO barcodes (code, product_id, pack_qty) VALUES (?, ?, ?)", new_barcodes
    )
    conn.executemany("UPDATE barcodes SET pack_qty = ? WHERE code = ?", pack_changes)
    conn.executemany("DELETE FROM product_search WHERE rowid = ?", reindex)
    conn.executemany("INSERT INTO product_search (rowid, tokens) VALUES (?, ?)", search_rows)
    # New and changed products go up to the server, before the stock movements naming them;
    # a row imported again unchanged sends nothing.
    after = product_payloads(conn, updated_ids)
    changed = [new for old, new in zip(before, after, strict=True) if old != new]
    outbox.append_many(conn, "product", product_payloads(conn, [r[0] for r in inserts]) + changed)
    report.created += len(inserts)
    report.updated += len(updates)
    report.stock_changes += _set_stock(conn, stock_targets)


def _lookup(conn: sqlite3.Connection, sql: str, keys: list[str]) -> dict[str, tuple]:
    """Rows keyed by their first column, fetched ``IN (...)`` a chunk of keys at a time."""
    found: dict[str, tuple] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        query = sql.format(", ".join("?" * len(chunk)))
        for row in conn.execute(query, chunk):
            found[row[0]] = row[1:]
    return found


def _set_stock(conn: sqlite3.Connection, targets: list[tuple[int, str, int, bool]]) -> int:
    """Bring on-hand to each target with one movement per product: a receipt for a new
    product, a count for a known one. Returns the number of movements."""
    known = [str(product_id) for product_id, _, _, new in targets if not new]
    levels = _lookup(
        conn,
        f"SELECT product_id, on_hand_milli FROM stock_levels WHERE location_id = {SHOP}"
        " AND product_id IN ({})",
        known,
    )
    skus = {product_id: sku for product_id, sku, _, _ in targets}
    total = 0
    for kind, new in (("receipt", True), ("count", False)):
        quantities = [
            (product_id, target - (levels.get(product_id, (0,))[0]))
            for product_id, _, target, is_new in targets
            if is_new == new
        ]
        moves = write_moves(conn, quantities, kind=kind, note="catalog import")
        # The payload stock.Move.as_payload gives, without two look-ups per movement.
        payloads = [
            {
                "uuid": m.uuid,
                "sku": skus[m.product_id],
                "location": "SHOP",
                "qty_milli": m.qty_milli,
                "kind": kind,
                "ref": "",
                "note": m.note,
            }
            for m in moves
        ]
        for start in range(0, len(payloads), MOVES_PER_OUTBOX_ROW):
            chunk = payloads[start : start + MOVES_PER_OUTBOX_ROW]
            outbox.append(conn, "stock_move", {"moves": chunk})
        total += len(moves)
    return total


# -- exporting ------------------------------------------------------------------------------


def export_products(store: Store, path: Path) -> int:
    """Write the catalog with the import's columns; returns the number of products."""
    rows = store.conn.execute(
        "SELECT p.id, (SELECT min(code) FROM barcodes b WHERE b.product_id = p.id"
        "  AND b.pack_qty = 1),"
        " p.sku, p.name, p.unit, p.price, p.cost, p.tax_rate, p.category,"
        " (SELECT on_hand_milli FROM stock_levels s WHERE s.product_id = p.id"
        "  AND s.location_id = ?), p.stock_policy, p.weighed, p.active,"
        " (SELECT count(*) FROM barcodes b WHERE b.product_id = p.id)"
        " FROM products p ORDER BY p.id",
        (SHOP,),
    )
    count = 0

    def records() -> Iterator[list]:
        nonlocal count
        for (
            pid,
            barcode,
            sku,
            name,
            unit,
            price,
            cost,
            rate,
            category,
            stock,
            policy,
            w,
            a,
            n,
        ) in rows:
            count += 1
            others = _other_barcodes(store, pid, barcode) if n > (1 if barcode else 0) else ""
            yield [
                barcode or "",
                sku,
                name,
                unit,
                _Money(price),
                _Money(cost),
                money.format_rate(rate).rstrip("%"),
                category,
                money.format_quantity(stock or 0),
                policy,
                str(w),
                str(a),
                others,
            ]

    write_table(path, PRODUCT_COLUMNS, records())
    return count


def _other_barcodes(store: Store, product_id: int, unit_barcode: str | None) -> str:
    codes = store.conn.execute(
        "SELECT code, pack_qty FROM barcodes WHERE product_id = ? AND code IS NOT ?"
        " ORDER BY pack_qty, code",
        (product_id, unit_barcode),
    )
    return " ".join(code if pack == 1 else f"{code}*{pack}" for code, pack in codes)


def export_sales(
    store: Store, path: Path, *, start: date | None = None, end: date | None = None
) -> int:
    """One row per sale (and return) line, between two business days inclusive.

    A return's quantities and amounts are negative, so the column sums are the takings.
    Returns the number of rows written.
    """
    where, params = [], []
    if start:
        where.append("s.business_day >= ?")
        params.append(start.isoformat())
    if end:
        where.append("s.business_day <= ?")
        params.append(end.isoformat())
    rows = store.conn.execute(
        "SELECT s.receipt_no, s.kind, s.created_at, s.business_day, coalesce(u.name, ''),"
        " coalesce(c.name, ''), l.barcode, l.sku, l.name, l.unit, l.qty_milli, l.unit_price,"
        " l.discount, l.net, l.tax_rate, l.tax, s.total"
        " FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
        " LEFT JOIN users u ON u.id = s.cashier_id LEFT JOIN customers c ON c.id = s.customer_id"
        f" {'WHERE ' + ' AND '.join(where) if where else ''}"
        " ORDER BY s.created_at, s.id, l.line_no",
        params,
    )
    count = 0

    def records() -> Iterator[list]:
        nonlocal count
        for (receipt, kind, at, day, cashier, customer, barcode, sku, name, unit, qty, price,
             discount, net, rate, tax, total) in rows:  # fmt: skip
            count += 1
            sign = -1 if kind == "return" else 1
            yield [
                receipt,
                kind,
                at,
                day,
                cashier,
                customer,
                barcode,
                sku,
                name,
                unit,
                money.format_quantity(sign * qty),
                _Money(price),
                _Money(sign * discount),
                _Money(sign * net),
                money.format_rate(rate).rstrip("%"),
                _Money(sign * tax),
                _Money(sign * total),
            ]

    write_table(path, SALES_COLUMNS, records())
    return count


@dataclass(frozen=True)
class _Money:
    """An amount in fen, written as yuan text to CSV and as a two-decimal number to XLSX."""

    fen: int

    def __str__(self) -> str:
        return money.format_yuan(self.fen)


def write_table(path: Path, header: Iterable[str], records: Iterable[list]) -> None:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        _write_csv(path, list(header), records)
    elif suffix in XLSX_SUFFIXES:
        _write_xlsx(path, list(header), records)
    else:
        raise UserInputError(f"{path.name}: the file name must end in .csv or .xlsx")


def _write_csv(path: Path, header: list[str], records: Iterable[list]) -> None:
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
        writer.writerow(header)
        writer.writerows([str(v) for v in record] for record in records)
    partial.replace(path)


def _write_xlsx(path: Path, header: list[str], records: Iterable[list]) -> None:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(header)
    for record in records:
        cells = []
        for value in record:
            if isinstance(value, _Money):
                cell = WriteOnlyCell(sheet, value=Decimal(value.fen).scaleb(-2))
                cell.number_format = "0.00"
                cells.append(cell)
            else:
                cells.append(value)  # text: codes keep their leading zeros
        sheet.append(cells)
    partial = path.with_name(path.name + ".partial")
    book.save(partial)
    partial.replace(path)


# -- the command line -----------------------------------------------------------------------


def register(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help="import a catalog from CSV or XLSX")
    imp_sub = imp.add_subparsers(dest="import_what", required=True, metavar="WHAT")
    products = imp_sub.add_parser(
        "products",
        help="products from CSV or XLSX (columns barcode, name, price; optional "
        "sku, unit, tax_rate, cost, category, stock)",
    )
    products.add_argument("file", type=Path)
    products.set_defaults(func=cmd_import_products)

    exp = sub.add_parser("export", help="export the catalog or sales to CSV or XLSX")
    exp_sub = exp.add_subparsers(dest="export_what", required=True, metavar="WHAT")
    products = exp_sub.add_parser("products", help="the catalog, in the import's columns")
    products.add_argument("file", type=Path)
    products.set_defaults(func=cmd_export_products)
    sales = exp_sub.add_parser("sales", help="one row per sale line")
    sales.add_argument("file", type=Path)
    sales.add_argument("--from", dest="start", type=_day, help="first business day, YYYY-MM-DD")
    sales.add_argument("--to", dest="end", type=_day, help="last business day, YYYY-MM-DD")
    sales.set_defaults(func=cmd_export_sales)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def cmd_import_products(ctx, args) -> int:
    with ctx.open_store() as store:
        report = import_products(store, args.file)
    for column in report.ignored_columns:
        print(f"column {column!r} ignored (not a product column)")
    print(
        f"{args.file.name}: {report.created} new products, {report.updated} updated,"
        f" {report.stock_changes} stock changes"
    )
    if not report.errors:
        return 0
    for error in report.errors:
        print(f"{args.file.name} {error}")
    print(f"{len(report.errors)} rows not imported; fix them and import the file again")
    return 1


def cmd_export_products(ctx, args) -> int:
    _check_target(args.file)
    with ctx.open_store() as store:
        count = export_products(store, args.file)
    print(f"{count} products written to {args.file}")
    return 0


def cmd_export_sales(ctx, args) -> int:
    _check_target(args.file)
    if args.start and args.end and args.start > args.end:
        raise UserInputError("--from is after --to")
    with ctx.open_store() as store:
        count = export_sales(store, args.file, start=args.start, end=args.end)
    print(f"{count} sale lines written to {args.file}")
    return 0


def _check_target(path: Path) -> None:
    if path.suffix.lower() not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise UserInputError(f"{path.name}: the file name must end in .csv or .xlsx")
    if not path.parent.is_dir():
        raise UserInputError(f"no such folder: {path.parent}")
