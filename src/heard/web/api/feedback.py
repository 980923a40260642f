"""Shadowing feedback: `/api/feedback…`, the JSON twins of the `/feedback` pages.

Coaches and leads give feedback and read all of it; an agent reads the feedback on their team's
conversations (`X-Heard-Role` / `X-Heard-Team`, as for case files; heard.coach.feedback)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, status
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from heard.analyze.scorecard import Scorecard
from heard.coach import feedback as service
from heard.coach.feedback import RATINGS, FeedbackCreate
from heard.store import coaching, conversations
from heard.store.coach_tables import FeedbackRow
from heard.privacy.roles import Viewer
from heard.web.api.case_files import ViewerDep
from heard.web.deps import ScorecardDep, SessionDep
from heard.web.templating import label_of

router = APIRouter(prefix="/api", tags=["feedback"])


class FeedbackItemPublic(BaseModel):
    item: str
    label: str
    rating: str | None = None
    rating_label: str | None = None
    note: str
    message_id: str | None = None
    start: int | None = None
    end: int | None = None
    evidence: str | None = Field(None, description="The words the span covers.")


class FeedbackPublic(BaseModel):
    id: int
    conversation_id: int
    conversation_subject: str | None = None
    agent: str
    coach: str
    summary: str | None = None
    created_at: datetime
    items: list[FeedbackItemPublic]
    url: str
    conversation_url: str


class FeedbacksPublic(BaseModel):
    data: list[FeedbackPublic]
    count: int
    agents: list[str] = Field(description="Every agent with feedback, for filtering.")


class SpanChoicePublic(BaseModel):
    message_id: str
    start: int
    end: int
    evidence: str
    kind: str
    label: str
    value: str


class FormItemPublic(BaseModel):
    item: str
    label: str
    is_cost: bool
    applicable: bool
    suggested_rating: str | None = None
    suggested_span: SpanChoicePublic | None = None


class FeedbackFormPublic(BaseModel):
    conversation_id: int
    conversation_subject: str | None = None
    agent: str | None = None
    items: list[FormItemPublic]
    spans: list[SpanChoicePublic]
    ratings: dict[str, str]


def _span(c: service.SpanChoice | None) -> SpanChoicePublic | None:
    if c is None:
        return None
    return SpanChoicePublic(message_id=c.message_id, start=c.start, end=c.end, evidence=c.evidence, kind=c.kind,
                            label=label_of(c.kind), value=c.value)


def feedback_public(session: Session, row: FeedbackRow) -> FeedbackPublic:
    evidence = service.evidence_of(session, row)
    conversation = conversations.get_conversation(session=session, conversation_id=row.conversation_id)
    return FeedbackPublic(
        id=row.id, conversation_id=row.conversation_id, conversation_subject=conversation.subject or conversation.external_id,
        agent=row.agent, coach=row.coach, summary=row.summary, created_at=row.created_at,
        items=[FeedbackItemPublic(item=i.item, label=i.label, rating=i.rating, rating_label=RATINGS.get(i.rating or ""),
                                  note=i.note, message_id=i.message_id, start=i.start, end=i.end,
                                  evidence=evidence.get(i.position)) for i in row.items],
        url=f"/feedback/{row.id}", conversation_url=f"/conversations/{row.conversation_id}",
    )


def read_feedback_list(*, session: Session, agent: str | None = None, viewer: Viewer | None = None) -> FeedbacksPublic:
    rows = service.list_feedback(session=session, agent=agent, viewer=viewer)
    if viewer is None or viewer.may_curate:
        agents = coaching.feedback_agents(session=session)
    else:
        agents = sorted({r.agent for r in service.list_feedback(session=session, viewer=viewer)})
    return FeedbacksPublic(data=[feedback_public(session, r) for r in rows], count=len(rows), agents=agents)


def read_feedback_form(*, session: Session, conversation_id: int, scorecard: Scorecard,
                       viewer: Viewer | None = None) -> FeedbackFormPublic:
    if viewer is not None:
        viewer.require_curator("give feedback")
    form = service.feedback_form(session=session, conversation_id=conversation_id, scorecard=scorecard)
    row = conversations.get_conversation(session=session, conversation_id=conversation_id)
    return FeedbackFormPublic(
        conversation_id=form.conversation_id, conversation_subject=row.subject or row.external_id, agent=form.agent,
        items=[FormItemPublic(item=i.item, label=i.label, is_cost=i.is_cost, applicable=i.applicable,
                              suggested_rating=i.suggested_rating, suggested_span=_span(i.suggested_span))
               for i in form.items],
        spans=[s for s in (_span(c) for c in form.spans) if s is not None], ratings=RATINGS,
    )


def create(*, session: Session, body: FeedbackCreate, scorecard: Scorecard, viewer: Viewer | None = None) -> FeedbackPublic:
    if viewer is not None:
        viewer.require_curator("give feedback")
    row = service.create_feedback(session=session, feedback_in=body, scorecard=scorecard)
    session.commit()
    return feedback_public(session, coaching.get_feedback(session=session, feedback_id=row.id))


@router.get("/feedback", response_model=FeedbacksPublic, summary="List feedback")
def read_feedbacks(session: SessionDep, viewer: ViewerDep, agent: str | None = None) -> FeedbacksPublic:
    """Feedback, newest first; `agent` narrows it to what one agent has received. The twin of `/feedback`.
    An agent lists the feedback on their team's conversations."""
    return read_feedback_list(session=session, agent=agent or None, viewer=viewer)


@router.get("/feedback/form", response_model=FeedbackFormPublic, summary="The feedback form for a conversation",
            responses={403: {"description": "Only coaches and leads give feedback."},
                       404: {"description": "No conversation with this id."}})
def read_form(conversation_id: int, session: SessionDep, scorecard: ScorecardDep, viewer: ViewerDep) -> FeedbackFormPublic:
    """The rubric lines to fill in, with the scorecard's suggested rating and evidence span for each."""
    return read_feedback_form(session=session, conversation_id=conversation_id, scorecard=scorecard, viewer=viewer)


@router.post("/feedback", response_model=FeedbackPublic, status_code=status.HTTP_201_CREATED, summary="Give feedback",
             responses={400: {"description": "An item or span does not fit."},
                        403: {"description": "Only coaches and leads give feedback."},
                        404: {"description": "No such conversation."}})
def create_feedback(body: FeedbackCreate, session: SessionDep, scorecard: ScorecardDep, viewer: ViewerDep) -> FeedbackPublic:
    """Save a coach's feedback on a conversation: rubric items, each with a rating, a note and an optional span."""
    return create(session=session, body=body, scorecard=scorecard, viewer=viewer)


@router.get("/feedback/{feedback_id}", response_model=FeedbackPublic, summary="Read feedback",
            responses={404: {"description": "No feedback with this id."}})
def read_feedback(feedback_id: int, session: SessionDep, viewer: ViewerDep) -> FeedbackPublic:
    """One feedback form with the words each note is about. The twin of `/feedback/{id}`."""
    return feedback_public(session, service.get_feedback(session=session, feedback_id=feedback_id, viewer=viewer))
