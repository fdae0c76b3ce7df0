"""The server's database: one SQLAlchemy Core code path for SQLite and PostgreSQL.

Every writing transaction goes through :func:`write`, which retries on the errors a
database raises when two transactions collide (SQLite busy, PostgreSQL serialization
failure or deadlock; CockroachDB's 40001 is the same class), so the callers stay simple.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from sync.errors import ServerSetupError

log = logging.getLogger(__name__)

T = TypeVar("T")
SERVER_DB_NAME = "server.db"
MIGRATIONS = Path(__file__).with_name("migrations")
WRITE_ATTEMPTS = 8
MIGRATE_ATTEMPTS = 6


class Busy(Exception):
    """The database stayed busy through every retry; the request may be sent again."""


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / SERVER_DB_NAME}"


def normalise_url(url: str) -> str:
    """Accept the usual spellings and pick psycopg 3 for PostgreSQL."""
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise ServerSetupError(f"not a database URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30})
        _sqlite_transactions(engine)
    elif parsed.get_backend_name() == "postgresql":
        engine = sa.create_engine(url, pool_size=5, max_overflow=10, pool_pre_ping=True)
    else:
        raise ServerSetupError(f"unsupported database {parsed.get_backend_name()!r}")
    return engine


def _sqlite_transactions(engine: Engine) -> None:
    """Let SQLite run real transactions: BEGIN IMMEDIATE for writers, a snapshot for readers."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn, record):
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA journal_mode = WAL")
        dbapi_conn.execute("PRAGMA synchronous = FULL")
        dbapi_conn.execute("PRAGMA foreign_keys = ON")
        dbapi_conn.execute("PRAGMA busy_timeout = 30000")

    @event.listens_for(engine, "begin")
    def on_begin(conn):
        reading = conn.get_execution_options().get("read_only", False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


def is_postgres(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "postgresql"


# Rows one owner change must write before the planner's statistics are refreshed with it.
BULK_ROWS = 1000


def bulk_written(conn: Connection, rows: int, *tables: str) -> None:
    """Refresh PostgreSQL's planner statistics of ``tables`` after a bulk write, in the same
    transaction. Until autovacuum gets to them, a new shop's first import of 100,000
    products leaves the planner thinking the tables nearly empty: the first pull page then
    scans and sorts every row of the shop (0.2-0.4 s) instead of reading 1,000 in index
    order (14 ms). SQLite plans those queries by their indexes and needs nothing."""
    if rows >= BULK_ROWS and is_postgres(conn):
        for table in tables:
            conn.exec_driver_sql(f"ANALYZE {table}")


def write(engine: Engine, work: Callable[[Connection], T]) -> T:
    """Run ``work`` in one writing transaction, retrying on lock and serialization conflicts."""
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with engine.begin() as conn:
                return work(conn)
        except (sa.exc.OperationalError, sa.exc.IntegrityError) as exc:
            # A unique key taken by a concurrent transaction: run again, and the work then
            # sees the committed row (a resend answered from the record).
            if not _retryable(exc) or attempt == WRITE_ATTEMPTS:
                if _retryable(exc):
                    raise Busy(str(exc.orig)) from exc
                raise
            pause = min(0.5, 0.01 * 2**attempt) * random.random()
            log.info("transaction conflict (%s); retry %d in %.3f s", exc.orig, attempt, pause)
            time.sleep(pause)
    raise AssertionError("unreachable")


def read(engine: Engine, work: Callable[[Connection], T]) -> T:
    """Run ``work`` on one consistent snapshot."""
    options = {"read_only": True}
    if is_postgres(engine):
        options["isolation_level"] = "REPEATABLE READ"
    with engine.connect().execution_options(**options) as conn, conn.begin():
        return work(conn)


# Serialization failure, deadlock, lock not available; unique violation (a duplicate key).
PG_RETRY = ("40001", "40P01", "55P03", "23505")
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE = 1555, 2067


def _retryable(exc: sa.exc.DBAPIError) -> bool:
    """A conflict with a concurrent transaction, judged by the error's code alone.

    Of the integrity errors only a duplicate key is one (another transaction took the key
    first); a NOT NULL or foreign key failure is a fault that no retry mends.
    """
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate in PG_RETRY
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code is None:
        return False
    if isinstance(exc, sa.exc.IntegrityError):
        return code in (SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE)
    # SQLITE_BUSY and SQLITE_LOCKED, with their extended codes (the primary code is the low byte).
    return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (Alembic, scripts bundled in this package).

    Several server processes may start at once on a new database. PostgreSQL runs each
    upgrade in one transaction, so the processes that lose the race to create the schema
    fail whole (a duplicate table or key) and leave nothing behind; they wait, run the
    upgrade again and find the schema already at the newest revision. No advisory lock is
    taken, since the distributed engines the server may move to lack them.
    """
    for attempt in range(1, MIGRATE_ATTEMPTS + 1):
        try:
            _upgrade(engine)
            return
        except sa.exc.DBAPIError as exc:
            if attempt == MIGRATE_ATTEMPTS:
                raise
            pause = 0.2 * attempt * (0.5 + random.random())
            log.info(
                "schema upgrade met another server's (%s); retry %d in %.2f s",
                type(exc.orig).__name__,
                attempt,
                pause,
            )
            time.sleep(pause)


def _upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config as AlembicConfig

    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
