"""config.toml values checked when the file is loaded, each problem named by its key."""

from __future__ import annotations

import pytest

from app.config import Config
from app.errors import UserInputError


def load_problems(tmp_path, text: str) -> list[str]:
    (tmp_path / "config.toml").write_text(text, encoding="utf-8")
    with pytest.raises(UserInputError) as caught:
        Config.load(tmp_path)
    return caught.value.problems


def test_an_unknown_printer_profile_is_refused_with_its_key(tmp_path):
    [problem] = load_problems(tmp_path, '[printer]\nprofile = "TM-T88VV"\n')
    assert problem.startswith("printer.profile: ")
    assert "TM-T88V" in problem  # a near name is suggested


def test_known_profiles_load(tmp_path):
    (tmp_path / "config.toml").write_text('[printer]\nprofile = "TM-T88V"\n', encoding="utf-8")
    assert Config.load(tmp_path).printer.profile == "TM-T88V"
    assert Config.from_dict({"printer": {"profile": "default"}}).printer.profile == "default"


@pytest.mark.parametrize(
    ("section", "url", "words"),
    [
        ("printer", "ftp://printer", "use tcp://"),
        ("printer", "tcp://:9100", "names no host"),
        ("printer", "tcp://10.0.0.5:port", "port"),
        ("printer", "usb://epson", "VID:PID"),
        ("printer", "serial:///dev/ttyUSB0?baud=19200", "baud"),
        ("printer", "file://", "names no file"),
        ("scanner", "/dev/ttyACM0", "not a serial:// URL"),
        ("display", "serial:///dev/ttyUSB1?parity=X", "bad serial setting"),
        ("scale", "serial://", "names no port"),
    ],
)
def test_bad_device_urls_are_refused_with_their_key(tmp_path, section, url, words):
    [problem] = load_problems(tmp_path, f'[{section}]\nurl = "{url}"\n')
    assert problem.startswith(f"{section}.url: ")
    assert words in problem


def test_good_device_urls_load(tmp_path):
    text = (
        '[printer]\nurl = "serial:///dev/ttyUSB0?baudrate=19200"\n'
        '[scanner]\nurl = "serial://COM3?baudrate=9600"\n'
        '[display]\nurl = ""\n'
        '[scale]\nurl = "serial:///dev/ttyS0?bytesize=8&parity=N"\n'
    )
    (tmp_path / "config.toml").write_text(text, encoding="utf-8")
    config = Config.load(tmp_path)
    assert config.printer.url.startswith("serial://")
    for url in ("tcp://10.0.0.5:9100", "usb://04b8:0202", "cups://", "lp://receipts", "dummy:"):
        assert Config.from_dict({"printer": {"url": url}}).printer.url == url


@pytest.mark.parametrize("code", ["收银1", "T 01", ""])
def test_a_till_code_the_receipt_barcode_cannot_carry_is_refused(tmp_path, code):
    [problem] = load_problems(tmp_path, f'[till]\ncode = "{code}"\n')
    assert problem.startswith("till.code: ")
