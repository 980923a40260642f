"""PromiseDetector: a timed checkpoint is kept, missed or still open."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from heard.analyze.conversation.promises import PromiseDetector
from heard.model import Channel, Conversation, Finding, Message, Role, Span, evidence

T = datetime(2026, 3, 6, 13, 0, tzinfo=timezone.utc)
PROMISE = "I'll update you by 3 pm today."
DUE = datetime(2026, 3, 6, 15, 0, tzinfo=timezone.utc)


def conversation(*later: tuple[str, str, int, bool]) -> Conversation:
    """The promise at 13:00, then (role, text, minutes after 13:00, public) turns."""
    messages = [Message("m1", Role.customer, "My card was charged twice.", T - timedelta(minutes=5)),
                Message("m2", Role.agent, PROMISE, T, author="agent-1")]
    for i, (role, text, minutes, public) in enumerate(later):
        messages.append(Message(f"m{i + 3}", Role(role), text, T + timedelta(minutes=minutes),
                                author=f"{role}-1", public=public))
    return Conversation("test", "c1", Channel.chat, tuple(messages))


def checkpoint(due_at=DUE) -> Finding:
    return Finding("move.checkpoint", Span("m2", 0, 29), 0.9, "checkpoint", "1", "by 3 pm", due_at=due_at)


@pytest.mark.parametrize("later, kind, rationale", [
    ([("agent", "Update: the refund is on its way.", 65, True)],
     "promise.kept", "update at 14:05, before the 15:00 due time"),
    ([("agent", "Update: done.", 120, True)],  # exactly at the due time still counts
     "promise.kept", "update at 15:00, before the 15:00 due time"),
    ([("customer", "Any news?", 200, True), ("agent", "Sorry, here's the update.", 210, True)],
     "promise.missed", "no update by the 15:00 due time; the next agent message came at 16:30"),
    ([("customer", "Hello? It's 5 pm.", 240, True)],
     "promise.missed", "no update by the 15:00 due time; the conversation went on to 17:00"),
    # a private note is not an update to the customer
    ([("agent", "Note: refund queued.", 30, False), ("customer", "Anything?", 180, True)],
     "promise.missed", "no update by the 15:00 due time; the conversation went on to 16:00"),
    # the same breath is not an update: a sign-off a minute later, or seconds later on a call
    ([("agent", "Will do. Have a good day!", 1, True)],
     "promise.open", "due at 15:00; no update yet and the due time has not passed in this conversation"),
    ([("agent", "Anything else?", 9, True), ("agent", "Update: refund sent.", 45, True)],
     "promise.kept", "update at 13:45, before the 15:00 due time"),
    # a customer message before the due time is not an update
    ([("customer", "Thanks!", 10, True)],
     "promise.open", "due at 15:00; no update yet and the due time has not passed in this conversation"),
    ([], "promise.open", "due at 15:00; no update yet and the due time has not passed in this conversation"),
])
def test_promises_judge_each_checkpoint(later, kind, rationale):
    conv = conversation(*later)
    (finding,) = PromiseDetector().detect(conv, prior=[checkpoint()])
    assert (finding.kind, finding.rationale) == (kind, rationale)
    assert evidence(conv, finding.span) == "I'll update you by 3 pm today"
    assert finding.due_at == DUE


def test_promises_skip_checkpoints_without_a_due_time_and_other_moves():
    conv = conversation(("agent", "Update.", 30, True))
    prior = [checkpoint(due_at=None),
             Finding("move.ownership", Span("m2", 0, 29), 0.9, "ownership", "1", "", due_at=DUE)]
    assert PromiseDetector().detect(conv, prior=prior) == []


def test_promises_name_the_date_when_the_update_comes_another_day():
    conv = conversation(("agent", "Here is the update.", 60 * 24, True))
    (finding,) = PromiseDetector().detect(conv, prior=[checkpoint()])
    assert finding.kind == "promise.missed"
    assert finding.rationale.endswith("came at 2026-03-07 13:00")


def test_promises_compare_naive_times_as_utc():
    conv = conversation(("agent", "Update.", 30, True))
    (finding,) = PromiseDetector().detect(conv, prior=[checkpoint(due_at=DUE.replace(tzinfo=None))])
    assert finding.kind == "promise.kept"


def test_promises_short_windows_need_a_quarter_of_the_window():
    """"By 13:20" leaves 20 minutes: an update 5 minutes on counts, one a minute on does not."""
    due = T + timedelta(minutes=20)
    soon = PromiseDetector().detect(conversation(("agent", "On it.", 1, True)), prior=[checkpoint(due_at=due)])
    later = PromiseDetector().detect(conversation(("agent", "Done: refunded.", 5, True)), prior=[checkpoint(due_at=due)])
    assert [f.kind for f in soon + later] == ["promise.open", "promise.kept"]
