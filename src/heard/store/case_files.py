"""The case-file repository: case files with their tags and annotations.

Every function takes `session` keyword-only and works in the caller's transaction (the caller
commits). `get_case_file` raises `heard.errors.NotFound`; `find_case_file` returns None.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import and_, exists, false, func, or_, select
from sqlalchemy.orm import Session

from heard.errors import NotFound
from heard.store.library_tables import AnnotationRow, CaseFileRow, CaseFileTagRow, ConversationEmbeddingRow
from heard.store.tables import ConversationRow, FindingRow

__all__ = [
    "CaseFileFilters", "add_annotation", "all_tags", "create_case_file", "delete_annotation",
    "delete_case_file", "find_case_file", "get_annotation", "get_case_file", "list_case_files",
    "load_embeddings", "save_embedding", "set_tags", "update_case_file",
]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def normalize_tag(tag: str) -> str:
    return " ".join(tag.strip().lower().split())[:64]


def create_case_file(
    *, session: Session, conversation_id: int, title: str, lesson: str = "", tags: Iterable[str] = (),
    visibility: str = "team", team: str | None = None, created_by: str | None = None,
) -> CaseFileRow:
    conversation = session.get(ConversationRow, conversation_id)
    if conversation is None:
        raise NotFound(f"No conversation with id {conversation_id}.")
    now = _now()
    row = CaseFileRow(conversation_id=conversation_id, title=title, lesson=lesson, visibility=visibility,
                      team=team if team is not None else conversation.queue, created_by=created_by,
                      created_at=now, updated_at=now)
    session.add(row)
    set_tags(session=session, row=row, tags=tags)
    session.flush()
    return row


def get_case_file(*, session: Session, case_file_id: int) -> CaseFileRow:
    row = find_case_file(session=session, case_file_id=case_file_id)
    if row is None:
        raise NotFound(f"No case file with id {case_file_id}.")
    return row


def find_case_file(*, session: Session, case_file_id: int) -> CaseFileRow | None:
    return session.get(CaseFileRow, case_file_id)


def update_case_file(*, session: Session, row: CaseFileRow, **changes: object) -> CaseFileRow:
    """Set the given columns (title, lesson, visibility, team) and `tags`, if given."""
    tags = changes.pop("tags", None)
    for name, value in changes.items():
        if name not in {"title", "lesson", "visibility", "team"}:
            raise ValueError(f"a case file has no editable field {name!r}")
        setattr(row, name, value)
    if tags is not None:
        set_tags(session=session, row=row, tags=tags)  # type: ignore[arg-type]
    row.updated_at = _now()
    session.flush()
    return row


def delete_case_file(*, session: Session, row: CaseFileRow) -> None:
    session.delete(row)
    session.flush()


def set_tags(*, session: Session, row: CaseFileRow, tags: Iterable[str]) -> None:
    wanted = sorted({t for t in (normalize_tag(t) for t in tags) if t})
    keep = [t for t in row.tags if t.tag in wanted]
    have = {t.tag for t in keep}
    row.tags = keep + [CaseFileTagRow(tag=t) for t in wanted if t not in have]


def add_annotation(
    *, session: Session, row: CaseFileRow, kind: str, message_id: str, body: str, start: int | None = None,
    end: int | None = None, next_message_id: str | None = None, quote: str | None = None,
    author: str | None = None,
) -> AnnotationRow:
    annotation = AnnotationRow(kind=kind, message_id=message_id, start=start, end=end,
                               next_message_id=next_message_id, quote=quote, body=body, author=author,
                               created_at=_now())
    row.annotations.append(annotation)
    row.updated_at = _now()
    session.flush()
    return annotation


def get_annotation(*, session: Session, row: CaseFileRow, annotation_id: int) -> AnnotationRow:
    annotation = next((a for a in row.annotations if a.id == annotation_id), None)
    if annotation is None:
        raise NotFound(f"Case file {row.id} has no annotation {annotation_id}.")
    return annotation


def delete_annotation(*, session: Session, row: CaseFileRow, annotation_id: int) -> None:
    annotation = get_annotation(session=session, row=row, annotation_id=annotation_id)
    row.annotations.remove(annotation)
    row.updated_at = _now()
    session.flush()


@dataclass
class CaseFileFilters:
    """What a list of case files can be narrowed by. `readable_by_team` limits the list to what a
    viewer of that team may open: their team's case files plus every shared one (None: no limit)."""

    tag: str | None = None
    move: str | None = None  # a finding kind, e.g. move.name_feeling (the "move." may be left out)
    emotion: str | None = None  # e.g. anxiety: the customer shows it at least once
    channel: str | None = None
    outcome: str | None = None
    team: str | None = None
    visibility: str | None = None
    q: str | None = None  # words in the title or lesson …
    q_conversation_ids: Sequence[int] = ()  # … or conversations whose messages matched them (full text)
    conversation_ids: Sequence[int] | None = None  # e.g. from a full-text search
    restrict_to_team: bool = False
    readable_by_team: str | None = None
    extra: list = field(default_factory=list)


def _has_kind(kind: str):
    return exists().where(FindingRow.conversation_id == CaseFileRow.conversation_id, FindingRow.kind == kind)


def _conditions(f: CaseFileFilters) -> list:
    c: list = []
    if f.tag:
        c.append(exists().where(CaseFileTagRow.case_file_id == CaseFileRow.id, CaseFileTagRow.tag == normalize_tag(f.tag)))
    if f.move:
        c.append(_has_kind(f.move if "." in f.move else f"move.{f.move}"))
    if f.emotion:
        c.append(_has_kind(f"emotion.{f.emotion}"))
    if f.channel:
        c.append(ConversationRow.channel == f.channel)
    if f.outcome:
        c.append(ConversationRow.outcome == f.outcome)
    if f.team:
        c.append(CaseFileRow.team == f.team)
    if f.visibility:
        c.append(CaseFileRow.visibility == f.visibility)
    if f.q:
        pattern = f"%{f.q}%"
        c.append(or_(CaseFileRow.title.ilike(pattern), CaseFileRow.lesson.ilike(pattern),
                     CaseFileRow.conversation_id.in_(list(f.q_conversation_ids)) if f.q_conversation_ids else false()))
    if f.conversation_ids is not None:
        c.append(CaseFileRow.conversation_id.in_(list(f.conversation_ids)) if f.conversation_ids else false())
    if f.restrict_to_team:
        own = CaseFileRow.team == f.readable_by_team if f.readable_by_team else false()
        c.append(or_(own, CaseFileRow.visibility == "shared"))
    return c + list(f.extra)


def list_case_files(
    *, session: Session, filters: CaseFileFilters | None = None, limit: int = 50, offset: int = 0,
) -> tuple[list[CaseFileRow], int]:
    """A page of case files (newest first) matching `filters`, and how many match in all."""
    where = and_(True, *_conditions(filters or CaseFileFilters()))
    base = select(CaseFileRow).join(ConversationRow, ConversationRow.id == CaseFileRow.conversation_id).where(where)
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    rows = session.scalars(base.order_by(CaseFileRow.updated_at.desc(), CaseFileRow.id.desc()).limit(limit).offset(offset))
    return list(rows), total


def all_tags(*, session: Session) -> list[str]:
    return list(session.scalars(select(CaseFileTagRow.tag).distinct().order_by(CaseFileTagRow.tag)))


def distinct_outcomes(*, session: Session) -> list[str]:
    col = ConversationRow.outcome
    return list(session.scalars(select(col).distinct().where(col.is_not(None)).order_by(col)))


# -- conversation embeddings ------------------------------------------------------------------------
def save_embedding(*, session: Session, conversation_id: int, model: str, text_hash: str, vector: bytes, dim: int) -> None:
    row = session.get(ConversationEmbeddingRow, conversation_id)
    if row is None:
        row = ConversationEmbeddingRow(conversation_id=conversation_id)
        session.add(row)
    row.model, row.text_hash, row.vector, row.dim, row.updated_at = model, text_hash, vector, dim, _now()


def load_embeddings(*, session: Session, model: str) -> list[ConversationEmbeddingRow]:
    return list(session.scalars(select(ConversationEmbeddingRow).where(ConversationEmbeddingRow.model == model)
                                .order_by(ConversationEmbeddingRow.conversation_id)))
