"""Refresh the counter screen's translation sources and compile them, with the tools that ship with PySide6.

    python ui/i18n/build.py          # lupdate: add new strings to the .ts files, then lrelease
    python ui/i18n/build.py --check  # exit 1 if a string has no finished translation

Translators edit the .ts files (Qt Linguist: pyside6-linguist); the .qm files are what the
till loads.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
UI = HERE.parent
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: it ships with PySide6 (pip install PySide6-Essentials)")
    return found


def sources() -> list[str]:
    sys.path.insert(0, str(UI.parent))
    from ui.i18n import source_files

    return [str(p) for p in source_files()]


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    missing = []
    for message in root.iter("message"):
        translation = message.find("translation")
        kind = translation.get("type", "")
        if kind in ("unfinished", "") and not (translation.text or "").strip():
            missing.append(message.findtext("source"))
        elif kind == "unfinished":
            missing.append(message.findtext("source"))
    return missing


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    status = 0
    for language in LANGUAGES:
        ts = HERE / f"counter_{language}.ts"
        if not args.check:
            subprocess.run(
                [
                    tool("pyside6-lupdate"),
                    *sources(),
                    "-no-obsolete",
                    "-target-language",
                    language,
                    "-ts",
                    str(ts),
                ],
                check=True,
            )
            subprocess.run(
                [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                check=True,
            )
        missing = unfinished(ts)
        if missing:
            status = 1
            print(f"{ts.name}: {len(missing)} strings without a finished translation")
            for text in missing[:20]:
                print(f"  {text!r}")
    return status


if __name__ == "__main__":
    sys.exit(main())
