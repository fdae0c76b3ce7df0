"""`tillbook printer test` against the TCP printer peer, run as a real process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.printer_peer import PrinterPeer

ROOT = Path(__file__).resolve().parents[1]


def run(tmp_path, *args):
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(tmp_path), "printer", "test", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def peer():
    with PrinterPeer() as p:
        yield p


def test_prints_a_test_receipt_and_reports_the_status(tmp_path, peer):
    result = run(tmp_path, "--printer", peer.url)
    assert result.returncode == 0, result.stderr
    assert "printer status: ready" in result.stdout
    out = peer.wait_for(lambda d: d.cuts == 1)
    asked_first = [("status", 1), ("status", 2), ("status", 4)]
    assert out.events[:5] == [*asked_first, ("init",), ("chinese_mode",)]
    assert out.events[-3:] == asked_first  # and again after the job
    assert any(line.startswith("中文：可口可乐") for line in out.lines)
    assert any(line.startswith("English: The quick brown fox") for line in out.lines)
    assert out.barcodes == [("CODE128", "TEST-0001")]
    assert out.qr_codes == ["TEST-0001"]


def test_uses_the_configured_printer(tmp_path, peer):
    (tmp_path / "config.toml").write_text(
        f'[printer]\nurl = "{peer.url}"\npaper_mm = 58\n', encoding="utf-8"
    )
    result = run(tmp_path)
    assert result.returncode == 0, result.stderr
    out = peer.wait_for(lambda d: d.cuts == 1)
    assert max(len(line) for line in out.lines) <= 32


def test_unreachable_printer_is_one_line_and_exit_1(tmp_path):
    with PrinterPeer() as gone:
        url = gone.url
    result = run(tmp_path, "--printer", url)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "unreachable" in result.stderr
    assert "Traceback" not in result.stderr


def test_paper_out_is_reported_and_nothing_printed(tmp_path, peer):
    peer.paper_out = True
    result = run(tmp_path, "--printer", peer.url)
    assert result.returncode == 1
    assert "paper out" in result.stderr
    assert peer.decoded().lines == []


def test_bad_url_is_one_line(tmp_path):
    result = run(tmp_path, "--printer", "ftp://nowhere")
    assert result.returncode == 1
    assert "printer.url" in result.stderr and "Traceback" not in result.stderr


def test_without_a_printer_the_dummy_records_and_says_so(tmp_path):
    result = run(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "recorded by dummy:" in result.stdout and "nothing printed" in result.stdout


def test_escpos_capability_cache_has_one_fixed_home(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k != "ESCPOS_CAPABILITIES_PICKLE_DIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    code = (
        "import os; from devices.profiles import escpos; escpos();"
        "print(os.environ['ESCPOS_CAPABILITIES_PICKLE_DIR'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    home = tmp_path / "cache" / "tillbook" / "escpos"
    assert result.stdout.strip() == str(home)
    assert list(home.glob("*.capabilities.pickle"))  # the cache lands in our directory
    # python-escpos 3.1 still makes one empty temporary directory per process: its
    # environ.get(..., mkdtemp()) evaluates the default even when the variable is set.
    leftovers = list((tmp_path / "tmp").iterdir())
    assert len(leftovers) <= 1 and not any(list(p.iterdir()) for p in leftovers)


def run_cli(tmp_path, *args):
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(tmp_path), "printer", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_jobs_retry_skip_and_reprint_from_the_command_line(tmp_path, store, till):
    from app.config import Config
    from printing.queue import receipt_job_hook

    till.sale_hooks.append(receipt_job_hook(Config()))
    till.scan("6901234567892")
    till.add_payment(tender="cash", amount=500)
    done = till.complete()
    store.execute("UPDATE print_jobs SET state = 'waiting', reason = 'paper out'")

    listed = run_cli(tmp_path, "jobs")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split("\t")[:4] == ["1", done.receipt_no, "receipt", "waiting"]
    assert "paper out" in listed.stdout

    assert run_cli(tmp_path, "retry", "1").returncode == 0
    assert store.scalar("SELECT state FROM print_jobs WHERE id = 1") == "pending"
    assert run_cli(tmp_path, "skip", "1").returncode == 0
    assert store.scalar("SELECT state FROM print_jobs WHERE id = 1") == "skipped"
    again = run_cli(tmp_path, "retry", "1")
    assert again.returncode == 1 and "not waiting or failed" in again.stderr

    reprint = run_cli(tmp_path, "reprint", done.receipt_no)
    assert reprint.returncode == 0, reprint.stderr
    assert store.scalar("SELECT kind FROM print_jobs WHERE id = 2") == "reprint"
    unknown = run_cli(tmp_path, "reprint", "T01-999999")
    assert unknown.returncode == 1 and "T01-999999" in unknown.stderr
    assert run_cli(tmp_path, "jobs").stdout.startswith("2\t")


def test_bad_profile_in_config_is_one_line_naming_the_key(tmp_path, peer):
    (tmp_path / "config.toml").write_text(
        f'[printer]\nurl = "{peer.url}"\nprofile = "NoSuchModel"\n', encoding="utf-8"
    )
    result = run(tmp_path)
    assert result.returncode == 1
    assert "printer.profile" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert peer.decoded().events == []


def test_a_refused_lp_job_is_one_line_and_exit_1(tmp_path, monkeypatch):
    import os

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "lp").write_text(
        '#!/bin/sh\ncat > /dev/null\necho "lp: Unable to print: queue stopped" >&2\nexit 1\n'
    )
    (bin_dir / "lp").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    result = run(tmp_path, "--printer", "lp://receipts")
    assert result.returncode == 1
    assert "refused" in result.stderr and "queue stopped" in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    assert "test receipt sent" not in result.stdout
