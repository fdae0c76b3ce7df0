"""HTTPS with the owner's certificate; plain HTTP only on loopback unless allowed."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest
from sync_harness import ROOT, Database, ServerProcess

from sync.client import SyncClient
from sync.errors import ServerUnreachable


@pytest.fixture
def certificate(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def test_the_server_speaks_https_with_the_given_certificate(tmp_path, certificate):
    cert, key = certificate
    database = Database("sqlite", tmp_path)
    server = ServerProcess(database, tmp_path)
    try:
        server.proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "--data-dir", str(tmp_path), "server", "run",
             "--db", database.url, "--port", str(server.port), "--cert", str(cert),
             "--key", str(key)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        url = f"https://127.0.0.1:{server.port}"
        with SyncClient(url, verify=str(cert), attempts=40, sleep=lambda s: None) as client:
            for _ in range(100):
                try:
                    assert client.hello()["protocol_versions"] == [1]
                    break
                except ServerUnreachable:
                    continue
        with pytest.raises(httpx.ConnectError):  # a certificate nobody vouched for is refused
            httpx.get(url + "/v1/hello", verify=True)
        with pytest.raises(httpx.HTTPError):  # and plain HTTP gets no answer
            httpx.get(f"http://127.0.0.1:{server.port}/v1/hello", timeout=5)
    finally:
        server.stop()
        database.drop()


def test_plain_http_off_loopback_is_refused_without_allow_insecure(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(tmp_path), "server", "run",
         "--host", "0.0.0.0", "--port", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 1
    assert "--cert" in run.stderr and "Traceback" not in run.stderr
