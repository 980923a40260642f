"""Heard: find the moments where listening, ownership and choice turned support conversations
into trust, and put them to work."""

from heard.analyze.pipeline import Analyzer
from heard.errors import HeardError, IngestError, NotFound
from heard.model import Analysis, Channel, Conversation, Finding, Message, Role, Span

__all__ = [
    "Analysis",
    "Analyzer",
    "Channel",
    "Conversation",
    "Finding",
    "HeardError",
    "IngestError",
    "Message",
    "NotFound",
    "Role",
    "Span",
]
