"""One sync cycle on the till: push the outbox in order, then pull the shop's changes.

Both halves are safe to interrupt anywhere: a push is idempotent on the server and its
results are written back in one local transaction; a pulled page and the cursor after it
are saved in one local transaction.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import uuid as uuidlib
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app import catalog, stock
from localdb import Store
from sync import outbox
from sync.client import SyncClient
from sync.errors import NotEnrolled, Quarantined, ServerRefused, ServerUnreachable

log = logging.getLogger(__name__)

BATCH = 1000  # the protocol's most per push: fewer round trips at a day end
PULL_PAGE = 10_000
FIRST_PULL_PAGE = 1_000
META_KEYS = ("sync.server", "sync.token", "sync.shop", "sync.till_id", "sync.cursor")


@dataclass
class Enrollment:
    server: str
    token: str
    shop: str
    till_id: str


@dataclass
class Moved:
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    pulled: int = 0
    left_unsent: int = 0
    exceptions: list[str] = field(default_factory=list)
    error: str = ""


def enrollment(store: Store) -> Enrollment:
    values = [store.meta(key, "") for key in META_KEYS[:4]]
    if not all(values):
        raise NotEnrolled("this till is not enrolled with a server; run `tillbook enroll`")
    return Enrollment(*values)


def save_enrollment(store: Store, *, server: str, answer: dict) -> None:
    with store.transaction():
        store.set_meta("sync.server", server)
        store.set_meta("sync.token", answer["token"])
        store.set_meta("sync.shop", answer["shop"])
        store.set_meta("sync.till_id", answer["till"])
        store.set_meta("sync.cursor", "")


# -- push ------------------------------------------------------------------------------------


def push(store: Store, client: SyncClient, shop: str, moved: Moved, *, batch: int = BATCH) -> None:
    """Send pending outbox rows in order until none is left (or the server refuses)."""
    hello = client.hello()
    supported = _supported_versions(hello)
    batch = max(1, min(batch, int(hello.get("max_batch") or batch)))
    size = batch
    while True:
        rows = outbox.pending(store.conn, limit=size, raw=True)
        if not rows:
            return
        rows = _prefix_supported(rows, supported)
        if not rows:
            moved.error = "the server is older than this till: update the server"
            return
        status, answer = client.push_raw(_body(store, shop, rows))
        batch_id = uuidlib.uuid4().hex[:8]
        if status in (200, 422) and "results" in answer:
            _record_results(store, answer["results"], moved, batch_id)
            if not answer["results"]:
                moved.error = "the server took nothing from the batch"
                return
            size = batch
        elif status == 409 and answer.get("error") == "gap":
            _resend_from(store, int(answer["expected_seq"]), batch_id)
        elif status == 409 and answer.get("error") == "renumber":
            _renumber(store, int(answer["expected_seq"]), batch_id)
        elif status == 409 and answer.get("error") == "quarantined":
            raise Quarantined(
                f"the server stopped taking this till's changes: {answer.get('reason')}",
                status=status,
                error="quarantined",
            )
        elif status in (413, 422) and "results" not in answer:
            if len(rows) > 1:
                size = max(1, len(rows) // 2)
                continue
            _refuse_alone(store, client, shop, rows[0], answer, moved, batch_id)
        else:
            raise ServerRefused(
                f"server refused the push: {answer.get('reason', status)}",
                status=status,
                error=str(answer.get("error", "")),
            )


def _supported_versions(hello: dict) -> dict[str, set[int]]:
    if 1 not in hello.get("protocol_versions", []):
        raise ServerRefused("the server does not speak protocol version 1", error="protocol")
    return {k: set(v) for k, v in hello.get("payload_versions", {}).items()}


def _prefix_supported(rows: list, supported: dict[str, set[int]]) -> list:
    """Rows the server can read, up to the first it cannot (order must hold)."""
    out = []
    for row in rows:
        if row.version not in supported.get(row.kind, ()):
            log.warning(
                "outbox row %d: server reads no %s v%d yet", row.seq, row.kind, row.version
            )
            break
        out.append(row)
    return out


def _body(store: Store, shop: str, rows: list) -> bytes:
    """The push body, with each payload spliced in as stored (no decode and encode again);
    ``rows`` come from ``outbox.pending(..., raw=True)``."""
    head = json.dumps({"shop": shop, "unsynced": outbox.unsynced_count(store.conn)})[:-1]
    changes = ",".join(
        f'{{"seq":{r.seq},"uuid":{json.dumps(r.uuid)},"kind":{json.dumps(r.kind)},'
        f'"version":{r.version},"payload":{r.payload}}}'
        for r in rows
    )
    return f'{head},"changes":[{changes}]}}'.encode()


def _record_results(store: Store, results: list[dict], moved: Moved, batch_id: str) -> None:
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    refused, sent = [], []
    for result in results:
        if result.get("status") == "rejected":
            refused.append((result.get("reason", "refused"), now, result["seq"], result["uuid"]))
            moved.rejected += 1
            log.warning(
                "batch %s: change %s refused: %s", batch_id, result["seq"], result.get("reason")
            )
            continue
        sent.append((now, result["seq"], result["uuid"]))
        if result.get("status") == "duplicate" or result.get("resent"):
            moved.duplicates += 1
        else:
            moved.pushed += 1
        moved.exceptions += result.get("exceptions", [])
    with store.transaction() as conn:
        conn.executemany(
            "UPDATE outbox SET state = 'rejected', error = ?, sent_at = ?"
            " WHERE seq = ? AND uuid = ?",
            refused,
        )
        conn.executemany(
            "UPDATE outbox SET state = 'sent', error = '', sent_at = ?"
            " WHERE seq = ? AND uuid = ? AND state = 'pending'",
            sent,
        )
    log.info("batch %s: %d results recorded", batch_id, len(results))


def _resend_from(store: Store, expected: int, batch_id: str) -> None:
    """The server lacks changes this till thought sent (say, the server was restored)."""
    with store.transaction() as conn:
        first = conn.execute("SELECT min(seq) FROM outbox WHERE state = 'pending'").fetchone()[0]
        if first is not None and expected > first:
            raise ServerRefused(
                f"the server expects change {expected} but this till still has {first} to send",
                error="gap",
            )
        reset = conn.execute(
            "UPDATE outbox SET state = 'pending' WHERE seq >= ? AND state = 'sent'", (expected,)
        ).rowcount
    log.warning("batch %s: server expects %d; %d changes queued again", batch_id, expected, reset)
    if not reset:
        raise ServerRefused(f"the server expects change {expected}, which is gone", error="gap")


def _renumber(store: Store, expected: int, batch_id: str) -> None:
    """After a quarantine the owner cleared: pending changes continue the server's numbering."""
    with store.transaction() as conn:
        first = conn.execute("SELECT min(seq) FROM outbox WHERE state = 'pending'").fetchone()[0]
        if first is None:
            return
        last = conn.execute("SELECT max(seq) FROM outbox").fetchone()[0]
        shift = max(expected, last + 1) - first
        # Two steps through negative numbers so no row collides with another on the way.
        conn.execute(
            "UPDATE outbox SET seq = -(seq + ?) WHERE state = 'pending' AND seq >= ?",
            (shift, first),
        )
        conn.execute("UPDATE outbox SET seq = -seq WHERE seq < 0")
    log.warning("batch %s: pending changes renumbered from %d", batch_id, first + shift)


def _refuse_alone(store, client, shop, row, answer, moved, batch_id) -> None:
    """One row the server cannot even read: keep it, marked, and tell the server to skip it."""
    reason = str(answer.get("reason") or answer.get("error") or "refused by the server")
    stand_in = {
        "seq": row.seq,
        "uuid": str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, f"skipped:{row.seq}:{row.uuid}")),
        "kind": "skipped",
        "version": 1,
        "payload": {"reason": reason[:500]},
    }
    status, reply = client.push({"shop": shop, "changes": [stand_in]})
    if status not in (200, 422) or "results" not in reply:
        raise ServerRefused(f"server refused change {row.seq}: {reason}", status=status)
    with store.transaction() as conn:
        conn.execute(
            "UPDATE outbox SET state = 'rejected', error = ? WHERE seq = ? AND uuid = ?",
            (reason, row.seq, row.uuid),
        )
    moved.rejected += 1
    log.warning("batch %s: change %d refused: %s", batch_id, row.seq, reason)


# -- pull ------------------------------------------------------------------------------------


# SQLite builds without the serialize API stage a page on the till's own connection
# instead of the fetch thread's.
_CAN_SERIALIZE = hasattr(sqlite3.Connection, "serialize")
# What a page's product rows must carry; "rev" is absent from servers before revisions.
PRODUCT_COLUMNS = (
    "sku", "name", "unit", "price", "cost", "tax_rate", "category", "active", "deleted",
    "stock_policy", "weighed", "barcodes", "search_tokens",
)  # fmt: skip
STOCK_COLUMNS = ("sku", "location", "on_hand_milli")
# The kinds read by SQLite from the page's text; every other kind is decoded.
STAGED_KINDS = {"product": PRODUCT_COLUMNS, "stock": STOCK_COLUMNS}


@dataclass
class Page:
    """One pulled page.

    Its products and stock levels are never made Python objects: SQLite reads them from
    the JSON text the server sent into tables of their own (``pulled.products``,
    ``pulled.stock``), on the fetch thread while the page before is being written, and
    hands those over as a serialized database. Everything else in the page is decoded.
    """

    head: dict  # count, cursor, more, acked_seq and the kinds not staged
    text: str = ""  # the page as sent, kept only while it is not staged
    columns: dict[str, list[str]] = field(default_factory=dict)  # per staged kind present
    staged: bytes | None = None  # the staged tables, serialized (see _stage)

    @property
    def cursor(self) -> str:
        return self.head["cursor"]


def read_page(text: str) -> Page:
    """Split a page into its products and stock levels, staged in a database of their own,
    and the rest, decoded. A page that is not what the server sends counts as a lost
    answer."""
    paths = [f"$.kinds.{kind}" for kind in STAGED_KINDS]
    removed = ", ".join(f"'{path}'" for path in paths)
    columns_of = ", ".join(f"json_extract(?1, '{path}.columns')" for path in paths)
    with closing(sqlite3.connect(":memory:")) as scratch:
        try:
            rest, *columns = scratch.execute(
                f"SELECT json_remove(?1, {removed}), {columns_of}", (text,)
            ).fetchone()
            head = json.loads(rest)
            if not isinstance(head, dict) or not isinstance(head.get("cursor"), str):
                raise ValueError("no cursor")
            page = Page(head, text)
            for kind, names in zip(STAGED_KINDS, columns, strict=True):
                if names:
                    page.columns[kind] = json.loads(names)
            if page.columns and _CAN_SERIALIZE:
                _stage(scratch, "main", page)
                page.staged, page.text = scratch.serialize(), ""
        except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
            raise ServerUnreachable(
                f"the server's page was cut short or is not a page ({exc})", detail=str(exc)
            ) from exc
    return page


def _stage(conn: sqlite3.Connection, schema: str, page: Page) -> None:
    """Read the page's product and stock rows from its text into ``schema.products`` and
    ``schema.stock``, a statement each. A later row for the same item replaces an earlier
    one (pages are in commit order)."""
    conn.execute(
        f"CREATE TABLE {schema}.products (sku TEXT PRIMARY KEY, name TEXT, unit TEXT,"
        " price INTEGER, cost INTEGER, tax_rate INTEGER, category TEXT, active INTEGER,"
        " stock_policy TEXT, weighed INTEGER, rev INTEGER, codes TEXT, tokens TEXT)"
    )
    conn.execute(
        f"CREATE TABLE {schema}.stock (sku TEXT, location TEXT, on_hand_milli INTEGER,"
        " PRIMARY KEY (sku, location))"
    )
    for kind, columns in page.columns.items():
        at = {name: i for i, name in enumerate(columns)}
        missing = [name for name in STAGED_KINDS[kind] if name not in at]
        if missing:
            raise KeyError(f"the {kind} rows have no {', '.join(missing)}")

        def column(name: str, at: dict = at) -> str:
            return f"json_extract(value, '$[{at[name]}]')" if name in at else "NULL"

        if kind == "product":
            values = (
                ", ".join(column(k) for k in ("sku", "name", "unit", "price", "cost"))
                + f", {column('tax_rate')}, {column('category')},"
                f" {column('active')} AND NOT {column('deleted')}, {column('stock_policy')},"
                f" {column('weighed')} != 0, {column('rev')}, {column('barcodes')},"
                f" {column('search_tokens')}"
            )
            table = "products"
        else:
            values = ", ".join(column(k) for k in STOCK_COLUMNS)
            table = "stock"
        conn.execute(
            f"INSERT OR REPLACE INTO {schema}.{table} SELECT {values}"
            f" FROM json_each(?, '$.kinds.{kind}.rows')",
            (page.text,),
        )


def pull(store: Store, client: SyncClient, moved: Moved, *, limit: int = PULL_PAGE) -> None:
    """Pull pages until the server has no more; the next page is fetched while this one is
    written, but pages and their cursors are still saved strictly in order."""

    def fetch(cursor: str, size: int, **extra) -> Page:
        return read_page(client.pull(cursor, size, **extra))

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:
        unsynced = outbox.unsynced_count(store.conn)  # reported for the owner's day end
        # Pages start small and double: the till writes the first rows while larger pages
        # are still on their way, instead of waiting idle for a full first page.
        size = min(limit, FIRST_PULL_PAGE)
        page = fetch(store.meta("sync.cursor", ""), size, unsynced=unsynced)
        while True:
            size = min(limit, size * 2)
            more = page.head.get("more")
            ahead = fetcher.submit(fetch, page.cursor, size) if more else None
            apply_page(store, page)
            moved.pulled += int(page.head.get("count", 0))
            if ahead is None:
                return
            page = ahead.result()


def apply_page(store: Store, page: Page) -> None:
    """Write one pulled page and the cursor after it in one local transaction."""
    kinds = page.head.get("kinds", {})
    store.conn.execute("ATTACH ':memory:' AS pulled")
    try:
        if page.staged is not None:
            store.conn.deserialize(page.staged, name="pulled")
        else:
            _stage(store.conn, "pulled", page)
        with store.transaction() as conn:
            if "product" in page.columns:
                _apply_products(conn)
            _apply_customers(conn, records(kinds.get("customer")))
            _apply_users(conn, records(kinds.get("user")))
            _apply_stock(conn, int(page.head.get("acked_seq", 0)))
            store.set_meta("sync.cursor", page.cursor)
    finally:
        store.conn.execute("DETACH pulled")


def records(table: dict | None) -> list[dict]:
    """A columnar table from a pulled page as one dict per row."""
    if not table:
        return []
    columns = table["columns"]
    return [dict(zip(columns, row, strict=True)) for row in table["rows"]]


def _apply_products(conn: sqlite3.Connection) -> None:
    """Upsert the staged products (``pulled.products``) with their barcodes and search
    entries, a statement each."""
    # Each staged row beside the till's product of the same SKU.
    pulled = "pulled.products AS t JOIN main.products AS p USING (sku)"
    # Barcodes and search entries of the products the till had already go first: joined
    # before the upsert, so products new here (all of them in a first pull) cost nothing.
    conn.execute(f"DELETE FROM barcodes WHERE product_id IN (SELECT p.id FROM {pulled})")
    conn.execute(f"DELETE FROM product_search WHERE rowid IN (SELECT p.id FROM {pulled})")
    conn.execute(
        "INSERT INTO main.products (sku, name, unit, price, cost, tax_rate, category, active,"
        " stock_policy, weighed, server_rev) SELECT sku, name, unit, price, cost, tax_rate,"
        " category, active, stock_policy, weighed, rev FROM pulled.products WHERE true"
        " ON CONFLICT (sku) DO UPDATE SET name = excluded.name, unit = excluded.unit,"
        " price = excluded.price, cost = excluded.cost, tax_rate = excluded.tax_rate,"
        " category = excluded.category, active = excluded.active,"
        " stock_policy = excluded.stock_policy, weighed = excluded.weighed,"
        " server_rev = excluded.server_rev,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
    )
    conn.execute(
        "INSERT INTO barcodes (code, product_id, pack_qty)"
        " SELECT json_extract(c.value, '$[0]'), p.id, json_extract(c.value, '$[1]')"
        f" FROM {pulled}, json_each(t.codes) AS c WHERE true"
        " ON CONFLICT (code) DO UPDATE SET product_id = excluded.product_id,"
        " pack_qty = excluded.pack_qty"
    )
    # The server sends each product's search tokens (made by the same app.search_tokens);
    # a product without them is indexed here.
    conn.execute(
        "INSERT INTO product_search (rowid, tokens)"
        f" SELECT p.id, t.tokens FROM {pulled} WHERE coalesce(t.tokens, '') != ''"
    )
    for product_id, name, sku in conn.execute(
        f"SELECT p.id, p.name, p.sku FROM {pulled} WHERE coalesce(t.tokens, '') = ''"
    ).fetchall():
        catalog.index_product(conn, product_id, name, sku)


def _apply_customers(conn: sqlite3.Connection, customers: list[dict]) -> None:
    for c in customers:
        conn.execute(
            "INSERT INTO customers (uuid, name, phone, card_code, address, notes, credit_limit)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO UPDATE SET name = excluded.name,"
            " phone = excluded.phone, card_code = excluded.card_code,"
            " address = excluded.address, notes = excluded.notes,"
            " credit_limit = excluded.credit_limit",
            (
                c["uuid"],
                c["name"],
                c["phone"],
                c["card_code"],
                c["address"],
                c["notes"],
                c["credit_limit"],
            ),
        )


def _apply_users(conn: sqlite3.Connection, users: list[dict]) -> None:
    conn.executemany(
        "INSERT INTO users (name, role, pin_hash, active) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (name) DO UPDATE SET role = excluded.role, pin_hash = excluded.pin_hash,"
        " active = excluded.active",
        [(u["name"], u["role"], u["pin_hash"], int(u["active"])) for u in users],
    )


def _apply_stock(conn: sqlite3.Connection, acked_seq: int) -> None:
    """Bring on-hand to the server's level (``pulled.stock``) plus this till's moves the
    server has not seen.

    The difference goes into the local ledger as an adjustment that is not sent back, so the
    ledger and its cached levels stay in step. A level for a product this till does not have
    yet is held until the product arrives (the cursor moves past it); held levels whose
    product is here now are applied with the page, whose own level of an item is newer.
    """
    held_here = (
        "FROM held_stock_levels h JOIN main.products p ON p.sku = h.sku"
        " JOIN main.locations l ON l.code = h.location"
    )
    conn.execute(
        f"INSERT OR IGNORE INTO pulled.stock SELECT h.sku, h.location, h.on_hand_milli {held_here}"
    )
    released = conn.execute(
        "DELETE FROM held_stock_levels WHERE (sku, location) IN"
        f" (SELECT h.sku, h.location {held_here})"
    ).rowcount
    if released:
        log.info("%d held stock levels applied now that their products are here", released)
    waiting = conn.execute(
        "INSERT INTO held_stock_levels (sku, location, on_hand_milli)"
        " SELECT s.sku, s.location, s.on_hand_milli FROM pulled.stock s"
        " WHERE NOT EXISTS (SELECT 1 FROM main.products p WHERE p.sku = s.sku)"
        " OR NOT EXISTS (SELECT 1 FROM main.locations l WHERE l.code = s.location)"
        " ON CONFLICT (sku, location) DO UPDATE SET on_hand_milli = excluded.on_hand_milli"
    ).rowcount
    if waiting:
        log.info("%d stock levels held: their products are not here yet", waiting)
    if waiting == conn.execute("SELECT count(*) FROM pulled.stock").fetchone()[0]:
        return  # no level to apply: the outbox need not be read
    conn.execute(
        "CREATE TABLE pulled.unsent (sku TEXT, location TEXT, qty_milli INTEGER,"
        " PRIMARY KEY (sku, location))"
    )
    unsent: dict[tuple[str, str], int] = defaultdict(int)
    for (payload,) in conn.execute(
        "SELECT payload FROM outbox WHERE state = 'pending' AND seq > ?", (acked_seq,)
    ):
        for move in json.loads(payload).get("moves", ()):
            unsent[(move["sku"], move["location"])] += move["qty_milli"]
    conn.executemany(
        "INSERT INTO pulled.unsent VALUES (?, ?, ?)", [(*key, q) for key, q in unsent.items()]
    )
    changes: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for location_id, product_id, difference in conn.execute(
        "SELECT l.id, p.id, s.on_hand_milli + coalesce(u.qty_milli, 0)"
        " - coalesce(sl.on_hand_milli, 0) AS difference"
        " FROM pulled.stock s JOIN main.products p ON p.sku = s.sku"
        " JOIN main.locations l ON l.code = s.location"
        " LEFT JOIN main.stock_levels sl ON sl.product_id = p.id AND sl.location_id = l.id"
        " LEFT JOIN pulled.unsent u ON u.sku = s.sku AND u.location = s.location"
        " WHERE difference != 0"
    ):
        changes[location_id].append((product_id, difference))
    for location_id, quantities in changes.items():
        stock.write_moves(
            conn,
            quantities,
            kind="adjustment",
            location_id=location_id,
            ref="sync",
            note="level from the server",
        )


# -- a whole cycle ---------------------------------------------------------------------------


def run(store: Store, client: SyncClient, shop: str, *, pull_too: bool = True) -> Moved:
    """Push then pull; record the run for the status bar. Errors are raised after recording."""
    moved = Moved()
    started = datetime.now(UTC).isoformat(timespec="seconds")
    error: Exception | None = None
    try:
        push(store, client, shop, moved)
        if pull_too:
            pull(store, client, moved)
    except Exception as exc:  # recorded for the status bar, then raised again
        moved.error = str(exc)
        error = exc
    moved.left_unsent = outbox.pending_count(store.conn)
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO sync_runs (started_at, finished_at, pushed, rejected, pulled,"
            " left_unsent, error) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                started,
                datetime.now(UTC).isoformat(timespec="seconds"),
                moved.pushed + moved.duplicates,
                moved.rejected,
                moved.pulled,
                moved.left_unsent,
                moved.error,
            ),
        )
        conn.execute("DELETE FROM sync_runs WHERE id <= (SELECT max(id) - 1000 FROM sync_runs)")
    if error is not None:
        raise error
    return moved
