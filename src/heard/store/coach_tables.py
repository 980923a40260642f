"""The coaching tables: practice attempts and their turns, shadowing feedback, debriefs.

They share `heard.store.tables.Base`, so one metadata (and Alembic) sees every table. JSON
columns hold small, self-describing lists (findings of a practice reply, kinds picked on a
debrief form) that are always read whole with their row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from heard.store.tables import Base, UTCDateTime


class PracticeAttemptRow(Base):
    """One trainee's role-play of one real conversation."""

    __tablename__ = "practice_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    trainee: Mapped[str] = mapped_column(String(255), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # open → finished; `ending` says how: completed (no real turns left), settled, customer_left
    status: Mapped[str] = mapped_column(String(16), default="open")
    ending: Mapped[str | None] = mapped_column(String(32))
    start_calm: Mapped[int] = mapped_column(Integer)
    calm: Mapped[int] = mapped_column(Integer)
    score: Mapped[float | None] = mapped_column(Float)
    real_score: Mapped[float | None] = mapped_column(Float)

    turns: Mapped[list[PracticeTurnRow]] = relationship(
        back_populates="attempt", order_by="PracticeTurnRow.position", cascade="all, delete-orphan"
    )


class PracticeTurnRow(Base):
    """What the customer said (a real turn or a written reaction) and the trainee's reply to it."""

    __tablename__ = "practice_turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("practice_attempts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    real_turn: Mapped[int] = mapped_column(Integer)  # index of the real customer turn this belongs to
    source: Mapped[str] = mapped_column(String(16))  # real | reaction
    customer_text: Mapped[str] = mapped_column(Text)
    why: Mapped[str | None] = mapped_column(Text)  # why the customer said this (the state model's rule)
    reply: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    findings: Mapped[list[dict]] = mapped_column(JSON, default=list)
    score: Mapped[float | None] = mapped_column(Float)
    calm_before: Mapped[int | None] = mapped_column(Integer)
    calm_after: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[list[dict]] = mapped_column(JSON, default=list)
    missed: Mapped[list[str]] = mapped_column(JSON, default=list)

    attempt: Mapped[PracticeAttemptRow] = relationship(back_populates="turns")


class FeedbackRow(Base):
    """A coach's shadowing feedback on one agent's conversation."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    agent: Mapped[str] = mapped_column(String(255), index=True)
    coach: Mapped[str] = mapped_column(String(255))
    summary: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    items: Mapped[list[FeedbackItemRow]] = relationship(
        back_populates="feedback", order_by="FeedbackItemRow.position", cascade="all, delete-orphan"
    )


class FeedbackItemRow(Base):
    """One rubric item of a feedback form: a rating, a note and optionally the words it is about."""

    __tablename__ = "feedback_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    item: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(Text)
    rating: Mapped[str | None] = mapped_column(String(16))  # strength | work_on | n/a
    note: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str | None] = mapped_column(String(255))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)

    feedback: Mapped[FeedbackRow] = relationship(back_populates="items")


class DebriefRow(Base):
    """A team's debrief after a tense conversation."""

    __tablename__ = "debriefs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(Text)
    held_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    entries: Mapped[list[DebriefEntryRow]] = relationship(
        back_populates="debrief", order_by="DebriefEntryRow.position", cascade="all, delete-orphan"
    )


class DebriefEntryRow(Base):
    """One participant's reflections, in the order they were invited to speak."""

    __tablename__ = "debrief_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debrief_id: Mapped[int] = mapped_column(ForeignKey("debriefs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    participant: Mapped[str] = mapped_column(String(255), index=True)
    worked: Mapped[str] = mapped_column(Text, default="")
    felt_off: Mapped[str] = mapped_column(Text, default="")
    try_next: Mapped[str] = mapped_column(Text, default="")
    words: Mapped[int] = mapped_column(Integer, default=0)
    picked_moves: Mapped[list[str]] = mapped_column(JSON, default=list)
    picked_misses: Mapped[list[str]] = mapped_column(JSON, default=list)
    found_moves: Mapped[list[str]] = mapped_column(JSON, default=list)
    found_misses: Mapped[list[str]] = mapped_column(JSON, default=list)

    debrief: Mapped[DebriefRow] = relationship(back_populates="entries")
