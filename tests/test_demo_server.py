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
            delivery.scan(store, delivery_id=slip.id, code=code)
            delivery.scan(store, delivery_id=slip.id, code=code)
            delivery.mark_picked(store, delivery_id=slip.id, user=clerk)
            delivery.dispatch(store, delivery_id=slip.id, user=clerk)
            moved = worker.sync_once(store, config)
            assert (moved.rejected, moved.left_unsent, moved.error) == (0, 0, "")
            assert store.scalar("SELECT count(*) FROM outbox WHERE kind = 'delivery'") == 3
            # the server's level for the warehouse came back: 5 received, 2 dispatched
            assert stock.on_hand(store, product_id, stock.WAREHOUSE) == 3000
    finally:
        server.stop()
