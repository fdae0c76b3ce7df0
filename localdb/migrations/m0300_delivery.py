"""Delivery orders (送货单): the slip, its lines with what was picked, and its state history."""

SQL = """
CREATE TABLE deliveries (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    number        TEXT NOT NULL UNIQUE,       -- D-<till>-000001, from counters 'delivery'
    sale_id       INTEGER REFERENCES sales (id),
    customer_id   INTEGER REFERENCES customers (id),
    customer_name TEXT NOT NULL,
    phone         TEXT NOT NULL,
    address       TEXT NOT NULL,
    delivery_date TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD wanted by the customer, or empty
    notes         TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL DEFAULT 'pending' CHECK (state IN
                    ('pending', 'picked', 'dispatched', 'delivered', 'cancelled')),
    created_at    TEXT NOT NULL,              -- local time with offset, ISO 8601
    created_day   TEXT NOT NULL,              -- the shop's local date, YYYY-MM-DD
    created_by    INTEGER REFERENCES users (id),
    signed_by     TEXT NOT NULL DEFAULT '',   -- who signed for the goods on delivery
    total         INTEGER NOT NULL DEFAULT 0  -- fen: sum of line amounts
);
CREATE INDEX deliveries_state ON deliveries (state, created_day);
CREATE INDEX deliveries_day ON deliveries (created_day);
CREATE INDEX deliveries_phone ON deliveries (phone);
CREATE INDEX deliveries_sale ON deliveries (sale_id);

CREATE TABLE delivery_lines (
    id            INTEGER PRIMARY KEY,
    delivery_id   INTEGER NOT NULL REFERENCES deliveries (id),
    line_no       INTEGER NOT NULL,
    product_id    INTEGER REFERENCES products (id),
    sku           TEXT NOT NULL,
    name          TEXT NOT NULL,
    specification TEXT NOT NULL DEFAULT '',
    unit          TEXT NOT NULL,
    qty_milli     INTEGER NOT NULL CHECK (qty_milli > 0),
    unit_price    INTEGER NOT NULL DEFAULT 0,   -- fen
    amount        INTEGER NOT NULL DEFAULT 0,   -- fen
    picked_milli  INTEGER NOT NULL DEFAULT 0 CHECK (picked_milli >= 0),
    UNIQUE (delivery_id, line_no)
);
CREATE INDEX delivery_lines_product ON delivery_lines (product_id);

CREATE TABLE delivery_history (
    id          INTEGER PRIMARY KEY,
    delivery_id INTEGER NOT NULL REFERENCES deliveries (id),
    from_state  TEXT NOT NULL DEFAULT '',
    state       TEXT NOT NULL,
    user_id     INTEGER REFERENCES users (id),
    user_name   TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    signed_by   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX delivery_history_delivery ON delivery_history (delivery_id, id);
"""
