"""The background worker and the day-end dialog, against a real server process."""

from __future__ import annotations

import threading

from sync_harness import FaultProxy, product

from app.config import Config
from sync import outbox
from sync.worker import SyncWorker

pytest_plugins = ["sync_fixtures"]


def test_the_worker_syncs_in_the_background_and_reports_offline(chain, tmp_path):
    chain.add_products(product("A", 500))
    t = chain.till(tmp_path / "t1", "T01")
    w = SyncWorker(t.directory / "till.db", t.config)
    seen = []
    w.on_change = seen.append
    w.start()
    try:
        state = w.sync_now(wait=True)
        assert state.online and state.last_sync
        t.sell(("A", 1)), t.sell(("A", 1))
        state = w.sync_now(wait=True)
        assert state.unsynced_sales == 0 and outbox.pending_count(t.store.conn) == 0
        assert chain.database.scalar("SELECT count(*) FROM sales") == 2

        chain.server.stop()
        t.sell(("A", 1))
        state = w.sync_now(wait=True)
        assert (
            not state.online and state.unsynced_sales == 1 and "not reachable" in state.last_error
        )
        chain.server.start()
        state = w.sync_now(wait=True)
        assert state.online and state.unsynced_sales == 0
    finally:
        w.stop()
    assert seen and seen[-1].online


def test_selling_goes_on_while_the_worker_waits_on_a_stalled_server(chain, tmp_path):
    chain.add_products(product("A", 500))
    proxy = FaultProxy(chain.server.port, weights=[0, 0, 0, 1, 0, 0, 0], stall_s=3)
    proxy.enabled = False
    t = chain.till(tmp_path / "t1", "T01", url=proxy.url)
    t.sync()
    w = SyncWorker(t.directory / "till.db", t.config)
    w.start()
    try:
        w.sync_now(wait=True)
        proxy.enabled = True
        t.sell(("A", 1))
        done = threading.Event()
        threading.Thread(target=lambda: (w.sync_now(wait=True), done.set()), daemon=True).start()
        sold = [t.sell(("A", 1)) for _ in range(3)]  # while the worker's push is stalled
        assert not done.is_set()
        assert len(sold) == 3
        proxy.enabled = False
        done.wait(60)
        w.sync_now(wait=True)
        assert chain.database.scalar("SELECT count(*) FROM sales") == 4
    finally:
        w.stop()
        proxy.close()


def test_the_day_end_dialog_syncs_and_shows_every_tills_day(chain, tmp_path, qtbot):
    from ui.day_end import DayEndDialog

    chain.add_products(product("A", 1250))
    t1, t2 = chain.till(tmp_path / "t1", "T01"), chain.till(tmp_path / "t2", "T02")
    t1.sync(), t2.sync()
    t1.sell(("A", 2)), t2.sell(("A", 1))
    t2.sync()

    dialog = DayEndDialog(t1.directory / "till.db", Config.load(t1.directory))
    qtbot.addWidget(dialog)
    dialog.run_button.click()
    qtbot.waitUntil(
        lambda: dialog.table.rowCount() == 2 and dialog.run_button.isEnabled(), timeout=30_000
    )

    cells = [[dialog.table.item(r, c).text() for c in range(5)] for r in range(2)]
    assert [c[0] for c in cells] == ["T01", "T02"]
    assert [c[2] for c in cells] == ["0", "0"]  # nothing left on either till
    assert [c[3] for c in cells] == ["1", "1"]
    assert [c[4] for c in cells] == ["¥25.00", "¥12.50"]
    assert "1" in dialog.status.text() and "0 left unsent" in dialog.status.text()

    chain.server.stop()
    dialog.run_button.click()
    qtbot.waitUntil(lambda: "could not" in dialog.status.text(), timeout=60_000)
    assert dialog.run_button.isEnabled()
