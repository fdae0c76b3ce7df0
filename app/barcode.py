"""What a scanned code is: a product barcode, a misread, a label-scale code, a payment code.

Classification is pure and cheap: it runs on every scan before any lookup.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class CodeKind(Enum):
    PLAIN = "plain"  # look it up as it is (GTIN with a good check digit, or any code)
    MISREAD = "misread"  # GTIN-shaped, wrong check digit
    SCALE = "scale"  # label-scale EAN-13 carrying a weight or a price
    PAYMENT = "payment"  # a customer's WeChat / Alipay / UnionPay payment code


@dataclass(frozen=True)
class Scanned:
    code: str
    kind: CodeKind
    item_code: str = ""  # scale codes: the PLU looked up in the catalog
    weight_g: int = 0  # scale codes carrying a weight
    price_fen: int = 0  # scale codes carrying a price
    tender: str = ""  # payment codes: wechat, alipay or unionpay


def gtin_check_digit(body: str) -> int:
    """The GS1 mod-10 check digit for the digits before it (EAN-8, UPC-A, EAN-13, GTIN-14)."""
    # Weights 3, 1, 3, ... from the rightmost digit of the body.
    total = 3 * sum(map(int, body[-1::-2])) + sum(map(int, body[-2::-2]))
    return (10 - total % 10) % 10


def gtin_valid(code: str) -> bool:
    return code.isdigit() and gtin_check_digit(code[:-1]) == int(code[-1])


def with_check_digit(body: str) -> str:
    return body + str(gtin_check_digit(body))


@dataclass(frozen=True)
class ScaleLayout:
    """Where a label-scale EAN-13 keeps its parts.

    ``pattern`` has one letter per digit: a literal digit must match, ``C`` is the item code
    (PLU), ``W`` a weight in grams, ``P`` a price in fen, ``K`` the check digit. The default,
    ``2CCCCCCWWWWWK``, is the common Chinese label-scale layout: flag 2, a six-digit PLU,
    five digits of weight in grams.
    """

    pattern: str = "2CCCCCCWWWWWK"

    def __post_init__(self) -> None:
        if len(self.pattern) != 13 or not self.pattern.endswith("K"):
            raise ValueError("a scale layout has 13 positions ending in K")
        if "C" not in self.pattern or not ({"W", "P"} & set(self.pattern)):
            raise ValueError("a scale layout needs C and one of W or P")

    def matches(self, code: str) -> bool:
        return all(p == c for p, c in zip(self.pattern, code, strict=True) if p.isdigit())

    def decode(self, code: str) -> Scanned:
        def digits(letter: str) -> str:
            return "".join(c for p, c in zip(self.pattern, code, strict=True) if p == letter)

        weight, price = digits("W"), digits("P")
        return Scanned(
            code,
            CodeKind.SCALE,
            item_code=digits("C"),
            weight_g=int(weight) if weight else 0,
            price_fen=int(price) if price else 0,
        )


DEFAULT_SCALE_LAYOUT = ScaleLayout()


def payment_tender(code: str) -> str:
    """The tender a customer's payment code belongs to, or ``""`` if it is not one.

    WeChat Pay: 18 digits starting 10-15. Alipay: 16-24 digits starting 25-30.
    UnionPay QuickPass: 19 digits starting 62.
    """
    if not code.isdigit():
        return ""
    head = int(code[:2])
    if len(code) == 18 and 10 <= head <= 15:
        return "wechat"
    if 16 <= len(code) <= 24 and 25 <= head <= 30:
        return "alipay"
    if len(code) == 19 and head == 62:
        return "unionpay"
    return ""


def classify(raw: str, layout: ScaleLayout = DEFAULT_SCALE_LAYOUT) -> Scanned:
    """Tell what a scanned or typed code is. Whitespace and scanner suffixes are stripped."""
    code = raw.strip()
    tender = payment_tender(code)
    if tender:
        return Scanned(code, CodeKind.PAYMENT, tender=tender)
    if code.isdigit() and len(code) in (8, 12, 13, 14):
        if not gtin_valid(code):
            return Scanned(code, CodeKind.MISREAD)
        if len(code) == 13 and layout.matches(code):
            return layout.decode(code)
    return Scanned(code, CodeKind.PLAIN)
