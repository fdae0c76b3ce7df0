"""How the counter screen looks: large type, high contrast, readable from a step away."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

BASE_POINT_SIZE = 13
FONT_FAMILIES = ["Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC"]

STYLE = """
QWidget { color: #1b1f24; }
QMainWindow, QDialog { background: #f4f5f7; }
QPushButton {
    background: #ffffff; border: 1px solid #b8bec7; border-radius: 6px;
    padding: 6px 10px; min-height: 34px;
}
QPushButton:hover { background: #eef3fb; }
QPushButton:pressed { background: #d7e3f6; }
QPushButton:disabled { color: #9aa1ab; }
QPushButton[role="primary"] { background: #1f6feb; color: white; border-color: #1f6feb;
    font-weight: bold; }
QPushButton[role="key"] { text-align: center; }
QLineEdit { background: white; border: 1px solid #9aa1ab; border-radius: 6px; padding: 6px;
    min-height: 32px; }
QLineEdit:focus { border: 2px solid #1f6feb; }
QTableView, QListWidget { background: white; alternate-background-color: #f3f6fa;
    border: 1px solid #c9ced6; selection-background-color: #1f6feb;
    selection-color: white; gridline-color: #e3e6ea; }
QTableView::item, QListWidget::item { padding: 2px 10px; }
QHeaderView::section { background: #e9ecf1; border: none; border-bottom: 1px solid #c9ced6;
    padding: 6px; font-weight: bold; }
QLabel[role="big"] { font-size: 30pt; font-weight: bold; }
QLabel[role="huge"] { font-size: 40pt; font-weight: bold; }
QLabel[role="caption"] { color: #5b6370; }
QLabel[role="change"] { font-size: 40pt; font-weight: bold; color: #2e7d32; }
QFrame[role="panel"] { background: white; border: 1px solid #c9ced6; border-radius: 8px; }
QStatusBar { background: #1b1f24; color: #e6e9ee; }
QStatusBar QLabel { color: #e6e9ee; padding: 0 8px; }
"""


BANNER_COLOURS = {"error": "#c62828", "info": "#2e7d32", "warn": "#ef6c00"}


def banner_style(kind: str) -> str:
    colour = BANNER_COLOURS.get(kind, BANNER_COLOURS["info"])
    return (
        f"QLabel {{ background: {colour}; color: white; padding: 8px 14px;"
        " font-size: 16pt; font-weight: bold; border-radius: 6px; }"
    )


def apply(app: QApplication) -> None:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE)


def set_role(widget, role: str) -> None:
    """Give a widget a style role (see STYLE) and re-polish it so the change shows."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
