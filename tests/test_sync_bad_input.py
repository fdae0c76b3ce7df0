"""Bad input gets a 4xx with a reason, never a 500, and leaves nothing behind."""

from __future__ import annotations

import random
import secrets

import httpx
import pytest
import sqlalchemy as sa
from sync_harness import product

from sync import outbox
from sync.server import service

pytest_plugins = ["sync_fixtures"]

TABLES = ("sales", "sale_lines", "stock_moves", "customers", "documents", "exceptions")


def stored(chain) -> dict[str, int]:
    return {t: chain.database.scalar(f"SELECT count(*) FROM {t}") for t in TABLES}


def a_sale(till_code: str, **changes) -> dict:
    sale_uuid = secrets.token_hex(16)
    sale = {
        "uuid": sale_uuid,
        "receipt_no": f"{till_code}-000001",
        "kind": "sale",
        "created_at": "2026-01-05T10:00:00.000+08:00",
        "business_day": "2026-01-05",
        "subtotal": 700,
        "discount_total": 0,
        "rounding": 0,
        "total": 700,
        "tax_total": 81,
        "paid": 700,
        "change_given": 0,
        "tax_inclusive": 1,
        "till": till_code,
        "lines": [
            {
                "line_no": 1,
                "sku": "A",
                "name": "A",
                "unit": "件",
                "qty_milli": 2000,
                "unit_price": 350,
                "list_price": 350,
                "tax_rate": 1300,
                "gross": 700,
                "discount": 0,
                "net": 700,
                "tax": 81,
            }
        ],
        "payments": [{"tender": "cash", "amount": 700}],
        "moves": [
            {
                "uuid": secrets.token_hex(16),
                "sku": "A",
                "location": "SHOP",
                "qty_milli": -2000,
                "kind": "sale",
            }
        ],
    }
    sale.update(changes)
    return sale


def change(seq: int, payload: dict, kind: str = "sale") -> dict:
    return {"seq": seq, "uuid": payload.get("uuid", secrets.token_hex(16)), "kind": kind,
            "version": 1, "payload": payload}  # fmt: skip


def post(chain, token: str | None, body, *, raw: bytes | None = None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if raw is not None:
        headers["Content-Type"] = "application/json"
        return httpx.post(chain.server.url + "/v1/push", content=raw, headers=headers, timeout=60)
    return httpx.post(chain.server.url + "/v1/push", json=body, headers=headers, timeout=60)


def refused(response: httpx.Response, status: int, error: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["reason"], body
    if error:
        assert body["error"] == error, body
    return body


def test_malformed_json_wrong_types_and_unknown_kinds_are_refused_with_a_reason(chain, tmp_path):
    t = chain.till(tmp_path / "t1", "T01")
    before = stored(chain)

    refused(post(chain, t.token, None, raw=b'{"shop": "x", "changes": [{'), 400, "bad_json")
    refused(post(chain, t.token, None, raw=b"\xff\xfe garbage"), 400, "bad_json")
    refused(post(chain, t.token, [1, 2, 3]), 422, "invalid")
    refused(post(chain, t.token, {"shop": t.shop, "changes": []}), 422, "invalid")
    wrong_seq = change(1, a_sale("T01"))
    wrong_seq["seq"] = "1"
    body = refused(post(chain, t.token, {"shop": t.shop, "changes": [wrong_seq]}), 422)
    assert "seq" in body["reason"]
    twice = [change(1, a_sale("T01")), change(1, a_sale("T01"))]
    refused(post(chain, t.token, {"shop": t.shop, "changes": twice}), 422, "invalid")
    assert chain.database.scalar("SELECT count(*) FROM changes") == 0

    # A well-formed envelope around a bad payload: that change is refused and recorded as such.
    bad_total = change(1, a_sale("T01", total="7.00"))
    body = refused(post(chain, t.token, {"shop": t.shop, "changes": [bad_total]}), 422, "rejected")
    assert "total" in body["reason"]
    assert body["results"][0]["status"] == "rejected"
    unknown = change(2, {"x": 1}, kind="teleport")
    body = refused(post(chain, t.token, {"shop": t.shop, "changes": [unknown]}), 422, "rejected")
    assert "teleport" in body["reason"]
    float_qty = a_sale("T01")
    float_qty["lines"][0]["qty_milli"] = 2.5
    body = refused(post(chain, t.token, {"shop": t.shop, "changes": [change(3, float_qty)]}), 422)
    assert "qty_milli" in body["reason"]

    assert stored(chain) == before


def test_huge_batches_are_refused(chain, tmp_path):
    t = chain.till(tmp_path / "t1", "T01")
    many = [
        change(i, {"uuid": secrets.token_hex(16), "name": "x"}, "customer") for i in range(1, 1002)
    ]
    refused(post(chain, t.token, {"shop": t.shop, "changes": many}), 422, "invalid")
    huge = b'{"shop": "' + b"x" * (65 * 1024 * 1024) + b'"}'
    refused(post(chain, t.token, None, raw=huge), 413, "too_large")
    lines = a_sale("T01")["lines"] * 1001
    refused(
        post(chain, t.token, {"shop": t.shop, "changes": [change(1, a_sale("T01", lines=lines))]}),
        422,
    )
    assert chain.database.scalar("SELECT count(*) FROM changes WHERE status != 'rejected'") == 0
    assert stored(chain)["sales"] == 0


def test_wrong_missing_and_revoked_tokens_and_another_shops_data_are_refused(chain, tmp_path):
    t = chain.till(tmp_path / "t1", "T01")
    other_shop = service.add_shop(chain.database.engine, "Other shop")
    body = {"shop": t.shop, "changes": [change(1, a_sale("T01"))]}

    refused(post(chain, None, body), 401, "no_token")
    refused(post(chain, "till_" + secrets.token_urlsafe(32), body), 401, "bad_token")
    refused(post(chain, chain.owner, body), 401, "bad_token")  # owner tokens are not till tokens
    refused(post(chain, t.token, {**body, "shop": other_shop}), 403, "wrong_shop")
    posing = {"shop": t.shop, "changes": [change(1, a_sale("T99"))]}
    assert "T99" in refused(post(chain, t.token, posing), 422, "rejected")["reason"]
    with httpx.Client(base_url=chain.server.url) as http:
        auth = {"Authorization": f"Bearer {t.token}"}
        refused(http.get("/v1/owner/report-day", headers=auth), 401)
        refused(http.post("/v1/owner/products", headers=auth, json={"shop": t.shop,
                "products": [product("A", 100)]}), 401)  # fmt: skip
        refused(http.get("/v1/pull", params={"cursor": "not-a-cursor"}, headers=auth), 400)
        refused(http.get("/v1/pull", params={"limit": "many"}, headers=auth), 422)

    service.revoke(chain.database.engine, t.answer["till"])
    good = {"shop": t.shop, "changes": [change(2, a_sale("T01"))]}
    refused(post(chain, t.token, good), 401, "revoked")
    assert stored(chain)["sales"] == 0


def test_random_garbage_never_gets_a_500(chain, tmp_path):
    t = chain.till(tmp_path / "t1", "T01")
    rng = random.Random(7)
    values = [None, 0, -1, 2**70, 1.5, "", "x" * 300, [], {}, True, "2026-13-45", "¥12.50"]
    good = a_sale("T01")
    with httpx.Client(base_url=chain.server.url, timeout=30) as http:
        for i in range(150):
            sale = dict(good, uuid=secrets.token_hex(16))
            key = rng.choice(list(sale))
            sale[key] = rng.choice(values)
            envelope = {"shop": t.shop, "changes": [change(1 + i, sale)]}
            if i % 5 == 0:
                envelope[rng.choice(["shop", "changes", "unsynced"])] = rng.choice(values)
            r = http.post(
                "/v1/push", json=envelope, headers={"Authorization": f"Bearer {t.token}"}
            )
            assert r.status_code < 500, r.text
            if r.status_code >= 400:
                assert r.json().get("reason"), r.text
    assert stored(chain)["sales"] <= 1  # only an untouched field could make a valid sale


def test_the_till_keeps_refused_changes_visible_and_sends_the_rest(chain, tmp_path):
    chain.add_products(product("A", 350))
    t = chain.till(tmp_path / "t1", "T01")
    t.sync()
    with t.store.transaction() as conn:
        outbox.append(conn, "sale", a_sale("T01", total="7.00"))
    with t.store.transaction() as conn:  # unreadable even as an envelope: a bad UUID
        outbox.append(conn, "customer", {"name": "x"}, change_uuid="not a uuid!")
    good = t.sell(("A", 1))

    moved = t.sync()

    assert moved.rejected == 2 and moved.left_unsent == 0
    rows = t.store.all("SELECT seq, state, error FROM outbox ORDER BY seq")
    assert [r["state"] for r in rows] == ["rejected", "rejected", "sent"]
    assert "total" in rows[0]["error"] and rows[1]["error"]
    assert chain.database.rows("SELECT uuid FROM sales") == [(good,)]
    assert outbox.unsynced_count(t.store.conn) == 2  # still there for a person to see


def test_a_sale_listing_one_line_number_twice_is_refused_and_the_next_change_goes_through(
    chain, tmp_path
):
    t = chain.till(tmp_path / "t1", "T01")
    sale = a_sale("T01")
    sale["lines"] = [sale["lines"][0], dict(sale["lines"][0], sku="B")]
    before = stored(chain)

    body = refused(post(chain, t.token, {"shop": t.shop, "changes": [change(1, sale)]}), 422)

    assert body["error"] == "rejected" and "line numbers" in body["reason"], body
    assert stored(chain) == before
    good = change(2, a_sale("T01"))
    answer = post(chain, t.token, {"shop": t.shop, "changes": [good]})
    assert answer.status_code == 200, answer.text
    assert stored(chain)["sales"] == 1


def test_numbers_beyond_what_the_database_holds_are_refused(chain, tmp_path):
    t = chain.till(tmp_path / "t1", "T01")
    huge = 2**63
    cases = []
    for field in ("line_no", "original_line_no", "tax_rate"):
        sale = a_sale("T01")
        sale["lines"][0][field] = 2**40
        cases.append(("sale", sale, field))
    cases.append(("sale", a_sale("T01", taxes=[{"rate": huge, "net": 700, "tax": 81}]), "rate"))
    cases.append(("sale", a_sale("T01", total=huge), "total"))
    edit = {**product("A", 100), "base_rev": 2**70}
    cases.append(("product", edit, "base_rev"))
    before = stored(chain)

    for seq, (kind, payload, field) in enumerate(cases, start=1):
        sent = post(chain, t.token, {"shop": t.shop, "changes": [change(seq, payload, kind)]})
        assert field in refused(sent, 422, "rejected")["reason"]
    envelope = {"shop": t.shop, "unsynced": 2**40, "changes": [change(99, a_sale("T01"))]}
    assert "unsynced" in refused(post(chain, t.token, envelope), 422, "invalid")["reason"]
    assert stored(chain) == before
    assert chain.database.scalar("SELECT count(*) FROM products") == 0


def test_text_holding_a_nul_character_is_refused(chain, tmp_path):
    t = chain.till(tmp_path / "t1", "T01")
    sale = a_sale("T01")
    sale["lines"][0]["name"] = "可乐\x00"
    customer = {"uuid": secrets.token_hex(16), "name": "王\x00芳"}
    before = stored(chain)

    for seq, (kind, payload) in enumerate([("sale", sale), ("customer", customer)], start=1):
        sent = post(chain, t.token, {"shop": t.shop, "changes": [change(seq, payload, kind)]})
        assert "NUL" in refused(sent, 422, "rejected")["reason"]
    for envelope in (
        {"shop": t.shop + "\x00", "changes": [change(3, a_sale("T01"))]},
        {"shop": t.shop, "changes": [dict(change(3, a_sale("T01")), kind="sale\x00")]},
    ):
        assert "NUL" in refused(post(chain, t.token, envelope), 422, "invalid")["reason"]
    with chain.owner_client() as http:
        named = http.post(
            "/v1/owner/products",
            json={"shop": chain.shop, "products": [product("A\x00", 100)]},
        )
        assert "NUL" in refused(named, 422, "invalid")["reason"]
        refused(http.delete(f"/v1/owner/products/{chain.shop}/A%00"), 422, "invalid")
        refused(http.get("/v1/owner/exceptions", params={"shop": "x\x00"}), 422, "invalid")
    enroll = httpx.post(
        chain.server.url + "/v1/enroll", json={"code": "AB\x00CD", "till_code": "T2"}
    )
    refused(enroll, 422, "invalid")
    assert stored(chain) == before
    assert chain.database.scalar("SELECT count(*) FROM products") == 0


def test_a_pull_cursor_not_given_out_by_the_server_is_refused(chain, tmp_path):
    import base64
    import json

    t = chain.till(tmp_path / "t1", "T01")

    def cursor(value) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    forged = [
        cursor([{"a": 1}, 0, ["A"]]),
        cursor([1.5, 0, ["A"]]),
        cursor([10**30, 0, ["A"]]),
        cursor([1, 10**30, ["A"]]),
        cursor([True, 0, ["A"]]),
        cursor([1, 0, [{"sku": "A"}]]),
        cursor([1, 0, [2.5]]),
        cursor([1, 0, [10**30]]),
        cursor([1, 0, ["A\x00"]]),
        cursor([1, 3, ["A"]]),  # the stock feed's key has two parts
        cursor([1, 4, ["A"]]),
        cursor({"rev": 1}),
        cursor([1] * 3000)[:1900],
        "A\x00",
    ]
    with httpx.Client(base_url=chain.server.url, timeout=30) as http:
        auth = {"Authorization": f"Bearer {t.token}"}
        for value in forged:
            answer = http.get("/v1/pull", params={"cursor": value}, headers=auth)
            assert 400 <= answer.status_code < 500, (value, answer.text)
            assert answer.json()["reason"], answer.text
        huge = http.get("/v1/pull", params={"unsynced": 2**40}, headers=auth)
        refused(huge, 422, "invalid")
        good = http.get("/v1/pull", params={"cursor": cursor([0, 0, ["A"]])}, headers=auth)
        assert good.status_code == 200, good.text


def test_only_a_duplicate_key_is_retried_as_a_conflict(database):
    from sync.server import db

    shop = service.add_shop(database.engine, "Shop")
    calls = {"duplicate": 0, "null": 0}

    def duplicate(conn):
        calls["duplicate"] += 1
        conn.execute(service.q("INSERT INTO shops (id, name, created_at) VALUES (:s, 'x', 'y')"),
                     {"s": shop})  # fmt: skip

    def missing_name(conn):
        calls["null"] += 1
        conn.execute(service.q("INSERT INTO shops (id, name, created_at) VALUES ('n', NULL, 'y')"))

    with pytest.raises(db.Busy):
        db.write(database.engine, duplicate)
    with pytest.raises(sa.exc.IntegrityError):
        db.write(database.engine, missing_name)

    assert calls == {"duplicate": db.WRITE_ATTEMPTS, "null": 1}


def test_a_sale_movement_or_slip_of_one_shop_is_never_taken_for_another_shops(chain, tmp_path):
    a = chain.till(tmp_path / "t1", "T01")
    other = service.add_shop(chain.database.engine, "Other shop")
    code = service.enroll_code(chain.database.engine, other)
    enrolled = httpx.post(chain.server.url + "/v1/enroll", json={"code": code, "till_code": "T01"})
    b_token = enrolled.json()["token"]
    sale = a_sale("T01")  # the same UUIDs reach both shops
    slip = {"uuid": secrets.token_hex(16), "state": "pending", "moves": []}
    move = dict(sale["moves"][0], uuid=secrets.token_hex(16))
    batch = [
        change(1, sale),
        change(2, slip, "delivery"),
        change(3, {"moves": [move]}, "stock_move"),
    ]

    for token, shop in ((a.token, a.shop), (b_token, other)):
        answer = post(chain, token, {"shop": shop, "changes": batch})
        assert answer.status_code == 200, answer.text
        assert [r["status"] for r in answer.json()["results"]] == ["applied"] * 3

    per_shop = "SELECT count(*) FROM {} WHERE shop_id = :s"
    for shop in (a.shop, other):
        assert chain.database.scalar(per_shop.format("sales"), s=shop) == 1
        assert chain.database.scalar(per_shop.format("sale_lines"), s=shop) == 1
        assert chain.database.scalar(per_shop.format("stock_moves"), s=shop) == 2
        assert chain.database.scalar(per_shop.format("documents"), s=shop) == 1
        level = "SELECT on_hand_milli FROM stock_levels WHERE shop_id = :s AND sku = 'A'"
        assert chain.database.scalar(level, s=shop) == -4000
