"""Products, their barcodes and the search index."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from app.errors import InvalidPrice, UserInputError
from app.search_tokens import fts_query, name_tokens
from localdb import Store
from sync import outbox

STOCK_POLICIES = ("block", "warn", "allow")
SEARCH_LIMIT = 50


@dataclass(frozen=True)
class Product:
    id: int
    sku: str
    name: str
    unit: str
    price: int  # fen
    cost: int  # fen
    tax_rate: int  # basis points
    category: str
    active: bool
    stock_policy: str
    weighed: bool


@dataclass(frozen=True)
class BarcodeHit:
    product: Product
    pack_qty: int


_PRODUCT_COLUMNS = (
    "p.id, p.sku, p.name, p.unit, p.price, p.cost, p.tax_rate, p.category, p.active, "
    "p.stock_policy, p.weighed"
)


def _product(row: tuple) -> Product:
    return Product(*row[:8], bool(row[8]), row[9], bool(row[10]))


def by_barcode(store: Store, code: str) -> BarcodeHit | None:
    """The product a barcode names, with the pack quantity it adds (the scan hot path)."""
    row = store.conn.execute(
        f"SELECT {_PRODUCT_COLUMNS}, b.pack_qty FROM barcodes b "
        "JOIN products p ON p.id = b.product_id WHERE b.code = ?",
        (code,),
    ).fetchone()
    return None if row is None else BarcodeHit(_product(row), row[11])


def by_id(store: Store, product_id: int) -> Product | None:
    row = store.conn.execute(
        f"SELECT {_PRODUCT_COLUMNS} FROM products p WHERE p.id = ?", (product_id,)
    ).fetchone()
    return None if row is None else _product(row)


def by_sku(store: Store, sku: str) -> Product | None:
    row = store.conn.execute(
        f"SELECT {_PRODUCT_COLUMNS} FROM products p WHERE p.sku = ?", (sku,)
    ).fetchone()
    return None if row is None else _product(row)


def barcodes_of(store: Store, product_id: int) -> list[tuple[str, int]]:
    return store.conn.execute(
        "SELECT code, pack_qty FROM barcodes WHERE product_id = ? ORDER BY pack_qty, code",
        (product_id,),
    ).fetchall()


def search(
    store: Store, query: str, *, limit: int = SEARCH_LIMIT, active_only: bool = True
) -> list[Product]:
    """Products matching a barcode, a SKU, a name part or pinyin initials, best first."""
    query = query.strip()
    if not query:
        return []
    found: dict[int, Product] = {}
    hit = by_barcode(store, query)
    if hit:
        found[hit.product.id] = hit.product
    exact = by_sku(store, query)
    if exact:
        found.setdefault(exact.id, exact)
    match = fts_query(query)
    if match:
        active = "AND p.active = 1" if active_only else ""
        rows = store.conn.execute(
            f"SELECT {_PRODUCT_COLUMNS} FROM (SELECT rowid FROM product_search "
            "WHERE product_search MATCH ? LIMIT ?) s JOIN products p ON p.id = s.rowid "
            f"WHERE 1 {active}",
            (match, limit),
        ).fetchall()
        for row in rows:
            found.setdefault(row[0], _product(row))
    return list(found.values())[:limit]


def save_product(
    store: Store,
    *,
    sku: str,
    name: str,
    price: int,
    unit: str = "件",
    cost: int = 0,
    tax_rate: int = 1300,
    category: str = "",
    active: bool = True,
    stock_policy: str = "warn",
    weighed: bool = False,
    barcodes: Iterable[tuple[str, int] | str] = (),
) -> int:
    """Create or update the product with this SKU; add the barcodes given. Returns its id."""
    check_product_fields(sku=sku, name=name, price=price, cost=cost, stock_policy=stock_policy)
    with store.transaction() as conn:
        row = conn.execute(
            "INSERT INTO products (sku, name, unit, price, cost, tax_rate, category, active,"
            " stock_policy, weighed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (sku) DO UPDATE SET name = excluded.name, unit = excluded.unit,"
            " price = excluded.price, cost = excluded.cost, tax_rate = excluded.tax_rate,"
            " category = excluded.category, active = excluded.active,"
            " stock_policy = excluded.stock_policy, weighed = excluded.weighed,"
            " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
            " RETURNING id",
            (
                sku,
                name,
                unit,
                price,
                cost,
                tax_rate,
                category,
                int(active),
                stock_policy,
                int(weighed),
            ),
        ).fetchone()
        product_id = row[0]
        for entry in barcodes:
            code, pack = (entry, 1) if isinstance(entry, str) else entry
            add_barcode(store, product_id, code, pack_qty=pack)
        index_product(conn, product_id, name, sku)
        outbox.append_many(conn, "product", product_payloads(conn, [product_id]))
    return product_id


def product_payloads(conn: sqlite3.Connection, product_ids: list[int]) -> list[str]:
    """A till's local edit of each product, as JSON text in the server's ``product`` shape.

    The catalog is the server's: each edit names the server revision it started from
    (``base_rev``, NULL for a product made here). An edit of the current version is
    applied; one of a version the owner has changed since loses to the owner's (and is
    recorded there). The JSON is made by SQLite, so a bulk import pays no Python encoding
    per product.
    """
    payloads = []
    for start in range(0, len(product_ids), 500):
        chunk = product_ids[start : start + 500]
        rows = conn.execute(
            "SELECT p.id, json_object('sku', p.sku, 'name', p.name, 'unit', p.unit,"
            " 'price', p.price, 'cost', p.cost, 'tax_rate', p.tax_rate, 'category', p.category,"
            " 'active', p.active, 'stock_policy', p.stock_policy, 'weighed', p.weighed,"
            " 'barcodes', json((SELECT json_group_array(json_object('code', b.code,"
            "  'pack_qty', b.pack_qty)) FROM barcodes b WHERE b.product_id = p.id)),"
            " 'base_rev', p.server_rev)"
            f" FROM products p WHERE p.id IN ({', '.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
        by_id = dict(rows)
        payloads.extend(by_id[product_id] for product_id in chunk)
    return payloads


def check_product_fields(*, sku: str, name: str, price: int, cost: int, stock_policy: str) -> None:
    if not sku.strip():
        raise UserInputError("a product needs a SKU")
    if not name.strip():
        raise UserInputError("a product needs a name", sku=sku)
    if price <= 0:
        raise InvalidPrice(f"price must be above zero for {sku}", sku=sku, price=price)
    if cost < 0:
        raise UserInputError(f"cost cannot be negative for {sku}", sku=sku)
    if stock_policy not in STOCK_POLICIES:
        raise UserInputError(f"stock policy must be one of {', '.join(STOCK_POLICIES)}")


def add_barcode(store: Store, product_id: int, code: str, *, pack_qty: int = 1) -> None:
    code = code.strip()
    if not code:
        raise UserInputError("empty barcode")
    if pack_qty < 1:
        raise UserInputError(f"pack quantity must be at least 1 for {code}", code=code)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO barcodes (code, product_id, pack_qty) VALUES (?, ?, ?) "
            "ON CONFLICT (code) DO UPDATE SET product_id = excluded.product_id,"
            " pack_qty = excluded.pack_qty",
            (code, product_id, pack_qty),
        )


def index_product(conn: sqlite3.Connection, product_id: int, name: str, sku: str) -> None:
    conn.execute("DELETE FROM product_search WHERE rowid = ?", (product_id,))
    conn.execute(
        "INSERT INTO product_search (rowid, tokens) VALUES (?, ?)",
        (product_id, name_tokens(name, sku)),
    )


def set_active(store: Store, product_id: int, active: bool) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE products SET active = ? WHERE id = ?", (int(active), product_id))
        outbox.append_many(conn, "product", product_payloads(conn, [product_id]))


def count(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM products").fetchone()[0]
