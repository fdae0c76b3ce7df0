"""Which language the screen speaks: ``[shop] language`` in config.toml, else the system's.

Translations are Qt ``.qm`` files next to this module, compiled from the ``.ts`` files with
``pyside6-lrelease`` (see docs/counter.md). English is the source language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES = ("zh_CN", "en")
# The counter screen's modules: their strings make up counter_<language>.ts (other screens
# keep their own translation files beside it).
SOURCES = (
    "commands",
    "customer",
    "day_end",
    "device_settings",
    "dialogs",
    "display",
    "i18n",
    "login",
    "main",
    "messages",
    "pay",
    "receipts",
    "reader",
    "returns",
    "search",
    "selling",
    "services",
    "settings",
    "sound",
    "tasks",
    "theme",
    "ticket_model",
    "wedge",
    "widgets",
    "window",
)


def source_files() -> list[Path]:
    return [I18N_DIR.parent / f"{name}.py" for name in SOURCES]


def pick_language(configured: str, system: QLocale | None = None) -> str:
    """``zh_CN`` or ``en``: the configured one, else the system's (any Chinese is zh_CN)."""
    if configured in LANGUAGES:
        return configured
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


# One language is active in the whole application at a time; its translators live here so
# that choosing another language (or a test ending) takes them all away.
_installed: list[QTranslator] = []


def remove_translations() -> None:
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()


class Language:
    """The screen's language; it can change while the till runs.

    Each screen keeps its own catalogue (``counter_zh_CN.qm``, ``warehouse_zh_CN.qm``, ...);
    every catalogue of the chosen language is installed.
    """

    def __init__(self) -> None:
        self.current = "en"

    def apply(self, language: str) -> str:
        app = QCoreApplication.instance()
        remove_translations()
        qt_own = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        catalogues = sorted(I18N_DIR.glob(f"*_{language}.qm")) + [qt_own / f"qt_{language}.qm"]
        for path in catalogues:  # ours, then Qt's own (standard buttons such as Close)
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                _installed.append(translator)
        if not _installed and language != "en":
            log.warning("no translation file for %s; showing English", language)
        self.current = language
        QLocale.setDefault(QLocale(language))
        return language
