"""``lp://QUEUE``: the system queue through the ``lp`` command (CUPS on Linux and macOS).

The bytes of one job are collected, then given to ``lp -o raw`` in one go by ``submit()``,
whose exit status says whether the queue took them. (python-escpos's LP ignores that
status and submits only when it is closed.)
"""

from __future__ import annotations

import logging
import shutil
import subprocess

from devices.transports.base import Transport

log = logging.getLogger(__name__)

SPOOL_TIMEOUT_S = 30


class LpTransport(Transport):
    scheme = "lp"
    spooled = True

    def __init__(self, target, *, url: str, profile: str = "") -> None:
        super().__init__(target, url=url, profile=profile)
        self.queue = target.name  # empty: the system's default queue
        self.buffer = bytearray()

    def unusable_reason(self) -> str:
        return "" if shutil.which("lp") else "lp:// needs the lp command (install CUPS)"

    def _open(self) -> None:
        self.buffer.clear()

    def close(self) -> None:
        self.buffer.clear()

    def _write(self, data: bytes) -> None:
        self.buffer += data

    def submit(self) -> None:
        if not self.buffer:
            return
        command = ["lp", "-o", "raw", "-t", "tillbook"]
        if self.queue:
            command += ["-d", self.queue]
        try:
            done = subprocess.run(
                command, input=bytes(self.buffer), capture_output=True, timeout=SPOOL_TIMEOUT_S
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise self.refused(exc) from exc
        if done.returncode != 0:
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            raise self.refused(subprocess.SubprocessError(said or f"exit {done.returncode}"))
        log.info("job of %d bytes queued on %s", len(self.buffer), self.queue or "default")
        self.buffer.clear()
