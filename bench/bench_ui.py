"""Counter screen benchmarks, each beside a same-run baseline:

1. Launch to a ready login screen with a 1,000,000-product store (``tillbook till``),
   beside a bare PySide6 window's launch. Target: at most 1.5 s.
2. A scanner burst (13 digits and Enter, through the keyboard-wedge filter) to the painted
   ticket row, beside the same keys typed into a bare line edit that appends a table row.
   Target: p99 at most 50 ms.

    QT_QPA_PLATFORM=offscreen python bench/bench_ui.py [--products 1000000] [--runs 5]

The big store is built once and cached in bench/.cache/ (a few minutes for a million).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run import demo_store, sample_codes  # noqa: E402

BARE_WINDOW = """
import sys, time
started = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
label = QLabel("ready")
window.setCentralWidget(label)
class Probe(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, done)
        return False
def done():
    print(f"ready {(time.perf_counter() - started) * 1000:.1f} ms", flush=True)
    app.quit()
probe = Probe()
label.installEventFilter(probe)
window.resize(1366, 768)
window.show()
app.exec()
"""


def launch_ms(command: list[str], env: dict[str, str]) -> float:
    """Wall time from starting the process to its 'ready' line (first paint)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    for line in process.stdout:
        if line.startswith("ready"):
            elapsed = (time.perf_counter() - started) * 1000
            break
    else:
        raise RuntimeError(f"{command[:4]} never became ready")
    process.wait(timeout=60)
    return elapsed


def bench_launch(store: Path, runs: int) -> tuple[list[float], list[float]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as logs:
        env["XDG_STATE_HOME"] = logs  # keep the benchmark's log lines out of the user's log
        till = [
            sys.executable,
            "-m",
            "app.cli",
            "--data-dir",
            str(store.parent),
            "till",
            "--quit-when-ready",
        ]
        bare = [sys.executable, "-c", BARE_WINDOW]
        launch_ms(bare, env)  # warm the file cache for both
        launch_ms(till, env)
        till_ms, bare_ms = [], []
        for _ in range(runs):
            bare_ms.append(launch_ms(bare, env))
            till_ms.append(launch_ms(till, env))
    return till_ms, bare_ms


# -- scanner burst to painted row ------------------------------------------------------------


def bench_scans(store_path: Path, products: int, scans: int) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import (
        QApplication,
        QLineEdit,
        QTableWidget,
        QTableWidgetItem,
        QVBoxLayout,
        QWidget,
    )

    from app import users
    from app.config import Config
    from app.till import Till
    from localdb import Store
    from ui import theme
    from ui.i18n import Language
    from ui.reader import Readers
    from ui.services import Services
    from ui.tasks import Tasks
    from ui.wedge import ScannerWedge
    from ui.window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply(app)

    class PaintWatch(QObject):
        painted = False

        def eventFilter(self, obj, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    def burst(target: QWidget, code: str) -> None:
        for char in code:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                key = int(Qt.Key.Key_0) + int(char)
                app.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.sendEvent(
                target, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
            )

    def until_painted(watch: PaintWatch, ready) -> None:
        while not (watch.painted and ready()):
            app.processEvents()

    rng = random.Random(7)
    with Store.open(store_path, primary=False) as sampling:
        codes = sample_codes(sampling, scans, rng)

    # the till
    store = Store.open(store_path)
    config = Config()
    services = Services(
        data_dir=store_path.parent,
        config=config,
        store=store,
        till=Till(store, config),
        readers=Readers(store.path),
        tasks=Tasks(threads=2),
        lookups=Tasks(threads=1),
        missing={"sync": "benchmark", "printer": "benchmark"},
    )
    language = Language()
    language.apply("zh_CN")
    window = MainWindow(services, language)
    window.resize(1366, 768)
    wedge = ScannerWedge(app)
    app.installEventFilter(wedge)
    wedge.scanned.connect(window.on_scan)
    window.show()
    window.on_login(users.all_users(store)[0])
    selling = window.selling
    watch = PaintWatch()
    selling.table.viewport().installEventFilter(watch)
    until_painted(watch, lambda: True)
    till_ms = []
    for index, code in enumerate(codes):
        if index % 40 == 0 and services.till.ticket.lines:
            services.till.cancel(reason="benchmark")
            selling.refresh()
            until_painted(watch, lambda: True)
        lines_before = len(services.till.ticket.lines)
        watch.painted = False
        started = time.perf_counter()
        burst(selling.entry, code)
        until_painted(watch, lambda n=lines_before: len(services.till.ticket.lines) > n)
        till_ms.append((time.perf_counter() - started) * 1000)
    app.removeEventFilter(wedge)
    selling.table.viewport().removeEventFilter(watch)
    window.close()
    window.deleteLater()
    services.tasks.wait()
    services.readers.close()
    store.close()

    # the baseline: the same keys into a bare line edit whose Enter appends a table row
    bare = QWidget()
    layout = QVBoxLayout(bare)
    table, field = QTableWidget(0, 2), QLineEdit()
    layout.addWidget(table)
    layout.addWidget(field)

    def append() -> None:
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(field.text()))
        table.setItem(row, 1, QTableWidgetItem("¥1.00"))
        table.scrollToBottom()
        field.clear()

    field.returnPressed.connect(append)
    bare.resize(1366, 768)
    bare.show()
    field.setFocus()
    bare_watch = PaintWatch()
    table.viewport().installEventFilter(bare_watch)
    until_painted(bare_watch, lambda: True)
    bare_ms = []
    for index, code in enumerate(codes):
        if index % 40 == 0:
            table.setRowCount(0)
            until_painted(bare_watch, lambda: True)
        rows_before = table.rowCount()
        bare_watch.painted = False
        started = time.perf_counter()
        burst(field, code)
        until_painted(bare_watch, lambda n=rows_before: table.rowCount() > n)
        bare_ms.append((time.perf_counter() - started) * 1000)
    table.viewport().removeEventFilter(bare_watch)
    bare.close()
    bare.deleteLater()
    app.processEvents()
    return till_ms, bare_ms


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scans", type=int, default=300)
    args = parser.parse_args()

    store, _built_s = demo_store(args.products)
    till_launch, bare_launch = bench_launch(store, args.runs)
    till_scan, bare_scan = bench_scans(store, args.products, args.scans)

    rows = [
        (
            "launch to ready, median (ms)",
            statistics.median(till_launch),
            statistics.median(bare_launch),
            "<= 1500",
        ),
        ("launch to ready, worst (ms)", max(till_launch), max(bare_launch), "<= 1500"),
        (
            "scan burst to painted row, p50 (ms)",
            statistics.median(till_scan),
            statistics.median(bare_scan),
            "",
        ),
        ("scan burst to painted row, p99 (ms)", p99(till_scan), p99(bare_scan), "<= 50"),
    ]
    print(f"\ncatalog: {args.products:,} products; launches: {args.runs}; scans: {args.scans}")
    print(f"{'measure':<38} {'tillbook':>10} {'baseline':>10} {'ratio':>7}  target")
    for name, ours, base, target in rows:
        print(f"{name:<38} {ours:>10.1f} {base:>10.1f} {ours / base:>7.2f}  {target}")
    print(
        "baselines: a bare PySide6 window's launch; the same keys into a bare line edit "
        "that appends a table row"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
