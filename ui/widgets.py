"""Small building blocks shared by the screens: a banner, a number pad, a dialog base."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import theme


class Banner(QLabel):
    """A strip of coloured text that says what just happened; it fades after a while."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_message)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "info", *, seconds: float = 6) -> None:
        self.kind = kind
        self.setStyleSheet(theme.banner_style(kind))
        self.setText(text)
        self.show()
        self._timer.start(int(seconds * 1000))

    def clear_message(self) -> None:
        self.kind = ""
        self.setText("")
        self.hide()


def key_button(
    text: str, *, role: str = "key", height: int = 48, grow: bool = False
) -> QPushButton:
    """A button for a touch screen; ``grow`` lets it take spare height (the action grid)."""
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touching it must not steal the scanner
    button.setMinimumHeight(height)
    vertical = QSizePolicy.Policy.Expanding if grow else QSizePolicy.Policy.Fixed
    button.setSizePolicy(QSizePolicy.Policy.Expanding, vertical)
    if not grow:
        button.setFixedHeight(height)
    theme.set_role(button, role)
    return button


class NumberPad(QWidget):
    """Digits for a touch screen; types into ``target`` as a keyboard would."""

    enter = Signal()

    def __init__(self, target: QLineEdit, parent: QWidget | None = None, *, dot: bool = False):
        super().__init__(parent)
        self.target = target
        grid = QGridLayout(self)
        grid.setSpacing(6)
        keys = ["7", "8", "9", "4", "5", "6", "1", "2", "3", "." if dot else "C", "0", "⌫"]
        for index, key in enumerate(keys):
            button = key_button(key, height=56)
            button.clicked.connect(lambda _=False, k=key: self._press(k))
            grid.addWidget(button, index // 3, index % 3)
        self.enter_button = key_button("↵", role="primary", height=56)
        self.enter_button.clicked.connect(self.enter.emit)
        grid.addWidget(self.enter_button, 4, 0, 1, 3)

    def _press(self, key: str) -> None:
        if key == "⌫":
            self.target.backspace()
        elif key == "C":
            self.target.clear()
        else:
            self.target.insert(key)
        self.target.setFocus()


class Dialog(QDialog):
    """A dialog with an error line and a "Close [Esc]" button for touch screens; opened with
    ``open()`` so the till keeps running. Subclasses fill ``layout_``; one that has its own
    way back (the pay dialog, a yes/no question) passes ``close_button=False``."""

    def __init__(
        self, parent: QWidget | None = None, *, title: str = "", close_button: bool = True
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        self.layout_ = QVBoxLayout()
        self.layout_.setSpacing(10)
        outer.addLayout(self.layout_, 1)
        self.error = Banner(self)
        self.layout_.addWidget(self.error)
        self.close_button: QPushButton | None = None
        if close_button:
            row = QHBoxLayout()
            row.addStretch(1)
            self.close_button = key_button(
                QCoreApplication.translate("Dialog", "Close [Esc]"), height=44
            )
            self.close_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            self.close_button.setMinimumWidth(160)
            self.close_button.clicked.connect(self.reject)
            row.addWidget(self.close_button)
            outer.addLayout(row)

    def showEvent(self, event) -> None:  # noqa: N802
        # Enter belongs to the fields and to the dialog's own action, never to whichever
        # button Qt would pick as the "auto default".
        for button in self.findChildren(QPushButton):
            if not button.isDefault():
                button.setAutoDefault(False)
        super().showEvent(event)

    def show_error(self, text: str) -> None:
        self.error.show_message(text, "error", seconds=8)

    def handle_scan(self, code: str) -> bool:
        """A scan while this dialog is open; return False to let the ticket have it."""
        return False
