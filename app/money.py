"""Money is an integer number of fen. ``Decimal`` appears only when parsing or formatting.

Rounding rule (docs/money.md): every division rounds half away from zero, once, at the
line (gross = unit price x quantity) and once per tax rate (the tax of a rate is computed
on the sum of that rate's net line amounts). Ticket discounts are shared over the lines in
proportion to their gross, by largest remainder, so the shares add up to the fen.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from app.errors import UserInputError

FEN_PER_YUAN = 100
BP_PER_UNIT = 10_000  # tax rates are basis points: 1300 = 13%

_MONEY = re.compile(r"^\s*(-)?\s*[¥￥]?\s*(\d{1,12}(?:,\d{3})*|\d+)?(?:\.(\d*))?\s*(元)?\s*$")


def parse_yuan(text: str | int | Decimal, *, allow_negative: bool = False) -> int:
    """``"12.50"`` (or ``"¥12.5"``, ``"12"``) to 1250 fen. More than two decimals is an error."""
    if isinstance(text, int):
        return text * FEN_PER_YUAN
    raw = str(text)
    match = _MONEY.match(raw)
    if not match or (match[2] is None and not match[3]):
        raise UserInputError(f"not an amount of money: {raw!r}", value=raw)
    whole = (match[2] or "0").replace(",", "")
    frac = match[3] or ""
    if len(frac) > 2:
        raise UserInputError(f"more than two decimals (fen) in {raw!r}", value=raw)
    fen = int(whole) * FEN_PER_YUAN + int(frac.ljust(2, "0"))
    if match[1]:
        if not allow_negative:
            raise UserInputError(f"negative amount {raw!r}", value=raw)
        fen = -fen
    return fen


def format_yuan(fen: int) -> str:
    """1250 to ``"12.50"``; -5 to ``"-0.05"``."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{whole}.{part:02d}"


def format_money(fen: int) -> str:
    """1250 to ``"¥12.50"``, the way both languages show money."""
    text = format_yuan(fen)
    return f"-¥{text[1:]}" if text.startswith("-") else f"¥{text}"


def div_round(numerator: int, denominator: int) -> int:
    """Integer division rounding half away from zero."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    quotient, remainder = divmod(abs(numerator), denominator)
    if remainder * 2 >= denominator:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def line_gross(unit_price: int, qty_milli: int) -> int:
    """Price in fen times a quantity in thousandths of a unit, rounded to the fen."""
    return div_round(unit_price * qty_milli, 1000)


def percent_of(amount: int, percent_bp: int) -> int:
    """``percent_bp`` basis points of ``amount`` fen (1000 bp = 10%)."""
    return div_round(amount * percent_bp, BP_PER_UNIT)


def tax_in_gross(gross: int, rate_bp: int) -> int:
    """The tax contained in a tax-inclusive amount."""
    return gross - div_round(gross * BP_PER_UNIT, BP_PER_UNIT + rate_bp)


def tax_on_net(net: int, rate_bp: int) -> int:
    """The tax to add to a tax-exclusive amount."""
    return div_round(net * rate_bp, BP_PER_UNIT)


def allocate(amount: int, weights: list[int]) -> list[int]:
    """Split ``amount`` in proportion to ``weights`` so the parts add up exactly.

    Largest remainder; ties go to the earlier weight. Zero total weight gives all to the first.
    """
    if not weights:
        return []
    total = sum(weights)
    if total == 0:
        return [amount] + [0] * (len(weights) - 1)
    sign = -1 if amount < 0 else 1
    amount = abs(amount)
    parts, remainders = [], []
    for index, weight in enumerate(weights):
        share, rest = divmod(amount * weight, total)
        parts.append(share)
        remainders.append((-rest, index))
    for _, index in sorted(remainders)[: amount - sum(parts)]:
        parts[index] += 1
    return [sign * p for p in parts]


def cash_round_down(total: int, step: int) -> int:
    """The rounding adjustment (<= 0) that brings ``total`` down to a multiple of ``step`` fen."""
    if step <= 1 or total <= 0:
        return 0
    return -(total % step)


def parse_rate(text: str | int) -> int:
    """``"13"``, ``"13%"`` or ``"9.5%"`` to basis points (1300)."""
    raw = str(text).strip().rstrip("%").strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise UserInputError(f"not a tax rate: {text!r}", value=text) from None
    if value < 0 or value > 100:
        raise UserInputError(f"tax rate out of range: {text!r}", value=text)
    bp = value * 100
    if bp != bp.to_integral_value():
        raise UserInputError(f"tax rate too precise: {text!r}", value=text)
    return int(bp)


def format_rate(rate_bp: int) -> str:
    """1300 to ``"13%"``, 950 to ``"9.5%"``."""
    whole, part = divmod(rate_bp, 100)
    return f"{whole}%" if part == 0 else f"{whole}.{part:02d}".rstrip("0") + "%"


def parse_quantity(text: str | int, *, weighed: bool = False) -> int:
    """A quantity as typed (``"3"``, ``"1.25"``) to thousandths of a unit."""
    raw = str(text).strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise UserInputError(f"not a quantity: {raw!r}", value=raw) from None
    milli = value * 1000
    if milli != milli.to_integral_value():
        raise UserInputError(f"quantity too precise: {raw!r}", value=raw)
    if not weighed and value != value.to_integral_value():
        raise UserInputError(f"whole units only: {raw!r}", value=raw)
    return int(milli)


def format_quantity(qty_milli: int) -> str:
    """3000 to ``"3"``, 1250 to ``"1.25"``."""
    whole, part = divmod(abs(qty_milli), 1000)
    sign = "-" if qty_milli < 0 else ""
    if part == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{part:03d}".rstrip("0")


_DIGITS_CN = "零壹贰叁肆伍陆柒捌玖"
_PLACES_CN = ("", "拾", "佰", "仟")
_GROUPS_CN = ("", "万", "亿", "万亿")


def amount_in_words(fen: int) -> str:
    """An amount in Chinese capital numerals (大写), as written on slips and invoices.

    12345 fen is ``壹佰贰拾叁元肆角伍分``; 10000 is ``壹佰元整``; 10005 is ``壹佰元零伍分``;
    0 is ``零元整``. A negative amount starts with ``负``.
    """
    if fen == 0:
        return "零元整"
    sign = "负" if fen < 0 else ""
    yuan, rest = divmod(abs(fen), FEN_PER_YUAN)
    jiao, cents = divmod(rest, 10)
    if yuan >= 10**16:
        raise ValueError("amount too large to write in words")
    text = _yuan_in_words(yuan) + "元" if yuan else ""
    if jiao:
        text += _DIGITS_CN[jiao] + "角"
    elif cents and yuan:
        text += "零"
    if cents:
        text += _DIGITS_CN[cents] + "分"
    else:
        text += "整"
    return sign + text


def _yuan_in_words(yuan: int) -> str:
    groups = []
    while yuan:
        yuan, group = divmod(yuan, 10_000)
        groups.append(group)
    out, zero_pending = "", False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_pending = bool(out)
            continue
        if out and (zero_pending or group < 1000):
            out += "零"
        out += _group_in_words(group) + _GROUPS_CN[index]
        zero_pending = False
    return out


def _group_in_words(group: int) -> str:
    """One to four digits; inner zeros read as a single 零, trailing zeros are silent."""
    digits = f"{group:04d}".lstrip("0")
    out, zero = "", False
    for position, digit in enumerate(digits):
        place = len(digits) - 1 - position
        if digit == "0":
            zero = True
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS_CN[int(digit)] + _PLACES_CN[place]
    return out
