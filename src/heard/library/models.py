"""The library's shapes, shared by services, the JSON API, pages and exports:
`CaseFileCreate`, `CaseFileUpdate`, `LibraryCaseFilePublic`, `LibraryCaseFilesPublic`, `AnnotationCreate`, …"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field, model_validator

Visibility = Literal["team", "shared"]


class AnnotationCreate(BaseModel):
    """A coach's comment on the exact words (`kind="span"`) or on the moment between two messages
    (`kind="gap"`, after `message_id`). A span is given by `start`/`end`, or by quoting the words
    (`quote`, the `occurrence`-th time they appear in the message)."""

    kind: Literal["span", "gap"] = "span"
    message_id: str = Field(min_length=1)
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)
    quote: str | None = Field(None, description="The exact words; used to find start/end when they are not given.")
    occurrence: int = Field(1, ge=1)
    next_message_id: str | None = Field(None, description="For a gap: the message after it (default: the next one).")
    body: str = Field(min_length=1, max_length=4000)

    @model_validator(mode="after")
    def _anchor_given(self) -> AnnotationCreate:
        if self.kind == "span" and self.quote is None and (self.start is None or self.end is None):
            raise ValueError("a span annotation needs start and end, or the quoted words")
        return self


class AnnotationPublic(BaseModel):
    id: int
    kind: Literal["span", "gap"]
    message_id: str
    start: int | None = None
    end: int | None = None
    next_message_id: str | None = None
    evidence: str | None = Field(None, description="The words the span covers now (null for a gap or a span that no longer fits).")
    body: str
    author: str | None = None
    created_at: datetime


class CaseFileCreate(BaseModel):
    conversation_id: int
    title: str = Field(min_length=1, max_length=200)
    lesson: str = Field("", max_length=8000)
    tags: list[str] = []
    visibility: Visibility = "team"
    team: str | None = Field(None, description="The team it belongs to (default: the conversation's queue).")
    annotations: list[AnnotationCreate] = []


class CaseFileUpdate(BaseModel):
    title: str | None = Field(None, min_length=1, max_length=200)
    lesson: str | None = Field(None, max_length=8000)
    tags: list[str] | None = None
    visibility: Visibility | None = None
    team: str | None = None


class ConversationRef(BaseModel):
    id: int
    source: str
    external_id: str
    channel: str
    subject: str | None = None
    customer: str | None = None
    agent: str | None = None
    queue: str | None = None
    outcome: str | None = None
    satisfaction: int | None = None
    score: float | None = None
    url: str


class LibraryCaseFilePublic(BaseModel):
    id: int
    title: str
    lesson: str
    tags: list[str]
    visibility: Visibility
    team: str | None = None
    created_by: str | None = None
    created_at: datetime
    updated_at: datetime
    redacted: bool = Field(description="True when names and numbers are replaced by placeholders for this viewer.")
    conversation: ConversationRef
    annotation_count: int = 0
    url: str
    api_url: str


class LibraryCaseFilesPublic(BaseModel):
    data: list[LibraryCaseFilePublic]
    count: int


class ThreadMessagePublic(BaseModel):
    id: str
    role: str
    author: str | None = None
    text: str
    sent_at: datetime | None = None


class ThreadFindingPublic(BaseModel):
    index: int
    kind: str
    message_id: str
    start: int
    end: int
    evidence: str | None = None
    rationale: str
    score: float


class LibraryCaseFileDetail(LibraryCaseFilePublic):
    """A case file with its thread (possibly redacted), findings and annotations on the same text."""

    messages: list[ThreadMessagePublic]
    findings: list[ThreadFindingPublic]
    annotations: list[AnnotationPublic]
