"""The practice state model (table-driven), the next-turn choice, reply review and comparison."""

from __future__ import annotations

import pytest

from heard.analyze.scorecard import Scorecard
from heard.coach import practice
from heard.coach.practice import (
    CALM_RULES,
    LEFT_LINE,
    NO_MOVE,
    SETTLED_LINE,
    CustomerTurn,
    Script,
    build_script,
    calm_changes,
    choose_next,
    mood_label,
    review_reply,
)
from heard.model import HARMFUL_MOVES, Analysis, Channel, Conversation, Message, Role


@pytest.fixture(scope="module")
def analyzer():
    return practice.default_analyzer()


@pytest.fixture(scope="module")
def scorecard():
    return Scorecard.load()


# -- the calm table --------------------------------------------------------------------------------
@pytest.mark.parametrize("kinds, expected", [
    (["move.name_feeling"], [("move.name_feeling", +2, "You named how the customer feels")]),
    (["move.reflect_concern"], [("move.reflect_concern", +2, "reflected the concern")]),
    (["move.ownership"], [("move.ownership", +2, "You took ownership")]),
    (["move.offer_choices"], [("move.offer_choices", +2, "You offered choices")]),
    (["move.apology", "move.checkpoint"], [("move.apology", +1, "apologised"), ("move.checkpoint", +1, "when they will hear")]),
    (["move.defensive"], [("move.defensive", -3, "defensive")]),
    (["move.non_apology"], [("move.non_apology", -2, "non-apology")]),
    (["move.generic"], [("move.generic", -2, "form letter")]),
    (["move.overpromise"], [("move.overpromise", -1, "guarantee")]),
    # each kind counts once, whatever the number of findings
    (["move.name_feeling", "move.name_feeling"], [("move.name_feeling", +2, "named")]),
    # no agent move at all: the customer has nothing to hold on to
    ([], [("none", NO_MOVE.delta, "Nothing in the reply")]),
    (["emotion.anger"], [("none", -1, "Nothing in the reply")]),
    # kinds the table does not list leave calm alone
    (["move.pause", "move.closure"], [("move.closure", +1, "closed the loop")]),
])
def test_calm_changes_follow_the_table_with_reasons(kinds, expected):
    changes = calm_changes(kinds)
    assert [(c.kind, c.delta) for c in changes] == [(k, d) for k, d, _ in expected]
    for change, (_, _, words) in zip(changes, expected):
        assert words.lower() in change.reason.lower()


def test_calm_table_calms_on_good_moves_and_upsets_on_every_harmful_one():
    assert all(CALM_RULES[k].delta > 0 for k in ("move.name_feeling", "move.reflect_concern", "move.ownership",
                                                 "move.offer_choices"))
    assert all(CALM_RULES[k].delta < 0 for k in HARMFUL_MOVES)


@pytest.mark.parametrize("calm, label", [(0, "furious"), (2, "furious"), (3, "upset"), (5, "uneasy"), (8, "calmer"), (10, "calm")])
def test_mood_label_names_each_band(calm, label):
    assert mood_label(calm) == label


# -- choosing what the customer says next -----------------------------------------------------------------
def script(*moods: int) -> Script:
    """A script whose real customer turns have these moods (no findings: quotes are first sentences)."""
    messages, turns = [], []
    for i, mood in enumerate(moods):
        said = Message(f"c{i}", Role.customer, f"Customer turn {i + 1}. More words.")
        reply = Message(f"a{i}", Role.agent, f"Real reply {i + 1}.")
        messages += [said, reply]
        turns.append(CustomerTurn(i, (said,), (reply,), mood, None))
    conversation = Conversation("t", "t", Channel.chat, tuple(messages))
    return Script(conversation, Analysis(conversation), tuple(turns))


GOOD = calm_changes(["move.name_feeling"])
DEFENSIVE = calm_changes(["move.defensive"])
NOTHING = calm_changes([])


@pytest.mark.parametrize("moods, turn, calm, changes, reacted, kind, real_turn, text", [
    # calm 0: the customer leaves — once they have pushed back on this turn
    ((3, 5), 0, 0, DEFENSIVE, True, "customer_left", 0, LEFT_LINE),
    ((3, 5), 0, 0, DEFENSIVE, False, "reaction", 0, "I'm not asking whose fault it is."),
    # a harmful reply: a written reaction in the customer's own earlier words, same turn
    ((3, 5), 0, 2, DEFENSIVE, False, "reaction", 0, "I'm not asking whose fault it is. I told you: “Customer turn 1.”"),
    ((3, 5), 0, 4, NOTHING, False, "reaction", 0, "That doesn't tell me anything. Again: “Customer turn 1.”"),
    # ... but only once per turn: then the practice moves on
    ((3, 5), 0, 2, DEFENSIVE, True, "real", 1, "Customer turn 2. More words."),
    # a good reply: the next real turn, when its mood fits
    ((3, 5), 0, 5, GOOD, False, "real", 1, "Customer turn 2. More words."),
    # the next real turn is far angrier than this customer: skipped for one that fits
    ((3, 1, 7), 0, 7, GOOD, False, "real", 2, "Customer turn 3. More words."),
    # no turn fits and the customer is calmer than the real one: they settle
    ((3, 1), 0, 9, GOOD, False, "settled", 0, SETTLED_LINE),
    # no turn fits and the customer is more upset: they press once...
    ((3, 9), 0, 4, GOOD, False, "reaction", 0, "I still don't know what happens now."),
    # ... then the real turn comes anyway
    ((3, 9), 0, 4, GOOD, True, "real", 1, "Customer turn 2. More words."),
    # no real turns left
    ((3,), 0, 6, GOOD, False, "completed", 0, ""),
])
def test_choose_next_applies_the_rules_in_order(moods, turn, calm, changes, reacted, kind, real_turn, text):
    step = choose_next(script(*moods), real_turn=turn, calm=calm, changes=changes, reacted=reacted)
    assert (step.kind, step.real_turn) == (kind, real_turn)
    assert step.text.startswith(text)
    assert step.why


def test_choose_next_says_which_turns_it_skipped():
    step = choose_next(script(3, 1, 7), real_turn=0, calm=7, changes=GOOD, reacted=False)
    assert step.skipped == (1,)
    assert "Skipped turn(s) 2" in step.why


# -- the script from a real conversation ------------------------------------------------------------
def test_build_script_groups_customer_turns_with_the_real_reply(make_conversation, analyzer):
    conversation = make_conversation(turns=[
        ("customer", "I'm so worried. My son's birthday is on Saturday and the parcel hasn't moved."),
        ("customer", "Hello?"),
        ("agent", "That sounds really stressful."),
        ("system", "Ticket assigned."),
        ("customer", "Thank you so much, that's a relief!"),
    ])
    built = build_script(conversation, analyzer)
    assert [t.text for t in built.turns] == [
        "I'm so worried. My son's birthday is on Saturday and the parcel hasn't moved.\n\nHello?",
        "Thank you so much, that's a relief!",
    ]
    assert [t.reply_text for t in built.turns] == ["That sounds really stressful.", ""]
    assert built.turns[0].mood < 5 < built.turns[1].mood  # anxious, then relieved
    # the customer's own words to escalate with: the sentence holding their concern
    assert built.quote(0) == "My son's birthday is on Saturday and the parcel hasn't moved."


# -- reviewing a reply --------------------------------------------------------------------------------
@pytest.mark.parametrize("reply, found, harmful", [
    ("That sounds really stressful. I'll personally make sure it gets there.",
     {"move.name_feeling": "That sounds really stressful", "move.ownership": "I'll personally make sure it gets there."},
     False),
    ("As I already said, per our policy there's nothing we can do.",
     {"move.defensive": "As I already said, per our policy there's nothing we can do."}, True),
])
def test_review_reply_finds_moves_with_spans_and_scores_the_exchange(reply, found, harmful, analyzer, scorecard):
    review = review_reply(history=[], customer_text="I'm so worried, my son's birthday is on Saturday!",
                          reply=reply, channel=Channel.chat, analyzer=analyzer, scorecard=scorecard)
    got = dict(zip((f.kind for f in review.findings), review.evidence))
    assert {k: got.get(k) for k in found} == found
    assert any(f.kind in HARMFUL_MOVES for f in review.findings) is harmful
    assert 0 <= review.score.total <= 100
    if harmful:
        assert review.score.total == 0 and "Took personal ownership" in review.missed
    else:
        assert review.score.total > 0 and "Took personal ownership" not in review.missed


def test_review_reply_reads_the_earlier_exchange(analyzer, scorecard):
    """The reply is analysed after the practice so far, so context-dependent detectors see it."""
    history = [("My card was charged twice.", "I'm sorry we charged you twice.")]
    review = review_reply(history=history, customer_text="Still not fixed!", reply="As I already said, wait.",
                          channel=Channel.chat, analyzer=analyzer, scorecard=scorecard)
    assert [f.span.message_id for f in review.findings] and {f.span.message_id for f in review.findings} == {"a1"}


def test_docs_publish_the_calm_table_as_the_code_has_it():
    from pathlib import Path

    docs = (Path(__file__).parents[2] / "docs" / "coaching.md").read_text(encoding="utf-8")
    for kind, rule in CALM_RULES.items():
        assert f"| `{kind}` | {rule.delta:+d} | {rule.reason} |" in docs
    assert f"| no agent move at all | {NO_MOVE.delta:+d} |" in docs
