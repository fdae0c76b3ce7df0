"""A ``ReceiptDoc`` as ESC/POS bytes, with the text encoded here, never by python-escpos.

Chinese printers get ``ESC @`` (reset: clears any code-page state), ``FS &`` (Chinese
mode), then GB18030 (or GBK for older firmware). Latin-only printers get ``ESC @``,
``ESC t n`` and a single-byte code page, and never ``FS &``. A character the encoding
lacks prints as ``?`` repeated to its column width, so columns stay aligned.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from printing.layout import (
    Barcode,
    Cut,
    Feed,
    Logo,
    QRCode,
    ReceiptDoc,
    Rule,
    Text,
    align,
    char_width,
    layout_codec,
    receipt_text,
    substitute,
)

log = logging.getLogger(__name__)
DOTS_PER_COLUMN = 12  # font A: 32 columns on 384 dots (58 mm), 48 on 576 (80 mm)

ESC, GS, FS, DLE, LF = b"\x1b", b"\x1d", b"\x1c", b"\x10", b"\n"

RESET = ESC + b"@"
CHINESE_ON = FS + b"&"
STATUS_PRINTER = DLE + b"\x04\x01"  # DLE EOT 1: online, drawer sensor
STATUS_OFFLINE_CAUSE = DLE + b"\x04\x02"  # DLE EOT 2: cover open, paper-end stop
STATUS_PAPER = DLE + b"\x04\x04"  # DLE EOT 4: paper roll sensor


@dataclass(frozen=True)
class Encoding:
    """How text reaches a printer model: quirks as data, not branches on names."""

    codec: str
    chinese_mode: bool
    codepage: int | None = None  # ESC t n for single-byte printers


ENCODINGS = {
    "gb18030": Encoding("gb18030", chinese_mode=True),
    "gbk": Encoding("gbk", chinese_mode=True),
    "cp437": Encoding("cp437", chinese_mode=False, codepage=0),
    "cp858": Encoding("cp858", chinese_mode=False, codepage=19),
}

# Control characters in a product or shop name would be commands to the printer (ESC p is
# a drawer kick): each becomes a space.
_CONTROLS = {c: " " for c in (*range(0x20), 0x7F)}


def encode_text(text: str, encoding: str) -> bytes:
    """``text`` in the printer's encoding; unknown characters become ``?`` per column."""
    enc = ENCODINGS[encoding]
    text = substitute(text.translate(_CONTROLS), encoding)
    try:
        return text.encode(enc.codec)
    except UnicodeEncodeError:
        out = bytearray()
        for ch in text:
            try:
                out += ch.encode(enc.codec)
            except UnicodeEncodeError:
                out += b"?" * max(1, char_width(ch, encoding))
        return bytes(out)


def printed_text(doc: ReceiptDoc, *, encoding: str) -> str:
    """The receipt's text as a printer with ``encoding`` prints it: the preview's text,
    with each character the encoding lacks shown as the ``?`` the paper gets."""
    codec = ENCODINGS[encoding].codec
    lines = receipt_text(doc).splitlines()
    return "\n".join(encode_text(line, encoding).decode(codec) for line in lines) + "\n"


def preamble(encoding: str) -> bytes:
    enc = ENCODINGS[encoding]
    if enc.chinese_mode:
        return RESET + CHINESE_ON
    return RESET + ESC + b"t" + bytes([enc.codepage or 0])


def drawer_kick(pin: int, *, realtime: bool = False) -> bytes:
    """Pulse the drawer connector: ``ESC p m t1 t2`` (m 0 = pin 2, 1 = pin 5; 50 ms on,
    500 ms off), or ``DLE DC4 1 m t`` which a printer obeys even while offline."""
    m = 0 if pin == 2 else 1
    if realtime:
        return DLE + b"\x14\x01" + bytes([m, 1])
    return ESC + b"p" + bytes([m, 25, 250])


def barcode128(data: str) -> bytes:
    """CODE128 set B with the text printed below, centred."""
    payload = b"{B" + data.encode("ascii")
    return (
        ESC + b"a\x01"
        + GS + b"h\x50"  # 80 dots high
        + GS + b"w\x02"  # module width 2
        + GS + b"H\x02"  # HRI below
        + GS + b"f\x00"
        + GS + b"k\x49" + bytes([len(payload)]) + payload
        + LF
        + ESC + b"a\x00"
    )  # fmt: skip


def qr_native(data: str, *, size: int = 6) -> bytes:
    """The printer's own QR command (``GS ( k``), model 2, error correction M, centred."""
    body = data.encode("utf-8")

    def fn(code: int, args: bytes) -> bytes:
        n = len(args) + 2
        return GS + b"(k" + bytes([n & 0xFF, n >> 8, 0x31, code]) + args

    return (
        ESC + b"a\x01"
        + fn(65, b"\x32\x00")  # model 2
        + fn(67, bytes([size]))
        + fn(69, b"\x31")  # error correction M
        + fn(80, b"\x30" + body)  # store
        + fn(81, b"\x30")  # print
        + LF
        + ESC + b"a\x00"
    )  # fmt: skip


@lru_cache(maxsize=4)
def raster_image(path: str, max_width_dots: int) -> bytes:
    """``GS v 0`` raster of an image file, scaled down to the paper, centred; empty (and a
    log line) when the file cannot be read, so a lost logo never stops a receipt."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            img = img.convert("L")
            if img.width > max_width_dots:
                img = img.resize((max_width_dots, img.height * max_width_dots // img.width))
    except (OSError, UnidentifiedImageError) as exc:
        log.warning("receipt logo %s not printed: %s", path, exc)
        return b""
    width_bytes = (img.width + 7) // 8
    canvas = Image.new("L", (width_bytes * 8, img.height), 255)  # whole bytes, white padding
    canvas.paste(img, (0, 0))
    bits = canvas.point(lambda v: 255 if v < 128 else 0).convert("1")  # 1 = burn a dot
    header = bytes([width_bytes & 0xFF, width_bytes >> 8, img.height & 0xFF, img.height >> 8])
    return ESC + b"a\x01" + GS + b"v0\x00" + header + bits.tobytes() + LF + ESC + b"a\x00"


def cut(*, partial: bool = True) -> bytes:
    """Feed three lines and cut (``GS V 66 3`` partial, ``GS V 65 3`` full)."""
    return GS + b"V" + bytes([66 if partial else 65, 3])


def doc_to_escpos(doc: ReceiptDoc, *, encoding: str = "gb18030") -> bytes:
    """The whole job: preamble, every element, and the cut the layout asks for."""
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown printer encoding {encoding!r}")
    width, codec = doc.width_cols, layout_codec(encoding)
    out = bytearray(preamble(encoding))
    for element in doc.elements:
        if isinstance(element, Text):
            line = encode_text(align(element.text, width, element.align, codec), encoding)
            if element.bold or element.tall:
                style = (ESC + b"E\x01" if element.bold else b"") + (
                    GS + b"!\x01" if element.tall else b""
                )
                out += style + line + LF + ESC + b"E\x00" + GS + b"!\x00"
            else:
                out += line + LF
        elif isinstance(element, Rule):
            out += encode_text(element.char * width, encoding) + LF
        elif isinstance(element, Barcode):
            out += barcode128(element.data)
        elif isinstance(element, QRCode):
            out += qr_native(element.data)
        elif isinstance(element, Logo):
            out += raster_image(element.path, width * DOTS_PER_COLUMN)
        elif isinstance(element, Feed):
            out += ESC + b"d" + bytes([element.lines])
        elif isinstance(element, Cut):
            out += cut(partial=element.partial)
    return bytes(out)
