"""A receipt as a list of printable elements, and column arithmetic where a Chinese
character takes two columns.

The same ``ReceiptDoc`` feeds the printer (printing.escpos_out) and the on-screen preview
(``receipt_text``), so what the cashier sees is what the paper gets.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Text:
    """One printed line, already fitted to the width. ``tall`` is double height only,
    so it never changes the column count."""

    text: str
    align: Align = "left"
    bold: bool = False
    tall: bool = False


@dataclass(frozen=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True)
class Barcode:
    """CODE128 of ``data`` with the human-readable text printed below."""

    data: str


@dataclass(frozen=True)
class QRCode:
    data: str


@dataclass(frozen=True)
class Logo:
    """An image file printed centred as a raster; skipped if it cannot be read."""

    path: str


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Cut:
    partial: bool = True


Element = Text | Rule | Barcode | QRCode | Logo | Feed | Cut


@dataclass(frozen=True)
class ReceiptDoc:
    width_cols: int
    elements: tuple[Element, ...] = field(default_factory=tuple)
    ref: str = ""  # the receipt number, for log lines
    codec: str | None = None  # laid out for a printer with this encoding (layout_codec)


# -- column arithmetic ---------------------------------------------------------------------
#
# Widths are counted on what the printer is sent for its encoding (``codec``). A printer in
# Chinese mode (gb18030, gbk) prints every character that encodes to two or more bytes as two
# columns, “ ” · × — ① ℃ included. A single-byte code page (cp437, cp858) prints one column
# a byte, after the substitutions below (full-width ￥ goes out as Y: one column); a character
# it lacks goes out as ? per column. Without a codec (the customer display) East Asian wide
# and full-width characters take two columns and the rest one.

CHINESE_CODECS = ("gb18030", "gbk")
SINGLE_BYTE_CODECS = ("cp437", "cp858")

# Characters a printer's font lacks or a codec maps badly, replaced before encoding.
SUBSTITUTES = {
    "gb18030": {"¥": "￥"},  # GB18030 encodes ¥ as 4 bytes GBK firmware prints as garbage
    "gbk": {"¥": "￥"},
    "cp437": {"￥": "Y", "：": ":", "，": ",", "、": ","},
    "cp858": {"￥": "Y", "：": ":", "，": ",", "、": ","},
}


def layout_codec(encoding: str) -> str | None:
    """The codec that sets column widths for a printer ``encoding``; None if unknown."""
    return encoding if encoding in SUBSTITUTES else None


def substitute(text: str, codec: str | None) -> str:
    """``text`` with the characters ``codec``'s printers get in their place (see above)."""
    for old, new in SUBSTITUTES.get(codec or "", {}).items():
        if old in text:
            text = text.replace(old, new)
    return text


@lru_cache(maxsize=8192)
def char_width(ch: str, codec: str | None = None) -> int:
    """Printer columns of one character (see above); 0 for combining marks without a codec."""
    if codec is None:
        if unicodedata.combining(ch):
            return 0
        return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    if ch.isascii():
        return 1
    sent = substitute(ch, codec)
    if codec in SINGLE_BYTE_CODECS:  # one column a byte
        try:
            return len(sent.encode(codec))
        except UnicodeEncodeError:
            return max(1, char_width(sent))  # printed as ? per column
    try:
        return 1 if len(sent.encode(codec)) == 1 else 2
    except UnicodeEncodeError:
        return 2  # printed as "??"


def text_width(text: str, codec: str | None = None) -> int:
    if text.isascii():
        return len(text)
    return sum(char_width(ch, codec) for ch in text)


def clip(text: str, width: int, codec: str | None = None) -> str:
    """The longest start of ``text`` that fits in ``width`` columns."""
    if text_width(text, codec) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = char_width(ch, codec)
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out)


def wrap(text: str, width: int, codec: str | None = None) -> list[str]:
    """Split ``text`` into lines of at most ``width`` columns (never splitting a character)."""
    lines = []
    while text_width(text, codec) > width:
        head = clip(text, width, codec)
        cut = head.rfind(" ")
        if cut > width // 2 and head.isascii():
            head = head[:cut]
        lines.append(head.rstrip())
        text = text[len(head) :].lstrip()
    lines.append(text)
    return lines


def align(text: str, width: int, how: Align, codec: str | None = None) -> str:
    """``text`` padded with spaces on the left so it sits left, centred or right."""
    text = clip(text, width, codec)
    room = width - text_width(text, codec)
    if how == "center":
        return " " * (room // 2) + text
    if how == "right":
        return " " * room + text
    return text


def two_columns(left: str, right: str, width: int, codec: str | None = None) -> str:
    """``left`` and ``right`` on one line, ``right`` flush to the edge; ``left`` is clipped
    to keep at least one space between them."""
    right_w = text_width(right, codec)
    left = clip(left, max(0, width - right_w - 1), codec)
    return left + " " * (width - text_width(left, codec) - right_w) + right


# -- preview -------------------------------------------------------------------------------


def receipt_text(doc: ReceiptDoc) -> str:
    """The receipt as plain text, line for line what the printer prints."""
    width, codec = doc.width_cols, doc.codec
    out: list[str] = []
    for element in doc.elements:
        if isinstance(element, Text):
            out.append(substitute(align(element.text, width, element.align, codec), codec))
        elif isinstance(element, Rule):
            out.append(element.char * width)
        elif isinstance(element, Barcode):
            out.append(align(f"||||| {element.data} |||||", width, "center", codec))
        elif isinstance(element, QRCode):
            out.append(align(f"[QR {element.data}]", width, "center", codec))
        elif isinstance(element, Logo):
            out.append(align("[logo]", width, "center"))
        elif isinstance(element, Feed):
            out.extend([""] * element.lines)
        elif isinstance(element, Cut):
            out.append("=" * width)
    return "\n".join(line.rstrip() for line in out) + "\n"
