"""LoyaltyDetector: loyalty phrases in feedback, negation-aware."""

from __future__ import annotations

import pytest

from heard.analyze.signals.loyalty import LoyaltyDetector
from heard.model import evidence

CASES = [
    # -- the brief's phrases --
    ("I felt heard for the first time.", [("loyalty.felt_heard", "felt heard")]),
    ("Sam took ownership and kept me updated every day.",
     [("loyalty.ownership", "took ownership"), ("loyalty.kept_updated", "kept me updated")]),
    # the billing subscriber's review, after three transfers
    ("After being bounced around, Maria really listened, handled it personally and followed up twice.",
     [("loyalty.shuffled", "bounced around"), ("loyalty.felt_heard", "really listened"),
      ("loyalty.ownership", "handled it personally"), ("loyalty.kept_updated", "followed up")]),
    ("Priya went out of her way to get the gift here before the party.",
     [("loyalty.ownership", "went out of her way")]),
    ("They called me back as promised.", [("loyalty.kept_updated", "called me back as promised")]),
    # -- negatives --
    ("Nobody listened to me.", [("loyalty.not_heard", "Nobody listened")]),
    ("Nobody really listened.", [("loyalty.not_heard", "Nobody really listened")]),
    ("I felt ignored the whole time.", [("loyalty.not_heard", "felt ignored")]),
    ("It was like talking to a robot.", [("loyalty.not_heard", "like talking to a robot")]),
    ("I was transferred three times and nobody took ownership.",
     [("loyalty.shuffled", "transferred three times"), ("loyalty.shuffled", "nobody took ownership")]),
    ("They never kept me informed and I never heard back after the first call.",
     [("loyalty.left_waiting", "never kept me informed"), ("loyalty.left_waiting", "never heard back")]),
    ("I'm still waiting for the callback.", [("loyalty.left_waiting", "still waiting")]),
    # -- no loyalty phrase --
    ("Listening to hold music for an hour is not fun.", []),
    ("The parcel arrived on Tuesday.", []),
    ("I followed the instructions but it still fails.", []),
    ("Honestly, I don't care about the 14p, the sausages were off.", []),  # the customer's own shrug
]


@pytest.mark.parametrize("text, expected", CASES)
def test_loyalty_finds_phrases_and_their_negatives(text, expected, make_conversation):
    conversation = make_conversation(customer=text)
    findings = LoyaltyDetector().detect(conversation)
    assert [(f.kind, evidence(conversation, f.span)) for f in findings] == expected


def test_loyalty_reads_the_last_customer_message_of_a_thread(make_conversation):
    conversation = make_conversation(turns=[
        ("customer", "My bill is wrong again."),
        ("agent", "I'll personally make sure it's fixed and update you by 3 pm."),
        ("customer", "Survey comment: she listened to me and kept me in the loop."),
    ])
    findings = LoyaltyDetector().detect(conversation)
    assert [(f.span.message_id, f.kind, evidence(conversation, f.span)) for f in findings] == [
        ("m3", "loyalty.felt_heard", "listened to me"),
        ("m3", "loyalty.kept_updated", "kept me in the loop"),
    ]


def test_loyalty_ignores_agent_messages(make_conversation):
    conversation = make_conversation(agent="I listened to your recording and will follow up tomorrow.")
    assert LoyaltyDetector().detect(conversation) == []


def test_loyalty_rationale_says_when_a_phrase_was_negated(make_conversation):
    conversation = make_conversation(customer="Honestly, no one really cared.")
    (finding,) = LoyaltyDetector().detect(conversation)
    assert finding.kind == "loyalty.not_heard"
    assert evidence(conversation, finding.span) == "no one really cared"
    assert finding.rationale.startswith("negated 'felt heard'")
