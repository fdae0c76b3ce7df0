"""``dummy:``: no printer. The bytes of each connection are kept in ``output``, which makes
it the recording twin of every other transport in tests."""

from __future__ import annotations

from devices.transports.base import Transport


class DummyTransport(Transport):
    scheme = "dummy"

    def __init__(self, target, *, url: str, profile: str = "") -> None:
        super().__init__(target, url=url, profile=profile)
        self.output = bytearray()  # what this connection was sent

    def _open(self) -> None:
        self.output.clear()

    def _write(self, data: bytes) -> None:
        self.output += data
