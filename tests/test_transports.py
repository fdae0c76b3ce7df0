"""Each printer transport is chosen by its URL and carries a job's bytes to a real peer:
the TCP printer peer, a pseudo-terminal, a FIFO, an ``lp`` command on PATH."""

from __future__ import annotations

import importlib.util
import os
import threading
import time
import tty

import pytest

from app.config import Config
from devices.errors import DeviceUnavailable
from devices.transports.cups import CupsTransport
from devices.transports.dummy import DummyTransport
from devices.transports.file import FileTransport
from devices.transports.lp import LpTransport
from devices.transports.serial import SerialTransport
from devices.transports.tcp import TcpTransport
from devices.transports.usb import UsbTransport
from devices.transports.win32 import Win32Transport
from devices.urls import printer_transport
from printing.escpos_out import STATUS_PAPER, STATUS_PRINTER, doc_to_escpos
from printing.receipt import render_test_receipt
from tests.escpos_decode import decode
from tests.printer_peer import PrinterPeer, SerialPrinterPeer, fake_lp

JOB = doc_to_escpos(render_test_receipt(Config().shop, width_cols=48))


def wait_until(predicate, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline
        time.sleep(0.01)


def assert_is_the_test_receipt(data: bytes) -> None:
    out = decode(data)
    assert out.cuts == 1 and out.qr_codes == ["TEST-0001"]
    assert any(line.startswith("中文") for line in out.lines)


@pytest.fixture
def pty_pair():
    """(device side fd, till side fd) of a pseudo-terminal in raw mode, like a real line."""
    master, slave = os.openpty()
    tty.setraw(slave)
    peer = SerialPrinterPeer(master)
    yield peer, slave
    peer.stop()
    os.close(master)
    os.close(slave)


def test_tcp_url_sends_to_the_printer_peer_and_reads_its_status():
    with PrinterPeer() as peer:
        transport = printer_transport(peer.url)
        assert isinstance(transport, TcpTransport) and transport.can_read
        with transport:
            assert transport.query(STATUS_PRINTER) == 0x12  # online, drawer closed
            peer.paper_out = True
            assert transport.query(STATUS_PAPER) & 0x60  # roll end
            transport.send(JOB)
        out = peer.wait_for(lambda d: d.cuts == 1)
    assert out.qr_codes == ["TEST-0001"] and out.status_queries == [1, 4]


def test_serial_url_sends_over_a_pseudo_terminal_and_reads_its_status(pty_pair):
    peer, slave = pty_pair
    transport = printer_transport(f"serial://{os.ttyname(slave)}?baudrate=19200")
    assert isinstance(transport, SerialTransport) and transport.can_read
    with transport:
        assert transport.query(STATUS_PRINTER) == 0x12
        transport.send(JOB)
    wait_until(lambda: decode(bytes(peer.received)).cuts == 1)
    assert_is_the_test_receipt(bytes(peer.received))


def test_file_url_on_a_read_write_device_reads_its_status(pty_pair):
    """A character device that opens read-write (here a terminal, as /dev/usb/lp0 is with
    the usblp driver) answers status through the same file."""
    peer, slave = pty_pair
    transport = printer_transport(f"file://{os.ttyname(slave)}")
    assert isinstance(transport, FileTransport)
    with transport:
        assert transport.can_read
        assert transport.query(STATUS_PRINTER) == 0x12
        transport.send(JOB)
    wait_until(lambda: decode(bytes(peer.received)).cuts == 1)
    assert_is_the_test_receipt(bytes(peer.received))


def test_file_url_streams_into_a_fifo_and_cannot_read_it(tmp_path):
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # the device side, open first
    received = bytearray()
    try:
        with printer_transport(f"file://{fifo}") as transport:
            assert not transport.can_read  # its "reply" would be our own bytes
            assert transport.query(STATUS_PRINTER) is None
            os.set_blocking(reader, True)

            def drain() -> None:
                while chunk := os.read(reader, 4096):
                    received.extend(chunk)

            thread = threading.Thread(target=drain, daemon=True)
            thread.start()
            transport.send(JOB)
        thread.join(timeout=5)  # the reader sees end of file once the transport closes
    finally:
        os.close(reader)
    assert not thread.is_alive()
    assert_is_the_test_receipt(bytes(received))


def test_file_url_to_a_fifo_nobody_reads_is_unreachable_at_once(tmp_path):
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(DeviceUnavailable) as info, printer_transport(f"file://{fifo}"):
        pass
    assert time.monotonic() - started < 1  # no waiting for a reader that never comes
    assert info.value.reason == "unreachable: No such device or address"


def test_lp_url_hands_the_job_to_the_lp_command(tmp_path, monkeypatch):
    spool = fake_lp(tmp_path, monkeypatch, exit_status=0)
    transport = printer_transport("lp://receipts")
    assert isinstance(transport, LpTransport) and not transport.can_read
    with transport:
        transport.send(JOB)
        assert not list(spool.glob("job-*"))  # one job, given to lp only when submitted
        transport.submit()
    assert_is_the_test_receipt((spool / "job-0").read_bytes())
    assert (spool / "args-0").read_text().split()[-2:] == ["-d", "receipts"]


def test_lp_url_without_an_lp_command_says_so_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    transport = printer_transport("lp://receipts")
    assert transport.unusable_reason() == "lp:// needs the lp command (install CUPS)"


def test_dummy_url_records_the_bytes():
    transport = printer_transport("dummy:")
    assert isinstance(transport, DummyTransport) and not transport.can_read
    with transport:
        transport.send(JOB[:10])
        transport.send(JOB[10:])
    assert bytes(transport.output) == JOB


def test_usb_url_with_no_such_device_is_unavailable_in_one_line():
    transport = printer_transport("usb://04b8:0202")
    assert isinstance(transport, UsbTransport)
    with pytest.raises(DeviceUnavailable) as info, transport:
        pass
    reason = info.value.reason
    assert "\n" not in reason
    # Without pyusb the transport says so; with it, no printer answers to 04b8:0202 here.
    assert reason == "unusable: usb:// needs the pyusb package" or "not found" in reason


@pytest.mark.parametrize(
    ("url", "kind", "module", "reason"),
    [
        ("cups://receipts", CupsTransport, "cups", "cups:// needs the pycups package"),
        ("win32://POS-80", Win32Transport, "win32print", "win32:// needs the pywin32 package"),
    ],
)
def test_system_queue_urls_without_their_library_say_which(url, kind, module, reason):
    if importlib.util.find_spec(module) is not None:
        pytest.skip(f"{module} is installed here")
    transport = printer_transport(url)
    assert isinstance(transport, kind) and transport.spooled == (kind is CupsTransport)
    assert transport.unusable_reason() == reason
    with pytest.raises(DeviceUnavailable, match="unusable"), transport:
        pass
