"""Coaching pages: practice (`/practice`, `/practice/{id}`), feedback (`/feedback`) and debriefs
(`/debriefs`). Each reads the same builders as its JSON twin under /api."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError
from starlette.responses import Response

from heard.coach.debrief import MOVE_KINDS, DebriefCreate, DebriefEntryCreate
from heard.coach.feedback import FeedbackCreate, FeedbackItemCreate
from heard.coach.practice import PracticeError
from heard.store import conversations
from heard.web.api import debriefs as debriefs_api
from heard.web.api import feedback as feedback_api
from heard.web.api import practice as practice_api
from heard.web.api.case_files import ViewerDep
from heard.web.api.practice import PracticeCreate, PracticeFindingPublic
from heard.web.deps import AnalyzerDep, ScorecardDep, SessionDep
from heard.web.highlight import segments
from heard.web.templating import render

router = APIRouter(include_in_schema=False)


def _is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


@dataclass
class Piece:
    """A stretch of text and the findings covering it (outermost first)."""

    text: str
    findings: list[PracticeFindingPublic] = field(default_factory=list)
    opens: set[int] = field(default_factory=set)


def highlight(text: str, findings: list[PracticeFindingPublic]) -> list[Piece]:
    """`text` cut at every finding boundary, so the template nests one mark per finding."""
    return [Piece(s.text, [findings[i] for i in s.findings], set(s.opens))
            for s in segments(text, [(f.start, f.end) for f in findings])]


# -- practice ---------------------------------------------------------------------------------------
@router.get("/practice", response_class=HTMLResponse)
def practice_page(request: Request, session: SessionDep, viewer: ViewerDep, trainee: str | None = None) -> Response:
    index = practice_api.read_practice_index(session=session, trainee=trainee or None, viewer=viewer)
    context = {"index": index, "trainee": trainee or "", "rules": practice_api.practice_rules(), "viewer": viewer,
               "here": "/practice",
               "api_url": "/api/practice" + (f"?trainee={trainee}" if trainee else "")}
    return render(request, "practice.html", context)


@router.post("/practice")
def start_practice_page(session: SessionDep, analyzer: AnalyzerDep, viewer: ViewerDep,
                        source: Annotated[str, Form()], trainee: Annotated[str, Form()]) -> Response:
    """`source` is `conversation:<id>` or `case_file:<id>` (the picker's value)."""
    kind, _, number = source.partition(":")
    if kind not in ("conversation", "case_file") or not number.isdigit():
        raise PracticeError(f"source: expected conversation:<id> or case_file:<id>, not {source!r}.")
    body = PracticeCreate(trainee=trainee, **{f"{kind}_id": int(number)})
    attempt = practice_api.start(session=session, body=body, analyzer=analyzer, viewer=viewer)
    return RedirectResponse(f"/practice/{attempt.id}", status_code=303)


def _attempt_context(attempt: practice_api.PracticeAttemptPublic) -> dict:
    replies = {t.position: highlight(t.reply, t.findings) for t in attempt.turns if t.reply}
    compared = {}
    if attempt.comparison:
        for t in attempt.comparison.turns:
            compared[t.index] = {
                "trainee": [highlight(r.reply, r.findings) for r in t.trainee],
                "real": highlight(t.real_reply, t.real_findings),
            }
    return {"attempt": attempt, "replies": replies, "compared": compared, "rules": practice_api.practice_rules(),
            "api_url": attempt.api_url}


@router.get("/practice/{attempt_id}", response_class=HTMLResponse)
def attempt_page(request: Request, attempt_id: int, session: SessionDep, analyzer: AnalyzerDep,
                 scorecard: ScorecardDep, viewer: ViewerDep) -> Response:
    attempt = practice_api.read_attempt(session=session, attempt_id=attempt_id, analyzer=analyzer, scorecard=scorecard,
                                        viewer=viewer)
    return render(request, "practice_attempt.html", _attempt_context(attempt))


@router.post("/practice/{attempt_id}/reply")
def reply_page(request: Request, attempt_id: int, session: SessionDep, analyzer: AnalyzerDep, scorecard: ScorecardDep,
               viewer: ViewerDep, reply: Annotated[str, Form(max_length=5000)]) -> Response:
    """Plain POST: back to the page (Post/Redirect/Get). htmx: the updated practice section."""
    practice_api.reply(session=session, attempt_id=attempt_id, text=reply, analyzer=analyzer, scorecard=scorecard,
                       viewer=viewer)
    if not _is_htmx(request):
        return RedirectResponse(f"/practice/{attempt_id}#latest", status_code=303)
    attempt = practice_api.read_attempt(session=session, attempt_id=attempt_id, analyzer=analyzer, scorecard=scorecard,
                                        viewer=viewer)
    return render(request, "practice_session.html", _attempt_context(attempt))


# -- feedback ---------------------------------------------------------------------------------------
@router.get("/feedback", response_class=HTMLResponse)
def feedback_page(request: Request, session: SessionDep, viewer: ViewerDep, agent: str | None = None) -> Response:
    listing = feedback_api.read_feedback_list(session=session, agent=agent or None, viewer=viewer)
    rows, _ = conversations.list_conversations(session=session, limit=200) if viewer.may_curate else ([], 0)
    context = {"listing": listing, "agent": agent or "", "conversations": rows, "viewer": viewer, "here": "/feedback",
               "api_url": "/api/feedback" + (f"?{urlencode({'agent': agent})}" if agent else "")}
    return render(request, "feedback.html", context)


@router.get("/feedback/new", response_class=HTMLResponse)
def feedback_form_page(request: Request, conversation_id: int, session: SessionDep, scorecard: ScorecardDep,
                       viewer: ViewerDep) -> Response:
    form = feedback_api.read_feedback_form(session=session, conversation_id=conversation_id, scorecard=scorecard,
                                           viewer=viewer)
    return render(request, "feedback_form.html",
                  {"form": form, "api_url": f"/api/feedback/form?conversation_id={conversation_id}"})


def _feedback_from_form(data) -> FeedbackCreate:
    """The HTML form's flat fields (`item-N-id`, `item-N-rating`, `item-N-note`, `item-N-span`) as a FeedbackCreate.
    Items left blank (no rating, no note, no span) are left out."""
    items = []
    n = 0
    while f"item-{n}-id" in data:
        rating, note, span = (data.get(f"item-{n}-{k}", "") for k in ("rating", "note", "span"))
        if rating or note.strip() or span:
            message_id, start, end = None, None, None
            if span:
                message_id, start, end = span.rsplit(":", 2)
            items.append(FeedbackItemCreate(item=data[f"item-{n}-id"], rating=rating or None, note=note,
                                            message_id=message_id, start=start, end=end))
        n += 1
    return FeedbackCreate(conversation_id=data.get("conversation_id"), coach=data.get("coach", ""),
                          summary=data.get("summary") or None, items=items)


@router.post("/feedback")
async def create_feedback_page(request: Request, session: SessionDep, scorecard: ScorecardDep, viewer: ViewerDep) -> Response:
    viewer.require_curator("give feedback")
    try:
        body = _feedback_from_form(await request.form())
    except ValidationError as error:
        raise RequestValidationError(error.errors()) from None
    created = feedback_api.create(session=session, body=body, scorecard=scorecard, viewer=viewer)
    return RedirectResponse(created.url, status_code=303)


@router.get("/feedback/{feedback_id}", response_class=HTMLResponse)
def feedback_detail_page(request: Request, feedback_id: int, session: SessionDep, viewer: ViewerDep) -> Response:
    from heard.coach.feedback import get_feedback

    feedback = feedback_api.feedback_public(session, get_feedback(session=session, feedback_id=feedback_id, viewer=viewer))
    return render(request, "feedback_detail.html", {"feedback": feedback, "api_url": f"/api/feedback/{feedback_id}"})


# -- debriefs -----------------------------------------------------------------------------------------
@router.get("/debriefs", response_class=HTMLResponse)
def debriefs_page(request: Request, session: SessionDep, analyzer: AnalyzerDep, viewer: ViewerDep) -> Response:
    from heard.library.case_files import readable_conversations

    rows, _ = conversations.list_conversations(session=session, limit=200)
    readable = readable_conversations(session=session, viewer=viewer)  # the subjects an agent may read
    rows = [r for r in rows if readable is None or readable.get(r.id) is False]
    context = {"listing": debriefs_api.read_debrief_list(session=session, analyzer=analyzer, viewer=viewer),
               "patterns": debriefs_api.read_patterns(session=session), "conversations": rows,
               "api_url": "/api/debriefs"}
    return render(request, "debriefs.html", context)


@router.get("/debriefs/new", response_class=HTMLResponse)
def debrief_form_page(request: Request, session: SessionDep, participants: str, title: str = "",
                      conversation_id: str = "") -> Response:
    """The form, one section per participant, quiet voices first."""
    names = [p for p in participants.replace("\n", ",").split(",") if p.strip()]
    order = debriefs_api.read_speaking_order(session=session, participants=names)
    context = {"order": order, "title": title, "conversation_id": conversation_id, "kinds": MOVE_KINDS,
               "api_url": "/api/debriefs/order?" + urlencode([("participant", p.participant) for p in order.order])}
    return render(request, "debrief_form.html", context)


def _debrief_from_form(data) -> DebriefCreate:
    entries = []
    n = 0
    while f"entry-{n}-participant" in data:
        entries.append(DebriefEntryCreate(
            participant=data[f"entry-{n}-participant"], worked=data.get(f"entry-{n}-worked", ""),
            felt_off=data.get(f"entry-{n}-felt_off", ""), try_next=data.get(f"entry-{n}-try_next", ""),
            picked_moves=data.getlist(f"entry-{n}-moves"), picked_misses=data.getlist(f"entry-{n}-misses")))
        n += 1
    return DebriefCreate(title=data.get("title", ""), conversation_id=data.get("conversation_id") or None, entries=entries)


@router.post("/debriefs")
async def create_debrief_page(request: Request, session: SessionDep, analyzer: AnalyzerDep, viewer: ViewerDep) -> Response:
    try:
        body = _debrief_from_form(await request.form())
    except ValidationError as error:
        raise RequestValidationError(error.errors()) from None
    created = debriefs_api.create(session=session, body=body, analyzer=analyzer, viewer=viewer)
    return RedirectResponse(created.url, status_code=303)


@router.get("/debriefs/{debrief_id}", response_class=HTMLResponse)
def debrief_detail_page(request: Request, debrief_id: int, session: SessionDep, analyzer: AnalyzerDep,
                        viewer: ViewerDep) -> Response:
    debrief = debriefs_api.debrief_public(debriefs_api.get_debrief(session=session, debrief_id=debrief_id,
                                                                   viewer=viewer), analyzer)
    return render(request, "debrief_detail.html", {"debrief": debrief, "api_url": f"/api/debriefs/{debrief_id}"})
