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

    jobs = printer_sub.add_parser("jobs", help="list receipts not printed yet (--all: every job)")
    jobs.add_argument("--all", action="store_true", help="include printed and skipped jobs")
    jobs.set_defaults(func=printer_jobs)
    retry = printer_sub.add_parser("retry", help="print a waiting or failed job again")
    retry.add_argument("job", type=int)
    retry.set_defaults(func=printer_retry)
    skip = printer_sub.add_parser("skip", help="give up on a job (and its drawer kick)")
    skip.add_argument("job", type=int)
    skip.set_defaults(func=printer_skip)
    reprint = printer_sub.add_parser("reprint", help="queue a copy marked REPRINT (重印)")
    reprint.add_argument("receipt_no")
    reprint.set_defaults(func=printer_reprint)


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
            encoding=settings.encoding,
        )
        conn.send(doc_to_escpos(doc, encoding=settings.encoding))
        conn.submit()  # a system queue (cups://, lp://) says here whether it took the job
        after = conn.status()
    if printer.scheme == "dummy":
        print(f"test receipt recorded by dummy: ({len(printer.recorded)} bytes); nothing printed")
        return 0
    state = after.describe() if after else "not reported by this connection"
    print(f"test receipt sent to {printer.url}; printer status: {state}")
    return 0 if after is None or after.ready else 1


def printer_jobs(ctx, args) -> int:
    from printing.queue import list_jobs

    with ctx.open_store() as store:
        jobs = list_jobs(store, pending_only=not args.all)
    if not jobs:
        print("no receipts waiting")
    for job in jobs:
        print(
            f"{job.id}\t{job.receipt_no}\t{job.kind}\t{job.state}\tdrawer {job.drawer}"
            f"\t{job.reason}".rstrip()
        )
    return 0


def printer_retry(ctx, args) -> int:
    from printing.queue import retry_job

    return _job_action(ctx, args.job, retry_job, "queued again; the till prints it")


def printer_skip(ctx, args) -> int:
    from printing.queue import skip_job

    return _job_action(ctx, args.job, skip_job, "skipped")


def _job_action(ctx, job_id: int, action, done: str) -> int:
    from app.errors import UserInputError

    with ctx.open_store() as store:
        if not action(store, job_id):
            raise UserInputError(
                f"print job {job_id} is not waiting or failed (printed, skipped or unknown)",
                job=job_id,
            )
    print(f"print job {job_id} {done}")
    return 0


def printer_reprint(ctx, args) -> int:
    from app import sales
    from printing.queue import queue_reprint

    with ctx.open_store() as store:
        sale = sales.load(store, receipt_no=args.receipt_no)
        job_id = queue_reprint(store, sale.id)
    print(f"reprint of {sale.receipt_no} queued as print job {job_id}")
    return 0
