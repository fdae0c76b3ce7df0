"""The till's settings: ``config.toml`` in the data directory, one typed declaration each.

Every key is declared once below with its type, default and a line of documentation
(``tillbook config doc`` prints them; docs/configuration.md lists them). Unknown sections,
unknown keys and bad values are reported with the key's full name.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import UserInputError

CONFIG_NAME = "config.toml"


def setting(
    default: Any, doc: str, *, choices: tuple = (), check: Callable[[Any], str] | None = None
) -> Any:
    """A declared key. ``check`` returns why a value is bad (empty when it is good)."""
    return field(default=default, metadata={"doc": doc, "choices": choices, "check": check})


def _device_url(device: str) -> Callable[[str], str]:
    """Parse a device URL at load time, so a typo is reported with its key, not at use."""

    def check(url: str) -> str:
        from devices.errors import BadDeviceUrl
        from devices.urls import check_url

        if not url.strip():
            return ""
        try:
            check_url(device, url.strip())
        except BadDeviceUrl as exc:
            return str(exc).removeprefix(f"{device}.url: ")
        return ""

    return check


def _till_code(code: str) -> str:
    # The receipt number prints as a CODE128 barcode, which carries ASCII only.
    if code and all(c.isascii() and (c.isalnum() or c in "-_") for c in code):
        return ""
    return f"{code!r} must be ASCII letters, digits, - or _ (it is printed as a barcode)"


def _printer_profile(name: str) -> str:
    from devices.profiles import profile_problem

    return profile_problem(name)


@dataclass(frozen=True)
class ShopSettings:
    name: str = setting("Tillbook Demo Shop", "Shop name printed on receipts and slips.")
    address: str = setting("", "Shop address for receipt and slip headers.")
    phone: str = setting("", "Shop phone for receipt and slip headers.")
    tax_id: str = setting("", "Taxpayer id (统一社会信用代码) for the receipt header.")
    tax_inclusive: bool = setting(True, "Catalog prices include tax (China's usual way).")
    cash_rounding: str = setting(
        "none",
        "Round cash totals down (抹零): none, 0.1 (to the jiao) or 1 (to the yuan).",
        choices=("none", "0.1", "1"),
    )
    confirm_quantity_over: int = setting(
        100, "A line quantity above this many units needs the cashier's confirmation."
    )
    audit_discount_over_percent: int = setting(
        10, "Discounts above this percent of the line or ticket are written to the audit log."
    )
    scale_barcode_layout: str = setting(
        "2CCCCCCWWWWWK",
        "Label-scale EAN-13 layout: digits literal, C item code, W grams, P fen, K check.",
    )
    language: str = setting("", "UI language: zh_CN, en, or empty to follow the system.")


@dataclass(frozen=True)
class TillSettings:
    code: str = setting(
        "T01",
        "This till's code; it starts every receipt number (letters, digits, - or _).",
        check=_till_code,
    )
    backup_keep: int = setting(7, "How many backup copies `tillbook backup` keeps.")


@dataclass(frozen=True)
class PrinterSettings:
    url: str = setting(
        "dummy:",
        "Receipt printer: usb://VID:PID, serial://..., tcp://HOST:9100, "
        "file:///dev/usb/lp0, cups://QUEUE, lp://QUEUE, win32://NAME or dummy: (none).",
        check=_device_url("printer"),
    )
    paper_mm: int = setting(80, "Paper width in millimetres: 58 or 80.", choices=(58, 80))
    profile: str = setting(
        "default",
        "python-escpos capability profile of the printer model (e.g. TM-T88V); default for none.",
        check=_printer_profile,
    )
    encoding: str = setting(
        "gb18030",
        "Text encoding: gb18030, gbk (older Chinese firmware) or cp437 (Latin only).",
        choices=("gb18030", "gbk", "cp437", "cp858"),
    )
    logo: str = setting("", "Optional logo image file printed at the top of receipts.")
    receipt_code: str = setting(
        "barcode", "How the receipt number prints: barcode or qr.", choices=("barcode", "qr")
    )


@dataclass(frozen=True)
class DrawerSettings:
    enabled: bool = setting(True, "A cash drawer is connected to the receipt printer.")
    pin: int = setting(2, "Drawer kick connector pin: 2 or 5.", choices=(2, 5))
    sensor: str = setting(
        "none",
        "Drawer-open sensor as the printer reports it (DLE EOT 1): none, open_high or open_low.",
        choices=("none", "open_high", "open_low"),
    )


@dataclass(frozen=True)
class ScannerSettings:
    url: str = setting(
        "",
        "Serial scanner, e.g. serial:///dev/ttyACM0?baudrate=9600; "
        "empty when only a keyboard-wedge scanner is used.",
        check=_device_url("scanner"),
    )


@dataclass(frozen=True)
class DisplaySettings:
    url: str = setting(
        "",
        "Customer display, e.g. serial:///dev/ttyUSB1?baudrate=9600; empty for none.",
        check=_device_url("display"),
    )
    protocol: str = setting(
        "cd5220",
        "cd5220 (Epson DM-D, two text lines) or led8 (8-digit price display).",
        choices=("cd5220", "led8"),
    )
    encoding: str = setting(
        "ascii",
        "Text encoding of a cd5220 display: ascii, or gb18030 for models with Chinese fonts.",
        choices=("ascii", "gb18030"),
    )


@dataclass(frozen=True)
class ScaleSettings:
    url: str = setting(
        "",
        "Scale, e.g. serial:///dev/ttyS0 (toledo8217 defaults to 9600 7E1; add "
        "?baudrate=...&bytesize=8&parity=N to change); empty for none.",
        check=_device_url("scale"),
    )
    protocol: str = setting(
        "toledo8217",
        "toledo8217 (Mettler Toledo 8217) or cas (CAS continuous output).",
        choices=("toledo8217", "cas"),
    )


@dataclass(frozen=True)
class SyncSettings:
    server: str = setting("", "Central server URL; set by `tillbook enroll`.")
    interval_s: int = setting(30, "Seconds between background sync cycles when idle.")
    ca_file: str = setting(
        "", "Certificate (PEM) to trust for the server's HTTPS; empty for the system's."
    )


@dataclass(frozen=True)
class WarehouseSettings:
    slip_paper: str = setting("A4", "Delivery slip paper size: A4 or A5.", choices=("A4", "A5"))
    slip_prices: bool = setting(True, "Print unit prices and amounts on delivery slips.")
    slip_printer: str = setting(
        "", "System printer (CUPS queue) for delivery slips; empty for the default printer."
    )


@dataclass(frozen=True)
class Config:
    shop: ShopSettings = field(default_factory=ShopSettings)
    till: TillSettings = field(default_factory=TillSettings)
    printer: PrinterSettings = field(default_factory=PrinterSettings)
    drawer: DrawerSettings = field(default_factory=DrawerSettings)
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    scale: ScaleSettings = field(default_factory=ScaleSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)
    warehouse: WarehouseSettings = field(default_factory=WarehouseSettings)

    @classmethod
    def load(cls, path: str | Path) -> Config:
        """Read ``config.toml``; a missing file means every default."""
        path = Path(path)
        if path.is_dir():
            path = path / CONFIG_NAME
        if not path.exists():
            return cls()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UserInputError(f"{path}: not valid TOML: {exc}", path=str(path)) from exc
        return cls.from_dict(data, source=str(path))

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "config") -> Config:
        sections = {f.name: f for f in dataclasses.fields(cls)}
        problems, built = [], {}
        for name, values in data.items():
            if name not in sections:
                problems.append(f"unknown section [{name}]")
                continue
            if not isinstance(values, dict):
                problems.append(f"{name} must be a section")
                continue
            section_cls = sections[name].default_factory
            built[name], section_problems = _build_section(name, section_cls, values)
            problems += section_problems
        if problems:
            raise UserInputError(f"{source}: " + "; ".join(problems), problems=problems)
        return cls(**built)

    def replace(self, section: str, **changes: Any) -> Config:
        current = getattr(self, section)
        return dataclasses.replace(self, **{section: dataclasses.replace(current, **changes)})

    def to_toml(self) -> str:
        lines = []
        for section in dataclasses.fields(self):
            lines.append(f"[{section.name}]")
            values = getattr(self, section.name)
            for f in dataclasses.fields(values):
                lines.append(f"# {f.metadata['doc']}")
                lines.append(f"{f.name} = {_toml_value(getattr(values, f.name))}")
            lines.append("")
        return "\n".join(lines)

    def save(self, path: str | Path) -> None:
        path = Path(path)
        if path.is_dir():
            path = path / CONFIG_NAME
        tmp = path.with_suffix(".toml.tmp")
        tmp.write_text(self.to_toml(), encoding="utf-8")
        tmp.replace(path)


def documentation() -> str:
    """Every setting as Markdown, for docs/configuration.md and `tillbook config doc`."""
    out = []
    for section in dataclasses.fields(Config):
        out.append(f"## [{section.name}]\n\n| key | default | meaning |\n|---|---|---|")
        for f in dataclasses.fields(section.default_factory):
            out.append(f"| `{f.name}` | `{_toml_value(f.default)}` | {f.metadata['doc']} |")
        out.append("")
    return "\n".join(out)


def _build_section(name: str, section_cls: type, values: dict[str, Any]) -> tuple[Any, list[str]]:
    fields = {f.name: f for f in dataclasses.fields(section_cls)}
    problems, kwargs = [], {}
    for key, value in values.items():
        full = f"{name}.{key}"
        if key not in fields:
            problems.append(f"unknown key {full}")
            continue
        f = fields[key]
        expected = type(f.default)
        if expected is int and isinstance(value, bool) or not isinstance(value, expected):
            problems.append(f"{full} must be {expected.__name__}, not {value!r}")
            continue
        choices = f.metadata["choices"]
        if choices and value not in choices:
            allowed = ", ".join(str(c) for c in choices)
            problems.append(f"{full} must be one of {allowed}, not {value!r}")
            continue
        check = f.metadata["check"]
        problem = check(value) if check is not None else ""
        if problem:
            problems.append(f"{full}: {problem}")
            continue
        kwargs[key] = value
    return section_cls(**kwargs), problems


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
