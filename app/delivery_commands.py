"""``tillbook slip``: list delivery slips and print one to a PDF file or a system printer."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from app import delivery
from app.money import format_money


def register(sub: argparse._SubParsersAction) -> None:
    slip = sub.add_parser("slip", help="delivery slips (送货单)")
    slip_sub = slip.add_subparsers(dest="slip_command", required=True, metavar="ACTION")

    printing = slip_sub.add_parser(
        "print", help="print a slip to the system printer, or save it as PDF with --pdf"
    )
    printing.add_argument("number", help="slip number, e.g. D-T01-000001")
    printing.add_argument("--pdf", type=Path, metavar="FILE", help="write the PDF here instead")
    printing.add_argument("--paper", choices=("A4", "A5"), help="default: warehouse.slip_paper")
    printing.add_argument(
        "--prices",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show unit prices and amounts (default: warehouse.slip_prices)",
    )
    printing.add_argument("--language", choices=("zh_CN", "en"), help="labels on the slip")
    printing.add_argument("--printer", help="CUPS queue (default: warehouse.slip_printer)")
    printing.set_defaults(func=slip_print)

    listing = slip_sub.add_parser("list", help="list slips")
    listing.add_argument("--state", choices=delivery.STATES)
    listing.add_argument("--search", default="", help="number, customer or phone")
    listing.add_argument("--from", dest="day_from", metavar="YYYY-MM-DD")
    listing.add_argument("--to", dest="day_to", metavar="YYYY-MM-DD")
    listing.set_defaults(func=slip_list)


def slip_print(ctx, args) -> int:
    # reportlab is imported here, not at the top, so `tillbook` starts fast for other commands.
    from printing import slip as slips
    from printing import system

    config = ctx.config
    with ctx.open_store() as store:
        found = delivery.load(store, number=args.number)
    options = {"paper": args.paper, "prices": args.prices, "language": args.language}
    made = slips.render_with_config(found, config, **options)
    print(f"font: {made.font.describe()}", file=sys.stderr)
    if args.pdf:
        slips.save(args.pdf, made.data)
        print(f"slip {found.number}: {made.pages} pages written to {args.pdf}")
        return 0
    printer = args.printer or config.warehouse.slip_printer
    with tempfile.TemporaryDirectory(prefix="tillbook-slip-") as folder:
        path = Path(folder) / f"{found.number}.pdf"
        path.write_bytes(made.data)
        answer = system.send_to_printer(path, printer=printer)
    print(f"slip {found.number}: {made.pages} pages sent to {printer or 'the default printer'}")
    if answer:
        print(answer)
    return 0


def slip_list(ctx, args) -> int:
    with ctx.open_store() as store:
        found = delivery.search(
            store,
            text=args.search,
            state=args.state,
            day_from=args.day_from,
            day_to=args.day_to,
        )
    for row in found:
        print(
            f"{row.number}\t{row.state}\t{row.created_day}\t{row.customer_name}\t{row.phone}"
            f"\t{row.lines}\t{format_money(row.total)}"
        )
    return 0
