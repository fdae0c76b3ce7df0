"""Printer transports other than TCP: a file, a serial line (pty), and ones whose library
is not installed here."""

from __future__ import annotations

import os
import threading
import time

import pytest

from app.config import Config, PrinterSettings
from devices.errors import DeviceUnavailable, PrinterNotReady
from devices.manager import DeviceManager
from devices.printer import ReceiptPrinter
from printing.escpos_out import doc_to_escpos
from printing.queue import PrintQueue, receipt_job_hook
from printing.receipt import render_test_receipt
from tests.escpos_decode import decode
from tests.printer_peer import SerialPrinterPeer, fake_lp

SHOP = Config().shop


def test_file_transport_writes_the_job(tmp_path):
    device = tmp_path / "lp0"
    device.touch()
    printer = ReceiptPrinter(PrinterSettings(url=f"file://{device}"))
    with printer.connect() as conn:
        assert conn.status() is None  # a file cannot answer
        conn.send(doc_to_escpos(render_test_receipt(SHOP, width_cols=48)))
    out = decode(device.read_bytes())
    assert out.cuts == 1 and out.qr_codes == ["TEST-0001"]


@pytest.fixture
def serial_printer():
    master, slave = os.openpty()
    peer = SerialPrinterPeer(master)
    yield peer, f"serial://{os.ttyname(slave)}?baudrate=19200"
    peer.stop()
    os.close(master)
    os.close(slave)


def test_serial_printer_answers_status_and_prints(serial_printer):
    peer, url = serial_printer
    printer = ReceiptPrinter(PrinterSettings(url=url))
    assert printer.check().ready
    with printer.connect() as conn:
        conn.send(doc_to_escpos(render_test_receipt(SHOP, width_cols=32)))
    deadline = time.monotonic() + 15
    while decode(bytes(peer.received)).cuts < 1:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert any(line.startswith("中文") for line in decode(bytes(peer.received)).lines)


def test_serial_printer_out_of_paper_is_not_ready(serial_printer):
    peer, url = serial_printer
    peer.paper_out = True
    printer = ReceiptPrinter(PrinterSettings(url=url))
    with printer.connect() as conn, pytest.raises(PrinterNotReady, match="paper out"):
        printer.ensure_ready(conn)


def test_usb_without_pyusb_is_a_state_and_jobs_wait(store, till):
    config = Config().replace("printer", url="usb://04b8:0202")
    with pytest.raises(DeviceUnavailable, match="pyusb"):
        ReceiptPrinter(config.printer).check()

    devices = DeviceManager(config)
    assert "pyusb" in devices.check("printer").message
    assert not devices.states()["printer"].usable
    till.sale_hooks.append(receipt_job_hook(config))
    queue = PrintQueue(store.path, config, devices, retry_s=0.2, poll_s=0.02)
    till.scan("6901234567892")
    till.add_payment(tender="card", amount=350)
    till.complete()
    queue.start()
    try:
        deadline = time.monotonic() + 15
        while not queue.jobs() or queue.jobs()[0].state != "waiting":
            assert time.monotonic() < deadline
            time.sleep(0.02)
        assert "pyusb" in queue.jobs()[0].reason
    finally:
        queue.stop()
        devices.close()


def test_a_printer_that_never_answers_status_rests_after_three_jobs(tmp_path):
    from tests.printer_peer import PrinterPeer

    with PrinterPeer(answers_status=False) as peer:
        printer = ReceiptPrinter(PrinterSettings(url=peer.url))
        for _ in range(4):
            with printer.connect() as conn:
                assert printer.ensure_ready(conn) is None
                conn.send(doc_to_escpos(render_test_receipt(SHOP, width_cols=48)))
                assert conn.status() is None  # not asked again after the job
        out = peer.wait_for(lambda d: d.cuts == 4)
    # Asked once per job, then left alone rather than waiting out the timeout every time.
    assert out.status_queries == [1, 1, 1]


def test_line_lost_mid_job_fails_and_is_never_resent_on_its_own(store, till, tmp_path):
    """A serial printer that vanishes right after saying it is ready: the job fails (it may
    have printed part), waits for the cashier, and the worker does not send it again."""
    master, slave = os.openpty()
    answered = threading.Event()

    def printer_side():
        os.set_blocking(master, False)
        seen = b""
        while b"\x10\x04\x04" not in seen:
            try:
                seen += os.read(master, 64)
            except BlockingIOError:
                time.sleep(0.005)
                continue
            for _ in range(seen.count(b"\x10\x04") - len(answered_bytes)):
                answered_bytes.append(1)
                os.write(master, b"\x12")
        # Stop reading: the job (with its large logo) fills the line's buffer, and the
        # till is still writing when the cable is pulled.
        time.sleep(0.3)
        os.close(master)
        answered.set()

    answered_bytes: list[int] = []
    thread = threading.Thread(target=printer_side, daemon=True)
    thread.start()
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.effect_noise((576, 600), 100).save(logo)  # about 43 KB of raster
    config = Config().replace("printer", url=f"serial://{os.ttyname(slave)}", logo=str(logo))
    devices = DeviceManager(config)
    till.sale_hooks.append(receipt_job_hook(config))
    queue = PrintQueue(store.path, config, devices, retry_s=0.1, poll_s=0.02)
    till.scan("6901234567892")
    till.add_payment(tender="card", amount=350)
    till.complete()
    queue.start()
    try:
        deadline = time.monotonic() + 15
        while not queue.jobs() or queue.jobs()[0].state != "failed":
            assert time.monotonic() < deadline, queue.jobs()
            time.sleep(0.02)
        time.sleep(0.5)  # five retry periods
        [job] = queue.jobs()
        assert job.state == "failed" and job.attempts == 1
        assert "connection lost while printing" in job.reason
    finally:
        queue.stop()
        devices.close()
        thread.join(timeout=2)
        os.close(slave)


def test_a_late_status_byte_is_not_taken_for_the_next_answer():
    from tests.printer_peer import PrinterPeer

    with PrinterPeer() as peer:
        printer = ReceiptPrinter(PrinterSettings(url=peer.url))
        with printer.connect() as conn:
            assert conn.status().ready
            peer.offline = True
            conn.send(b"\x10\x04\x01")  # its answer (offline) is left unread
            time.sleep(0.1)
            peer.offline = False
            assert conn.status().ready  # taken as the new answer, it would say offline


def test_an_unknown_profile_is_the_printers_state_and_jobs_wait(store, till):
    """Settings made in code skip config.toml's check: the printer must still only wait."""
    from tests.printer_peer import PrinterPeer

    with PrinterPeer() as peer:
        config = Config().replace("printer", url=peer.url, profile="NoSuchModel")
        with pytest.raises(DeviceUnavailable, match="printer.profile"):
            ReceiptPrinter(config.printer).check()
        devices = DeviceManager(config)
        till.sale_hooks.append(receipt_job_hook(config))
        queue = PrintQueue(store.path, config, devices, retry_s=0.2, poll_s=0.02)
        till.scan("6901234567892")
        till.add_payment(tender="cash", amount=350)
        till.complete()
        queue.start()
        try:
            deadline = time.monotonic() + 15
            while not queue.jobs() or queue.jobs()[0].state != "waiting":
                assert time.monotonic() < deadline, queue.jobs()
                time.sleep(0.02)
            [job] = queue.jobs()
            assert "printer.profile" in job.reason and job.drawer == "pending"
        finally:
            queue.stop()
            devices.close()
        assert peer.decoded().events == []


def spooled_jobs(spool):
    count = len(list(spool.glob("job-*")))
    return [decode((spool / f"job-{n}").read_bytes()) for n in range(count)]


def run_lp_queue(store, till, url: str):
    config = Config().replace("printer", url=url)
    devices = DeviceManager(config)
    till.sale_hooks.append(receipt_job_hook(config))
    queue = PrintQueue(store.path, config, devices, retry_s=0.1, poll_s=0.02)
    till.scan("6901234567892")
    till.add_payment(tender="cash", amount=500)
    done = till.complete()
    queue.start()
    try:
        deadline = time.monotonic() + 15
        while not queue.jobs(pending_only=False) or queue.jobs(pending_only=False)[0].state in (
            "pending",
            "sending",
        ):
            assert time.monotonic() < deadline, queue.jobs(pending_only=False)
            time.sleep(0.02)
        time.sleep(0.3)  # three retry periods: nothing more may happen
        return done, queue.jobs(pending_only=False)
    finally:
        queue.stop()
        devices.close()


def test_a_job_the_lp_queue_refuses_fails_and_is_not_recorded_printed(
    store, till, tmp_path, monkeypatch
):
    spool = fake_lp(tmp_path, monkeypatch, exit_status=1)
    _, [job] = run_lp_queue(store, till, "lp://receipts")
    assert job.state == "failed" and job.attempts == 1
    assert "refused" in job.reason and "does not exist" in job.reason
    assert job.drawer == "failed"  # the kick went to the refused queue too: not kicked
    [kick] = spooled_jobs(spool)  # handed over, refused, and the receipt not sent after it
    assert kick.drawer_kicks == [2] and kick.lines == []


def test_lp_queue_gets_the_kick_then_the_receipt_as_raw_jobs(store, till, tmp_path, monkeypatch):
    spool = fake_lp(tmp_path, monkeypatch, exit_status=0)
    done, [job] = run_lp_queue(store, till, "lp://receipts")
    assert (job.state, job.drawer) == ("done", "done")
    kick, receipt = spooled_jobs(spool)
    assert kick.drawer_kicks == [2]
    assert receipt.cuts == 1 and receipt.barcodes == [("CODE128", done.receipt_no)]
    assert "可口可乐 330ml" in receipt.lines
    args = (spool / "args-1").read_text().split()
    assert "raw" in args and args[args.index("-d") + 1] == "receipts"
