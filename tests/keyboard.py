"""A person and a wedge scanner at the keyboard, for screen tests: keys go to whatever
widget has the focus, as they would at a real till."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


class Clock:
    """A monotonic clock that moves ``step`` seconds each time it is read."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 1000.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def focused():
    return QApplication.focusWidget()


def keys(text: str) -> None:
    QTest.keyClicks(focused(), text)


def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def scan(code: str) -> None:
    """A wedge scanner: the digits fast, then Enter."""
    keys(code)
    press(Qt.Key.Key_Return)
