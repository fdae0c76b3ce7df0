"""Push and pull between real tills and a real server process, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date

import httpx
import pytest
from sync_harness import ROOT, product

from app import catalog
from localdb import Store
from sync import cycle, outbox
from sync.client import SyncClient
from sync.errors import Quarantined

pytest_plugins = ["sync_fixtures"]


def server_sales(chain) -> list[str]:
    return [r[0] for r in chain.database.rows("SELECT uuid FROM sales ORDER BY uuid")]


def test_sales_reach_the_server_once_and_a_resend_is_answered_from_the_record(chain, tmp_path):
    chain.add_products(product("COLA", 350, barcode="6901234567892"))
    chain.receive("COLA", 10_000)
    t = chain.till(tmp_path / "t1", "T01")
    t.sync()
    sold = sorted(t.sell(("COLA", 1)) for _ in range(3))

    moved = t.sync()

    assert moved.pushed == 3 and moved.left_unsent == 0
    assert server_sales(chain) == sold
    # The answers were lost: the till sends everything again.
    t.store.execute("UPDATE outbox SET state = 'pending'")
    again = t.sync()
    assert again.duplicates == 3 and again.pushed == 0
    assert server_sales(chain) == sold
    assert chain.database.scalar("SELECT count(*) FROM sale_lines") == 3
    assert chain.database.scalar("SELECT on_hand_milli FROM stock_levels") == 7000
    assert t.on_hand("COLA") == 7000


def test_a_new_till_gets_the_catalog_searchable_with_stock_and_users(chain, tmp_path):
    chain.add_products(
        product("TEA", 1200, name="西湖龙井 Longjing tea", barcode="6923450657713"),
        product("RICE", 598, name="散装大米"),
    )
    chain.receive("TEA", 5000)
    with chain.owner_client() as http:
        r = http.post(
            "/v1/owner/users",
            json={
                "shop": chain.shop,
                "users": [{"name": "王芳", "role": "cashier", "pin": "2468"}],
            },
        )
        assert r.status_code == 200, r.text
    t = chain.till(tmp_path / "t1", "T01")

    moved = t.sync()

    assert moved.pulled == 4  # two products, one stock level, one user
    assert [p.sku for p in catalog.search(t.store, "龙井")] == ["TEA"]
    assert [p.sku for p in catalog.search(t.store, "dm")] == ["RICE"]  # pinyin initials
    assert catalog.by_barcode(t.store, "6923450657713").product.sku == "TEA"
    assert t.on_hand("TEA") == 5000
    assert t.store.scalar("SELECT role FROM users WHERE name = '王芳'") == "cashier"
    assert t.sync().pulled == 0  # the cursor was saved with the page


def test_stock_pulled_a_page_before_its_product_is_kept_for_a_new_till(chain, tmp_path):
    # 1,000 products in one owner change, then stock for one of them, then its price: the
    # product now sorts after its stock level, which ends the tenth page of 100.
    chain.add_products(*(product(f"P{i:04d}", 100 + i) for i in range(1000)))
    chain.receive("P0500", 7000)
    chain.add_products(product("P0500", 999))
    t = chain.till(tmp_path / "t1", "T01")

    with SyncClient(t.config.sync.server, t.token) as client:
        moved = cycle.Moved()
        cycle.pull(t.store, client, moved, limit=100)

    assert moved.pulled == 1001
    server_level = chain.database.scalar(
        "SELECT on_hand_milli FROM stock_levels WHERE sku = 'P0500'"
    )
    assert t.on_hand("P0500") == server_level == 7000
    assert t.store.scalar("SELECT price FROM products WHERE sku = 'P0500'") == 999
    assert t.store.scalar("SELECT count(*) FROM held_stock_levels") == 0


def test_a_gap_is_answered_with_the_expected_sequence(chain, tmp_path):
    t = chain.till(tmp_path / "t1", "T01")
    change = {"seq": 5, "uuid": "a" * 32, "kind": "customer", "version": 1}
    change["payload"] = {"uuid": "c" * 32, "name": "Li"}
    r = httpx.post(
        chain.server.url + "/v1/push",
        json={"shop": t.shop, "changes": [change]},
        headers={"Authorization": f"Bearer {t.token}"},
    )
    assert r.status_code == 409
    assert r.json()["error"] == "gap" and r.json()["expected_seq"] == 1
    assert chain.database.scalar("SELECT count(*) FROM customers") == 0


def test_sales_made_offline_after_a_price_change_and_a_deletion_are_kept_and_flagged(
    chain, tmp_path
):
    chain.add_products(product("A", 500), product("B", 800))
    chain.receive("A", 10_000), chain.receive("B", 10_000)
    t = chain.till(tmp_path / "t1", "T01")
    t.sync()
    # While the till is offline the owner raises A's price and deletes B.
    chain.add_products(product("A", 550))
    with chain.owner_client() as http:
        assert http.delete(f"/v1/owner/products/{chain.shop}/B").status_code == 200

    sale = t.sell(("A", 2), ("B", 1))
    moved = t.sync()

    assert server_sales(chain) == [sale]
    assert chain.database.scalar("SELECT total FROM sales") == 1800  # as the customer paid
    kinds = sorted(r[0] for r in chain.database.rows("SELECT kind FROM exceptions"))
    assert kinds == ["price_changed", "product_deleted"]
    assert sorted(moved.exceptions) == ["price_changed", "product_deleted"]
    assert t.store.scalar("SELECT price FROM products WHERE sku = 'A'") == 550
    assert t.store.scalar("SELECT active FROM products WHERE sku = 'B'") == 0


def test_two_tills_selling_the_last_unit_offline_both_keep_the_sale(chain, tmp_path):
    chain.add_products(product("LAST", 9900))
    chain.receive("LAST", 1000)
    t1, t2 = chain.till(tmp_path / "t1", "T01"), chain.till(tmp_path / "t2", "T02")
    t1.sync(), t2.sync()

    s1, s2 = t1.sell(("LAST", 1)), t2.sell(("LAST", 1))
    t1.sync(), t2.sync(), t1.sync()

    assert server_sales(chain) == sorted([s1, s2])
    assert chain.database.scalar("SELECT on_hand_milli FROM stock_levels") == -1000
    flags = chain.database.rows("SELECT kind, ref FROM exceptions WHERE kind = 'negative_stock'")
    assert flags == [("negative_stock", "LAST")]
    assert t1.on_hand("LAST") == t2.on_hand("LAST") == -1000


def test_a_till_restored_from_an_old_backup_is_quarantined_until_the_owner_clears_it(
    chain, tmp_path
):
    chain.add_products(product("A", 500))
    t = chain.till(tmp_path / "t1", "T01")
    t.sync()
    t.sell(("A", 1))
    t.sync()
    t.store.close()
    shutil.copy(t.directory / "till.db", tmp_path / "old.db")
    t.store = Store.open(t.directory / "till.db")
    t.till.store = t.store
    t.sell(("A", 1)), t.sell(("A", 1))
    t.sync()
    assert len(server_sales(chain)) == 3

    # The till is restored from the copy taken before the last two sales.
    t.store.close()
    for suffix in ("-wal", "-shm"):
        (t.directory / f"till.db{suffix}").unlink(missing_ok=True)
    shutil.copy(tmp_path / "old.db", t.directory / "till.db")
    t.store = Store.open(t.directory / "till.db")
    t.till.store = t.store
    new_sale = t.sell(("A", 1))

    with pytest.raises(Quarantined):
        t.sync()
    with pytest.raises(Quarantined):
        t.sync()
    assert len(server_sales(chain)) == 3
    assert chain.database.scalar("SELECT state FROM tills") == "quarantined"

    cli = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(tmp_path), "server",
         "clear-quarantine", "T01", "--db", chain.database.url],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    moved = t.sync()
    assert moved.left_unsent == 0
    assert new_sale in server_sales(chain) and len(server_sales(chain)) == 4


def till_product(t, sku: str) -> tuple:
    return tuple(t.store.one("SELECT name, price FROM products WHERE sku = ?", (sku,)))


def edit_price(t, sku: str, price: int, name: str) -> None:
    """A till's own edit, through the catalog as an import or product screen makes it."""
    catalog.save_product(t.store, sku=sku, name=name, price=price, stock_policy="allow")


def test_a_tills_catalog_edit_loses_to_the_owners_newer_version(chain, tmp_path):
    chain.add_products(product("A", 500))
    t = chain.till(tmp_path / "t1", "T01")
    t.sync()
    base = t.store.scalar("SELECT server_rev FROM products WHERE sku = 'A'")
    chain.add_products(product("A", 650, name="Owner's name"))
    edit_price(t, "A", 480, "Till's name")  # offline: the till has not seen the owner's

    t.sync()

    assert chain.database.scalar("SELECT price FROM products") == 650
    lost = chain.database.rows("SELECT kind, detail FROM exceptions")
    assert [row[0] for row in lost] == ["catalog_edit_lost"]
    detail = json.loads(lost[0][1])
    assert detail["till_version"]["price"] == 480 and detail["till_version"]["base_rev"] == base
    assert till_product(t, "A") == ("Owner's name", 650)


def test_a_tills_edit_of_the_current_version_is_applied_and_reaches_every_till(chain, tmp_path):
    chain.add_products(product("A", 500))
    t1, t2 = chain.till(tmp_path / "t1", "T01"), chain.till(tmp_path / "t2", "T02")
    t1.sync(), t2.sync()
    before = t1.store.scalar("SELECT server_rev FROM products WHERE sku = 'A'")
    assert before is not None

    edit_price(t1, "A", 480, "新名字")
    t1.sync(), t2.sync()

    assert chain.database.rows("SELECT name, price FROM products") == [("新名字", 480)]
    assert chain.database.scalar("SELECT count(*) FROM exceptions") == 0
    for t in (t1, t2):
        assert till_product(t, "A") == ("新名字", 480)
    assert t1.store.scalar("SELECT server_rev FROM products WHERE sku = 'A'") > before


def test_two_tills_edit_the_same_product_offline_and_the_first_to_arrive_wins(chain, tmp_path):
    chain.add_products(product("A", 500))
    t1, t2 = chain.till(tmp_path / "t1", "T01"), chain.till(tmp_path / "t2", "T02")
    t1.sync(), t2.sync()
    edit_price(t1, "A", 480, "Till one")
    edit_price(t2, "A", 470, "Till two")

    t1.sync(), t2.sync(), t1.sync()

    assert chain.database.scalar("SELECT price FROM products") == 480
    lost = chain.database.rows("SELECT kind, detail FROM exceptions")
    assert [row[0] for row in lost] == ["catalog_edit_lost"]
    assert json.loads(lost[0][1])["till_version"]["name"] == "Till two"
    for t in (t1, t2):
        assert till_product(t, "A") == ("Till one", 480)


def test_a_tills_second_edit_before_it_pulls_the_first_back_is_not_a_conflict(chain, tmp_path):
    chain.add_products(product("A", 500))
    t = chain.till(tmp_path / "t1", "T01")
    t.sync()
    edit_price(t, "A", 480, "First")
    with SyncClient(t.config.sync.server, t.token) as client:
        cycle.run(t.store, client, t.shop, pull_too=False)  # pushed, not pulled back yet
    edit_price(t, "A", 460, "Second")

    t.sync()

    assert chain.database.rows("SELECT name, price FROM products") == [("Second", 460)]
    assert chain.database.scalar("SELECT count(*) FROM exceptions") == 0
    assert till_product(t, "A") == ("Second", 460)


def test_report_day_from_the_command_line_and_over_http_agree(chain, tmp_path):
    chain.add_products(product("A", 1234))
    t1, t2 = chain.till(tmp_path / "t1", "T01"), chain.till(tmp_path / "t2", "T02")
    t1.sync(), t2.sync()
    t1.sell(("A", 1)), t1.sell(("A", 2)), t2.sell(("A", 1))
    t1.sync(), t2.sync()
    day = date.today().isoformat()

    cli = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(tmp_path), "server", "report-day",
         "--json", "--date", day, "--db", chain.database.url],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    printed = json.loads(cli.stdout)
    assert printed == [
        {"shop": "测试店 Test shop", "till": "T01", "sales": 2, "total": "37.02"},
        {"shop": "测试店 Test shop", "till": "T02", "sales": 1, "total": "12.34"},
    ]
    with chain.owner_client() as http:
        over_http = http.get("/v1/owner/report-day", params={"date": day}).json()
    assert [{k: r[k] for k in ("shop", "till", "sales", "total")} for r in over_http] == printed
    assert httpx.get(chain.server.url + "/v1/owner/report-day").status_code == 401


def test_enrollment_codes_work_once_and_a_revoked_token_stops_at_once(chain, tmp_path):
    from sync.server import service

    code = service.enroll_code(chain.database.engine, chain.shop)
    first = httpx.post(chain.server.url + "/v1/enroll", json={"code": code, "till_code": "T09"})
    again = httpx.post(chain.server.url + "/v1/enroll", json={"code": code, "till_code": "T10"})
    assert first.status_code == 200 and again.status_code == 403
    assert again.json()["error"] == "bad_code"
    token = first.json()["token"]
    assert chain.database.scalar("SELECT count(*) FROM tills WHERE token_hash = :t", t=token) == 0
    auth = {"Authorization": f"Bearer {token}"}
    assert httpx.get(chain.server.url + "/v1/pull", headers=auth).status_code == 200

    service.revoke(chain.database.engine, first.json()["till"])

    r = httpx.get(chain.server.url + "/v1/pull", headers=auth)
    assert r.status_code == 401 and r.json()["error"] == "revoked"


def test_tillbook_sync_exits_non_zero_while_something_is_left_unsent(chain, tmp_path):
    chain.add_products(product("A", 500))
    t = chain.till(tmp_path / "t1", "T01")
    t.sync()
    t.sell(("A", 1))
    chain.server.stop()

    def run_sync():
        return subprocess.run(
            [sys.executable, "-m", "app.cli", "--data-dir", str(t.directory), "sync"],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    offline = run_sync()
    assert offline.returncode == 1
    assert "not reachable" in offline.stderr + offline.stdout
    assert "Traceback" not in offline.stderr
    chain.server.start()
    online = run_sync()
    assert online.returncode == 0, online.stdout + online.stderr
    assert "pushed 1" in online.stdout
    assert outbox.pending_count(t.store.conn) == 0


def test_tillbook_sync_exits_non_zero_while_refused_changes_are_kept(chain, tmp_path):
    chain.add_products(product("A", 500))
    t = chain.till(tmp_path / "t1", "T01")
    t.sync()
    with t.store.transaction() as conn:
        outbox.append(conn, "customer", {"uuid": "c0ffee00-1", "name": ""})  # a name is required
    t.sell(("A", 1))

    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(t.directory), "sync"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert done.returncode == 1, done.stdout + done.stderr
    assert "pushed 1, already on the server 0, refused 1" in done.stdout
    assert "1 changes refused by the server are kept on this till" in done.stdout
    assert "Traceback" not in done.stderr
    assert [r["state"] for r in t.store.all("SELECT state FROM outbox ORDER BY seq")][-2:] == [
        "rejected",
        "sent",
    ]


def test_the_server_serves_its_openapi_document_and_the_hello_handshake(chain):
    document = httpx.get(chain.server.url + "/v1/openapi.json").json()
    assert {"/v1/hello", "/v1/push", "/v1/pull", "/v1/enroll"} <= set(document["paths"])
    push_body = document["paths"]["/v1/push"]["post"]["requestBody"]["content"]
    assert push_body["application/json"]["schema"]["$ref"].endswith("/PushRequest")
    assert "Change" in document["components"]["schemas"]
    hello = httpx.get(chain.server.url + "/v1/hello").json()
    assert hello["protocol_versions"] == [1]
    assert hello["payload_versions"]["sale"] == [1] == hello["payload_versions"]["stock_move"]


def test_owner_commands_and_tillbook_enroll_from_the_command_line(database, server, tmp_path):
    from app.config import Config

    def cli(*args, data_dir=tmp_path):
        run = subprocess.run(
            [sys.executable, "-m", "app.cli", "--data-dir", str(data_dir), *args],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    db_args = ("--db", database.url)
    shop = cli("server", "add-shop", "南京路店", *db_args)
    assert shop.startswith("shop-")
    code = cli("server", "enroll-code", "南京路店", *db_args)
    assert cli("server", "owner-token", *db_args).startswith("own_")
    till_dir = tmp_path / "till"
    (till_dir).mkdir()
    Config().replace("till", code="T07").save(till_dir)

    printed = cli("enroll", server.url, code, data_dir=till_dir)

    assert "T07" in printed and "南京路店" in printed
    assert Config.load(till_dir).sync.server == server.url
    with Store.open(till_dir / "till.db") as store:
        assert store.meta("sync.shop") == shop and store.meta("sync.token").startswith("till_")
    assert "T07" in cli("server", "tills", *db_args)
    cli("server", "revoke", "T07", *db_args)
    refused = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(till_dir), "sync"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert refused.returncode == 1 and "revoked" in refused.stderr


def test_the_pull_cursor_follows_commit_order_on_postgresql(tmp_path):
    from sync_harness import Chain, Database, ServerProcess

    from sync.server import models, service

    database = Database("postgres", tmp_path)
    server = ServerProcess(database, tmp_path).start()
    try:
        chain = Chain(database, server)
        t = chain.till(tmp_path / "t1", "T01")
        early = database.engine.connect()
        late = database.engine.connect()
        # The earlier transaction writes first but commits last.
        early.begin()
        service.upsert_products(early, chain.shop, [models.ProductV1(**product("EARLY", 100))])
        with late.begin():
            service.upsert_products(late, chain.shop, [models.ProductV1(**product("LATE", 200))])
            service.stamp(late, chain.shop)
        assert t.sync().pulled == 1  # the cursor is now past the later transaction's rows
        service.stamp(early, chain.shop)
        early.commit()

        assert t.sync().pulled == 1
        skus = [r["sku"] for r in t.store.all("SELECT sku FROM products ORDER BY sku")]
        assert skus == ["EARLY", "LATE"]
        early.close()
        late.close()
    finally:
        server.stop()
        database.drop()
