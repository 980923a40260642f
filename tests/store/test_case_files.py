"""The library's store: case files, tags, annotations and full-text search, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect

from heard.store import library_tables  # noqa: F401  (registers the tables on Base)


def test_migration_creates_the_library_tables(sessions):
    engine = sessions.kw["bind"]
    names = set(inspect(engine).get_table_names())
    assert {"case_files", "case_file_tags", "annotations", "conversation_embeddings"} <= names
    if engine.dialect.name == "sqlite":
        assert "messages_fts" in names
    else:
        indexes = {i["name"] for i in inspect(engine).get_indexes("messages")}
        assert "ix_messages_text_fts" in indexes
