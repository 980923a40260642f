"""Shadowing feedback: a coach's structured form on one agent's conversation.

The form's items are the scorecard's rubric lines; each gets a rating, a note and optionally the
span of the conversation it is about. The form starts from what the scorecard found (a line it
scored comes with its first piece of evidence), and the coach edits from there.

**Who sees what** (the library's roles, `heard.privacy.roles`): coaches and leads give feedback and
read all of it; an agent reads the feedback on conversations they see with the real words — their
team's (`heard.library.case_files.readable_conversations`) — which is where the feedback they
received lives. Feedback quotes the conversation, so another team's is not there for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from heard.analyze.scorecard import Scorecard
from heard.errors import HeardError, NotFound
from heard.model import Role
from heard.privacy.roles import Viewer
from heard.store import analyses, coaching, conversations
from heard.store.coach_tables import FeedbackRow

__all__ = ["FeedbackCreate", "FeedbackError", "FeedbackItemCreate", "FormItem", "RATINGS", "create_feedback",
           "evidence_of", "feedback_form", "get_feedback", "list_feedback"]

Rating = Literal["strength", "work_on", "not_seen"]
RATINGS: dict[str, str] = {"strength": "Strength", "work_on": "Work on", "not_seen": "Not seen"}


class FeedbackError(HeardError):
    """A feedback form that does not fit its conversation or rubric; the message names the field."""

    status = 400


class FeedbackItemCreate(BaseModel):
    item: str = Field(min_length=1, max_length=64, description="A rubric line's id (see /api/feedback/form).")
    rating: Rating | None = None
    note: str = Field("", max_length=5000)
    message_id: str | None = Field(None, description="The message the note is about (optional).")
    start: int | None = Field(None, ge=0, description="Character span in that message, end-exclusive (optional).")
    end: int | None = Field(None, ge=0)


class FeedbackCreate(BaseModel):
    conversation_id: int
    coach: str = Field(min_length=1, max_length=255)
    agent: str | None = Field(None, max_length=255, description="Defaults to the conversation's agent.")
    summary: str | None = Field(None, max_length=5000)
    items: list[FeedbackItemCreate] = Field(default_factory=list)


@dataclass(frozen=True)
class SpanChoice:
    message_id: str
    start: int
    end: int
    evidence: str
    kind: str

    @property
    def value(self) -> str:
        return f"{self.message_id}:{self.start}:{self.end}"


@dataclass(frozen=True)
class FormItem:
    """One rubric line on the form, pre-filled from the scorecard."""

    item: str
    label: str
    is_cost: bool
    applicable: bool
    suggested_rating: str | None
    suggested_span: SpanChoice | None


@dataclass(frozen=True)
class FeedbackForm:
    conversation_id: int
    agent: str | None
    items: list[FormItem]
    spans: list[SpanChoice]  # every agent-move span of the conversation, to pick from


def feedback_form(*, session: Session, conversation_id: int, scorecard: Scorecard) -> FeedbackForm:
    """The rubric lines for a conversation, each with the scorecard's suggestion: a line that
    earned points is a strength (with its evidence), a cost that was found is something to work on."""
    row = conversations.get_conversation(session=session, conversation_id=conversation_id)
    analysis = analyses.load_analysis(session=session, row=row)
    agent_ids = {m.id for m in analysis.conversation.iter_messages(Role.agent)}

    def choice(f) -> SpanChoice:
        text = analysis.conversation.get_message(f.span.message_id).text
        return SpanChoice(f.span.message_id, f.span.start, f.span.end, text[f.span.start : f.span.end], f.kind)

    items = []
    for p in scorecard.score(analysis).points:
        evidence = next((choice(f) for f in p.evidence if f.span.message_id in agent_ids), None)
        rating = ("work_on" if p.is_cost else "strength") if p.earned else (None if p.is_cost or not p.applicable else "not_seen")
        items.append(FormItem(p.item, p.label, p.is_cost, p.applicable, rating, evidence))
    spans = [choice(f) for f in analysis.findings if f.family == "move" and f.span.message_id in agent_ids]
    return FeedbackForm(row.id, row.agent, items, spans)


def create_feedback(*, session: Session, feedback_in: FeedbackCreate, scorecard: Scorecard) -> FeedbackRow:
    """Save a feedback form; items must name rubric lines and spans must fit their message."""
    row = conversations.get_conversation(session=session, conversation_id=feedback_in.conversation_id)
    agent = (feedback_in.agent or row.agent or "").strip()
    if not agent:
        raise FeedbackError(f"Conversation {row.id} has no agent on record: field 'agent' is required.")
    labels = {i.id: i.label for i in scorecard.rubric.earn + scorecard.rubric.cost}
    texts = {m.external_id: m.text for m in row.messages}
    for n, item in enumerate(feedback_in.items):
        if item.item not in labels:
            raise FeedbackError(f"items.{n}.item: {item.item!r} is not a line of the rubric "
                                f"{scorecard.rubric.name!r}; use one of {', '.join(labels)}.")
        _check_span(n, item, texts)
    feedback = coaching.create_feedback(session=session, conversation_id=row.id, agent=agent,
                                        coach=feedback_in.coach.strip(), summary=(feedback_in.summary or "").strip() or None)
    for item in feedback_in.items:
        coaching.add_feedback_item(session=session, feedback=feedback, item=item.item, label=labels[item.item],
                                   rating=item.rating, note=item.note.strip(), message_id=item.message_id,
                                   start=item.start, end=item.end)
    return feedback


def _check_span(n: int, item: FeedbackItemCreate, texts: dict[str, str]) -> None:
    if item.message_id is None:
        if item.start is not None or item.end is not None:
            raise FeedbackError(f"items.{n}.message_id: a span needs the message it is in.")
        return
    if item.message_id not in texts:
        raise FeedbackError(f"items.{n}.message_id: the conversation has no message {item.message_id!r}.")
    if (item.start is None) != (item.end is None):
        raise FeedbackError(f"items.{n}.end: give both start and end, or neither.")
    if item.start is not None and not (item.start < item.end <= len(texts[item.message_id])):  # type: ignore[operator]
        raise FeedbackError(f"items.{n}.end: span {item.start}..{item.end} does not fit message {item.message_id!r} "
                            f"({len(texts[item.message_id])} characters).")


def evidence_of(session: Session, feedback: FeedbackRow) -> dict[int, str]:
    """The quoted words of each item that has a span (item position → text)."""
    row = conversations.get_conversation(session=session, conversation_id=feedback.conversation_id)
    texts = {m.external_id: m.text for m in row.messages}
    out = {}
    for item in feedback.items:
        text = texts.get(item.message_id or "")
        if text is not None:
            out[item.position] = text[item.start : item.end] if item.start is not None else text
    return out


def _readable(session: Session, viewer: Viewer | None, rows: list[FeedbackRow]) -> list[FeedbackRow]:
    if viewer is None or viewer.may_curate:
        return rows
    from heard.library.case_files import readable_conversations

    readable = readable_conversations(session=session, viewer=viewer, conversation_ids=[r.conversation_id for r in rows])
    return [r for r in rows if readable is None or readable.get(r.conversation_id) is False]


def list_feedback(*, session: Session, agent: str | None = None, viewer: Viewer | None = None) -> list[FeedbackRow]:
    """Feedback, newest first, that this viewer may read (`viewer=None`: a trusted caller, all)."""
    return _readable(session, viewer, coaching.list_feedback(session=session, agent=agent))


def get_feedback(*, session: Session, feedback_id: int, viewer: Viewer | None = None) -> FeedbackRow:
    """One feedback form, if this viewer may read it (else NotFound, like an unknown id)."""
    row = coaching.get_feedback(session=session, feedback_id=feedback_id)
    if not _readable(session, viewer, [row]):
        raise NotFound(f"No feedback with id {feedback_id}.")
    return row
