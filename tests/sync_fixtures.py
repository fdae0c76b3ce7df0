"""Fixtures for the sync tests (a pytest plugin: ``pytest_plugins = ["sync_fixtures"]``)."""

from __future__ import annotations

import pytest
from sync_harness import Chain, Database, ServerProcess


@pytest.fixture(params=["sqlite", "postgres"])
def database(request, tmp_path):
    """A fresh server database; the PostgreSQL one fails (never skips) without a server."""
    database = Database(request.param, tmp_path)
    yield database
    database.drop()


@pytest.fixture
def server(database, tmp_path):
    proc = ServerProcess(database, tmp_path).start()
    yield proc
    proc.stop()


@pytest.fixture
def chain(database, server):
    return Chain(database, server)
