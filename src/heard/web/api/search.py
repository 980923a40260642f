"""Search: `/api/search?q=` (full text over messages, with filters) and
`/api/conversations/{id}/similar` (closest in meaning, by sentence embeddings).

Both follow the library's viewer rules (heard.library.search): coaches and leads search
everything; an agent their team's conversations, and other teams' shared case files redacted."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from heard.library.search import SearchFilters, search, similar_conversations
from heard.privacy.roles import Viewer
from heard.store.tables import ConversationRow
from heard.web.api.case_files import FilterQuery, ViewerDep
from heard.web.deps import SessionDep
from heard.web.templating import EMOTIONS

router = APIRouter(prefix="/api", tags=["search"])


class SearchQuery(FilterQuery):
    """Search filters: words, and the library's filters."""

    q: str | None = Field(None, description="Words that must all appear in one message (stemmed).")
    move: str | None = Field(None, description="A finding kind on the conversation, e.g. move.name_feeling.")
    emotion: Literal[EMOTIONS] | None = None  # type: ignore[valid-type]
    channel: str | None = None
    tag: str | None = Field(None, description="A conversation tag or a tag of one of its case files.")
    outcome: str | None = None
    limit: int = Field(50, ge=1, le=200)

    def filters(self) -> SearchFilters:
        return SearchFilters(move=self.move, emotion=self.emotion, channel=self.channel, tag=self.tag, outcome=self.outcome)


class ConversationHit(BaseModel):
    id: int
    external_id: str = Field(description="The source system's id (the conversation's id when redacted).")
    channel: str
    subject: str | None = None
    outcome: str | None = None
    redacted: bool = Field(False, description="This viewer sees the conversation redacted (another team's shared case file).")
    url: str = Field(description="Where to read it: the conversation, or its case file when redacted.")
    case_files: list[str] = Field([], description="Library pages of its case files (those this viewer may open).")


class SnippetPublic(BaseModel):
    message_id: str
    text: str


class SearchHitPublic(BaseModel):
    conversation: ConversationHit
    rank: float
    snippets: list[SnippetPublic]


class SearchResultsPublic(BaseModel):
    query: str
    data: list[SearchHitPublic]
    count: int


class SimilarHitPublic(BaseModel):
    conversation: ConversationHit
    similarity: float = Field(description="Cosine similarity of the two conversations' embeddings (−1…1).")


class SimilarPublic(BaseModel):
    conversation_id: int
    data: list[SimilarHitPublic]


def _hit(row: ConversationRow, case_file_ids: list[int], *, redacted: bool = False,
         subject: str | None = None) -> ConversationHit:
    case_files = [f"/library/{i}" for i in case_file_ids]
    return ConversationHit(id=row.id, external_id=str(row.id) if redacted else row.external_id, channel=row.channel,
                           subject=subject, outcome=row.outcome, redacted=redacted,
                           url=case_files[0] if redacted and case_files else f"/conversations/{row.id}",
                           case_files=case_files)


def read_search(*, session: Session, query: SearchQuery, viewer: Viewer | None = None) -> SearchResultsPublic:
    hits = search(session=session, query=query.q or "", filters=query.filters(), limit=query.limit, viewer=viewer)
    data = [SearchHitPublic(conversation=_hit(h.conversation, h.case_file_ids, redacted=h.redacted, subject=h.subject),
                            rank=round(h.rank, 4),
                            snippets=[SnippetPublic(message_id=m, text=t) for m, t in h.snippets]) for h in hits]
    return SearchResultsPublic(query=query.q or "", data=data, count=len(data))


def read_similar(*, session: Session, conversation_id: int, limit: int = 10, filters: SearchFilters | None = None,
                 viewer: Viewer | None = None) -> SimilarPublic:
    hits = similar_conversations(session=session, conversation_id=conversation_id, filters=filters, limit=limit,
                                 viewer=viewer)
    session.commit()  # keep the embeddings computed on the way
    return SimilarPublic(conversation_id=conversation_id,
                         data=[SimilarHitPublic(conversation=_hit(h.conversation, h.case_file_ids, redacted=h.redacted,
                                                                   subject=h.subject), similarity=h.similarity)
                               for h in hits])


@router.get("/search", response_model=SearchResultsPublic, summary="Search message text")
def search_conversations(session: SessionDep, viewer: ViewerDep, query: Annotated[SearchQuery, Query()]) -> SearchResultsPublic:
    """Conversations with a message containing every word of `q`, best first. The twin of `/search`.
    Coaches and leads search everything; an agent their team's conversations, and other teams'
    shared case files redacted (a query word that only matched a redacted name or number finds nothing there)."""
    return read_search(session=session, query=query, viewer=viewer)


@router.get("/conversations/{conversation_id}/similar", response_model=SimilarPublic, summary="Similar conversations")
def similar(conversation_id: int, session: SessionDep, viewer: ViewerDep,
            query: Annotated[SearchQuery, Query()]) -> SimilarPublic:
    """Conversations closest in meaning to this one (sentence embeddings, no download), with the same filters
    and the same viewer rules as `/api/search`."""
    return read_similar(session=session, conversation_id=conversation_id, limit=min(query.limit, 50),
                        filters=query.filters(), viewer=viewer)
