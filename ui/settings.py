"""Settings the owner changes at the till (the screen's language), and the way to the
owner's other screens: devices, the day end, the warehouse."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel

from ui import theme
from ui.widgets import Dialog, key_button


class SettingsDialog(Dialog):
    language = Signal(str)  # "", "zh_CN" or "en"
    screen = Signal(str)  # "devices", "day_end" or "warehouse": another owner's screen

    def __init__(self, current: str, parent=None) -> None:
        super().__init__(parent, title=self.tr("Settings"))
        self.layout_.addWidget(QLabel(self.tr("Language")))
        self.choice = QComboBox()
        for code, label in (
            ("", self.tr("Follow the system")),
            ("zh_CN", "简体中文"),
            ("en", "English"),
        ):
            self.choice.addItem(label, code)
        self.choice.setCurrentIndex(max(0, self.choice.findData(current)))
        self.layout_.addWidget(self.choice)
        note = QLabel(self.tr("Saved in config.toml ([shop] language)."))
        theme.set_role(note, "caption")
        self.layout_.addWidget(note)
        for name, key, label in (
            ("devices", "F2", self.tr("Devices and printer")),
            ("day_end", "F3", self.tr("Sync and close the day")),
            ("warehouse", "F4", self.tr("Warehouse: delivery slips")),
        ):
            button = key_button(f"{label}  [{key}]")
            button.clicked.connect(lambda _=False, n=name: self._open_screen(n))
            QShortcut(QKeySequence(key), self, activated=lambda n=name: self._open_screen(n))
            self.layout_.addWidget(button)
        save = key_button(self.tr("Save  [Enter]"), role="primary")
        save.clicked.connect(self.submit)
        self.layout_.addWidget(save)
        self.setMinimumWidth(420)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (0x01000004, 0x01000005):  # Return, Enter
            self.submit()
            return
        super().keyPressEvent(event)

    def _open_screen(self, name: str) -> None:
        self.accept()
        self.screen.emit(name)

    def submit(self) -> None:
        self.language.emit(self.choice.currentData())
        self.accept()
