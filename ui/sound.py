"""The error sound: a short two-tone buzz when a scan or an action fails.

QtMultimedia is loaded on the first error only, so starting the till never waits for it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

ERROR_WAV = Path(__file__).resolve().parent / "sounds" / "error.wav"
_effect = None
played = 0  # how many error sounds were asked for (the tests read it)


def error() -> None:
    global _effect, played
    played += 1
    try:
        if _effect is None:
            from PySide6.QtMultimedia import QSoundEffect

            _effect = QSoundEffect(QApplication.instance())
            _effect.setSource(QUrl.fromLocalFile(str(ERROR_WAV)))
            _effect.setVolume(0.8)
        _effect.play()
    except ImportError as exc:  # a build without QtMultimedia still beeps
        log.info("error sound falls back to the system beep: %s", exc)
        QApplication.beep()
