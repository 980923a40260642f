"""Validation of the native format: pydantic models whose errors give the exact field path.

Large imports take a fast path first: `fast_conversation` decodes a record's JSON straight into
the model with msgspec, several times faster than JSON parsing plus pydantic. It only accepts a
record that pydantic would accept *with the same result*; anything else (a bad field, a coercion
pydantic allows and msgspec does not, a check only pydantic makes) goes to `conversation_from_dict`,
so errors still name the field and the rules stay pydantic's, published as the JSON Schema.
"""

from __future__ import annotations

import re
from datetime import datetime

import msgspec
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from heard.errors import InvalidRecord
from heard.model import Channel, Conversation, Message, Role


class MessageIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str | None = Field(default=None, description="Message id, unique in its conversation; its position when absent.")
    role: Role
    text: str
    sent_at: datetime | None = None
    author: str | None = None
    start_s: float | None = Field(default=None, ge=0, description="Phone: seconds from call start.")
    end_s: float | None = Field(default=None, ge=0)
    public: bool = Field(default=True, description="False for internal notes.")
    original_text: str | None = None


class ConversationIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    source: str = Field(min_length=1, description="Source system, e.g. 'zendesk'.")
    external_id: str = Field(min_length=1, description="Id in the source system.")
    channel: Channel
    messages: list[MessageIn] = Field(min_length=1)
    subject: str | None = None
    customer: str | None = None
    agent: str | None = None
    queue: str | None = None
    started_at: datetime | None = None
    outcome: str | None = None
    satisfaction: int | None = Field(default=None, ge=1, le=5)
    tags: list[str] = []

    def to_conversation(self) -> Conversation:
        messages = tuple(
            Message(id=m.id or str(i + 1), role=m.role, text=m.text, sent_at=m.sent_at, author=m.author,
                    start_s=m.start_s, end_s=m.end_s, public=m.public, original_text=m.original_text)
            for i, m in enumerate(self.messages)
        )
        data = self.model_dump(exclude={"messages", "tags"})
        started = data.pop("started_at") or next((m.sent_at for m in messages if m.sent_at), None)
        return Conversation(**data, started_at=started, messages=messages, tags=tuple(self.tags))


def conversation_from_dict(data: object, *, path: str, record: str) -> Conversation:
    """Validate one native record, raising InvalidRecord that names the first bad field."""
    if not isinstance(data, dict):
        raise InvalidRecord(f"expected a JSON object, got {type(data).__name__}", path=path, record=record)
    try:
        conversation = ConversationIn.model_validate(data).to_conversation()
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or None
        raise InvalidRecord(first["msg"], path=path, record=record, field=field) from None
    ids = [m.id for m in conversation.messages]
    if len(set(ids)) != len(ids):
        raise InvalidRecord("message ids repeat", path=path, record=record, field="messages.id")
    return conversation


_DECODER = msgspec.json.Decoder(Conversation)  # the model's fields are the native format's (a guard test keeps them so)
# msgspec rounds fractions of a second finer than microseconds, pydantic truncates them (the
# second pattern: the same written with \u escapes, which JSON allows for any character)
_SUB_MICROSECOND = re.compile(rb"\.\d{7}")
_ESCAPED_SUB_MICROSECOND = re.compile(rb"(?:\.|\\u002[eE])(?:\d|\\u003\d){7}")


def fast_conversation(raw: bytes) -> Conversation | None:
    """One native record decoded straight into the model, or None when it needs the full
    validator (a bad or unusual record: its error, or its pydantic reading, comes from there)."""
    try:
        conversation = _DECODER.decode(raw)
    except (msgspec.DecodeError, ValueError):
        return None
    messages = conversation.messages
    escaped = b"\\u" in raw
    if not (conversation.source and conversation.external_id and messages) or _SUB_MICROSECOND.search(raw):
        return None
    if escaped and _ESCAPED_SUB_MICROSECOND.search(raw):
        return None
    if conversation.satisfaction is not None and not 1 <= conversation.satisfaction <= 5:
        return None
    ids = {m.id for m in messages}  # what pydantic checks beyond the types: ids given and unique …
    if len(ids) != len(messages) or "" in ids:
        return None
    if escaped or b'"start_s"' in raw or b'"end_s"' in raw:  # … and phone times not negative
        if any((m.start_s is not None and m.start_s < 0) or (m.end_s is not None and m.end_s < 0) for m in messages):
            return None
    if conversation.started_at is None:
        started = next((m.sent_at for m in messages if m.sent_at), None)
        if started is not None:
            c = conversation  # dataclasses.replace costs more than the decoding
            conversation = Conversation(
                source=c.source, external_id=c.external_id, channel=c.channel, messages=messages, subject=c.subject,
                customer=c.customer, agent=c.agent, queue=c.queue, started_at=started, outcome=c.outcome,
                satisfaction=c.satisfaction, tags=c.tags)
    return conversation


def json_schema() -> dict:
    """The JSON Schema of one native record (published as docs/conversation.schema.json)."""
    schema = ConversationIn.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema,
            "title": "Heard conversation (one JSON Lines record)"}
