"""``tcp://HOST:9100``: a network printer's raw port, through python-escpos's ``Network``.
It can read: status replies come back on the same socket."""

from __future__ import annotations

import socket

from devices.transports.base import CONNECT_TIMEOUT_S, STATUS_TIMEOUT_S, EscposTransport


class TcpTransport(EscposTransport):
    scheme = "tcp"
    escpos_class = "Network"
    can_read = True

    def make_device(self, printer, options: dict):
        return printer.Network(
            self.target.host, port=self.target.port, timeout=CONNECT_TIMEOUT_S, **options
        )

    def _open(self) -> None:
        super()._open()
        # Status queries are 3-byte writes each waiting for a reply: with Nagle's algorithm
        # on, every one stalls behind the peer's delayed ACK (~40 ms).
        self.device.device.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def query(self, command: bytes) -> int | None:
        sock: socket.socket = self.device.device
        try:
            _drain(sock)
            sock.settimeout(STATUS_TIMEOUT_S)
            sock.sendall(command)
            reply = sock.recv(16)
        except TimeoutError:
            return None
        except OSError as exc:
            raise self.no_answer(exc) from exc
        finally:
            sock.settimeout(CONNECT_TIMEOUT_S)
        return reply[-1] if reply else None


def _drain(sock: socket.socket) -> None:
    """Drop bytes already waiting (a reply that came after its timeout, or status the
    printer sent on its own), so the next reply is read as its own."""
    sock.setblocking(False)
    try:
        while sock.recv(256):
            pass
    except (BlockingIOError, InterruptedError):
        pass
    finally:
        sock.setblocking(True)
