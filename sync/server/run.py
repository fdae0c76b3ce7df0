"""Start the server process: migrate, then serve with uvicorn (HTTPS when given a cert)."""

from __future__ import annotations

import gc
import ipaddress
import logging
import socket

from sync.errors import ServerSetupError
from sync.server import db

log = logging.getLogger(__name__)

# A push of 1,000 sales makes some 100,000 short-lived objects. At Python's default
# thresholds (700, 10, 10) the collector also made full passes over everything the process
# keeps (the app, its pydantic schemas, SQLAlchemy's metadata) several times per request:
# about a quarter of a push's time on PostgreSQL.
GC_THRESHOLDS = (50_000, 20, 10)


def settle_garbage_collector() -> None:
    """Leave what start-up made out of every later collection, and collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        try:
            return all(
                ipaddress.ip_address(info[4][0]).is_loopback
                for info in socket.getaddrinfo(host, None)
            )
        except OSError:
            return False


def serve(
    url: str,
    *,
    host: str,
    port: int,
    cert: str | None = None,
    key: str | None = None,
    allow_insecure: bool = False,
) -> None:
    if bool(cert) != bool(key):
        raise ServerSetupError("HTTPS needs both --cert and --key")
    if not cert and not is_loopback(host) and not allow_insecure:
        raise ServerSetupError(
            f"plain HTTP on {host} would send tokens in the clear; give --cert and --key, "
            "or --allow-insecure on a network you trust"
        )
    import uvicorn

    from sync.server.app import create_app

    engine = db.make_engine(url)
    db.migrate(engine)
    scheme = "https" if cert else "http"
    log.info("server listening on %s://%s:%d", scheme, host, port)
    print(
        f"tillbook server on {scheme}://{host}:{port} ({engine.url.render_as_string()})",
        flush=True,
    )
    app = create_app(engine)
    settle_garbage_collector()
    uvicorn.run(
        app,
        host=host,
        port=port,
        ssl_certfile=cert,
        ssl_keyfile=key,
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=5,
    )
