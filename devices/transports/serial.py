"""``serial:///dev/ttyUSB0?baudrate=19200``: a serial line, through python-escpos's
``Serial`` (pyserial). It can read: the printer answers on the same line."""

from __future__ import annotations

from devices.transports.base import STATUS_TIMEOUT_S, EscposTransport


class SerialTransport(EscposTransport):
    scheme = "serial"
    escpos_class = "Serial"
    library = "pyserial"
    can_read = True

    def make_device(self, printer, options: dict):
        params = self.target.serial
        return printer.Serial(
            params.port,
            baudrate=params.baudrate,
            bytesize=params.bytesize,
            parity=params.parity,
            stopbits=params.stopbits,
            timeout=STATUS_TIMEOUT_S,
            dsrdtr=False,
            **options,
        )

    def query(self, command: bytes) -> int | None:
        line = self.device.device
        try:
            line.reset_input_buffer()  # a late reply to an earlier query is not this one's
            line.write(command)
            # One byte: python-escpos's _read asks for 16 and waits out the whole timeout.
            reply = line.read(1)
        except OSError as exc:  # pyserial's SerialException among them
            raise self.no_answer(exc) from exc
        return reply[-1] if reply else None
