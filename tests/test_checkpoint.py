"""Background WAL checkpoints: the selling connection never checkpoints while one runs."""

from __future__ import annotations

import time

from localdb import Store
from localdb.checkpoint import BackgroundCheckpointer


def wal_frames(store: Store) -> tuple[int, int]:
    """(frames in the log, frames already copied back), without copying anything."""
    _, frames, done = store.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return frames, done


def fill(store: Store, rows: int) -> None:
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [(f"k{n}", "x" * 500) for n in range(rows)],
        )


def test_checkpoints_move_to_the_background_thread_and_come_back_after(tmp_path):
    store = Store.open(tmp_path / "till.db")
    checkpointer = BackgroundCheckpointer(store, interval_s=0.05)

    with checkpointer:
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        fill(store, 20_000)  # about 2,500 pages: past the automatic threshold
        deadline = time.monotonic() + 10
        while checkpointer.frames_checkpointed == 0 and time.monotonic() < deadline:
            time.sleep(0.05)

    assert checkpointer.frames_checkpointed > 1000
    frames, done = wal_frames(store)
    assert frames == done  # everything written is back in the database file
    assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    store.close()


def test_with_automatic_checkpoints_off_and_no_thread_the_log_only_grows(tmp_path):
    store = Store.open(tmp_path / "till.db")
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")

    fill(store, 20_000)
    time.sleep(0.2)

    assert (tmp_path / "till.db-wal").stat().st_size > 8_000_000  # nothing copied back
    store.close()
