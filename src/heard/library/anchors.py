"""Anchoring annotations: quoted words → spans, checked against the message they point into."""

from __future__ import annotations

from heard.errors import HeardError
from heard.model import Conversation, Span


class InvalidAnchor(HeardError):
    """An annotation does not point at words (or a gap) of its conversation (status 422)."""

    status = 422


def find_quote(text: str, quote: str, occurrence: int = 1) -> int | None:
    """Start of the `occurrence`-th appearance of `quote` in `text` (None if it is not there)."""
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            return None
    return start


def resolve_span(conversation: Conversation, message_id: str, *, start: int | None = None, end: int | None = None,
                 quote: str | None = None, occurrence: int = 1) -> Span:
    """The span of `quote` (or `start`..`end`) in the message; raises InvalidAnchor, naming the fix."""
    message = conversation.find_message(message_id)
    if message is None:
        ids = ", ".join(m.id for m in conversation.messages)
        raise InvalidAnchor(f"Conversation {conversation.external_id!r} has no message {message_id!r} (its messages: {ids}).")
    text = message.text
    if start is None or end is None:
        if not quote:
            raise InvalidAnchor("Give start and end, or quote the exact words.")
        found = find_quote(text, quote, occurrence)
        if found is None:
            raise InvalidAnchor(f"Message {message_id!r} does not contain {quote!r}"
                                + (f" {occurrence} times" if occurrence > 1 else "")
                                + ": quote the words exactly as written.")
        return Span(message_id, found, found + len(quote))
    if not 0 <= start < end <= len(text):
        raise InvalidAnchor(f"Span {start}..{end} does not fit message {message_id!r} ({len(text)} characters).")
    if quote is not None and text[start:end] != quote:
        raise InvalidAnchor(f"Message {message_id!r} reads {text[start:end]!r} at {start}..{end}, not {quote!r}.")
    return Span(message_id, start, end)


def resolve_gap(conversation: Conversation, message_id: str, next_message_id: str | None = None) -> tuple[str, str | None]:
    """(after, before) ids of a gap between two consecutive messages; before is None after the last."""
    ids = [m.id for m in conversation.messages]
    if message_id not in ids:
        raise InvalidAnchor(f"Conversation {conversation.external_id!r} has no message {message_id!r} (its messages: {', '.join(ids)}).")
    index = ids.index(message_id)
    following = ids[index + 1] if index + 1 < len(ids) else None
    if next_message_id is not None and next_message_id != following:
        raise InvalidAnchor(f"A gap lies between consecutive messages: the message after {message_id!r} is "
                            f"{following!r}, not {next_message_id!r}.")
    return message_id, following
