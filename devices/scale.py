"""A counter scale over serial; only a stable weight is ever returned, in whole grams.

``toledo8217``: Mettler Toledo 8217 (9600 7E1 by default). The till sends ``W``; the scale
answers ``STX weight CR`` (kilograms, e.g. ``01.250``) or ``STX ? status CR`` while moving
(bit 0), over capacity (bit 1) or under zero (bit 2).
``cas``: CAS continuous output, a line per reading: ``ST,GS,+  1.250kg`` (ST stable, US
unstable, OL overload; GS gross, NT net).
"""

from __future__ import annotations

import logging
import re
import time

from devices.errors import DeviceUnavailable, ScaleFault, ScaleUnstable
from devices.urls import parse_serial

log = logging.getLogger(__name__)

STX, CR = b"\x02", b"\r"
DEFAULTS = {"toledo8217": {"bytesize": 7, "parity": "E"}, "cas": {}}
_CAS = re.compile(r"^(ST|US|OL),(GS|NT),([+-])\s*([\d.]+)\s*(kg|g|lb)?$")


def weight_to_grams(text: str, unit: str = "kg") -> int:
    """``"01.250"`` kg to 1250 g, without floats; ``"750"`` g stays 750."""
    text = text.strip()
    if not re.fullmatch(r"\d+(\.\d+)?", text):
        raise ScaleFault(f"scale: unreadable weight {text!r}", device="scale")
    whole, _, frac = text.partition(".")
    if unit == "g":
        return int(whole)
    if unit != "kg":
        raise ScaleFault(
            f"scale: unit {unit} is not supported; set the scale to kg", device="scale"
        )
    return int(whole) * 1000 + int((frac + "000")[:3])


def parse_toledo(reply: bytes) -> int:
    """One 8217 reply (without the CR) to grams; raises for motion or a fault."""
    body = reply.lstrip(STX).decode("ascii", errors="replace").strip()
    if body.startswith("?"):
        status = ord(body[1]) if len(body) > 1 else 0
        if status & 0x02:
            raise ScaleFault("scale: over capacity", device="scale", fault="over")
        if status & 0x04:
            raise ScaleFault("scale: under zero", device="scale", fault="under")
        raise ScaleUnstable("scale: weight not stable yet", device="scale")
    return weight_to_grams(body.removesuffix("kg").strip())


def parse_cas(line: bytes) -> int | None:
    """One CAS line to grams when stable; None while unstable."""
    text = line.decode("ascii", errors="replace").strip()
    match = _CAS.match(text)
    if not match:
        raise ScaleFault(f"scale: unreadable line {text!r}", device="scale", fault="unreadable")
    state, _, sign, value, unit = match.groups()
    if state == "OL":
        raise ScaleFault("scale: overload", device="scale", fault="over")
    if state == "US":
        return None
    grams = weight_to_grams(value, unit or "kg")
    if sign == "-" and grams:
        raise ScaleFault("scale: under zero", device="scale", fault="under")
    return grams


class Scale:
    def __init__(self, url: str, *, protocol: str = "toledo8217") -> None:
        self.protocol = protocol
        self.params = parse_serial(url, device="scale", defaults=DEFAULTS[protocol])
        self.url = url
        self.last_error = ""
        self._port = None

    def open(self) -> None:
        try:
            self._port = self.params.open_device(device="scale", url=self.url, timeout=0.2)
        except DeviceUnavailable as exc:
            self.last_error = exc.reason
            raise

    def close(self) -> None:
        if self._port is not None:
            self._port.close()
            self._port = None

    @property
    def is_open(self) -> bool:
        return self._port is not None

    def read_grams(self, *, timeout: float = 2.0) -> int:
        """A stable weight in grams; ScaleUnstable if none within ``timeout`` seconds."""
        import serial

        if self._port is None:
            raise DeviceUnavailable(f"scale {self.params.port} is not open", device="scale")
        deadline = time.monotonic() + timeout
        try:
            if self.protocol == "toledo8217":
                return self._read_toledo(deadline)
            return self._read_cas(deadline)
        except (serial.SerialException, OSError) as exc:
            self.last_error = str(exc)
            raise DeviceUnavailable(f"scale {self.params.port}: {exc}", device="scale") from exc

    def _read_toledo(self, deadline: float) -> int:
        while True:
            self._port.reset_input_buffer()
            self._port.write(b"W")
            reply = self._port.read_until(CR)
            if not reply.endswith(CR):
                if time.monotonic() > deadline:
                    raise DeviceUnavailable("scale: no answer to W", device="scale")
                continue
            try:
                return parse_toledo(reply[:-1])
            except ScaleUnstable:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def _read_cas(self, deadline: float) -> int:
        self._port.reset_input_buffer()
        heard = False
        while time.monotonic() <= deadline:
            line = self._port.read_until(b"\n")
            if not line.strip():
                continue
            heard = True
            try:
                grams = parse_cas(line)
            except ScaleFault as exc:
                if exc.fault != "unreadable":
                    raise
                continue  # the tail of a line cut by the buffer reset

            if grams is not None:
                return grams
        if not heard:
            raise DeviceUnavailable("scale: no readings on the line", device="scale")
        raise ScaleUnstable("scale: weight not stable yet", device="scale")


def weigh_onto_ticket(till, scale: Scale, *, product_id: int, timeout: float = 2.0):
    """Put a product sold by weight on the till's ticket at the scale's stable weight.

    The quantity is the weight in grams, which is thousandths of a kilogram: the unit the
    catalog prices weighed goods in. Returns the till's ScanResult.
    """
    from app import catalog
    from app.errors import InvalidQuantity, UserInputError

    product = catalog.by_id(till.store, product_id)
    if product is None or not product.weighed:
        raise UserInputError("this product is not sold by weight", product_id=product_id)
    grams = scale.read_grams(timeout=timeout)
    if grams <= 0:
        raise InvalidQuantity("the scale shows no weight", name=product.name)
    return till.add_product(product_id, qty_milli=grams)
