"""Errors raised by the device layer: one root, each carrying what the till needs to show."""

from __future__ import annotations

from app.errors import TillbookError


class DeviceError(TillbookError):
    """Root of device failures. ``device`` names the device (printer, scale...)."""

    code = "device"


class BadDeviceUrl(DeviceError):
    code = "bad_device_url"


class DeviceUnavailable(DeviceError):
    """The device cannot be reached or opened (unplugged, wrong port, no permission)."""

    code = "device_unavailable"


class PrinterNotReady(DeviceError):
    """The printer answered but cannot print now (offline, cover open, paper out)."""

    code = "printer_not_ready"


class PrinterIOError(DeviceError):
    """The connection broke while bytes were being sent; part of a job may have printed."""

    code = "printer_io"


class DrawerDisabled(DeviceError):
    code = "drawer_disabled"


class ScaleUnstable(DeviceError):
    """The scale is still moving (or reports no stable weight in time)."""

    code = "scale_unstable"


class ScaleFault(DeviceError):
    """The scale reports a fault: over capacity, under zero, or an unreadable reply."""

    code = "scale_fault"
