"""Translations: complete in both languages, made with the tools that ship with PySide6."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from app import customers, errors
from app.config import Config
from app.till import Till
from ui.i18n import I18N_DIR, Language, pick_language, source_files
from ui.messages import describe

ROOT = Path(__file__).resolve().parents[1]


def sources_and_translations(ts: Path) -> dict[tuple[str, str], str | None]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation.get("type") is None and (translation.text or "").strip()
            found[(name, message.findtext("source"))] = translation.text if done else None
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_string_in_the_code_has_a_finished_translation(tmp_path, language):
    assert all(path.exists() for path in source_files())
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), *(str(p) for p in source_files()), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    wanted = set(sources_and_translations(fresh))
    committed = sources_and_translations(I18N_DIR / f"counter_{language}.ts")
    assert wanted - set(committed) == set(), "run: python ui/i18n/build.py"
    assert [key for key in wanted if committed[key] is None] == []
    assert (I18N_DIR / f"counter_{language}.qm").stat().st_size > 0


def test_chinese_messages_come_from_the_compiled_file(qapp):
    language = Language()
    try:
        language.apply("zh_CN")
        assert describe(errors.UnknownBarcode("x", code="123")) == "未知条码 123"
        assert describe(errors.Underpaid("x", due=1250)) == "还需支付 ¥12.50"
        language.apply("en")
        assert describe(errors.Underpaid("x", due=1250)) == "¥12.50 still to pay"
    finally:
        language.apply("en")


def test_the_rules_a_cashier_meets_each_have_their_own_words(qapp, store, cashier, products):
    till = Till(store, Config())
    till.login(cashier)
    member = customers.save_customer(store, name="王师傅", phone="139", credit_limit=1000)
    till.scan("6901234567892")
    till.attach_customer(member.id)
    till.add_payment(tender="account", amount=350)
    with pytest.raises(errors.TenderNotAllowed) as pinned:
        till.attach_customer(None)
    pending = errors.DeliveryPending("x", receipt_no="T01-000007", slip="D-T01-000002")
    language = Language()
    try:
        language.apply("zh_CN")
        assert describe(pinned.value) == "更换会员前，请先删除挂账付款"
        assert describe(pending).startswith("T01-000007 的货物在送货单 D-T01-000002 上")
        language.apply("en")
        assert describe(pinned.value).startswith("Remove the on-account payment")
    finally:
        language.apply("en")


def test_the_language_follows_the_config_then_the_system():
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert pick_language("en", chinese) == "en"
    assert pick_language("", chinese) == "zh_CN"
    assert pick_language("", english) == "en"
    assert pick_language("zh_CN", english) == "zh_CN"


def test_an_unexpected_error_gets_a_polite_line_and_is_logged(caplog):
    text = describe(KeyError("boom"))
    assert text.startswith("Sorry")
    assert "boom" not in text
    assert any(record.exc_info for record in caplog.records)
