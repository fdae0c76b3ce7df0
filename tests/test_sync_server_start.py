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
