"""Keep each message's UTC offset, so promised times are read in the sender's own time

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch_op:
        batch_op.add_column(sa.Column("utc_offset", sa.Integer(), nullable=True))
    # stored analyses read times in UTC: analyse again
    op.execute("UPDATE conversations SET analyzed_at = NULL")


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch_op:
        batch_op.drop_column("utc_offset")
