"""Receipts at the counter: the preview of a receipt as the printer lays it out, and the
list of receipts that have not printed, each to retry or skip.

The preview is drawn from the document the print queue sends (``printing.queue.receipt_doc``)
at the printer's configured width and encoding, in a monospace font where a Chinese
character takes two columns, as on the paper. Every read of the queue or the store and
every retry or skip runs through ``Tasks``, off the UI thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import sales
from app.config import Config
from printing.escpos_out import printed_text
from printing.queue import PrintJob, reason_key, receipt_doc
from printing.receipt import columns_for_paper
from ui import theme
from ui.messages import clock_time, describe, print_reason
from ui.reader import Readers
from ui.tasks import Tasks
from ui.widgets import Dialog, key_button

log = logging.getLogger(__name__)

# Monospace faces whose Chinese characters are exactly two Latin columns wide.
MONO_FAMILIES = ["WenQuanYi Zen Hei Mono", "Noto Sans Mono CJK SC", "Sarasa Mono SC"]
COL_RECEIPT, COL_TIME, COL_REASON = range(3)


def receipt_font(point_size: int = 12) -> QFont:
    """A monospace font for receipts: a CJK mono face if one is installed, else the
    system's fixed font (whose Chinese, from a fallback face, may not be two columns)."""
    installed = set(QFontDatabase.families())
    for family in MONO_FAMILIES:
        if family in installed:
            font = QFont(family, point_size)
            break
    else:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(point_size)
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setFixedPitch(True)
    return font


def preview_text(
    store,
    config: Config,
    *,
    sale_id: int | None = None,
    receipt_no: str = "",
    reprint: bool = False,
) -> str:
    """The receipt of a sale (by id or receipt number) as the configured printer prints it
    (runs off the UI thread, on a reader's store)."""
    if sale_id is not None:
        sale = sales.load(store, sale_id=sale_id)
    else:
        sale = sales.load(store, receipt_no=receipt_no)
    doc = receipt_doc(sale, config, reprint=reprint)
    return printed_text(doc, encoding=config.printer.encoding)


class ReceiptPreview(QPlainTextEdit):
    """A receipt's text, as wide as the paper's columns."""

    def __init__(self, config: Config, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setFont(receipt_font())
        self.setStyleSheet("QPlainTextEdit { background: white; border: 1px solid #c9ced6; }")
        self.columns = columns_for_paper(config.printer.paper_mm)
        metrics = QFontMetrics(self.font())
        frame = 2 * self.frameWidth() + 2 * int(self.document().documentMargin())
        self.setFixedWidth(self.columns * metrics.horizontalAdvance("0") + frame + 24)
        self.setMinimumHeight(320)

    def show_receipt(self, text: str) -> None:
        self.setPlainText(text)

    def lines(self) -> list[str]:
        return self.toPlainText().splitlines()


class PreviewLoader:
    """Loads one receipt's preview at a time; only the newest request is shown. ``owner``
    is the dialog, whose error line says when a receipt cannot be shown."""

    def __init__(self, owner: Dialog, preview: ReceiptPreview, readers, config, tasks) -> None:
        self.owner, self.preview = owner, preview
        self.readers, self.config, self.tasks = readers, config, tasks
        self.wanted: tuple | None = None
        self.shown: tuple | None = None

    def load(
        self, *, sale_id: int | None = None, receipt_no: str = "", reprint: bool = False
    ) -> None:
        if sale_id is None and not receipt_no:
            self.wanted = self.shown = None
            self.preview.clear()
            return
        key = (sale_id, receipt_no, reprint)
        if key == self.wanted:
            return
        self.wanted = key
        readers, config = self.readers, self.config
        self.tasks.run(
            lambda: preview_text(
                readers.store(), config, sale_id=sale_id, receipt_no=receipt_no, reprint=reprint
            ),
            on_done=lambda text: self._show(key, text),
            on_error=lambda exc: self._failed(key, exc),
            owner=self.owner,
        )

    def _show(self, key: tuple, text: str) -> None:
        if key == self.wanted:
            self.shown = key
            self.preview.show_receipt(text)
            self.owner.error.clear_message()

    def _failed(self, key: tuple, exc: BaseException) -> None:
        if key == self.wanted:
            self.shown = key
            self.preview.show_receipt("")
            self.owner.show_error(describe(exc))


class UnprintedDialog(Dialog):
    """Receipts waiting for the printer or failed: Enter retries the selected one, Delete
    skips it; the preview shows what it would print."""

    changed = Signal()  # a job was retried or skipped

    def __init__(
        self, print_queue, *, readers: Readers, config: Config, tasks: Tasks, parent=None
    ):
        super().__init__(parent, title=self.tr("Receipts not printed"))
        self.queue, self.tasks = print_queue, tasks
        self.jobs: list[PrintJob] = []
        self.loaded = False
        self._busy = False

        self.heading = QLabel(
            self.tr("Look at the paper first: a failed receipt may have printed.")
        )
        self.heading.setWordWrap(True)
        theme.set_role(self.heading, "caption")
        self.layout_.addWidget(self.heading)
        body = QHBoxLayout()
        left = QVBoxLayout()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Receipt"), self.tr("Time"), self.tr("Why not printed")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_RECEIPT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._selected())
        left.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Every receipt has printed."))
        self.empty.hide()
        left.addWidget(self.empty)
        row = QHBoxLayout()
        self.retry_button = key_button(self.tr("Retry (Enter)"), role="primary", height=48)
        self.retry_button.clicked.connect(self.retry)
        self.skip_button = key_button(self.tr("Skip (Del)"), height=48)
        self.skip_button.clicked.connect(self.skip)
        row.addWidget(self.retry_button)
        row.addWidget(self.skip_button)
        left.addLayout(row)
        body.addLayout(left, 1)
        self.preview = ReceiptPreview(config)
        body.addWidget(self.preview)
        self.layout_.addLayout(body, 1)
        self._loader = PreviewLoader(self, self.preview, readers, config, tasks)
        self._enable()
        self.resize(1080, 600)
        self.reload()

    # -- the list --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the queue again (after a change reported by the print queue)."""
        self.tasks.run(self.queue.jobs, on_done=self._show_jobs, on_error=self._failed, owner=self)

    def _show_jobs(self, jobs: list[PrintJob]) -> None:
        current = self.current_job()
        keep = current.id if current is not None else None
        self.jobs = [job for job in jobs if job.kind in ("receipt", "reprint")]
        self.table.setRowCount(len(self.jobs))
        select = 0
        for row, job in enumerate(self.jobs):
            number = job.receipt_no or self.tr("job {id}").format(id=job.id)
            if job.kind == "reprint":
                number = self.tr("{receipt_no} (reprint)").format(receipt_no=number)
            reason = QTableWidgetItem(print_reason(reason_key(job)))
            reason.setToolTip(job.reason)
            for column, item in (
                (COL_RECEIPT, QTableWidgetItem(number)),
                (COL_TIME, QTableWidgetItem(clock_time(job.created_at))),
                (COL_REASON, reason),
            ):
                self.table.setItem(row, column, item)
            if job.id == keep:
                select = row
        self.empty.setVisible(not self.jobs)
        if self.jobs:
            self.table.setCurrentCell(select, 0)
        self.loaded = True
        self._selected()
        self.table.setFocus()

    def current_job(self) -> PrintJob | None:
        row = self.table.currentRow()
        return self.jobs[row] if 0 <= row < len(self.jobs) else None

    def _selected(self) -> None:
        job = self.current_job()
        self._loader.load(
            sale_id=job.sale_id if job is not None else None,
            reprint=job is not None and job.kind == "reprint",
        )
        self._enable()

    def _enable(self) -> None:
        job = self.current_job()
        can = job is not None and job.state in ("waiting", "failed") and not self._busy
        self.retry_button.setEnabled(can)
        self.skip_button.setEnabled(
            job is not None and job.state in ("pending", "waiting", "failed") and not self._busy
        )

    # -- the cashier's actions -------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.retry()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.skip()
            return
        super().keyPressEvent(event)

    def retry(self) -> None:
        job = self.current_job()
        if job is None or not self.retry_button.isEnabled():
            return
        self._act(
            lambda: self.queue.retry(job.id),
            done=self.tr("{receipt_no} sent to the printer again"),
            job=job,
        )

    def skip(self) -> None:
        job = self.current_job()
        if job is None or not self.skip_button.isEnabled():
            return
        self._act(lambda: self.queue.skip(job.id), done=self.tr("{receipt_no} skipped"), job=job)

    def _act(self, work, *, done: str, job: PrintJob) -> None:
        self._busy = True
        self._enable()

        def finished(changed: bool) -> None:
            self._busy = False
            if changed:
                self.error.show_message(done.format(receipt_no=job.receipt_no), "info")
                self.changed.emit()
            else:
                self.show_error(self.tr("That receipt is printing now or already done"))
            self.reload()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._failed(exc)
            self.reload()

        self.tasks.run(work, on_done=finished, on_error=failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.show_error(describe(exc))
