"""LoopDetector: reflect → reframe → path, in order, across agent messages."""

from __future__ import annotations

import pytest

from heard.analyze.conversation.loop import LoopDetector
from heard.model import Finding, Span, evidence

TURNS = [
    ("customer", "The bike for my son's birthday hasn't shipped and the party is Saturday."),          # m1
    ("agent", "It sounds like you're worried the gift will miss the celebration."),                    # m2
    ("agent", "Let's make sure it's there by Saturday."),                                              # m3
    ("agent", "I can reship overnight today, or refund now. Which works better?"),                     # m4
    ("customer", "Overnight please."),                                                                 # m5
]
# where each move sits in TURNS
AT = {
    "reflect": ("move.reflect_concern", "m2", 0, 66),
    "name": ("move.name_feeling", "m2", 0, 66),
    "reframe": ("move.reframe", "m3", 0, 39),
    "choices": ("move.offer_choices", "m4", 0, 64),
    "ownership": ("move.ownership", "m4", 0, 28),
    "late_reflect": ("move.name_feeling", "m4", 45, 64),
    "early_path": ("move.ownership", "m2", 0, 66),
    "on_customer": ("move.reframe", "m5", 0, 17),
    "defensive": ("move.defensive", "m3", 0, 39),
}


def move(name: str) -> Finding:
    kind, message_id, start, end = AT[name]
    return Finding(kind, Span(message_id, start, end), 0.8, "moves", "1", name)


@pytest.mark.parametrize("moves, expected", [
    (["reflect", "reframe", "choices"], ["I can reship overnight today, or refund now. Which works better?"]),
    (["name", "reframe", "ownership"], ["I can reship overnight today"]),
    # out of order: the only reflection comes after the reframe and the path
    (["reframe", "choices", "late_reflect"], []),
    # a path before the reframe does not close the loop
    (["reflect", "early_path", "reframe"], []),
    # missing step
    (["reflect", "choices"], []),
    (["reframe", "choices"], []),
    # a harmful move is not a reframe
    (["reflect", "defensive", "choices"], []),
    # a move on a customer message is not the agent's
    (["reflect", "on_customer", "choices"], []),
])
def test_loop_needs_all_three_steps_in_order(moves, expected, make_conversation):
    conversation = make_conversation(turns=TURNS)
    prior = [move(name) for name in moves]
    findings = LoopDetector().detect(conversation, prior=prior)
    assert [evidence(conversation, f.span) for f in findings] == expected
    assert all(f.kind == "conversation.loop" for f in findings)


def test_loop_rationale_lists_the_steps_with_message_ids(make_conversation):
    conversation = make_conversation(turns=TURNS)
    (finding,) = LoopDetector().detect(conversation, prior=[move("reflect"), move("reframe"), move("choices")])
    assert finding.rationale == (
        "loop: reflect (reflect_concern, m2) → reframe (reframe, m3) → path (offer_choices, m4)")
    assert finding.span.message_id == "m4"


def test_loop_counts_a_sentence_that_reflects_and_reframes_as_both(make_conversation):
    conversation = make_conversation(turns=[
        ("agent", "Your son's birthday is what matters here, not our stock system. I'll update you by 3 pm."),
    ])
    prior = [
        Finding("move.reframe", Span("m1", 0, 63), 0.8, "moves", "1", ""),
        Finding("move.reflect_concern", Span("m1", 0, 63), 0.8, "moves", "1", ""),
        Finding("move.checkpoint", Span("m1", 64, 87), 0.8, "moves", "1", ""),
    ]
    (finding,) = LoopDetector().detect(conversation, prior=prior)
    assert evidence(conversation, finding.span) == "I'll update you by 3 pm"


def test_loop_finds_a_second_loop_after_the_first(make_conversation):
    conversation = make_conversation(turns=TURNS + [
        ("agent", "That sounds exhausting."),                      # m6
        ("agent", "What matters now is your Saturday."),           # m7
        ("agent", "I'll update you by 3 pm."),                     # m8
    ])
    prior = [move("reflect"), move("reframe"), move("choices"),
             Finding("move.name_feeling", Span("m6", 0, 22), 0.8, "moves", "1", ""),
             Finding("move.reframe", Span("m7", 0, 34), 0.8, "moves", "1", ""),
             Finding("move.checkpoint", Span("m8", 0, 23), 0.8, "moves", "1", "")]
    findings = LoopDetector().detect(conversation, prior=prior)
    assert [f.span.message_id for f in findings] == ["m4", "m8"]
