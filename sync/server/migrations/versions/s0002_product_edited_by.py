"""Which till's edit made a product's current version (NULL: the owner's).

A till's later edit of a product whose current version is its own is not a conflict, even
when the till has not pulled that version back yet.

Revision ID: s0002
Revises: s0001
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("products", sa.Column("edited_by", sa.Text, nullable=True))


def downgrade() -> None:
    op.drop_column("products", "edited_by")
