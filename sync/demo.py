"""A central server for the demo shop: started beside the demo till, which it enrolls.

The first time, the server gets a shop, the demo catalog and users (so the till's sales and
stock movements land on products the server knows), and the till is enrolled with it. On
later runs the same server database is started again on the port the till knows.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from app import catalog, users
from app.config import Config
from localdb import Store
from sync import cycle
from sync.client import SyncClient
from sync.errors import SyncError

log = logging.getLogger(__name__)

DEMO_PORT = 8765
START_TIMEOUT_S = 20.0


class DemoServer:
    """The server process; ``stop()`` ends it (if this till started it)."""

    def __init__(self, url: str, process: subprocess.Popen | None) -> None:
        self.url = url
        self.process = process

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        log.info("demo server at %s stopped", self.url)


def start(data_dir: Path, config: Config, store_path: Path) -> DemoServer:
    """Run the demo's server (reusing one already answering on its port) and enroll the till."""
    with Store.open(store_path, primary=False) as store:
        known = store.meta("sync.server", "")
    url = known or f"http://127.0.0.1:{_free_port(DEMO_PORT)}"
    process = None
    if not _answers(url):
        port = int(url.rsplit(":", 1)[1])
        process = _spawn(data_dir, port)
        _wait_until_up(url, process)
    server = DemoServer(url, process)
    if not known:
        try:
            _enroll(data_dir, config, store_path, url)
        except Exception:
            server.stop()
            raise
    return server


def _spawn(data_dir: Path, port: int) -> subprocess.Popen:
    log_file = open(data_dir / "server.log", "ab")  # noqa: SIM115 (the child keeps it)
    command = [
        sys.executable,
        "-m",
        "app.cli",
        "--data-dir",
        str(data_dir),
        "server",
        "run",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    root = Path(__file__).resolve().parents[1]
    process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, cwd=root)
    log_file.close()
    log.info("demo server starting on port %d (pid %d)", port, process.pid)
    return process


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SyncError(
                f"the demo server stopped at start (exit {process.returncode}); "
                "see server.log in the demo data directory"
            )
        if _answers(url):
            return
        time.sleep(0.2)
    process.kill()
    raise SyncError(f"the demo server did not answer at {url}")


def _answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/v1/hello", timeout=1.0).status_code == 200
    except httpx.HTTPError:
        return False


def _free_port(preferred: int) -> int:
    for port in (preferred, 0):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise SyncError("no free port for the demo server")


def _enroll(data_dir: Path, config: Config, store_path: Path, url: str) -> None:
    """Give the server the demo shop, its catalog and users, then enroll this till."""
    from sync.server import db, models, service

    engine = db.make_engine(db.default_url(data_dir))
    db.migrate(engine)
    shop = service.add_shop(engine, config.shop.name)
    with Store.open(store_path, primary=False) as store:
        products = _catalog(store)
        people = [
            models.OwnerUser(name=u.name, role=u.role, pin=pin) for u, pin in _demo_users(store)
        ]
    owner = service.owner_token(engine, "demo")
    service.owner_products(engine, owner, models.OwnerProducts(shop=shop, products=products))
    if people:
        service.owner_users(engine, owner, models.OwnerUsers(shop=shop, users=people))
    code = service.enroll_code(engine, shop)
    engine.dispose()
    with SyncClient(url, attempts=3) as client:
        answer = client.enroll(code, config.till.code)
    with Store.open(store_path, primary=False) as store:
        cycle.save_enrollment(store, server=url, answer=answer)
    config.replace("sync", server=url).save(data_dir)
    log.info("demo till %s enrolled with %s in shop %s", config.till.code, url, shop)


def _catalog(store: Store) -> list:
    from sync.server import models

    products = []
    for (product_id,) in store.execute("SELECT id FROM products ORDER BY id").fetchall():
        product = catalog.by_id(store, product_id)
        products.append(
            models.OwnerProduct(
                sku=product.sku,
                name=product.name,
                unit=product.unit,
                price=product.price,
                cost=product.cost,
                tax_rate=product.tax_rate,
                category=product.category,
                active=int(product.active),
                stock_policy=product.stock_policy,
                weighed=int(product.weighed),
                barcodes=[
                    models.BarcodeV1(code=code, pack_qty=pack)
                    for code, pack in catalog.barcodes_of(store, product_id)
                ],
            )
        )
    return products


def _demo_users(store: Store) -> list:
    """Demo users with their PINs (from the demo's table: the server keeps its own hashes)."""
    from app.demo import DEMO_USERS

    known = {u.name: u for u in users.all_users(store)}
    return [(known[name], pin) for name, _role, pin in DEMO_USERS if name in known]
