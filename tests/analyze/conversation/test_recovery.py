"""RecoveryDetector: the customer calms down after good agent moves."""

from __future__ import annotations

import pytest

from heard.analyze.conversation.recovery import RecoveryDetector
from heard.model import Finding, Span, evidence

TURNS = [
    ("customer", "I've been transferred three times and I'm SO fed up!!"),       # m1
    ("agent", "This sounds exhausting. I'll personally fix the charge today."),  # m2
    ("customer", "Oh thank goodness, that would be a relief."),                  # m3
]


def emotion(message_id: str, label: str, intensity: int | None, start: int = 0, end: int = 10) -> Finding:
    return Finding(f"emotion.{label}", Span(message_id, start, end), 0.8, "emotion", "1", label,
                   intensity=intensity)


def move(kind: str, start: int = 0, end: int = 22, message_id: str = "m2") -> Finding:
    return Finding(f"move.{kind}", Span(message_id, start, end), 0.8, "moves", "1", kind)


@pytest.mark.parametrize("before, after, moves, expected", [
    # negative → positive after good moves
    (("frustration", 3), ("relief", 1), ["name_feeling", "ownership"],
     "frustration (3) → relief (1) after name_feeling, ownership"),
    # lower negative intensity counts, even as another negative label
    (("anger", 3), ("frustration", 2), ["apology"], "anger (3) → frustration (2) after apology"),
    (("anxiety", 2), ("neutral", None), ["checkpoint"], "anxiety (2) → neutral after checkpoint"),
    (("frustration", 2), ("gratitude", 2), ["offer_choices", "defensive"],
     "frustration (2) → gratitude (2) after offer_choices"),
    # not calmer
    (("frustration", 2), ("frustration", 2), ["name_feeling"], None),
    (("frustration", 1), ("anger", 3), ["name_feeling"], None),
    (("neutral", None), ("gratitude", 2), ["ownership"], None),  # nothing to recover from
    # calmer, but only harmful moves in between
    (("frustration", 3), ("relief", 1), ["non_apology", "generic"], None),
    # calmer, but no agent move at all
    (("frustration", 3), ("relief", 1), [], None),
])
def test_recovery_needs_a_calmer_customer_after_good_moves(before, after, moves, expected, make_conversation):
    conversation = make_conversation(turns=TURNS)
    prior = [emotion("m1", *before, start=40, end=47), emotion("m3", *after, start=3, end=17)]
    prior += [move(kind) for kind in moves]
    findings = RecoveryDetector().detect(conversation, prior=prior)
    assert [f.rationale for f in findings] == ([expected] if expected else [])
    for f in findings:
        assert f.kind == "conversation.recovery"
        assert evidence(conversation, f.span) == "thank goodness"


def test_recovery_compares_with_the_previous_customer_message_only(make_conversation):
    conversation = make_conversation(turns=TURNS + [
        ("agent", "Done: refunded and fixed."),        # m4
        ("customer", "Thanks."),                       # m5
    ])
    prior = [emotion("m1", "frustration", 3), move("name_feeling"), emotion("m3", "relief", 1),
             move("closure", 0, 25, "m4"), emotion("m5", "gratitude", 1, 0, 6)]
    findings = RecoveryDetector().detect(conversation, prior=prior)
    # m3 recovers from m1; m5 (gratitude) is not calmer than m3 (relief)
    assert [f.span.message_id for f in findings] == ["m3"]


def test_recovery_ignores_moves_outside_the_two_messages(make_conversation):
    conversation = make_conversation(turns=[("agent", "I'll handle this myself.")] + TURNS)
    prior = [move("ownership", 0, 24, "m1"), emotion("m2", "frustration", 3), emotion("m4", "relief", 1)]
    assert RecoveryDetector().detect(conversation, prior=prior) == []
