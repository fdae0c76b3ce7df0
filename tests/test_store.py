import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from localdb import Store, StoreCorrupt, StoreTooNew, migrations
from localdb import backup as backups

ROOT = Path(__file__).resolve().parents[1]


def test_store_is_durable_wal_with_foreign_keys(store):
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_inner_transaction_rolls_back_alone(store):
    with store.transaction():
        store.execute("INSERT INTO meta (key, value) VALUES ('outer', '1')")
        with pytest.raises(ZeroDivisionError), store.transaction():
            store.execute("INSERT INTO meta (key, value) VALUES ('inner', '1')")
            raise ZeroDivisionError
    assert store.meta("outer") == "1"
    assert store.meta("inner") is None


def test_outer_failure_rolls_back_everything(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
        with store.transaction():
            store.execute("INSERT INTO meta (key, value) VALUES ('b', '1')")
        raise RuntimeError
    assert store.meta("a") is None and store.meta("b") is None


def test_each_migration_is_recorded(store):
    recorded = [r[0] for r in store.execute("SELECT number FROM schema_migrations ORDER BY 1")]
    assert recorded == [m.number for m in migrations.all_migrations()]
    assert store.schema_version() == migrations.latest()


def test_older_store_opens_and_upgrades(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    Store.open(path).close()
    extra = migrations.Migration(
        9999, "extra", SimpleNamespace(SQL="CREATE TABLE later_feature (id INTEGER);")
    )
    known = migrations.all_migrations()
    monkeypatch.setattr(migrations, "all_migrations", lambda: (*known, extra))
    monkeypatch.setattr(migrations, "latest", lambda: 9999)
    with Store.open(path) as store:
        assert store.scalar("SELECT name FROM schema_migrations WHERE number = 9999") == "extra"
        assert store.schema_version() == 9999
        store.execute("INSERT INTO later_feature VALUES (1)")


def test_store_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99999")
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StoreTooNew) as caught:
        Store.open(path)
    assert "newer Tillbook" in str(caught.value) and caught.value.found == 99999
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_damaged_store_after_a_crash_is_reported(tmp_path):
    path = tmp_path / "till.db"
    store = Store.open(path)
    with store.transaction():
        for i in range(2000):
            store.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (f"k{i}", "x" * 200))
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.conn.close()  # no clean close: the next open runs the check
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 400] = b"\xff" * 400
    path.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupt):
        Store.open(path)


def test_backup_keeps_the_newest_copies(store, tmp_path):
    folder = tmp_path / "backups"
    made = [backups.backup(store, folder, keep=3) for _ in range(5)]
    kept = sorted(folder.glob("till-*.db"))
    assert kept == made[-3:]
    assert backups.check_backup(kept[-1]) == migrations.latest()


def _cli(data_dir, *args):
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_restore_refuses_while_sales_are_unsynced_unless_forced(tmp_path):
    data = tmp_path / "data"
    assert _cli(data, "backup").returncode == 0
    copy = next((data / "backups").glob("till-*.db"))
    with Store.open(data / "till.db") as store:
        from app import catalog, customers

        catalog.save_product(store, sku="A", name="A", price=100)
        customers.save_customer(store, name="Zhang San", phone="13800000000")
    refused = _cli(data, "restore", str(copy))
    assert refused.returncode == 1
    assert "not on the server yet" in refused.stderr and "Traceback" not in refused.stderr
    with Store.open(data / "till.db") as store:
        assert store.scalar("SELECT count(*) FROM customers") == 1
    forced = _cli(data, "restore", str(copy), "--force")
    assert forced.returncode == 0, forced.stderr
    with Store.open(data / "till.db") as store:
        assert store.scalar("SELECT count(*) FROM customers") == 0
        assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'restore'") == 1


def test_worker_connections_leave_the_clean_close_mark_to_the_till(tmp_path):
    path = tmp_path / "till.db"
    till = Store.open(path)
    assert till.meta("clean_close") == "0"
    worker = Store.open(path, primary=False)
    worker.close()
    assert till.meta("clean_close") == "0"  # the till is still open: not clean yet
    till.close()
    with Store.open(path) as again:
        assert again.meta("clean_close") == "0"
    with Store.open(path, primary=False) as worker:
        assert worker.meta("clean_close") == "1"
