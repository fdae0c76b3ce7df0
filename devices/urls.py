"""Device URLs from config.toml: ``serial:///dev/ttyUSB0?baudrate=9600&parity=E``...

This is the one place that maps a printer URL to its transport (``printer_transport``).

Each parser raises ``BadDeviceUrl`` whose message starts with the config key
(``printer.url: ...``), so the same words serve ``config check`` and the device's state.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from devices.errors import BadDeviceUrl, DeviceUnavailable
from devices.transports.base import Transport
from devices.transports.cups import CupsTransport
from devices.transports.dummy import DummyTransport
from devices.transports.file import FileTransport
from devices.transports.lp import LpTransport
from devices.transports.serial import SerialTransport
from devices.transports.tcp import TcpTransport
from devices.transports.usb import UsbTransport
from devices.transports.win32 import Win32Transport

PARITIES = {"N": "N", "E": "E", "O": "O", "M": "M", "S": "S"}


@dataclass(frozen=True)
class SerialParams:
    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: int = 1

    def open_device(self, *, device: str, url: str, timeout: float = 0.2):
        """Open the port for ``device``. A port that will not open raises DeviceUnavailable
        whose ``reason`` is a short line for the device's state."""
        import serial

        try:
            return self.open(timeout=timeout)
        except (serial.SerialException, OSError) as exc:
            reason = open_error(exc)
            raise DeviceUnavailable(
                f"{device} {self.port}: cannot open: {reason}",
                device=device,
                url=url,
                reason=reason,
            ) from exc

    def open(self, *, timeout: float = 0.2):
        """Open the port with pyserial; raises ``serial.SerialException`` when it cannot."""
        import serial

        return serial.Serial(
            port=self.port,
            baudrate=self.baudrate,
            bytesize=self.bytesize,
            parity=self.parity,
            stopbits=self.stopbits,
            timeout=timeout,
            write_timeout=2.0,
        )


def parse_serial(url: str, *, device: str, defaults: dict | None = None) -> SerialParams:
    """``serial:///dev/ttyACM0?baudrate=9600`` or ``serial://COM3?baudrate=9600&parity=E``."""
    key = f"{device}.url"
    parts = urlsplit(url)
    if parts.scheme != "serial":
        raise BadDeviceUrl(f"{key}: {url!r} is not a serial:// URL", device=device, url=url)
    port = parts.netloc + parts.path if parts.netloc else parts.path
    if not port:
        raise BadDeviceUrl(f"{key}: {url!r} names no port", device=device, url=url)
    values = dict(defaults or {})
    for key, value in parse_qsl(parts.query):
        values[key] = value
    try:
        params = SerialParams(
            port=port,
            baudrate=int(values.get("baudrate", 9600)),
            bytesize=int(values.get("bytesize", 8)),
            parity=PARITIES[str(values.get("parity", "N")).upper()],
            stopbits=int(values.get("stopbits", 1)),
        )
    except (KeyError, ValueError) as exc:
        raise BadDeviceUrl(
            f"{key}: bad serial setting in {url!r}: {exc}", device=device, url=url
        ) from exc
    unknown = set(values) - {"baudrate", "bytesize", "parity", "stopbits"}
    if unknown:
        raise BadDeviceUrl(
            f"{key}: unknown serial setting {', '.join(sorted(unknown))} in {url!r}",
            device=device,
            url=url,
        )
    return params


# Each printer URL scheme and the transport that carries its bytes, one module each.
PRINTER_TRANSPORTS: dict[str, type[Transport]] = {
    "tcp": TcpTransport,
    "serial": SerialTransport,
    "usb": UsbTransport,
    "file": FileTransport,
    "cups": CupsTransport,
    "lp": LpTransport,
    "win32": Win32Transport,
    "dummy": DummyTransport,
}
PRINTER_SCHEMES = tuple(PRINTER_TRANSPORTS)


@dataclass(frozen=True)
class PrinterUrl:
    """A parsed ``printer.url``; ``name`` is the file path, queue or Windows printer name."""

    scheme: str
    host: str = ""
    port: int = 9100
    name: str = ""
    vendor: int = 0
    product: int = 0
    serial: SerialParams | None = None


def parse_printer_url(url: str) -> PrinterUrl:
    """``tcp://HOST:9100``, ``serial://...``, ``usb://VID:PID``, ``file:///dev/usb/lp0``,
    ``cups://QUEUE``, ``lp://QUEUE``, ``win32://NAME`` or ``dummy:``."""
    scheme = url.split(":", 1)[0].lower()
    if scheme not in PRINTER_SCHEMES or ":" not in url:
        raise BadDeviceUrl(
            f"printer.url: {url!r}: use tcp://, serial://, usb://, file://, cups://, lp://, "
            "win32:// or dummy:",
            device="printer",
            url=url,
        )
    if scheme == "serial":
        return PrinterUrl(scheme, serial=parse_serial(url, device="printer"))
    if scheme == "dummy":
        return PrinterUrl(scheme)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # a port that is not a number or out of range
        raise BadDeviceUrl(f"printer.url: {url!r}: {exc}", device="printer", url=url) from exc
    if scheme == "tcp":
        if not parts.hostname:
            raise BadDeviceUrl(f"printer.url: {url!r} names no host", device="printer", url=url)
        return PrinterUrl(scheme, host=parts.hostname, port=port or 9100)
    if scheme == "usb":
        try:
            vendor, product = (int(part, 16) for part in parts.netloc.split(":"))
        except ValueError as exc:
            raise BadDeviceUrl(
                f"printer.url: {url!r}: expected usb://VID:PID in hex", device="printer", url=url
            ) from exc
        return PrinterUrl(scheme, vendor=vendor, product=product)
    if scheme == "file":
        path = unquote(parts.path)
        if not path:
            raise BadDeviceUrl(f"printer.url: {url!r} names no file", device="printer", url=url)
        return PrinterUrl(scheme, name=path)
    return PrinterUrl(scheme, name=unquote(parts.netloc))  # empty: the system's default


def printer_transport(
    url: str, *, profile: str = "", parsed: PrinterUrl | None = None
) -> Transport:
    """The transport for the printer at ``url`` (not opened yet); raises ``BadDeviceUrl``.
    ``parsed`` is ``url`` already parsed, when the caller has it."""
    target = parsed or parse_printer_url(url)
    return PRINTER_TRANSPORTS[target.scheme](target, url=url, profile=profile)


def check_url(device: str, url: str, *, defaults: dict | None = None) -> None:
    """Raise ``BadDeviceUrl`` if ``url`` is not a valid URL for ``device``'s config key."""
    if device == "printer":
        parse_printer_url(url)
    else:
        parse_serial(url, device=device, defaults=defaults)


def open_error(exc: BaseException) -> str:
    """A short reason for a port that would not open ("No such file or directory")."""
    errno = getattr(exc, "errno", None)
    if isinstance(errno, int) and errno > 0:
        return os.strerror(errno)
    return str(exc)
