import pytest

from heard.analyze.moves.apology import ApologyDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in ApologyDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    ("I'm sorry we charged you twice.", ["I'm sorry we charged you twice"]),  # the brief
    ("I'm sorry we charged you twice, and I've refunded the second charge.", ["I'm sorry we charged you twice"]),
    ("Sorry for the delay on our end.", ["Sorry for the delay on our end"]),
    ("Hi! Please forgive the inconvenience we brought to you.", ["Please forgive the inconvenience we brought to you"]),  # v6
    ("Hello, apologies on your experience. The service has been deactivated.", ["apologies on your experience"]),  # v7
    ("I'm also sorry that you have been on hold for a while now.", ["sorry that you have been on hold for a while now"]),
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
    # a bare "sorry" with the company's own fault owned next to it
    ("I'm sorry — you paid for express shipping and the order hasn't left our warehouse. That's on us, not on you.",
     ["I'm sorry — you paid for express shipping and the order hasn't left our warehouse. That's on us, not on you"]),
    ("I'm sorry: our checkout is blocking you, and that's our failure.", ["I'm sorry: our checkout is blocking you, and that's our failure"]),
    ("I'm really sorry, that's a packing mistake on our side.", ["I'm really sorry, that's a packing mistake on our side"]),
    ("I'm so sorry. We engraved it wrong; that's our mistake entirely.", ["I'm so sorry. We engraved it wrong; that's our mistake entirely"]),
    ("You did everything right, and we're late. I'm sorry.", ["we're late. I'm sorry."]),
    # the company's delay, wait or silence
    ("Sorry it took longer than expected.", ["Sorry it took longer than expected"]),
    ("I'm sorry it's 20 minutes late: I was on a call.", ["I'm sorry it's 20 minutes late"]),
    ("Sorry you've been waiting 12 days for a quote — that's too long.", ["Sorry you've been waiting 12 days for a quote"]),
    ("Sorry nobody let you know.", ["Sorry nobody let you know"]),
    ("Sorry again for the inconvenience.", ["Sorry again for the inconvenience"]),
    ("Apologies, I misread.", ["Apologies, I misread"]),
    ("My apologies for that. Just sent you a DM.", ["My apologies for that"]),
    # v3: a bare apology that is its whole clause; "sorry the X was slower than expected"; "sorry for that"
    ("We're sorry, Anthony! Did you order the large size?", ["We're sorry"]),
    ("Hi, the new system went live this morning. We are really sorry.", ["We are really sorry"]),
    ("I am sorry dear. Please send me your number.", ["I am sorry"]),
    ("We're sorry the Wi-Fi was slower than expected.", ["We're sorry the Wi-Fi was slower than expected"]),
    ("We are very sorry for that. Please try another charger.", ["We are very sorry for that"]),
    ("I'm sorry about this Katie. Which store was it?", ["I'm sorry about this Katie"]),
    ("I'm sorry for this wait.", ["I'm sorry for this wait"]),
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
    "I'm sorry. That's our policy for sale items.",  # a policy is not a fault owned
    "Sorry, but that's not on us.",
    "Sorry to hear that. It's our busiest week.",
    "I'm sorry it's not working for you.",  # sympathy: nothing the company owns
    "Apologies are not enough, I know.",  # not an apology opening a sentence
    "Sorry, we can't do that — our hands are tied.",
    "I apologize you are experiencing some speed issues.",  # sympathy: "sorry you're having trouble"
    "We do not have access to billing via this channel, our apologies!",  # "sorry, we can't"
    "I'm sorry. The offer can only be redeemed in store.",  # a sorry fronting a refusal
    "I'm so sorry. You should have checked the size chart.",  # a bare sorry followed by blame
    "We're sorry. That's our policy.",
    # v4: regret for what the customer feels, thinks or cannot do; "sorry we're unable"; "sorry! there isn't a way"
    "I do apologize that you feel this way.",
    "I apologize that you think that.",
    "We apologize that you're unable to find it.",
    "We’re sorry we’re unable to help with baggage from another airline.",
    "I apologize for not being able to address your concerns via this channel.",
    "Sorry! There isn't a way to roll back, but we're working on making changes.",
])
def test_apology_ignores_sympathy_and_non_apologies(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []


def test_apology_scores_and_explains(make_conversation):
    [finding] = ApologyDetector().detect(make_conversation(agent="I'm sorry we charged you twice."))
    assert (finding.kind, finding.score) == ("move.apology", 0.9)
    assert finding.rationale == "apologises for the company's part: \"I'm sorry we\""
