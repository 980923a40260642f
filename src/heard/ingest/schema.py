"""Validation of the native format: pydantic models whose errors give the exact field path."""

from __future__ import annotations

from datetime import datetime

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


def json_schema() -> dict:
    """The JSON Schema of one native record (published as docs/conversation.schema.json)."""
    schema = ConversationIn.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema,
            "title": "Heard conversation (one JSON Lines record)"}
