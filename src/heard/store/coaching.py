"""The coaching repository: practice attempts, shadowing feedback, debriefs.

Every function takes `session` keyword-only and works in the caller's transaction (the caller
commits). `get_*` raises `heard.errors.NotFound`; `list_*` return rows newest first unless said.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from heard.errors import NotFound
from heard.store.coach_tables import (
    DebriefEntryRow,
    DebriefRow,
    FeedbackItemRow,
    FeedbackRow,
    PracticeAttemptRow,
    PracticeTurnRow,
)

__all__ = [
    "add_debrief_entry", "add_feedback_item", "add_practice_turn", "create_attempt", "create_debrief",
    "create_feedback", "feedback_agents", "get_attempt", "get_debrief", "get_feedback", "list_attempts", "list_debriefs",
    "list_feedback", "words_by_participant",
]


def _now() -> datetime:
    return datetime.now(timezone.utc)


# -- practice ---------------------------------------------------------------------------------------
def create_attempt(*, session: Session, conversation_id: int, trainee: str, calm: int,
                   started_at: datetime | None = None) -> PracticeAttemptRow:
    attempt = PracticeAttemptRow(conversation_id=conversation_id, trainee=trainee, started_at=started_at or _now(),
                                 status="open", start_calm=calm, calm=calm)
    session.add(attempt)
    session.flush()
    return attempt


def add_practice_turn(*, session: Session, attempt: PracticeAttemptRow, real_turn: int, source: str,
                      customer_text: str, why: str | None = None) -> PracticeTurnRow:
    """Append what the customer says next; the trainee's reply is filled in later."""
    turn = PracticeTurnRow(position=len(attempt.turns), real_turn=real_turn, source=source,
                           customer_text=customer_text, why=why, findings=[], changes=[], missed=[])
    attempt.turns.append(turn)
    session.flush()
    return turn


def get_attempt(*, session: Session, attempt_id: int) -> PracticeAttemptRow:
    attempt = session.get(PracticeAttemptRow, attempt_id, options=[selectinload(PracticeAttemptRow.turns)])
    if attempt is None:
        raise NotFound(f"No practice attempt with id {attempt_id}.")
    return attempt


def list_attempts(*, session: Session, trainee: str | None = None, conversation_id: int | None = None,
                  limit: int = 100) -> list[PracticeAttemptRow]:
    """Attempts, oldest first, so a list reads as progress over time."""
    query = select(PracticeAttemptRow)
    if trainee:
        query = query.where(PracticeAttemptRow.trainee == trainee)
    if conversation_id is not None:
        query = query.where(PracticeAttemptRow.conversation_id == conversation_id)
    query = query.order_by(PracticeAttemptRow.started_at.desc(), PracticeAttemptRow.id.desc()).limit(limit)
    return list(reversed(session.scalars(query).all()))


# -- feedback ---------------------------------------------------------------------------------------
def create_feedback(*, session: Session, conversation_id: int, agent: str, coach: str, summary: str | None = None,
                    created_at: datetime | None = None) -> FeedbackRow:
    feedback = FeedbackRow(conversation_id=conversation_id, agent=agent, coach=coach, summary=summary,
                           created_at=created_at or _now())
    session.add(feedback)
    session.flush()
    return feedback


def add_feedback_item(*, session: Session, feedback: FeedbackRow, item: str, label: str, note: str = "",
                      rating: str | None = None, message_id: str | None = None, start: int | None = None,
                      end: int | None = None) -> FeedbackItemRow:
    row = FeedbackItemRow(position=len(feedback.items), item=item, label=label, note=note, rating=rating,
                          message_id=message_id, start=start, end=end)
    feedback.items.append(row)
    session.flush()
    return row


def get_feedback(*, session: Session, feedback_id: int) -> FeedbackRow:
    row = session.get(FeedbackRow, feedback_id, options=[selectinload(FeedbackRow.items)])
    if row is None:
        raise NotFound(f"No feedback with id {feedback_id}.")
    return row


def list_feedback(*, session: Session, agent: str | None = None, conversation_id: int | None = None,
                  limit: int = 100) -> list[FeedbackRow]:
    query = select(FeedbackRow).options(selectinload(FeedbackRow.items))
    if agent:
        query = query.where(FeedbackRow.agent == agent)
    if conversation_id is not None:
        query = query.where(FeedbackRow.conversation_id == conversation_id)
    return list(session.scalars(query.order_by(FeedbackRow.created_at.desc(), FeedbackRow.id.desc()).limit(limit)))


def feedback_agents(*, session: Session) -> list[str]:
    """Every agent who has received feedback, for filter menus."""
    return list(session.scalars(select(FeedbackRow.agent).distinct().order_by(FeedbackRow.agent)))


# -- debriefs ---------------------------------------------------------------------------------------
def create_debrief(*, session: Session, title: str, conversation_id: int | None = None,
                   held_at: datetime | None = None) -> DebriefRow:
    debrief = DebriefRow(title=title, conversation_id=conversation_id, held_at=held_at or _now())
    session.add(debrief)
    session.flush()
    return debrief


def add_debrief_entry(*, session: Session, debrief: DebriefRow, participant: str, worked: str = "",
                      felt_off: str = "", try_next: str = "", words: int = 0,
                      picked_moves: Sequence[str] = (), picked_misses: Sequence[str] = (),
                      found_moves: Sequence[str] = (), found_misses: Sequence[str] = ()) -> DebriefEntryRow:
    entry = DebriefEntryRow(position=len(debrief.entries), participant=participant, worked=worked,
                            felt_off=felt_off, try_next=try_next, words=words, picked_moves=list(picked_moves),
                            picked_misses=list(picked_misses), found_moves=list(found_moves),
                            found_misses=list(found_misses))
    debrief.entries.append(entry)
    session.flush()
    return entry


def get_debrief(*, session: Session, debrief_id: int) -> DebriefRow:
    row = session.get(DebriefRow, debrief_id, options=[selectinload(DebriefRow.entries)])
    if row is None:
        raise NotFound(f"No debrief with id {debrief_id}.")
    return row


def list_debriefs(*, session: Session, limit: int = 100) -> list[DebriefRow]:
    query = (select(DebriefRow).options(selectinload(DebriefRow.entries))
             .order_by(DebriefRow.held_at.desc(), DebriefRow.id.desc()).limit(limit))
    return list(session.scalars(query))


def words_by_participant(*, session: Session, last: int) -> Counter:
    """How many words each participant wrote in the `last` debriefs (by when they were held)."""
    recent = select(DebriefRow.id).order_by(DebriefRow.held_at.desc(), DebriefRow.id.desc()).limit(last).subquery()
    rows = session.execute(
        select(DebriefEntryRow.participant, DebriefEntryRow.words)
        .where(DebriefEntryRow.debrief_id.in_(select(recent.c.id)))
    )
    counts: Counter = Counter()
    for participant, words in rows:
        counts[participant] += words or 0
    return counts
