"""Heard's nouns: Conversation, Message, Span, Finding.

Readers produce Conversations, detectors read them and return Findings. All of these are frozen
dataclasses: what a reader or detector hands on never changes behind its back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from heard.errors import NotFound


class Role(StrEnum):
    customer = "customer"
    agent = "agent"
    bot = "bot"
    system = "system"


class Channel(StrEnum):
    email = "email"
    chat = "chat"
    phone = "phone"
    social = "social"
    sms = "sms"


@dataclass(frozen=True)
class Message:
    """One turn. `text` is what is analysed; `original_text` keeps the source's full body
    (quotes and signatures included) when a reader cleaned it. Phone turns carry `start_s`/`end_s`."""

    id: str
    role: Role
    text: str
    sent_at: datetime | None = None
    author: str | None = None
    start_s: float | None = None
    end_s: float | None = None
    public: bool = True
    original_text: str | None = None


@dataclass(frozen=True)
class Conversation:
    """One customer thread on one channel, keyed by its source system and external id."""

    source: str
    external_id: str
    channel: Channel
    messages: tuple[Message, ...]
    subject: str | None = None
    customer: str | None = None
    agent: str | None = None
    queue: str | None = None
    started_at: datetime | None = None
    outcome: str | None = None
    satisfaction: int | None = None
    tags: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.external_id)

    def iter_messages(self, role: Role | None = None) -> Iterator[Message]:
        return (m for m in self.messages if role is None or m.role == role)

    def get_message(self, message_id: str) -> Message:
        message = self.find_message(message_id)
        if message is None:
            raise NotFound(f"Conversation {self.external_id!r} has no message {message_id!r}.")
        return message

    def find_message(self, message_id: str) -> Message | None:
        return next((m for m in self.messages if m.id == message_id), None)

    def previous(self, message: Message, role: Role | None = None) -> Message | None:
        """The nearest earlier message (of `role`, if given)."""
        index = self.messages.index(message)
        return next(
            (m for m in reversed(self.messages[:index]) if role is None or m.role == role), None
        )


@dataclass(frozen=True)
class Span:
    """Characters `start`..`end` (end-exclusive) of one message's text."""

    message_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """One piece of evidence: where (span), how sure (score), who found it and why.

    `intensity` (1..3) is set on `emotion.*` findings; `due_at` on promise findings.
    """

    kind: str
    span: Span
    score: float
    detector: str
    detector_version: str
    rationale: str
    intensity: int | None = None
    due_at: datetime | None = None

    @property
    def family(self) -> str:
        """The part before the dot: move, emotion, concern, loyalty, risk, promise, conversation."""
        return self.kind.split(".", 1)[0]


HARMFUL_MOVES = frozenset(
    {"move.defensive", "move.non_apology", "move.overpromise", "move.generic", "move.overtalk"}
)


_SURROGATE = re.compile("[\ud800-\udfff]")  # in a Python str, always half a pair


def unpaired_surrogate(text: str) -> str | None:
    """The first half of a surrogate pair standing alone in `text` (JSON's "\\udc00" decodes to one),
    written as its escape: no character, so it cannot be stored or tokenised."""
    found = None if text.isascii() else _SURROGATE.search(text)
    return None if found is None else f"\\u{ord(found.group()):04x}"


def unstorable_text(conversation: Conversation) -> tuple[str, str] | None:
    """The first field of `conversation` holding an unpaired surrogate, and that escape."""
    fields = [(name, getattr(conversation, name)) for name in
              ("source", "external_id", "subject", "customer", "agent", "queue", "outcome")]
    fields += [(f"tags.{i}", tag) for i, tag in enumerate(conversation.tags)]
    for i, m in enumerate(conversation.messages):
        fields += [(f"messages.{i}.{name}", getattr(m, name)) for name in ("id", "text", "author", "original_text")]
    for name, value in fields:
        if isinstance(value, str) and (escape := unpaired_surrogate(value)):
            return name, escape
    return None


def evidence(conversation: Conversation, span: Span) -> str:
    """The words a span rests on."""
    return conversation.get_message(span.message_id).text[span.start : span.end]


@dataclass(frozen=True)
class Analysis:
    """A conversation with every finding the pipeline made on it, in message order."""

    conversation: Conversation
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    def findings_for(self, message_id: str) -> list[Finding]:
        return [f for f in self.findings if f.span.message_id == message_id]

    def of_kind(self, prefix: str) -> list[Finding]:
        """Findings whose kind equals `prefix` or starts with `prefix` + '.'."""
        return [f for f in self.findings if f.kind == prefix or f.kind.startswith(prefix + ".")]
