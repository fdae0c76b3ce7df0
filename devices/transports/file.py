"""``file:///dev/usb/lp0``: a device file (or any file, or a FIFO) written directly.

It can read only when the path is a character device that opens read-write (the kernel's
usblp driver passes the printer's replies back): a regular file or a FIFO would hand our
own bytes back as the "reply". A regular file gets each job appended.
"""

from __future__ import annotations

import os
import select
import stat

from devices.transports.base import STATUS_TIMEOUT_S, Transport

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO with no reader fails instead of hanging
_NOCTTY = getattr(os, "O_NOCTTY", 0)  # a terminal device never becomes our controlling tty


class FileTransport(Transport):
    scheme = "file"

    def __init__(self, target, *, url: str, profile: str = "") -> None:
        super().__init__(target, url=url, profile=profile)
        self.fd: int | None = None
        self.can_read = False

    def _open(self) -> None:
        path = self.target.name
        device = os.name == "posix" and os.path.exists(path)
        device = device and stat.S_ISCHR(os.stat(path).st_mode)
        flags = _NONBLOCK | _NOCTTY | (0 if device else os.O_APPEND)
        try:
            self.fd = os.open(path, flags | (os.O_RDWR if device else os.O_WRONLY))
            self.can_read = device
        except PermissionError:
            if not device:
                raise
            self.fd = os.open(path, flags | os.O_WRONLY)  # a device we may only write
        os.set_blocking(self.fd, True)

    def close(self) -> None:
        fd, self.fd = self.fd, None
        if fd is not None:
            os.close(fd)

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]

    def query(self, command: bytes) -> int | None:
        if not self.can_read:
            return None
        try:
            while _readable(self.fd, 0):  # drop a late reply to an earlier query
                if not os.read(self.fd, 256):
                    break
            self._write(command)
            reply = os.read(self.fd, 16) if _readable(self.fd, STATUS_TIMEOUT_S) else b""
        except OSError as exc:
            raise self.no_answer(exc) from exc
        return reply[-1] if reply else None


def _readable(fd: int, timeout: float) -> bool:
    return bool(select.select([fd], [], [], timeout)[0])
