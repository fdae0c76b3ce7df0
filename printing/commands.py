"""``tillbook printer ...``: check the receipt printer from the command line."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    printer = sub.add_parser("printer", help="receipt printer")
    printer_sub = printer.add_subparsers(dest="printer_command", required=True, metavar="ACTION")
    test = printer_sub.add_parser(
        "test", help="print a test receipt (Chinese, English, barcode, QR, cut) and the status"
    )
    test.add_argument("--printer", metavar="URL", help="printer URL instead of config.toml's")
    test.set_defaults(func=printer_test)


def printer_test(ctx, args) -> int:
    from devices.printer import ReceiptPrinter
    from printing.escpos_out import doc_to_escpos
    from printing.receipt import columns_for_paper, render_test_receipt

    settings = ctx.config.printer
    printer = ReceiptPrinter(settings, url=args.printer)
    with printer.connect() as conn:
        before = printer.ensure_ready(conn)
        state = before.describe() if before else "not reported by this connection"
        doc = render_test_receipt(
            ctx.config.shop,
            width_cols=columns_for_paper(settings.paper_mm),
            status=f"状态 Status: {state}",
        )
        conn.send(doc_to_escpos(doc, encoding=settings.encoding))
        after = conn.status()
    if printer.scheme == "dummy":
        print(f"test receipt recorded by dummy: ({len(printer.recorded)} bytes); nothing printed")
        return 0
    state = after.describe() if after else "not reported by this connection"
    print(f"test receipt sent to {printer.url}; printer status: {state}")
    return 0 if after is None or after.ready else 1
