"""The server's first schema: shops, tills, applied changes, sales, stock, catalog.

Revision ID: s0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

TEXT, INT, BIG = sa.Text, sa.Integer, sa.BigInteger


def col(name, type_, *args, **kw):
    kw.setdefault("nullable", False)
    return sa.Column(name, type_, *args, **kw)


def upgrade() -> None:
    op.create_table(
        "shops", col("id", TEXT, primary_key=True), col("name", TEXT), col("created_at", TEXT)
    )
    # The per-shop commit clock: every transaction that changes what tills pull bumps it as
    # its last statement, which orders those commits (see docs/protocol.md, "Pull").
    op.create_table(
        "shop_clock",
        col("shop_id", TEXT, sa.ForeignKey("shops.id"), primary_key=True),
        col("value", BIG),
    )
    op.create_table(
        "tills",
        col("id", TEXT, primary_key=True),
        col("shop_id", TEXT, sa.ForeignKey("shops.id")),
        col("code", TEXT),
        col("token_hash", TEXT, unique=True),
        col("state", TEXT),  # active, revoked, quarantined
        col("reason", TEXT, server_default=""),
        col("applied_seq", BIG, server_default="0"),
        col("renumber", INT, server_default="0"),
        col("last_contact", TEXT, nullable=True),
        col("reported_unsynced", INT, server_default="0"),
        col("created_at", TEXT),
        sa.UniqueConstraint("shop_id", "code"),
    )
    op.create_table(
        "enroll_codes",
        col("code_hash", TEXT, primary_key=True),
        col("shop_id", TEXT, sa.ForeignKey("shops.id")),
        col("created_at", TEXT),
        col("expires_at", TEXT),
        col("used_by", TEXT, nullable=True),
    )
    op.create_table(
        "owner_tokens",
        col("token_hash", TEXT, primary_key=True),
        col("label", TEXT, server_default=""),
        col("created_at", TEXT),
        col("revoked", INT, server_default="0"),
    )
    op.create_table(
        "changes",
        col("till_id", TEXT, sa.ForeignKey("tills.id")),
        col("seq", BIG),
        col("uuid", TEXT),
        col("kind", TEXT),
        col("version", INT),
        col("status", TEXT),  # applied, duplicate, rejected
        col("result", TEXT),  # JSON answered again on a resend
        col("applied_at", TEXT),
        sa.PrimaryKeyConstraint("till_id", "seq"),
    )
    op.create_index("changes_uuid", "changes", ["till_id", "uuid"])
    op.create_table(
        "sales",
        col("uuid", TEXT, primary_key=True),
        col("shop_id", TEXT),
        col("till_id", TEXT),
        col("seq", BIG),
        col("kind", TEXT),
        col("receipt_no", TEXT),
        col("business_day", TEXT),
        col("created_at", TEXT),
        col("total", BIG),
        col("tax_total", BIG),
        col("original_uuid", TEXT, nullable=True),
        col("customer_uuid", TEXT, nullable=True),
        col("payload", TEXT),
        col("received_at", TEXT),
    )
    op.create_index("sales_day", "sales", ["shop_id", "business_day", "till_id"])
    op.create_table(
        "sale_lines",
        col("sale_uuid", TEXT, sa.ForeignKey("sales.uuid")),
        col("line_no", INT),
        col("sku", TEXT),
        col("qty_milli", BIG),
        col("unit_price", BIG),
        col("list_price", BIG),
        col("net", BIG),
        col("tax", BIG),
        sa.PrimaryKeyConstraint("sale_uuid", "line_no"),
    )
    op.create_table(
        "stock_moves",
        col("uuid", TEXT, primary_key=True),
        col("shop_id", TEXT),
        col("till_id", TEXT, nullable=True),
        col("sku", TEXT),
        col("location", TEXT),
        col("qty_milli", BIG),
        col("kind", TEXT),
        col("ref", TEXT, server_default=""),
        col("received_at", TEXT),
    )
    op.create_index("stock_moves_item", "stock_moves", ["shop_id", "sku", "location"])
    op.create_table(
        "stock_levels",
        col("shop_id", TEXT),
        col("sku", TEXT),
        col("location", TEXT),
        col("on_hand_milli", BIG),
        col("negative_flagged", INT, server_default="0"),
        col("rev", BIG, nullable=True),
        sa.PrimaryKeyConstraint("shop_id", "sku", "location"),
    )
    op.create_table(
        "products",
        col("shop_id", TEXT),
        col("sku", TEXT),
        col("name", TEXT),
        col("unit", TEXT),
        col("price", BIG),
        col("cost", BIG),
        col("tax_rate", INT),
        col("category", TEXT),
        col("active", INT),
        col("stock_policy", TEXT),
        col("weighed", INT),
        col("barcodes", TEXT),  # JSON list of [code, pack_qty]
        col("search_tokens", TEXT, server_default=""),  # app.search_tokens, made once here
        col("deleted", INT, server_default="0"),
        col("updated_at", TEXT),
        col("rev", BIG, nullable=True),
        sa.PrimaryKeyConstraint("shop_id", "sku"),
    )
    op.create_table(
        "customers",
        col("shop_id", TEXT),
        col("uuid", TEXT),
        col("name", TEXT),
        col("phone", TEXT),
        col("card_code", TEXT, nullable=True),
        col("address", TEXT),
        col("notes", TEXT),
        col("credit_limit", BIG),
        col("rev", BIG, nullable=True),
        sa.PrimaryKeyConstraint("shop_id", "uuid"),
    )
    op.create_table(
        "users",
        col("shop_id", TEXT),
        col("name", TEXT),
        col("role", TEXT),
        col("pin_hash", TEXT),
        col("active", INT),
        col("rev", BIG, nullable=True),
        sa.PrimaryKeyConstraint("shop_id", "name"),
    )
    for table, keys in (
        ("products", ["sku"]),
        ("customers", ["uuid"]),
        ("users", ["name"]),
        ("stock_levels", ["sku", "location"]),
    ):
        op.create_index(f"{table}_feed", table, ["shop_id", "rev", *keys])
    op.create_table(
        "documents",
        col("uuid", TEXT, primary_key=True),
        col("shop_id", TEXT),
        col("till_id", TEXT),
        col("kind", TEXT),
        col("payload", TEXT),
        col("received_at", TEXT),
    )
    op.create_table(
        "exceptions",
        col("id", TEXT, primary_key=True),
        col("shop_id", TEXT),
        col("till_id", TEXT, nullable=True),
        col("kind", TEXT),  # price_changed, product_deleted, unknown_product, negative_stock...
        col("ref", TEXT),
        col("detail", TEXT),  # JSON
        col("created_at", TEXT),
        col("resolved", INT, server_default="0"),
    )
    op.create_index("exceptions_shop", "exceptions", ["shop_id", "resolved", "created_at"])
