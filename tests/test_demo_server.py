"""`tillbook demo` starts a central server beside the demo till and enrolls it."""

from datetime import date

from app import demo
from app.config import Config
from app.till import Till
from app.users import login
from localdb import Store
from sync import demo as demo_server
from sync import worker
from sync.client import SyncClient
from sync.cycle import enrollment


def test_the_demo_till_is_enrolled_and_its_sales_reach_the_server(tmp_path):
    assert demo.ensure_demo_shop(tmp_path, products=200)
    server = demo_server.start(tmp_path, Config.load(tmp_path), tmp_path / "till.db")
    try:
        config = Config.load(tmp_path)
        assert config.sync.server == server.url
        with Store.open(tmp_path / "till.db") as store:
            first = worker.sync_once(store, config)
            assert first.pushed > 0 and first.exceptions == [] and first.left_unsent == 0
            till = Till(store, config)
            till.login(login(store, "1111"))
            code = store.scalar("SELECT code FROM barcodes WHERE length(code) = 13 LIMIT 1")
            till.scan(code)
            till.add_payment(tender="cash", amount=till.due_for("cash"))
            sold = till.complete()
            assert worker.sync_once(store, config).pushed == 1
            token = enrollment(store).token
        with SyncClient(server.url, token) as client:
            day = client.shop_day(date.today().isoformat())
        (row,) = day["tills"]
        assert (row["till"], row["sales"], row["total_fen"]) == ("T01", 1, sold.total)
    finally:
        server.stop()
    assert server.process.poll() is not None

    again = demo_server.start(tmp_path, Config.load(tmp_path), tmp_path / "till.db")
    try:
        assert again.url == server.url  # the same server database, the same address
    finally:
        again.stop()


def test_delivery_slips_and_their_dispatch_are_accepted_by_the_server(tmp_path):
    from app import delivery, stock
    from app.users import User

    demo.ensure_demo_shop(tmp_path, products=100)
    server = demo_server.start(tmp_path, Config.load(tmp_path), tmp_path / "till.db")
    try:
        config = Config.load(tmp_path)
        with Store.open(tmp_path / "till.db") as store:
            product_id, code = store.execute(
                "SELECT product_id, code FROM barcodes WHERE length(code) = 13 AND pack_qty = 1"
                " LIMIT 1"
            ).fetchone()
            stock.record(
                store,
                product_id=product_id,
                qty_milli=5000,
                kind="receipt",
                location_id=stock.WAREHOUSE,
            )
            clerk = User(3, "Wang", "clerk")
            slip = delivery.create_order(
                store,
                user=clerk,
                till_code="T01",
                name="陈静",
                phone="13700000000",
                address="北京路 1 号",
                lines=[delivery.OrderLine(product_id, 2000)],
            )
            delivery.scan(store, delivery_id=slip.id, code=code, user=clerk)
            delivery.scan(store, delivery_id=slip.id, code=code, user=clerk)
            delivery.mark_picked(store, delivery_id=slip.id, user=clerk)
            worker.sync_once(store, config)
            assert server_slip(tmp_path, slip.uuid)["state"] == "picked"
            delivery.dispatch(store, delivery_id=slip.id, user=clerk)
            delivery.deliver(store, delivery_id=slip.id, user=clerk, signed_by="陈静")
            moved = worker.sync_once(store, config)
            assert (moved.rejected, moved.left_unsent, moved.error) == (0, 0, "")
            assert store.scalar("SELECT count(*) FROM outbox WHERE kind = 'delivery'") == 4
            # the server's level for the warehouse came back: 5 received, 2 dispatched
            assert stock.on_hand(store, product_id, stock.WAREHOUSE) == 3000
        held = server_slip(tmp_path, slip.uuid)
        assert (held["state"], held["signed_by"]) == ("delivered", "陈静")
        assert held["change"]["from"] == "dispatched"
    finally:
        server.stop()


def server_slip(data_dir, slip_uuid: str) -> dict:
    """The version of a delivery slip the server holds."""
    import json

    from sync.server import db, service

    engine = db.make_engine(db.default_url(data_dir))
    try:
        with engine.connect() as conn:
            (payload,) = conn.execute(
                service.q("SELECT payload FROM documents WHERE uuid = :u"), {"u": slip_uuid}
            ).one()
    finally:
        engine.dispose()
    return json.loads(payload)


def test_a_product_made_at_one_till_reaches_another(tmp_path):
    from app import catalog
    from sync import cycle
    from sync.server import db, service

    demo.ensure_demo_shop(tmp_path, products=50)
    server = demo_server.start(tmp_path, Config.load(tmp_path), tmp_path / "till.db")
    try:
        config = Config.load(tmp_path)
        with Store.open(tmp_path / "till.db") as store:
            catalog.save_product(
                store, sku="NEW-1", name="桂花乌龙茶 500ml", price=650, barcodes=["6900000000014"]
            )
            moved = worker.sync_once(store, config)
            assert (moved.rejected, moved.left_unsent, moved.exceptions) == (0, 0, [])
            shop = store.meta("sync.shop")

        engine = db.make_engine(db.default_url(tmp_path))
        code = service.enroll_code(engine, shop)
        engine.dispose()
        second = tmp_path / "till2"
        second_config = Config().replace("till", code="T02").replace("sync", server=server.url)
        with Store.open(second / "till.db") as store2:
            with SyncClient(server.url) as client:
                answer = client.enroll(code, "T02")
            cycle.save_enrollment(store2, server=server.url, answer=answer)
            worker.sync_once(store2, second_config)
            hit = catalog.by_barcode(store2, "6900000000014")
            assert hit is not None and hit.product.price == 650
            assert [p.sku for p in catalog.search(store2, "wlc")] == ["NEW-1"]
    finally:
        server.stop()
