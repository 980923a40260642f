"""SQLite full text: new messages are indexed in one statement per import batch, not by a
per-row trigger (the trigger made large imports four times slower)

Revision ID: 0005
Revises: 0004
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS messages_fts_ai")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE TRIGGER messages_fts_ai AFTER INSERT ON messages BEGIN "
                   "INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text); END")
