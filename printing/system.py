"""Sending a finished PDF to a system printer through the spooler's own command.

On Linux and macOS CUPS prints PDF directly: ``lp`` (or the BSD ``lpr``) takes the file and
returns at once; the spooler owns the job from there. On Windows the screen prints through
Qt's print dialog instead (ui.warehouse), since there is no standard command that prints PDF.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

from app.errors import TillbookError

log = logging.getLogger(__name__)

SPOOL_TIMEOUT_S = 30


class PrintFailed(TillbookError):
    """The spooler refused the job or is not there; ``reason`` says which."""

    code = "print_failed"


def spool_command(path: Path, *, printer: str = "", copies: int = 1) -> list[str]:
    """The command that queues ``path``: ``lp`` if present, else ``lpr``."""
    if shutil.which("lp"):
        command = ["lp", "-n", str(copies)]
        if printer:
            command += ["-d", printer]
        return [*command, "--", str(path)]
    if shutil.which("lpr"):
        command = ["lpr", f"-#{copies}"]
        if printer:
            command += ["-P", printer]
        return [*command, str(path)]
    raise PrintFailed(
        "no print spooler command (lp or lpr) found; install CUPS or save the PDF instead",
        reason="no_spooler",
    )


def send_to_printer(path: str | Path, *, printer: str = "", copies: int = 1) -> str:
    """Queue a PDF on a system printer; returns what the spooler said (e.g. the job id)."""
    path = Path(path)
    command = spool_command(path, printer=printer, copies=copies)
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=SPOOL_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintFailed(f"{command[0]} failed: {exc}", reason="spooler_error") from exc
    if done.returncode != 0:
        message = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        log.warning("%s not printed on %s: %s", path.name, printer or "default printer", message)
        raise PrintFailed(f"{command[0]}: {message}", reason="refused", printer=printer)
    log.info("%s queued on %s", path.name, printer or "the default printer")
    return done.stdout.strip()
