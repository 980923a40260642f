import pytest

from heard.analyze.moves.offer_choices import OfferChoicesDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in OfferChoicesDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    ("I can reship overnight today, or refund now — which works better?",  # the brief
     ["I can reship overnight today, or refund now — which works better?"]),
    ("I can send a replacement overnight or refund you today — which would you prefer?",
     ["I can send a replacement overnight or refund you today — which would you prefer?"]),
    ("You can have a full refund or a replacement.", ["You can have a full refund or a replacement."]),
    ("Sorry, Ana. I can reship it tonight. Or I can refund you now. Which would you prefer?",
     ["I can reship it tonight. Or I can refund you now. Which would you prefer?"]),
    ("I can put you on the 07:15 flight tomorrow or refund the ticket, your call.",
     ["I can put you on the 07:15 flight tomorrow or refund the ticket, your call."]),
    ("You have two options: a store credit today or a refund in 5 days.",
     ["You have two options: a store credit today or a refund in 5 days."]),
    ("Would you prefer a replacement or a refund?", ["Would you prefer a replacement or a refund?"]),
    ("We can either rebook you on the next flight or refund the fare.",
     ["We can either rebook you on the next flight or refund the fare."]),
])
def test_offer_choices_finds_alternatives(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "Would you like a refund?",  # one path
    "I've issued a refund.",
    "Please DM your order number or email.",  # data, not options
    "Have you tried signing out/back in or reinstalling?",
    "Reach us by phone or chat here: https://t.co/abc",
    "We can't refund or replace it.",  # negated
    "You can find replacement/refund options here: https://t.co/zRrkpVcaDF",
    "Would you like me to check your account? https://t.co/x/y",
])
def test_offer_choices_ignores_single_paths(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []


def test_offer_choices_scores_a_preference_question_higher(make_conversation):
    asks = OfferChoicesDetector().detect(make_conversation(agent="A refund or a replacement — which would you prefer?"))
    tells = OfferChoicesDetector().detect(make_conversation(agent="You can have a full refund or a replacement."))
    assert [f.score for f in asks + tells] == [0.9, 0.7]
