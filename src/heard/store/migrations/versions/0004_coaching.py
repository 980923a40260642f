"""Coaching: practice attempts and turns, shadowing feedback, debriefs

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

import heard.store.tables

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "practice_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("trainee", sa.String(length=255), nullable=False),
        sa.Column("started_at", heard.store.tables.UTCDateTime(), nullable=False),
        sa.Column("finished_at", heard.store.tables.UTCDateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("ending", sa.String(length=32), nullable=True),
        sa.Column("start_calm", sa.Integer(), nullable=False),
        sa.Column("calm", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("real_score", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("practice_attempts") as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_attempts_conversation_id"), ["conversation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_practice_attempts_trainee"), ["trainee"], unique=False)

    op.create_table(
        "practice_turns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("real_turn", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("customer_text", sa.Text(), nullable=False),
        sa.Column("why", sa.Text(), nullable=True),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.Column("replied_at", heard.store.tables.UTCDateTime(), nullable=True),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("calm_before", sa.Integer(), nullable=True),
        sa.Column("calm_after", sa.Integer(), nullable=True),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("missed", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["attempt_id"], ["practice_attempts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("practice_turns") as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_turns_attempt_id"), ["attempt_id"], unique=False)

    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("agent", sa.String(length=255), nullable=False),
        sa.Column("coach", sa.String(length=255), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("created_at", heard.store.tables.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("feedback") as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_conversation_id"), ["conversation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_feedback_agent"), ["agent"], unique=False)

    op.create_table(
        "feedback_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feedback_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=64), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("rating", sa.String(length=16), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("message_id", sa.String(length=255), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["feedback_id"], ["feedback.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("feedback_items") as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_items_feedback_id"), ["feedback_id"], unique=False)

    op.create_table(
        "debriefs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("held_at", heard.store.tables.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("debriefs") as batch_op:
        batch_op.create_index(batch_op.f("ix_debriefs_conversation_id"), ["conversation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_debriefs_held_at"), ["held_at"], unique=False)

    op.create_table(
        "debrief_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("debrief_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("participant", sa.String(length=255), nullable=False),
        sa.Column("worked", sa.Text(), nullable=False),
        sa.Column("felt_off", sa.Text(), nullable=False),
        sa.Column("try_next", sa.Text(), nullable=False),
        sa.Column("words", sa.Integer(), nullable=False),
        sa.Column("picked_moves", sa.JSON(), nullable=False),
        sa.Column("picked_misses", sa.JSON(), nullable=False),
        sa.Column("found_moves", sa.JSON(), nullable=False),
        sa.Column("found_misses", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["debrief_id"], ["debriefs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("debrief_entries") as batch_op:
        batch_op.create_index(batch_op.f("ix_debrief_entries_debrief_id"), ["debrief_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_debrief_entries_participant"), ["participant"], unique=False)


def downgrade() -> None:
    for table in ("debrief_entries", "debriefs", "feedback_items", "feedback", "practice_turns", "practice_attempts"):
        op.drop_table(table)
