"""Printers for tests: one on 127.0.0.1 TCP, one on the device side of a pseudo-terminal,
and an ``lp`` command on PATH; and a scale on a pseudo-terminal.

``PrinterPeer`` records every byte and answers DLE EOT status queries.

Faults are switches: ``offline``, ``paper_out``, ``cover_open``, ``paper_low``,
``miss_replies`` (status queries left unanswered), ``roll_ends_at_cut``; ``down()``
closes the port (connection refused) and ``up()`` opens it again on the same port.
"""

from __future__ import annotations

import os
import socket
import threading
import time

from tests.escpos_decode import Decoded, decode


class PrinterPeer:
    def __init__(self, *, answers_status: bool = True) -> None:
        self.answers_status = answers_status
        self.miss_replies = 0  # leave this many status queries unanswered, then answer again
        self.roll_ends_at_cut = False  # paper_out turns on when a cut command arrives
        self.offline = False
        self.paper_out = False
        self.paper_low = False
        self.cover_open = False
        self.drawer_open = False
        self.received = bytearray()
        self.connections = 0
        self.port = 0
        self._lock = threading.Lock()
        self._server: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        self._clients: list[socket.socket] = []

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def __enter__(self) -> PrinterPeer:
        self.up()
        return self

    def __exit__(self, *exc: object) -> None:
        self.down()

    def up(self) -> None:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(8)
        self.port = server.getsockname()[1]
        self._server = server
        thread = threading.Thread(target=self._accept, args=(server,), daemon=True)
        thread.start()
        self._threads.append(thread)

    def down(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            try:  # wakes the thread blocked in accept(); close() alone leaves it listening
                server.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            server.close()
        for client in list(self._clients):
            try:
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            client.close()
        self._clients.clear()
        for thread in self._threads:
            thread.join(timeout=2)
        self._threads.clear()

    def decoded(self) -> Decoded:
        with self._lock:
            return decode(bytes(self.received))

    def wait_for(self, predicate, timeout: float = 15.0) -> Decoded:
        """Poll the decoded stream until ``predicate(decoded)`` holds (or fail loudly)."""
        deadline = time.monotonic() + timeout
        while True:
            decoded = self.decoded()
            if predicate(decoded):
                return decoded
            if time.monotonic() > deadline:
                raise AssertionError(f"printer peer never saw it; got lines {decoded.lines}")
            time.sleep(0.01)

    # -- the printer's side ----------------------------------------------------------------

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            self.connections += 1
            self._clients.append(client)
            thread = threading.Thread(target=self._serve, args=(client,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, client: socket.socket) -> None:
        pending = b""
        with client:
            while True:
                try:
                    chunk = client.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                with self._lock:
                    self.received += chunk
                if self.roll_ends_at_cut and b"\x1dV" in chunk:
                    self.paper_out = True
                pending = self._answer(client, pending + chunk)

    def _answer(self, client: socket.socket, data: bytes) -> bytes:
        """Reply to each complete ``DLE EOT n`` in ``data``; keep a split one for later."""
        start = 0
        while True:
            at = data.find(b"\x10\x04", start)
            if at < 0 or at + 2 >= len(data):
                return data[at:] if 0 <= at else b""
            if self.miss_replies > 0:
                self.miss_replies -= 1
            elif self.answers_status:
                client.sendall(bytes([self._status(data[at + 2])]))
            start = at + 3

    def _status(self, n: int) -> int:
        value = 0x12  # fixed bits of every DLE EOT reply
        if n == 1:
            value |= 0x08 if self.offline or self.cover_open or self.paper_out else 0
            value |= 0x04 if self.drawer_open else 0
        elif n == 2:
            value |= 0x04 if self.cover_open else 0
            value |= 0x20 if self.paper_out else 0
        elif n == 4:
            value |= 0x0C if self.paper_low else 0
            value |= 0x60 if self.paper_out else 0
        return value


class PtyPeer:
    """A device on the device side of a pseudo-terminal: a thread hands each chunk read
    to ``received_chunk``, which may write the device's answer to ``self.fd``.

    Given no ``fd``, the peer opens a pseudo-terminal of its own (the till side's path is
    ``self.path``) and closes it in ``stop``."""

    def __init__(self, fd: int | None = None) -> None:
        self._own: int | None = None
        if fd is None:
            fd, self._own = os.openpty()
            self.path = os.ttyname(self._own)
        self.fd = fd
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def received_chunk(self, data: bytes) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        os.set_blocking(self.fd, False)
        while not self._stop.is_set():
            try:
                data = os.read(self.fd, 4096)
            except BlockingIOError:
                time.sleep(0.005)
                continue
            self.received_chunk(data)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        if self._own is not None:
            os.close(self.fd)
            os.close(self._own)
            self._own = None


class ToledoScalePeer(PtyPeer):
    """A Mettler Toledo 8217 on a pseudo-terminal of its own: answers each ``W`` with
    ``reply`` (stable 0.755 kg until a test changes it)."""

    def __init__(self) -> None:
        self.reply = b"\x0200.755\r"
        self.asked = 0
        super().__init__()
        self.url = f"serial://{self.path}"

    def received_chunk(self, data: bytes) -> None:
        if b"W" in data:
            self.asked += 1
            os.write(self.fd, self.reply)


class SerialPrinterPeer(PtyPeer):
    """A printer on the device side of a pty: records bytes, answers DLE EOT."""

    def __init__(self, fd: int) -> None:
        self.received, self.paper_out = bytearray(), False
        super().__init__(fd)

    def received_chunk(self, data: bytes) -> None:
        self.received += data
        for at in range(len(data) - 2):
            if data[at : at + 2] == b"\x10\x04":
                n = data[at + 2]
                out = 0x12
                if self.paper_out and n == 1:
                    out |= 0x08
                if self.paper_out and n == 4:
                    out |= 0x60
                os.write(self.fd, bytes([out]))


def fake_lp(tmp_path, monkeypatch, *, exit_status: int):
    """An ``lp`` command on PATH, run as a real process: it keeps each job's bytes and its
    arguments in ``spool/``, and exits with ``exit_status`` (non-zero: says why on stderr)."""
    bin_dir, spool = tmp_path / "bin", tmp_path / "spool"
    bin_dir.mkdir()
    spool.mkdir()
    refuse = 'echo "lp: The printer or class does not exist." >&2\n' if exit_status else ""
    script = bin_dir / "lp"
    script.write_text(
        "#!/bin/sh\n"
        f'n=$(ls "{spool}" | grep -c job-)\n'
        f'echo "$@" > "{spool}/args-$n"\n'
        f'cat > "{spool}/job-$n"\n'
        f"{refuse}exit {exit_status}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    lpstat = bin_dir / "lpstat"  # what a CUPS with one queue answers
    lpstat.write_text(
        '#!/bin/sh\n[ "$1" = -v ] && echo "device for receipts: socket://127.0.0.1:9100" '
        "|| echo receipts\n",
        encoding="utf-8",
    )
    lpstat.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return spool
