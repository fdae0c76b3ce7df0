"""``win32://PRINTER NAME``: the Windows spooler in RAW mode, through python-escpos's
``Win32Raw`` (pywin32). Usable only on Windows with pywin32 installed."""

from __future__ import annotations

from devices.transports.base import EscposTransport


class Win32Transport(EscposTransport):
    scheme = "win32"
    escpos_class = "Win32Raw"
    library = "pywin32"

    def make_device(self, printer, options: dict):
        return printer.Win32Raw(self.target.name, **options)
