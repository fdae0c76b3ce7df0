"""The till's side of a pull: pages written straight from the server's text, against a real
server process on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sync_harness import Chain, Database, ServerProcess, product

from app import catalog
from sync import cycle
from sync.client import SyncClient
from sync.errors import ServerUnreachable

pytest_plugins = ["sync_fixtures"]


def pull(t, *, limit: int = cycle.PULL_PAGE, client_class=SyncClient) -> cycle.Moved:
    moved = cycle.Moved()
    with client_class(t.config.sync.server, t.token) as client:
        cycle.pull(t.store, client, moved, limit=limit)
    return moved


def catalog_rows(t) -> list[tuple]:
    """Every product with its barcodes and search entry, as the till keeps them."""
    return t.store.conn.execute(
        "SELECT p.sku, p.name, p.unit, p.price, p.cost, p.tax_rate, p.category, p.active,"
        " p.stock_policy, p.weighed, p.server_rev, s.tokens,"
        " (SELECT group_concat(code || '*' || pack_qty, ' ') FROM"
        "   (SELECT code, pack_qty FROM barcodes WHERE product_id = p.id ORDER BY code))"
        " FROM products p LEFT JOIN product_search s ON s.rowid = p.id ORDER BY p.sku"
    ).fetchall()


def test_a_product_the_owner_changed_replaces_its_barcodes_and_search_entry(chain, tmp_path):
    chain.add_products(
        product("TEA", 1200, name="西湖龙井", barcode="6923450657713"),
        product("RICE", 598, name="散装大米", barcode="6900000000017"),
    )
    t = chain.till(tmp_path / "t1", "T01")
    assert pull(t).pulled == 2
    chain.add_products(
        {**product("TEA", 1500, name="碧螺春 green tea"), "barcodes": [
            {"code": "6923450657720", "pack_qty": 1}, {"code": "16923450657727", "pack_qty": 12},
        ]},
    )  # fmt: skip

    assert pull(t).pulled == 1

    assert catalog.by_barcode(t.store, "6923450657713") is None
    assert catalog.by_barcode(t.store, "6923450657720").product.price == 1500
    assert catalog.by_barcode(t.store, "16923450657727").pack_qty == 12
    assert catalog.search(t.store, "龙井") == []
    assert [p.sku for p in catalog.search(t.store, "blc")] == ["TEA"]  # 碧螺春 by initials
    assert [p.sku for p in catalog.search(t.store, "green")] == ["TEA"]
    # The product that did not change keeps its barcode and its entry, once.
    assert catalog.by_barcode(t.store, "6900000000017").product.sku == "RICE"
    assert [p.sku for p in catalog.search(t.store, "大米")] == ["RICE"]
    assert t.store.scalar("SELECT count(*) FROM product_search") == 2
    assert t.store.scalar("SELECT count(*) FROM barcodes") == 3


def test_a_product_the_server_has_no_search_tokens_for_is_indexed_by_the_till(chain, tmp_path):
    chain.add_products(product("RICE", 598, name="散装大米"), product("TEA", 1200, name="龙井"))
    with chain.database.engine.begin() as conn:  # a row from before tokens were sent
        conn.exec_driver_sql("UPDATE products SET search_tokens = '' WHERE sku = 'RICE'")
    t = chain.till(tmp_path / "t1", "T01")

    pull(t)

    assert [p.sku for p in catalog.search(t.store, "dm")] == ["RICE"]
    assert [p.sku for p in catalog.search(t.store, "龙井")] == ["TEA"]


def test_a_page_cut_short_is_left_unwritten_and_the_next_pull_takes_it_again(chain, tmp_path):
    chain.add_products(*(product(f"P{i:03d}", 100 + i, barcode=f"69{i:011d}") for i in range(300)))
    t = chain.till(tmp_path / "t1", "T01")

    class CutSecondPage(SyncClient):
        pages = 0

        def pull(self, cursor, limit, **extra):
            text = super().pull(cursor, limit, **extra)
            CutSecondPage.pages += 1
            return text[: len(text) // 2] if CutSecondPage.pages == 2 else text

    with pytest.raises(ServerUnreachable, match="cut short"):
        pull(t, limit=100, client_class=CutSecondPage)

    # The first page (100 products, FIRST_PULL_PAGE being larger) is in with its cursor;
    # nothing of the second is.
    assert catalog.count(t.store) == 100
    assert t.store.scalar("SELECT count(*) FROM barcodes") == 100
    assert t.store.scalar("SELECT count(*) FROM product_search") == 100
    cursor = t.store.meta("sync.cursor")
    assert cursor

    assert pull(t, limit=100).pulled == 200
    assert catalog.count(t.store) == 300
    assert catalog.by_barcode(t.store, f"69{299:011d}").product.sku == "P299"
    assert t.store.meta("sync.cursor") != cursor


def test_a_page_that_is_not_a_page_is_refused_as_a_lost_answer():
    for text in ("", "<html>502</html>", '{"kinds": {}}', '{"kinds": {}, "cursor": 7}', "[1]"):
        with pytest.raises(ServerUnreachable):
            cycle.read_page(text)
    columns = '["sku", "name"]'  # product rows missing most of their columns
    with pytest.raises(ServerUnreachable, match="no unit"):
        cycle.read_page(f'{{"kinds": {{"product": {{"columns": {columns}, "rows": []}}}},'
                        ' "cursor": "x"}')  # fmt: skip


def test_without_the_serialize_api_the_till_stages_pages_itself_to_the_same_catalog(
    chain, tmp_path, monkeypatch
):
    chain.add_products(
        *(product(f"P{i:03d}", 100 + i, name=f"测试商品{i} item", barcode=f"69{i:011d}")
          for i in range(250)),
        {**product("OFF", 1), "active": False},
        {**product("APPLE", 1990, name="苹果"), "weighed": 1, "unit": "kg", "tax_rate": 900,
         "category": "水果", "stock_policy": "block"},
    )  # fmt: skip
    usual = chain.till(tmp_path / "t1", "T01")
    pull(usual, limit=100)
    monkeypatch.setattr(cycle, "_CAN_SERIALIZE", False)
    fallback = chain.till(tmp_path / "t2", "T02")

    assert pull(fallback, limit=100).pulled == 252

    rows = catalog_rows(fallback)
    assert rows == catalog_rows(usual)
    assert len(rows) == 252
    assert rows[0][:10] == ("APPLE", "苹果", "kg", 1990, 995, 900, "水果", 1, "block", 1)
    assert rows[1][:8] == ("OFF", "商品 OFF", "件", 1, 0, 1300, "", 0)
    assert [p.sku for p in catalog.search(fallback.store, "测试商品249")] == ["P249"]


def test_a_held_level_gives_way_to_the_newer_one_its_product_arrives_with(chain, tmp_path):
    # P0500's stock level ends the tenth page of 100 and the product, edited since, comes
    # after it: the till holds the level when the pull stops there.
    chain.add_products(*(product(f"P{i:04d}", 100 + i) for i in range(1000)))
    chain.receive("P0500", 7000)
    chain.add_products(product("P0500", 999))
    t = chain.till(tmp_path / "t1", "T01")

    class StopAtPage11(SyncClient):
        pages = 0

        def pull(self, cursor, limit, **extra):
            StopAtPage11.pages += 1
            if StopAtPage11.pages == 11:
                raise ServerUnreachable("network gone")
            return super().pull(cursor, limit, **extra)

    with pytest.raises(ServerUnreachable):
        pull(t, limit=100, client_class=StopAtPage11)
    assert t.store.conn.execute("SELECT sku, on_hand_milli FROM held_stock_levels").fetchall() == [
        ("P0500", 7000)
    ]

    chain.receive("P0500", 1000)  # the level the product now arrives with is 8000
    pull(t, limit=100)
    assert t.on_hand("P0500") == 8000
    assert t.store.scalar("SELECT count(*) FROM held_stock_levels") == 0

    chain.add_products(product("LATER", 100))  # a later page must not bring 7000 back
    pull(t, limit=100)
    assert t.on_hand("P0500") == 8000


def test_an_owner_bulk_change_refreshes_postgresqls_statistics_for_the_next_pull(tmp_path):
    # With stale statistics (a new shop's tables look empty) PostgreSQL answered the first
    # pull page by reading and sorting every product of the shop.
    database = Database("postgres", tmp_path)
    server = ServerProcess(database, tmp_path).start()
    try:
        chain = Chain(database, server)
        with database.engine.begin() as conn:  # only the server's own ANALYZE may count
            for table in ("products", "stock_levels"):
                conn.exec_driver_sql(f"ALTER TABLE {table} SET (autovacuum_enabled = false)")

        def estimated(table: str) -> float:
            return database.scalar("SELECT reltuples FROM pg_class WHERE relname = :t", t=table)

        chain.add_products(*(product(f"P{i:05d}", 100 + i) for i in range(10)))
        assert estimated("products") <= 0  # a small change leaves them to autovacuum
        chain.add_products(*(product(f"P{i:05d}", 100 + i) for i in range(3000)))
        assert estimated("products") == 3000
        moves = [
            {"uuid": f"{i:032x}", "sku": f"P{i:05d}", "location": "SHOP", "qty_milli": 1000,
             "kind": "receipt"}
            for i in range(3000)
        ]  # fmt: skip
        with chain.owner_client() as http:
            r = http.post("/v1/owner/stock", json={"shop": chain.shop, "moves": moves})
            assert r.status_code == 200, r.text
        assert estimated("stock_levels") == 3000

        t = chain.till(tmp_path / "t1", "T01")
        assert pull(t).pulled == 6000
    finally:
        server.stop()
        database.drop()
