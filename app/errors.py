"""The tree of errors the domain raises.

Each error carries a stable ``code`` and the values a person needs to understand it; the
text for a person is made in one place per layer (``app.messages`` for the console, the
ui's message table on screen), never by matching on ``str(exc)``.
"""

from __future__ import annotations


class TillbookError(Exception):
    """Root of every error the domain raises on purpose."""

    code = "error"

    def __init__(self, message: str = "", **fields: object) -> None:
        super().__init__(message or self.code)
        self.fields = fields
        for key, value in fields.items():
            setattr(self, key, value)


class ValidationError(TillbookError):
    """The request breaks a rule; nothing was changed."""


class UserInputError(ValidationError):
    """A value typed or passed on the command line is not valid."""

    code = "bad_input"


class UnknownBarcode(ValidationError):
    code = "unknown_barcode"


class MisreadBarcode(ValidationError):
    """A GTIN-shaped code whose check digit is wrong: the scanner misread it."""

    code = "misread_barcode"


class PaymentCodeScanned(ValidationError):
    """A customer's payment code was scanned onto the ticket instead of the pay screen."""

    code = "payment_code_on_ticket"


class ProductInactive(ValidationError):
    code = "product_inactive"


class InvalidPrice(ValidationError):
    code = "invalid_price"


class InvalidQuantity(ValidationError):
    code = "invalid_quantity"


class LineNotFound(ValidationError):
    code = "line_not_found"


class StockShort(ValidationError):
    """The product's stock policy is 'block' and the ticket wants more than is on hand."""

    code = "stock_short"


class Underpaid(ValidationError):
    code = "underpaid"


class Overpaid(ValidationError):
    """Non-cash tenders add up to more than is due (lines changed after paying)."""

    code = "overpaid"


class EmptyTicket(ValidationError):
    code = "empty_ticket"


class CreditLimitExceeded(ValidationError):
    code = "credit_limit"


class TenderNotAllowed(ValidationError):
    code = "tender_not_allowed"


class TicketClosed(ValidationError):
    """The ticket was already completed (or cancelled); it cannot change or complete again."""

    code = "ticket_closed"


class SaleNotFound(ValidationError):
    code = "sale_not_found"


class ReturnTooLarge(ValidationError):
    code = "return_too_large"


class DeliveryPending(ValidationError):
    """The sale's goods wait in the warehouse on a delivery slip not yet dispatched."""

    code = "delivery_pending"


class NeedsConfirmation(ValidationError):
    """Allowed, but only if the cashier confirms (for example a very large quantity)."""

    code = "needs_confirmation"


class PermissionRequired(ValidationError):
    """The action needs a user of a higher role (an owner's PIN)."""

    code = "permission_required"


class AuthError(TillbookError):
    code = "auth"


class WrongPin(AuthError):
    code = "wrong_pin"


class LockedOut(AuthError):
    code = "locked_out"


class DuplicatePin(ValidationError):
    code = "duplicate_pin"


class UnsyncedChanges(TillbookError):
    code = "unsynced"


class ImportFailed(TillbookError):
    code = "import_failed"
