"""The till core: catalog, customers, users, stock ledger, sales, outbox, audit."""

SQL = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

CREATE TABLE products (
    id           INTEGER PRIMARY KEY,
    sku          TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    unit         TEXT NOT NULL DEFAULT '件',
    price        INTEGER NOT NULL,               -- fen, tax included unless the shop says not
    cost         INTEGER NOT NULL DEFAULT 0,     -- fen
    tax_rate     INTEGER NOT NULL DEFAULT 1300,  -- basis points: 1300 = 13%
    category     TEXT NOT NULL DEFAULT '',
    active       INTEGER NOT NULL DEFAULT 1,
    stock_policy TEXT NOT NULL DEFAULT 'warn' CHECK (stock_policy IN ('block', 'warn', 'allow')),
    weighed      INTEGER NOT NULL DEFAULT 0,     -- sold by weight; price is per kg
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE barcodes (
    code       TEXT PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    pack_qty   INTEGER NOT NULL DEFAULT 1 CHECK (pack_qty >= 1)
) WITHOUT ROWID;
CREATE INDEX barcodes_product ON barcodes (product_id);

-- Search: our own tokens (one token per CJK character, Latin words, pinyin initials and
-- syllables), so a name part or pinyin initials match through the index.
CREATE VIRTUAL TABLE product_search USING fts5 (
    tokens,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

CREATE TABLE customers (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    phone        TEXT NOT NULL DEFAULT '',
    card_code    TEXT UNIQUE,
    address      TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    credit_limit INTEGER NOT NULL DEFAULT 0,   -- fen
    balance      INTEGER NOT NULL DEFAULT 0,   -- fen owed on account
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX customers_phone ON customers (phone);
CREATE INDEX customers_name ON customers (name);

CREATE TABLE users (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    role     TEXT NOT NULL CHECK (role IN ('cashier', 'clerk', 'owner')),
    pin_hash TEXT NOT NULL,
    active   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE locations (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
INSERT INTO locations (id, code, name) VALUES (1, 'SHOP', 'Shop floor'), (2, 'WH', 'Warehouse');

-- Append-only: on-hand is the sum of movements; stock_levels caches it in step.
CREATE TABLE stock_moves (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    product_id  INTEGER NOT NULL REFERENCES products (id),
    location_id INTEGER NOT NULL REFERENCES locations (id),
    qty_milli   INTEGER NOT NULL,    -- thousandths of the product's unit; negative leaves
    kind        TEXT NOT NULL CHECK (kind IN
                  ('sale', 'return', 'receipt', 'adjustment', 'transfer', 'count', 'dispatch')),
    ref         TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX stock_moves_product ON stock_moves (product_id, location_id);
CREATE TRIGGER stock_moves_append_only_update BEFORE UPDATE ON stock_moves
BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;
CREATE TRIGGER stock_moves_append_only_delete BEFORE DELETE ON stock_moves
BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;

CREATE TABLE stock_levels (
    product_id   INTEGER NOT NULL REFERENCES products (id),
    location_id  INTEGER NOT NULL REFERENCES locations (id),
    on_hand_milli INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id, location_id)
) WITHOUT ROWID;

CREATE TABLE sales (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    ticket_uuid      TEXT NOT NULL UNIQUE,     -- completing one ticket twice is impossible
    receipt_no       TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
    original_sale_id INTEGER REFERENCES sales (id),
    customer_id      INTEGER REFERENCES customers (id),
    cashier_id       INTEGER REFERENCES users (id),
    created_at       TEXT NOT NULL,    -- UTC, ISO 8601
    business_day     TEXT NOT NULL,    -- the shop's local date, YYYY-MM-DD
    subtotal         INTEGER NOT NULL,   -- fen: sum of line gross amounts
    discount_total   INTEGER NOT NULL,   -- fen: line and ticket discounts
    rounding         INTEGER NOT NULL,   -- fen, <= 0: cash rounding (抹零)
    total            INTEGER NOT NULL,   -- fen due: subtotal - discount_total + rounding (+ tax if exclusive)
    tax_total        INTEGER NOT NULL,
    paid             INTEGER NOT NULL,
    change_given     INTEGER NOT NULL,
    tax_inclusive    INTEGER NOT NULL,
    needs_review     INTEGER NOT NULL DEFAULT 0,
    review_reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sales_created ON sales (created_at);
CREATE INDEX sales_day ON sales (business_day);
CREATE INDEX sales_customer ON sales (customer_id, created_at);
CREATE INDEX sales_original ON sales (original_sale_id);

CREATE TABLE sale_lines (
    id            INTEGER PRIMARY KEY,
    sale_id       INTEGER NOT NULL REFERENCES sales (id),
    line_no       INTEGER NOT NULL,
    product_id    INTEGER REFERENCES products (id),
    original_line_id INTEGER REFERENCES sale_lines (id),
    barcode       TEXT NOT NULL DEFAULT '',
    sku           TEXT NOT NULL,
    name          TEXT NOT NULL,
    unit          TEXT NOT NULL,
    qty_milli     INTEGER NOT NULL,
    unit_price    INTEGER NOT NULL,   -- fen, as sold (after any override)
    list_price    INTEGER NOT NULL,   -- fen, the catalog price at the moment of sale
    tax_rate      INTEGER NOT NULL,   -- basis points
    gross         INTEGER NOT NULL,   -- fen: unit_price x quantity, rounded half up
    discount      INTEGER NOT NULL,   -- fen: the line's own discount plus its share of the ticket's
    net           INTEGER NOT NULL,   -- fen: gross - discount
    tax           INTEGER NOT NULL,   -- fen
    UNIQUE (sale_id, line_no)
);
CREATE INDEX sale_lines_original ON sale_lines (original_line_id);

CREATE TABLE sale_payments (
    id        INTEGER PRIMARY KEY,
    sale_id   INTEGER NOT NULL REFERENCES sales (id),
    tender    TEXT NOT NULL CHECK (tender IN ('cash', 'card', 'wechat', 'alipay', 'unionpay', 'account')),
    amount    INTEGER NOT NULL,   -- fen tendered (cash may exceed what is due; change is on the sale)
    reference TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sale_payments_sale ON sale_payments (sale_id);

CREATE TABLE sale_taxes (
    sale_id  INTEGER NOT NULL REFERENCES sales (id),
    rate     INTEGER NOT NULL,
    net      INTEGER NOT NULL,    -- fen without tax
    tax      INTEGER NOT NULL,
    PRIMARY KEY (sale_id, rate)
) WITHOUT ROWID;

CREATE TABLE held_tickets (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    label      TEXT NOT NULL DEFAULT '',
    cashier_id INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    ticket     TEXT NOT NULL   -- JSON
);

-- Every business fact, in order, for the sync module. seq is contiguous per till.
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    payload    TEXT NOT NULL,   -- JSON
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'rejected')),
    sent_at    TEXT,
    error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_pending ON outbox (state, seq);

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    user_id INTEGER REFERENCES users (id),
    action  TEXT NOT NULL,
    ref     TEXT NOT NULL DEFAULT '',
    detail  TEXT NOT NULL DEFAULT '{}'   -- JSON, never a PIN or a receipt body
);
CREATE INDEX audit_action ON audit_log (action, at);
"""
