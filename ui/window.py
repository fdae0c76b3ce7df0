"""The till's main window: the login screen or the selling screen, and the status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from app import paths, users
from app.config import Config
from app.errors import TillbookError
from app.till import Completed
from printing import queue as print_queue
from sync import outbox
from ui.display import CounterDisplay
from ui.i18n import Language, pick_language
from ui.login import LoginScreen
from ui.messages import clock_time, describe, role_name
from ui.receipts import UnprintedDialog
from ui.selling import SellingScreen
from ui.services import Services
from ui.settings import SettingsDialog

log = logging.getLogger(__name__)

STATUS_EVERY_MS = 5000


class _ChangeRelay(QObject):
    """Services report from their own threads; this brings their news to the UI thread."""

    changed = Signal()
    scanned = Signal(str)


class ClickableLabel(QLabel):
    """A status bar label that opens something when clicked (or touched)."""

    clicked = Signal()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class MainWindow(QMainWindow):
    def __init__(self, services: Services, language: Language, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.language = language
        self.till = services.till
        self._status: dict[str, object] = {}
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        config = services.config
        self.login = LoginScreen(
            services.store, services.tasks, shop_name=config.shop.name, till_code=config.till.code
        )
        self.login.logged_in.connect(self.on_login)
        self.stack.addWidget(self.login)
        self.selling: SellingScreen | None = None  # made at the first login
        self.customer_display: CounterDisplay | None = None  # with the selling screen
        self.warehouse = None  # the warehouse screens, made when a clerk or owner opens them
        self._build_status_bar()
        self._relay = _ChangeRelay(self)
        self._relay.changed.connect(self.refresh_status)
        self._relay.changed.connect(self._reload_unprinted)
        self._relay.scanned.connect(self.on_scan)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh_status)
        self._timer.start(STATUS_EVERY_MS)
        self.resize(1366, 768)
        self.retranslate()
        if not users.all_users(services.store):
            self.login.show_no_users()
        self.login.reset()

    # -- status bar ------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.user_label, self.shop_label = QLabel(), QLabel()
        self.sync_label, self.printer_label = QLabel(), ClickableLabel()
        self.display_label = QLabel()
        self.display_label.hide()
        self.printer_label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.printer_label.clicked.connect(self.open_unprinted)
        for label in (self.user_label, self.shop_label):
            bar.addWidget(label)
        for label in (self.display_label, self.sync_label, self.printer_label):
            bar.addPermanentWidget(label)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Tillbook till"))
        config = self.services.config
        self.shop_label.setText(
            self.tr("{shop} · till {till}").format(shop=config.shop.name, till=config.till.code)
        )
        user = self.till.user
        self.user_label.setText(
            self.tr("{name} ({role})").format(name=user.name, role=role_name(user.role))
            if user
            else self.tr("Locked")
        )
        self._show_status()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def services_changed(self) -> None:
        """Called (from any thread) by a service that has news for the status bar."""
        self._relay.changed.emit()

    def scan_from_device(self, code: str) -> None:
        """A serial scanner's code (called on the scanner's thread)."""
        self._relay.scanned.emit(code)

    def refresh_status(self) -> None:
        """Read the status off the UI thread: every few seconds, after each sale and after
        each report from a service (a sync cycle, a print job)."""
        services = self.services
        readers = services.readers

        def read() -> dict[str, object]:
            # The outbox itself, not the worker's last report: that changes only after a
            # sync cycle, and the count must move as soon as a sale is made.
            state: dict[str, object] = {"unsynced": outbox.unsynced_count(readers.store().conn)}
            if services.sync is not None:
                state["sync"] = services.sync.state()
            if services.devices is not None:
                state["printer"] = printer_kind(services.devices.printer)
            state["unprinted"] = print_queue.unprinted_count(readers.store().conn)
            return state

        services.tasks.run(
            read, on_done=self._got_status, on_error=self._status_failed, owner=self
        )

    def _got_status(self, state: dict[str, object]) -> None:
        self._status = state
        self._show_status()

    def _status_failed(self, exc: BaseException) -> None:
        log.warning("status bar not refreshed: %s", exc)

    def _show_status(self) -> None:
        services, state = self.services, self._status
        sync = state.get("sync")
        if sync is not None:
            online = _field(sync, "online")
            unsynced = state.get("unsynced", "…")
            text = self.tr("Online") if online else self.tr("Offline")
            label = self.tr("Sync: {state}, {count} not uploaded").format(
                state=text, count=unsynced
            )
            last = _field(sync, "last_sync")
            if last:
                label += self.tr(", last {time}").format(time=clock_time(last))
            self.sync_label.setText(label)
        elif "sync" in services.missing:
            self.sync_label.setText(
                self.tr("Sync: not running, {count} not uploaded").format(
                    count=state.get("unsynced", "…")
                )
            )
        else:
            self.sync_label.setText(self.tr("Sync: starting…"))
        kind = state.get("printer")
        if kind is not None:
            text = self._printer_labels().get(str(kind), self.tr("Printer: not checked yet"))
        elif "printer" in services.missing or "devices" in services.missing:
            text = self.tr("Printer: not available")
        else:
            text = self.tr("Printer: starting…")
        unprinted = int(state.get("unprinted") or 0)
        if unprinted:
            text = self.tr("{printer}, receipts not printed: {count} (Ctrl+P)").format(
                printer=text, count=unprinted
            )
        self.printer_label.setText(text)
        display = self.customer_display.state if self.customer_display is not None else ""
        self.display_label.setVisible(display == "unplugged")
        self.display_label.setText(self.tr("Customer display: not connected"))

    def _printer_labels(self) -> dict[str, str]:
        """The status bar's words for each of ``printer_kind``'s answers."""
        return {
            "none": self.tr("Printer: no printer"),
            "bad_address": self.tr("Printer: address in settings is wrong"),
            "unchecked": self.tr("Printer: not checked yet"),
            "no_status": self.tr("Printer: connected, cannot report its state"),
            "ready": self.tr("Printer: ready"),
            "paper_low": self.tr("Printer: ready, paper low"),
            "paper_out": self.tr("Printer: out of paper"),
            "cover_open": self.tr("Printer: cover open"),
            "offline": self.tr("Printer: offline"),
            "unreachable": self.tr("Printer: not reachable"),
        }

    def open_unprinted(self) -> None:
        """The printer in the status bar, clicked: the receipts that have not printed."""
        if self.logged_in and self.stack.currentWidget() is self.selling:
            self.selling.open_unprinted()

    def _reload_unprinted(self) -> None:
        dialog = self.selling.dialog if self.selling is not None else None
        if isinstance(dialog, UnprintedDialog) and dialog.isVisible():
            dialog.reload()

    # -- logging in and out ----------------------------------------------------------------

    def on_login(self, user) -> None:
        self.till.login(user)
        if user.role == "clerk":  # warehouse clerks work on delivery slips, not the ticket
            self.show_warehouse()
            return
        if self.selling is None:
            self.selling = SellingScreen(self.services)
            self.selling.lock_requested.connect(self.lock)
            self.selling.settings_requested.connect(self.open_settings)
            self.selling.sale_completed.connect(self._sale_completed)
            self.customer_display = CounterDisplay(self.selling, self.services)
            self.customer_display.state_changed.connect(lambda _state: self._show_status())
            self.customer_display.welcome()
            self.stack.addWidget(self.selling)
        self.stack.setCurrentWidget(self.selling)
        self.selling.refresh()
        self.selling.focus_entry()
        self.retranslate()
        log.info("user %s logged in at till %s", user.id, self.services.config.till.code)

    def show_warehouse(self) -> None:
        """The warehouse screens for the logged-in user (a clerk, or an owner from settings)."""
        from ui.warehouse import WarehouseWindow

        if self.warehouse is not None:
            self.stack.removeWidget(self.warehouse)
            self.warehouse.deleteLater()
        self.warehouse = WarehouseWindow(
            self.services.store, self.services.config, self.till.user, tasks=self.services.tasks
        )
        QShortcut(QKeySequence("Ctrl+L"), self.warehouse, activated=self.lock)
        if self.selling is not None:  # owners come back to the ticket with Ctrl+T
            QShortcut(QKeySequence("Ctrl+T"), self.warehouse, activated=self.back_to_selling)
        self.stack.addWidget(self.warehouse)
        self.stack.setCurrentWidget(self.warehouse)
        self.warehouse.show_list()
        self.retranslate()

    def back_to_selling(self) -> None:
        if self.selling is not None and self.till.user is not None:
            self.stack.setCurrentWidget(self.selling)
            self.selling.focus_entry()

    def lock(self) -> None:
        """Back to the login screen; the open ticket stays for the next login."""
        if self.selling is not None and self.selling.dialog is not None:
            self.selling.dialog.reject()
        self.till.logout()
        self.stack.setCurrentWidget(self.login)
        self.login.reset()
        self.retranslate()

    def closeEvent(self, event) -> None:  # noqa: N802
        """An open ticket is held when the till closes, so nothing rung up is lost."""
        ticket = self.till.ticket
        if ticket.lines and ticket.state == "open":
            try:
                held_id = self.till.hold(label=self.tr("open when the till closed"))
                log.info("open ticket held as %s at close", held_id)
            except Exception:  # the window must close whatever the store says
                log.exception("open ticket not held at close")
        if self.customer_display is not None:
            self.customer_display.close()
        super().closeEvent(event)

    @property
    def logged_in(self) -> bool:
        current = self.stack.currentWidget()
        return self.till.user is not None and current in (self.selling, self.warehouse)

    def _sale_completed(self, done: Completed) -> None:
        queue = self.services.print_queue
        if queue is not None and hasattr(queue, "notify"):
            queue.notify()  # its receipt job was queued with the sale: print it now
        self.refresh_status()

    # -- scans -----------------------------------------------------------------------------

    def on_scan(self, code: str, _target: object = None) -> None:
        if self.logged_in and self.stack.currentWidget() is self.warehouse:
            self.warehouse.route_scan(code)
        elif self.logged_in:
            self.selling.route_scan(code)
        else:
            self.login.message.show_message(self.tr("Log in first, then scan"), "warn")

    # -- settings (owners) -----------------------------------------------------------------

    def open_settings(self) -> None:
        selling = self.selling

        def show(_approver=None) -> None:
            dialog = SettingsDialog(self.services.config.shop.language, parent=selling)
            dialog.language.connect(self.set_language)
            dialog.screen.connect(self.open_owner_screen)
            selling.open_dialog(dialog)

        selling.run(
            lambda: (users.require(self.till.user, "owner", "settings"), show()), retry=show
        )

    def open_owner_screen(self, name: str) -> None:
        if name == "warehouse":
            self.show_warehouse()
        elif name == "devices":
            from ui.device_settings import DeviceSettingsDialog

            if self.services.devices is None:
                self.selling.problem(self.tr("The devices are still starting; try again"))
                return
            dialog = DeviceSettingsDialog(
                self.services.devices,
                store=self.services.store,
                user_id=self.till.user_id,
                parent=self.selling,
            )
            self.selling.open_dialog(dialog)
        elif name == "day_end":
            from ui.day_end import DayEndDialog

            dialog = DayEndDialog(
                paths.store_path(self.services.data_dir), self.services.config, self.selling
            )
            self.selling.open_dialog(dialog)

    def set_language(self, code: str) -> None:
        try:
            config = Config.load(self.services.data_dir).replace("shop", language=code)
            config.save(self.services.data_dir)
        except (TillbookError, OSError) as exc:
            self.selling.problem(describe(exc))
            return
        self.services.config = config
        self.language.apply(pick_language(code))
        log.info("screen language set to %r", code or "system")


def printer_kind(printer: object) -> str:
    """What the receipt printer is known to be, as a key of the status bar's labels. Reads
    only what the printer object remembers from its last job or check; never touches it."""
    if getattr(printer, "url_error", ""):
        return "bad_address"
    if getattr(printer, "scheme", "") == "dummy":
        return "none"
    status = getattr(printer, "last_status", None)
    if status is not None and not status.ready:
        return status.code  # cover_open, paper_out or offline
    if getattr(printer, "last_error", ""):
        return "unreachable"
    if status is not None:
        return "paper_low" if status.paper == "low" else "ready"
    if getattr(printer, "answers_status", None) is False or not getattr(printer, "can_read", True):
        return "no_status"
    return "unchecked"


def _field(value: object, name: str) -> object:
    if isinstance(value, dict):
        return value.get(name)
    return getattr(value, name, None)
