"""The conversation list (`/`) and the case-file page (`/conversations/{id}`), as the viewer may
see them (heard.web.api.conversations): an agent lists their team's conversations; a page they may
only see redacted redirects to its shared case file in the library."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import ValidationError
from starlette.responses import Response

from heard.coach import corrections as correction_service
from heard.coach.corrections import (
    AGENT_MOVES,
    CONCERNS,
    EMOTIONS,
    LOYALTY,
    CorrectionCreate,
    CorrectionError,
    CorrectionPublic,
)
from heard.store.conversations import SORTS
from heard.web.api.conversations import (
    CaseFilePublic,
    ConversationQuery,
    FindingPublic,
    MessagePublic,
    TrajectoryPointPublic,
    distinct_values,
    pages_for,
    read_case_file,
    read_conversation_list,
    shared_case_file_for,
)
from heard.web.api.case_files import ViewerDep
from heard.web.deps import ScorecardDep, SessionDep
from heard.web.highlight import segments
from heard.web.templating import label_of, render

router = APIRouter(include_in_schema=False)

SORT_LABELS = {"newest": "Newest first", "oldest": "Oldest first", "score": "Highest score",
               "-score": "Lowest score", "satisfaction": "Most satisfied", "-satisfaction": "Least satisfied"}


def _is_htmx_partial(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


@router.get("/", response_class=HTMLResponse)
def conversations_page(request: Request, session: SessionDep, viewer: ViewerDep,
                       query: Annotated[ConversationQuery, Query()]) -> Response:
    listing = read_conversation_list(session=session, query=query, viewer=viewer)
    params = {k: v for k, v in query.model_dump(mode="json", exclude={"page"}).items()
              if v is not None and not (k == "sort" and v == "newest") and not (k == "per_page" and v == 25)}

    def page_url(page: int) -> str:
        return "/?" + urlencode({**params, "page": page}) if page > 1 or params else "/"

    context = {
        "query": query, "listing": listing, "pages": pages_for(listing.count, query.per_page),
        "page_url": page_url, "api_url": "/api/conversations" + ("?" + urlencode(params) if params else ""),
        "sorts": {key: SORT_LABELS.get(key, key) for key in SORTS},
        "channels": distinct_values(session=session, column="channel", viewer=viewer),
        "agents": distinct_values(session=session, column="agent", viewer=viewer),
        "queues": distinct_values(session=session, column="queue", viewer=viewer),
        "viewer": viewer, "here": "/",
    }
    return render(request, "_results.html" if _is_htmx_partial(request) else "conversations.html", context)


# -- case file ----------------------------------------------------------------------------------
@dataclass
class Piece:
    """A stretch of a message's text and the findings covering it (outermost first)."""

    text: str
    findings: list[FindingPublic] = field(default_factory=list)
    opens: set[int] = field(default_factory=set)


@dataclass
class ThreadMessage:
    message: MessagePublic
    pieces: list[Piece]
    findings: list[FindingPublic]
    missed: list[CorrectionPublic] = field(default_factory=list)


def thread(case: CaseFilePublic) -> list[ThreadMessage]:
    """Each message cut into pieces by `segments`, so the template can nest one mark per finding."""
    out = []
    for message in case.messages:
        own = [case.findings[i] for i in message.findings]
        cut = segments(message.text, [(f.start, f.end) for f in own])
        pieces = [Piece(s.text, [own[i] for i in s.findings], {own[i].index for i in s.opens}) for s in cut]
        missed = [c for c in case.corrections if c.verdict == "missed" and c.message_id == message.id]
        out.append(ThreadMessage(message, pieces, own, missed))
    return out


def missed_kinds(role: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The kinds a coach may mark missed on an agent's or a customer's message, grouped for a <select>."""
    def group(kinds) -> list[tuple[str, str]]:
        return [(k, f"{label_of(k)} ({k})") for k in kinds]

    if role == "agent":
        return [("Agent moves", group(AGENT_MOVES))]
    return [("Emotion", group(EMOTIONS)), ("Concerns", group(CONCERNS)), ("Feedback", group(LOYALTY))]


@dataclass
class ChartPoint:
    x: float
    y: float
    point: TrajectoryPointPublic
    label_y: float


@dataclass
class Chart:
    width: int
    height: int
    points: list[ChartPoint]
    grid: list[tuple[int, float]]
    polyline: str
    left: int
    right: int


def trajectory_chart(case: CaseFilePublic, *, width: int = 640, height: int = 220) -> Chart | None:
    """Coordinates for the inline SVG: x follows the message order, y the valence (−3…+3)."""
    if not case.trajectory:
        return None
    left, right, top, bottom = 88, 24, 20, 28
    position = {m.id: i for i, m in enumerate(case.messages)}
    last = max(len(case.messages) - 1, 1)
    span_y = height - top - bottom

    def y_of(value: float) -> float:
        return round(top + (3 - value) / 6 * span_y, 1)

    def x_of(message_id: str) -> float:
        return round(left + position.get(message_id, 0) / last * (width - left - right), 1)

    points = []
    for p in case.trajectory:
        y = y_of(p.valence)
        points.append(ChartPoint(x_of(p.message_id), y, p, y - 10 if p.valence >= 0 else y + 20))
    return Chart(width, height, points, [(v, y_of(v)) for v in range(-3, 4)],
                 " ".join(f"{c.x},{c.y}" for c in points), left, width - right)


@router.get("/conversations/{conversation_id}", response_class=HTMLResponse)
def case_file_page(request: Request, conversation_id: int, session: SessionDep, scorecard: ScorecardDep,
                   viewer: ViewerDep) -> Response:
    case_file_id = shared_case_file_for(session=session, conversation_id=conversation_id, viewer=viewer)
    if case_file_id is not None:  # this viewer sees it redacted: the library's case file page shows it so
        return RedirectResponse(f"/library/{case_file_id}", status_code=303)
    case = read_case_file(session=session, conversation_id=conversation_id, scorecard=scorecard)
    context = {"case": case, "conversation": case.conversation, "thread": thread(case),
               "chart": trajectory_chart(case), "findings": case.findings, "viewer": viewer,
               "missed_kinds": missed_kinds, "corrections_by_id": {c.id: c for c in case.corrections},
               "corrections_url": f"/conversations/{conversation_id}/corrections",
               "role_query": "?" + urlencode({"role": viewer.role.value}),
               "api_url": f"/api/conversations/{conversation_id}"}
    return render(request, "case_file.html", context)


# -- corrections (the forms behind "Mark wrong" / "Mark missed"; JSON twin: heard.web.api.corrections) --
def _number(name: str, value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit():
        raise CorrectionError(name, f"{value!r} is not a whole number.")
    return int(value)


def _back(conversation_id: int, viewer, anchor: str) -> RedirectResponse:
    url = f"/conversations/{conversation_id}?{urlencode({'role': viewer.role.value})}#{quote(anchor, safe='')}"
    return RedirectResponse(url, status_code=303)


@router.post("/conversations/{conversation_id}/corrections")
def correct_form(conversation_id: int, session: SessionDep, viewer: ViewerDep,
                 verdict: Annotated[str, Form()], finding: Annotated[str, Form()] = "",
                 message_id: Annotated[str, Form()] = "", kind: Annotated[str, Form()] = "",
                 words: Annotated[str, Form()] = "", occurrence: Annotated[str, Form()] = "",
                 start: Annotated[str, Form()] = "", end: Annotated[str, Form()] = "",
                 note: Annotated[str, Form()] = "", who: Annotated[str, Form()] = "") -> Response:
    """Works without JavaScript: a finding's index (wrong), or a message, a kind and the words (missed)."""
    if verdict not in ("wrong", "missed"):
        raise CorrectionError("verdict", f"{verdict!r}: use wrong or missed.")
    fields = {"finding": _number("finding", finding), "start": _number("start", start), "end": _number("end", end),
              "occurrence": _number("occurrence", occurrence)}
    try:
        correction_in = CorrectionCreate(
            verdict=verdict, message_id=message_id.strip() or None, kind=kind.strip() or None,  # type: ignore[arg-type]
            words=words if words.strip() else None, note=note or None, who=who.strip() or None, **fields)
    except ValidationError as error:
        first = error.errors()[0]
        raise CorrectionError(".".join(map(str, first["loc"])) or "form", first["msg"]) from None
    row, _ = correction_service.correct(session=session, conversation_id=conversation_id,
                                        correction_in=correction_in, viewer=viewer)
    session.commit()
    return _back(conversation_id, viewer, f"m-{row.message_id}")


@router.post("/conversations/{conversation_id}/corrections/{correction_id}/delete")
def uncorrect_form(conversation_id: int, correction_id: int, session: SessionDep, viewer: ViewerDep) -> Response:
    """Take a correction back (a form post, so it works without JavaScript)."""
    from heard.store import corrections as repo

    viewer.require_curator("remove corrections")
    message_id = repo.get_correction(session=session, conversation_id=conversation_id,
                                     correction_id=correction_id).message_id
    correction_service.remove_correction(session=session, conversation_id=conversation_id,
                                         correction_id=correction_id, viewer=viewer)
    session.commit()
    return _back(conversation_id, viewer, f"m-{message_id}")
