"""Tell a keyboard-wedge scanner's burst from a person typing, for the whole application.

A wedge scanner types the code as keystrokes, very fast, and ends with Enter (or Tab).
The filter holds printable keys back for a moment: if they keep coming fast and end in
Enter or Tab, they were a scan and ``scanned`` is emitted; the keys never reach a field, so
a scan cannot land in the quantity box. Anything else is replayed to the widget that had the
focus, unchanged and in order. Thresholds follow the field notes: a gap over 100 ms ends a
burst; a scan has at least 6 characters at under 30 ms each on average.

Key events made by tests carry timestamp 0, so the filter reads its own monotonic clock,
which a test can replace.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

log = logging.getLogger(__name__)

BURST_GAP_S = 0.100
MAX_AVERAGE_GAP_S = 0.030
MIN_SCAN_LENGTH = 6
_ENDS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
_KEY_PRESS = QEvent.Type.KeyPress
_SHORTCUT_OVERRIDE = QEvent.Type.ShortcutOverride


@dataclass(frozen=True)
class _Held:
    event: QKeyEvent
    target: QWidget
    at: float


class ScannerWedge(QObject):
    """Install on the QApplication with ``app.installEventFilter(wedge)``."""

    scanned = Signal(str, QObject)  # the code, and the widget that had the focus

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        burst_gap_s: float = BURST_GAP_S,
        max_average_gap_s: float = MAX_AVERAGE_GAP_S,
        min_length: int = MIN_SCAN_LENGTH,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.burst_gap_s = burst_gap_s
        self.max_average_gap_s = max_average_gap_s
        self.min_length = min_length
        self._held: list[_Held] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_quiet)

    # -- the filter ------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._replaying:
            return False
        kind = event.type()  # this filter sees every event of the application: stay cheap
        if kind is not _KEY_PRESS and kind is not _SHORTCUT_OVERRIDE:
            return False
        if kind is _SHORTCUT_OVERRIDE:
            # Shortcuts (F5, Ctrl+L) fire before their key press arrives: typed keys held
            # back so far must reach their field first.
            if self._held and not self._is_text(event) and event.key() not in _ENDS:
                self.flush()
            return False
        if not isinstance(obj, QWidget):
            return False  # the window's copy; the focused widget gets it next
        key = event.key()
        if key in _ENDS and not event.modifiers() & _CHORD:
            return self._on_end(event)
        if not self._is_text(event):
            self.flush()  # a function key or shortcut: typed keys before it go first
            return False
        now = self.clock()
        if self._held and now - self._held[-1].at > self.burst_gap_s:
            self.flush()
        self._held.append(_Held(_copy(event), obj, now))
        self._timer.start(int(self.burst_gap_s * 1000) + 10)
        return True

    @staticmethod
    def _is_text(event: QKeyEvent) -> bool:
        text = event.text()
        return bool(text) and text.isprintable() and not event.modifiers() & _CHORD

    def _on_end(self, event: QKeyEvent) -> bool:
        if not self._held:
            return False
        now = self.clock()
        if now - self._held[-1].at <= self.burst_gap_s and self._looks_scanned():
            code = "".join(h.event.text() for h in self._held)
            target = self._held[0].target
            target = target if isValid(target) else None
            self._held.clear()
            self._timer.stop()
            log.debug("scan of %d characters", len(code))
            self.scanned.emit(code, target)
            return True
        self.flush()
        return False  # the Enter follows the replayed text, as typed

    def _looks_scanned(self) -> bool:
        if len(self._held) < self.min_length:
            return False
        span = self._held[-1].at - self._held[0].at
        return span / (len(self._held) - 1) <= self.max_average_gap_s

    def _on_quiet(self) -> None:
        if not self._held:
            return
        waited = self.clock() - self._held[-1].at
        if waited < self.burst_gap_s:
            self._timer.start(int((self.burst_gap_s - waited) * 1000) + 10)
            return
        self.flush()

    # -- giving typed keys back ------------------------------------------------------------

    def flush(self) -> None:
        """Replay the held keys to the widgets they were meant for: they were typing."""
        held, self._held = self._held, []
        self._timer.stop()
        if not held:
            return
        self._replaying = True
        try:
            for item in held:
                if not isValid(item.target):
                    continue  # its dialog closed meanwhile
                QApplication.sendEvent(item.target, item.event)
                release = QKeyEvent(
                    QEvent.Type.KeyRelease,
                    item.event.key(),
                    item.event.modifiers(),
                    item.event.text(),
                )
                QApplication.sendEvent(item.target, release)
        finally:
            self._replaying = False

    @property
    def holding(self) -> int:
        return len(self._held)


def _copy(event: QKeyEvent) -> QKeyEvent:
    return QKeyEvent(
        QEvent.Type.KeyPress,
        event.key(),
        event.modifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )
