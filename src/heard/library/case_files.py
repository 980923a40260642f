"""Case files: create, update, list and read them, annotate them — as the viewer may.

Plain functions over the store and the model; they raise `heard.errors` (NotFound,
`NotAllowed`, `InvalidAnchor`) and never know about HTTP. Reading goes through `view_case_file`,
which hands back the thread exactly as this viewer may see it: redacted (with findings and
annotations moved onto the redacted words) for agents outside the case file's team.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, func, or_, select
from sqlalchemy.orm import Session

from heard.errors import NotFound
from heard.library.anchors import resolve_gap, resolve_span
from heard.library.models import (
    AnnotationCreate,
    AnnotationPublic,
    CaseFileCreate,
    LibraryCaseFileDetail,
    LibraryCaseFilePublic,
    LibraryCaseFilesPublic,
    CaseFileUpdate,
    ConversationRef,
    ThreadFindingPublic,
    ThreadMessagePublic,
)
from heard.model import Analysis, Span
from heard.privacy.roles import Viewer
from heard.store import analyses, conversations
from heard.store import case_files as repo
from heard.store.case_files import CaseFileFilters
from heard.store.library_tables import AnnotationRow, CaseFileRow
from heard.store.tables import ConversationRow

__all__ = [
    "CaseFileView", "ViewAnnotation", "add_annotation", "conversation_access", "create_case_file", "delete_annotation",
    "list_case_files", "read_case_file", "readable_conversations", "real_words_condition", "shared_case_file_id",
    "update_case_file", "view_case_file",
]


# -- writing -----------------------------------------------------------------------------------------
def create_case_file(*, session: Session, case_file_in: CaseFileCreate, viewer: Viewer) -> CaseFileRow:
    """Make a case file of an analysed conversation (coaches and leads), with its first annotations."""
    viewer.require_curator("make case files")
    row = repo.create_case_file(
        session=session, conversation_id=case_file_in.conversation_id, title=case_file_in.title.strip(),
        lesson=case_file_in.lesson.strip(), tags=case_file_in.tags, visibility=case_file_in.visibility,
        team=case_file_in.team, created_by=viewer.role.value,
    )
    for annotation in case_file_in.annotations:
        _add(session, row, annotation, viewer)
    session.flush()
    return row


def update_case_file(*, session: Session, case_file_id: int, case_file_in: CaseFileUpdate, viewer: Viewer) -> CaseFileRow:
    viewer.require_curator("edit case files")
    row = repo.get_case_file(session=session, case_file_id=case_file_id)
    changes = case_file_in.model_dump(exclude_unset=True)
    for name in ("title", "lesson"):
        if changes.get(name) is not None:
            changes[name] = changes[name].strip()
    changes = {k: v for k, v in changes.items() if v is not None or k == "team"}
    return repo.update_case_file(session=session, row=row, **changes)


def delete_case_file(*, session: Session, case_file_id: int, viewer: Viewer) -> None:
    viewer.require_curator("delete case files")
    repo.delete_case_file(session=session, row=repo.get_case_file(session=session, case_file_id=case_file_id))


def add_annotation(*, session: Session, case_file_id: int, annotation_in: AnnotationCreate, viewer: Viewer) -> AnnotationRow:
    viewer.require_curator("annotate case files")
    row = repo.get_case_file(session=session, case_file_id=case_file_id)
    return _add(session, row, annotation_in, viewer)


def delete_annotation(*, session: Session, case_file_id: int, annotation_id: int, viewer: Viewer) -> None:
    viewer.require_curator("remove annotations")
    row = repo.get_case_file(session=session, case_file_id=case_file_id)
    repo.delete_annotation(session=session, row=row, annotation_id=annotation_id)


def _add(session: Session, row: CaseFileRow, a: AnnotationCreate, viewer: Viewer) -> AnnotationRow:
    conversation = conversations.to_model(conversations.get_conversation(session=session, conversation_id=row.conversation_id))
    if a.kind == "gap":
        after, before = resolve_gap(conversation, a.message_id, a.next_message_id)
        return repo.add_annotation(session=session, row=row, kind="gap", message_id=after, next_message_id=before,
                                   body=a.body.strip(), author=viewer.role.value)
    span = resolve_span(conversation, a.message_id, start=a.start, end=a.end, quote=a.quote, occurrence=a.occurrence)
    words = conversation.get_message(span.message_id).text[span.start:span.end]
    return repo.add_annotation(session=session, row=row, kind="span", message_id=span.message_id, start=span.start,
                               end=span.end, quote=words, body=a.body.strip(), author=viewer.role.value)


# -- reading -----------------------------------------------------------------------------------------
def _ref(row: CaseFileRow) -> ConversationRef:
    c = row.conversation
    return ConversationRef(id=c.id, source=c.source, external_id=c.external_id, channel=c.channel, subject=c.subject,
                           customer=c.customer, agent=c.agent, queue=c.queue, outcome=c.outcome,
                           satisfaction=c.satisfaction, score=c.score, url=f"/conversations/{c.id}")


def _public(row: CaseFileRow, *, redacted: bool, title: str | None = None, lesson: str | None = None,
            conversation: ConversationRef | None = None) -> LibraryCaseFilePublic:
    return LibraryCaseFilePublic(
        id=row.id, title=title if title is not None else row.title, lesson=lesson if lesson is not None else row.lesson,
        tags=[t.tag for t in row.tags], visibility=row.visibility, team=row.team,  # type: ignore[arg-type]
        created_by=row.created_by, created_at=row.created_at, updated_at=row.updated_at, redacted=redacted,
        conversation=conversation or _ref(row), annotation_count=len(row.annotations),
        url=f"/library/{row.id}", api_url=f"/api/case-files/{row.id}",
    )


def list_case_files(*, session: Session, viewer: Viewer, filters: CaseFileFilters | None = None,
                    limit: int = 50, offset: int = 0) -> LibraryCaseFilesPublic:
    """The case files this viewer may open. Redacted entries carry the redacted title, lesson,
    subject and people.

    For an agent, the search words (`filters.q`) must match another team's shared case file **as
    they see it**: its redacted title or lesson, or its messages — but not through a word that was
    redacted (searching "Maya" must not reveal which case file Customer A is)."""
    filters = filters or CaseFileFilters()
    if not viewer.may_curate:
        filters.restrict_to_team, filters.readable_by_team = True, viewer.team
        if filters.q:
            return _list_matching_as_seen(session, viewer, filters, limit, offset)
    rows, total = repo.list_case_files(session=session, filters=filters, limit=limit, offset=offset)
    data = []
    for row in rows:
        if viewer.sees_redacted(team=row.team):
            data.append(view_case_file(session=session, case_file_id=row.id, viewer=viewer, row=row).public)
        else:
            data.append(_public(row, redacted=False))
    return LibraryCaseFilesPublic(data=data, count=total)


MAX_CHECKED = 1000  # an agent's search checks at most this many case files against their redacted text


def _list_matching_as_seen(session: Session, viewer: Viewer, filters: CaseFileFilters, limit: int,
                           offset: int) -> LibraryCaseFilesPublic:
    from heard.library.search import query_words

    rows, _ = repo.list_case_files(session=session, filters=filters, limit=MAX_CHECKED)
    q = (filters.q or "").casefold()
    words = {w.casefold() for w in query_words(filters.q or "")}
    in_messages = set(filters.q_conversation_ids)
    data = []
    for row in rows:
        if not viewer.sees_redacted(team=row.team):
            data.append(_public(row, redacted=False))
            continue
        view = view_case_file(session=session, case_file_id=row.id, viewer=viewer, row=row)
        seen = f"{view.public.title}\n{view.public.lesson}".casefold()
        if q in seen or (row.conversation_id in in_messages and not words & view.redacted_words):
            data.append(view.public)
    return LibraryCaseFilesPublic(data=data[offset:offset + limit], count=len(data))


@dataclass
class ViewAnnotation:
    """An annotation as this viewer sees it: its span moved onto the (maybe redacted) text."""

    row: AnnotationRow
    span: Span | None  # None for a gap, or a span that no longer fits its message
    body: str
    evidence: str | None

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def kind(self) -> str:
        return self.row.kind

    def public(self) -> AnnotationPublic:
        r = self.row
        return AnnotationPublic(id=r.id, kind=r.kind, message_id=r.message_id,  # type: ignore[arg-type]
                                start=self.span.start if self.span else None, end=self.span.end if self.span else None,
                                next_message_id=r.next_message_id, evidence=self.evidence, body=self.body,
                                author=r.author, created_at=r.created_at)


@dataclass
class CaseFileView:
    """A case file as one viewer sees it: the record, the analysis (redacted or not) and the
    annotations on that same text."""

    row: CaseFileRow
    public: LibraryCaseFilePublic
    analysis: Analysis
    annotations: list[ViewAnnotation]
    redacted: bool
    redacted_words: frozenset[str] = frozenset()  # every word replaced by a placeholder (see Placeholders)

    def detail(self) -> LibraryCaseFileDetail:
        conversation = self.analysis.conversation
        messages = [ThreadMessagePublic(id=m.id, role=m.role.value, author=m.author, text=m.text, sent_at=m.sent_at)
                    for m in conversation.messages]
        findings = [ThreadFindingPublic(index=i, kind=f.kind, message_id=f.span.message_id, start=f.span.start,
                                        end=f.span.end, evidence=_words(self.analysis, f.span), rationale=f.rationale,
                                        score=f.score)
                    for i, f in enumerate(self.analysis.findings)]
        return LibraryCaseFileDetail(**self.public.model_dump(), messages=messages, findings=findings,
                              annotations=[a.public() for a in self.annotations])

    def annotations_on(self, message_id: str) -> list[ViewAnnotation]:
        return [a for a in self.annotations if a.kind == "span" and a.row.message_id == message_id]

    def gap_after(self, message_id: str) -> list[ViewAnnotation]:
        return [a for a in self.annotations if a.kind == "gap" and a.row.message_id == message_id]


def _words(analysis: Analysis, span: Span) -> str | None:
    message = analysis.conversation.find_message(span.message_id)
    if message is None or not 0 <= span.start < span.end <= len(message.text):
        return None
    return message.text[span.start:span.end]


def view_case_file(*, session: Session, case_file_id: int, viewer: Viewer, redact: bool | None = None,
                   row: CaseFileRow | None = None) -> CaseFileView:
    """The case file as `viewer` may see it. A case file they may not open is NotFound (its
    existence is not revealed). Coaches and leads may ask for the redacted view (`redact=True`)
    to check what others see; nobody who must see it redacted can ask for it unredacted."""
    row = row or repo.get_case_file(session=session, case_file_id=case_file_id)
    if not viewer.may_open(team=row.team, visibility=row.visibility):
        raise NotFound(f"No case file with id {case_file_id}.")
    redacted = viewer.sees_redacted(team=row.team) or bool(redact)
    analysis = analyses.load_analysis(session=session, row=row.conversation)
    stored = analysis
    title, lesson, ref = row.title, row.lesson, _ref(row)
    mover = None
    if redacted:
        from heard.privacy.redact import redact_analysis

        red = redact_analysis(analysis)
        analysis, mover = red.analysis, red
        title, lesson, *bodies = red.redact(row.title, row.lesson, *(a.body for a in row.annotations))
        c = analysis.conversation
        ref = ref.model_copy(update={"subject": c.subject, "customer": c.customer, "agent": c.agent,
                                     "external_id": f"{row.conversation_id}"})
    else:
        bodies = [a.body for a in row.annotations]
    views = []
    for a, body in zip(row.annotations, bodies):
        span = None
        if a.kind == "span" and a.start is not None and a.end is not None:
            original = Span(a.message_id, a.start, a.end)
            if _words(stored, original) is not None:
                span = mover.span(original) if mover else original
        views.append(ViewAnnotation(a, span, body or "", _words(analysis, span) if span else None))
    public = _public(row, redacted=redacted, title=title, lesson=lesson, conversation=ref)
    return CaseFileView(row, public, analysis, views, redacted,
                        mover.placeholders.redacted_words() if mover else frozenset())


def read_case_file(*, session: Session, case_file_id: int, viewer: Viewer, redact: bool | None = None) -> LibraryCaseFileDetail:
    return view_case_file(session=session, case_file_id=case_file_id, viewer=viewer, redact=redact).detail()


# -- conversations behind case files: who sees which, and how -------------------------------------------
def readable_conversations(*, session: Session, viewer: Viewer, conversation_ids: Sequence[int] | None = None
                           ) -> dict[int, bool] | None:
    """Which conversations `viewer` may see, each with True when they see it **redacted**.

    The case-file rules carried over to the conversations behind them (practice, search):

    - coaches and leads see every conversation, with the real words (returns None: no limit);
    - an agent sees their team's conversations with the real words: those of their queue, and
      those of their team's case files;
    - an agent sees the conversation of a case file shared beyond its team **redacted**;
    - any other conversation is not there for them (left out of the result).

    `conversation_ids` narrows the answer to those ids (None: every conversation)."""
    if viewer.may_curate:
        return None
    ids = list(conversation_ids) if conversation_ids is not None else None
    seen: dict[int, bool] = {}
    if viewer.team:
        query = select(ConversationRow.id).where(ConversationRow.queue == viewer.team)
        if ids is not None:
            query = query.where(ConversationRow.id.in_(ids))
        seen.update((i, False) for i in session.scalars(query))
    query = select(CaseFileRow.conversation_id, CaseFileRow.team, CaseFileRow.visibility)
    if ids is not None:
        query = query.where(CaseFileRow.conversation_id.in_(ids))
    for conversation_id, team, visibility in session.execute(query):
        if viewer.is_own_team(team):
            seen[conversation_id] = False
        elif visibility == "shared":
            seen.setdefault(conversation_id, True)
    return seen


def conversation_access(*, session: Session, conversation_id: int, viewer: Viewer | None) -> bool:
    """True when `viewer` sees this conversation redacted, False for the real words (see
    `readable_conversations`); NotFound when it is not there for them (its existence is not
    revealed). `viewer=None` is a trusted caller (the CLI): the real words."""
    conversations.get_conversation(session=session, conversation_id=conversation_id)
    if viewer is None:
        return False
    readable = readable_conversations(session=session, viewer=viewer, conversation_ids=[conversation_id])
    if readable is None:
        return False
    if conversation_id not in readable:
        raise NotFound(f"No conversation with id {conversation_id}.")
    return readable[conversation_id]


def real_words_condition(viewer: Viewer) -> ColumnElement[bool] | None:
    """A SQL condition on `ConversationRow`: the conversations `viewer` sees with the **real words**
    (the ones `readable_conversations` maps to False), for filtering lists in the query itself.
    None for coaches and leads (no limit); nothing at all for an agent of no team."""
    if viewer.may_curate:
        return None
    if not viewer.team:
        return false()
    own_case_files = select(CaseFileRow.conversation_id).where(CaseFileRow.team == viewer.team)
    return or_(ConversationRow.queue == viewer.team, ConversationRow.id.in_(own_case_files))


def shared_case_file_id(*, session: Session, conversation_id: int) -> int | None:
    """The first case file of this conversation shared beyond its team: where an agent who may only
    see the conversation redacted reads it (see `conversation_access`)."""
    return session.scalar(select(func.min(CaseFileRow.id)).where(CaseFileRow.conversation_id == conversation_id,
                                                                 CaseFileRow.visibility == "shared"))
