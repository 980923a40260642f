"""Conversations: the list (`GET /api/conversations`) and the case file (`GET /api/conversations/{id}`).

The builders here (`read_conversation_list`, `read_case_file`) feed both the JSON API and the
pages, so a page and its JSON twin always show the same data.

Both follow the library's rule (heard.library.case_files.readable_conversations): coaches and
leads see every conversation; an agent lists and opens their team's conversations; a conversation
an agent may only see redacted (another team's, behind a shared case file) is left out of the
list and its page redirects (303) to that case file, which shows it redacted; anything else is 404.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from heard.analyze.scorecard import Scorecard
from heard.analyze.trajectory import emotion_trajectory, valence
from heard.coach.corrections import CorrectionPublic, public as correction_public
from heard.library.case_files import conversation_access, real_words_condition, shared_case_file_id
from heard.model import HARMFUL_MOVES, Analysis, Channel, Finding
from heard.privacy.roles import Viewer
from heard.store import analyses, conversations
from heard.store import corrections as correction_store
from heard.store.conversations import SORTS, ConversationFilters
from heard.store.analyses import FindingSummary
from heard.store.tables import ConversationRow
from heard.web.api.case_files import FilterQuery, ViewerDep
from heard.web.deps import ScorecardDep, SessionDep
from heard.web.templating import EMOTIONS, group_of, label_of

router = APIRouter(prefix="/api", tags=["conversations"])

SortKey = Literal[tuple(SORTS)]  # type: ignore[valid-type]


# -- query ------------------------------------------------------------------------------------
class ConversationQuery(FilterQuery):
    """What the conversation list can be narrowed and ordered by."""

    channel: Channel | None = Field(None, description="email, chat, phone, social or sms.")
    agent: str | None = None
    queue: str | None = None
    score_min: float | None = Field(None, ge=0, le=100, description="Lowest score, 0–100.")
    score_max: float | None = Field(None, ge=0, le=100, description="Highest score, 0–100.")
    emotion: Literal[EMOTIONS] | None = Field(None, description="A customer emotion shown at least once.")  # type: ignore[valid-type]
    has_recovery: bool | None = Field(None, description="Has (true) or lacks (false) a recovery moment.")
    broken_promise: bool | None = Field(None, description="Has (true) or lacks (false) a missed promise.")
    q: str | None = Field(None, description="Text in the subject, customer or external id.")
    sort: SortKey = Field("newest", description="Order: " + ", ".join(SORTS) + ".")  # type: ignore[valid-type]
    page: int = Field(1, ge=1)
    per_page: int = Field(25, ge=1, le=200)

    def filters(self) -> ConversationFilters:
        return ConversationFilters(
            channel=self.channel.value if self.channel else None, agent=self.agent, queue=self.queue,
            score_min=self.score_min, score_max=self.score_max, emotion=self.emotion,
            has_recovery=self.has_recovery, broken_promise=self.broken_promise, q=self.q,
        )

    def is_filtered(self) -> bool:
        return any(v is not None for v in self.model_dump(exclude={"sort", "page", "per_page"}).values())


# -- public models ----------------------------------------------------------------------------
class EmotionPublic(BaseModel):
    label: str
    intensity: int | None = None
    message_id: str
    valence: int


class ConversationPublic(BaseModel):
    id: int
    source: str
    external_id: str
    channel: str
    subject: str | None = None
    customer: str | None = None
    agent: str | None = None
    queue: str | None = None
    started_at: datetime | None = None
    outcome: str | None = None
    satisfaction: int | None = None
    tags: list[str] = []
    score: float | None = Field(None, description="Scorecard total (0–100) stored by the last analysis.")
    analyzed_at: datetime | None = None
    emotions: list[EmotionPublic] = Field([], description="The customer's emotions, in message order.")
    has_recovery: bool = False
    broken_promises: int = 0
    open_promises: int = 0
    kept_promises: int = 0
    transfers: int = 0
    harmful_moves: int = 0
    url: str = Field(description="The case-file page.")
    api_url: str


class ConversationsPublic(BaseModel):
    data: list[ConversationPublic]
    count: int = Field(description="How many conversations match, over all pages.")


class FindingPublic(BaseModel):
    index: int = Field(description="Position in this case file's findings; the page's anchor is #f-<index>.")
    kind: str
    label: str
    group: str = Field(description="Colour family: listening, ownership, harmful, signal, promise, conversation.")
    harmful: bool
    message_id: str
    start: int
    end: int
    evidence: str | None = Field(description="The exact words the span covers (null if the span no longer fits).")
    score: float
    detector: str
    detector_version: str
    rationale: str
    intensity: int | None = None
    due_at: datetime | None = None
    correction: int | None = Field(None, description="The id of a coach's correction marking this finding wrong.")


class MessagePublic(BaseModel):
    id: str
    role: str
    author: str | None = None
    text: str
    sent_at: datetime | None = None
    start_s: float | None = None
    end_s: float | None = None
    public: bool = True
    emotion: EmotionPublic | None = None
    findings: list[int] = Field([], description="Indices of the findings on this message.")


class TrajectoryPointPublic(BaseModel):
    message_id: str
    sent_at: datetime | None = None
    label: str
    intensity: int | None = None
    valence: int


class ScorePointPublic(BaseModel):
    item: str
    label: str
    points: float
    earned: float
    applicable: bool
    is_cost: bool
    evidence: list[int] = Field([], description="Indices of the findings behind this line.")


class ScorecardPublic(BaseModel):
    rubric: str
    total: float
    points: list[ScorePointPublic]


class PromisePublic(BaseModel):
    status: Literal["kept", "missed", "open"] | str
    finding: int
    message_id: str
    due_at: datetime | None = None
    evidence: str | None = None


class CaseFilePublic(BaseModel):
    conversation: ConversationPublic
    messages: list[MessagePublic]
    findings: list[FindingPublic]
    trajectory: list[TrajectoryPointPublic]
    scorecard: ScorecardPublic
    promises: list[PromisePublic]
    transfers: list[int] = Field([], description="Indices of conversation.transfer findings.")
    conversation_findings: list[int] = Field([], description="Indices of conversation-level findings (loop, recovery, …).")
    corrections: list[CorrectionPublic] = Field(
        [], description="Coaches' corrections: findings marked wrong and spans marked missed (training data).")


# -- builders ---------------------------------------------------------------------------------
def conversation_public(row: ConversationRow, summary: FindingSummary | None = None) -> ConversationPublic:
    summary = summary or FindingSummary()
    kinds = summary.kinds
    return ConversationPublic(
        id=row.id, source=row.source, external_id=row.external_id, channel=row.channel, subject=row.subject,
        customer=row.customer, agent=row.agent, queue=row.queue, started_at=row.started_at, outcome=row.outcome,
        satisfaction=row.satisfaction, tags=list(row.tags or []), score=row.score, analyzed_at=row.analyzed_at,
        emotions=[EmotionPublic(label=label, intensity=intensity, message_id=message_id, valence=valence(label, intensity))
                  for message_id, label, intensity in summary.emotions],
        has_recovery=bool(kinds.get("conversation.recovery")),
        broken_promises=kinds.get("promise.missed", 0), open_promises=kinds.get("promise.open", 0),
        kept_promises=kinds.get("promise.kept", 0), transfers=kinds.get("conversation.transfer", 0),
        harmful_moves=sum(n for k, n in kinds.items() if k in HARMFUL_MOVES),
        url=f"/conversations/{row.id}", api_url=f"/api/conversations/{row.id}",
    )


def _list_rows(session: Session, query: ConversationQuery, viewer: Viewer | None) -> tuple[list[ConversationRow], int]:
    """A page of the conversations matching `query` that `viewer` sees with the real words (the
    viewer's rule is part of the query, so the count and the pages are right)."""
    return conversations.list_conversations(session=session, filters=query.filters(), sort=query.sort,
                                            limit=query.per_page, offset=(query.page - 1) * query.per_page,
                                            where=_readable(viewer))


def distinct_values(*, session: Session, column: str, viewer: Viewer | None = None) -> list[str]:
    """The values of a column (for the list's filter menus) among the conversations `viewer` may list."""
    return conversations.distinct_values(session=session, column=column, where=_readable(viewer))


def _readable(viewer: Viewer | None):
    """The viewer's rule as a condition; None for a trusted caller or one who sees everything."""
    return real_words_condition(viewer) if viewer is not None else None


def read_conversation_list(*, session: Session, query: ConversationQuery, viewer: Viewer | None = None
                           ) -> ConversationsPublic:
    """The page of conversations `viewer` may list (None: a trusted caller, every conversation)."""
    rows, total = _list_rows(session, query, viewer)
    summaries = analyses.finding_summaries(session=session, conversation_ids=[r.id for r in rows])
    return ConversationsPublic(data=[conversation_public(r, summaries.get(r.id)) for r in rows], count=total)


def pages_for(count: int, per_page: int) -> int:
    return max(1, math.ceil(count / per_page))


def trajectory_public(analysis: Analysis) -> list[TrajectoryPointPublic]:
    """The customer's emotion over the conversation (heard.analyze.trajectory), one point per
    customer message that has one."""
    return [TrajectoryPointPublic(message_id=p.message_id, sent_at=p.sent_at, label=p.label,
                                  intensity=p.intensity, valence=p.valence) for p in emotion_trajectory(analysis)]


def _evidence(analysis: Analysis, f: Finding) -> str | None:
    message = analysis.conversation.find_message(f.span.message_id)
    if message is None or not (0 <= f.span.start < f.span.end <= len(message.text)):
        return None
    return message.text[f.span.start : f.span.end]


def build_case_file(row: ConversationRow, analysis: Analysis, scorecard: Scorecard,
                    summary: FindingSummary | None = None,
                    corrections: list[CorrectionPublic] | None = None) -> CaseFilePublic:
    findings = analysis.findings
    index_of = {id(f): i for i, f in enumerate(findings)}
    corrections = corrections or []
    wrong = {(c.message_id, c.kind, c.start, c.end): c.id for c in corrections if c.verdict == "wrong"}
    public = [
        FindingPublic(index=i, kind=f.kind, label=label_of(f.kind), group=group_of(f.kind),
                      harmful=f.kind in HARMFUL_MOVES, message_id=f.span.message_id, start=f.span.start,
                      end=f.span.end, evidence=_evidence(analysis, f), score=f.score, detector=f.detector,
                      detector_version=f.detector_version, rationale=f.rationale, intensity=f.intensity,
                      due_at=f.due_at, correction=wrong.get((f.span.message_id, f.kind, f.span.start, f.span.end)))
        for i, f in enumerate(findings)
    ]
    trajectory = trajectory_public(analysis)
    emotion_by_message = {p.message_id: p for p in trajectory}
    messages = [
        MessagePublic(
            id=m.id, role=m.role.value, author=m.author, text=m.text, sent_at=m.sent_at, start_s=m.start_s,
            end_s=m.end_s, public=m.public,
            emotion=(EmotionPublic(label=p.label, intensity=p.intensity, message_id=m.id, valence=p.valence)
                     if (p := emotion_by_message.get(m.id)) else None),
            findings=[index_of[id(f)] for f in analysis.findings_for(m.id)],
        )
        for m in analysis.conversation.messages
    ]
    score = scorecard.score(analysis)
    card = ScorecardPublic(rubric=score.rubric, total=score.total, points=[
        ScorePointPublic(item=p.item, label=p.label, points=p.points, earned=p.earned, applicable=p.applicable,
                         is_cost=p.is_cost, evidence=[index_of[id(f)] for f in p.evidence if id(f) in index_of])
        for p in score.points
    ])
    promises = [
        PromisePublic(status=f.kind.split(".", 1)[1], finding=i, message_id=f.span.message_id, due_at=f.due_at,
                      evidence=public[i].evidence)
        for i, f in enumerate(findings) if f.family == "promise"
    ]
    return CaseFilePublic(
        conversation=conversation_public(row, summary),
        messages=messages, findings=public, trajectory=trajectory, scorecard=card, promises=promises,
        transfers=[i for i, f in enumerate(findings) if f.kind == "conversation.transfer"],
        conversation_findings=[i for i, f in enumerate(findings) if f.family == "conversation"],
        corrections=corrections,
    )


def shared_case_file_for(*, session: Session, conversation_id: int, viewer: Viewer | None) -> int | None:
    """None when `viewer` may read this conversation with the real words; the id of the shared case
    file to read it through when they may only see it redacted. NotFound when it is not there for them."""
    if not conversation_access(session=session, conversation_id=conversation_id, viewer=viewer):
        return None
    return shared_case_file_id(session=session, conversation_id=conversation_id)


def read_case_file(*, session: Session, conversation_id: int, scorecard: Scorecard) -> CaseFilePublic:
    """The case file of one conversation, with the real words (check the viewer first:
    `shared_case_file_for`); raises heard.errors.NotFound for an unknown id."""
    row = conversations.get_conversation(session=session, conversation_id=conversation_id)
    analysis = analyses.load_analysis(session=session, row=row)
    return build_case_file(row, analysis, scorecard,
                           analyses.finding_summaries(session=session, conversation_ids=[row.id]).get(row.id),
                           [correction_public(c) for c in correction_store.list_corrections(session=session,
                                                                                           conversation_id=row.id)])


# -- routes -----------------------------------------------------------------------------------
@router.get("/conversations", response_model=ConversationsPublic, summary="List conversations")
def read_conversations(session: SessionDep, viewer: ViewerDep,
                       query: Annotated[ConversationQuery, Query()]) -> ConversationsPublic:
    """A page of the conversations matching the filters that this viewer sees with the real words
    (an agent: their team's), with how many match in all. The twin of `/`."""
    return read_conversation_list(session=session, query=query, viewer=viewer)


@router.get("/conversations/{conversation_id}", response_model=CaseFilePublic, summary="Read a case file",
            responses={303: {"description": "This viewer sees the conversation redacted: read it through the shared "
                                            "case file (`Location: /api/case-files/{id}`)."},
                       404: {"description": "No conversation with this id that this viewer may see."}})
def read_conversation(conversation_id: int, session: SessionDep, scorecard: ScorecardDep,
                      viewer: ViewerDep) -> CaseFilePublic | RedirectResponse:
    """One conversation with its messages, every finding (with its evidence), the customer's emotion
    trajectory, the scorecard (every point linked to its findings), promises and coaches'
    corrections. The twin of `/conversations/{id}`."""
    case_file_id = shared_case_file_for(session=session, conversation_id=conversation_id, viewer=viewer)
    if case_file_id is not None:
        return RedirectResponse(f"/api/case-files/{case_file_id}", status_code=303)
    return read_case_file(session=session, conversation_id=conversation_id, scorecard=scorecard)
