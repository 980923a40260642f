"""The library's tables: case files, their tags and annotations, and conversation embeddings.

They live on `heard.store.tables.Base`, so one metadata describes the whole store. The full-text
index over message text is not a table here: migration 0003 creates it per dialect (an FTS5
virtual table kept in sync by triggers on SQLite, a tsvector GIN expression index on PostgreSQL).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from heard.store.tables import Base, ConversationRow, UTCDateTime


class CaseFileRow(Base):
    """A curated conversation: title, lesson, tags, annotations; visible to its team or shared."""

    __tablename__ = "case_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    lesson: Mapped[str] = mapped_column(Text, default="")
    team: Mapped[str | None] = mapped_column(String(255), index=True)
    visibility: Mapped[str] = mapped_column(String(16), default="team", index=True)  # team | shared
    created_by: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    conversation: Mapped[ConversationRow] = relationship()
    tags: Mapped[list[CaseFileTagRow]] = relationship(
        cascade="all, delete-orphan", order_by="CaseFileTagRow.tag", lazy="selectin"
    )
    annotations: Mapped[list[AnnotationRow]] = relationship(
        cascade="all, delete-orphan", order_by="AnnotationRow.id", lazy="selectin"
    )


class CaseFileTagRow(Base):
    __tablename__ = "case_file_tags"

    case_file_id: Mapped[int] = mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class AnnotationRow(Base):
    """A coach's comment on a span (`kind="span"`: message_id, start, end) or on the gap after
    message `message_id` and before `next_message_id` (`kind="gap"`: a missed moment)."""

    __tablename__ = "annotations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_file_id: Mapped[int] = mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # span | gap
    message_id: Mapped[str] = mapped_column(String(255))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    next_message_id: Mapped[str | None] = mapped_column(String(255))
    quote: Mapped[str | None] = mapped_column(Text)  # the words the span covered when it was made
    body: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ConversationEmbeddingRow(Base):
    """One vector per conversation (float32 bytes), with the model that made it and a hash of
    the text it was made from, so a changed conversation is embedded again."""

    __tablename__ = "conversation_embeddings"

    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True)
    model: Mapped[str] = mapped_column(String(128))
    dim: Mapped[int] = mapped_column(Integer)
    text_hash: Mapped[str] = mapped_column(String(64))
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
