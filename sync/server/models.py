"""What a till may send: the push envelope and each payload kind, by version.

Validation is strict (an amount sent as "12.50" or 12.5 is refused, not coerced), since a
quietly repaired amount is worse than a refused one. A new payload version is added beside
the old one, so a till that queued changes before a server upgrade can still push them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    model_validator,
)

MAX_BATCH = 1000
MAX_LINES = 1000
# PostgreSQL text cannot hold a NUL character; every free text is refused with one.
NO_NUL = r"^[^\x00]*$"
NO_NUL_REASON = "text may not hold a NUL character"


def text(*, max_length: int, min_length: int = 0) -> type[str]:
    """Free text of at most ``max_length`` characters, without NUL."""
    return Annotated[
        str, StringConstraints(min_length=min_length, max_length=max_length, pattern=NO_NUL)
    ]


def bounded(*, ge: int, le: int) -> type[int]:
    """A strict integer that fits the column it goes to (PostgreSQL refuses beyond it)."""
    return Annotated[int, Field(strict=True, ge=ge, le=le)]


INT_MAX = 2**31 - 1  # an INTEGER column
BIG_MAX = 2**63 - 1  # a BIGINT column

Fen = bounded(ge=-(10**13), le=10**13)
Milli = bounded(ge=-(10**12), le=10**12)
Uuid = Annotated[str, StringConstraints(min_length=8, max_length=64, pattern=r"^[0-9A-Za-z-]+$")]
Short = text(max_length=200)
Text = text(max_length=2000)
Rate = bounded(ge=0, le=10000)
LineNo = bounded(ge=1, le=INT_MAX)
Flag = Annotated[int, Field(strict=True, ge=0, le=1)] | bool
Day = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")


class MoveV1(Strict):
    uuid: Uuid
    sku: text(min_length=1, max_length=100)
    location: text(min_length=1, max_length=40)
    qty_milli: Milli
    kind: Literal["sale", "return", "receipt", "adjustment", "transfer", "count", "dispatch"]
    ref: Short = ""
    note: Text = ""


class SaleLineV1(Strict):
    line_no: LineNo
    sku: text(min_length=1, max_length=100)
    barcode: Short = ""
    name: Short
    unit: Short
    qty_milli: Milli
    unit_price: Fen
    list_price: Fen
    tax_rate: Rate
    gross: Fen
    discount: Fen
    net: Fen
    tax: Fen
    original_line_no: LineNo | None = None


class PaymentV1(Strict):
    tender: Literal["cash", "card", "wechat", "alipay", "unionpay", "account"]
    amount: Fen
    reference: Short = ""


class TaxV1(Strict):
    rate: Rate
    net: Fen
    tax: Fen


class SaleV1(Strict):
    uuid: Uuid
    receipt_no: text(min_length=1, max_length=60)
    kind: Literal["sale", "return"]
    original_uuid: Uuid | None = None
    customer_uuid: Uuid | None = None
    cashier: Short | None = None
    created_at: text(min_length=10, max_length=40)
    business_day: Day
    subtotal: Fen
    discount_total: Fen
    rounding: Fen
    total: Fen
    tax_total: Fen
    paid: Fen
    change_given: Fen
    tax_inclusive: Flag
    needs_review: Flag = 0
    review_reason: Text = ""
    till: text(min_length=1, max_length=40)
    lines: Annotated[list[SaleLineV1], Field(min_length=1, max_length=MAX_LINES)]
    payments: Annotated[list[PaymentV1], Field(max_length=50)] = []
    taxes: Annotated[list[TaxV1], Field(max_length=50)] = []
    moves: Annotated[list[MoveV1], Field(max_length=MAX_LINES)] = []

    @model_validator(mode="after")
    def _lines_numbered_once(self) -> SaleV1:
        numbers = [line.line_no for line in self.lines]
        if len(set(numbers)) != len(numbers):
            twice = sorted({n for n in numbers if numbers.count(n) > 1})
            raise ValueError(f"line numbers occur more than once: {twice[:10]}")
        return self


class StockMoveV1(Strict):
    moves: Annotated[list[MoveV1], Field(min_length=1, max_length=MAX_LINES)]


class CustomerV1(Strict):
    uuid: Uuid
    name: text(min_length=1, max_length=200)
    phone: Short = ""
    card_code: Short | None = None
    address: Text = ""
    notes: Text = ""
    credit_limit: Fen = 0


class BarcodeV1(Strict):
    code: text(min_length=1, max_length=64)
    pack_qty: Annotated[int, Field(strict=True, ge=1, le=100_000)] = 1


class ProductV1(Strict):
    """A till's local edit of a product; ``base_rev`` is the server version it started from."""

    sku: text(min_length=1, max_length=100)
    name: text(min_length=1, max_length=200)
    unit: Short = "件"
    price: Annotated[int, Field(strict=True, gt=0, le=10**12)]
    cost: Annotated[int, Field(strict=True, ge=0, le=10**12)] = 0
    tax_rate: Rate = 1300
    category: Short = ""
    active: Flag = 1
    stock_policy: Literal["block", "warn", "allow"] = "warn"
    weighed: Flag = 0
    barcodes: Annotated[list[BarcodeV1], Field(max_length=100)] = []
    base_rev: bounded(ge=0, le=BIG_MAX) | None = None


class DeliveryV1(Strict):
    uuid: Uuid
    moves: Annotated[list[MoveV1], Field(max_length=MAX_LINES)] = []


# kind -> version -> model. Add a version here; never change an old one.
PAYLOADS: dict[str, dict[int, type[BaseModel]]] = {
    "sale": {1: SaleV1},
    "return": {1: SaleV1},
    "stock_move": {1: StockMoveV1},
    "customer": {1: CustomerV1},
    "product": {1: ProductV1},
    "delivery": {1: DeliveryV1},
}
PROTOCOL_VERSIONS = [1]


class Change(Strict):
    seq: Annotated[int, Field(strict=True, ge=1, le=2**62)]
    uuid: Uuid
    kind: text(max_length=40)
    version: Annotated[int, Field(strict=True, ge=1, le=1000)]
    payload: dict


class PushRequest(Strict):
    shop: text(min_length=1, max_length=64)
    unsynced: bounded(ge=0, le=INT_MAX) = 0
    changes: Annotated[list[Change], Field(min_length=1, max_length=MAX_BATCH)]


class EnrollRequest(Strict):
    code: text(min_length=4, max_length=100)
    till_code: text(min_length=1, max_length=40)


class OwnerProduct(ProductV1):
    pass


class OwnerProducts(Strict):
    shop: text(min_length=1, max_length=64)
    products: Annotated[list[OwnerProduct], Field(min_length=1, max_length=200_000)]


class OwnerStock(Strict):
    shop: text(min_length=1, max_length=64)
    moves: Annotated[list[MoveV1], Field(min_length=1, max_length=100_000)]


class OwnerUser(Strict):
    name: text(min_length=1, max_length=100)
    role: Literal["cashier", "clerk", "owner"]
    pin: Annotated[str, StringConstraints(pattern=r"^\d{4,8}$")]
    active: Flag = 1


class OwnerUsers(Strict):
    shop: text(min_length=1, max_length=64)
    users: Annotated[list[OwnerUser], Field(min_length=1, max_length=1000)]


def payload_model(kind: str, version: int) -> type[BaseModel] | None:
    return PAYLOADS.get(kind, {}).get(version)


push_adapter = TypeAdapter(PushRequest)
