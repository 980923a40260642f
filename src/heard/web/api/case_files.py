"""Case files: `/api/case-files` (list, create), `/api/case-files/{id}` (read, update, delete),
`/api/case-files/{id}/annotations`, and exports (`export.html`, `export.md`).

Who is asking comes from `X-Heard-Role` / `X-Heard-Team` (or `?role=` / `?viewer_team=`, or the
`heard_role` cookie the pages set): a placeholder for real authentication, see
heard.privacy.roles. Agents see other teams' shared case files redacted.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, status
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from heard.library import case_files as service
from heard.library.models import (
    AnnotationCreate,
    AnnotationPublic,
    CaseFileCreate,
    LibraryCaseFileDetail,
    LibraryCaseFilePublic,
    LibraryCaseFilesPublic,
    CaseFileUpdate,
)
from heard.privacy.roles import Viewer
from heard.store.case_files import CaseFileFilters
from heard.web.deps import SessionDep
from heard.web.templating import EMOTIONS

router = APIRouter(prefix="/api", tags=["case files"])


def get_viewer(request: Request) -> Viewer:
    """The viewer: header, then query parameter, then the pages' cookie; else the app's
    `settings.default_role` (`HEARD_DEFAULT_ROLE`: `agent` unless set; `heard demo` serves as `coach`)."""
    role = (request.headers.get("X-Heard-Role") or request.query_params.get("role") or request.cookies.get("heard_role")
            or request.app.state.settings.default_role)
    team = (request.headers.get("X-Heard-Team") or request.query_params.get("viewer_team")
            or request.cookies.get("heard_team"))
    return Viewer.parse(role, team)


ViewerDep = Annotated[Viewer, Depends(get_viewer)]


class FilterQuery(BaseModel):
    """Filters from a plain HTML form, which submits every field: blank values mean "any", and a
    `move` (where the form has one) must be a finding kind Heard knows."""

    model_config = ConfigDict(extra="ignore")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_default(cls, value: object, info: ValidationInfo) -> object:
        if isinstance(value, str) and not value.strip():
            return cls.model_fields[info.field_name].default
        return value.strip() if isinstance(value, str) else value

    @field_validator("move", check_fields=False)
    @classmethod
    def _known_kind(cls, value: str | None) -> str | None:
        from heard.library.search import InvalidFilter, finding_kind

        try:
            return finding_kind(value) if value else value
        except InvalidFilter as error:
            raise ValueError(str(error).removeprefix("move: ")) from None


class CaseFileQuery(FilterQuery):
    """Filters for the library."""

    q: str | None = Field(None, description="Words in the title, the lesson or the conversation's messages.")
    move: str | None = Field(None, description="A finding kind on the conversation, e.g. move.name_feeling.")
    emotion: Literal[EMOTIONS] | None = Field(None, description="A customer emotion shown at least once.")  # type: ignore[valid-type]
    channel: str | None = None
    tag: str | None = None
    outcome: str | None = None
    page: int = Field(1, ge=1)
    per_page: int = Field(25, ge=1, le=200)


    def filters(self, session) -> CaseFileFilters:
        from heard.library.search import matching_conversation_ids

        ids = matching_conversation_ids(session=session, query=self.q) if self.q else ()
        return CaseFileFilters(q=self.q, q_conversation_ids=ids, move=self.move, emotion=self.emotion,
                               channel=self.channel, tag=self.tag, outcome=self.outcome)

    def is_filtered(self) -> bool:
        return any(v is not None for v in self.model_dump(exclude={"page", "per_page"}).values())


def read_library(*, session, query: CaseFileQuery, viewer: Viewer) -> LibraryCaseFilesPublic:
    return service.list_case_files(session=session, viewer=viewer, filters=query.filters(session),
                                   limit=query.per_page, offset=(query.page - 1) * query.per_page)


def _public(session, case_file_id: int, viewer: Viewer) -> LibraryCaseFilePublic:
    return service.view_case_file(session=session, case_file_id=case_file_id, viewer=viewer).public


@router.get("/case-files", response_model=LibraryCaseFilesPublic, summary="List case files")
def read_case_files(session: SessionDep, viewer: ViewerDep, query: Annotated[CaseFileQuery, Query()]) -> LibraryCaseFilesPublic:
    """The case files this viewer may open, newest first. The twin of `/library`."""
    return read_library(session=session, query=query, viewer=viewer)


@router.post("/case-files", response_model=LibraryCaseFilePublic, status_code=status.HTTP_201_CREATED,
             summary="Make a case file", responses={403: {"description": "Only coaches and leads make case files."}})
def create_case_file(case_file_in: CaseFileCreate, session: SessionDep, viewer: ViewerDep) -> LibraryCaseFilePublic:
    """Turn an analysed conversation into a case file, with optional first annotations."""
    row = service.create_case_file(session=session, case_file_in=case_file_in, viewer=viewer)
    session.commit()
    return _public(session, row.id, viewer)


@router.get("/case-files/{case_file_id}", response_model=LibraryCaseFileDetail, summary="Read a case file",
            responses={404: {"description": "No case file with this id that this viewer may open."}})
def read_case_file(case_file_id: int, session: SessionDep, viewer: ViewerDep,
                   redacted: Annotated[bool, Query(description="Coaches and leads: preview the redacted view.")] = False,
                   ) -> LibraryCaseFileDetail:
    """The case file with its thread, findings and annotations — redacted for agents of other
    teams. The twin of `/library/{id}`."""
    return service.read_case_file(session=session, case_file_id=case_file_id, viewer=viewer, redact=redacted)


@router.patch("/case-files/{case_file_id}", response_model=LibraryCaseFilePublic, summary="Edit a case file")
def update_case_file(case_file_id: int, case_file_in: CaseFileUpdate, session: SessionDep, viewer: ViewerDep) -> LibraryCaseFilePublic:
    service.update_case_file(session=session, case_file_id=case_file_id, case_file_in=case_file_in, viewer=viewer)
    session.commit()
    return _public(session, case_file_id, viewer)


@router.delete("/case-files/{case_file_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Delete a case file")
def delete_case_file(case_file_id: int, session: SessionDep, viewer: ViewerDep) -> Response:
    service.delete_case_file(session=session, case_file_id=case_file_id, viewer=viewer)
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/case-files/{case_file_id}/annotations", response_model=list[AnnotationPublic], summary="List annotations")
def read_annotations(case_file_id: int, session: SessionDep, viewer: ViewerDep) -> list[AnnotationPublic]:
    return service.read_case_file(session=session, case_file_id=case_file_id, viewer=viewer).annotations


@router.post("/case-files/{case_file_id}/annotations", response_model=AnnotationPublic,
             status_code=status.HTTP_201_CREATED, summary="Annotate a case file",
             responses={422: {"description": "The anchor does not match the conversation."}})
def create_annotation(case_file_id: int, annotation_in: AnnotationCreate, session: SessionDep,
                      viewer: ViewerDep) -> AnnotationPublic:
    """A comment on exact words (`start`/`end`, or `quote`) or on the gap after a message."""
    annotation = service.add_annotation(session=session, case_file_id=case_file_id, annotation_in=annotation_in,
                                        viewer=viewer)
    session.commit()
    view = service.view_case_file(session=session, case_file_id=case_file_id, viewer=viewer)
    return next(a.public() for a in view.annotations if a.id == annotation.id)


@router.delete("/case-files/{case_file_id}/annotations/{annotation_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Remove an annotation")
def delete_annotation(case_file_id: int, annotation_id: int, session: SessionDep, viewer: ViewerDep) -> Response:
    service.delete_annotation(session=session, case_file_id=case_file_id, annotation_id=annotation_id, viewer=viewer)
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# -- export ---------------------------------------------------------------------------------------
def _export(session, viewer: Viewer, ids: list[int], fmt: str, redacted: bool) -> Response:
    from heard.library.export import export_case_files

    views = [service.view_case_file(session=session, case_file_id=i, viewer=viewer, redact=redacted) for i in ids]
    body = export_case_files(views, fmt=fmt)  # type: ignore[arg-type]
    name = f"case-file-{ids[0]}" if len(ids) == 1 else "case-files"
    if fmt == "html":
        return HTMLResponse(body, headers={"Content-Disposition": f'inline; filename="{name}.html"',
                                           "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"})
    return PlainTextResponse(body, media_type="text/markdown; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}.md"'})


@router.get("/case-files/{case_file_id}/export.html", response_class=HTMLResponse, summary="Export as HTML")
def export_html(case_file_id: int, session: SessionDep, viewer: ViewerDep, redacted: bool = False) -> Response:
    """A self-contained page (inline CSS, no scripts) for a team huddle."""
    return _export(session, viewer, [case_file_id], "html", redacted)


@router.get("/case-files/{case_file_id}/export.md", response_class=PlainTextResponse, summary="Export as Markdown")
def export_md(case_file_id: int, session: SessionDep, viewer: ViewerDep, redacted: bool = False) -> Response:
    return _export(session, viewer, [case_file_id], "md", redacted)


@router.get("/case-files-export", summary="Export several case files",
            responses={200: {"content": {"text/html": {}, "text/markdown": {}}}})
def export_many(session: SessionDep, viewer: ViewerDep,
                ids: Annotated[str, Query(description="Comma-separated case-file ids, e.g. 1,2,3.")],
                format: Literal["html", "md"] = "html", redacted: bool = False) -> Response:
    try:
        wanted = [int(i) for i in ids.split(",") if i.strip()]
    except ValueError:
        from heard.errors import ConfigError

        raise ConfigError(f"ids must be comma-separated numbers, not {ids!r}.") from None
    return _export(session, viewer, wanted, format, redacted)
