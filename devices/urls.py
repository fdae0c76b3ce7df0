"""Device URLs from config.toml: ``serial:///dev/ttyUSB0?baudrate=9600&parity=E``..."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from devices.errors import BadDeviceUrl, DeviceUnavailable

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
    parts = urlsplit(url)
    if parts.scheme != "serial":
        raise BadDeviceUrl(f"{device}: {url!r} is not a serial:// URL", device=device, url=url)
    port = parts.netloc + parts.path if parts.netloc else parts.path
    if not port:
        raise BadDeviceUrl(f"{device}: {url!r} names no port", device=device, url=url)
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
            f"{device}: bad serial setting in {url!r}: {exc}", device=device, url=url
        ) from exc
    unknown = set(values) - {"baudrate", "bytesize", "parity", "stopbits"}
    if unknown:
        raise BadDeviceUrl(
            f"{device}: unknown serial setting {', '.join(sorted(unknown))} in {url!r}",
            device=device,
            url=url,
        )
    return params


def open_error(exc: BaseException) -> str:
    """A short reason for a port that would not open ("No such file or directory")."""
    errno = getattr(exc, "errno", None)
    if isinstance(errno, int) and errno > 0:
        return os.strerror(errno)
    return str(exc)
