"""The conversation repository: idempotent import, lookup, filtered listing.

Conversations are keyed by (source, external_id) and messages by their id within the
conversation, so importing the same export again changes nothing, and an export in which a
conversation grew adds only its new messages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Literal

from sqlalchemy import ColumnElement, and_, exists, func, insert, or_, select, text, update
from sqlalchemy.orm import Session, selectinload

from heard.errors import NotFound
from heard.model import Channel, Conversation, Message, Role
from heard.store.tables import ConversationRow, FindingRow, MessageRow, utc_naive

ImportStatus = Literal["created", "updated", "unchanged"]
_MESSAGE_FIELDS = ("role", "author", "text", "original_text", "sent_at", "utc_offset", "start_s", "end_s", "public")


@dataclass
class ImportCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    messages_added: int = 0

    def add(self, status: ImportStatus) -> None:
        setattr(self, status, getattr(self, status) + 1)


def import_conversations(*, session: Session, conversations: Sequence[Conversation]) -> ImportCounts:
    """Upsert a batch of conversations in the session's transaction (the caller commits).

    One light query finds which keys are stored already; only those are loaded (with their
    messages) and merged. New conversations and their messages go to the driver's executemany,
    and SQLite's full-text table is fed once for the whole batch."""
    counts = ImportCounts()
    batch = _last_per_key(conversations)
    connection = session.connection()
    known = _ids_by_key(connection, [c.key for c in batch])
    last_message_id = connection.exec_driver_sql("SELECT max(id) FROM messages").scalar() or 0
    if known:
        rows = _rows_with_messages(session, list(known.values()))
        for conversation in batch:
            if conversation.key in known:
                status, added = _merge(session, rows[known[conversation.key]], conversation)
                counts.add(status)
                counts.messages_added += added
    fresh = [c for c in batch if c.key not in known]
    if fresh:
        counts.created += len(fresh)
        counts.messages_added += _insert_fresh(session, fresh)
    if counts.messages_added:
        session.flush()
        _index_text(session, after_id=last_message_id)
    return counts


def _index_text(session: Session, *, after_id: int) -> None:
    """Add the batch's new messages to SQLite's full-text table in one statement (PostgreSQL's
    expression index needs nothing). Edits and deletions are kept in sync by triggers."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("INSERT INTO messages_fts(rowid, text) SELECT id, text FROM messages WHERE id > :after"),
                        {"after": after_id})


_CONVERSATION_COLUMNS = ("source", "external_id", "channel", "subject", "customer", "agent", "queue", "started_at",
                         "outcome", "satisfaction", "tags")
_MESSAGE_COLUMNS = ("conversation_id", "external_id", "position", "role", "author", "text", "original_text",
                    "sent_at", "utc_offset", "start_s", "end_s", "public")


def _insert_fresh(session: Session, fresh: list[Conversation]) -> int:
    """Insert conversations that are not stored yet, and all their messages; returns how many
    messages. This is the hot path of large imports: rows are built as plain tuples and go
    straight to the driver's executemany, where SQLAlchemy's per-parameter processing used to
    cost more than the inserts themselves. The new ids come back in one query (every id above
    the largest before the insert), not one RETURNING per row."""
    connection = session.connection()
    sqlite = connection.dialect.name == "sqlite"
    before = connection.exec_driver_sql("SELECT max(id) FROM conversations").scalar() or 0
    if sqlite:
        _executemany(connection, ConversationRow.__tablename__, _CONVERSATION_COLUMNS, [
            (c.source, c.external_id, c.channel.value, c.subject, c.customer, c.agent, c.queue,
             _sqlite_time(c.started_at), c.outcome, c.satisfaction, json.dumps(list(c.tags)) if c.tags else "[]")
            for c in fresh])
    else:  # Core, for the dialect's own JSON and time handling (conversations are the few rows)
        session.execute(insert(ConversationRow.__table__), [_conversation_values(c) for c in fresh])
    new_ids = dict(_rows(connection, "SELECT source, external_id, id FROM conversations WHERE id > ?", (before,)))
    stamp = _sqlite_stamp if sqlite else _utc_stamp
    rows = [
        (conversation_id, m.id, position, _ROLE_TEXT[m.role], m.author, m.text, m.original_text,
         *stamp(m.sent_at), m.start_s, m.end_s, m.public)
        for c in fresh
        for conversation_id in (new_ids[c.key],)
        for position, m in enumerate(c.messages)
    ]
    if rows:
        _executemany(connection, MessageRow.__tablename__, _MESSAGE_COLUMNS, rows)
    return len(rows)


_ROLE_TEXT = {role: role.value for role in Role}


def _executemany(connection, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    quote = connection.dialect.identifier_preparer.quote
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(map(quote, columns))}) VALUES ({', '.join([marker] * len(columns))})", rows
    )


def _rows(connection, sql: str, params: tuple) -> list[tuple]:
    """A raw query with qmark placeholders, on any driver."""
    if connection.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    return [(tuple(row[:-1]), row[-1]) for row in connection.exec_driver_sql(sql, params)]


def _sqlite_time(value):
    """The text SQLAlchemy's SQLite DateTime stores."""
    value = utc_naive(value)
    return None if value is None else value.isoformat(" ", "microseconds")


def _sqlite_stamp(value: datetime | None) -> tuple[str | None, int | None]:
    """(the UTC time as SQLAlchemy's SQLite DateTime stores it, the sender's offset in minutes)."""
    if value is None:
        return None, None
    text = value.isoformat(" ", "microseconds")  # "YYYY-MM-DD HH:MM:SS.ffffff" and the offset, if any
    if len(text) == 26:  # naive: taken as UTC, offset unknown
        return text, None
    if text.endswith("+00:00"):
        return text[:26], 0
    offset = value.utcoffset()
    return (value - offset).replace(tzinfo=None).isoformat(" ", "microseconds"), int(offset.total_seconds() // 60)


def _utc_stamp(value: datetime | None) -> tuple[datetime | None, int | None]:
    return utc_naive(value), _offset_minutes(value)


def _last_per_key(conversations: Sequence[Conversation]) -> list[Conversation]:
    """One conversation per key; a key met twice in one batch is merged message by message."""
    merged: dict[tuple[str, str], Conversation] = {}
    for c in conversations:
        if c.key in merged:
            known = {m.id: m for m in merged[c.key].messages}
            known.update({m.id: m for m in c.messages})
            c = Conversation(**{**c.__dict__, "messages": tuple(known.values())})
        merged[c.key] = c
    return list(merged.values())


_IDS_PER_QUERY = 900  # parameters: under SQLite's old limit of 999


def _ids_by_key(connection, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The stored ids of those of `keys` that exist: `source = ? AND external_id IN (…)` per
    source, which both SQLite and PostgreSQL answer from the unique index. (A row-value
    `(source, external_id) IN (VALUES …)` made SQLite scan the whole index for every batch.)"""
    by_source: dict[str, list[str]] = {}
    for source, external_id in keys:
        by_source.setdefault(source, []).append(external_id)
    found: dict[tuple[str, str], int] = {}
    for source, external_ids in by_source.items():
        for i in range(0, len(external_ids), _IDS_PER_QUERY):
            chunk = external_ids[i:i + _IDS_PER_QUERY]
            found.update(_rows(connection, "SELECT source, external_id, id FROM conversations "
                                           f"WHERE source = ? AND external_id IN ({', '.join(['?'] * len(chunk))})",
                               (source, *chunk)))
    return found


def _rows_with_messages(session: Session, ids: list[int]) -> dict[int, ConversationRow]:
    rows = session.scalars(
        select(ConversationRow).where(ConversationRow.id.in_(ids)).options(selectinload(ConversationRow.messages))
    )
    return {row.id: row for row in rows}


def _merge(session: Session, row: ConversationRow, conversation: Conversation) -> tuple[ImportStatus, int]:
    changed = False
    for name, value in _conversation_values(conversation).items():
        if getattr(row, name) != value and value not in (None, []):
            setattr(row, name, value)
            changed = True
    known = {m.external_id: m for m in row.messages}
    added = 0
    for message in conversation.messages:
        values = _message_values(row.id, 0, message)
        stored = known.get(message.id)
        if stored is None:
            values["position"] = len(row.messages)
            row.messages.append(MessageRow(**values))
            added += 1
        elif any(getattr(stored, f) != values[f] for f in _MESSAGE_FIELDS):
            for f in _MESSAGE_FIELDS:
                setattr(stored, f, values[f])
            changed = True
    if added or changed:
        row.analyzed_at = None  # stale: analyse again
        return "updated", added
    return "unchanged", 0


def _conversation_values(c: Conversation) -> dict:
    return {
        "source": c.source, "external_id": c.external_id, "channel": c.channel.value,
        "subject": c.subject, "customer": c.customer, "agent": c.agent, "queue": c.queue,
        "started_at": c.started_at, "outcome": c.outcome, "satisfaction": c.satisfaction,
        "tags": list(c.tags),
    }


def _message_values(conversation_id: int, position: int, m: Message) -> dict:
    return {
        "conversation_id": conversation_id, "external_id": m.id, "position": position,
        "role": m.role.value, "author": m.author, "text": m.text, "original_text": m.original_text,
        "sent_at": m.sent_at, "utc_offset": _offset_minutes(m.sent_at), "start_s": m.start_s, "end_s": m.end_s,
        "public": m.public,
    }


def _offset_minutes(value: datetime | None) -> int | None:
    offset = value.utcoffset() if value is not None else None
    return None if offset is None else int(offset.total_seconds() // 60)


def _local(value: datetime | None, offset: int | None) -> datetime | None:
    """A stored UTC time back in its sender's own offset."""
    if value is None or offset is None:
        return value
    return value.astimezone(timezone(timedelta(minutes=offset)))


def get_conversation(*, session: Session, conversation_id: int) -> ConversationRow:
    row = session.get(ConversationRow, conversation_id)
    if row is None:
        raise NotFound(f"No conversation with id {conversation_id}.")
    return row


def find_conversation(*, session: Session, source: str, external_id: str) -> ConversationRow | None:
    return session.scalar(
        select(ConversationRow).where(ConversationRow.source == source, ConversationRow.external_id == external_id)
    )


def to_model(row: ConversationRow) -> Conversation:
    """The stored conversation as Heard's model."""
    messages = tuple(
        Message(id=m.external_id, role=Role(m.role), text=m.text, sent_at=_local(m.sent_at, m.utc_offset), author=m.author,
                start_s=m.start_s, end_s=m.end_s, public=m.public, original_text=m.original_text)
        for m in sorted(row.messages, key=lambda m: m.position)
    )
    return Conversation(
        source=row.source, external_id=row.external_id, channel=Channel(row.channel), messages=messages,
        subject=row.subject, customer=row.customer, agent=row.agent, queue=row.queue,
        started_at=row.started_at, outcome=row.outcome, satisfaction=row.satisfaction, tags=tuple(row.tags or ()),
    )


SORTS = {
    "newest": ConversationRow.started_at.desc(),
    "oldest": ConversationRow.started_at.asc(),
    "score": ConversationRow.score.desc(),
    "-score": ConversationRow.score.asc(),
    "satisfaction": ConversationRow.satisfaction.desc(),
    "-satisfaction": ConversationRow.satisfaction.asc(),
}


@dataclass
class ConversationFilters:
    """What a list of conversations can be narrowed by."""

    channel: str | None = None
    agent: str | None = None
    queue: str | None = None
    score_min: float | None = None
    score_max: float | None = None
    emotion: str | None = None
    has_recovery: bool | None = None
    broken_promise: bool | None = None
    kinds: list[str] = field(default_factory=list)
    q: str | None = None


def _has_kind(kind: str):
    return exists().where(FindingRow.conversation_id == ConversationRow.id, FindingRow.kind == kind)


def _conditions(f: ConversationFilters) -> list:
    conditions = [
        column == value
        for column, value in (
            (ConversationRow.channel, f.channel), (ConversationRow.agent, f.agent), (ConversationRow.queue, f.queue)
        )
        if value
    ]
    if f.score_min is not None:
        conditions.append(ConversationRow.score >= f.score_min)
    if f.score_max is not None:
        conditions.append(ConversationRow.score <= f.score_max)
    if f.emotion:
        conditions.append(_has_kind(f"emotion.{f.emotion}"))
    for flag, kind in ((f.has_recovery, "conversation.recovery"), (f.broken_promise, "promise.missed")):
        if flag is not None:
            conditions.append(_has_kind(kind) if flag else ~_has_kind(kind))
    conditions.extend(_has_kind(k) for k in f.kinds)
    if f.q:
        pattern = f"%{f.q}%"
        conditions.append(or_(ConversationRow.subject.ilike(pattern), ConversationRow.customer.ilike(pattern),
                              ConversationRow.external_id.ilike(pattern)))
    return conditions


def list_conversations(
    *, session: Session, filters: ConversationFilters | None = None, sort: str = "newest",
    limit: int = 50, offset: int = 0, where: ColumnElement[bool] | None = None,
) -> tuple[list[ConversationRow], int]:
    """A page of conversations matching `filters` (and `where`, e.g. a viewer's rule), and how
    many match in all."""
    where = and_(True, *_conditions(filters or ConversationFilters()), *([] if where is None else [where]))
    total = session.scalar(select(func.count()).select_from(ConversationRow).where(where)) or 0
    order = SORTS.get(sort)
    if order is None:
        raise ValueError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    rows = session.scalars(
        select(ConversationRow).where(where).order_by(order.nulls_last(), ConversationRow.id).limit(limit).offset(offset)
    ).all()
    return list(rows), total


def distinct_values(*, session: Session, column: str, where: ColumnElement[bool] | None = None) -> list[str]:
    """The values present in a column (for filter menus), among the rows matching `where`."""
    col = getattr(ConversationRow, column)
    query = select(col).distinct().where(col.is_not(None)).order_by(col)
    return list(session.scalars(query if where is None else query.where(where)))


def iter_stale_ids(*, session: Session) -> list[int]:
    """Ids of conversations not yet analysed since they last changed."""
    return list(session.scalars(select(ConversationRow.id).where(ConversationRow.analyzed_at.is_(None)).order_by(ConversationRow.id)))


def mark_all_stale(*, session: Session) -> None:
    session.execute(update(ConversationRow).values(analyzed_at=None))


def iter_conversations(*, session: Session, ids: Iterable[int]) -> list[ConversationRow]:
    return list(session.scalars(
        select(ConversationRow).where(ConversationRow.id.in_(list(ids))).options(selectinload(ConversationRow.messages))
    ))
