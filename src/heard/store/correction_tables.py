"""The corrections table: a coach's verdict on a finding (`wrong`) or on words the detectors
missed (`missed`), kept as training data for the next model (`heard export-labels`).

It lives on `heard.store.tables.Base`, so one metadata (and Alembic) sees every table. A
correction points at a message by its stable external id (as findings do) and at characters
`start`..`end` (end-exclusive) of its text; `evidence` keeps the words as they read when the
coach marked them, so an export can tell when a message has changed since.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from heard.store.tables import Base, UTCDateTime


class CorrectionRow(Base):
    """One label on one span: `wrong` (a finding that should not be there) or `missed`."""

    __tablename__ = "corrections"
    # One verdict per (message span, kind): correcting the same finding again updates it.
    __table_args__ = (UniqueConstraint("conversation_id", "message_id", "kind", "start", "end",
                                       name="uq_correction_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[str] = mapped_column(String(255))
    verdict: Mapped[str] = mapped_column(String(16))  # wrong | missed
    kind: Mapped[str] = mapped_column(String(64), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    # the finding's detector, version and score (a `wrong` verdict); null for `missed`
    detector: Mapped[str | None] = mapped_column(String(64))
    detector_version: Mapped[str | None] = mapped_column(String(32))
    score: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
