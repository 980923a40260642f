"""Debriefs: `/api/debriefs…`, the JSON twins of the `/debriefs` pages.

A debrief about a conversation quotes it, so it follows the conversation's rule (docs/library.md,
Roles): an agent reads debriefs with no conversation and those about conversations they see with
the real words (their team's); the others are left out of the list and 404. An agent links a new
debrief only to such a conversation.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from heard.analyze.pipeline import Analyzer
from heard.coach import debrief as service
from heard.coach.debrief import PROMPTS, QUIET_WINDOW, DebriefCreate, DebriefEntryCreate
from heard.errors import NotFound
from heard.library.case_files import readable_conversations
from heard.privacy.roles import Viewer
from heard.store import coaching
from heard.store.coach_tables import DebriefRow
from heard.web.api.case_files import ViewerDep
from heard.web.deps import AnalyzerDep, SessionDep
from heard.web.templating import label_of

router = APIRouter(prefix="/api", tags=["debriefs"])


class KindCountPublic(BaseModel):
    kind: str
    label: str
    count: int


class DebriefEntryPublic(BaseModel):
    participant: str
    position: int = Field(description="Speaking order (0 first).")
    worked: str
    felt_off: str
    try_next: str
    words: int
    picked_moves: list[str]
    picked_misses: list[str]
    found_moves: list[str] = Field(description="Good moves the notes mention (detectors + the MENTIONS table).")
    found_misses: list[str]
    prompts: list[str] = Field([], description="Appreciative-tone suggestions for this entry.")


class DebriefPublic(BaseModel):
    id: int
    title: str
    conversation_id: int | None = None
    held_at: datetime
    entries: list[DebriefEntryPublic]
    url: str


class DebriefsPublic(BaseModel):
    data: list[DebriefPublic]
    count: int


class SpeakerPublic(BaseModel):
    participant: str
    words: int = Field(description=f"Words written in the last {QUIET_WINDOW} debriefs.")


class SpeakingOrderPublic(BaseModel):
    window: int
    order: list[SpeakerPublic]
    prompts: dict[str, str]


class PatternsPublic(BaseModel):
    debriefs: int
    moves: list[KindCountPublic]
    misses: list[KindCountPublic]


def _entry_in(e) -> DebriefEntryCreate:
    return DebriefEntryCreate(participant=e.participant, worked=e.worked, felt_off=e.felt_off, try_next=e.try_next)


def debrief_public(row: DebriefRow, analyzer: Analyzer) -> DebriefPublic:
    return DebriefPublic(
        id=row.id, title=row.title, conversation_id=row.conversation_id, held_at=row.held_at, url=f"/debriefs/{row.id}",
        entries=[DebriefEntryPublic(
            participant=e.participant, position=e.position, worked=e.worked, felt_off=e.felt_off, try_next=e.try_next,
            words=e.words, picked_moves=list(e.picked_moves or []), picked_misses=list(e.picked_misses or []),
            found_moves=list(e.found_moves or []), found_misses=list(e.found_misses or []),
            prompts=service.tone_prompts(_entry_in(e), analyzer)) for e in row.entries],
    )


def _real_words(session: Session, viewer: Viewer | None, conversation_ids: list[int]) -> set[int] | None:
    """Which of these conversations `viewer` sees with the real words (None: all of them)."""
    readable = readable_conversations(session=session, viewer=viewer, conversation_ids=conversation_ids) if viewer else None
    return None if readable is None else {i for i, redacted in readable.items() if not redacted}


def get_debrief(*, session: Session, debrief_id: int, viewer: Viewer | None) -> DebriefRow:
    """The debrief, if `viewer` may read it (None: a trusted caller); NotFound otherwise."""
    row = coaching.get_debrief(session=session, debrief_id=debrief_id)
    if row.conversation_id is not None:
        allowed = _real_words(session, viewer, [row.conversation_id])
        if allowed is not None and row.conversation_id not in allowed:
            raise NotFound(f"No debrief with id {debrief_id}.")
    return row


def read_debrief_list(*, session: Session, analyzer: Analyzer, viewer: Viewer | None = None) -> DebriefsPublic:
    rows = coaching.list_debriefs(session=session)
    allowed = _real_words(session, viewer, sorted({r.conversation_id for r in rows if r.conversation_id is not None}))
    if allowed is not None:
        rows = [r for r in rows if r.conversation_id is None or r.conversation_id in allowed]
    return DebriefsPublic(data=[debrief_public(r, analyzer) for r in rows], count=len(rows))


def read_speaking_order(*, session: Session, participants: list[str]) -> SpeakingOrderPublic:
    order = service.speaking_order(session=session, participants=participants)
    return SpeakingOrderPublic(window=QUIET_WINDOW, prompts=PROMPTS,
                               order=[SpeakerPublic(participant=p, words=w) for p, w in order])


def read_patterns(*, session: Session) -> PatternsPublic:
    found = service.patterns(session=session)

    def counts(pairs):
        return [KindCountPublic(kind=k, label=label_of(k), count=n) for k, n in pairs]

    return PatternsPublic(debriefs=found.debriefs, moves=counts(found.moves), misses=counts(found.misses))


def create(*, session: Session, body: DebriefCreate, analyzer: Analyzer, viewer: Viewer | None = None) -> DebriefPublic:
    if body.conversation_id is not None:
        allowed = _real_words(session, viewer, [body.conversation_id])
        if allowed is not None and body.conversation_id not in allowed:
            raise NotFound(f"No conversation with id {body.conversation_id}.")
    row = service.create_debrief(session=session, debrief_in=body, analyzer=analyzer)
    session.commit()
    return debrief_public(coaching.get_debrief(session=session, debrief_id=row.id), analyzer)


@router.get("/debriefs", response_model=DebriefsPublic, summary="List debriefs")
def read_debriefs(session: SessionDep, analyzer: AnalyzerDep, viewer: ViewerDep) -> DebriefsPublic:
    """Debriefs this viewer may read, newest first. The twin of `/debriefs`."""
    return read_debrief_list(session=session, analyzer=analyzer, viewer=viewer)


@router.get("/debriefs/order", response_model=SpeakingOrderPublic, summary="Quiet voices first")
def read_order(session: SessionDep, participant: Annotated[list[str], Query(min_length=1)]) -> SpeakingOrderPublic:
    """The participants in the order to invite them: who wrote least in the recent debriefs first."""
    return read_speaking_order(session=session, participants=participant)


@router.get("/debriefs/patterns", response_model=PatternsPublic, summary="Patterns across debriefs")
def read_debrief_patterns(session: SessionDep) -> PatternsPublic:
    """The most-mentioned moves and misses across recent debriefs."""
    return read_patterns(session=session)


@router.post("/debriefs", response_model=DebriefPublic, status_code=status.HTTP_201_CREATED, summary="Record a debrief",
             responses={400: {"description": "A participant appears twice."}, 404: {"description": "No such conversation."}})
def create_debrief(body: DebriefCreate, session: SessionDep, analyzer: AnalyzerDep, viewer: ViewerDep) -> DebriefPublic:
    """Save each participant's reflections (in speaking order); the notes are mapped to moves and misses."""
    return create(session=session, body=body, analyzer=analyzer, viewer=viewer)


@router.get("/debriefs/{debrief_id}", response_model=DebriefPublic, summary="Read a debrief",
            responses={404: {"description": "No debrief with this id that this viewer may read."}})
def read_debrief(debrief_id: int, session: SessionDep, analyzer: AnalyzerDep, viewer: ViewerDep) -> DebriefPublic:
    return debrief_public(get_debrief(session=session, debrief_id=debrief_id, viewer=viewer), analyzer)
