"""The warehouse screens' Chinese translation is complete and compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "ui" / "i18n" / "warehouse_zh_CN.ts"
QM = ROOT / "ui" / "i18n" / "warehouse_zh_CN.qm"


def sources(path: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation.get("type") == "unfinished"
            # A plural message keeps its text in <numerusform> children.
            text = translation.text or "".join(f.text or "" for f in translation)
            found[(name, message.find("source").text)] = "" if unfinished else text
    return found


def test_every_string_on_the_screens_has_a_translation(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, str(ROOT / "ui" / "warehouse.py"), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    committed = sources(TS)
    missing = [key for key in sources(fresh) if not committed.get(key)]
    assert missing == []


def test_compiled_translation_speaks_chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("PickPage", "Ordered") == "应发"
        assert QCoreApplication.translate("WarehouseWindow", "picked") == "已拣货"
        text = QCoreApplication.translate(
            "WarehouseWindow", "NOT ON THIS SLIP: {name}. Put it aside."
        )
        assert text.format(name="河沙") == "不在此单上：河沙。请放回。"
    finally:
        QCoreApplication.removeTranslator(translator)
