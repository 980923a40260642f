import pytest

from heard.analyze.moves.apology import ApologyDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in ApologyDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    ("I'm sorry we charged you twice.", ["I'm sorry we charged you twice"]),  # the brief
    ("I'm sorry we charged you twice, and I've refunded the second charge.", ["I'm sorry we charged you twice"]),
    ("Sorry for the delay on our end.", ["Sorry for the delay on our end"]),
    ("We apologize for any inconvenience.", ["We apologize for any inconvenience"]),
    ("Sorry for the trouble.  Please DM us with your email address.", ["Sorry for the trouble"]),
    ("We're sorry for your unpleasant experience.", ["We're sorry for your unpleasant experience"]),
    ("Hi, Jenna. I apologize for your seating issue.", ["I apologize for your seating issue"]),
    ("I do apologize that happened. I will be happy to help out.", ["I do apologize that happened"]),
    ("My apologies for any frustrations or inconvenience.", ["My apologies for any frustrations or inconvenience"]),
    ("Hi there, sorry about that.", ["sorry about that"]),
    ("Sincerest apologies.", ["Sincerest apologies"]),
    ("I’m so sorry our app logged you out.", ["I’m so sorry our app logged you out"]),
    ("Sorry for the confusion.", ["Sorry for the confusion"]),
])
def test_apology_finds_specific_apologies(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "Sorry to hear that!",  # sympathy
    "Sorry you're having trouble!",  # sympathy
    "Sorry, we can't refund sale items.",  # sympathy, then a refusal
    "I'm sorry we can't refund sale items.",
    "Sorry, but you should have read the terms.",  # a bare sorry followed by blame
    "That's our failure.",  # fault admitted, no apology
    "We're sorry you feel that way.",  # non-apology
    "Sorry if you were upset.",  # non-apology
    "My apologies for any frustration.",  # aimed at the feeling
    "We're sorry for your frustration.",  # aimed at the feeling
    "I'm so sorry for your loss.",  # sympathy
    "I'm sorry your order hasn't arrived yet!",  # sympathy for the situation
])
def test_apology_ignores_sympathy_and_non_apologies(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []


def test_apology_scores_and_explains(make_conversation):
    [finding] = ApologyDetector().detect(make_conversation(agent="I'm sorry we charged you twice."))
    assert (finding.kind, finding.score) == ("move.apology", 0.9)
    assert finding.rationale == "apologises for the company's part: \"I'm sorry we\""
