"""Help Scout (Mailbox API 2.0) conversations with their threads (`embed=threads`).

Reads "Get conversation" responses (one object), a JSON array of them, or a List
Conversations page (`{"_embedded": {"conversations": [...]}, "page": …}`). Threads are sorted
oldest first. `customer` threads are the customer's, `message` threads the agent's replies,
`note` threads internal notes (public=False); `chat` and `phone` threads take their role from
`createdBy.type` (customer → customer, user → agent). A `lineitem` whose `assignedTo` differs
from the assignee so far becomes a system message "Assigned from X to Y"; other line items
(status changes, workflows) are left out. Field mapping and doc pages: docs/formats/helpdesks.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from heard.ingest._helpdesk import Record, Transfers, body_text, read_records
from heard.ingest.registry import ReadResult, reader
from heard.model import Channel, Conversation, Message, Role

SOURCE = "helpscout"

CHANNELS = {"email": Channel.email, "chat": Channel.chat, "phone": Channel.phone}
CREATORS = {"customer": Role.customer, "user": Role.agent, "team": Role.agent, "system_user": Role.bot}
THREAD_ROLES = {"customer": Role.customer, "message": Role.agent, "reply": Role.agent, "note": Role.agent,
                "forwardparent": Role.agent, "forwardchild": Role.agent}
PRIVATE = {"note", "forwardparent", "forwardchild"}


def _looks_like_helpscout(path: Path, head: bytes) -> bool:
    return b'"_embedded"' in head and (b'"threads"' in head or b'"conversations"' in head) and (
        b'"mailboxId"' in head or b'"createdBy"' in head
    )


@reader("helpscout", sniff=_looks_like_helpscout, priority=60)
def read_helpscout(path: Path) -> Iterator[ReadResult]:
    """Every conversation in a Help Scout file, as a Conversation (or an error naming its field)."""
    yield from read_records(Path(path), ("", "_embedded.conversations"), "conversation", _conversation)


def _conversation(conversation: Record) -> Conversation:
    conversation_id = conversation.id()
    created = conversation.time("createdAt", required=True)
    embedded = conversation.sub("_embedded")
    threads = sorted(embedded.items("threads"), key=lambda t: (t.time("createdAt", required=True), t.id()))
    if not threads:
        raise embedded.error("a conversation needs its threads (ask for embed=threads)", "threads")
    transfers = Transfers()
    messages: list[Message] = []
    for thread in threads:
        kind = thread.get("type", str, required=True)
        at = thread.time("createdAt", required=True)
        assignee = _person(thread, "assignedTo")
        if kind == "lineitem":
            change = transfers.assign(assignee) if assignee != transfers.current else None
            if change:
                messages.append(Message(id=thread.id(), role=Role.system, text=change, sent_at=at))
            continue
        if transfers.current is None and assignee is not None:
            transfers.current = assignee  # the assignee before any line item: no transfer
        creator = thread.sub("createdBy") if thread.data.get("createdBy") is not None else None
        role = THREAD_ROLES.get(kind)
        if role is None or kind in ("chat", "phone"):
            role = CREATORS.get(creator.get("type", str, required=True), Role.agent) if creator else Role.agent
        text, original = body_text(thread.get("body", str))
        messages.append(Message(
            id=thread.id(), role=role, text=text, original_text=original, sent_at=at,
            author=_person(thread, "createdBy"), public=kind not in PRIVATE,
        ))
    if not any(m.role != Role.system for m in messages):
        raise embedded.error("no customer, message, note, chat or phone thread", "threads")
    tags = tuple(tag.get("tag", str, required=True) for tag in conversation.items("tags"))
    return Conversation(
        source=SOURCE, external_id=conversation_id,
        channel=CHANNELS.get(conversation.get("type", str), Channel.email), messages=tuple(messages),
        subject=conversation.get("subject", str),
        customer=_person(conversation, "primaryCustomer") or _person(conversation, "createdBy"),
        agent=_person(conversation, "assignee"), queue=_str(conversation.get("mailboxId", (int, str))),
        started_at=created, outcome=conversation.get("status", str), tags=tags,
    )


def _person(holder: Record, key: str) -> str | None:
    """A person's name ("first last"), else their email, else their id."""
    if holder.data.get(key) is None:
        return None
    person = holder.sub(key)
    name = " ".join(p for p in (person.get("first", str), person.get("last", str)) if p)
    return name or person.get("email", str) or _str(person.get("id", (int, str)))


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
