"""Zendesk Support exports: tickets with their comments, ticket audits, incremental exports.

Shapes read (field mapping and doc pages: docs/formats/helpdesks.md):

- `{"tickets": [...]}` — List Tickets or the Incremental Ticket Export (`end_of_stream`,
  `after_cursor` …), with side-loaded `users` and `groups` when the export asked for them
  (`include=users,groups`). A ticket's messages are its `comments` when the ticket carries
  them, else `comments/<ticket id>.json` next to the file (a List Comments response), else
  its `description` alone, as the requester's first message.
- `{"ticket": {...}, "comments": [...]}` — Show Ticket with its List Comments response beside
  it; or a JSON array of such objects.
- `{"audits": [...]}` — List Audits: Comment events become messages, a Change (or Create) of
  `assignee_id` becomes a system message "Assigned from X to Y" at the audit's time.
- `{"ticket_events": [...]}` — the Incremental Ticket Event Export (`include=comment_events`):
  the same, from each event's `child_events`, gathered by `ticket_id` (events of many tickets come
  in time order); a Create or Change child event carries its field as its own key.

Tickets stream one by one (ijson), so big exports never load whole. A bad ticket yields an
`InvalidRecord` naming file, ticket and field, and the next ticket is still read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ijson

from heard.errors import InvalidRecord
from heard.ingest._helpdesk import (
    Broken, Item, Record, Transfers, Utf8Repair, Value, body_text, broken_file_error, find_bad_bytes, parse_time,
    stream_json,
)
from heard.ingest.registry import ReadResult, reader
from heard.model import Channel, Conversation, Message, Role

SOURCE = "zendesk"

# via.channel → Heard channel. Web forms, the API, Help Center and rules are written like
# email (asynchronous, long-form); anything not listed is email too.
CHANNELS: dict[str | int, Channel] = {
    "email": Channel.email, "web": Channel.email, "api": Channel.email, "help_center": Channel.email,
    "mobile": Channel.email, "rule": Channel.email, "system": Channel.email,
    "chat": Channel.chat, "native_messaging": Channel.chat, "messaging": Channel.chat,
    "web_widget": Channel.chat, "mobile_sdk": Channel.chat, "whatsapp": Channel.chat,
    "line": Channel.chat, "wechat": Channel.chat,
    "voice": Channel.phone,
    "twitter": Channel.social, "facebook": Channel.social, "instagram_dm": Channel.social,
    "sms": Channel.sms,
    # numeric via ids (Via Types table): 0 web form, 4 email, 5 web service, 29 chat,
    # 30 twitter, 34 voicemail, 35 inbound call, 38 facebook post, 44 outbound call, 57 sms
    0: Channel.email, 4: Channel.email, 5: Channel.email, 29: Channel.chat, 30: Channel.social,
    34: Channel.phone, 35: Channel.phone, 38: Channel.social, 44: Channel.phone, 57: Channel.sms,
}
ROLES = {"end-user": Role.customer, "agent": Role.agent, "admin": Role.agent}
SCORES = {"good": 5, "bad": 1}

_ARRAYS = ("", "tickets", "audits", "ticket_events")
# The ticket fields a conversation uses, as a Create or Change child event of a ticket event names
# them: as its own key ("status": "open"), where an audit event says "field_name" and "value".
_EVENT_FIELDS = ("requester_id", "assignee_id", "subject", "group_id", "status", "tags")


def _looks_like_zendesk(path: Path, head: bytes) -> bool:
    return b'"via"' in head and (b'"requester_id"' in head or b'"audits"' in head or b'"author_id"' in head)


@reader("zendesk", sniff=_looks_like_zendesk, priority=60)
def read_zendesk(path: Path) -> Iterator[ReadResult]:
    """Every ticket in a Zendesk export file, as a Conversation (or an error naming its field)."""
    path = Path(path)
    side = _side_loads(path)
    rest: dict[str, Any] = {}
    audits: dict[str, list[Record]] = {}
    last = None
    for part in stream_json(path, _ARRAYS):
        if isinstance(part, Broken):
            yield broken_file_error(part, path=path, record=_next_record(last))
            return
        if isinstance(part, Value):
            rest[part.key] = part.value
            continue
        last = part
        if part.array in ("audits", "ticket_events"):
            result = _collect_audit(part, path, audits)
            if result is not None:
                yield result
            continue
        yield from _ticket_item(part, path, side)
    if audits:
        yield from (_from_audits(ticket_id, items, path, side) for ticket_id, items in audits.items())
    elif "ticket" in rest:
        yield _safe(lambda: _from_ticket(Record(rest["ticket"], path=path, name=_name(rest["ticket"], None)),
                                         rest.get("comments"), path, side), path, _name(rest["ticket"], None))
    elif "comments" in rest and not _is_sibling_comments(path):
        yield InvalidRecord(
            "comments without their ticket: put them in comments/<ticket id>.json beside the tickets file, "
            "or in one object {\"ticket\": {...}, \"comments\": [...]}",
            path=str(path), record=None, field="comments",
        )


def _next_record(last: Item | None) -> str:
    return f"index {last.index + 1}" if last is not None else "index 0"


def _name(data: Any, index: int | None) -> str:
    if isinstance(data, dict) and isinstance(data.get("id"), (int, str)) and not isinstance(data.get("id"), bool):
        return f"ticket {data['id']}"
    return f"index {index}" if index is not None else "ticket (no id)"


def _safe(build, path: Path, name: str) -> ReadResult:
    try:
        return build()
    except InvalidRecord as error:
        return error


def _bad_bytes(data: Any, path: Path, name: str, *, clean: bool = False) -> InvalidRecord | None:
    found = None if clean else find_bad_bytes(data)
    if found is None:
        return None
    field, reason = found
    return InvalidRecord(reason, path=str(path), record=name, field=field or None)


def _ticket_item(part: Item, path: Path, side: dict) -> Iterator[ReadResult]:
    name = _name(part.value, part.index)
    if (error := _bad_bytes(part.value, path, name, clean=part.clean)) is not None:
        yield error
        return
    data = part.value
    if part.array == "" and isinstance(data, dict) and "ticket" in data:  # [{"ticket":…, "comments":…}]
        name = _name(data["ticket"], part.index)
        yield _safe(lambda: _from_ticket(Record(data["ticket"], path=path, name=name, prefix="ticket"),
                                         data.get("comments"), path, side), path, name)
        return
    yield _safe(lambda: _from_ticket(Record(data, path=path, name=name), None, path, side), path, name)


# -- side-loads: users and groups, read in a first pass (they come after the tickets) ----------
def _side_loads(path: Path) -> dict:
    """Users and groups by id. Only their items are built: the tickets are skipped, not loaded."""
    users: dict[str, dict] = {}
    groups: dict[str, str] = {}
    for array, target in (("users", users), ("groups", groups)):
        if not _may_hold_key(path, array):
            continue  # a byte scan is ten times cheaper than a parse
        with open(path, "rb") as raw:
            try:
                for item in ijson.items(Utf8Repair(raw), f"{array}.item", use_float=True):
                    if isinstance(item, dict) and "id" in item:
                        target[str(item["id"])] = item if array == "users" else item.get("name")
            except ijson.JSONError:
                pass  # the main pass reports where the file breaks
    return {"users": users, "groups": {k: v for k, v in groups.items() if isinstance(v, str)}}


def _may_hold_key(path: Path, key: str) -> bool:
    """Whether the file could hold the JSON key `key`: its quoted name is in the bytes, or a \\u
    escape that spells one of its letters is (JSON allows either)."""
    literal = f'"{key}"'.encode()
    escape = re.compile(rb"\\u00(?:" + b"|".join(f"{ord(c):02x}".encode() for c in set(key)) + rb")", re.IGNORECASE)
    tail = b""
    with open(path, "rb") as raw:
        while chunk := raw.read(1 << 20):
            window = tail + chunk
            if literal in window or escape.search(window):
                return True
            tail = window[-len(literal):]
    return False


def _user_name(user_id: Any, side: dict) -> str | None:
    if user_id is None:
        return None
    user = side["users"].get(str(user_id), {})
    return user.get("name") or user.get("email") or str(user_id)


def _role(author_id: Any, requester_id: Any, side: dict) -> Role:
    user = side["users"].get(str(author_id))
    if user and user.get("role") in ROLES:
        return ROLES[user["role"]]
    return Role.customer if author_id is not None and str(author_id) == str(requester_id) else Role.agent


def _channel(via: Record | str | None) -> Channel:
    """The channel of a `via` object, or of a ticket event's `via` name ("Web form", "Mail", "Chat")."""
    if via is None:
        return Channel.email
    channel = via.lower().replace(" ", "_") if isinstance(via, str) else via.get("channel", (str, int))
    return CHANNELS.get(channel, Channel.email)


def _satisfaction(ticket: Record) -> int | None:
    if ticket.data.get("satisfaction_rating") is None:
        return None
    rating = ticket.sub("satisfaction_rating")
    score = rating.get("score", (str, int, float))
    if isinstance(score, str):
        return SCORES.get(score)  # "offered" / "unoffered" are no answer
    if score is not None and not 1 <= score <= 5:
        raise rating.error(f"score must be 1..5, got {score}", "score")
    return int(score) if score is not None else None


# -- tickets with comments ----------------------------------------------------------------------
def _from_ticket(ticket: Record, comments: Any, path: Path, side: dict) -> Conversation:
    ticket_id = ticket.id()
    requester_id = ticket.get("requester_id", (int, str))
    created = ticket.time("created_at", required=True)
    if comments is None:
        comments = ticket.data.get("comments")
    if comments is None:
        comments = _sibling_comments(path, ticket_id)
    messages: list[Message] = []
    if comments is not None:
        holder = Record({"comments": comments}, path=ticket.path, name=ticket.name)
        if not isinstance(comments, list):
            holder.items("comments")  # raises, naming the field
        authors: dict[Any, tuple[Role, str | None]] = {}  # author id → role and name, within this ticket
        for index, data in enumerate(comments):
            message = _plain_comment(data, requester_id, side, authors)
            if message is None:
                message = _comment_message(holder.sub("comments", index), requester_id, side)
            messages.append(message)
    else:
        description = ticket.get("description", str)
        if description is None:
            raise ticket.error("a ticket needs comments or a description", "description")
        messages.append(Message(id=f"{ticket_id}-description", role=Role.customer, text=description,
                                sent_at=created, author=_user_name(requester_id, side)))
    if not messages:
        raise ticket.error("the ticket has no comments", "comments")
    messages.sort(key=lambda m: m.sent_at or created)
    via = ticket.sub("via") if ticket.data.get("via") is not None else None
    tags = ticket.get("tags", list, default=[])
    if not all(isinstance(t, str) for t in tags):
        raise ticket.error("expected an array of strings", "tags")
    group_id = ticket.get("group_id", (int, str))
    return Conversation(
        source=SOURCE, external_id=ticket_id, channel=_channel(via), messages=tuple(messages),
        subject=ticket.get("subject", str) or ticket.get("raw_subject", str),
        customer=_user_name(requester_id, side), agent=_user_name(ticket.get("assignee_id", (int, str)), side),
        queue=_group_name(group_id, side), started_at=created, outcome=ticket.get("status", str),
        satisfaction=_satisfaction(ticket), tags=tuple(tags),
    )


def _group_name(group_id: Any, side: dict) -> str | None:
    return None if group_id is None else side["groups"].get(str(group_id), str(group_id))


_ID = frozenset({int, str})
_ID_OR_NONE = frozenset({int, str, type(None)})
_TEXT_OR_NONE = frozenset({str, type(None)})


def _plain_comment(data: Any, requester_id: Any, side: dict, authors: dict | None = None) -> Message | None:
    """The message of a comment in the usual shape (a plain-text body, every field of its type),
    as `_comment_message` reads it but without its checks; None for any other comment, which
    `_comment_message` then reads or rejects naming the field. Most comments of a big export
    come this way."""
    if data.__class__ is not dict:
        return None
    comment_id, author_id, created = data.get("id"), data.get("author_id"), data.get("created_at")
    body, public = data.get("body"), data.get("public", True)
    if not (comment_id.__class__ in _ID and author_id.__class__ in _ID_OR_NONE and created.__class__ in _TEXT_OR_NONE
            and body.__class__ is str and public.__class__ is bool and data.get("html_body").__class__ in _TEXT_OR_NONE):
        return None
    try:
        sent_at = None if created is None else parse_time(created)
    except ValueError:
        return None
    known = None if authors is None else authors.get(author_id)
    if known is None:
        known = (_role(author_id, requester_id, side), _user_name(author_id, side))
        if authors is not None:
            authors[author_id] = known
    return Message(id=str(comment_id), role=known[0], text=body, original_text=None, sent_at=sent_at, author=known[1],
                   public=public)


def _comment_message(comment: Record, requester_id: Any, side: dict) -> Message:
    author_id = comment.get("author_id", (int, str))
    text, original = body_text(comment.get("html_body", str),
                               comment.get("body", str) if "body" in comment.data else comment.get("plain_body", str))
    return Message(
        id=comment.id(), role=_role(author_id, requester_id, side), text=text, original_text=original,
        sent_at=comment.time("created_at"), author=_user_name(author_id, side),
        public=comment.get("public", bool, default=True),
    )


def _sibling_comments(path: Path, ticket_id: str) -> list | None:
    """comments/<ticket id>.json beside the tickets file (a List Comments response), if any."""
    candidate = path.parent / "comments" / f"{ticket_id}.json"
    if not candidate.is_file():
        return None
    parts = list(stream_json(candidate, ("comments",)))
    for part in parts:
        if isinstance(part, Broken):
            raise InvalidRecord(broken_file_error(part, path=candidate, record=None).reason,
                                path=str(candidate), record=f"ticket {ticket_id}")
    comments = [p.value for p in parts if isinstance(p, Item)]
    if (found := find_bad_bytes(comments)) is not None:
        raise InvalidRecord(found[1], path=str(candidate),
                            record=f"ticket {ticket_id}", field=f"comments.{found[0]}")
    return comments


def _is_sibling_comments(path: Path) -> bool:
    return path.parent.name == "comments" and re.fullmatch(r"\d+", path.stem) is not None


# -- audits --------------------------------------------------------------------------------------
def _collect_audit(part: Item, path: Path, audits: dict[str, list[Record]]) -> InvalidRecord | None:
    what = "audit" if part.array == "audits" else "ticket event"
    name = f"{what} {part.value['id']}" if isinstance(part.value, dict) and "id" in part.value else f"index {part.index}"
    if (error := _bad_bytes(part.value, path, name, clean=part.clean)) is not None:
        return error
    try:
        audit = Record(part.value, path=path, name=name)
        ticket_id = audit.id("ticket_id")
    except InvalidRecord as error:
        return error
    audits.setdefault(ticket_id, []).append(audit)
    return None


def _from_audits(ticket_id: str, audits: list[Record], path: Path, side: dict) -> ReadResult:
    try:
        return _audit_conversation(ticket_id, audits, side)
    except InvalidRecord as error:  # names the audit and the event field
        return error


# (events, event type, author) keys of a List Audits audit, and of a ticket event.
_KEYS = {False: ("events", "type", "author_id"), True: ("child_events", "event_type", "updater_id")}


def _is_ticket_event(audit: Record) -> bool:
    return "child_events" in audit.data


def _changes(event: Record, ticket_event: bool) -> list[tuple[str, Any]]:
    """(field, value) of what a Create or Change event sets."""
    if ticket_event:
        return [(field, event.data[field]) for field in _EVENT_FIELDS if field in event.data]
    return [(event.get("field_name", str, required=True), event.data.get("value"))]


def _audit_conversation(ticket_id: str, audits: list[Record], side: dict) -> Conversation:
    audits = sorted(audits, key=lambda a: a.time("created_at", required=True))
    fields: dict[str, Any] = {}
    messages: list[Message] = []
    transfers = Transfers()
    satisfaction = None
    for audit in audits:
        at = audit.time("created_at", required=True)
        ticket_event = _is_ticket_event(audit)
        events_key, type_key, author_key = _KEYS[ticket_event]
        events = [(event.get(type_key, str, required=True), event) for event in audit.items(events_key)]
        # One audit's events happen at once: its fields (the requester above all) hold for its comments.
        fields.update(fv for kind, event in events if kind in ("Create", "Change") for fv in _changes(event, ticket_event))
        for kind, event in events:
            if kind in ("Create", "Change"):
                for field, value in _changes(event, ticket_event):
                    fields[field] = value
                    if field == "assignee_id":
                        text = transfers.assign(_user_name(value, side) if value not in (None, "") else None)
                        if text and kind == "Change":  # the assignee set at creation is no transfer
                            messages.append(Message(id=f"{event.id()}", role=Role.system, text=text, sent_at=at))
            elif kind == "Comment":
                author_id = event.get("author_id", (int, str)) or audit.get(author_key, (int, str))
                text, original = body_text(event.get("html_body", str),
                                           event.get("body", str) if "body" in event.data else event.get("plain_body", str))
                messages.append(Message(
                    id=event.id(), role=_role(author_id, fields.get("requester_id"), side), text=text,
                    original_text=original, sent_at=at, author=_user_name(author_id, side),
                    public=event.get("public", bool, default=True),
                ))
            elif kind == "SatisfactionRating":
                score = event.get("score", (str, int))
                satisfaction = SCORES.get(score) if isinstance(score, str) else score
    first = audits[0]
    if not any(m.role != Role.system for m in messages):
        if _is_ticket_event(first):
            raise first.error("no Comment event in this ticket's audits"
                              " (an Incremental Ticket Event Export needs include=comment_events)", "child_events")
        raise first.error("no Comment event in this ticket's audits", "events")
    via = first.data.get("via")
    via = first.sub("via") if isinstance(via, dict) else via
    tags = fields.get("tags") or []
    if isinstance(tags, str):
        tags = tags.split()
    requester = fields.get("requester_id")
    return Conversation(
        source=SOURCE, external_id=ticket_id, channel=_channel(via), messages=tuple(messages),
        subject=fields.get("subject") if isinstance(fields.get("subject"), str) else None,
        customer=_user_name(requester, side), agent=transfers.current,
        queue=_group_name(fields.get("group_id") or None, side), started_at=first.time("created_at"),
        outcome=fields.get("status") if isinstance(fields.get("status"), str) else None,
        satisfaction=satisfaction, tags=tuple(str(t) for t in tags),
    )
