"""The device settings dialog, offscreen, against the printer peer and a pty scale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app import audit
from app.config import Config
from devices.manager import DeviceManager
from tests.printer_peer import PrinterPeer, ToledoScalePeer
from ui.device_settings import DeviceSettingsDialog


@pytest.fixture
def peer():
    with PrinterPeer() as p:
        yield p


@pytest.fixture
def make_dialog(qtbot):
    made = []

    def make(config, **kwargs):
        devices = DeviceManager(config)
        dialog = DeviceSettingsDialog(devices, **kwargs)
        qtbot.addWidget(dialog)
        made.append((dialog, devices))
        return dialog

    yield make
    for dialog, devices in made:
        dialog.wait_for_tests()
        devices.close()


def test_lists_every_device_with_its_state(make_dialog):
    dialog = make_dialog(Config().replace("scale", url="serial:///dev/tty-no-scale"))
    assert dialog.table.rowCount() == 5
    assert dialog.row_text("printer")[0] == "ready"  # dummy: records, prints nothing
    state, message = dialog.row_text("scale")
    assert state == "not ready" and "tty-no-scale" in message
    assert dialog.row_text("display") == ("not ready", "not configured")
    assert not dialog.buttons["display"].isEnabled()
    assert not dialog.buttons["drawer"].isEnabled()  # no store: it could not be audited


def test_test_receipt_runs_off_the_ui_thread_and_reports_status(make_dialog, qtbot, peer):
    peer.answers_status = False  # each status query now waits for its timeout
    dialog = make_dialog(Config().replace("printer", url=peer.url))
    dialog.buttons["printer"].click()
    # The click returned while the printer was still being asked: the work is elsewhere.
    assert dialog.row_text("printer")[0] == "testing…"
    assert not dialog.buttons["printer"].isEnabled()
    qtbot.waitUntil(lambda: dialog.row_text("printer")[0] != "testing…", timeout=10_000)
    state, message = dialog.row_text("printer")
    assert state == "ready" and "status not reported" in message
    # No status round trip after the job: the peer may still be reading it.
    out = peer.wait_for(lambda decoded: decoded.cuts == 1)
    assert out.qr_codes == ["TEST-0001"]


def test_printer_out_of_paper_shows_the_reason(make_dialog, qtbot, peer):
    peer.paper_out = True
    dialog = make_dialog(Config().replace("printer", url=peer.url))
    dialog.buttons["printer"].click()
    qtbot.waitUntil(lambda: dialog.row_text("printer")[0] == "not ready", timeout=10_000)
    assert "paper out" in dialog.row_text("printer")[1]
    assert peer.decoded().lines == []


def test_open_drawer_is_audited_and_kicks_once(make_dialog, qtbot, peer, store, cashier):
    dialog = make_dialog(
        Config().replace("printer", url=peer.url), store=store, user_id=cashier.id
    )
    dialog.buttons["drawer"].click()
    qtbot.waitUntil(lambda: dialog.row_text("drawer")[1] == "drawer kicked", timeout=10_000)
    assert peer.decoded().drawer_kicks == [2]
    [entry] = audit.entries(store.conn, "drawer_open")
    assert entry["user_id"] == cashier.id and "device test" in entry["detail"]["reason"]


def test_read_weight_from_a_pty_scale(make_dialog, qtbot):
    scale = ToledoScalePeer()
    try:
        dialog = make_dialog(Config().replace("scale", url=scale.url))
        dialog.buttons["scale"].click()
        qtbot.waitUntil(lambda: dialog.row_text("scale")[0] != "testing…", timeout=10_000)
        assert dialog.row_text("scale") == ("ready", "stable weight: 755 g")
    finally:
        scale.stop()


def test_test_receipt_is_laid_out_for_the_configured_encoding(make_dialog, qtbot, peer):
    dialog = make_dialog(Config().replace("printer", url=peer.url, encoding="cp437"))
    dialog.buttons["printer"].click()
    qtbot.waitUntil(lambda: dialog.row_text("printer")[0] != "testing…", timeout=10_000)
    lines = peer.decoded().lines
    assert any(line.startswith("???? Encoding") and line.endswith("cp437") for line in lines)


def test_close_button_and_esc_close_the_device_settings(make_dialog, qtbot):
    dialog = make_dialog(Config())
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.close_button.text() == "Close [Esc]"
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    dialog.show()
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_the_day_end_dialog_has_the_same_close_button(qtbot, tmp_path):
    from ui.day_end import DayEndDialog

    dialog = DayEndDialog(tmp_path / "till.db", Config())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.close_button.text() == "Close [Esc]"
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
