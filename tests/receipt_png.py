"""Draw decoded ESC/POS output as a receipt image: what the paper would look like.

Text is placed column by column (a CJK character takes two), bold and double height as the
printer would do them; barcodes and QR codes are drawn from their decoded payloads.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from printing.layout import char_width
from tests.escpos_decode import Decoded

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
COL_PX = 12
LINE_PX = 30
MARGIN = 24


def render_png(decoded: Decoded, path: str | Path, *, width_cols: int = 48) -> Path:
    import barcode
    import qrcode
    from barcode.writer import ImageWriter

    font = ImageFont.truetype(FONT, 2 * COL_PX, index=1)  # index 1: the monospaced face
    parts: list[Image.Image] = []
    paper_px = width_cols * COL_PX
    for event in decoded.events:
        kind = event[0]
        if kind == "line":
            parts.append(_text_line(event[1], event[2], font, paper_px))
        elif kind == "barcode":
            code = barcode.get("code128", event[2], writer=ImageWriter())
            img = code.render({"module_width": 0.25, "module_height": 10.0, "font_size": 8,
                               "text_distance": 4.0, "quiet_zone": 2.0, "dpi": 203})  # fmt: skip
            parts.append(_centred(img.convert("L"), paper_px))
        elif kind == "qr":
            img = qrcode.make(event[1], box_size=5, border=2).get_image().convert("L")
            parts.append(_centred(img, paper_px))
        elif kind == "cut":
            cut = Image.new("L", (paper_px, LINE_PX), 255)
            draw = ImageDraw.Draw(cut)
            for x in range(0, paper_px, 16):
                draw.line([(x, LINE_PX // 2), (x + 8, LINE_PX // 2)], fill=120, width=2)
            parts.append(cut)
    height = sum(p.height for p in parts) + 2 * MARGIN
    page = Image.new("L", (paper_px + 2 * MARGIN, height), 255)
    y = MARGIN
    for part in parts:
        page.paste(part, (MARGIN, y))
        y += part.height
    path = Path(path)
    page.save(path)
    return path


def _text_line(text: str, style: dict, font, paper_px: int) -> Image.Image:
    line = Image.new("L", (paper_px, LINE_PX), 255)
    draw = ImageDraw.Draw(line)
    col = 0
    for ch in text:
        if ch != " ":
            draw.text((col * COL_PX, 2), ch, font=font, fill=0,
                      stroke_width=1 if style.get("bold") else 0, stroke_fill=0)  # fmt: skip
        col += char_width(ch)
    if style.get("tall"):
        line = line.resize((paper_px, LINE_PX * 2))
    return line


def _centred(img: Image.Image, paper_px: int) -> Image.Image:
    if img.width > paper_px:
        img = img.resize((paper_px, img.height * paper_px // img.width))
    out = Image.new("L", (paper_px, img.height + 8), 255)
    out.paste(img, ((paper_px - img.width) // 2, 4))
    return out
