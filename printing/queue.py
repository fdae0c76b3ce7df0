"""Receipt jobs: queued in the sale's transaction, printed by a worker after the commit.

Exactly-once on paper is impossible to promise over a wire that can break mid-job, so the
queue promises this instead, and records each step before and after it happens:

- A job is claimed (``pending``/``waiting`` -> ``sending``) by a conditional UPDATE, so a
  retry pressed twice, or a retry racing the worker, can start it at most once.
- ``done`` is final: neither retry nor the worker ever sends a done job again.
- When the printer is unreachable, offline, out of paper or open, nothing is sent and the
  job goes to ``waiting`` with the reason; the worker tries again by itself.
- When the connection breaks mid-job, or the till stops between sending and recording
  ``done``, the job becomes ``failed`` ("may have printed"). It is never resent on its
  own: the cashier looks at the paper and presses retry or skip. We err towards a missing
  receipt (which the cashier sees on screen) over a doubled one.
- The drawer kick has its own marker (``drawer``), written ``done`` right after the kick,
  before the receipt is sent; a crash in between counts as kicked. A retried receipt never
  kicks again, and a kick still waiting after ``DRAWER_WINDOW_S`` expires rather than
  opening the drawer minutes after the customer left.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app import sales
from app.config import Config
from app.errors import TillbookError
from devices.errors import DeviceError, PrinterIOError, PrinterNotReady
from localdb import Store
from printing.escpos_out import doc_to_escpos, drawer_kick
from printing.layout import ReceiptDoc
from printing.receipt import columns_for_paper, render_receipt

if TYPE_CHECKING:
    import sqlite3

    from devices.manager import DeviceManager
    from devices.printer import PrinterStatus

log = logging.getLogger(__name__)

DRAWER_WINDOW_S = 120
PAPER_RAN_OUT = "paper ran out while printing: the receipt may be incomplete; retry or skip"
INTERRUPTED = "interrupted while printing: check the paper, then retry or skip"
CONNECTION_LOST = "connection lost while printing: check the paper, then retry or skip"
LAYOUT_FAILED = "cannot lay out the receipt"
REFUSED = "the print queue refused the job"
UNEXPECTED = "unexpected error"
OPEN_STATES = ("pending", "waiting", "sending", "failed")
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


@dataclass(frozen=True)
class PrintJob:
    id: int
    sale_id: int | None
    receipt_no: str
    kind: str
    state: str
    drawer: str
    attempts: int
    reason: str
    created_at: str
    printed_at: str | None
    reason_code: str = ""  # see reason_key


def reason_key(job: PrintJob) -> str:
    """One word for why ``job`` has not printed, for a screen to say in its own language:
    ``queued`` or ``printing`` for a job in hand, else the code stored with its reason
    (paper_ran_out, interrupted, connection_lost, layout, refused, unexpected, or the
    printer's cover_open, paper_out, offline), ``unreachable`` for a printer that did not
    answer."""
    if job.state == "pending":
        return "queued"
    if job.state == "sending":
        return "printing"
    if job.reason_code:
        return job.reason_code
    return "unreachable" if job.state == "waiting" else "unexpected"


def receipt_job_hook(config: Config) -> Callable[[sqlite3.Connection, int], None]:
    """A ``till.sale_hooks`` entry queuing the sale's receipt in the sale's transaction,
    with a drawer kick only when the sale (or return) moved cash."""

    def queue_receipt(conn: sqlite3.Connection, sale_id: int) -> None:
        cash = conn.execute(
            "SELECT 1 FROM sale_payments WHERE sale_id = ? AND tender = 'cash' LIMIT 1",
            (sale_id,),
        ).fetchone()
        drawer = "pending" if cash and config.drawer.enabled else "none"
        conn.execute(
            "INSERT INTO print_jobs (sale_id, kind, drawer) VALUES (?, 'receipt', ?)",
            (sale_id, drawer),
        )

    return queue_receipt


def cancel_pending_kicks(conn: sqlite3.Connection) -> int:
    """The drawer was opened another way (by hand, with a reason): queued kicks are moot."""
    return conn.execute(
        f"UPDATE print_jobs SET drawer = 'skipped', updated_at = {_NOW} WHERE drawer = 'pending'"
    ).rowcount


def list_jobs(store: Store, *, pending_only: bool = True) -> list[PrintJob]:
    """Jobs oldest first; with ``pending_only`` those that still need the printer or the
    cashier (pending, waiting, sending, failed)."""
    sql = (
        "SELECT j.id, j.sale_id, coalesce(s.receipt_no, ''), j.kind, j.state, j.drawer,"
        " j.attempts, j.reason, j.created_at, j.printed_at, j.reason_code"
        " FROM print_jobs j LEFT JOIN sales s ON s.id = j.sale_id"
    )
    if pending_only:
        sql += " WHERE j.state IN ('pending', 'waiting', 'sending', 'failed')"
    return [PrintJob(*row) for row in store.conn.execute(sql + " ORDER BY j.id")]


def unprinted_count(conn: sqlite3.Connection) -> int:
    """Receipts the queue could not print yet (waiting for the printer, or failed)."""
    return conn.execute(
        "SELECT count(*) FROM print_jobs WHERE state IN ('waiting', 'failed')"
    ).fetchone()[0]


def retry_job(store: Store, job_id: int) -> bool:
    """Back to pending, from waiting or failed only: a done job is never sent again."""
    with store.transaction() as conn:
        changed = conn.execute(
            f"UPDATE print_jobs SET state = 'pending', reason = '', reason_code = '',"
            f" updated_at = {_NOW}"
            " WHERE id = ? AND state IN ('waiting', 'failed')",
            (job_id,),
        ).rowcount
    if changed:
        log.info("print job %s: retry requested", job_id)
    return bool(changed)


def skip_job(store: Store, job_id: int) -> bool:
    with store.transaction() as conn:
        changed = conn.execute(
            f"UPDATE print_jobs SET state = 'skipped', updated_at = {_NOW},"
            " drawer = CASE drawer WHEN 'pending' THEN 'skipped' ELSE drawer END"
            " WHERE id = ? AND state IN ('pending', 'waiting', 'failed')",
            (job_id,),
        ).rowcount
    if changed:
        log.info("print job %s skipped", job_id)
    return bool(changed)


def queue_reprint(store: Store, sale_id: int) -> int:
    with store.transaction() as conn:
        sales.load(store, sale_id=sale_id)  # SaleNotFound for a wrong id
        return conn.execute(
            "INSERT INTO print_jobs (sale_id, kind) VALUES (?, 'reprint') RETURNING id",
            (sale_id,),
        ).fetchone()[0]


class PrintQueue:
    """The worker thread that prints queued jobs, and the cashier's actions on them.

    ``on_change`` is called (from the worker thread, or the caller's) after any job changes
    state; a screen must hand it over to its own thread.
    """

    def __init__(
        self,
        store_path: str | Path,
        config: Config,
        devices: DeviceManager,
        *,
        retry_s: float = 5.0,
        poll_s: float = 0.1,
    ) -> None:
        self.store_path = str(store_path)
        self.config = config
        self.devices = devices
        self.retry_s = retry_s
        self.poll_s = poll_s
        self.on_change: Callable[[], None] | None = None
        self._api = Store.open(self.store_path, primary=False)
        self._api_lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    # -- life cycle ------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="print-queue", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Finish the job on the wire (if any), then stop and close both connections."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
        with self._api_lock:
            if self._api.conn is not None:
                self._api.close()

    def notify(self) -> None:
        """Look at the queue now (a sale just committed) rather than at the next poll."""
        self._wake.set()

    # -- the cashier's actions -------------------------------------------------------------

    def jobs(self, pending_only: bool = True) -> list[PrintJob]:
        with self._api_lock:
            return list_jobs(self._api, pending_only=pending_only)

    def retry(self, job_id: int) -> bool:
        """Print a waiting or failed job again. False when it is done, skipped or on the wire."""
        with self._api_lock:
            changed = retry_job(self._api, job_id)
        if changed:
            self._changed()
        # Asked while the job is on the wire: the worker looks again as soon as that try
        # ends, so a job that then waits goes out at once if the printer is back.
        self._wake.set()
        return changed

    def skip(self, job_id: int) -> bool:
        """Give up on a job (and its drawer kick, if it has not happened)."""
        with self._api_lock:
            changed = skip_job(self._api, job_id)
        if changed:
            self._changed()
        return changed

    def reprint(self, sale_id: int) -> int:
        """Queue a copy marked REPRINT (重印); never kicks the drawer."""
        with self._api_lock:
            job_id = queue_reprint(self._api, sale_id)
        self._changed()
        self._wake.set()
        return job_id

    def _changed(self) -> None:
        if self.on_change is not None:
            try:
                self.on_change()
            except Exception:  # a broken listener must not stop the printing
                log.exception("print queue change listener failed")

    # -- the worker ------------------------------------------------------------------------

    def _run(self) -> None:
        store = Store.open(self.store_path, primary=False)
        try:
            self._recover(store)
            last_version = None
            next_retry = time.monotonic() + self.retry_s
            while not self._stopping.is_set():
                woken = self._wake.wait(self.poll_s)
                self._wake.clear()
                try:
                    version = store.scalar("PRAGMA data_version")
                    if woken or version != last_version or time.monotonic() >= next_retry:
                        last_version = version
                        self._work(store)
                        next_retry = time.monotonic() + self.retry_s
                except Exception:  # a locked or failing store: keep the worker, try later
                    log.exception("print queue cycle failed; trying again in %ss", self.retry_s)
                    self._stopping.wait(self.retry_s)
        finally:
            store.close()

    def _recover(self, store: Store) -> None:
        """Jobs left 'sending' by a crash: the drawer counts as kicked, the receipt as
        perhaps printed (failed, for the cashier to check), never resent on its own."""
        with store.transaction() as conn:
            kicks = conn.execute(
                f"UPDATE print_jobs SET drawer = 'done', updated_at = {_NOW}"
                " WHERE drawer = 'sending'"
            ).rowcount
            jobs = conn.execute(
                f"UPDATE print_jobs SET state = 'failed', updated_at = {_NOW},"
                " reason = ?, reason_code = 'interrupted' WHERE state = 'sending'",
                (INTERRUPTED,),
            ).rowcount
        if kicks or jobs:
            log.warning(
                "print queue: %d interrupted jobs and %d drawer kicks recovered", jobs, kicks
            )
            self._changed()

    def _work(self, store: Store) -> None:
        """Print queued jobs oldest first, until none is left or the printer cannot print."""
        while not self._stopping.is_set():
            row = store.conn.execute(
                "SELECT id FROM print_jobs WHERE state IN ('pending', 'waiting') ORDER BY id LIMIT 1"
            ).fetchone()
            if row is None:
                return
            try:
                if not self._print(store, row[0]):
                    return
            except Exception as exc:  # a bug or a transport's odd error must not stop the queue
                log.exception("print job %s failed unexpectedly", row[0])
                self._fail_if_sending(store, row[0], f"{UNEXPECTED}: {exc}", "unexpected")
                return

    def _print(self, store: Store, job_id: int) -> bool:
        """Print one job; False when the printer cannot take jobs now."""
        claim = self._claim(store, job_id)
        if claim is None:
            return True
        sale_id, kind, kick = claim
        try:
            receipt_no, data = self._render(store, sale_id, reprint=kind == "reprint")
        except TillbookError as exc:
            # Nothing was sent: the kick is recorded as not made, never left 'sending'
            # (which a restart would count as kicked).
            reason = f"{LAYOUT_FAILED}: {exc}"
            kick_state = "failed" if kick else None
            self._finish(store, job_id, "failed", reason, "layout", kick=kick_state)
            return True

        kicked = False
        printer = self.devices.printer
        pin = self.config.drawer.pin
        try:
            with printer.connect() as conn:
                try:
                    printer.ensure_ready(conn)
                except PrinterNotReady:
                    # The customer is waiting for change: the real-time pulse works offline.
                    if kick:
                        conn.send(drawer_kick(pin, realtime=True))
                        kicked = self._drawer_done(store, job_id)
                    raise
                if kick:
                    conn.send(drawer_kick(pin))
                    conn.submit()  # a system queue kicks only once it has the job
                    kicked = self._drawer_done(store, job_id)
                conn.send(data)
                conn.submit()  # the system queue took the job, or PrinterIOError
                after = _status_after(conn)
                if after is not None and after.paper == "out":
                    # The roll ended during the job: the paper may lack its end. The kick
                    # is recorded done already, so a retry reprints without opening it.
                    self._finish(
                        store, job_id, "failed", PAPER_RAN_OUT, "paper_ran_out", kick=None
                    )
                    log.warning("receipt %s may be incomplete: paper ran out", receipt_no)
                    return False
                self._finish(store, job_id, "done", "", "", kick=None)
        except PrinterIOError as exc:
            reason, code = CONNECTION_LOST, "connection_lost"
            if getattr(exc, "refused", False):
                reason, code = f"{REFUSED} ({exc}); retry or skip", "refused"
            drawer = "failed" if kick and not kicked else None
            self._finish(store, job_id, "failed", reason, code, kick=drawer)
            log.warning("receipt %s not printed: %s", receipt_no, exc)
            return False
        except DeviceError as exc:
            reason = getattr(exc, "reason", "") or printer.last_error or str(exc)
            code = getattr(exc, "cause", "") or "unreachable"
            self._wait(store, job_id, reason, code, kick_back=kick and not kicked)
            log.warning("receipt %s waits: printer %s", receipt_no, reason)
            return False
        if after is not None and not after.ready:
            self._note(store, job_id, f"printed; printer now {after.reason}")
        log.info("receipt %s printed (%s)", receipt_no, kind)
        return True

    def _render(self, store: Store, sale_id: int, *, reprint: bool) -> tuple[str, bytes]:
        sale = sales.load(store, sale_id=sale_id)
        doc = receipt_doc(sale, self.config, reprint=reprint)
        return sale.receipt_no, doc_to_escpos(doc, encoding=self.config.printer.encoding)

    def _claim(self, store: Store, job_id: int) -> tuple[int, str, bool] | None:
        with store.transaction() as conn:
            conn.execute(
                f"UPDATE print_jobs SET drawer = 'expired', updated_at = {_NOW}"
                " WHERE id = ? AND drawer = 'pending'"
                " AND (julianday('now') - julianday(created_at)) * 86400 > ?",
                (job_id, DRAWER_WINDOW_S),
            )
            row = conn.execute(
                f"UPDATE print_jobs SET state = 'sending', attempts = attempts + 1,"
                f" updated_at = {_NOW},"
                " drawer = CASE drawer WHEN 'pending' THEN 'sending' ELSE drawer END"
                " WHERE id = ? AND state IN ('pending', 'waiting')"
                " RETURNING sale_id, kind, drawer",
                (job_id,),
            ).fetchone()
        if row is None:
            return None
        self._changed()
        return row[0], row[1], row[2] == "sending"

    def _drawer_done(self, store: Store, job_id: int) -> bool:
        with store.transaction() as conn:
            conn.execute(
                f"UPDATE print_jobs SET drawer = 'done', updated_at = {_NOW} WHERE id = ?",
                (job_id,),
            )
        return True

    def _finish(
        self, store: Store, job_id: int, state: str, reason: str, code: str, *, kick: str | None
    ) -> None:
        printed = _NOW if state == "done" else "NULL"
        with store.transaction() as conn:
            conn.execute(
                f"UPDATE print_jobs SET state = ?, reason = ?, reason_code = ?,"
                f" updated_at = {_NOW}, printed_at = {printed},"
                " drawer = CASE WHEN ? IS NOT NULL AND drawer = 'sending' THEN ? ELSE drawer END"
                " WHERE id = ?",
                (state, reason, code, kick, kick, job_id),
            )
        self._changed()

    def _wait(self, store: Store, job_id: int, reason: str, code: str, *, kick_back: bool) -> None:
        """Nothing was sent: back to waiting, the drawer kick (if any) still to come, and
        the jobs queued behind it wait for the same reason."""
        with store.transaction() as conn:
            conn.execute(
                f"UPDATE print_jobs SET state = 'waiting', reason = ?, reason_code = ?,"
                f" updated_at = {_NOW},"
                " drawer = CASE WHEN ? AND drawer = 'sending' THEN 'pending' ELSE drawer END"
                " WHERE id = ?",
                (reason, code, int(kick_back), job_id),
            )
            conn.execute(
                f"UPDATE print_jobs SET state = 'waiting', reason = ?, reason_code = ?,"
                f" updated_at = {_NOW} WHERE state = 'pending'",
                (reason, code),
            )
        self._changed()

    def _fail_if_sending(self, store: Store, job_id: int, reason: str, code: str) -> None:
        with store.transaction() as conn:
            conn.execute(
                f"UPDATE print_jobs SET state = 'failed', reason = ?, reason_code = ?,"
                f" updated_at = {_NOW},"
                " drawer = CASE drawer WHEN 'sending' THEN 'failed' ELSE drawer END"
                " WHERE id = ? AND state = 'sending'",
                (reason, code, job_id),
            )
        self._changed()

    def _note(self, store: Store, job_id: int, reason: str) -> None:
        with store.transaction() as conn:
            conn.execute("UPDATE print_jobs SET reason = ? WHERE id = ?", (reason, job_id))
        self._changed()


def receipt_doc(sale: sales.Sale, config: Config, *, reprint: bool = False) -> ReceiptDoc:
    """The layout the printer gets for ``sale`` under ``config``: the till's preview
    shows this same document."""
    settings = config.printer
    return render_receipt(
        sale,
        config.shop,
        width_cols=columns_for_paper(settings.paper_mm),
        reprint=reprint,
        code=settings.receipt_code,
        logo=settings.logo,
        encoding=settings.encoding,
    )


def _status_after(conn) -> PrinterStatus | None:
    """The status after a job is only a note: a job recorded done stays done."""
    try:
        return conn.status()
    except DeviceError as exc:
        log.info("no status after the job: %s", exc)
        return None
