"""Start the till: build the store and the services, hand them to the window, shut them
down in order on exit.

Reading order of ``run``: Qt and the language, the store and the till, the window, then the
optional services (devices, print queue, sync worker) in the background once the login
screen is showing. Each piece registers its own shutdown on one exit stack, so they close
in the reverse order they were made: sync, print queue, devices, background threads, store.
A service whose module is missing, or that fails to start, is ``None``; the status bar says so.
"""

from __future__ import annotations

import logging
import signal
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from typing import Any

from app.config import Config
from app.till import Till
from localdb.checkpoint import BackgroundCheckpointer
from ui.reader import Readers
from ui.services import Services
from ui.tasks import Tasks

log = logging.getLogger(__name__)


# -- the optional services: one small builder each --------------------------------------------
# Each returns (service, how to shut it down). An ImportError means the module is not in this
# build; the till runs without it.


def build_devices(
    ctx, config: Config, on_scan: Callable[[str], None]
) -> tuple[Any, Callable[[], None]]:
    from devices.manager import DeviceManager

    manager = DeviceManager(config, on_scan=on_scan)  # a serial scanner's codes, any thread
    return manager, manager.close


def build_print_queue(ctx, config: Config, devices: Any) -> tuple[Any, Callable[[], None]]:
    from printing.queue import PrintQueue

    queue = PrintQueue(ctx.store_path, config, devices)
    queue.start()
    return queue, queue.stop


def build_sync(ctx, config: Config) -> tuple[Any, Callable[[], None]]:
    from sync.worker import SyncWorker

    worker = SyncWorker(ctx.store_path, config)
    worker.start()
    return worker, worker.stop


def build_receipt_hook(config: Config) -> Callable:
    from printing.queue import receipt_job_hook

    return receipt_job_hook(config)


def _optional(name: str, missing: dict[str, str], build: Callable[[], Any]) -> Any:
    try:
        return build()
    except ImportError as exc:
        log.info("%s not started: its module is not installed (%s)", name, exc)
        missing[name] = "not installed"
    except Exception as exc:  # one broken device or server must not stop the till selling
        log.exception("%s failed to start", name)
        missing[name] = f"failed to start: {exc}"
    return None


def start_services(
    ctx, services: Services, *, on_scan: Callable[[str], None] = lambda code: None
) -> dict[str, Any]:
    """Build the optional services (runs on a background thread: devices may probe).
    ``on_scan`` receives a serial scanner's codes, on the scanner's thread."""
    config, missing = services.config, {}
    built: dict[str, Any] = {"missing": missing, "closers": []}

    def add(name: str, pair: tuple[Any, Callable[[], None]] | None) -> Any:
        if pair is None:
            return None
        service, close = pair
        built[name] = service
        built["closers"].append((name, close))
        return service

    devices = add(
        "devices", _optional("devices", missing, lambda: build_devices(ctx, config, on_scan))
    )
    add(
        "print_queue",
        _optional("printer", missing, lambda: build_print_queue(ctx, config, devices)),
    )
    add("sync", _optional("sync", missing, lambda: build_sync(ctx, config)))
    return built


def _attach(services: Services, built: dict[str, Any], stack: ExitStack, window) -> None:
    """Back on the UI thread: hand the started services to the till and the window."""
    for name, close in built["closers"]:
        stack.callback(_closing(name, close))
    services.devices = built.get("devices")
    services.print_queue = built.get("print_queue")
    services.sync = built.get("sync")
    services.missing.update(built["missing"])
    for service in (services.print_queue, services.sync):
        _subscribe(service, window.services_changed)
    window.refresh_status()


def _closing(name: str, close: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        log.info("stopping %s", name)
        try:
            close()
        except Exception:  # keep closing the rest: the store must still be marked clean
            log.exception("%s did not stop cleanly", name)

    return run


def _subscribe(service: Any, callback: Callable[[], None]) -> None:
    """Ask a service to report changes through its ``on_change`` (a callback attribute, or a
    list of them). It calls from its own thread; ``callback`` must be thread-safe."""
    if service is None or not hasattr(service, "on_change"):
        return
    hook = service.on_change
    if isinstance(hook, list):
        hook.append(lambda *_args: callback())
    else:
        service.on_change = lambda *_args: callback()


# -- start-up -----------------------------------------------------------------------------------


def build_core(ctx, stack: ExitStack) -> Services:
    store = stack.enter_context(ctx.open_store())
    stack.enter_context(BackgroundCheckpointer(store))  # a sale's commit never checkpoints
    config = ctx.config
    readers = Readers(ctx.store_path)
    stack.callback(readers.close)
    tasks, lookups = Tasks(threads=2), Tasks(threads=1)
    lookups.pool.setExpiryTimeout(-1)  # keep the search thread (and its connection) alive
    stack.callback(lookups.wait)
    stack.callback(tasks.wait)
    till = Till(store, config)
    # The receipt job is queued with every sale from the first one on; the print queue,
    # which starts in the background, prints whatever is waiting when it comes up.
    hook = _optional("printer", {}, lambda: build_receipt_hook(config))
    if hook is not None:
        till.sale_hooks.append(hook)
    return Services(
        data_dir=ctx.data_dir,
        config=config,
        store=store,
        till=till,
        readers=readers,
        tasks=tasks,
        lookups=lookups,
    )


def run(ctx, *, fullscreen: bool = False, quit_when_ready: bool = False) -> int:
    started = time.perf_counter()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui import theme
    from ui.i18n import Language, pick_language
    from ui.wedge import ScannerWedge
    from ui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Tillbook")
    theme.apply(app)
    language = Language()
    language.apply(pick_language(ctx.config.shop.language))

    with ExitStack() as stack:
        services = build_core(ctx, stack)
        window = MainWindow(services, language)
        wedge = ScannerWedge(app)
        app.installEventFilter(wedge)
        stack.callback(app.removeEventFilter, wedge)
        wedge.scanned.connect(window.on_scan)
        if quit_when_ready:
            _quit_after_first_paint(window, started)
        else:
            QTimer.singleShot(
                0,
                lambda: services.tasks.run(
                    lambda: start_services(ctx, services, on_scan=window.scan_from_device),
                    on_done=lambda built: _attach(services, built, stack, window),
                    on_error=lambda exc: log.error("services not started: %s", exc),
                ),
            )
        _quit_on_signals(app)
        if fullscreen:
            window.showFullScreen()
        else:
            window.showMaximized()
        log.info("till window shown after %.0f ms", (time.perf_counter() - started) * 1000)
        return app.exec()


def _quit_on_signals(app) -> None:
    """Ctrl+C and a service manager's SIGTERM close the till the normal way, so every
    service stops in order and the store is marked cleanly closed."""
    from PySide6.QtCore import QTimer

    def stop(signum, _frame) -> None:
        log.info("signal %s: closing the till", signum)
        for widget in app.topLevelWidgets():
            widget.close()
        app.quit()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    # Python runs signal handlers only between its own bytecodes; wake it now and then.
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(300)


def _quit_after_first_paint(window, started: float) -> None:
    """For the launch benchmark: say when the login screen has painted, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
                self.seen = True
                QTimer.singleShot(0, self._ready)
            return False

        def _ready(self) -> None:
            print(f"ready {(time.perf_counter() - started) * 1000:.1f} ms", flush=True)
            QApplication.instance().quit()

    probe = FirstPaint(window)
    window.login.pin.installEventFilter(probe)


def main(argv: list[str] | None = None) -> int:
    """``python -m ui.main`` runs the till for the default data directory."""
    from app import cli

    return cli.main(argv if argv is not None else ["till"])


if __name__ == "__main__":
    sys.exit(main())
