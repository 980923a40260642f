"""Freshdesk (API v2) tickets with their conversations.

Reads "View a Ticket" with `include=conversations` (one ticket object, or a JSON array of them
as a List Tickets export gives). The ticket's `description_text` is the first message (the
requester's, or the agent's for outbound email); each conversation is one more message:
`incoming: true` → customer, else agent; `private: true` → an internal note (public=False).
Field mapping and doc pages: docs/formats/helpdesks.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from heard.ingest._helpdesk import Record, body_text, read_records
from heard.ingest.registry import ReadResult, reader
from heard.model import Channel, Conversation, Message, Role

SOURCE = "freshdesk"

# The ticket `source` table (API v2 docs). 4 forum, 5 Twitter, 6 Facebook and 8 MobiHelp are
# older values still found in exports. Unknown codes read as email.
CHANNELS = {
    1: Channel.email, 2: Channel.email, 3: Channel.phone, 4: Channel.email, 5: Channel.social,
    6: Channel.social, 7: Channel.chat, 8: Channel.chat, 9: Channel.email, 10: Channel.email,
}
OUTBOUND_EMAIL = 10
STATUSES = {2: "open", 3: "pending", 4: "resolved", 5: "closed"}

_NUMERIC_SOURCE = re.compile(rb'"source"\s*:\s*\d')


def _looks_like_freshdesk(path: Path, head: bytes) -> bool:
    return (
        b'"requester_id"' in head
        and _NUMERIC_SOURCE.search(head) is not None
        and b'"via"' not in head
        and any(key in head for key in (b'"conversations"', b'"incoming"', b'"description_text"', b'"fr_escalated"'))
    )


@reader("freshdesk", sniff=_looks_like_freshdesk, priority=60)
def read_freshdesk(path: Path) -> Iterator[ReadResult]:
    """Every ticket in a Freshdesk file, as a Conversation (or an error naming its field)."""
    yield from read_records(Path(path), ("",), "ticket", _conversation)


def _conversation(ticket: Record) -> Conversation:
    ticket_id = ticket.id()
    created = ticket.time("created_at", required=True)
    source = ticket.get("source", int, required=True)
    requester_id = ticket.get("requester_id", (int, str))
    requester = _requester_name(ticket, requester_id)
    text, original = body_text(ticket.get("description", str), ticket.get("description_text", str))
    messages = [Message(
        id=f"{ticket_id}-description", text=text, original_text=original, sent_at=created,
        role=Role.agent if source == OUTBOUND_EMAIL else Role.customer,
        author=None if source == OUTBOUND_EMAIL else requester,
    )]
    for note in ticket.items("conversations"):
        user_id = note.get("user_id", (int, str))
        text, original = body_text(note.get("body", str), note.get("body_text", str))
        messages.append(Message(
            id=note.id(), text=text, original_text=original, sent_at=note.time("created_at", required=True),
            role=Role.customer if note.get("incoming", bool, default=False) else Role.agent,
            public=not note.get("private", bool, default=False),
            author=requester if user_id is not None and str(user_id) == str(requester_id) else _str(user_id),
        ))
    messages[1:] = sorted(messages[1:], key=lambda m: m.sent_at)
    tags = ticket.get("tags", list, default=[])
    if not all(isinstance(t, str) for t in tags):
        raise ticket.error("expected an array of strings", "tags")
    return Conversation(
        source=SOURCE, external_id=ticket_id, channel=CHANNELS.get(source, Channel.email),
        messages=tuple(messages), subject=ticket.get("subject", str), customer=requester,
        agent=_str(ticket.get("responder_id", (int, str))), queue=_str(ticket.get("group_id", (int, str))),
        started_at=created, outcome=STATUSES.get(ticket.get("status", int)), tags=tuple(tags),
    )


def _requester_name(ticket: Record, requester_id: Any) -> str | None:
    """The side-loaded requester's name (`include=requester`), else the requester id."""
    if isinstance(ticket.data.get("requester"), dict):
        requester = ticket.sub("requester")
        return requester.get("name", str) or requester.get("email", str) or _str(requester_id)
    return _str(requester_id)


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
