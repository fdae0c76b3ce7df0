"""Scanner, customer display and scale on pseudo-terminals standing in for serial ports."""

from __future__ import annotations

import os
import threading
import time

import pytest

from app.config import Config
from devices.display import CustomerDisplay
from devices.errors import BadDeviceUrl, DeviceUnavailable, ScaleFault, ScaleUnstable
from devices.manager import DeviceManager
from devices.scale import Scale, parse_cas, parse_toledo, weight_to_grams
from devices.scanner import SerialScanner
from devices.urls import parse_serial
from tests.printer_peer import PtyPeer


@pytest.fixture
def pty():
    """(device side fd, URL for the till side)."""
    master, slave = os.openpty()
    yield master, f"serial://{os.ttyname(slave)}?baudrate=9600"
    os.close(master)
    os.close(slave)


def read_available(fd, wait=0.3) -> bytes:
    os.set_blocking(fd, False)
    data, deadline = b"", time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            data += os.read(fd, 4096)
        except BlockingIOError:
            time.sleep(0.01)
    return data


def wait_until(predicate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.01)


# -- scanner --------------------------------------------------------------------------------


def test_scanner_reports_each_code_ended_by_cr_lf_or_crlf(pty):
    master, url = pty
    codes = []
    scanner = SerialScanner(url, codes.append)
    scanner.start()
    try:
        os.write(master, b"6901234567892\r\n0001\r")
        os.write(master, b"69234506")  # a code arriving in two pieces
        time.sleep(0.05)
        os.write(master, b"57713\n")
        wait_until(lambda: len(codes) == 3)
    finally:
        scanner.stop()
    assert codes == ["6901234567892", "0001", "6923450657713"]


def test_scanner_that_cannot_open_says_why():
    scanner = SerialScanner("serial:///dev/tty-no-such-port")
    with pytest.raises(DeviceUnavailable, match="tty-no-such-port"):
        scanner.start()


# -- customer display -----------------------------------------------------------------------


def cd5220_rows(data: bytes) -> dict[int, str]:
    """Decode CD5220 output: the text written after each ``US $ x y`` cursor move."""
    rows = {}
    for part in data.split(b"\x1f$")[1:]:
        row = part[1]
        rows[row] = part[2:].split(b"\x0c")[0].decode("ascii")
    return rows


def test_cd5220_shows_item_then_total_and_change(pty):
    master, url = pty
    display = CustomerDisplay(url, protocol="cd5220")
    display.open()
    try:
        assert read_available(master).startswith(b"\x1b@")
        display.show_item(name="Cola 330ml", price=350)
        assert cd5220_rows(read_available(master)) == {1: "Cola 330ml", 2: " " * 16 + "3.50"}
        display.show_total(total=1250, change=750)
        rows = cd5220_rows(read_available(master))
    finally:
        display.close()
    assert rows == {1: "TOTAL" + " " * 10 + "12.50", 2: "CHANGE" + " " * 10 + "7.50"}


def test_cd5220_with_gb18030_font_shows_chinese_names(pty):
    master, url = pty
    display = CustomerDisplay(url, protocol="cd5220", encoding="gb18030")
    display.open()
    try:
        read_available(master)
        display.show_item(name="可口可乐 330ml", price=350)
        data = read_available(master)
    finally:
        display.close()
    assert "可口可乐 330ml".encode("gb18030") in data


def test_led8_lights_the_lamp_and_shows_the_amount(pty):
    master, url = pty
    display = CustomerDisplay(url, protocol="led8")
    display.open()
    try:
        read_available(master)
        display.show_item(name="ignored", price=350)
        assert read_available(master) == b"\x1bs1\x1bQA3.50\r"
        display.show_total(total=1250, change=750)
        assert read_available(master) == b"\x1bs4\x1bQA7.50\r"
        display.show_total(total=1250)
        assert read_available(master) == b"\x1bs2\x1bQA12.50\r"
    finally:
        display.close()


# -- scale ----------------------------------------------------------------------------------


class ToledoPeer(PtyPeer):
    """Answers each ``W`` with the next reply of a script (the last one repeats)."""

    def __init__(self, fd: int, replies: list[bytes]) -> None:
        self.replies, self.asked = list(replies), 0
        super().__init__(fd)

    def received_chunk(self, data: bytes) -> None:
        for _ in range(data.count(b"W")):
            reply = self.replies[min(self.asked, len(self.replies) - 1)]
            self.asked += 1
            os.write(self.fd, reply)


def test_toledo_waits_for_a_stable_weight_in_grams(pty):
    master, url = pty
    peer = ToledoPeer(master, [b"\x02?A\r", b"\x02?A\r", b"\x0201.250\r"])
    scale = Scale(url, protocol="toledo8217")
    scale.open()
    try:
        assert scale.read_grams(timeout=3) == 1250
    finally:
        scale.close()
        peer.stop()
    assert peer.asked == 3


def test_toledo_still_moving_raises_unstable(pty):
    master, url = pty
    peer = ToledoPeer(master, [b"\x02?A\r"])
    scale = Scale(url, protocol="toledo8217")
    scale.open()
    try:
        with pytest.raises(ScaleUnstable):
            scale.read_grams(timeout=0.5)
    finally:
        scale.close()
        peer.stop()


def test_toledo_over_capacity_is_a_fault(pty):
    master, url = pty
    peer = ToledoPeer(master, [b"\x02?B\r"])
    scale = Scale(url, protocol="toledo8217")
    scale.open()
    try:
        with pytest.raises(ScaleFault, match="over capacity"):
            scale.read_grams(timeout=1)
    finally:
        scale.close()
        peer.stop()


def test_cas_continuous_output_gives_the_first_stable_reading(pty):
    master, url = pty
    stop = threading.Event()

    def stream():
        lines = [b"US,GS,+  1.240kg\r\n"] * 5 + [b"ST,GS,+  1.250kg\r\n"]
        i = 0
        while not stop.is_set():
            os.write(master, lines[min(i, len(lines) - 1)])
            i += 1
            time.sleep(0.02)

    thread = threading.Thread(target=stream, daemon=True)
    thread.start()
    scale = Scale(url, protocol="cas")
    scale.open()
    try:
        assert scale.read_grams(timeout=3) == 1250
    finally:
        stop.set()
        thread.join()
        scale.close()


def test_scale_reply_parsing():
    assert parse_toledo(b"\x0201.250") == 1250
    assert parse_toledo(b"\x0200.005") == 5
    with pytest.raises(ScaleFault, match="under zero"):
        parse_toledo(b"\x02?D")
    assert parse_cas(b"ST,NT,+  0.755kg\r\n") == 755
    assert parse_cas(b"US,GS,+  0.755kg\r\n") is None
    assert parse_cas(b"ST,GS,+    350g\r\n") == 350
    with pytest.raises(ScaleFault, match="overload"):
        parse_cas(b"OL,GS,+  99.999kg")
    with pytest.raises(ScaleFault):
        weight_to_grams("1,25")


def test_serial_urls():
    params = parse_serial("serial:///dev/ttyUSB0?baudrate=19200&parity=e&bytesize=7", device="x")
    assert (params.port, params.baudrate, params.parity, params.bytesize) == (
        "/dev/ttyUSB0",
        19200,
        "E",
        7,
    )
    assert parse_serial("serial://COM3?baudrate=9600", device="x").port == "COM3"
    with pytest.raises(BadDeviceUrl, match="speed"):
        parse_serial("serial:///dev/ttyS0?speed=9600", device="scanner")
    with pytest.raises(BadDeviceUrl):
        parse_serial("serial:///dev/ttyS0?baudrate=fast", device="scanner")


# -- the manager ----------------------------------------------------------------------------


def test_missing_devices_are_states_not_crashes():
    config = (
        Config()
        .replace("scanner", url="serial:///dev/tty-no-scanner")
        .replace("display", url="serial:///dev/tty-no-display")
        .replace("scale", url="bogus://scale")
        .replace("printer", url="ftp://printer")
    )
    manager = DeviceManager(config)
    try:
        states = manager.states()
    finally:
        manager.close()
    assert set(states) == {"printer", "drawer", "scanner", "display", "scale"}
    assert not any(state.usable for state in states.values())
    assert "tty-no-scanner" in states["scanner"].message
    assert "serial://" in states["scale"].message
    assert "printer.url" in states["printer"].message


def test_manager_opens_configured_serial_devices(pty):
    master, url = pty
    codes = []
    config = Config().replace("scanner", url=url)
    manager = DeviceManager(config, on_scan=codes.append)
    try:
        assert manager.states()["scanner"].usable
        assert manager.states()["display"].message == "not configured"
        os.write(master, b"12345678\r")
        wait_until(lambda: codes == ["12345678"])
    finally:
        manager.close()


def test_weighed_item_goes_on_the_ticket_at_the_stable_weight(pty, till, products):
    from devices.scale import weigh_onto_ticket

    master, url = pty
    peer = ToledoPeer(master, [b"\x02?A\r", b"\x0200.756\r"])
    scale = Scale(url, protocol="toledo8217")
    scale.open()
    try:
        result = weigh_onto_ticket(till, scale, product_id=products["rice"])
    finally:
        scale.close()
        peer.stop()
    assert result.line.qty_milli == 756 and result.line.weighed
    assert till.totals().subtotal == 452  # 5.98 per kg x 0.756 kg, to the fen


def test_empty_scale_adds_nothing(pty, till, products):
    from app.errors import InvalidQuantity
    from devices.scale import weigh_onto_ticket

    master, url = pty
    peer = ToledoPeer(master, [b"\x0200.000\r"])
    scale = Scale(url, protocol="toledo8217")
    scale.open()
    try:
        with pytest.raises(InvalidQuantity):
            weigh_onto_ticket(till, scale, product_id=products["rice"])
    finally:
        scale.close()
        peer.stop()
    assert till.ticket.lines == []
