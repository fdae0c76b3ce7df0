"""Stock levels pulled before the product they belong to.

A product edited after its stock changed sorts after that stock level in the pull, and the
two may arrive on different pages. The level waits here and is applied in the transaction
that brings the product.
"""

SQL = """
CREATE TABLE held_stock_levels (
    sku           TEXT NOT NULL,
    location      TEXT NOT NULL,
    on_hand_milli INTEGER NOT NULL,
    PRIMARY KEY (sku, location)
);
"""
