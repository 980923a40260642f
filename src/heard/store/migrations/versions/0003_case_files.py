"""Case files, tags, annotations, conversation embeddings; full-text index over message text

Revision ID: 0003
Revises: 0002

Full text is per dialect: on SQLite an external-content FTS5 table `messages_fts` over
`messages.text`, kept in sync by triggers (so every import path, ORM or raw executemany, feeds
it); on PostgreSQL a GIN expression index on `to_tsvector('english', text)`.
"""

import sqlalchemy as sa
from alembic import op

import heard.store.tables

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', "
    "tokenize='porter unicode61')",
    "CREATE TRIGGER messages_fts_ai AFTER INSERT ON messages BEGIN "
    "INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER messages_fts_ad AFTER DELETE ON messages BEGIN "
    "INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER messages_fts_au AFTER UPDATE OF text ON messages BEGIN "
    "INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
]
POSTGRES_FTS = ["CREATE INDEX ix_messages_text_fts ON messages USING gin (to_tsvector('english', text))"]


def upgrade() -> None:
    op.create_table(
        "case_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("lesson", sa.Text(), nullable=False),
        sa.Column("team", sa.String(length=255), nullable=True),
        sa.Column("visibility", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.String(length=255), nullable=True),
        sa.Column("created_at", heard.store.tables.UTCDateTime(), nullable=False),
        sa.Column("updated_at", heard.store.tables.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_case_files_conversation_id", "case_files", ["conversation_id"])
    op.create_index("ix_case_files_team", "case_files", ["team"])
    op.create_index("ix_case_files_visibility", "case_files", ["visibility"])

    op.create_table(
        "case_file_tags",
        sa.Column("case_file_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_file_id"], ["case_files.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("case_file_id", "tag"),
    )
    op.create_index("ix_case_file_tags_tag", "case_file_tags", ["tag"])

    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_file_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("message_id", sa.String(length=255), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("next_message_id", sa.String(length=255), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=255), nullable=True),
        sa.Column("created_at", heard.store.tables.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_file_id"], ["case_files.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_annotations_case_file_id", "annotations", ["case_file_id"])

    op.create_table(
        "conversation_embeddings",
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("model", sa.String(length=128), nullable=False),
        sa.Column("dim", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", heard.store.tables.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("conversation_id"),
    )

    dialect = op.get_bind().dialect.name
    for statement in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS if dialect == "postgresql" else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("messages_fts_ai", "messages_fts_ad", "messages_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS messages_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_messages_text_fts")
    op.drop_table("conversation_embeddings")
    op.drop_index("ix_annotations_case_file_id", table_name="annotations")
    op.drop_table("annotations")
    op.drop_index("ix_case_file_tags_tag", table_name="case_file_tags")
    op.drop_table("case_file_tags")
    op.drop_index("ix_case_files_visibility", table_name="case_files")
    op.drop_index("ix_case_files_team", table_name="case_files")
    op.drop_index("ix_case_files_conversation_id", table_name="case_files")
    op.drop_table("case_files")
