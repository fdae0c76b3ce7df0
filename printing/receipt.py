"""The receipt of a completed sale or return, laid out for 32 or 48 columns.

Labels are bilingual (Chinese first, English after) so one receipt serves both; amounts
are yuan with two decimals, no currency sign (a GBK printer garbles ``¥``).
"""

from __future__ import annotations

from datetime import datetime

from app.config import ShopSettings
from app.money import format_yuan
from app.sales import Sale, SaleLine
from printing.layout import (
    Barcode,
    Cut,
    Element,
    Feed,
    Logo,
    QRCode,
    ReceiptDoc,
    Rule,
    Text,
    layout_codec,
    receipt_text,
    two_columns,
    wrap,
)

__all__ = ["render_receipt", "receipt_text", "render_test_receipt", "WIDTHS"]

WIDTHS = (32, 48)
PAPER_COLUMNS = {58: 32, 80: 48}

TENDER_LABELS = {
    "cash": "现金 Cash",
    "card": "银行卡 Card",
    "wechat": "微信 WeChat",
    "alipay": "支付宝 Alipay",
    "unionpay": "云闪付 UnionPay",
    "account": "挂账 On account",
}


def columns_for_paper(paper_mm: int) -> int:
    return PAPER_COLUMNS.get(paper_mm, 48)


def render_receipt(
    sale: Sale,
    shop: ShopSettings,
    *,
    width_cols: int,
    reprint: bool = False,
    code: str = "barcode",
    logo: str = "",
    encoding: str = "gb18030",
) -> ReceiptDoc:
    """Lay out ``sale`` for a printer ``width_cols`` wide (32 for 58 mm, 48 for 80 mm) whose
    text ``encoding`` (printer.encoding) decides how many columns a character takes."""
    if width_cols not in WIDTHS:
        raise ValueError(f"receipt width must be 32 or 48 columns, not {width_cols}")
    w, codec = width_cols, layout_codec(encoding)
    out: list[Element] = [Logo(logo)] if logo else []
    out += _header(shop, w, codec)
    if reprint:
        out.append(Text("*** 重印 REPRINT ***", "center", bold=True))
    if sale.kind == "return":
        out.append(Text("退货 RETURN", "center", bold=True))
    out += _sale_facts(sale, w, codec)
    if sale.original_receipt_no:
        out.append(Text(two_columns("原单 Original", sale.original_receipt_no, w, codec)))
    out.append(Rule())
    for line in sale.lines:
        out += _line(line, w, codec)
    out.append(Rule())
    out += _totals(sale, w, codec)
    out += _taxes(sale, w, codec)
    out.append(Rule())
    out += _tenders(sale, w, codec)
    out.append(Feed())
    out.append(QRCode(sale.receipt_no) if code == "qr" else Barcode(sale.receipt_no))
    out.append(Text("谢谢惠顾 Thank you!", "center"))
    out.append(Feed(2))
    out.append(Cut())
    return ReceiptDoc(w, tuple(out), ref=sale.receipt_no, codec=codec)


def _header(shop: ShopSettings, w: int, codec: str | None) -> list[Element]:
    out: list[Element] = [
        Text(part, "center", bold=True, tall=True) for part in wrap(shop.name, w, codec)
    ]
    for label, value in (("", shop.address), ("电话 Tel ", shop.phone), ("税号 ", shop.tax_id)):
        if value:
            out += [Text(part, "center") for part in wrap(label + value, w, codec)]
    return out


def _sale_facts(sale: Sale, w: int, codec: str | None) -> list[Element]:
    out: list[Element] = [
        Text(two_columns("单号 No.", sale.receipt_no, w, codec)),
        Text(two_columns("时间 Time", _when(sale.created_at), w, codec)),
    ]
    if sale.cashier_name:
        out.append(Text(two_columns("收银 Cashier", sale.cashier_name, w, codec)))
    if sale.customer_name:
        out.append(Text(two_columns("顾客 Customer", sale.customer_name, w, codec)))
    return out


def _when(created_at: str) -> str:
    try:
        return datetime.fromisoformat(created_at).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return created_at[:16]


def _line(line: SaleLine, w: int, codec: str | None) -> list[Element]:
    out: list[Element] = [Text(part) for part in wrap(line.name, w, codec)]
    qty = _quantity(line)
    out.append(
        Text(
            two_columns(
                f"  {qty} x {format_yuan(line.unit_price)}", format_yuan(line.gross), w, codec
            )
        )
    )
    if line.discount:
        out.append(Text(two_columns("  优惠 Discount", format_yuan(-line.discount), w, codec)))
    return out


def _quantity(line: SaleLine) -> str:
    whole, part = divmod(line.qty_milli, 1000)
    if part == 0:
        return str(whole)
    return f"{whole}.{part:03d}{line.unit}"


def _totals(sale: Sale, w: int, codec: str | None) -> list[Element]:
    out: list[Element] = [Text(two_columns("小计 Subtotal", format_yuan(sale.subtotal), w, codec))]
    if sale.discount_total:
        out.append(Text(two_columns("优惠 Discount", format_yuan(-sale.discount_total), w, codec)))
    if sale.rounding:
        out.append(Text(two_columns("抹零 Rounding", format_yuan(sale.rounding), w, codec)))
    if not sale.tax_inclusive and sale.tax_total:
        out.append(Text(two_columns("税额 Tax", format_yuan(sale.tax_total), w, codec)))
    label = "退款 REFUND" if sale.kind == "return" else "合计 TOTAL"
    out.append(Text(two_columns(label, format_yuan(sale.total), w, codec), bold=True, tall=True))
    return out


def _taxes(sale: Sale, w: int, codec: str | None) -> list[Element]:
    out: list[Element] = []
    for rate, net, tax in sale.taxes:
        pct = f"{rate // 100}%" if rate % 100 == 0 else f"{rate // 100}.{rate % 100:02d}%"
        left = f"税 Tax {pct} 净 net {format_yuan(net)}"
        out.append(Text(two_columns(left, format_yuan(tax), w, codec)))
    return out


def _tenders(sale: Sale, w: int, codec: str | None) -> list[Element]:
    out: list[Element] = []
    for payment in sale.payments:
        label = TENDER_LABELS.get(payment.tender, payment.tender)
        if sale.kind == "return":
            label = "退回 " + label  # the refund goes back this way
        out.append(Text(two_columns(label, format_yuan(payment.amount), w, codec)))
    if sale.change_given:
        out.append(
            Text(two_columns("找零 Change", format_yuan(sale.change_given), w, codec), bold=True)
        )
    return out


def render_test_receipt(
    shop: ShopSettings, *, width_cols: int, status: str = "", encoding: str = "gb18030"
) -> ReceiptDoc:
    """A page exercising what receipts need: Chinese and English, alignment, barcode, QR, cut."""
    w, codec = width_cols, layout_codec(encoding)
    out: list[Element] = [
        Text("打印测试 PRINTER TEST", "center", bold=True, tall=True),
        Text(shop.name, "center"),
        Rule(),
        Text("中文：可口可乐、散装大米，全角￥１２．５０"),
        Text("English: The quick brown fox 0123456789"),
        Text(two_columns("左 left", "右 right", w, codec)),
        Text("居中 centre", "center"),
        Text("粗体 Bold", bold=True),
        Text(two_columns("编码 Encoding", encoding, w, codec)),
    ]
    if status:
        out.append(Text(status))
    out += [
        Rule(),
        Barcode("TEST-0001"),
        QRCode("TEST-0001"),
        Text("测试完成 Test complete", "center"),
        Feed(2),
        Cut(),
    ]
    return ReceiptDoc(w, tuple(out), ref="test", codec=codec)
