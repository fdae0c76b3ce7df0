"""``tillbook till`` (the default) and ``tillbook demo``: open the counter screen.

Qt is imported inside the command functions, so other commands start without it.
"""

from __future__ import annotations

import argparse
import importlib.util

from app.errors import TillbookError


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
    # TODO: start a local central server and enroll the demo till once sync provides one;
    # the demo till sells offline until then.
    return open_till(ctx, args)
