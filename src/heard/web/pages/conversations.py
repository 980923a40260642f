"""The conversation list (`/`) and the case-file page (`/conversations/{id}`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from starlette.responses import Response

from heard.store.conversations import SORTS, distinct_values
from heard.web.api.conversations import (
    CaseFilePublic,
    ConversationQuery,
    FindingPublic,
    MessagePublic,
    TrajectoryPointPublic,
    pages_for,
    read_case_file,
    read_conversation_list,
)
from heard.web.deps import ScorecardDep, SessionDep
from heard.web.highlight import segments
from heard.web.templating import render

router = APIRouter(include_in_schema=False)

SORT_LABELS = {"newest": "Newest first", "oldest": "Oldest first", "score": "Highest score",
               "-score": "Lowest score", "satisfaction": "Most satisfied", "-satisfaction": "Least satisfied"}


def _is_htmx_partial(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


@router.get("/", response_class=HTMLResponse)
def conversations_page(request: Request, session: SessionDep,
                       query: Annotated[ConversationQuery, Query()]) -> Response:
    listing = read_conversation_list(session=session, query=query)
    params = {k: v for k, v in query.model_dump(mode="json", exclude={"page"}).items()
              if v is not None and not (k == "sort" and v == "newest") and not (k == "per_page" and v == 25)}

    def page_url(page: int) -> str:
        return "/?" + urlencode({**params, "page": page}) if page > 1 or params else "/"

    context = {
        "query": query, "listing": listing, "pages": pages_for(listing.count, query.per_page),
        "page_url": page_url, "api_url": "/api/conversations" + ("?" + urlencode(params) if params else ""),
        "sorts": {key: SORT_LABELS.get(key, key) for key in SORTS},
        "channels": distinct_values(session=session, column="channel"),
        "agents": distinct_values(session=session, column="agent"),
        "queues": distinct_values(session=session, column="queue"),
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


def thread(case: CaseFilePublic) -> list[ThreadMessage]:
    """Each message cut into pieces by `segments`, so the template can nest one mark per finding."""
    out = []
    for message in case.messages:
        own = [case.findings[i] for i in message.findings]
        cut = segments(message.text, [(f.start, f.end) for f in own])
        pieces = [Piece(s.text, [own[i] for i in s.findings], {own[i].index for i in s.opens}) for s in cut]
        out.append(ThreadMessage(message, pieces, own))
    return out


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
def case_file_page(request: Request, conversation_id: int, session: SessionDep, scorecard: ScorecardDep) -> Response:
    case = read_case_file(session=session, conversation_id=conversation_id, scorecard=scorecard)
    context = {"case": case, "conversation": case.conversation, "thread": thread(case),
               "chart": trajectory_chart(case), "findings": case.findings,
               "api_url": f"/api/conversations/{conversation_id}"}
    return render(request, "case_file.html", context)
