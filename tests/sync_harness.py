"""Real parts for the sync tests: server processes, databases, enrolled tills, a fault proxy."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from app import users
from app.config import Config
from app.till import Till
from localdb import Store
from sync import cycle
from sync.client import SyncClient
from sync.server import db, service

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Database:
    """A fresh server database: a SQLite file, or a uniquely named PostgreSQL database."""

    def __init__(self, kind: str, tmp_path: Path, *, migrate: bool = True) -> None:
        self.kind = kind
        if kind == "sqlite":
            self.url = f"sqlite:///{tmp_path / 'server.db'}"
            self.name = None
        else:
            import psycopg

            self.name = f"tb_sync_{secrets.token_hex(5)}"
            # Fails (never skips) when PostgreSQL is not there.
            with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')
            self.url = f"postgresql://postgres@127.0.0.1:5432/{self.name}"
        self.engine = db.make_engine(self.url)
        if migrate:
            db.migrate(self.engine)

    def drop(self) -> None:
        self.engine.dispose()
        if self.name:
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def scalar(self, sql: str, **params):
        with self.engine.connect() as conn:
            return conn.execute(service.q(sql), params).scalar()

    def rows(self, sql: str, **params) -> list:
        with self.engine.connect() as conn:
            return conn.execute(service.q(sql), params).fetchall()


class ServerProcess:
    """``python -m app.cli server run`` on a free loopback port."""

    def __init__(self, database: Database, data_dir: Path, *, extra: tuple = ()) -> None:
        self.database, self.data_dir, self.extra = database, data_dir, extra
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        return self.launch().wait_ready()

    def launch(self) -> ServerProcess:
        log = open(self.data_dir / f"server-{self.port}.log", "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app.cli",
                "--data-dir",
                str(self.data_dir),
                "server",
                "run",
                "--db",
                self.database.url,
                "--port",
                str(self.port),
                *self.extra,
            ],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        return self

    def wait_ready(self) -> ServerProcess:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_text()}")
            try:
                if httpx.get(self.url + "/v1/hello", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("server did not start: " + self.log_text())

    def log_text(self) -> str:
        return (self.data_dir / f"server-{self.port}.log").read_text(errors="replace")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


class Chain:
    """A server with one shop and an owner token, and tills enrolled into it."""

    def __init__(self, database: Database, server: ServerProcess) -> None:
        self.database, self.server = database, server
        engine = database.engine
        self.shop = service.add_shop(engine, "测试店 Test shop")
        self.owner = service.owner_token(engine, "tests")

    def owner_client(self) -> httpx.Client:
        return httpx.Client(
            base_url=self.server.url,
            headers={"Authorization": f"Bearer {self.owner}"},
            timeout=60,
        )

    def add_products(self, *products: dict) -> None:
        with self.owner_client() as http:
            r = http.post("/v1/owner/products", json={"shop": self.shop, "products": products})
            assert r.status_code == 200, r.text

    def receive(self, sku: str, qty_milli: int) -> None:
        move = {
            "uuid": secrets.token_hex(16),
            "sku": sku,
            "location": "SHOP",
            "qty_milli": qty_milli,
            "kind": "receipt",
        }
        with self.owner_client() as http:
            r = http.post("/v1/owner/stock", json={"shop": self.shop, "moves": [move]})
            assert r.status_code == 200, r.text

    def till(self, directory: Path, code: str, *, url: str | None = None) -> TillHandle:
        directory.mkdir(parents=True, exist_ok=True)
        code_text = service.enroll_code(self.database.engine, self.shop)
        store = Store.open(directory / "till.db")
        with SyncClient(url or self.server.url) as client:
            answer = client.enroll(code_text, code)
        cycle.save_enrollment(store, server=url or self.server.url, answer=answer)
        config = Config().replace("till", code=code).replace("sync", server=url or self.server.url)
        config.save(directory)
        return TillHandle(directory, store, config, answer)


class TillHandle:
    def __init__(self, directory: Path, store: Store, config: Config, answer: dict) -> None:
        self.directory, self.store, self.config, self.answer = directory, store, config, answer
        self.token = answer["token"]
        self.shop = answer["shop"]
        self.till = Till(store, config)
        self._user = None

    def login(self) -> None:
        if self._user is None:
            self._user = users.add_user(
                self.store, name=f"cashier-{self.config.till.code}", role="cashier", pin="4321"
            )
        self.till.login(self._user)

    def sell(self, *items: tuple[str, int]) -> str:
        """Sell (sku, units) pairs for cash; returns the sale's UUID."""
        if self.till.user is None:
            self.login()
        for sku, units in items:
            product_id = self.store.scalar("SELECT id FROM products WHERE sku = ?", (sku,))
            self.till.add_product(product_id, qty_milli=units * 1000, confirmed=True)
        due = self.till.totals().due
        self.till.add_payment(tender="cash", amount=due)
        done = self.till.complete()
        return self.store.scalar("SELECT uuid FROM sales WHERE id = ?", (done.sale_id,))

    def sync(self, *, attempts: int = 3, url: str | None = None) -> cycle.Moved:
        with SyncClient(url or self.config.sync.server, self.token, attempts=attempts) as client:
            return cycle.run(self.store, client, self.shop)

    def on_hand(self, sku: str) -> int:
        return self.store.scalar(
            "SELECT coalesce(sum(m.qty_milli), 0) FROM stock_moves m JOIN products p"
            " ON p.id = m.product_id WHERE p.sku = ? AND m.location_id = 1",
            (sku,),
        )

    def close(self) -> None:
        self.store.close()


def product(sku: str, price: int, *, name: str | None = None, barcode: str | None = None) -> dict:
    return {
        "sku": sku,
        "name": name or f"商品 {sku}",
        "price": price,
        "cost": price // 2,
        "stock_policy": "allow",
        "barcodes": [{"code": barcode, "pack_qty": 1}] if barcode else [],
    }


class FaultProxy:
    """A TCP proxy between a till and the server that misbehaves on purpose.

    Per connection it picks a fault: pass, drop the request (close before forwarding),
    drop the response (forward, let the server answer, close before replying), stall,
    reset mid-body, send the request twice, or send half the request.

    ``offline(after=n, fault=f)`` lets the next ``n`` requests through and then fails every
    one with ``f`` (one of those faults, or ``reset``: the connection reset before anything
    is read), as a network that goes away mid-cycle; ``online()`` ends that. ``busy``
    answers requests for a path with 503 and a Retry-After of its own. ``events`` records,
    per connection, when it was accepted, its request read, forwarded in full to the server,
    and answered by the server; ``wait_for`` waits for one of them.
    """

    FAULTS = (
        "pass",
        "drop_request",
        "drop_response",
        "stall",
        "reset_mid_body",
        "repeat",
        "cut_request",
    )

    def __init__(self, target_port: int, *, seed: int = 1, weights=None, stall_s: float = 2.0):
        import random

        self.target_port = target_port
        self.random = random.Random(seed)
        self.weights = weights or [4, 1, 2, 1, 1, 1, 1]
        self.stall_s = stall_s
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.counts = {f: 0 for f in self.FAULTS}
        self.delay_s = 0.0
        self.enabled = True
        self.events: list[tuple[float, int, str, str]] = []  # (time, connection, what, line)
        self._seen = threading.Condition()
        self._connections = 0
        self._offline: tuple[int, str] | None = None  # (requests still let through, fault)
        self._busy: dict[str, list] = {}  # path: [answers left, Retry-After value]
        self._stop = False
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop = True
        self.listener.close()

    def offline(self, *, after: int = 0, fault: str = "reset") -> None:
        with self._seen:
            self._offline = (after, fault)

    def online(self) -> None:
        with self._seen:
            self._offline = None

    def busy(self, path: str, *, retry_after: str, count: int = 1) -> None:
        """Answer the next ``count`` requests for ``path`` with 503 and this Retry-After."""
        with self._seen:
            self._busy[path] = [count, retry_after]

    def accepted_at(self, *, since: float = 0.0) -> list[float]:
        """When each connection was accepted (the till's connection attempts)."""
        with self._seen:
            return [at for at, _, w, _ in self.events if w == "accepted" and at >= since]

    def wait_for(
        self, what: str, line: str, *, since: float = 0.0, timeout: float = 30.0
    ) -> tuple[float, int]:
        """The first event ``what`` (at ``since`` or later) of a request whose request line
        starts with ``line``: its time and connection."""

        def found():
            with_line = {c for _, c, w, text in self.events if text.startswith(line)}
            return next(
                (
                    (at, c)
                    for at, c, w, _ in self.events
                    if w == what and c in with_line and at >= since
                ),
                None,
            )

        with self._seen:
            hit = self._seen.wait_for(found, timeout)
        if hit is None:
            raise AssertionError(f"the proxy saw no {what} for {line!r} in {timeout} s")
        return hit

    def happened(self, connection: int, what: str) -> bool:
        with self._seen:
            return any(c == connection and w == what for _, c, w, _ in self.events)

    def _note(self, connection: int, what: str, request: bytes = b"") -> None:
        line = request.split(b"\r\n", 1)[0].decode("latin-1")
        with self._seen:
            self.events.append((time.monotonic(), connection, what, line))
            self._seen.notify_all()

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            fault = self.random.choices(self.FAULTS, self.weights)[0] if self.enabled else "pass"
            self.counts[fault] += 1
            self._connections += 1
            self._note(self._connections, "accepted")
            threading.Thread(
                target=self._serve, args=(client, fault, self._connections), daemon=True
            ).start()

    def _override(self, request: bytes, fault: str) -> tuple[str, bytes | None]:
        """The fault an offline spell or a busy path puts in place of the drawn one, and a
        503 answer to send instead of forwarding."""
        path = request.split(b" ", 2)[1].split(b"?")[0].decode("latin-1") if request else ""
        with self._seen:
            busy = self._busy.get(path)
            if busy and busy[0] > 0:
                busy[0] -= 1
                body = b'{"error":"busy","reason":"try again later"}'
                answer = (
                    f"HTTP/1.1 503 Service Unavailable\r\nRetry-After: {busy[1]}\r\n"
                    "Content-Type: application/json\r\n"
                    f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
                ).encode() + body
                return "busy", answer
            if self._offline is not None:
                after, offline_fault = self._offline
                if after > 0:
                    self._offline = (after - 1, offline_fault)
                    return "pass", None
                return offline_fault, None
        return fault, None

    def _read_request(self, sock: socket.socket) -> bytes:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                return data
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
        # One request per connection keeps the fault per request simple.
        head = b"\r\n".join(
            line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")
        )
        return head + b"\r\nConnection: close\r\n\r\n" + body

    def _exchange(self, request: bytes, connection: int = 0) -> bytes:
        with socket.create_connection(("127.0.0.1", self.target_port)) as upstream:
            upstream.sendall(request)
            self._note(connection, "forwarded", request)
            out = b""
            while True:
                chunk = upstream.recv(65536)
                if not chunk:
                    return out
                if not out:
                    self._note(connection, "answered", request)
                out += chunk

    def _serve(self, client: socket.socket, fault: str, connection: int) -> None:
        try:
            with self._seen:
                offline = self._offline
            if offline == (0, "reset"):
                return  # closed at once, with a reset: nothing read, nothing forwarded
            request = self._read_request(client)
            if not request:
                return
            self._note(connection, "received", request)
            fault, answer = self._override(request, fault)
            if answer is not None:
                client.sendall(answer)
                return
            if fault == "reset":
                return
            if self.delay_s:
                time.sleep(self.delay_s / 2)
            if fault == "drop_request":
                return
            if fault == "stall":
                time.sleep(self.stall_s)
            if fault == "cut_request":
                with socket.create_connection(("127.0.0.1", self.target_port)) as upstream:
                    upstream.sendall(request[: max(1, len(request) // 2)])
                return
            response = self._exchange(request, connection)
            if fault == "reset_mid_body":
                client.sendall(response[: len(response) // 2])
                return
            if fault == "repeat":
                self._exchange(request)
            if fault == "drop_response":
                return
            if self.delay_s:
                time.sleep(self.delay_s / 2)
            client.sendall(response)
        except OSError:
            pass
        finally:
            try:
                client.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                )
            except OSError:
                pass
            client.close()


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))
