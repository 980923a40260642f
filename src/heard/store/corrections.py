"""The corrections repository: coaches' `wrong` / `missed` verdicts on message spans.

Every function takes `session` keyword-only and works in the caller's transaction (the caller
commits). `get_correction` raises `heard.errors.NotFound`; `find_correction` returns None.
Validation (known kinds, spans that fit, who may correct) lives in `heard.coach.corrections`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from heard.errors import NotFound
from heard.store.correction_tables import CorrectionRow
from heard.store.tables import ConversationRow, MessageRow

__all__ = ["delete_correction", "find_correction", "get_correction", "iter_labelled", "list_corrections",
           "save_correction"]


def find_correction(*, session: Session, conversation_id: int, message_id: str, kind: str, start: int,
                    end: int) -> CorrectionRow | None:
    """The correction on exactly this span and kind, if any."""
    return session.scalar(select(CorrectionRow).where(
        CorrectionRow.conversation_id == conversation_id, CorrectionRow.message_id == message_id,
        CorrectionRow.kind == kind, CorrectionRow.start == start, CorrectionRow.end == end))


def save_correction(*, session: Session, conversation_id: int, message_id: str, verdict: str, kind: str, start: int,
                    end: int, evidence: str, who: str, detector: str | None = None,
                    detector_version: str | None = None, score: float | None = None, note: str | None = None,
                    at: datetime | None = None) -> tuple[CorrectionRow, bool]:
    """Insert, or update the correction already on this span and kind. Returns (row, created)."""
    now = at or datetime.now(timezone.utc)
    row = find_correction(session=session, conversation_id=conversation_id, message_id=message_id, kind=kind,
                          start=start, end=end)
    created = row is None
    if row is None:
        row = CorrectionRow(conversation_id=conversation_id, message_id=message_id, kind=kind, start=start, end=end,
                            created_at=now)
        session.add(row)
    row.verdict, row.evidence, row.who, row.note = verdict, evidence, who, note
    row.detector, row.detector_version, row.score = detector, detector_version, score
    row.updated_at = now
    session.flush()
    return row, created


def get_correction(*, session: Session, conversation_id: int, correction_id: int) -> CorrectionRow:
    row = session.get(CorrectionRow, correction_id)
    if row is None or row.conversation_id != conversation_id:
        raise NotFound(f"Conversation {conversation_id} has no correction with id {correction_id}.")
    return row


def list_corrections(*, session: Session, conversation_id: int) -> list[CorrectionRow]:
    """A conversation's corrections, oldest first."""
    return list(session.scalars(select(CorrectionRow).where(CorrectionRow.conversation_id == conversation_id)
                                .order_by(CorrectionRow.created_at, CorrectionRow.id)))


def delete_correction(*, session: Session, conversation_id: int, correction_id: int) -> None:
    session.delete(get_correction(session=session, conversation_id=conversation_id, correction_id=correction_id))
    session.flush()


def iter_labelled(*, session: Session, since: datetime | None = None,
                  batch: int = 500) -> Iterator[tuple[CorrectionRow, ConversationRow, MessageRow | None]]:
    """Every correction (changed at or after `since`), oldest change first, with its conversation
    and its message (None when the message is no longer stored)."""
    query = (select(CorrectionRow, ConversationRow, MessageRow)
             .join(ConversationRow, ConversationRow.id == CorrectionRow.conversation_id)
             .outerjoin(MessageRow, (MessageRow.conversation_id == CorrectionRow.conversation_id)
                        & (MessageRow.external_id == CorrectionRow.message_id))
             .order_by(CorrectionRow.updated_at, CorrectionRow.id))
    if since is not None:
        query = query.where(CorrectionRow.updated_at >= since)
    for correction, conversation, message in session.execute(query.execution_options(yield_per=batch)):
        yield correction, conversation, message
