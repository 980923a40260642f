"""Library pages: `/library` (case files, search box, filters), `/library/{id}` (one case file
with findings and coach annotations), the "make a case file" and "annotate" forms, `/search`
and `/conversations/{id}/similar`. Each has a JSON twin under /api."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.responses import Response

from heard.library import case_files as service
from heard.library.case_files import CaseFileView, ViewAnnotation
from heard.library.models import AnnotationCreate, CaseFileCreate
from heard.model import Finding
from heard.store import case_files as repo
from heard.store.conversations import distinct_values, get_conversation
from heard.web.api.case_files import CaseFileQuery, ViewerDep, read_library
from heard.web.api.search import SearchQuery, read_search, read_similar
from heard.web.deps import SessionDep
from heard.web.highlight import segments
from heard.web.templating import group_of, label_of, render

router = APIRouter(include_in_schema=False)

MOVES = ["move.name_feeling", "move.reflect_concern", "move.reframe", "move.ownership", "move.offer_choices",
         "move.checkpoint", "move.invite_more", "move.apology", "move.closure", "move.defensive",
         "move.non_apology", "move.overpromise", "move.generic", "move.overtalk"]


def _filter_menus(session) -> dict:
    return {"moves": [(k, label_of(k)) for k in MOVES], "channels": distinct_values(session=session, column="channel"),
            "tags": repo.all_tags(session=session), "outcomes": repo.distinct_outcomes(session=session)}


@router.get("/library", response_class=HTMLResponse)
def library_page(request: Request, session: SessionDep, viewer: ViewerDep,
                 query: Annotated[CaseFileQuery, Query()]) -> Response:
    listing = read_library(session=session, query=query, viewer=viewer)
    params = {k: v for k, v in query.model_dump(exclude={"page", "per_page"}).items() if v is not None}
    context = {"query": query, "listing": listing, "viewer": viewer, **_filter_menus(session), "here": "/library",
               "api_url": "/api/case-files" + ("?" + urlencode(params) if params else "")}
    return render(request, "library.html", context)


@router.get("/library/role")
def choose_role(role: str, next: str = "/library", team: str | None = None) -> Response:
    """Set the placeholder role cookie, and the team cookie when `team` is given (blank clears
    it). No authentication: see heard.privacy.roles."""
    from heard.privacy.roles import Viewer

    viewer = Viewer.parse(role, team)
    target = next if next.startswith("/") and not next.startswith("//") else "/library"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie("heard_role", viewer.role.value, samesite="lax", httponly=True)
    if team is not None:
        if viewer.team:
            response.set_cookie("heard_team", viewer.team, samesite="lax", httponly=True)
        else:
            response.delete_cookie("heard_team")
    return response


@router.get("/library/new", response_class=HTMLResponse)
def new_case_file_page(request: Request, session: SessionDep, viewer: ViewerDep, conversation_id: int) -> Response:
    viewer.require_curator("make case files")
    conversation = get_conversation(session=session, conversation_id=conversation_id)
    return render(request, "library_new.html", {"conversation": conversation, "viewer": viewer})


@router.post("/library")
def create_case_file_form(session: SessionDep, viewer: ViewerDep, conversation_id: Annotated[int, Form()],
                          title: Annotated[str, Form()], lesson: Annotated[str, Form()] = "",
                          tags: Annotated[str, Form()] = "", visibility: Annotated[str, Form()] = "team") -> Response:
    case_file_in = CaseFileCreate(conversation_id=conversation_id, title=title, lesson=lesson,
                                  tags=[t for t in tags.split(",") if t.strip()],
                                  visibility="shared" if visibility == "shared" else "team")
    row = service.create_case_file(session=session, case_file_in=case_file_in, viewer=viewer)
    session.commit()
    return RedirectResponse(f"/library/{row.id}?role={viewer.role.value}", status_code=303)


# -- one case file -------------------------------------------------------------------------------------
@dataclass
class Mark:
    """A highlight in the thread: a finding (`kind="finding"`) or a coach annotation."""

    kind: str
    index: int  # the finding's index, or the annotation's id
    label: str
    group: str
    note: str
    harmful: bool = False


@dataclass
class Piece:
    text: str
    marks: list[Mark] = field(default_factory=list)
    opens: set[tuple[str, int]] = field(default_factory=set)


@dataclass
class ThreadItem:
    message: object
    pieces: list[Piece]
    annotations: list[ViewAnnotation]
    gaps: list[ViewAnnotation]
    findings: list[tuple[int, Finding]]


def thread(view: CaseFileView) -> list[ThreadItem]:
    """Each message cut by `segments` at every finding and annotation boundary."""
    from heard.model import HARMFUL_MOVES

    findings = list(enumerate(view.analysis.findings))
    out = []
    for message in view.analysis.conversation.messages:
        own = [(i, f) for i, f in findings if f.span.message_id == message.id]
        notes = [a for a in view.annotations_on(message.id) if a.span is not None]
        marks = [Mark("finding", i, label_of(f.kind), group_of(f.kind), f.rationale, f.kind in HARMFUL_MOVES) for i, f in own]
        marks += [Mark("annotation", a.id, "Coach note", "annotation", a.body) for a in notes]
        spans = [(f.span.start, f.span.end) for _, f in own] + [(a.span.start, a.span.end) for a in notes]
        pieces = []
        for s in segments(message.text, spans):
            ordered = [marks[i] for i in s.findings]
            pieces.append(Piece(s.text, ordered, {(marks[i].kind, marks[i].index) for i in s.opens}))
        out.append(ThreadItem(message, pieces, notes, view.gap_after(message.id), own))
    return out


@router.get("/library/{case_file_id}", response_class=HTMLResponse)
def case_file_page(request: Request, case_file_id: int, session: SessionDep, viewer: ViewerDep,
                   redacted: bool = False) -> Response:
    view = service.view_case_file(session=session, case_file_id=case_file_id, viewer=viewer, redact=redacted)
    context = {"view": view, "case": view.public, "thread": thread(view), "viewer": viewer,
               "api_url": f"/api/case-files/{case_file_id}" + ("?redacted=true" if redacted else ""),
               "redacted_preview": redacted}
    return render(request, "library_case.html", context)


@router.post("/library/{case_file_id}/annotations")
def annotate_form(case_file_id: int, session: SessionDep, viewer: ViewerDep, message_id: Annotated[str, Form()],
                  body: Annotated[str, Form()], kind: Annotated[str, Form()] = "span",
                  quote: Annotated[str, Form()] = "", start: Annotated[str, Form()] = "",
                  end: Annotated[str, Form()] = "", occurrence: Annotated[int, Form()] = 1) -> Response:
    """Works without JavaScript: a message id and the quoted words. annotate.js fills start/end
    from a selection."""
    number = lambda v: int(v) if v.strip().isdigit() else None  # noqa: E731
    annotation_in = AnnotationCreate(
        kind="gap" if kind == "gap" else "span", message_id=message_id.strip(), body=body,
        quote=quote if quote.strip() else None, start=number(start), end=number(end), occurrence=occurrence,
    )
    annotation = service.add_annotation(session=session, case_file_id=case_file_id, annotation_in=annotation_in,
                                        viewer=viewer)
    session.commit()
    return RedirectResponse(f"/library/{case_file_id}?role={viewer.role.value}#a-{annotation.id}", status_code=303)


# -- search ------------------------------------------------------------------------------------------------
@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, session: SessionDep, viewer: ViewerDep,
                query: Annotated[SearchQuery, Query()]) -> Response:
    results = read_search(session=session, query=query, viewer=viewer) if query.q else None
    params = {k: v for k, v in query.model_dump(exclude={"limit"}).items() if v is not None}
    return render(request, "library_search.html", {"query": query, "results": results, **_filter_menus(session),
                                                    "viewer": viewer, "here": "/search?" + urlencode(params),
                                                    "api_url": "/api/search?" + urlencode(params)})


@router.get("/conversations/{conversation_id}/similar", response_class=HTMLResponse)
def similar_page(request: Request, conversation_id: int, session: SessionDep, viewer: ViewerDep,
                 query: Annotated[SearchQuery, Query()]) -> Response:
    results = read_similar(session=session, conversation_id=conversation_id, limit=min(query.limit, 50),
                           filters=query.filters(), viewer=viewer)
    conversation = get_conversation(session=session, conversation_id=conversation_id)
    redacted = service.conversation_access(session=session, conversation_id=conversation_id, viewer=viewer)
    params = {k: v for k, v in query.model_dump(exclude={"limit"}).items() if v is not None}
    return render(request, "library_similar.html", {
        "conversation": conversation, "results": results, "query": query, "viewer": viewer, **_filter_menus(session),
        "subject": None if redacted else (conversation.subject or conversation.external_id),
        "here": f"/conversations/{conversation_id}/similar",
        "api_url": f"/api/conversations/{conversation_id}/similar" + ("?" + urlencode(params) if params else "")})
