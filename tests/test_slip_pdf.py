"""The delivery slip PDF: text, pages, barcode, font."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from app import catalog, delivery, users
from app.delivery import OrderLine
from app.money import amount_in_words
from printing import slip

SHOP = slip.Shop("永兴建材商行", "杭州市拱墅区建材市场 A 区 18 号", "0571-88886666")


@pytest.fixture
def clerk(store):
    return users.add_user(store, name="Clerk", role="clerk", pin="2222")


def make_slip(store, clerk, count: int, *, till_code: str = "T01"):
    ids = [
        catalog.save_product(
            store,
            sku=f"TILE{i:03d}",
            name=f"瓷砖灰色第{i}款",
            price=1234 + i,
            unit="片",
        )
        for i in range(count)
    ]
    return delivery.create_order(
        store,
        user=clerk,
        till_code=till_code,
        name="王建国",
        phone="13800138000",
        address="杭州市西湖区文三路 100 号",
        lines=[
            OrderLine(pid, (i % 7 + 1) * 1000, specification="600×600mm")
            for i, pid in enumerate(ids)
        ],
        notes="下午三点后送货",
    )


def pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def pdftotext(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_slip_text_holds_names_quantities_and_amount_in_words(store, clerk, tmp_path):
    order = make_slip(store, clerk, 3)
    path = tmp_path / "slip.pdf"
    made = slip.write(path, order, SHOP)
    assert made.pages == 1
    text = pdftotext(path)
    for fragment in ("永兴建材商行", "送货单", order.number, "王建国", "13800138000"):
        assert fragment in text
    assert "文三路" in text
    rows = [ln for ln in text.splitlines() if "瓷砖灰色第" in ln]
    assert len(rows) == 3
    assert re.search(r"瓷砖灰色第1款.*600×600mm\s+片\s+2\s+¥12\.35\s+¥24\.70", rows[1])
    words = amount_in_words(order.total)
    assert order.total == 1234 + 2 * 1235 + 3 * 1236
    assert words == "柒拾肆元壹角贰分"
    assert words in text
    assert "送货人签字" in text and "收货人签字" in text
    assert "下午三点后送货" in text


def test_sixty_line_slip_has_every_line_and_page_numbers(store, clerk):
    order = make_slip(store, clerk, 60)
    made = slip.render(order, SHOP)
    pages = pdf_text(made.data)
    assert made.pages == len(pages) >= 2
    everything = "\n".join(pages)
    for i in range(60):
        assert everything.count(f"瓷砖灰色第{i}款") == 1, i
    for number, page in enumerate(pages, 1):
        assert f"第 {number} 页 / 共 {len(pages)} 页" in page
        assert "永兴建材商行" in page and order.number in page  # header on every page
        assert "品名" in page  # column heads repeated
    assert amount_in_words(order.total) in pages[-1]


def test_a5_slip_breaks_into_more_pages(store, clerk):
    order = make_slip(store, clerk, 60)
    a4 = slip.render(order, SHOP, paper="A4")
    a5 = slip.render(order, SHOP, paper="A5")
    assert a5.pages > a4.pages
    page = PdfReader(io.BytesIO(a5.data)).pages[0]
    assert round(float(page.mediabox.width)) == 420  # 148 mm


def test_prices_can_be_left_off(store, clerk):
    order = make_slip(store, clerk, 2)
    text = pdf_text(slip.render(order, SHOP, prices=False).data)[0]
    assert "¥" not in text and "单价" not in text
    assert "瓷砖灰色第1款" in text


def test_english_labels(store, clerk):
    order = make_slip(store, clerk, 2)
    text = pdf_text(slip.render(order, SHOP, language="en").data)[0]
    assert "Delivery slip" in text and "Received by" in text and "Page 1 of 1" in text
    assert amount_in_words(order.total) in text


def test_barcode_decodes_to_the_slip_number(store, clerk, tmp_path):
    for paper in ("A4", "A5"):
        order = make_slip(store, clerk, 2, till_code=f"{paper}X")
        pdf = tmp_path / f"{paper}.pdf"
        slip.write(pdf, order, SHOP, paper=paper)
        subprocess.run(
            ["pdftoppm", "-r", "200", "-gray", "-png", "-f", "1", "-l", "1", str(pdf), str(pdf)],
            check=True,
        )
        image = Image.open(next(tmp_path.glob(f"{paper}.pdf*.png")))
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128)
        assert [b.text for b in found] == [order.number]


def test_system_cjk_font_is_embedded(store, clerk):
    order = make_slip(store, clerk, 1)
    made = slip.render(order, SHOP)
    assert made.font.embedded
    assert made.font.path.endswith("wqy-zenhei.ttc")
    fonts = _font_names(made.data)
    assert any(name.endswith("+WenQuanYiZenHei-0") for name in fonts)  # a subset
    assert not any("STSong" in name for name in fonts)
    assert _embedded_font_files(made.data) >= 1


def test_without_a_system_font_the_builtin_cid_font_is_used(store, clerk, tmp_path):
    broken = tmp_path / "broken.ttc"
    broken.write_bytes(b"not a font")
    choice = slip.cjk_font([(str(tmp_path / "missing.ttc"), 0), (str(broken), 0)])
    assert choice.name == "STSong-Light" and not choice.embedded
    assert "not embedded" in choice.describe()
    order = make_slip(store, clerk, 1)
    made = slip.render(order, SHOP, font=choice)
    assert any("STSong" in name for name in _font_names(made.data))
    assert "王建国" in pdf_text(made.data)[0]


def _embedded_font_files(data: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                count += 1
    return count


def _font_names(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_long_names_wrap_and_stay_whole(store, clerk):
    name = "大规格通体大理石瓷砖 亮光面 防滑耐磨 客厅卧室通用 " * 3
    product = catalog.save_product(store, sku="LONG", name=name.strip(), price=9900)
    order = delivery.create_order(
        store,
        user=clerk,
        till_code="T01",
        name="王建国",
        phone="1",
        address="文三路",
        lines=[OrderLine(product, 1000, specification="800×800mm 一级品 每箱 3 片")],
    )
    text = "".join(pdf_text(slip.render(order, SHOP, paper="A5").data)).replace("\n", "")
    assert name.strip().replace(" ", "") in text.replace(" ", "")
    assert "800×800mm一级品每箱3片" in text.replace(" ", "")
