"""What the server does, independent of HTTP: enrollment, push, pull, owner actions, reports.

Every function takes the engine and runs its own transaction(s); nothing is kept in the
process between calls, so any number of server processes can share one database.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import secrets
import uuid as uuidlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from operator import itemgetter

import pydantic_core
import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.engine import Connection, Engine

from app.money import format_yuan
from app.search_tokens import name_tokens
from sync.errors import ServerSetupError
from sync.server import db, models

log = logging.getLogger(__name__)

ENROLL_CODE_HOURS = 24
PULL_LIMIT_MAX = 10_000
IN_CHUNK = 500


class Refusal(Exception):
    """A request the server answers with a 4xx: ``error`` is a stable code, ``reason`` words."""

    def __init__(self, status: int, error: str, reason: str, **extra: object) -> None:
        super().__init__(reason)
        self.status, self.error, self.reason, self.extra = status, error, reason, extra

    def body(self) -> dict:
        return {"error": self.error, "reason": self.reason, **self.extra}


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def q(sql: str, *expanding: str) -> sa.TextClause:
    clause = sa.text(sql)
    if expanding:
        clause = clause.bindparams(*(sa.bindparam(name, expanding=True) for name in expanding))
    return clause


_NAMED = re.compile(r"(?<![:\w]):(\w+)")


def many(conn: Connection, sql: str, rows: list[dict] | list[tuple]) -> None:
    """executemany straight to the driver: the same SQL as ``q`` with ``:name`` parameters,
    without SQLAlchemy building a parameter set per row (it dominates a big push). Rows are
    dicts by parameter name, or tuples already in the order the parameters appear."""
    if not rows:
        return
    names = _NAMED.findall(sql)
    if isinstance(rows[0], tuple):
        params = rows
    else:
        pick = itemgetter(*names)
        params = [pick(r) for r in rows] if len(names) > 1 else [(pick(r),) for r in rows]
    if db.is_postgres(conn) and _MULTI_ROW.fullmatch(sql):
        _many_values(conn, sql, len(names), params)
        return
    marker = "%s" if db.is_postgres(conn) else "?"
    conn.exec_driver_sql(_NAMED.sub(marker, sql), params)


# A plain INSERT (or one that skips conflicts) of named parameters only: PostgreSQL takes
# the rows as one JSON document. An upsert that updates is left to executemany, where a key
# may occur twice in one batch.
_MULTI_ROW = re.compile(
    r"INSERT INTO (\w+) \(([^)]*)\) VALUES \((?::\w+(?:, )?)+\)"
    r"( ON CONFLICT \([^)]*\) DO NOTHING)?",
    re.DOTALL,
)


def _many_values(conn: Connection, sql: str, width: int, params: list[tuple]) -> None:
    """All rows in one statement, typed by the table itself (``json_populate_recordset``):
    one round trip and one statement run on the server, where psycopg's executemany
    pipelines but PostgreSQL still runs each row as its own statement."""
    match = _MULTI_ROW.fullmatch(sql)
    table, columns, tail = match.group(1), match.group(2), match.group(3) or ""
    names = [c.strip() for c in columns.split(",")]
    if len(names) != width:
        conn.exec_driver_sql(_NAMED.sub("%s", sql), params)
        return
    if not tail:
        _copy(conn, table, columns, params)
        return
    document = to_json([dict(zip(names, row, strict=True)) for row in params])
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({columns}) SELECT {columns}"
        f" FROM json_populate_recordset(NULL::{table}, %s::json){tail}",
        (document,),
    )


def _copy(conn: Connection, table: str, columns: str, params: list[tuple]) -> None:
    """Append-only rows through ``COPY``, the fastest way into PostgreSQL (no conflict
    clause possible: a duplicate key fails the transaction like any insert would). Driver
    errors are raised as SQLAlchemy's, so :func:`db.write` retries a conflict as usual."""
    import psycopg

    statement = f"COPY {table} ({columns}) FROM STDIN"
    try:
        with conn.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in params:
                copy.write_row(row)
    except psycopg.Error as exc:
        raise sa.exc.DBAPIError.instance(statement, None, exc, psycopg.Error) from exc


def fetch_raw(conn: Connection, sql: str, params: dict) -> tuple[list[str], list[tuple]]:
    """Column names and plain tuples, for pages too big to wrap each row in a Row object."""
    names = _NAMED.findall(sql)
    marker = "%s" if db.is_postgres(conn) else "?"
    cursor = conn.exec_driver_sql(_NAMED.sub(marker, sql), tuple(params[n] for n in names))
    columns = list(cursor.keys())
    return columns, cursor.fetchall()


def to_json(value: object) -> str:
    """Compact JSON with non-ASCII kept as is, like ``json.dumps(value, ensure_ascii=False,
    separators=(",", ":"))``, encoded in Rust (several times faster for a sale payload)."""
    return pydantic_core.to_json(value).decode()


def chunks(items: list, size: int = IN_CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def select_in(conn: Connection, sql: str, name: str, values: list, params: dict | None = None):
    """Rows of ``sql`` whose ``IN :name`` takes ``values``: on PostgreSQL one query with an
    array (``= ANY``), on SQLite in chunks of ``IN_CHUNK``."""
    params = params or {}
    if not values:
        return []
    if db.is_postgres(conn):
        text = sql.replace(f" IN :{name}", f" = ANY(:{name})")
        return conn.execute(q(text), {**params, name: list(values)}).fetchall()
    rows = []
    for part in chunks(values):
        rows += conn.execute(q(sql, name), {**params, name: part}).fetchall()
    return rows


# -- owner setup -----------------------------------------------------------------------------


def add_shop(engine: Engine, name: str) -> str:
    name = name.strip()
    if not name:
        raise ServerSetupError("a shop needs a name")
    shop_id = "shop-" + secrets.token_hex(4)

    def work(conn: Connection) -> None:
        conn.execute(
            q("INSERT INTO shops (id, name, created_at) VALUES (:id, :name, :at)"),
            {"id": shop_id, "name": name, "at": db.now()},
        )
        conn.execute(q("INSERT INTO shop_clock (shop_id, value) VALUES (:id, 0)"), {"id": shop_id})

    db.write(engine, work)
    log.info("shop %s (%s) added", shop_id, name)
    return shop_id


def find_shop(conn: Connection, shop: str) -> str:
    """A shop by id or by exact name."""
    rows = conn.execute(
        q("SELECT id FROM shops WHERE id = :s OR name = :s"), {"s": shop}
    ).fetchall()
    if len(rows) != 1:
        problem = "no shop" if not rows else "more than one shop"
        raise ServerSetupError(f"{problem} named {shop!r}", shop=shop)
    return rows[0][0]


def enroll_code(engine: Engine, shop: str) -> str:
    code = secrets.token_hex(5).upper()

    def work(conn: Connection) -> None:
        shop_id = find_shop(conn, shop)
        now = datetime.now(UTC)
        conn.execute(
            q(
                "INSERT INTO enroll_codes (code_hash, shop_id, created_at, expires_at)"
                " VALUES (:h, :shop, :at, :exp)"
            ),
            {
                "h": secret_hash(code),
                "shop": shop_id,
                "at": db.now(),
                "exp": (now + timedelta(hours=ENROLL_CODE_HOURS)).isoformat(),
            },
        )

    db.write(engine, work)
    return code


def owner_token(engine: Engine, label: str = "") -> str:
    token = "own_" + secrets.token_urlsafe(32)
    db.write(
        engine,
        lambda conn: conn.execute(
            q("INSERT INTO owner_tokens (token_hash, label, created_at) VALUES (:h, :l, :at)"),
            {"h": secret_hash(token), "l": label, "at": db.now()},
        ),
    )
    return token


def _find_till(conn: Connection, till: str) -> str:
    rows = conn.execute(
        q("SELECT id FROM tills WHERE id = :t OR code = :t"), {"t": till}
    ).fetchall()
    if len(rows) != 1:
        problem = "no till" if not rows else "more than one till (use its id)"
        raise ServerSetupError(f"{problem} named {till!r}", till=till)
    return rows[0][0]


def revoke(engine: Engine, till: str) -> str:
    def work(conn: Connection) -> str:
        till_id = _find_till(conn, till)
        conn.execute(
            q("UPDATE tills SET state = 'revoked', reason = 'revoked by the owner' WHERE id = :t"),
            {"t": till_id},
        )
        return till_id

    return db.write(engine, work)


def clear_quarantine(engine: Engine, till: str) -> str:
    """Let a quarantined till push again; its conflicting changes get new numbers."""

    def work(conn: Connection) -> str:
        till_id = _find_till(conn, till)
        conn.execute(
            q(
                "UPDATE tills SET state = 'active', reason = '', renumber = 1"
                " WHERE id = :t AND state = 'quarantined'"
            ),
            {"t": till_id},
        )
        return till_id

    return db.write(engine, work)


def list_tills(engine: Engine) -> list[dict]:
    def work(conn: Connection) -> list[dict]:
        rows = conn.execute(
            q(
                "SELECT t.id, s.name, t.code, t.state, t.reason, t.applied_seq, t.last_contact,"
                " t.reported_unsynced FROM tills t JOIN shops s ON s.id = t.shop_id"
                " ORDER BY s.name, t.code"
            )
        ).mappings()
        return [dict(r) for r in rows]

    return db.read(engine, work)


# -- authentication --------------------------------------------------------------------------


@dataclass
class TillRow:
    id: str
    shop_id: str
    code: str
    state: str
    reason: str
    applied_seq: int
    renumber: int


def till_for_token(conn: Connection, token: str | None, *, lock: bool = False) -> TillRow:
    if not token:
        raise Refusal(401, "no_token", "this request needs the till's token")
    sql = (
        "SELECT id, shop_id, code, state, reason, applied_seq, renumber FROM tills"
        " WHERE token_hash = :h"
    )
    if lock and db.is_postgres(conn):
        sql += " FOR UPDATE"
    row = conn.execute(q(sql), {"h": secret_hash(token)}).fetchone()
    if row is None:
        raise Refusal(401, "bad_token", "the till's token is not known to this server")
    till = TillRow(*row)
    if till.state == "revoked":
        raise Refusal(401, "revoked", "this till's token was revoked by the owner")
    return till


def check_owner(conn: Connection, token: str | None) -> None:
    if not token:
        raise Refusal(401, "no_token", "this request needs an owner token")
    row = conn.execute(
        q("SELECT revoked FROM owner_tokens WHERE token_hash = :h"), {"h": secret_hash(token)}
    ).fetchone()
    if row is None or row[0]:
        raise Refusal(401, "bad_token", "not a valid owner token")


# -- enrollment ------------------------------------------------------------------------------


def enroll(engine: Engine, request: models.EnrollRequest) -> dict:
    token = "till_" + secrets.token_urlsafe(32)
    till_id = "till-" + secrets.token_hex(6)

    def work(conn: Connection) -> dict:
        row = conn.execute(
            q(
                "SELECT e.shop_id, e.expires_at, e.used_by, s.name FROM enroll_codes e"
                " JOIN shops s ON s.id = e.shop_id WHERE e.code_hash = :h"
            ),
            {"h": secret_hash(request.code.strip().upper())},
        ).fetchone()
        if row is None or row.used_by is not None:
            raise Refusal(403, "bad_code", "the enrollment code is unknown or was used already")
        if row.expires_at < datetime.now(UTC).isoformat():
            raise Refusal(403, "code_expired", "the enrollment code has expired")
        taken = conn.execute(
            q("SELECT 1 FROM tills WHERE shop_id = :s AND code = :c"),
            {"s": row.shop_id, "c": request.till_code},
        ).fetchone()
        if taken:
            raise Refusal(
                409, "till_code_taken", f"the shop has a till {request.till_code} already"
            )
        conn.execute(
            q("UPDATE enroll_codes SET used_by = :t WHERE code_hash = :h AND used_by IS NULL"),
            {"t": till_id, "h": secret_hash(request.code.strip().upper())},
        )
        conn.execute(
            q(
                "INSERT INTO tills (id, shop_id, code, token_hash, state, created_at)"
                " VALUES (:id, :shop, :code, :h, 'active', :at)"
            ),
            {
                "id": till_id,
                "shop": row.shop_id,
                "code": request.till_code,
                "h": secret_hash(token),
                "at": db.now(),
            },
        )
        return {"till": till_id, "shop": row.shop_id, "shop_name": row.name, "token": token}

    result = db.write(engine, work)
    log.info("till %s enrolled in shop %s", till_id, result["shop"])
    return result


# -- push ------------------------------------------------------------------------------------


@dataclass
class Batch:
    """What one push adds, gathered first and written with one statement per table."""

    till: TillRow
    sales: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    moves: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    exceptions: list = field(default_factory=list)
    customers: list = field(default_factory=list)
    products: list = field(default_factory=list)
    feed_changed: bool = False
    at: str = field(default_factory=db.now)  # one timestamp for the whole batch

    def exception(self, kind: str, ref: str, **detail: object) -> None:
        self.exceptions.append(
            {
                "id": str(uuidlib.uuid4()),
                "shop": self.till.shop_id,
                "till": self.till.id,
                "kind": kind,
                "ref": ref,
                "detail": json.dumps(detail, ensure_ascii=False),
                "at": self.at,
            }
        )


def push(engine: Engine, token: str | None, request: models.PushRequest) -> tuple[int, dict]:
    """Apply a batch of a till's changes, each (till, seq) exactly once."""
    return db.write(engine, lambda conn: _push(conn, token, request))


def _push(conn: Connection, token: str | None, request: models.PushRequest) -> tuple[int, dict]:
    till = till_for_token(conn, token, lock=True)
    if till.state == "quarantined":
        raise Refusal(409, "quarantined", till.reason, till=till.id)
    if request.shop != till.shop_id:
        raise Refusal(403, "wrong_shop", "this till may only send its own shop's data")
    conn.execute(
        q("UPDATE tills SET last_contact = :at, reported_unsynced = :n WHERE id = :t"),
        {"at": db.now(), "n": request.unsynced, "t": till.id},
    )
    changes = request.changes
    seqs = [c.seq for c in changes]
    if len(set(seqs)) != len(seqs) or seqs != sorted(seqs):
        raise Refusal(422, "invalid", "a batch lists each change once, in sequence order")
    stored = {
        r.seq: r
        for r in conn.execute(
            q(
                "SELECT seq, uuid, result FROM changes WHERE till_id = :t"
                " AND seq BETWEEN :lo AND :hi"
            ),
            {"t": till.id, "lo": min(seqs), "hi": max(seqs)},
        )
    }

    # A known number with a different UUID: the till reuses numbers (restored from a backup).
    for change in changes:
        known = stored.get(change.seq)
        if known is not None and known.uuid != change.uuid:
            if till.renumber:
                raise Refusal(
                    409,
                    "renumber",
                    "number the pending changes again from the expected sequence",
                    expected_seq=till.applied_seq + 1,
                )
            reason = (
                f"change {change.seq} was received before with another identity; the till "
                "may have been restored from an old backup. The owner must check it and run "
                "`tillbook server clear-quarantine`."
            )
            conn.execute(
                q("UPDATE tills SET state = 'quarantined', reason = :r WHERE id = :t"),
                {"r": reason, "t": till.id},
            )
            log.warning("till %s quarantined at change %d", till.id, change.seq)
            return 409, {"error": "quarantined", "reason": reason, "till": till.id}

    resent_uuids = _known_uuids(conn, till.id, [c.uuid for c in changes if c.seq not in stored])
    results: list[dict] = []
    plan: list[tuple[models.Change, object, str]] = []
    applied = till.applied_seq
    for change in changes:
        if change.seq in stored:
            results.append({**json.loads(stored[change.seq].result), "resent": True})
            continue
        if change.seq <= applied:
            results.append({"seq": change.seq, "uuid": change.uuid, "status": "duplicate"})
            continue
        if change.seq != applied + 1:
            if not results and not plan:
                raise Refusal(
                    409,
                    "gap",
                    f"expected change {applied + 1}, got {change.seq}",
                    expected_seq=applied + 1,
                )
            break
        payload, reason = _validate(change, till)
        plan.append((change, payload, reason))
        applied = change.seq
        if reason:
            break  # the changes after a refused one wait for the next push

    batch = Batch(till)
    planned_results = _apply(conn, batch, plan, resent_uuids)
    _write_batch(conn, batch)
    if plan:
        many(
            conn,
            (
                "INSERT INTO changes (till_id, seq, uuid, kind, version, status, result,"
                " applied_at) VALUES (:t, :seq, :uuid, :kind, :version, :status, :result, :at)"
            ),
            [
                {
                    "t": till.id,
                    "seq": c.seq,
                    "uuid": c.uuid,
                    "kind": c.kind,
                    "version": c.version,
                    "status": r["status"],
                    "result": to_json(r),
                    "at": batch.at,
                }
                for (c, _, _), r in zip(plan, planned_results, strict=True)
            ],
        )
    if plan:
        conn.execute(
            q("UPDATE tills SET applied_seq = :a, renumber = 0 WHERE id = :t"),
            {"a": applied, "t": till.id},
        )
    if batch.feed_changed:
        stamp(conn, till.shop_id)
    results += planned_results
    refused = [r for r in planned_results if r["status"] == "rejected"]
    body = {"results": results, "applied_seq": applied}
    if refused:
        body.update(error="rejected", reason=refused[0]["reason"])
        return 422, body
    return 200, body


def _known_uuids(conn: Connection, till_id: str, uuids: list[str]) -> set[str]:
    found = {
        r[0]
        for r in select_in(
            conn,
            "SELECT uuid FROM changes WHERE till_id = :t AND uuid IN :u",
            "u",
            uuids,
            {"t": till_id},
        )
    }
    return found


def _validate(change: models.Change, till: TillRow) -> tuple[object, str]:
    if change.kind == "skipped":  # the till could not get this change read; it keeps it
        return None, f"refused: {str(change.payload.get('reason', ''))[:500]}"
    model = models.payload_model(change.kind, change.version)
    if model is None:
        return None, f"unknown payload kind {change.kind!r} version {change.version}"
    try:
        payload = model.model_validate(change.payload)
    except ValidationError as exc:
        return None, describe(exc)
    if isinstance(payload, models.SaleV1):
        if payload.till != till.code:
            return None, f"this till is {till.code}; it may not send till {payload.till}'s sales"
        if payload.uuid != change.uuid:
            return None, "a sale travels under its own UUID"
    return payload, ""


def describe(exc: ValidationError) -> str:
    errors = exc.errors()
    parts = [error_text(error) for error in errors[:5]]
    more = len(errors) - len(parts)
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def error_text(error: dict) -> str:
    """One validation error as ``where: what`` for a person reading the till's outbox."""
    where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
    message = error.get("msg", "invalid")
    if error.get("ctx", {}).get("pattern") == models.NO_NUL:
        message = models.NO_NUL_REASON
    return f"{where}: {message}"


def _apply(conn: Connection, batch: Batch, plan: list, resent_uuids: set[str]) -> list[dict]:
    sale_uuids = [p.uuid for _, p, _ in plan if isinstance(p, models.SaleV1)]
    existing_sales = {
        r[0]
        for r in select_in(
            conn,
            "SELECT uuid FROM sales WHERE shop_id = :s AND uuid IN :u",
            "u",
            sale_uuids,
            {"s": batch.till.shop_id},
        )
    }
    skus = sorted({ln.sku for _, p, _ in plan if isinstance(p, models.SaleV1) for ln in p.lines})
    catalog = {
        r.sku: r
        for r in select_in(
            conn,
            "SELECT sku, price, deleted FROM products WHERE shop_id = :s AND sku IN :k",
            "k",
            skus,
            {"s": batch.till.shop_id},
        )
    }

    results, seen = [], set(resent_uuids)
    for change, payload, reason in plan:
        result = {"seq": change.seq, "uuid": change.uuid, "status": "applied"}
        if reason:
            result.update(status="rejected", reason=reason)
        elif change.uuid in seen:
            result["status"] = "duplicate"
        elif isinstance(payload, models.SaleV1):
            if payload.uuid in existing_sales:
                result["status"] = "duplicate"
            else:
                flagged = _add_sale(batch, change, payload, catalog)
                if flagged:
                    result["exceptions"] = flagged
                existing_sales.add(payload.uuid)
        elif isinstance(payload, models.StockMoveV1):
            batch.moves += [(m, change.uuid) for m in payload.moves]
        elif isinstance(payload, models.DeliveryV1):
            batch.documents.append((change, payload))
            batch.moves += [(m, payload.uuid) for m in payload.moves]
        elif isinstance(payload, models.CustomerV1):
            batch.customers.append(payload)
        elif isinstance(payload, models.ProductV1):
            outcome = _product_edit(conn, batch, payload)
            if outcome:
                result["note"] = outcome
        seen.add(change.uuid)
        results.append(result)
    return results


def _add_sale(batch: Batch, change, sale: models.SaleV1, catalog: dict) -> list[str]:
    till = batch.till
    batch.sales.append(
        {
            "uuid": sale.uuid,
            "shop": till.shop_id,
            "till": till.id,
            "seq": change.seq,
            "kind": sale.kind,
            "receipt": sale.receipt_no,
            "day": sale.business_day,
            "created": sale.created_at,
            "total": sale.total,
            "tax": sale.tax_total,
            "orig": sale.original_uuid,
            "cust": sale.customer_uuid,
            "payload": to_json(change.payload),
            "at": batch.at,
        }
    )
    flagged = []
    for line in sale.lines:
        batch.lines.append(  # in the order of the sale_lines insert's parameters
            (
                till.shop_id,
                sale.uuid,
                line.line_no,
                line.sku,
                line.qty_milli,
                line.unit_price,
                line.list_price,
                line.net,
                line.tax,
            )
        )
        product = catalog.get(line.sku)
        if sale.kind != "sale":
            continue
        if product is None:
            kind, detail = "unknown_product", {}
        elif product.deleted:
            kind, detail = "product_deleted", {}
        elif product.price != line.list_price:
            kind, detail = "price_changed", {"sold_at": line.list_price, "price": product.price}
        else:
            continue
        batch.exception(kind, sale.receipt_no, sale=sale.uuid, sku=line.sku, **detail)
        flagged.append(kind)
    batch.moves += [(m, sale.uuid) for m in sale.moves]
    return flagged


def _product_edit(conn: Connection, batch: Batch, edit: models.ProductV1) -> str:
    """The owner's catalog wins: a till's edit of a product changed since the till saw it loses."""
    row = conn.execute(
        q("SELECT rev, edited_by FROM products WHERE shop_id = :s AND sku = :k"),
        {"s": batch.till.shop_id, "k": edit.sku},
    ).fetchone()
    current = row is None or row.edited_by == batch.till.id  # its own edit is no conflict
    if not current and (edit.base_rev is None or (row.rev or 0) > edit.base_rev):
        batch.exception(
            "catalog_edit_lost", edit.sku, till_version=edit.model_dump(), server_rev=row.rev
        )
        return "superseded by the owner's version"
    batch.products.append(edit)
    return ""


def _write_batch(conn: Connection, batch: Batch) -> None:
    shop = batch.till.shop_id
    if batch.sales:
        many(
            conn,
            (
                "INSERT INTO sales (uuid, shop_id, till_id, seq, kind, receipt_no, business_day,"
                " created_at, total, tax_total, original_uuid, customer_uuid, payload,"
                " received_at) VALUES (:uuid, :shop, :till, :seq, :kind, :receipt, :day,"
                " :created, :total, :tax, :orig, :cust, :payload, :at)"
            ),
            batch.sales,
        )
    if batch.lines:
        many(
            conn,
            (
                "INSERT INTO sale_lines (shop_id, sale_uuid, line_no, sku, qty_milli, unit_price,"
                " list_price, net, tax) VALUES (:shop, :sale, :no, :sku, :qty, :unit, :list,"
                " :net, :tax)"
            ),
            batch.lines,
        )
    # A document's later change replaces its earlier version. The order is the till's outbox
    # sequence: an older change (a resend of one the server lost, say) never replaces a
    # newer one. A document no other till can change is the common case; should one, the
    # change that arrives last is kept.
    for change, doc in batch.documents:
        conn.execute(
            q(
                "INSERT INTO documents (shop_id, uuid, till_id, seq, kind, payload, received_at)"
                " VALUES (:s, :u, :t, :seq, :k, :p, :at) ON CONFLICT (shop_id, uuid) DO UPDATE"
                " SET till_id = excluded.till_id, seq = excluded.seq, kind = excluded.kind,"
                " payload = excluded.payload, received_at = excluded.received_at"
                " WHERE documents.till_id <> excluded.till_id OR documents.seq < excluded.seq"
            ),
            {
                "u": doc.uuid,
                "s": shop,
                "t": batch.till.id,
                "seq": change.seq,
                "k": change.kind,
                "p": json.dumps(change.payload, ensure_ascii=False),
                "at": batch.at,
            },
        )
    if batch.moves:
        add_moves(conn, batch, shop, batch.till.id)
    if batch.customers:
        conn.execute(
            q(
                "INSERT INTO customers (shop_id, uuid, name, phone, card_code, address, notes,"
                " credit_limit, rev) VALUES (:shop, :uuid, :name, :phone, :card_code, :address,"
                " :notes, :credit_limit, NULL) ON CONFLICT (shop_id, uuid) DO UPDATE SET"
                " name = excluded.name, phone = excluded.phone, card_code = excluded.card_code,"
                " address = excluded.address, notes = excluded.notes,"
                " credit_limit = excluded.credit_limit, rev = NULL"
            ),
            [{"shop": shop, **c.model_dump()} for c in batch.customers],
        )
        batch.feed_changed = True
    if batch.products:
        upsert_products(conn, shop, batch.products, edited_by=batch.till.id)
        batch.feed_changed = True
    if batch.exceptions:
        add_exceptions(conn, batch.exceptions)


def add_exceptions(conn: Connection, rows: list[dict]) -> None:
    many(
        conn,
        (
            "INSERT INTO exceptions (id, shop_id, till_id, kind, ref, detail, created_at)"
            " VALUES (:id, :shop, :till, :kind, :ref, :detail, :at)"
        ),
        rows,
    )


def add_moves(conn: Connection, batch: Batch, shop: str, till_id: str | None) -> None:
    """Append movements to the ledger (each UUID once) and sum them into the levels."""
    moves = batch.moves
    known = {
        r[0]
        for r in select_in(
            conn,
            "SELECT uuid FROM stock_moves WHERE shop_id = :s AND uuid IN :u",
            "u",
            [m.uuid for m, _ in moves],
            {"s": shop},
        )
    }
    rows, deltas = [], defaultdict(int)
    for move, ref in moves:
        if move.uuid in known:
            continue
        known.add(move.uuid)
        rows.append(  # in the order of the stock_moves insert's parameters
            (
                move.uuid,
                shop,
                till_id,
                move.sku,
                move.location,
                move.qty_milli,
                move.kind,
                move.ref or ref,
                batch.at,
            )
        )
        deltas[(move.sku, move.location)] += move.qty_milli
    if not rows:
        return
    many(
        conn,
        (
            "INSERT INTO stock_moves (uuid, shop_id, till_id, sku, location, qty_milli, kind,"
            " ref, received_at) VALUES (:uuid, :shop, :till, :sku, :loc, :qty, :kind, :ref, :at)"
        ),
        rows,
    )
    many(
        conn,
        (
            "INSERT INTO stock_levels (shop_id, sku, location, on_hand_milli, rev)"
            " VALUES (:shop, :sku, :loc, :qty, NULL) ON CONFLICT (shop_id, sku, location)"
            " DO UPDATE SET on_hand_milli = stock_levels.on_hand_milli + excluded.on_hand_milli,"
            " rev = NULL"
        ),
        [{"shop": shop, "sku": s, "loc": loc, "qty": d} for (s, loc), d in sorted(deltas.items())],
    )
    _flag_negative(conn, batch, shop)
    batch.feed_changed = True


def _flag_negative(conn: Connection, batch: Batch, shop: str) -> None:
    """Stock below zero is flagged once for the owner (again only after it recovered)."""
    rows = conn.execute(
        q(
            "SELECT sku, location, on_hand_milli, negative_flagged FROM stock_levels"
            " WHERE shop_id = :s AND rev IS NULL"
        ),
        {"s": shop},
    ).fetchall()
    went_negative = [r for r in rows if r.on_hand_milli < 0 and not r.negative_flagged]
    recovered = [r for r in rows if r.on_hand_milli >= 0 and r.negative_flagged]
    for row, flag in [(r, 1) for r in went_negative] + [(r, 0) for r in recovered]:
        conn.execute(
            q(
                "UPDATE stock_levels SET negative_flagged = :f"
                " WHERE shop_id = :s AND sku = :k AND location = :l"
            ),
            {"f": flag, "s": shop, "k": row.sku, "l": row.location},
        )
    for row in went_negative:
        batch.exception(
            "negative_stock", row.sku, location=row.location, on_hand_milli=row.on_hand_milli
        )


def stamp(conn: Connection, shop: str) -> int:
    """Give this transaction's feed rows the shop's next clock value.

    The clock row is updated at the end of the transaction and stays locked until commit,
    so clock values are handed out in commit order: a reader that has seen value N has seen
    every commit numbered below N.
    """
    value = conn.execute(
        q("UPDATE shop_clock SET value = value + 1 WHERE shop_id = :s RETURNING value"),
        {"s": shop},
    ).scalar_one()
    for table in ("products", "customers", "users", "stock_levels"):
        conn.execute(
            q(f"UPDATE {table} SET rev = :v WHERE shop_id = :s AND rev IS NULL"),
            {"v": value, "s": shop},
        )
    return value


def upsert_products(
    conn: Connection, shop: str, products: list, *, edited_by: str | None = None
) -> None:
    """Write products as the owner's (``edited_by`` None) or as a till's accepted edits."""
    many(
        conn,
        (
            "INSERT INTO products (shop_id, sku, name, unit, price, cost, tax_rate, category,"
            " active, stock_policy, weighed, barcodes, search_tokens, deleted, updated_at, rev,"
            " edited_by) VALUES (:shop, :sku, :name, :unit, :price, :cost, :tax_rate,"
            " :category, :active, :stock_policy, :weighed, :barcodes, :tokens, 0, :at, NULL,"
            " :by)"
            " ON CONFLICT (shop_id, sku) DO UPDATE SET name = excluded.name,"
            " unit = excluded.unit, price = excluded.price, cost = excluded.cost,"
            " tax_rate = excluded.tax_rate, category = excluded.category,"
            " active = excluded.active, stock_policy = excluded.stock_policy,"
            " weighed = excluded.weighed, barcodes = excluded.barcodes,"
            " search_tokens = excluded.search_tokens, deleted = 0,"
            " updated_at = excluded.updated_at, rev = NULL, edited_by = excluded.edited_by"
        ),
        [
            {
                "shop": shop,
                "sku": p.sku,
                "name": p.name,
                "unit": p.unit,
                "price": p.price,
                "cost": p.cost,
                "tax_rate": p.tax_rate,
                "category": p.category,
                "active": int(p.active),
                "stock_policy": p.stock_policy,
                "weighed": int(p.weighed),
                "barcodes": json.dumps([[b.code, b.pack_qty] for b in p.barcodes]),
                "tokens": name_tokens(p.name, p.sku),
                "at": db.now(),
                "by": edited_by,
            }
            for p in products
        ],
    )
    db.bulk_written(conn, len(products), "products")


# -- pull ------------------------------------------------------------------------------------

# (kind sent to the till, table, key columns, data columns); the order is part of the cursor.
FEEDS = (
    (
        "product",
        "products",
        ("sku",),
        "name, unit, price, cost, tax_rate, category, active, stock_policy, weighed,"
        " barcodes, search_tokens, deleted, rev",
    ),
    (
        "customer",
        "customers",
        ("uuid",),
        "name, phone, card_code, address, notes, credit_limit",
    ),
    ("user", "users", ("name",), "role, pin_hash, active"),
    ("stock", "stock_levels", ("sku", "location"), "on_hand_milli"),
)
START = (-1, len(FEEDS), [])


def encode_cursor(rev: int, feed: int, key: list) -> str:
    raw = json.dumps([rev, feed, key], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[int, int, list]:
    if not cursor:
        return START
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        rev, feed, key = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if _whole(rev, -1, models.BIG_MAX) and _whole(feed, 0, len(FEEDS)):
            # Keys are text columns: each part a string PostgreSQL can hold.
            width = 0 if feed == len(FEEDS) else len(FEEDS[feed][2])
            if (
                isinstance(key, list)
                and len(key) == width
                and all(isinstance(k, str) and "\x00" not in k for k in key)
            ):
                return rev, feed, key
    except (ValueError, TypeError, UnicodeDecodeError, RecursionError):
        pass
    raise Refusal(400, "bad_cursor", "the pull cursor is not one this server gave out")


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _row_json(conn: Connection, columns: list[str]) -> str:
    """SQL for one row as a JSON array, made by the database (barcodes are JSON already)."""
    if db.is_postgres(conn):
        parts = [f"{c}::json" if c == "barcodes" else c for c in columns]
        return f"json_build_array({', '.join(parts)})::text"
    parts = [f"json({c})" if c == "barcodes" else c for c in columns]
    return f"json_array({', '.join(parts)})"


def pull(
    engine: Engine, token: str | None, cursor: str | None, limit: int, unsynced: int | None = None
) -> bytes:
    """The shop's changes after ``cursor`` in commit order, at most ``limit`` of them, as the
    JSON body of the answer.

    Each row is made a JSON array by the database; Python only orders the rows and joins
    their text, so a page of 10,000 products costs no per-field work here.
    """
    limit = max(1, min(limit, PULL_LIMIT_MAX))
    rev, after_feed, after_key = decode_cursor(cursor)

    def work(conn: Connection) -> tuple[dict, dict]:
        till = till_for_token(conn, token)
        found = []
        names: dict[str, list[str]] = {}
        for index, (kind, table, keys, columns) in enumerate(FEEDS):
            key_cols = ", ".join(keys)
            names[kind] = [*keys, *(c.strip() for c in columns.split(","))]
            row_json = _row_json(conn, names[kind])
            params = {"s": till.shop_id, "r": rev, "n": limit + 1}
            if index < after_feed:
                conditions = ["rev > :r"]
            elif index > after_feed:
                conditions = ["rev >= :r"]
            else:  # two index range scans rather than one OR the planner may not split
                marks = ", ".join(f":k{i}" for i in range(len(keys)))
                conditions = [f"rev = :r AND ({key_cols}) > ({marks})", "rev > :r"]
                params.update({f"k{i}": v for i, v in enumerate(after_key)})
            width = len(keys)
            for cond in conditions:
                _, rows = fetch_raw(
                    conn,
                    f"SELECT rev, {key_cols}, {row_json} FROM {table}"
                    f" WHERE shop_id = :s AND {cond} ORDER BY rev, {key_cols} LIMIT :n",
                    params,
                )
                found += [(r[0], index, r[1 : 1 + width], kind, r[-1]) for r in rows]
                if len(rows) > limit:  # the later condition's rows all sort after these
                    break
        found.sort(key=itemgetter(0, 1, 2))
        page = found[:limit]
        kinds: dict[str, list[str]] = {}
        for item in page:
            kinds.setdefault(item[3], []).append(item[4])
        last = page[-1] if page else None
        head = {
            "count": len(page),
            "cursor": encode_cursor(last[0], last[1], list(last[2])) if last else (cursor or ""),
            "more": len(found) > limit,
            "acked_seq": till.applied_seq,
            "till": till.id,
        }
        return head, {kind: (names[kind], rows) for kind, rows in kinds.items()}

    head, kinds = db.read(engine, work)
    touch(engine, head["till"], unsynced)
    # Columnar: per kind one list of column names and one array per row.
    tables = ",".join(
        f'{json.dumps(kind)}:{{"columns":{json.dumps(columns)},"rows":[{",".join(rows)}]}}'
        for kind, (columns, rows) in kinds.items()
    )
    rest = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[1:]
    return f'{{"kinds":{{{tables}}},{rest}'.encode()


def touch(engine: Engine, till_id: str, unsynced: int | None = None) -> None:
    """Note the till's contact (and how many changes it still holds, when it says)."""
    sql = "UPDATE tills SET last_contact = :at"
    if unsynced is not None:
        sql += ", reported_unsynced = :n"
    db.write(
        engine,
        lambda conn: conn.execute(
            q(sql + " WHERE id = :t"), {"at": db.now(), "t": till_id, "n": unsynced}
        ),
    )


# -- owner actions ---------------------------------------------------------------------------


def owner_products(engine: Engine, token: str | None, request: models.OwnerProducts) -> int:
    def work(conn: Connection) -> int:
        check_owner(conn, token)
        shop = _existing_shop(conn, request.shop)
        upsert_products(conn, shop, request.products)
        return stamp(conn, shop)

    return db.write(engine, work)


def owner_delete_product(engine: Engine, token: str | None, shop: str, sku: str) -> int:
    def work(conn: Connection) -> int:
        check_owner(conn, token)
        shop_id = _existing_shop(conn, shop)
        done = conn.execute(
            q(
                "UPDATE products SET deleted = 1, active = 0, rev = NULL, edited_by = NULL,"
                " updated_at = :at"
                " WHERE shop_id = :s AND sku = :k"
            ),
            {"s": shop_id, "k": sku, "at": db.now()},
        ).rowcount
        if not done:
            raise Refusal(404, "no_product", f"no product {sku} in shop {shop}")
        return stamp(conn, shop_id)

    return db.write(engine, work)


def owner_stock(engine: Engine, token: str | None, request: models.OwnerStock) -> int:
    def work(conn: Connection) -> int:
        check_owner(conn, token)
        shop = _existing_shop(conn, request.shop)
        batch = Batch(TillRow("", shop, "", "active", "", 0, 0))
        batch.moves = [(m, "owner") for m in request.moves]
        add_moves(conn, batch, shop, None)
        db.bulk_written(conn, len(request.moves), "stock_levels", "stock_moves")
        for row in batch.exceptions:
            row["till"] = None
        if batch.exceptions:
            add_exceptions(conn, batch.exceptions)
        return stamp(conn, shop)

    return db.write(engine, work)


def owner_users(engine: Engine, token: str | None, request: models.OwnerUsers) -> int:
    from app.users import hash_pin

    hashed = [(u, hash_pin(u.pin)) for u in request.users]

    def work(conn: Connection) -> int:
        check_owner(conn, token)
        shop = _existing_shop(conn, request.shop)
        conn.execute(
            q(
                "INSERT INTO users (shop_id, name, role, pin_hash, active, rev)"
                " VALUES (:s, :n, :r, :h, :a, NULL) ON CONFLICT (shop_id, name) DO UPDATE SET"
                " role = excluded.role, pin_hash = excluded.pin_hash, active = excluded.active,"
                " rev = NULL"
            ),
            [{"s": shop, "n": u.name, "r": u.role, "h": h, "a": int(u.active)} for u, h in hashed],
        )
        return stamp(conn, shop)

    return db.write(engine, work)


def _existing_shop(conn: Connection, shop: str) -> str:
    if conn.execute(q("SELECT 1 FROM shops WHERE id = :s"), {"s": shop}).fetchone() is None:
        raise Refusal(404, "no_shop", f"no shop {shop}")
    return shop


def exceptions(engine: Engine, token: str | None, shop: str | None = None) -> list[dict]:
    def work(conn: Connection) -> list[dict]:
        check_owner(conn, token)
        sql = (
            "SELECT id, shop_id AS shop, till_id AS till, kind, ref, detail, created_at"
            " FROM exceptions WHERE resolved = 0"
        )
        params = {}
        if shop:
            sql += " AND shop_id = :s"
            params["s"] = shop
        rows = conn.execute(q(sql + " ORDER BY created_at, id"), params).mappings()
        return [{**r, "detail": json.loads(r["detail"])} for r in rows]

    return db.read(engine, work)


# -- reports ---------------------------------------------------------------------------------


def report_day(conn: Connection, day: str, shop_id: str | None = None) -> list[dict]:
    """Per till: shop, till, number of sales, total in yuan (returns subtract)."""
    sql = (
        "SELECT s.name AS shop, t.code AS till, t.id AS till_id, t.last_contact,"
        " t.reported_unsynced,"
        " coalesce(sum(CASE WHEN x.kind = 'sale' THEN 1 ELSE 0 END), 0) AS sales,"
        " coalesce(sum(CASE WHEN x.kind = 'sale' THEN x.total ELSE -x.total END), 0) AS total"
        " FROM tills t JOIN shops s ON s.id = t.shop_id"
        " LEFT JOIN sales x ON x.till_id = t.id AND x.business_day = :d"
    )
    params = {"d": day}
    if shop_id:
        sql += " WHERE t.shop_id = :s"
        params["s"] = shop_id
    sql += " GROUP BY s.name, t.code, t.id, t.last_contact, t.reported_unsynced ORDER BY s.name, t.code"
    return [
        {
            "shop": r.shop,
            "till": r.till,
            "sales": int(r.sales),
            "total": format_yuan(int(r.total)),
            "total_fen": int(r.total),
            "last_contact": r.last_contact,
            "unsynced": int(r.reported_unsynced),
        }
        for r in conn.execute(q(sql), params)
    ]


def owner_report(engine: Engine, token: str | None, day: str) -> list[dict]:
    def work(conn: Connection) -> list[dict]:
        check_owner(conn, token)
        return report_day(conn, day)

    return db.read(engine, work)


def shop_day(engine: Engine, token: str | None, day: str) -> dict:
    """The day end a till shows: its shop's tills, their last contact, unsynced and totals."""

    def work(conn: Connection) -> dict:
        till = till_for_token(conn, token)
        return {"day": day, "till": till.code, "tills": report_day(conn, day, till.shop_id)}

    return db.read(engine, work)
