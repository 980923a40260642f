"""Promises: was each timed checkpoint followed by an agent update by its due time?

- `promise.kept`: a public agent message came after the promise, at or before the due time, and
  not in the same breath: it must come at least `min(10 minutes, a quarter of the promised
  window)` after the promise, so "Will do, have a good day" later in the same call is no update;
- `promise.missed`: the conversation went past the due time (a later message was sent after
  it) without such an update;
- `promise.open`: neither yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from heard.analyze.conversation._order import aware
from heard.analyze.detector import register_detector
from heard.model import Conversation, Finding, Message, Role


def _clock(moment: datetime, due: datetime) -> str:
    """"14:05" on the due day, "2026-03-07 14:05" on another."""
    moment = aware(moment).astimezone(aware(due).tzinfo)
    return moment.strftime("%H:%M") if moment.date() == aware(due).date() else moment.strftime("%Y-%m-%d %H:%M")


MOST_SAME_BREATH = timedelta(minutes=10)


def _earliest_update(promise: Message, due: datetime) -> datetime | None:
    """The first moment a later agent message counts as an update on the promise."""
    if promise.sent_at is None:
        return None
    sent = aware(promise.sent_at)
    return sent + min(MOST_SAME_BREATH, max(due - sent, timedelta(0)) / 4)


@register_detector("promises", version="2", kinds=("promise.kept", "promise.missed", "promise.open"),
                   requires=("move.checkpoint",))
class PromiseDetector:
    """Kept, missed or open: one finding per timed checkpoint."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        info = type(self).info
        findings: list[Finding] = []
        for checkpoint in prior:
            if checkpoint.kind != "move.checkpoint" or checkpoint.due_at is None:
                continue
            promise = conversation.find_message(checkpoint.span.message_id)
            if promise is None:
                continue
            kind, rationale, score = self._judge(conversation, promise, checkpoint.due_at)
            findings.append(info.finding(
                kind, promise, checkpoint.span.start, checkpoint.span.end,
                score=score * checkpoint.score if checkpoint.score else score,
                rationale=rationale, due_at=checkpoint.due_at,
            ))
        return findings

    def _judge(self, conversation: Conversation, promise: Message, due_at: datetime) -> tuple[str, str, float]:
        due = aware(due_at)
        later = conversation.messages[conversation.messages.index(promise) + 1 :]
        due_text = _clock(due, due)
        earliest = _earliest_update(promise, due)
        for message in later:
            if message.role != Role.agent or not message.public or message.sent_at is None:
                continue
            if (earliest is None or aware(message.sent_at) >= earliest) and aware(message.sent_at) <= due:
                when = _clock(message.sent_at, due)
                return "promise.kept", f"update at {when}, before the {due_text} due time", 0.95
        past_due = [m for m in later if m.sent_at is not None and aware(m.sent_at) > due]
        if past_due:
            first_update = next((m for m in past_due if m.role == Role.agent and m.public), None)
            if first_update is not None:
                rationale = (f"no update by the {due_text} due time; "
                             f"the next agent message came at {_clock(first_update.sent_at, due)}")
            else:
                rationale = (f"no update by the {due_text} due time; "
                             f"the conversation went on to {_clock(past_due[0].sent_at, due)}")
            return "promise.missed", rationale, 0.9
        return "promise.open", f"due at {due_text}; no update yet and the due time has not passed in this conversation", 0.8
