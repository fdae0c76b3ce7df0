"""Receipt print jobs, queued in the sale's own transaction and printed after the commit.

``state``: pending (to print) -> sending (bytes going out) -> done; or waiting (the printer
could not take it; nothing was sent; retried automatically), failed (the connection broke
mid-job, or a crash left it 'sending': the cashier decides), skipped (the cashier said so).
``drawer``: none, or pending -> sending -> done, recorded apart from the receipt so a
retried receipt never kicks the drawer again; expired when it was too late to open it.
"""

SQL = """
CREATE TABLE print_jobs (
    id          INTEGER PRIMARY KEY,
    sale_id     INTEGER REFERENCES sales (id),
    kind        TEXT NOT NULL CHECK (kind IN ('receipt', 'reprint')),
    state       TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'waiting', 'sending', 'done', 'failed', 'skipped')),
    drawer      TEXT NOT NULL DEFAULT 'none'
                CHECK (drawer IN ('none', 'pending', 'sending', 'done', 'failed', 'expired', 'skipped')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    reason      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    printed_at  TEXT
);
CREATE INDEX print_jobs_open ON print_jobs (state, id);
CREATE INDEX print_jobs_sale ON print_jobs (sale_id);
"""
