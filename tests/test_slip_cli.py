"""`tillbook slip print` and `tillbook slip list`, run as the real command."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import catalog, delivery, users
from app.delivery import OrderLine
from localdb import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    with Store.open(folder / "till.db") as store:
        clerk = users.add_user(store, name="Clerk", role="clerk", pin="2222")
        product = catalog.save_product(store, sku="PIPE", name="PVC 水管 20mm", price=1550)
        delivery.create_order(
            store,
            user=clerk,
            till_code="T01",
            name="王建国",
            phone="13800138000",
            address="文三路 100 号",
            lines=[OrderLine(product, 12_000, specification="4 米")],
        )
    (folder / "config.toml").write_text(
        '[shop]\nname = "永兴建材商行"\n\n[warehouse]\nslip_paper = "A5"\n', encoding="utf-8"
    )
    return folder


def tillbook(data_dir, *args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(data_dir), **(env or {})},
        timeout=60,
    )


def test_slip_print_to_pdf(data_dir, tmp_path):
    out = tmp_path / "slip.pdf"
    done = tillbook(data_dir, "slip", "print", "D-T01-000001", "--pdf", str(out))
    assert done.returncode == 0, done.stderr
    assert "wqy-zenhei.ttc (embedded)" in done.stderr
    reader = PdfReader(out)
    text = reader.pages[0].extract_text()
    assert "永兴建材商行" in text and "PVC 水管 20mm" in text and "壹佰捌拾陆元整" in text
    assert round(float(reader.pages[0].mediabox.width)) == 420  # A5 from the settings


def test_unknown_slip_is_one_line(data_dir, tmp_path):
    done = tillbook(data_dir, "slip", "print", "D-T01-999999", "--pdf", str(tmp_path / "x.pdf"))
    assert done.returncode == 1
    assert done.stderr.strip() == "tillbook: no delivery slip D-T01-999999"


def fake_spooler(folder: Path, *, fail: bool = False) -> Path:
    """An `lp` on PATH that keeps the job it is given, as CUPS would (or refuses it)."""
    folder.mkdir()
    script = folder / "lp"
    body = (
        'echo "lp: Error - The printer or class does not exist." >&2; exit 1\n'
        if fail
        else f'printf "%s\\n" "$*" > {folder}/args; cp "${{@: -1}}" {folder}/job.pdf\n'
        'echo "request id is Office-42 (1 file(s))"\n'
    )
    script.write_text("#!/bin/bash\n" + body)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return folder


def test_slip_print_queues_on_the_system_printer(data_dir, tmp_path):
    spool = fake_spooler(tmp_path / "bin")
    path = f"{spool}:{os.environ['PATH']}"
    done = tillbook(
        data_dir, "slip", "print", "D-T01-000001", "--printer", "Office", env={"PATH": path}
    )
    assert done.returncode == 0, done.stderr
    assert "request id is Office-42" in done.stdout
    assert (spool / "args").read_text().startswith("-n 1 -d Office -- ")
    assert "王建国" in PdfReader(spool / "job.pdf").pages[0].extract_text()


def test_refused_print_job_is_one_line(data_dir, tmp_path):
    spool = fake_spooler(tmp_path / "bin", fail=True)
    done = tillbook(
        data_dir,
        "slip",
        "print",
        "D-T01-000001",
        env={"PATH": f"{spool}:{os.environ['PATH']}"},
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "tillbook: lp: lp: Error - The printer or class does not exist."
    )


def test_slip_list(data_dir):
    done = tillbook(data_dir, "slip", "list", "--state", "pending", "--search", "王")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\t")[:2] == ["D-T01-000001", "pending"]
    assert tillbook(data_dir, "slip", "list", "--state", "picked").stdout == ""


def test_bad_date_in_slip_list_is_one_line(data_dir):
    done = tillbook(data_dir, "slip", "list", "--from", "12/01")
    assert done.returncode == 1
    assert done.stderr.strip() == "tillbook: not a date (YYYY-MM-DD): '12/01'"
