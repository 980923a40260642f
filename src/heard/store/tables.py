"""The store's tables (SQLAlchemy 2). Times are kept in UTC on every backend."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utc_naive(value: datetime | None) -> datetime | None:
    """The naive UTC datetime the store keeps (naive input is taken as UTC)."""
    if value is not None and value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


class UTCDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out; naive input is taken as UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        return utc_naive(value)

    def process_result_value(self, value: datetime | None, dialect):
        return None if value is None else value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    pass


class ConversationRow(Base):
    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("source", "external_id", name="uq_conversation_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str] = mapped_column(String(255))
    channel: Mapped[str] = mapped_column(String(16), index=True)
    subject: Mapped[str | None] = mapped_column(Text)
    customer: Mapped[str | None] = mapped_column(String(255))
    agent: Mapped[str | None] = mapped_column(String(255), index=True)
    queue: Mapped[str | None] = mapped_column(String(255), index=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    outcome: Mapped[str | None] = mapped_column(String(64))
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Set by analysis; cleared when new messages arrive so the conversation is analysed again.
    analyzed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    score: Mapped[float | None] = mapped_column(Float, index=True)

    messages: Mapped[list[MessageRow]] = relationship(
        back_populates="conversation", order_by="MessageRow.position", cascade="all, delete-orphan"
    )
    findings: Mapped[list[FindingRow]] = relationship(cascade="all, delete-orphan")


class MessageRow(Base):
    __tablename__ = "messages"
    __table_args__ = (UniqueConstraint("conversation_id", "external_id", name="uq_message_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # no index of its own: uq_message_key (conversation_id, external_id) serves lookups by conversation
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(255))
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))
    author: Mapped[str | None] = mapped_column(String(255))
    text: Mapped[str] = mapped_column(Text)
    original_text: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the sender's UTC offset in minutes, so "by 3 pm" is read in the sender's own time
    utc_offset: Mapped[int | None] = mapped_column(Integer)
    start_s: Mapped[float | None] = mapped_column(Float)
    end_s: Mapped[float | None] = mapped_column(Float)
    public: Mapped[bool] = mapped_column(Boolean, default=True)

    conversation: Mapped[ConversationRow] = relationship(back_populates="messages")


class FindingRow(Base):
    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(64), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    detector: Mapped[str] = mapped_column(String(64))
    detector_version: Mapped[str] = mapped_column(String(32))
    rationale: Mapped[str] = mapped_column(Text)
    intensity: Mapped[int | None] = mapped_column(Integer)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DetectorRunRow(Base):
    """Which detector (name and version) analysed which conversation, and whether it failed."""

    __tablename__ = "detector_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    detector: Mapped[str] = mapped_column(String(64))
    detector_version: Mapped[str] = mapped_column(String(32))
    ran_at: Mapped[datetime] = mapped_column(UTCDateTime)
    error: Mapped[str | None] = mapped_column(Text)
