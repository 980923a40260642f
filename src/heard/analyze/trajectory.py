"""The emotion trajectory: the customer's primary emotion message by message, as a signed
valence a chart can draw (negative emotions below zero, relief/gratitude/joy above)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from heard.model import Analysis

NEGATIVE_EMOTIONS = frozenset({"anger", "frustration", "anxiety", "sadness", "disappointment", "confusion"})
POSITIVE_EMOTIONS = frozenset({"relief", "gratitude", "joy"})


@dataclass(frozen=True)
class TrajectoryPoint:
    message_id: str
    sent_at: datetime | None
    label: str
    intensity: int | None
    valence: int


def valence(label: str, intensity: int | None) -> int:
    """−intensity for negative emotions, +intensity for relief/gratitude/joy, 0 for neutral."""
    if label in NEGATIVE_EMOTIONS:
        return -(intensity or 1)
    if label in POSITIVE_EMOTIONS:
        return intensity or 1
    return 0


def emotion_trajectory(analysis: Analysis) -> list[TrajectoryPoint]:
    """One point per customer message that has an `emotion.*` finding, in message order
    (the first emotion finding of a message when a pipeline produced more than one)."""
    first: dict[str, TrajectoryPoint] = {}
    for finding in analysis.of_kind("emotion"):
        message_id = finding.span.message_id
        if message_id in first:
            continue
        message = analysis.conversation.find_message(message_id)
        label = finding.kind.split(".", 1)[1]
        first[message_id] = TrajectoryPoint(
            message_id=message_id,
            sent_at=message.sent_at if message else None,
            label=label,
            intensity=finding.intensity,
            valence=valence(label, finding.intensity),
        )
    order = {m.id: i for i, m in enumerate(analysis.conversation.messages)}
    return sorted(first.values(), key=lambda p: order.get(p.message_id, len(order)))
