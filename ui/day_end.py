"""The owner's day end in the till: sync now, then each till's last contact, unsynced count
and the day's totals, as the server has them.

The sync and the server query run on a worker thread; the result comes back to the UI
thread through a queued signal, so the window never freezes on a slow network.
"""

from __future__ import annotations

import logging
import threading
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from app.config import Config
from app.errors import TillbookError
from app.money import format_money
from localdb import Store
from sync import worker
from sync.client import SyncClient
from sync.cycle import enrollment
from ui.widgets import Dialog

log = logging.getLogger(__name__)


def _local_time(stamp: str | None) -> str:
    if not stamp:
        return "—"
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class _Bridge(QObject):
    finished = Signal(object, object)  # (moved, day) on success
    failed = Signal(str)


def close_the_day(store_path: str | Path, config: Config, day: str) -> tuple[object, dict]:
    """Sync now and fetch the shop's day from the server (runs off the UI thread)."""
    with Store.open(store_path, primary=False) as store:
        moved = worker.sync_once(store, config)
        enrolled = enrollment(store)
    with SyncClient(enrolled.server, enrolled.token, verify=config.sync.ca_file or True) as client:
        return moved, client.shop_day(day)


class DayEndDialog(Dialog):
    def __init__(
        self, store_path: str | Path, config: Config, parent=None, *, day: str = ""
    ) -> None:
        super().__init__(parent)
        self.store_path, self.config = store_path, config
        self.day = day or date.today().isoformat()
        self.setWindowTitle(self.tr("Close the day"))
        self.bridge = _Bridge()
        self.bridge.finished.connect(self._show)
        self.bridge.failed.connect(self._fail)

        self.status = QLabel(self.tr("Sync this till and see every till's day on the server."))
        self.status.setWordWrap(True)
        columns = [
            self.tr("Till"),
            self.tr("Last contact"),
            self.tr("Unsynced"),
            self.tr("Sales"),
            self.tr("Total"),
        ]
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.run_button = QPushButton(self.tr("Sync and close the day"))
        self.run_button.clicked.connect(self.start)
        for position, widget in enumerate((self.status, self.table, self.run_button)):
            self.layout_.insertWidget(position, widget)
        self.resize(640, 360)

    def start(self) -> None:
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Syncing…"))
        threading.Thread(target=self._work, name="day-end", daemon=True).start()

    def _work(self) -> None:
        try:
            moved, day = close_the_day(self.store_path, self.config, self.day)
        except TillbookError as exc:
            self.bridge.failed.emit(str(exc))
        except Exception:  # the details go to the log; the owner gets a short message
            log.exception("day end failed")
            self.bridge.failed.emit(self.tr("an unexpected error, written to the log"))
        else:
            self.bridge.finished.emit(moved, day)

    def _show(self, moved, day: dict) -> None:
        rows = day["tills"]
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            values = (
                row["till"],
                _local_time(row["last_contact"]),
                str(row["unsynced"]),
                str(row["sales"]),
                format_money(row["total_fen"]),
            )
            for column, value in enumerate(values):
                self.table.setItem(i, column, QTableWidgetItem(value))
        left = moved.left_unsent
        text = self.tr("Day {day}: this till sent {sent}; {left} left unsent.").format(
            day=self.day, sent=moved.pushed, left=left
        )
        if moved.rejected:
            text += " " + self.tr("{n} refused changes need a look.").format(n=moved.rejected)
        self.status.setText(text)
        self.run_button.setEnabled(True)

    def _fail(self, message: str) -> None:
        self.status.setText(
            self.tr("The day could not be closed: {reason}").format(reason=message)
        )
        self.run_button.setEnabled(True)
