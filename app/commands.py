"""Everyday owner commands: users, backup and restore, store checks, settings."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import audit, config, users
from app.errors import UnsyncedChanges
from app.paths import backup_dir
from localdb import backup as backups
from sync import outbox


def register(sub: argparse._SubParsersAction) -> None:
    user = sub.add_parser("user", help="manage users")
    user_sub = user.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    add = user_sub.add_parser("add", help="add a user with a role and a PIN")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=users.ROLES)
    add.add_argument("--pin", required=True, help="4 to 8 digits, unique in the shop")
    add.set_defaults(func=user_add)
    listing = user_sub.add_parser("list", help="list users")
    listing.set_defaults(func=user_list)

    back = sub.add_parser("backup", help="copy the store to the backups folder")
    back.add_argument("--to", type=Path, help="folder for the copy (default: DATA_DIR/backups)")
    back.set_defaults(func=do_backup)

    rest = sub.add_parser("restore", help="replace the store with a backup")
    rest.add_argument("file", type=Path)
    rest.add_argument(
        "--force",
        action="store_true",
        help="restore even though some sales are not on the server yet",
    )
    rest.set_defaults(func=do_restore)

    check = sub.add_parser("check", help="run a full integrity check of the store")
    check.set_defaults(func=do_check)

    conf = sub.add_parser("config", help="settings")
    conf_sub = conf.add_subparsers(dest="config_command", required=True, metavar="ACTION")
    conf_sub.add_parser("doc", help="print every setting").set_defaults(func=config_doc)
    conf_sub.add_parser("check", help="validate config.toml").set_defaults(func=config_check)


def user_add(ctx, args) -> int:
    with ctx.open_store() as store:
        user = users.add_user(store, name=args.name, role=args.role, pin=args.pin)
    print(f"user {user.name} added as {user.role}")
    return 0


def user_list(ctx, args) -> int:
    with ctx.open_store() as store:
        for user in users.all_users(store):
            print(f"{user.id}\t{user.role}\t{user.name}")
    return 0


def do_backup(ctx, args) -> int:
    with ctx.open_store() as store:
        target = backups.backup(
            store, args.to or backup_dir(ctx.data_dir), keep=ctx.config.till.backup_keep
        )
    print(f"backed up to {target}")
    return 0


def do_restore(ctx, args) -> int:
    backups.check_backup(args.file)
    with ctx.open_store() as store:
        unsynced = outbox.unsynced_count(store.conn)
        if unsynced and not args.force:
            raise UnsyncedChanges(
                f"{unsynced} changes (sales, returns, stock) are not on the server yet and "
                "would be lost; sync first (tillbook sync) or add --force",
                count=unsynced,
            )
        safety = backups.backup(store, backup_dir(ctx.data_dir), keep=1000)
        backups.restore(store, args.file)
        with store.transaction() as conn:
            audit.record(
                conn,
                "restore",
                user_id=None,
                source=str(args.file),
                lost_unsynced=unsynced,
                safety_copy=str(safety),
            )
    print(f"restored from {args.file}; the replaced store was kept as {safety}")
    return 0


def do_check(ctx, args) -> int:
    with ctx.open_store() as store:
        problems = store.integrity_problems(full=True)
    if problems:
        for problem in problems:
            print(problem)
        return 1
    print("store is sound")
    return 0


def config_doc(ctx, args) -> int:
    print(config.documentation())
    return 0


def config_check(ctx, args) -> int:
    loaded = config.Config.load(ctx.data_dir)
    print(
        f"{ctx.data_dir / config.CONFIG_NAME}: ok (shop {loaded.shop.name!r}, "
        f"till {loaded.till.code})"
    )
    return 0
