"""Ordering helpers shared by the conversation-level detectors."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from heard.model import Conversation, Finding, Role


def position(conversation: Conversation, finding: Finding) -> tuple[int, int]:
    """Where a finding sits in the conversation: (message index, character offset)."""
    index = next((i for i, m in enumerate(conversation.messages) if m.id == finding.span.message_id), -1)
    return index, finding.span.start


def on_role(conversation: Conversation, findings: Iterable[Finding], role: Role) -> list[Finding]:
    """The findings resting on public messages of `role`, in conversation order."""
    roles = {m.id: m.role for m in conversation.messages if m.public}
    chosen = [f for f in findings if roles.get(f.span.message_id) == role]
    return sorted(chosen, key=lambda f: position(conversation, f))


def aware(moment: datetime) -> datetime:
    """Naive times are read as UTC so they compare with zoned ones."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def short_name(kind: str) -> str:
    return kind.split(".", 1)[1] if "." in kind else kind
