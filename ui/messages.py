"""The one place where the till's typed errors become words for the person at the counter.

Errors are recognised by their class and read through their fields, never by their text.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from app import errors
from app.money import format_money, format_quantity
from localdb.errors import StoreError

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def tender_name(tender: str) -> str:
    names = {
        "cash": _t("Cash"),
        "card": _t("Card"),
        "wechat": _t("WeChat Pay"),
        "alipay": _t("Alipay"),
        "unionpay": _t("UnionPay"),
        "account": _t("On account"),
    }
    return names.get(tender, tender)


def action_name(action: str) -> str:
    names = {
        "price_override": _t("A price change"),
        "return_without_receipt": _t("A return without a receipt"),
        "below_cost": _t("Selling below cost"),
        "settings": _t("Changing settings"),
        "discount": _t("A large discount"),
    }
    return names.get(action, _t("This action"))


def role_name(role: str) -> str:
    return {"owner": _t("owner"), "clerk": _t("clerk"), "cashier": _t("cashier")}.get(role, role)


def describe(exc: BaseException) -> str:
    """A short, plain sentence for ``exc``; unexpected ones are logged and get a polite one."""
    if isinstance(exc, errors.TillbookError):
        return _describe_domain(exc)
    if isinstance(exc, StoreError):
        log.error("store error shown to the cashier: %s", exc)
        return _t("The till could not read or save its data. Please tell the owner.")
    log.error("unexpected error", exc_info=exc)
    return _t("Sorry, something went wrong. It has been logged; please try again.")


def _describe_domain(exc: errors.TillbookError) -> str:  # noqa: C901 (one table of cases)
    f = exc.fields
    name = str(f.get("name", ""))
    match exc:
        case errors.UnknownBarcode():
            return _t("Unknown barcode {code}").format(code=f.get("code", ""))
        case errors.MisreadBarcode():
            return _t("Barcode {code} was misread: please scan it again").format(
                code=f.get("code", "")
            )
        case errors.PaymentCodeScanned():
            return _t("That is a payment code: press F12 to pay, then scan it")
        case errors.ProductInactive():
            return _t("{name} is not for sale").format(name=name)
        case errors.InvalidPrice():
            return _t("{name} has no valid price").format(name=name or f.get("sku", ""))
        case errors.InvalidQuantity():
            return _t("That quantity is not valid")
        case errors.LineNotFound():
            return _t("Choose a line on the ticket first")
        case errors.StockShort():
            return _t("Only {qty} of {name} in stock").format(
                qty=format_quantity(int(f.get("on_hand_milli", 0))), name=name
            )
        case errors.Underpaid():
            return _t("{amount} still to pay").format(amount=format_money(int(f.get("due", 0))))
        case errors.EmptyTicket():
            return _t("The ticket is empty")
        case errors.CreditLimitExceeded():
            return _t("{name} has only {amount} of credit left").format(
                name=name, amount=format_money(int(f.get("credit_left", 0)))
            )
        case errors.TenderNotAllowed():
            if "due" in f:
                return _t("{tender} cannot pay more than {amount}").format(
                    tender=tender_name(str(f.get("tender", ""))),
                    amount=format_money(int(f["due"])),
                )
            if f.get("tender") == "account":
                return _t("On account needs a customer on the ticket (F3)")
            return _t("That way of paying is not accepted")
        case errors.TicketClosed():
            return _t("This ticket is closed; start a new one")
        case errors.SaleNotFound():
            return _t("No sale with receipt number {receipt_no}").format(
                receipt_no=f.get("receipt_no", "")
            )
        case errors.ReturnTooLarge():
            return _t("At most {qty} of {name} can come back").format(
                qty=format_quantity(int(f.get("left_milli", 0))), name=name
            )
        case errors.NeedsConfirmation():
            return _t("{qty} × {name}: is that right?").format(
                qty=format_quantity(int(f.get("qty_milli", 0))), name=name
            )
        case errors.PermissionRequired():
            return _t("{action} needs the {role}'s PIN").format(
                action=action_name(str(f.get("action", ""))),
                role=role_name(str(f.get("role", "owner"))),
            )
        case errors.LockedOut():
            return _t("Too many wrong PINs: wait {seconds} s").format(
                seconds=_seconds(f.get("wait_s", 0))
            )
        case errors.WrongPin():
            wait = f.get("wait_s") or 0
            if wait:
                return _t("Wrong PIN. Wait {seconds} s before the next try").format(
                    seconds=_seconds(wait)
                )
            return _t("Wrong PIN")
        case errors.DuplicatePin():
            return _t("Another user already has that PIN")
        case errors.UserInputError():
            if f.get("value"):
                return _t("Not valid: {value}").format(value=f["value"])
            return _t("That entry is not valid")
    log.warning("no message for %s (%s)", type(exc).__name__, exc.code)
    return _t("That cannot be done: {code}").format(code=exc.code)


def _seconds(value: object) -> str:
    seconds = float(value or 0)
    return str(int(seconds)) if seconds == int(seconds) else f"{seconds:.1f}"
