import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(tmp_path, *args):
    env = {
        **os.environ,
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "TILLBOOK_DATA_DIR": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def test_version(tmp_path):
    out = run(tmp_path, "--version")
    assert out.returncode == 0 and out.stdout.startswith("tillbook ")


def test_user_mistakes_get_one_line_and_a_non_zero_exit(tmp_path):
    assert run(tmp_path, "user", "add", "Ann", "--role", "owner", "--pin", "4321").returncode == 0
    for args in (
        ["user", "add", "Bob", "--role", "cashier", "--pin", "4321"],
        ["user", "add", "Cy", "--role", "cashier", "--pin", "12"],
        ["restore", str(tmp_path / "missing.db")],
    ):
        out = run(tmp_path, *args)
        assert out.returncode == 1
        assert out.stderr.count("\n") == 1 and out.stderr.startswith("tillbook: ")
        assert "Traceback" not in out.stderr


def test_a_path_that_cannot_be_written_is_one_line_and_the_log_keeps_the_details(tmp_path):
    taken = tmp_path / "taken.txt"
    taken.write_text("not a folder")
    (tmp_path / "folder.csv").mkdir()
    for args in (
        ["backup", "--to", str(taken)],
        ["export", "products", str(tmp_path / "folder.csv")],
    ):
        out = run(tmp_path, *args)
        assert out.returncode == 1
        assert out.stderr.count("\n") == 1 and out.stderr.startswith("tillbook: ")
        assert "Traceback" not in out.stderr
    log = (tmp_path / "state" / "tillbook" / "log" / "tillbook.log").read_text()
    assert "Traceback" in log


def test_bad_config_names_the_key(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.toml").write_text('[shop]\ncash_rounding = "5"\nnmae = "x"\n')
    out = run(tmp_path, "config", "check")
    assert out.returncode == 1
    assert "shop.cash_rounding" in out.stderr and "unknown key shop.nmae" in out.stderr


def test_log_file_gets_events_but_never_a_pin(tmp_path):
    run(tmp_path, "user", "add", "Ann", "--role", "owner", "--pin", "97531")
    out = run(tmp_path, "--verbose", "user", "add", "Bo", "--role", "clerk", "--pin", "97531")
    assert out.returncode == 1
    logs = list((tmp_path / "state").rglob("tillbook.log"))
    assert logs, "a rotating log file in the per-user log directory"
    text = logs[0].read_text(encoding="utf-8")
    assert "applied migration 0001" in text
    assert "97531" not in text and "97531" not in out.stderr
