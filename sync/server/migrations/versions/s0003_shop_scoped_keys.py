"""Sales, their lines, stock movements and documents are keyed within their shop.

A till's UUIDs are unique only as far as the till can know; a sale from one shop must never
be taken for a duplicate of another shop's. Documents also keep the outbox sequence of the
change that wrote them, so a later change of a slip replaces an earlier one and never the
other way round.

Revision ID: s0003
Revises: s0002
"""

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None

TEXT, INT, BIG = sa.Text, sa.Integer, sa.BigInteger


def col(name, type_, *args, **kw):
    kw.setdefault("nullable", False)
    return sa.Column(name, type_, *args, **kw)


def upgrade() -> None:
    op.drop_index("sales_day", "sales")
    op.drop_index("stock_moves_item", "stock_moves")
    for table in ("sale_lines", "sales", "stock_moves", "documents"):
        op.rename_table(table, f"{table}_s0002")

    op.create_table(
        "sales",
        col("shop_id", TEXT),
        col("uuid", TEXT),
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
        sa.PrimaryKeyConstraint("shop_id", "uuid", name="sales_shop_uuid"),
    )
    op.create_table(
        "sale_lines",
        col("shop_id", TEXT),
        col("sale_uuid", TEXT),
        col("line_no", INT),
        col("sku", TEXT),
        col("qty_milli", BIG),
        col("unit_price", BIG),
        col("list_price", BIG),
        col("net", BIG),
        col("tax", BIG),
        sa.PrimaryKeyConstraint("shop_id", "sale_uuid", "line_no", name="sale_lines_key"),
        sa.ForeignKeyConstraint(
            ["shop_id", "sale_uuid"], ["sales.shop_id", "sales.uuid"], name="sale_lines_sale"
        ),
    )
    op.create_table(
        "stock_moves",
        col("shop_id", TEXT),
        col("uuid", TEXT),
        col("till_id", TEXT, nullable=True),
        col("sku", TEXT),
        col("location", TEXT),
        col("qty_milli", BIG),
        col("kind", TEXT),
        col("ref", TEXT, server_default=""),
        col("received_at", TEXT),
        sa.PrimaryKeyConstraint("shop_id", "uuid", name="stock_moves_shop_uuid"),
    )
    op.create_table(
        "documents",
        col("shop_id", TEXT),
        col("uuid", TEXT),
        col("till_id", TEXT),
        col("seq", BIG),  # the till's outbox sequence of the change that wrote this version
        col("kind", TEXT),
        col("payload", TEXT),
        col("received_at", TEXT),
        sa.PrimaryKeyConstraint("shop_id", "uuid", name="documents_shop_uuid"),
    )

    sales = (
        "shop_id, uuid, till_id, seq, kind, receipt_no, business_day, created_at, total,"
        " tax_total, original_uuid, customer_uuid, payload, received_at"
    )
    op.execute(f"INSERT INTO sales ({sales}) SELECT {sales} FROM sales_s0002")
    op.execute(
        "INSERT INTO sale_lines (shop_id, sale_uuid, line_no, sku, qty_milli, unit_price,"
        " list_price, net, tax) SELECT s.shop_id, l.sale_uuid, l.line_no, l.sku, l.qty_milli,"
        " l.unit_price, l.list_price, l.net, l.tax FROM sale_lines_s0002 l"
        " JOIN sales_s0002 s ON s.uuid = l.sale_uuid"
    )
    moves = "shop_id, uuid, till_id, sku, location, qty_milli, kind, ref, received_at"
    op.execute(f"INSERT INTO stock_moves ({moves}) SELECT {moves} FROM stock_moves_s0002")
    # The sequence of an earlier version is not known: any later change replaces it.
    op.execute(
        "INSERT INTO documents (shop_id, uuid, till_id, seq, kind, payload, received_at)"
        " SELECT shop_id, uuid, till_id, 0, kind, payload, received_at FROM documents_s0002"
    )
    for table in ("sale_lines", "sales", "stock_moves", "documents"):
        op.drop_table(f"{table}_s0002")

    op.create_index("sales_day", "sales", ["shop_id", "business_day", "till_id"])
    op.create_index("stock_moves_item", "stock_moves", ["shop_id", "sku", "location"])
