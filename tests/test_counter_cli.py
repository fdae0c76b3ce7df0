"""The till's commands, run as the console would run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"))
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(tmp_path / "shop"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_till_opens_the_store_and_paints_the_login_screen(tmp_path):
    done = run("till", "--quit-when-ready", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ready ")
    assert (tmp_path / "shop" / "till.db").exists()


def test_till_is_the_default_command():
    from app import cli

    args = cli.build_parser().parse_args([cli.DEFAULT_COMMAND])
    assert args.func.__module__ == "ui.commands"
    assert args.func.__name__ == "open_till"


def test_demo_without_the_demo_module_says_so_in_one_line(tmp_path):
    import importlib.util

    done = run("demo", "--quit-when-ready", tmp_path=tmp_path)
    if importlib.util.find_spec("app.demo") is None:
        assert done.returncode == 1
        assert done.stderr.strip().splitlines() == [
            "tillbook: the demo shop is not part of this build (app.demo is missing)"
        ]
    else:
        assert done.returncode == 0, done.stderr
        assert "ready" in done.stdout
