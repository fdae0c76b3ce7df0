"""The delivery slip (送货单) as a PDF, A4 or A5.

Every page carries the shop header, the slip number as a Code128 barcode and "page x of y";
the first page has the customer block, the lines table repeats its column heads on each
page, and the totals (figures and 大写), notes and signature boxes stay together at the end.

Chinese needs a font: a TrueType CJK font found on the system is embedded (as a subset), so
the slip prints the same anywhere. Only when none is found does the slip fall back to
reportlab's built-in ``STSong-Light``, which is not embedded: the viewer must have a CJK
font. ``cjk_font()`` says which was used.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.config import Config
from app.delivery import Delivery
from app.money import amount_in_words, format_money, format_quantity

log = logging.getLogger(__name__)

PAPER = {"A4": A4, "A5": A5}
CELL_PADDING = 3  # points, left and right in the lines table
FALLBACK_FONT = "STSong-Light"
_WINDIR = os.environ.get("WINDIR", r"C:\Windows")
# (path, subfont index). TrueType outlines only: reportlab cannot read CFF (.otf) fonts.
CJK_FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),  # Fedora, Arch
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    (os.path.join(_WINDIR, "Fonts", "simsun.ttc"), 0),
    (os.path.join(_WINDIR, "Fonts", "msyh.ttc"), 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
)


@dataclass(frozen=True)
class FontChoice:
    name: str  # the name registered with reportlab
    path: str  # the font file, or "" for the built-in CID font
    embedded: bool

    def describe(self) -> str:
        if self.embedded:
            return f"{self.path} (embedded)"
        return f"{self.name} (built-in, not embedded: the viewer needs a CJK font)"


@dataclass(frozen=True)
class Shop:
    name: str
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class SlipPdf:
    data: bytes
    pages: int
    font: FontChoice


def cjk_font(candidates: Sequence[tuple[str, int]] | None = None) -> FontChoice:
    """The first usable TrueType CJK font among ``candidates``, registered once per process;
    reportlab's built-in CID font when there is none."""
    return _register(tuple(CJK_FONT_CANDIDATES if candidates is None else candidates))


@cache
def _register(candidates: tuple[tuple[str, int], ...]) -> FontChoice:
    for path, subfont in candidates:
        if not Path(path).is_file():
            continue
        name = f"TillbookCJK-{Path(path).stem}-{subfont}"
        try:
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=subfont))
        except (TTFError, OSError) as exc:
            log.warning("CJK font %s not usable for slips: %s", path, exc)
            continue
        log.info("slips use the CJK font %s", path)
        return FontChoice(name, path, True)
    log.warning("no TrueType CJK font found; slips use %s, not embedded", FALLBACK_FONT)
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    return FontChoice(FALLBACK_FONT, "", False)


# -- words -----------------------------------------------------------------------------------

LABELS = {
    "zh": {
        "title": "送货单",
        "number": "单号",
        "customer": "客户",
        "phone": "电话",
        "address": "地址",
        "date": "开单日期",
        "delivery_date": "送货日期",
        "receipt": "销售单号",
        "no": "序号",
        "sku": "编码",
        "name": "品名",
        "spec": "规格",
        "unit": "单位",
        "qty": "数量",
        "price": "单价",
        "amount": "金额",
        "total": "合计",
        "in_words": "金额大写",
        "lines": "共 {count} 项",
        "notes": "备注",
        "sender": "送货人签字",
        "receiver": "收货人签字",
        "sign_date": "日期",
        "page": "第 {page} 页 / 共 {pages} 页",
    },
    "en": {
        "title": "Delivery slip 送货单",
        "number": "No.",
        "customer": "Customer",
        "phone": "Phone",
        "address": "Address",
        "date": "Date",
        "delivery_date": "Deliver on",
        "receipt": "Receipt",
        "no": "#",
        "sku": "SKU",
        "name": "Name",
        "spec": "Specification",
        "unit": "Unit",
        "qty": "Qty",
        "price": "Unit price",
        "amount": "Amount",
        "total": "Total",
        "in_words": "In words (大写)",
        "lines": "{count} lines",
        "notes": "Notes",
        "sender": "Sent by (signature)",
        "receiver": "Received by (signature)",
        "sign_date": "Date",
        "page": "Page {page} of {pages} (第 {page} 页 / 共 {pages} 页)",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """``zh_CN``, ``zh`` or empty give Chinese labels; anything starting ``en`` English."""
    return LABELS["en" if language.lower().startswith("en") else "zh"]


# -- rendering -------------------------------------------------------------------------------


def render(
    delivery: Delivery,
    shop: Shop,
    *,
    paper: str = "A4",
    prices: bool = True,
    language: str = "zh",
    font: FontChoice | None = None,
) -> SlipPdf:
    """The slip as PDF bytes."""
    if paper not in PAPER:
        raise ValueError(f"paper must be one of {', '.join(PAPER)}")
    font = font or cjk_font()
    words = labels_for(language)
    layout = _Layout(PAPER[paper], font.name)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=layout.size,
        leftMargin=layout.margin,
        rightMargin=layout.margin,
        topMargin=layout.margin + layout.header_height,
        bottomMargin=layout.margin + layout.footer_height,
        title=f"{words['title']} {delivery.number}",
        author=shop.name,
        subject=delivery.number,
    )
    story = [
        _customer_block(delivery, words, layout),
        Spacer(1, 3 * mm),
        _lines_table(delivery, words, layout, prices=prices, width=doc.width),
        Spacer(1, 3 * mm),
        KeepTogether(_closing(delivery, words, layout, prices=prices, width=doc.width)),
    ]
    pages: list[int] = []

    def header(canvas: pdfcanvas.Canvas, _doc: object) -> None:
        _draw_header(canvas, delivery, shop, words, layout)

    def make_canvas(*args: object, **kwargs: object) -> _PagedCanvas:
        return _PagedCanvas(*args, footer=(words["page"], layout), pages=pages, **kwargs)

    doc.build(story, onFirstPage=header, onLaterPages=header, canvasmaker=make_canvas)
    return SlipPdf(buffer.getvalue(), pages[0] if pages else 0, font)


def write(path: str | Path, delivery: Delivery, shop: Shop, **options: object) -> SlipPdf:
    """Render the slip and save it to ``path``."""
    slip = render(delivery, shop, **options)
    save(path, slip.data)
    return slip


def save(path: str | Path, data: bytes) -> None:
    """Write a PDF through a temporary file renamed into place, so a reader never finds half
    a file where a slip should be."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


class _Layout:
    """Sizes that follow the paper: A5 gets smaller type and a shorter header."""

    def __init__(self, size: tuple[float, float], font: str) -> None:
        self.size = size
        self.font = font
        small = size[0] < A4[0]
        self.margin = (10 if small else 15) * mm
        self.header_height = (24 if small else 28) * mm
        self.footer_height = 8 * mm
        self.base = 8 if small else 9.5
        self.title_size = 14 if small else 18
        self.bar_height = (9 if small else 11) * mm
        self.bar_width = 0.26 * mm if small else 0.3 * mm
        self.cell = ParagraphStyle(
            "cell", fontName=font, fontSize=self.base, leading=self.base * 1.25, wordWrap="CJK"
        )
        # A total never breaks inside: "¥1540.00" over two lines reads as two numbers.
        self.cell_right = ParagraphStyle(
            "cell_right", parent=self.cell, alignment=TA_RIGHT, wordWrap=None
        )


def _draw_header(
    canvas: pdfcanvas.Canvas, delivery: Delivery, shop: Shop, words: dict, layout: _Layout
) -> None:
    width, height = layout.size
    left, right = layout.margin, width - layout.margin
    top = height - layout.margin
    canvas.saveState()
    canvas.setFont(layout.font, layout.title_size)
    canvas.drawString(left, top - layout.title_size, shop.name)
    canvas.setFont(layout.font, layout.base)
    contact = "  ".join(part for part in (shop.address, shop.phone) if part)
    y = top - layout.title_size - layout.base * 1.6
    if contact:
        canvas.drawString(left, y, contact)
        y -= layout.base * 1.5
    canvas.setFont(layout.font, layout.title_size * 0.85)
    canvas.drawString(left, y - layout.title_size * 0.6, words["title"])

    barcode = Code128(
        delivery.number, barHeight=layout.bar_height, barWidth=layout.bar_width, quiet=True
    )
    barcode.drawOn(canvas, right - barcode.width, top - layout.bar_height)
    canvas.setFont(layout.font, layout.base)
    canvas.drawRightString(
        right, top - layout.bar_height - layout.base * 1.3, f"{words['number']} {delivery.number}"
    )
    rule_y = height - layout.margin - layout.header_height + 2 * mm
    canvas.setLineWidth(0.8)
    canvas.line(left, rule_y, right, rule_y)
    canvas.restoreState()


class _PagedCanvas(pdfcanvas.Canvas):
    """Holds each page until the end, so every footer can say how many pages there are."""

    def __init__(self, *args, footer: tuple[str, _Layout], pages: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict] = []
        self._footer, self._layout = footer
        self._pages = pages

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        self._pages.append(total)
        for number, state in enumerate(self._saved, 1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, page: int, pages: int) -> None:
        layout = self._layout
        width = layout.size[0]
        self.saveState()
        self.setFont(layout.font, layout.base * 0.9)
        self.drawCentredString(
            width / 2, layout.margin, self._footer.format(page=page, pages=pages)
        )
        self.restoreState()


def _customer_block(delivery: Delivery, words: dict, layout: _Layout) -> Table:
    p = Paragraph
    cell = layout.cell

    def pair(key: str, value: str) -> list:
        return [p(words[key], cell), p(_escape(value) or "-", cell)]

    rows = [
        pair("customer", delivery.customer_name) + pair("phone", delivery.phone),
        pair("address", delivery.address) + pair("date", delivery.created_day),
    ]
    extra = []
    if delivery.delivery_date:
        extra += pair("delivery_date", delivery.delivery_date)
    if delivery.receipt_no:
        extra += pair("receipt", delivery.receipt_no)
    if extra:
        rows.append(extra + [""] * (4 - len(extra)))
    width = layout.size[0] - 2 * layout.margin
    table = Table(rows, colWidths=[0.12 * width, 0.48 * width, 0.14 * width, 0.26 * width])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TEXTCOLOR", (0, 0), (0, -1), colors.dimgrey),
                ("TEXTCOLOR", (2, 0), (2, -1), colors.dimgrey),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _lines_table(
    delivery: Delivery, words: dict, layout: _Layout, *, prices: bool, width: float
) -> Table:
    heads = ["no", "sku", "name", "spec", "unit", "qty"] + (["price", "amount"] if prices else [])
    fractions = (
        [0.065, 0.12, 0.265, 0.15, 0.07, 0.08, 0.11, 0.14]
        if prices
        else [0.075, 0.16, 0.40, 0.18, 0.08, 0.105]
    )
    widths = [f * width for f in fractions]
    # Plain strings wherever the text fits: a Paragraph per cell costs most of the time
    # of a long slip, and only a long name or specification needs wrapping.
    fit_name = _fitter(layout, widths[2] - 2 * CELL_PADDING)
    fit_spec = _fitter(layout, widths[3] - 2 * CELL_PADDING)
    rows = [[words[h] for h in heads]]
    for line in delivery.lines:
        row = [
            str(line.line_no),
            line.sku,
            fit_name(line.name),
            fit_spec(line.specification),
            line.unit,
            format_quantity(line.qty_milli),
        ]
        if prices:
            row += [format_money(line.unit_price), format_money(line.amount)]
        rows.append(row)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), layout.font),
                ("FONTSIZE", (0, 0), (-1, -1), layout.base),
                ("LEADING", (0, 0), (-1, -1), layout.base * 1.25),
                ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#3a4a5c")),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (4, 1), (4, -1), "CENTER"),
                ("ALIGN", (5, 1), (-1, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f4f7")]),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ]
        )
    )
    return table


def _fitter(layout: _Layout, room: float):
    """A cell value for text in a column ``room`` points wide: the string itself if it fits
    on one line, else a Paragraph that wraps (between any two CJK characters)."""

    def fit(text: str):
        if pdfmetrics.stringWidth(text, layout.font, layout.base) <= room:
            return text
        return Paragraph(_escape(text), layout.cell)

    return fit


def _closing(
    delivery: Delivery, words: dict, layout: _Layout, *, prices: bool, width: float
) -> list:
    p, cell = Paragraph, layout.cell
    parts = []
    count = words["lines"].format(count=len(delivery.lines))
    if prices:
        totals = Table(
            [
                [
                    p(words["total"], cell),
                    p(count, cell),
                    p(format_money(delivery.total), layout.cell_right),
                ],
                [
                    p(words["in_words"], cell),
                    p(amount_in_words(delivery.total), cell),
                    "",
                ],
            ],
            colWidths=[0.16 * width, 0.54 * width, 0.30 * width],
        )
        totals.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                    ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.grey),
                    ("SPAN", (1, 1), (2, 1)),
                ]
            )
        )
        parts.append(totals)
    else:
        parts.append(p(f"{words['total']}: {count}", cell))
    if delivery.notes:
        parts += [Spacer(1, 2 * mm), p(f"{words['notes']}: {_escape(delivery.notes)}", cell)]
    parts.append(Spacer(1, 4 * mm))
    box_height = 18 * mm

    def box(key: str) -> list:
        return [p(words[key], cell), Spacer(1, box_height), p(f"{words['sign_date']}:", cell)]

    signatures = Table([[box("sender"), box("receiver")]], colWidths=[width / 2, width / 2])
    signatures.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (0, 0), 0.6, colors.black),
                ("BOX", (1, 0), (1, 0), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    parts.append(signatures)
    return parts


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_with_config(delivery: Delivery, config: Config, **overrides: object) -> SlipPdf:
    """The slip with the shop header, paper, prices and language the settings give."""
    options = {
        "paper": config.warehouse.slip_paper,
        "prices": config.warehouse.slip_prices,
        "language": config.shop.language or "zh_CN",
        **{key: value for key, value in overrides.items() if value is not None},
    }
    shop = Shop(config.shop.name, config.shop.address, config.shop.phone)
    return render(delivery, shop, **options)
