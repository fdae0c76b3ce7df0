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


# -- column arithmetic ---------------------------------------------------------------------


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Printer columns of one character: 2 for CJK and full-width forms, 0 for combining."""
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(char_width(ch) for ch in text)


def clip(text: str, width: int) -> str:
    """The longest start of ``text`` that fits in ``width`` columns."""
    if text_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out)


def wrap(text: str, width: int) -> list[str]:
    """Split ``text`` into lines of at most ``width`` columns (never splitting a character)."""
    lines = []
    while text_width(text) > width:
        head = clip(text, width)
        cut = head.rfind(" ")
        if cut > width // 2 and head.isascii():
            head = head[:cut]
        lines.append(head.rstrip())
        text = text[len(head) :].lstrip()
    lines.append(text)
    return lines


def align(text: str, width: int, how: Align) -> str:
    """``text`` padded with spaces on the left so it sits left, centred or right."""
    text = clip(text, width)
    room = width - text_width(text)
    if how == "center":
        return " " * (room // 2) + text
    if how == "right":
        return " " * room + text
    return text


def two_columns(left: str, right: str, width: int) -> str:
    """``left`` and ``right`` on one line, ``right`` flush to the edge; ``left`` is clipped
    to keep at least one space between them."""
    right_w = text_width(right)
    left = clip(left, max(0, width - right_w - 1))
    return left + " " * (width - text_width(left) - right_w) + right


# -- preview -------------------------------------------------------------------------------


def receipt_text(doc: ReceiptDoc) -> str:
    """The receipt as plain text, line for line what the printer prints."""
    width = doc.width_cols
    out: list[str] = []
    for element in doc.elements:
        if isinstance(element, Text):
            out.append(align(element.text, width, element.align))
        elif isinstance(element, Rule):
            out.append(element.char * width)
        elif isinstance(element, Barcode):
            out.append(align(f"||||| {element.data} |||||", width, "center"))
        elif isinstance(element, QRCode):
            out.append(align(f"[QR {element.data}]", width, "center"))
        elif isinstance(element, Logo):
            out.append(align("[logo]", width, "center"))
        elif isinstance(element, Feed):
            out.extend([""] * element.lines)
        elif isinstance(element, Cut):
            out.append("=" * width)
    return "\n".join(line.rstrip() for line in out) + "\n"
