"""TransferDetector: one finding per hand-off, on its first evidence."""

from __future__ import annotations

import pytest

from heard.analyze.conversation.transfers import TransferDetector
from heard.model import Channel, Conversation, Message, Role, evidence


def conversation(*turns: tuple[str, str | None, str]) -> Conversation:
    return Conversation("test", "c1", Channel.chat, tuple(
        Message(f"m{i + 1}", Role(role), text, author=author) for i, (role, author, text) in enumerate(turns)))


CASES = [
    # the billing subscriber: announced, recorded by the system, greeted — one transfer
    ([("customer", "c", "I've been transferred three times already."),
      ("agent", "dana", "I'm transferring you to our billing team, they can correct the charge."),
      ("system", None, "Conversation transferred to Billing."),
      ("agent", "lee", "Hi, Lee from billing here.")],
     [("m2", "I'm transferring you to our billing team", "agent announces a transfer from dana to our billing team")]),
    # a silent hand-off between agents
    ([("agent", "dana", "Hi there, how can I help?"), ("customer", "c", "My order is late."),
      ("agent", "sam", "Hi, Sam here. I'm taking over from Dana.")],
     [("m3", "Hi, Sam here.", "hand-off from dana to sam")]),
    # system escalation after an agent spoke
    ([("agent", "dana", "I'll check the outage for you."), ("system", None, "Ticket escalated to Tier 2 support")],
     [("m2", "escalated to Tier 2 support", "system: escalated from dana to Tier 2 support")]),
    # announcements in other words
    ([("agent", "dana", "Let me connect you with Alex in our returns team.")],
     [("m1", "Let me connect you with Alex in our returns team", "agent announces a transfer from dana to Alex in our returns team")]),
    ([("agent", "dana", "I'll pass you over to a specialist who can help.")],
     [("m1", "I'll pass you over to a specialist", "agent announces a transfer from dana to a specialist")]),
    # two separate hand-offs
    ([("agent", "dana", "Hello!"), ("agent", "sam", "Sam here."), ("agent", "lee", "Lee here.")],
     [("m2", "Sam here.", "hand-off from dana to sam"), ("m3", "Lee here.", "hand-off from sam to lee")]),
    # system lines that name both ends, as help-desk readers write them
    ([("bot", "Tidewell Assistant", "I can help with orders."),
      ("system", None, "Conversation transferred from Sam (Tier 1) to Priya (Billing)")],
     [("m2", "transferred from Sam (Tier 1) to Priya (Billing)", "system: transferred from Sam (Tier 1) to Priya (Billing)")]),
    ([("system", None, "Assigned from Ana Ruiz to Ben Okafor"), ("agent", "Ben Okafor", "Hi, Ben here.")],
     [("m1", "Assigned from Ana Ruiz to Ben Okafor", "system: assigned from Ana Ruiz to Ben Okafor")]),
    # -- not transfers --
    ([("agent", "dana", "That's fair feedback. I've passed it on to our checkout team.")], []),  # feedback, not the customer
    ([("system", None, "Conversation assigned to Dana."), ("agent", "dana", "Hi, I'm Dana.")], []),  # first routing
    ([("agent", "dana", "I'll send the refund to your card today.")], []),
    ([("agent", "dana", "Hello"), ("customer", "c", "Hi"), ("agent", "dana", "Let me check.")], []),
    ([("agent", None, "Hello"), ("agent", None, "Still here.")], []),  # authors unknown
    ([("customer", "c", "Can you transfer me to a manager?")], []),
]


@pytest.mark.parametrize("turns, expected", CASES)
def test_transfers_find_each_hand_off_once(turns, expected):
    conv = conversation(*turns)
    findings = TransferDetector().detect(conv)
    assert [(f.span.message_id, evidence(conv, f.span), f.rationale) for f in findings] == expected
    assert all(f.kind == "conversation.transfer" for f in findings)
