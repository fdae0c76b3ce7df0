"""Receipts as the printer would print them: bytes decoded back into lines and codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import sales
from app.config import ShopSettings
from printing.escpos_out import doc_to_escpos, encode_text
from printing.layout import Barcode, Cut, QRCode, align, clip, text_width, two_columns, wrap
from printing.receipt import receipt_text, render_receipt, render_test_receipt
from tests.escpos_decode import decode
from tests.sample_sale import make_sample_sale

SHOP = ShopSettings(name="好邻居便利店", address="上海市徐汇区漕溪北路88号", phone="021-5555 1234")


@pytest.fixture
def sale(store):
    return sales.load(store, sale_id=make_sample_sale(store))


def printed(sale, width=48, encoding="gb18030", **kwargs):
    doc = render_receipt(sale, SHOP, width_cols=width, **kwargs)
    return doc, decode(doc_to_escpos(doc, encoding=encoding))


def test_chinese_receipt_resets_then_switches_to_chinese_mode(sale):
    _, out = printed(sale)
    assert out.events[:2] == [("init",), ("chinese_mode",)]
    assert "可口可乐 330ml" in out.lines
    assert "东北大米（散装）" in out.lines
    assert "西湖龙井 Longjing Tea 250g" in out.lines


def test_receipt_has_every_part_of_the_sale(sale):
    _, out = printed(sale)
    text = out.text
    for expected in (
        "好邻居便利店",
        "T01-000001",
        "收银 Cashier",
        "李娜",
        "王小明",
        "  1.256kg x 5.98",
        "  优惠 Discount",
        "抹零 Rounding",
        "微信 WeChat",
        "现金 Cash",
        "找零 Change",
        "税 Tax 13%",
    ):
        assert expected in text, expected
    assert out.barcodes == [("CODE128", "T01-000001")]
    assert out.cuts == 1
    assert out.drawer_kicks == []


def test_amounts_sit_at_the_right_edge_with_chinese_labels(sale):
    for width in (32, 48):
        _, out = printed(sale, width)
        for line in out.lines:
            assert text_width(line) <= width, line
        total = next(line for line in out.lines if line.startswith("合计"))
        assert text_width(total) == width
        assert total.endswith(f"{sale.total // 100}.{sale.total % 100:02d}")
        change = next(line for line in out.lines if line.startswith("找零"))
        assert text_width(change) == width


def test_amounts_are_the_sales_own_figures(sale):
    _, out = printed(sale)
    rows = {line.split()[0]: line.split()[-1] for line in out.lines if line and line[0] != " "}
    assert rows["小计"] == "118.41"
    assert rows["优惠"] == "-0.70"
    assert rows["抹零"] == "-0.71"
    assert rows["合计"] == "117.00"
    assert rows["微信"] == "50.00"
    assert rows["现金"] == "100.00"
    assert rows["找零"] == "33.00"


def test_reprint_says_so_on_the_paper(sale):
    _, first = printed(sale)
    _, again = printed(sale, reprint=True)
    assert not any("重印" in line for line in first.lines)
    assert any("重印 REPRINT" in line for line in again.lines)


def test_qr_code_carries_the_receipt_number(sale):
    _, out = printed(sale, code="qr")
    assert out.qr_codes == ["T01-000001"]
    assert out.barcodes == []


def test_preview_is_the_printed_text(sale):
    doc, out = printed(sale)
    preview = receipt_text(doc).splitlines()
    placeholders = {
        receipt_text(type(doc)(doc.width_cols, (e,))).strip()
        for e in doc.elements
        if isinstance(e, Barcode | QRCode | Cut)
    }
    kept = [line for line in preview if line and line.strip() not in placeholders]
    assert kept == [line.rstrip() for line in out.lines if line]


def test_gbk_printers_get_full_width_yen_and_mixed_lines_intact():
    mixed = "可口可乐 Cola ¥3.50，谢谢！"
    for codec in ("gb18030", "gbk"):
        data = encode_text(mixed, codec)
        assert data.decode("gbk") == "可口可乐 Cola ￥3.50，谢谢！"


def test_latin_printer_gets_a_code_page_and_never_chinese_mode(sale):
    doc, out = printed(sale, encoding="cp437")
    assert ("chinese_mode",) not in out.events
    assert ("codepage", "cp437") in out.events
    assert "Free-range eggs 10 pack" in out.lines
    assert "???????? 330ml" in out.lines  # each missing CJK glyph keeps its two columns
    total = next(line for line in out.lines if "TOTAL" in line)
    assert len(total) == 48


def test_test_receipt_has_chinese_english_barcode_qr_and_cut():
    out = decode(doc_to_escpos(render_test_receipt(SHOP, width_cols=32, status="状态 ready")))
    assert any(line.startswith("中文") for line in out.lines)
    assert any(line.startswith("English") for line in out.lines)
    assert out.barcodes and out.qr_codes == ["TEST-0001"] and out.cuts == 1


def test_width_of_chinese_text_counts_two_columns():
    assert text_width("可乐ab") == 6
    assert clip("可口可乐", 5) == "可口"
    assert wrap("东北大米东北大米", 6) == ["东北大", "米东北", "大米"]
    assert all(text_width(part) <= 10 for part in wrap("Longjing tea from 西湖 in 250g tins", 10))


def test_width_other_than_32_or_48_is_refused(sale):
    with pytest.raises(ValueError):
        render_receipt(sale, SHOP, width_cols=40)


def test_rendered_receipt_image_scans_back_to_the_receipt_number(sale, tmp_path):
    import zxingcpp
    from PIL import Image

    from tests.receipt_png import render_png

    _, out = printed(sale)
    png = render_png(out, tmp_path / "receipt.png")
    found = [r.text for r in zxingcpp.read_barcodes(Image.open(png))]
    assert found == ["T01-000001"]


def test_logo_prints_as_a_raster_and_a_missing_one_is_left_out(sale, tmp_path):
    from PIL import Image, ImageDraw

    logo = tmp_path / "logo.png"
    img = Image.new("RGB", (100, 40), "white")
    ImageDraw.Draw(img).rectangle([10, 10, 89, 29], fill="black")
    img.save(logo)
    _, out = printed(sale, logo=str(logo))
    [image] = [e for e in out.events if e[0] == "image"]
    assert image == ("image", 104, 40)  # padded to whole bytes
    assert out.lines[0].strip() == "" and "好邻居便利店" in out.text

    _, without = printed(sale, logo=str(tmp_path / "gone.png"))
    assert [e for e in without.events if e[0] == "image"] == []
    assert without.barcodes == [("CODE128", "T01-000001")]


def test_logo_raster_bits_burn_only_the_dark_pixels(tmp_path):
    from PIL import Image

    from printing.escpos_out import raster_image

    path = tmp_path / "half.png"
    img = Image.new("L", (16, 2), 255)
    for x in range(8):
        img.putpixel((x, 0), 0)
    img.save(path)
    data = raster_image(str(path), 384)
    body = data[data.index(b"\x1dv0") + 8 :][:4]
    assert body == bytes([0xFF, 0x00, 0x00, 0x00])


@given(st.text(max_size=80), st.text(max_size=30), st.sampled_from([32, 48]))
def test_fitted_lines_never_overflow_the_paper(left, right, width):
    right = clip(right, width // 2)
    assert text_width(two_columns(left, right, width)) <= width
    for how in ("left", "center", "right"):
        assert text_width(align(left, width, how)) <= width
    for part in wrap(left, width):
        assert text_width(part) <= width


def test_control_characters_in_names_cannot_command_the_printer(store):
    from app import catalog
    from app.ticket import Line, Payment, Ticket, price_ticket
    from app.users import add_user

    pid = catalog.save_product(store, sku="EVIL", name="Cola\x1bp\x00\x19\xfa\nCUT", price=100)
    ticket = Ticket()
    ticket.lines.append(
        Line(
            ticket.new_line_id(),
            pid,
            "EVIL",
            "Cola\x1bp\x00\x19\xfa\nCUT",
            "件",
            "",
            1000,
            100,
            100,
            1300,
        )
    )
    ticket.payments = [Payment("cash", 100)]
    cashier = add_user(store, name="C", role="cashier", pin="1357")
    from datetime import UTC, datetime

    sale_id = sales.write(
        store, ticket, price_ticket(ticket), kind="sale", till_code="T01",
        cashier_id=cashier.id, now=datetime.now(UTC),
    )  # fmt: skip
    _, out = printed(sales.load(store, sale_id=sale_id))
    assert out.drawer_kicks == []
    assert "Cola p  ú CUT" in out.lines  # one line, each control character a space


PUNCTUATED = (
    "“特级”西湖龙井·明前 250g×2 — 礼盒装①②③ Longjing",
    "鲜奶 4℃冷藏 “每日”·950ml×1 — 新品①",
    "东北大米（散装）·五常 “稻花香” ×1 — 2024",
    "Free-range eggs “10” × 2 — farm ① ℃",
)


@pytest.mark.parametrize("width", [32, 48])
def test_chinese_punctuation_never_runs_past_the_paper_edge(sale, width):
    import dataclasses

    lines = tuple(
        dataclasses.replace(line, name=name)
        for line, name in zip(sale.lines, PUNCTUATED * 2, strict=False)
    )
    sale = dataclasses.replace(
        sale, lines=lines, cashier_name="李娜·“早班”—①号收银×", customer_name="王“小明”·会员①℃"
    )
    shop = ShopSettings(name="“好邻居”便利店·徐汇①店 — 24h×7", address="漕溪北路88号·①楼 “东门”")
    for encoding in ("gb18030", "gbk"):
        doc = render_receipt(sale, shop, width_cols=width, encoding=encoding)
        out = decode(doc_to_escpos(doc, encoding=encoding))
        assert max(out.columns) <= width, [
            (c, line) for c, line in zip(out.columns, out.lines, strict=True) if c > width
        ]
        total = next(e for e in out.events if e[0] == "line" and e[1].startswith("合计"))
        assert total[2]["columns"] == width  # the amount still sits at the right edge
        assert any("“特级”" in line for line in out.lines)
        preview = [line for line in receipt_text(doc).splitlines() if "|||||" not in line]
        printed_lines = [line.rstrip() for line in out.lines]
        assert [line for line in printed_lines if line] == [
            line for line in preview if line and set(line) != {"="}
        ]  # the preview lays out what the paper gets


def test_single_byte_code_pages_keep_one_column_a_byte(sale):
    for width in (32, 48):
        _, out = printed(sale, width, encoding="cp437")
        assert max(out.columns) <= width


@pytest.mark.parametrize("encoding", ["cp437", "cp858"])
@pytest.mark.parametrize("width", [32, 48])
def test_full_width_yen_on_a_code_page_is_laid_out_as_the_one_column_y_it_prints(
    sale, width, encoding
):
    import dataclasses

    sale = dataclasses.replace(sale, customer_name="Card：￥50，VIP")
    doc = render_receipt(sale, SHOP, width_cols=width, encoding=encoding)
    out = decode(doc_to_escpos(doc, encoding=encoding))
    [line] = [e for e in out.events if e[0] == "line" and e[1].endswith("Card:Y50,VIP")]
    assert line[2]["columns"] == width  # the name sits at the right edge, not short of it
    [shown] = [row for row in receipt_text(doc).splitlines() if row.endswith("Card:Y50,VIP")]
    assert text_width(shown) == width  # the preview shows the Y the paper gets, as wide
