"""Turn ESC/POS bytes back into what a printer would print: text lines, cuts, drawer kicks,
barcodes and QR payloads. Unknown commands raise, so a stray byte cannot hide."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Decoded:
    lines: list[str] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)

    @property
    def cuts(self) -> int:
        return sum(1 for e in self.events if e[0] == "cut")

    @property
    def drawer_kicks(self) -> list[int]:
        """Pins pulsed, in order (ESC p and the real-time DLE DC4 form alike)."""
        return [e[1] for e in self.events if e[0] == "drawer"]

    @property
    def barcodes(self) -> list[tuple[str, str]]:
        return [(e[1], e[2]) for e in self.events if e[0] == "barcode"]

    @property
    def qr_codes(self) -> list[str]:
        return [e[1] for e in self.events if e[0] == "qr"]

    @property
    def status_queries(self) -> list[int]:
        return [e[1] for e in self.events if e[0] == "status"]

    @property
    def columns(self) -> list[int]:
        """Printed width of each line, in the order of ``lines``."""
        return [e[2]["columns"] for e in self.events if e[0] == "line"]

    @property
    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.lines)

    def receipts(self) -> list[list[str]]:
        """Lines grouped by cut: one list per piece of paper."""
        pages, current = [], []
        for event in self.events:
            if event[0] == "line":
                current.append(event[1])
            elif event[0] == "cut":
                pages.append(current)
                current = []
        if current:
            pages.append(current)
        return pages


CODEPAGES = {0: "cp437", 19: "cp858"}


def printed_columns(line: str, *, chinese: bool) -> int:
    """Columns the line takes on paper: in Chinese mode a printer prints each character of
    two or more bytes as two columns (GB18030's 4-byte ones too); a code page, one a byte."""
    if not chinese:
        return len(line)
    return sum(1 if len(ch.encode("gb18030")) == 1 else 2 for ch in line)


def decode(data: bytes) -> Decoded:
    out = Decoded()
    codec = "cp437"
    chinese = False
    bold = tall = False
    text = bytearray()
    i, n = 0, len(data)

    def flush_line() -> None:
        line = bytes(text).decode("gb18030" if chinese else codec)
        out.lines.append(line)
        style = {"bold": bold, "tall": tall, "columns": printed_columns(line, chinese=chinese)}
        out.events.append(("line", line, style))
        text.clear()

    while i < n:
        b = data[i]
        if b == 0x0A:
            flush_line()
            i += 1
        elif b == 0x0D:
            i += 1
        elif b >= 0x20:
            text.append(b)
            i += 1
        elif b == 0x1B:  # ESC
            cmd = data[i + 1]
            if cmd == 0x40:
                out.events.append(("init",))
                chinese, codec, bold, tall = False, "cp437", False, False
                i += 2
            elif cmd == ord("E"):
                bold = bool(data[i + 2] & 1)
                i += 3
            elif cmd in b"a!-23M":
                i += 2 if cmd in b"2" else 3
            elif cmd == ord("t"):
                codec = CODEPAGES[data[i + 2]]
                out.events.append(("codepage", codec))
                i += 3
            elif cmd == ord("d"):
                if text:
                    flush_line()
                for _ in range(data[i + 2]):
                    flush_line()
                i += 3
            elif cmd == ord("J"):
                i += 3
            elif cmd == ord("p"):
                out.events.append(("drawer", 2 if data[i + 2] in (0, 48) else 5))
                i += 5
            else:
                raise ValueError(f"unknown ESC {cmd:#x} at {i}")
        elif b == 0x1D:  # GS
            cmd = data[i + 1]
            if cmd == ord("!"):
                tall = bool(data[i + 2] & 0x01)
                i += 3
            elif cmd in b"hwHfL":
                i += 3
            elif cmd == ord("V"):
                mode = data[i + 2]
                out.events.append(("cut", "partial" if mode in (1, 49, 66) else "full"))
                i += 4 if mode in (65, 66) else 3
            elif cmd == ord("k"):
                kind = data[i + 2]
                if kind >= 65:
                    length = data[i + 3]
                    payload = data[i + 4 : i + 4 + length].decode("ascii")
                    names = {73: "CODE128", 67: "EAN13", 69: "CODE39"}
                    if kind == 73 and payload[:1] == "{":
                        payload = payload[2:]
                    out.events.append(("barcode", names.get(kind, str(kind)), payload))
                    i += 4 + length
                else:
                    end = data.index(b"\x00", i + 3)
                    out.events.append(("barcode", str(kind), data[i + 3 : end].decode("ascii")))
                    i = end + 1
            elif cmd == ord("(") and data[i + 2] == ord("k"):
                size = data[i + 3] | data[i + 4] << 8
                cn, fn = data[i + 5], data[i + 6]
                args = data[i + 7 : i + 5 + size]
                if cn == 0x31 and fn == 80:
                    out.events.append(("qr_store", args[1:].decode("utf-8")))
                elif cn == 0x31 and fn == 81:
                    stored = [e for e in out.events if e[0] == "qr_store"]
                    out.events.append(("qr", stored[-1][1] if stored else ""))
                i += 5 + size
            elif cmd == ord("v") and data[i + 2] == 0x30:
                width = data[i + 4] | data[i + 5] << 8
                height = data[i + 6] | data[i + 7] << 8
                out.events.append(("image", width * 8, height))
                i += 8 + width * height
            else:
                raise ValueError(f"unknown GS {cmd:#x} at {i}")
        elif b == 0x1C:  # FS
            cmd = data[i + 1]
            if cmd == ord("&"):
                chinese = True
                out.events.append(("chinese_mode",))
            elif cmd == ord("."):
                chinese = False
            else:
                raise ValueError(f"unknown FS {cmd:#x} at {i}")
            i += 2
        elif b == 0x10:  # DLE
            cmd = data[i + 1]
            if cmd == 0x04:
                out.events.append(("status", data[i + 2]))
                i += 3
            elif cmd == 0x14 and data[i + 2] == 1:
                out.events.append(("drawer", 2 if data[i + 3] == 0 else 5))
                i += 5
            else:
                raise ValueError(f"unknown DLE {cmd:#x} at {i}")
        elif b == 0x09:
            text.append(b)
            i += 1
        else:
            raise ValueError(f"unexpected control byte {b:#x} at {i}")
    if text:
        flush_line()
    return out
