"""Intercom conversations with their `conversation_parts`.

Reads "Retrieve a conversation" responses (one object), a JSON array of them, or a
`{"type": "conversation.list", "conversations": [...]}` page. The conversation's `source` is
the first message; each part after it is a message (`comment`), an internal note (`note`,
public=False), or — for an assignment part — a system message "Assigned from X to Y". Other
parts (open, close, snoozed …) become messages only when they carry a body. Bodies are HTML
and are stripped to text, the HTML kept as `original_text`.
Field mapping and doc pages: docs/formats/helpdesks.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from heard.ingest._helpdesk import Record, Transfers, body_text, read_records
from heard.ingest.registry import ReadResult, reader
from heard.model import Channel, Conversation, Message, Role

SOURCE = "intercom"

ROLES = {"user": Role.customer, "lead": Role.customer, "contact": Role.customer,
         "admin": Role.agent, "team": Role.agent, "bot": Role.bot}
CHANNELS = {
    "conversation": Channel.chat, "push": Channel.chat, "chat": Channel.chat, "whatsapp": Channel.chat,
    "email": Channel.email,
    "facebook": Channel.social, "twitter": Channel.social, "instagram": Channel.social,
    "sms": Channel.sms,
    "phone_call": Channel.phone, "phone_switch": Channel.phone,
}
ASSIGNMENTS = {"assignment", "default_assignment", "away_mode_assignment", "assign_and_reopen", "assign_and_unsnooze"}
NOTES = {"note", "note_and_reopen"}


_CONVERSATION_TYPE = re.compile(rb'"type"\s*:\s*"conversation"')


def _looks_like_intercom(path: Path, head: bytes) -> bool:
    return (
        b'"conversation_parts"' in head
        or b'"conversation.list"' in head
        or (b'"delivered_as"' in head and _CONVERSATION_TYPE.search(head) is not None)
    )


@reader("intercom", sniff=_looks_like_intercom, priority=60)
def read_intercom(path: Path) -> Iterator[ReadResult]:
    """Every conversation in an Intercom file, as a Conversation (or an error naming its field)."""
    yield from read_records(Path(path), ("", "conversations"), "conversation", _conversation)


def _conversation(conversation: Record) -> Conversation:
    conversation_id = conversation.id()
    created = conversation.time("created_at", required=True)
    source = conversation.sub("source")
    parts = conversation.sub("conversation_parts").items("conversation_parts") \
        if conversation.data.get("conversation_parts") is not None else []
    names = _admin_names(source, parts)
    source_author = source.sub("author")
    text, original = body_text(source.get("body", str))
    messages = [Message(
        id=f"source-{source.get('id', (str, int), default=conversation_id)}", role=_role(source_author),
        text=text, original_text=original, sent_at=created, author=_author_name(source_author),
    )]
    transfers = Transfers()
    for part in parts:
        kind = part.get("part_type", str, required=True)
        at = part.time("created_at", required=True)
        author = part.sub("author")
        if kind in ASSIGNMENTS:
            change = transfers.assign(_assignee(part, names))
            if change:
                messages.append(Message(id=f"{part.id()}-assignment", role=Role.system, text=change, sent_at=at))
            if not part.get("body", str):
                continue
        elif kind not in NOTES and kind != "comment" and not part.get("body", str):
            continue  # open / close / snoozed … without words
        text, original = body_text(part.get("body", str))
        messages.append(Message(
            id=part.id(), role=_role(author), text=text, original_text=original, sent_at=at,
            author=_author_name(author), public=kind not in NOTES and kind not in ASSIGNMENTS,
        ))
    messages[1:] = sorted(messages[1:], key=lambda m: m.sent_at)
    return Conversation(
        source=SOURCE, external_id=conversation_id,
        channel=CHANNELS.get(source.get("type", str), Channel.chat), messages=tuple(messages),
        subject=conversation.get("title", str) or (body_text(source.get("subject", str))[0] or None),
        customer=_customer(conversation, source_author),
        agent=_name_of(conversation.get("admin_assignee_id", (int, str)), names),
        queue=_text(conversation.get("team_assignee_id", (int, str))), started_at=created,
        outcome=conversation.get("state", str), satisfaction=_rating(conversation), tags=_tags(conversation),
    )


def _role(author: Record) -> Role:
    return ROLES.get(author.get("type", str, required=True), Role.agent)


def _author_name(author: Record) -> str | None:
    return author.get("name", str) or author.get("email", str) or _text(author.get("id", (str, int)))


def _admin_names(source: Record, parts: list[Record]) -> dict[str, str]:
    names = {}
    for holder in [source, *parts]:
        author = holder.data.get("author")
        if isinstance(author, dict) and author.get("type") == "admin" and author.get("name"):
            names[str(author.get("id"))] = author["name"]
    return names


def _assignee(part: Record, names: dict[str, str]) -> str | None:
    if part.data.get("assigned_to") is None:
        return None
    assigned = part.sub("assigned_to")
    kind, ident = assigned.get("type", str), _text(assigned.get("id", (str, int)))
    if kind == "nobody_admin" or ident in (None, "0"):
        return None
    return f"team {ident}" if kind == "team" else names.get(ident, ident)


def _name_of(admin_id: Any, names: dict[str, str]) -> str | None:
    return None if admin_id in (None, 0, "0") else names.get(str(admin_id), str(admin_id))


def _customer(conversation: Record, source_author: Record) -> str | None:
    if _role(source_author) == Role.customer:
        return _author_name(source_author)
    if isinstance(conversation.data.get("contacts"), dict):
        contacts = conversation.sub("contacts").items("contacts")
        if contacts:
            return _text(contacts[0].get("id", (str, int)))
    return None


def _rating(conversation: Record) -> int | None:
    if conversation.data.get("conversation_rating") is None:
        return None
    rating = conversation.sub("conversation_rating")
    value = rating.get("rating", int)
    if value is not None and not 1 <= value <= 5:
        raise rating.error(f"rating must be 1..5, got {value}", "rating")
    return value


def _tags(conversation: Record) -> tuple[str, ...]:
    if conversation.data.get("tags") is None:
        return ()
    return tuple(tag.get("name", str, required=True) for tag in conversation.sub("tags").items("tags"))


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
