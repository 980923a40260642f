"""Role-play practice: `/api/practice…`, the JSON twins of the `/practice` pages.

The builders here (`read_practice_index`, `read_attempt`) feed both the JSON API and the pages.
Who is asking (`X-Heard-Role` / `X-Heard-Team`, as for case files) decides what may be practised
and how it is shown: another team's shared case file redacted, its team-only material not at all
(heard.coach.practice).
"""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, status
from pydantic import BaseModel, Field, model_validator
from sqlalchemy.orm import Session

from heard.analyze.pipeline import Analyzer
from heard.analyze.scorecard import Score, Scorecard
from heard.coach import practice
from heard.coach.practice import CALM_RULES, ENDINGS, FIT, NO_MOVE, LEFT_LINE, SETTLED_LINE, mood_label
from heard.model import HARMFUL_MOVES
from heard.store import coaching, conversations
from heard.store.coach_tables import PracticeAttemptRow, PracticeTurnRow
from heard.privacy.roles import Viewer
from heard.web.api.case_files import ViewerDep
from heard.web.deps import AnalyzerDep, ScorecardDep, SessionDep
from heard.web.templating import group_of, label_of

router = APIRouter(prefix="/api", tags=["practice"])


# -- input ------------------------------------------------------------------------------------------
class PracticeCreate(BaseModel):
    """Start a practice on a conversation, or on a case file when the library is installed."""

    conversation_id: int | None = None
    case_file_id: int | None = None
    trainee: str = Field(min_length=1, max_length=255, description="Who is practising.")

    @model_validator(mode="after")
    def _one_source(self) -> PracticeCreate:
        if self.conversation_id is None and self.case_file_id is None:
            raise ValueError("give conversation_id or case_file_id")
        return self


class ReplyCreate(BaseModel):
    text: str = Field(min_length=1, max_length=5000, description="The trainee's reply to the waiting customer turn.")


# -- output -----------------------------------------------------------------------------------------
class PracticeFindingPublic(BaseModel):
    kind: str
    label: str
    group: str
    harmful: bool
    start: int
    end: int
    evidence: str
    rationale: str
    score: float


class CalmChangePublic(BaseModel):
    kind: str
    label: str
    delta: int
    reason: str


class PracticeTurnPublic(BaseModel):
    position: int
    real_turn: int = Field(description="Which real customer turn (0-based) this belongs to.")
    source: str = Field(description="real: the real customer's words; reaction: written by the state model.")
    customer_text: str
    why: str | None = Field(None, description="Why the customer said this (the state model's rule).")
    reply: str | None = None
    findings: list[PracticeFindingPublic] = []
    score: float | None = Field(None, description="This exchange scored with the Scorecard (0–100).")
    missed: list[str] = Field([], description="Rubric lines that applied to this exchange and were not earned.")
    calm_before: int | None = None
    calm_after: int | None = None
    mood_before: str | None = None
    mood_after: str | None = None
    changes: list[CalmChangePublic] = []


class ScoreLinePublic(BaseModel):
    label: str
    points: float
    earned: float
    applicable: bool
    is_cost: bool


class ScorePublic(BaseModel):
    total: float
    lines: list[ScoreLinePublic]


class TraineeReplyPublic(BaseModel):
    customer_text: str
    source: str
    reply: str
    score: float | None = None
    findings: list[PracticeFindingPublic] = []


class ComparedTurnPublic(BaseModel):
    index: int
    customer_text: str
    mood: int
    trainee: list[TraineeReplyPublic]
    real_reply: str
    real_score: float | None = None
    real_findings: list[PracticeFindingPublic] = []


class ComparisonPublic(BaseModel):
    turns: list[ComparedTurnPublic]
    trainee_score: ScorePublic
    real_score: ScorePublic
    outcome: str | None = Field(None, description="The real case's outcome.")
    satisfaction: int | None = Field(None, description="The real customer's CSAT (1–5), if known.")


class PracticeConversationPublic(BaseModel):
    id: int
    subject: str | None = None
    customer: str | None = None
    agent: str | None = None
    channel: str
    url: str


class AttemptSummaryPublic(BaseModel):
    id: int
    trainee: str
    conversation_id: int
    started_at: datetime
    finished_at: datetime | None = None
    status: str
    ending: str | None = None
    calm: int
    score: float | None = None
    real_score: float | None = None
    url: str
    api_url: str


class PracticeAttemptPublic(AttemptSummaryPublic):
    conversation: PracticeConversationPublic
    redacted: bool = Field(False, description="Names and numbers are replaced by placeholders for this viewer.")
    start_calm: int
    mood: str
    ending_title: str | None = None
    ending_line: str | None = Field(None, description="What the customer said last, when they settled or left.")
    ending_why: str | None = None
    turns: list[PracticeTurnPublic]
    waiting: PracticeTurnPublic | None = Field(None, description="The customer turn waiting for a reply.")
    comparison: ComparisonPublic | None = Field(None, description="The side-by-side, once the attempt has ended.")
    progress: list[AttemptSummaryPublic] = Field([], description="This trainee's attempts on this conversation, oldest first.")


class PracticeSourcePublic(BaseModel):
    conversation_id: int
    case_file_id: int | None = None
    title: str
    detail: str
    redacted: bool = Field(False, description="This viewer practises on it redacted (another team's shared case file).")


class PracticeIndexPublic(BaseModel):
    sources: list[PracticeSourcePublic]
    attempts: list[AttemptSummaryPublic] = Field(description="Attempts, oldest first: progress over time.")
    count: int


class CalmRulePublic(BaseModel):
    kind: str
    label: str
    delta: int
    reason: str


class PracticeRulesPublic(BaseModel):
    calm_range: tuple[int, int] = (0, 10)
    start: str
    rules: list[CalmRulePublic]
    fit: int
    next_turn: list[str]
    moods: dict[str, str]


# -- builders ---------------------------------------------------------------------------------------
def _finding(f: dict) -> PracticeFindingPublic:
    return PracticeFindingPublic(kind=f["kind"], label=label_of(f["kind"]), group=group_of(f["kind"]),
                                 harmful=f["kind"] in HARMFUL_MOVES, start=f["start"], end=f["end"],
                                 evidence=f["evidence"], rationale=f["rationale"], score=f["score"])


def _change_label(kind: str) -> str:
    return "No move found" if kind == "none" else label_of(kind)


def turn_public(t: PracticeTurnRow, shown: practice.ShownTurn | None = None) -> PracticeTurnPublic:
    shown = shown or practice.ShownTurn.of(t)
    return PracticeTurnPublic(
        position=t.position, real_turn=t.real_turn, source=t.source, customer_text=shown.customer_text, why=t.why,
        reply=shown.reply, findings=[_finding(f) for f in shown.findings], score=t.score, missed=list(t.missed or []),
        calm_before=t.calm_before, calm_after=t.calm_after,
        mood_before=mood_label(t.calm_before) if t.calm_before is not None else None,
        mood_after=mood_label(t.calm_after) if t.calm_after is not None else None,
        changes=[CalmChangePublic(kind=c["kind"], label=_change_label(c["kind"]), delta=c["delta"], reason=c["reason"])
                 for c in t.changes or []],
    )


def summary_public(a: PracticeAttemptRow) -> AttemptSummaryPublic:
    return AttemptSummaryPublic(id=a.id, trainee=a.trainee, conversation_id=a.conversation_id, started_at=a.started_at,
                                finished_at=a.finished_at, status=a.status, ending=a.ending, calm=a.calm, score=a.score,
                                real_score=a.real_score, url=f"/practice/{a.id}", api_url=f"/api/practice/{a.id}")


def _score(score: Score) -> ScorePublic:
    return ScorePublic(total=score.total, lines=[
        ScoreLinePublic(label=p.label, points=p.points, earned=p.earned, applicable=p.applicable, is_cost=p.is_cost)
        for p in score.points])


def comparison_public(c: practice.Comparison) -> ComparisonPublic:
    turns = []
    for t in c.turns:
        review = t.real_review
        turns.append(ComparedTurnPublic(
            index=t.index, customer_text=t.customer_text, mood=t.mood,
            trainee=[TraineeReplyPublic(customer_text=r.customer_text, source=r.source, reply=r.reply, score=r.score,
                                        findings=[_finding(f) for f in r.findings]) for r in t.trainee],
            real_reply=t.real_reply, real_score=review.score.total if review else None,
            real_findings=[_finding(f) for f in review.as_json()] if review else [],
        ))
    return ComparisonPublic(turns=turns, trainee_score=_score(c.trainee_score), real_score=_score(c.real_score),
                            outcome=c.outcome, satisfaction=c.satisfaction)


def read_attempt(*, session: Session, attempt_id: int, analyzer: Analyzer, scorecard: Scorecard,
                 viewer: Viewer | None = None) -> PracticeAttemptPublic:
    """The attempt as `viewer` may see it (redacted for an agent of another team; NotFound when its
    conversation is not there for them). `viewer=None`: a trusted caller, the real words."""
    a = practice.get_attempt(session, attempt_id=attempt_id, viewer=viewer)
    redaction = practice.redaction_for(session, attempt=a, analyzer=analyzer, viewer=viewer)
    row = conversations.get_conversation(session=session, conversation_id=a.conversation_id)
    shown = redaction.conversation if redaction else conversations.to_model(row)
    waiting = practice.waiting_turn(a)
    comparison = (comparison_public(practice.comparison_for(session=session, attempt=a, analyzer=analyzer,
                                                            scorecard=scorecard, redaction=redaction))
                  if a.status != "open" else None)
    show = redaction.turn if redaction else practice.ShownTurn.of
    title, why = ENDINGS.get(a.ending or "", (None, None))
    line = {"settled": SETTLED_LINE, "customer_left": LEFT_LINE}.get(a.ending or "")
    progress = [summary_public(p) for p in coaching.list_attempts(session=session, trainee=a.trainee,
                                                                  conversation_id=a.conversation_id)]
    return PracticeAttemptPublic(
        **summary_public(a).model_dump(),
        conversation=PracticeConversationPublic(
            id=row.id, subject=shown.subject or (f"Conversation {row.id}" if redaction else row.external_id),
            customer=shown.customer, agent=shown.agent, channel=row.channel,
            url=f"/conversations/{row.id}"),
        redacted=redaction is not None,
        start_calm=a.start_calm, mood=mood_label(a.calm), ending_title=title, ending_line=line, ending_why=why,
        turns=[turn_public(t, show(t)) for t in a.turns], waiting=turn_public(waiting, show(waiting)) if waiting else None,
        comparison=comparison, progress=progress,
    )


def read_practice_index(*, session: Session, trainee: str | None = None, conversation_id: int | None = None,
                        viewer: Viewer | None = None) -> PracticeIndexPublic:
    attempts = practice.list_attempts(session, viewer=viewer, trainee=trainee, conversation_id=conversation_id)
    return PracticeIndexPublic(
        sources=[PracticeSourcePublic(**s.__dict__) for s in practice.practice_sources(session, viewer=viewer)],
        attempts=[summary_public(a) for a in attempts], count=len(attempts),
    )


def practice_rules() -> PracticeRulesPublic:
    return PracticeRulesPublic(
        start="Calm starts at 5 + the valence of the real customer's first emotion (−3 strong anger … +3 strong joy).",
        rules=[CalmRulePublic(kind=k, label=label_of(k), delta=r.delta, reason=r.reason) for k, r in CALM_RULES.items()]
        + [CalmRulePublic(kind="none", label="No move found", delta=NO_MOVE.delta, reason=NO_MOVE.reason)],
        fit=FIT,
        next_turn=[
            "A harmful reply (or one with no move at all): the customer pushes back once per turn, in their own "
            "earlier words, and you answer again.",
            "Calm 0 after that: the customer gives up and leaves.",
            "No real customer turns left: the practice is complete.",
            f"Otherwise the next real customer turn whose mood is within {FIT} of calm; turns written in answer to a "
            "much better or worse real reply are skipped.",
            "No turn fits and your customer is calmer than the real one: they settle. More upset: they press once, "
            "then the next real turn comes anyway.",
        ],
        moods={"0–2": "furious", "3–4": "upset", "5–6": "uneasy", "7–8": "calmer", "9–10": "calm"},
    )


def start(*, session: Session, body: PracticeCreate, analyzer: Analyzer, viewer: Viewer | None = None) -> PracticeAttemptRow:
    conversation_id = practice.practice_conversation_id(session, conversation_id=body.conversation_id,
                                                        case_file_id=body.case_file_id, viewer=viewer)
    attempt = practice.start_practice(session=session, conversation_id=conversation_id, trainee=body.trainee,
                                      analyzer=analyzer, viewer=viewer)
    session.commit()
    return attempt


def reply(*, session: Session, attempt_id: int, text: str, analyzer: Analyzer, scorecard: Scorecard,
          viewer: Viewer | None = None) -> None:
    practice.submit_reply(session=session, attempt_id=attempt_id, reply=text, analyzer=analyzer, scorecard=scorecard,
                          viewer=viewer)
    session.commit()


# -- routes -----------------------------------------------------------------------------------------
@router.get("/practice", response_model=PracticeIndexPublic, summary="List practice material and attempts")
def read_practice(session: SessionDep, viewer: ViewerDep, trainee: str | None = None,
                  conversation_id: int | None = None) -> PracticeIndexPublic:
    """What this viewer can practise on, and past attempts with their scores (oldest first). The twin of `/practice`."""
    return read_practice_index(session=session, trainee=trainee or None, conversation_id=conversation_id, viewer=viewer)


@router.get("/practice/rules", response_model=PracticeRulesPublic, summary="The customer state model")
def read_practice_rules() -> PracticeRulesPublic:
    """How each finding moves the simulated customer's calm, and how the next customer turn is chosen."""
    return practice_rules()


@router.post("/practice", response_model=PracticeAttemptPublic, status_code=status.HTTP_201_CREATED,
             summary="Start a practice attempt", responses={404: {"description": "No such conversation or case file."}})
def create_practice(body: PracticeCreate, session: SessionDep, analyzer: AnalyzerDep, scorecard: ScorecardDep,
                    viewer: ViewerDep) -> PracticeAttemptPublic:
    """Start role-playing a real conversation: the first real customer turn waits for a reply.
    Agents practise on their team's material, and on case files shared beyond their team (redacted)."""
    attempt = start(session=session, body=body, analyzer=analyzer, viewer=viewer)
    return read_attempt(session=session, attempt_id=attempt.id, analyzer=analyzer, scorecard=scorecard, viewer=viewer)


@router.get("/practice/{attempt_id}", response_model=PracticeAttemptPublic, summary="Read a practice attempt",
            responses={404: {"description": "No practice attempt with this id."}})
def read_practice_attempt(attempt_id: int, session: SessionDep, analyzer: AnalyzerDep,
                          scorecard: ScorecardDep, viewer: ViewerDep) -> PracticeAttemptPublic:
    """Every turn so far with its findings, score and calm change; the side-by-side once ended.
    The twin of `/practice/{id}`."""
    return read_attempt(session=session, attempt_id=attempt_id, analyzer=analyzer, scorecard=scorecard, viewer=viewer)


@router.post("/practice/{attempt_id}/replies", response_model=PracticeAttemptPublic, summary="Reply to the customer",
             responses={404: {"description": "No practice attempt with this id."},
                        409: {"description": "The attempt has ended."}})
def create_reply(attempt_id: int, body: ReplyCreate, session: SessionDep, analyzer: AnalyzerDep,
                 scorecard: ScorecardDep, viewer: ViewerDep) -> PracticeAttemptPublic:
    """Send the trainee's reply: it is analysed at once, the customer's calm moves (with reasons),
    and the next customer turn (or the ending) is added."""
    reply(session=session, attempt_id=attempt_id, text=body.text, analyzer=analyzer, scorecard=scorecard, viewer=viewer)
    return read_attempt(session=session, attempt_id=attempt_id, analyzer=analyzer, scorecard=scorecard, viewer=viewer)
