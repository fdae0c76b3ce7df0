"""Several server processes started at once over one new database all come up."""

from __future__ import annotations

import pytest
from sync_harness import Database, ServerProcess


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_servers_started_together_on_a_new_database_migrate_it_once_and_all_serve(kind, tmp_path):
    database = Database(kind, tmp_path, migrate=False)
    servers = [ServerProcess(database, tmp_path / f"s{i}") for i in range(4)]
    try:
        for server in servers:
            server.data_dir.mkdir()
            server.launch()
        for server in servers:
            server.wait_ready()  # raises with the server's log if it exited
        heads = database.rows("SELECT version_num FROM alembic_version")
        assert [row[0] for row in heads] == ["s0003"]
    finally:
        for server in servers:
            server.stop()
        database.drop()


def test_the_server_serves_with_start_up_frozen_and_rarer_collections(tmp_path, monkeypatch):
    # A push makes about 100 objects per sale; full collections over the whole process at
    # the default thresholds took a quarter of a push's time.
    import gc

    import uvicorn

    from sync.server import run

    seen = {}

    def serve_nothing(app, **options):
        seen.update(threshold=gc.get_threshold(), frozen=gc.get_freeze_count(), app=app)

    monkeypatch.setattr(uvicorn, "run", serve_nothing)
    before = gc.get_threshold()
    try:
        run.serve(f"sqlite:///{tmp_path / 'server.db'}", host="127.0.0.1", port=0)
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)

    assert seen["threshold"] == run.GC_THRESHOLDS
    assert seen["frozen"] > 10_000  # the app, its schemas, SQLAlchemy's metadata
    assert seen["app"].title
