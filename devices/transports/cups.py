"""``cups://QUEUE``: the CUPS queue (Linux, macOS), through python-escpos's ``CupsPrinter``
(pycups). Spooled: the bytes of a job are collected and printed as one raw job."""

from __future__ import annotations

import sys
import tempfile

from devices.transports.base import EscposTransport


class CupsTransport(EscposTransport):
    scheme = "cups"
    escpos_class = "CupsPrinter"
    library = "pycups"
    spooled = True

    def make_device(self, printer, options: dict):
        return printer.CupsPrinter(self.target.name, **options)

    def submit(self) -> None:
        if not self.device.pending_job:
            return
        cups = sys.modules["cups"]  # imported by python-escpos: open() succeeded
        try:
            self.device.send()  # printFile, then it closes its buffer
            self.device.tmpfile = tempfile.NamedTemporaryFile(delete=True)
        except (OSError, RuntimeError, cups.IPPError) as exc:
            raise self.refused(exc) from exc
