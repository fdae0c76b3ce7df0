"""Sync commands: ``tillbook enroll``, ``tillbook sync`` and the owner's ``tillbook server ...``.

The server framework and database drivers are imported inside the command functions, so
``tillbook --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import date

from sync.errors import ServerSetupError


def register(sub: argparse._SubParsersAction) -> None:
    enroll = sub.add_parser("enroll", help="join this till to a central server")
    enroll.add_argument("url", help="the server, e.g. https://pos.example.com:8765")
    enroll.add_argument("code", help="the one-time code from `tillbook server enroll-code`")
    enroll.set_defaults(func=do_enroll)

    sync = sub.add_parser("sync", help="push unsent sales and pull the catalog now")
    sync.set_defaults(func=do_sync)

    server = sub.add_parser("server", help="the central server and its owner commands")
    server_sub = server.add_subparsers(dest="server_command", required=True, metavar="ACTION")

    def action(name: str, func, help_text: str) -> argparse.ArgumentParser:
        parser = server_sub.add_parser(name, help=help_text)
        parser.add_argument(
            "--db", help="database URL (default: a SQLite file server.db in the data directory)"
        )
        parser.set_defaults(func=func)
        return parser

    run = action("run", server_run, "run the server")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8765)
    run.add_argument("--cert", help="certificate file (PEM) for HTTPS")
    run.add_argument("--key", help="private key file (PEM) for HTTPS")
    run.add_argument(
        "--allow-insecure",
        action="store_true",
        help="allow plain HTTP on an address other than loopback",
    )
    action("migrate", server_migrate, "bring the server database's schema up to date")
    add_shop = action("add-shop", server_add_shop, "add a shop; prints its id")
    add_shop.add_argument("name")
    code = action("enroll-code", server_enroll_code, "print a one-time code to enroll a till")
    code.add_argument("shop", help="shop id or name")
    token = action("owner-token", server_owner_token, "print a new owner token for HTTP reports")
    token.add_argument("--label", default="", help="a note on whose token it is")
    report = action("report-day", server_report_day, "sales per till for one day")
    report.add_argument("--date", type=_day, default=None, help="YYYY-MM-DD (default: today)")
    report.add_argument("--json", action="store_true", help="print JSON")
    revoke = action("revoke", server_revoke, "stop a till's token at once")
    revoke.add_argument("till", help="till id (or code, when unique)")
    clear = action(
        "clear-quarantine", server_clear, "let a quarantined till push again after a check"
    )
    clear.add_argument("till", help="till id (or code, when unique)")
    action("tills", server_tills, "list tills with their state and last contact")


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _engine(ctx, args, *, migrate: bool = True):
    from sync.server import db

    url = args.db or os.environ.get("TILLBOOK_SERVER_DB") or db.default_url(ctx.data_dir)
    import sqlalchemy

    engine = db.make_engine(url)
    if migrate:
        try:
            db.migrate(engine)
        except sqlalchemy.exc.OperationalError as exc:
            raise ServerSetupError(
                f"cannot use the database {engine.url.render_as_string()}: "
                + str(exc.orig).splitlines()[0]
            ) from exc
    return engine


# -- till side -------------------------------------------------------------------------------


def do_enroll(ctx, args) -> int:
    from sync import cycle
    from sync.client import SyncClient

    config = ctx.config
    url = args.url.rstrip("/")
    with SyncClient(url, verify=config.sync.ca_file or True, attempts=3) as client:
        client.hello()
        answer = client.enroll(args.code, config.till.code)
    with ctx.open_store() as store:
        cycle.save_enrollment(store, server=url, answer=answer)
    config.replace("sync", server=url).save(ctx.data_dir)
    print(f"till {config.till.code} enrolled in shop {answer['shop_name']} ({answer['shop']})")
    return 0


def do_sync(ctx, args) -> int:
    from sync import worker

    with ctx.open_store() as store:
        moved = worker.sync_once(store, ctx.config)
    print(
        f"pushed {moved.pushed}, already on the server {moved.duplicates}, refused "
        f"{moved.rejected}, pulled {moved.pulled}, left unsent {moved.left_unsent}"
    )
    for kind in sorted(set(moved.exceptions)):
        print(f"for the owner to review: {moved.exceptions.count(kind)} x {kind}")
    if moved.error:
        print(f"stopped: {moved.error}")
    with ctx.open_store() as store:
        refused = store.scalar("SELECT count(*) FROM outbox WHERE state = 'rejected'")
    if refused:
        # Not on the server, so not synced: a day end must not pass them by unnoticed.
        print(
            f"not synced: {refused} changes refused by the server are kept on this till for review"
        )
    return 1 if moved.left_unsent or moved.error or refused else 0


# -- server side -----------------------------------------------------------------------------


def server_run(ctx, args) -> int:
    from sync.server import db, run

    url = args.db or os.environ.get("TILLBOOK_SERVER_DB") or db.default_url(ctx.data_dir)
    run.serve(
        url,
        host=args.host,
        port=args.port,
        cert=args.cert,
        key=args.key,
        allow_insecure=args.allow_insecure,
    )
    return 0


def server_migrate(ctx, args) -> int:
    _engine(ctx, args)
    print("server database is up to date")
    return 0


def server_add_shop(ctx, args) -> int:
    from sync.server import service

    print(service.add_shop(_engine(ctx, args), args.name))
    return 0


def server_enroll_code(ctx, args) -> int:
    from sync.server import service

    print(service.enroll_code(_engine(ctx, args), args.shop))
    return 0


def server_owner_token(ctx, args) -> int:
    from sync.server import service

    print(service.owner_token(_engine(ctx, args), args.label))
    return 0


def server_report_day(ctx, args) -> int:
    from sync.server import db, service

    day = args.date or date.today().isoformat()
    rows = db.read(_engine(ctx, args), lambda conn: service.report_day(conn, day))
    if args.json:
        keys = ("shop", "till", "sales", "total")
        print(json.dumps([{k: r[k] for k in keys} for r in rows], ensure_ascii=False, indent=2))
        return 0
    print(f"{'shop':<24} {'till':<8} {'sales':>7} {'total':>14}   ({day})")
    for r in rows:
        print(f"{r['shop']:<24} {r['till']:<8} {r['sales']:>7} {r['total']:>14}")
    return 0


def server_revoke(ctx, args) -> int:
    from sync.server import service

    till_id = service.revoke(_engine(ctx, args), args.till)
    print(f"till {till_id} revoked")
    return 0


def server_clear(ctx, args) -> int:
    from sync.server import service

    till_id = service.clear_quarantine(_engine(ctx, args), args.till)
    print(f"till {till_id} may push again; its pending changes will be numbered anew")
    return 0


def server_tills(ctx, args) -> int:
    from sync.server import service

    for t in service.list_tills(_engine(ctx, args)):
        print(
            f"{t['id']}\t{t['name']}\t{t['code']}\t{t['state']}\tapplied {t['applied_seq']}"
            f"\tlast contact {t['last_contact'] or '-'}\tunsynced {t['reported_unsynced']}"
            + (f"\t{t['reason']}" if t["reason"] else "")
        )
    return 0
