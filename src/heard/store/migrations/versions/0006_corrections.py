"""Corrections: coaches' verdicts on findings (wrong) and on spans the detectors missed

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

import heard.store.tables

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=255), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("detector", sa.String(length=64), nullable=True),
        sa.Column("detector_version", sa.String(length=32), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("who", sa.String(length=255), nullable=False),
        sa.Column("created_at", heard.store.tables.UTCDateTime(), nullable=False),
        sa.Column("updated_at", heard.store.tables.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("conversation_id", "message_id", "kind", "start", "end", name="uq_correction_key"),
    )
    with op.batch_alter_table("corrections") as batch_op:
        batch_op.create_index(batch_op.f("ix_corrections_conversation_id"), ["conversation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_corrections_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_corrections_updated_at"), ["updated_at"], unique=False)


def downgrade() -> None:
    op.drop_table("corrections")
