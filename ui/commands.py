"""``tillbook till`` (the default) and ``tillbook demo``: open the counter screen.

Qt is imported inside the command functions, so other commands start without it.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging

from app.errors import TillbookError

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    till = sub.add_parser("till", help="open the till (the default command)")
    _screen_options(till)
    till.set_defaults(func=open_till)

    demo = sub.add_parser("demo", help="create the demo shop if missing and open its till")
    _screen_options(demo)
    demo.set_defaults(func=open_demo)


def _screen_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fullscreen", action="store_true", help="fill the whole screen")
    parser.add_argument(
        "--quit-when-ready", action="store_true", help=argparse.SUPPRESS
    )  # the launch benchmark: print the time to the first paint, then quit


def open_till(ctx, args) -> int:
    from ui.main import run

    return run(ctx, fullscreen=args.fullscreen, quit_when_ready=args.quit_when_ready)


def open_demo(ctx, args) -> int:
    if importlib.util.find_spec("app.demo") is None:
        raise TillbookError("the demo shop is not part of this build (app.demo is missing)")
    from app import demo, paths

    if not ctx.explicit_data_dir:  # the demo never fills a real till's store
        ctx.data_dir = paths.demo_dir()
    if demo.ensure_demo_shop(ctx.data_dir):
        print(f"demo shop created in {ctx.data_dir}")
    server = _start_demo_server(ctx)
    try:
        return open_till(ctx, args)
    finally:
        if server is not None:
            server.stop()


def _start_demo_server(ctx):
    """The demo's central server, with the demo till enrolled; the till sells without it."""
    from sync import demo as demo_server

    try:
        server = demo_server.start(ctx.data_dir, ctx.config, ctx.store_path)
    except Exception as exc:  # the demo till still sells offline
        log.warning("demo server not started: %s", exc, exc_info=True)
        print(f"the demo's central server did not start ({exc}); the till sells offline")
        return None
    ctx.reload_config()  # enrollment wrote the server's address into config.toml
    print(f"demo central server at {server.url}")
    return server
