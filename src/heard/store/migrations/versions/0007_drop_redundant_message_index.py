"""Messages: drop ix_messages_conversation_id, which repeats the leading column of the
uq_message_key (conversation_id, external_id) index (every insert paid for both)

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch_op:
        batch_op.drop_index("ix_messages_conversation_id")


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch_op:
        batch_op.create_index("ix_messages_conversation_id", ["conversation_id"], unique=False)
