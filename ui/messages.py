"""The one place where the till's typed errors become words for the person at the counter.

Errors are recognised by their class and read through their fields, never by their text.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app import delivery, errors
from app.money import format_money, format_quantity
from devices import errors as device_errors
from localdb.errors import StoreError

log = logging.getLogger(__name__)


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def clock_time(stamp: object) -> str:
    """A stored time (UTC, ISO 8601 with Z) as the shop's local HH:MM."""
    try:
        moment = datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return str(stamp)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%H:%M")


def tender_name(tender: str) -> str:
    names = {
        "cash": translate("Messages", "Cash"),
        "card": translate("Messages", "Card"),
        "wechat": translate("Messages", "WeChat Pay"),
        "alipay": translate("Messages", "Alipay"),
        "unionpay": translate("Messages", "UnionPay"),
        "account": translate("Messages", "On account"),
    }
    return names.get(tender, tender)


def action_name(action: str) -> str:
    names = {
        "price_override": translate("Messages", "A price change"),
        "return_without_receipt": translate("Messages", "A return without a receipt"),
        "below_cost": translate("Messages", "Selling below cost"),
        "settings": translate("Messages", "Changing settings"),
        "discount": translate("Messages", "A large discount"),
    }
    return names.get(action, translate("Messages", "This action"))


def role_name(role: str) -> str:
    return {
        "owner": translate("Messages", "owner"),
        "clerk": translate("Messages", "clerk"),
        "cashier": translate("Messages", "cashier"),
    }.get(role, role)


def describe(exc: BaseException) -> str:
    """A short, plain sentence for ``exc``; unexpected ones are logged and get a polite one."""
    if isinstance(exc, errors.TillbookError):
        return _describe_domain(exc)
    if isinstance(exc, StoreError):
        log.error("store error shown to the cashier: %s", exc)
        return translate(
            "Messages", "The till could not read or save its data. Please tell the owner."
        )
    log.error("unexpected error", exc_info=exc)
    return translate(
        "Messages", "Sorry, something went wrong. It has been logged; please try again."
    )


def _describe_domain(exc: errors.TillbookError) -> str:  # noqa: C901 (one table of cases)
    f = exc.fields
    name = str(f.get("name", ""))
    match exc:
        case device_errors.ScaleUnstable():
            return translate(
                "Messages", "The scale is not steady yet: wait a moment and try again"
            )
        case device_errors.ScaleFault():
            if f.get("fault") == "over":
                return translate("Messages", "Too heavy for the scale")
            if f.get("fault") == "under":
                return translate("Messages", "The scale reads below zero: zero it and try again")
            return translate("Messages", "The scale's answer could not be read: try again")
        case device_errors.DeviceUnavailable() if f.get("device") == "scale":
            return translate("Messages", "The scale is not connected")
        case errors.UnknownBarcode():
            return translate("Messages", "Unknown barcode {code}").format(code=f.get("code", ""))
        case errors.MisreadBarcode():
            return translate(
                "Messages", "Barcode {code} was misread: please scan it again"
            ).format(code=f.get("code", ""))
        case errors.PaymentCodeScanned():
            return translate("Messages", "That is a payment code: press F12 to pay, then scan it")
        case errors.ProductInactive():
            return translate("Messages", "{name} is not for sale").format(name=name)
        case errors.InvalidPrice():
            return translate("Messages", "{name} has no valid price").format(
                name=name or f.get("sku", "")
            )
        case errors.InvalidQuantity():
            return translate("Messages", "That quantity is not valid")
        case errors.LineNotFound():
            return translate("Messages", "Choose a line on the ticket first")
        case errors.StockShort():
            return translate("Messages", "Only {qty} of {name} in stock").format(
                qty=format_quantity(int(f.get("on_hand_milli", 0))), name=name
            )
        case errors.Underpaid():
            return translate("Messages", "{amount} still to pay").format(
                amount=format_money(int(f.get("due", 0)))
            )
        case errors.EmptyTicket():
            return translate("Messages", "The ticket is empty")
        case errors.Overpaid():
            return translate(
                "Messages", "Card or phone payments are {amount} more than is due: remove one (F9)"
            ).format(amount=format_money(int(f.get("excess", 0))))
        case delivery.MissingDeliveryDetails():
            parts = {
                "name": translate("Messages", "name"),
                "phone": translate("Messages", "phone"),
                "address": translate("Messages", "address"),
            }
            missing = ", ".join(parts.get(str(m), str(m)) for m in f.get("missing", []))
            return translate("Messages", "To deliver, the customer needs a {missing}").format(
                missing=missing
            )
        case errors.CreditLimitExceeded():
            return translate("Messages", "{name} has only {amount} of credit left").format(
                name=name, amount=format_money(int(f.get("credit_left", 0)))
            )
        case errors.TenderNotAllowed():
            if "due" in f:
                return translate("Messages", "{tender} cannot pay more than {amount}").format(
                    tender=tender_name(str(f.get("tender", ""))),
                    amount=format_money(int(f["due"])),
                )
            if f.get("reason") == "customer_pinned":
                return translate(
                    "Messages", "Remove the on-account payment before changing the customer"
                )
            if f.get("tender") == "account":
                return translate("Messages", "On account needs a customer on the ticket (F3)")
            return translate("Messages", "That way of paying is not accepted")
        case errors.TicketClosed():
            return translate("Messages", "This ticket is closed; start a new one")
        case errors.SaleNotFound():
            return translate("Messages", "No sale with receipt number {receipt_no}").format(
                receipt_no=f.get("receipt_no", "")
            )
        case errors.DeliveryPending():
            return translate(
                "Messages",
                "{receipt_no} waits for delivery on slip {slip}: cancel the slip first",
            ).format(receipt_no=f.get("receipt_no", ""), slip=f.get("slip", ""))
        case errors.ReturnTooLarge():
            return translate("Messages", "At most {qty} of {name} can come back").format(
                qty=format_quantity(int(f.get("left_milli", 0))), name=name
            )
        case errors.NeedsConfirmation():
            return translate("Messages", "{qty} × {name}: is that right?").format(
                qty=format_quantity(int(f.get("qty_milli", 0))), name=name
            )
        case errors.PermissionRequired():
            return translate("Messages", "{action} needs the {role}'s PIN").format(
                action=action_name(str(f.get("action", ""))),
                role=role_name(str(f.get("role", "owner"))),
            )
        case errors.LockedOut():
            return translate("Messages", "Too many wrong PINs: wait {seconds} s").format(
                seconds=_seconds(f.get("wait_s", 0))
            )
        case errors.WrongPin():
            wait = f.get("wait_s") or 0
            if wait:
                return translate(
                    "Messages", "Wrong PIN. Wait {seconds} s before the next try"
                ).format(seconds=_seconds(wait))
            return translate("Messages", "Wrong PIN")
        case errors.DuplicatePin():
            return translate("Messages", "Another user already has that PIN")
        case errors.UserInputError():
            if f.get("value"):
                return translate("Messages", "Not valid: {value}").format(value=f["value"])
            return translate("Messages", "That entry is not valid")
    log.warning("no message for %s (%s)", type(exc).__name__, exc.code)
    return translate("Messages", "That cannot be done: {code}").format(code=exc.code)


def _seconds(value: object) -> str:
    seconds = float(value or 0)
    return str(int(seconds)) if seconds == int(seconds) else f"{seconds:.1f}"


def print_reason(key: str) -> str:
    """Why a receipt has not printed, from ``printing.queue.reason_key``."""
    reasons = {
        "queued": translate("Messages", "Waiting for its turn"),
        "printing": translate("Messages", "Printing now"),
        "paper_ran_out": translate(
            "Messages", "Paper ran out while printing: it may be incomplete"
        ),
        "interrupted": translate("Messages", "Interrupted while printing: check the paper"),
        "connection_lost": translate(
            "Messages", "Connection lost while printing: check the paper"
        ),
        "layout": translate("Messages", "The receipt could not be laid out"),
        "refused": translate("Messages", "The system print queue refused it"),
        "cover_open": translate("Messages", "Printer cover open"),
        "paper_out": translate("Messages", "Printer out of paper"),
        "offline": translate("Messages", "Printer offline"),
        "unreachable": translate("Messages", "Printer not reachable"),
    }
    return reasons.get(key, translate("Messages", "An unexpected printer error"))
