"""``usb://VID:PID``: a USB printer, through python-escpos's ``Usb`` (pyusb). It reads
status from the printer's IN endpoint, as python-escpos does."""

from __future__ import annotations

from devices.transports.base import CONNECT_TIMEOUT_S, STATUS_TIMEOUT_S, EscposTransport


class UsbTransport(EscposTransport):
    scheme = "usb"
    escpos_class = "Usb"
    library = "pyusb"
    can_read = True

    def make_device(self, printer, options: dict):
        return printer.Usb(
            self.target.vendor,
            self.target.product,
            timeout=int(CONNECT_TIMEOUT_S * 1000),
            **options,
        )

    def query(self, command: bytes) -> int | None:
        import usb.core  # present: open() succeeded

        handle = self.device.device
        try:
            handle.write(self.device.out_ep, command, self.device.timeout)
            reply = handle.read(self.device.in_ep, 16, int(STATUS_TIMEOUT_S * 1000))
        except usb.core.USBTimeoutError:
            return None
        except usb.core.USBError as exc:
            raise self.no_answer(exc) from exc
        return reply[-1] if reply else None
