import pytest

from heard.analyze.moves.non_apology import NonApologyDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in NonApologyDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    # v8 (written probe 4): "sorry that's how you see it", the condition first, "sorry to learn that you feel frustrated", "sorry you feel we …"
    ("We're sorry that's how you see it, Nora. All feedback is shared with our stores.", ["We're sorry that's how you see it, Nora"]),
    ('Hello! If you are dissatisfied with our service, we are sorry. We will keep working hard.', ['If you are dissatisfied with our service, we are sorry']),
    ('We are sorry to learn that you feel frustrated by the changes to our loyalty scheme.', ['We are sorry to learn that you feel frustrated by the changes to our loyalty scheme']),
    ("I'm sorry you feel we handled it badly, but we followed the correct procedure.", ["I'm sorry you feel we handled it badly"]),
    ("We're sorry you feel that way.", ["We're sorry you feel that way"]),
    ("I’m sorry you feel that way. It was a mistake.", ["I’m sorry you feel that way"]),
    ("Sorry if you were upset.", ["Sorry if you were upset"]),
    ("We apologize if this caused any confusion.", ["We apologize if this caused any confusion"]),
    ("I'm sorry you're disappointed.", ["I'm sorry you're disappointed"]),
    ("We don't want you to feel that way.", ["We don't want you to feel that way"]),
    ("My apologies for any frustration.", ["My apologies for any frustration"]),
    ("We're sorry for your frustration.", ["We're sorry for your frustration"]),
    ("We sincerely apologize for your disappointment.", ["We sincerely apologize for your disappointment"]),
    ("Sorry for the way you feel about our service.", ["Sorry for the way you feel about our service"]),
    ("Hello, I'm sorry to see that you feel this way, and I'm happy to help!", ["I'm sorry to see that you feel this way"]),
    ("We never want to disappoint you, and comments like yours help us plan.", ["We never want to disappoint you"]),
    # v4: regret for the mood or the impression, not for what the company did
    ("I'm sorry for your bad mood. We will look into it.", ["I'm sorry for your bad mood"]),
    ("We are sorry for making a bad impression on you.", ["We are sorry for making a bad impression on you"]),
    # v6: regret for what the customer feels or thinks, said another way
    ("I apologize that you think that. DM us if you need help.", ["I apologize that you think that"]),
    ("I regret that you aren't happy with the information given.", ["I regret that you aren't happy with the information given"]),
    ("I'm so sorry you aren't a fan, and we're still perfecting the recipe.", ["I'm so sorry you aren't a fan"]),
    ("We never like to hear you're disappointed, Alison.", ["We never like to hear you're disappointed, Alison"]),
])
def test_non_apology_finds_regret_for_feelings(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "I'm sorry you feel unwell, I hope you're better soon.",  # sympathy for an illness
    "I'm sorry we charged you twice.",
    "Sorry for the delay on our end.",
    "We apologize for any inconvenience.",
    "My apologies for any frustrations or inconvenience.",  # a real object besides the feeling
    "Sorry to hear that.",
    "Sorry you're having trouble!",
    "Sorry, we can't refund sale items.",
    "I understand how frustrating this is.",
    "Hi there, sorry about that.",
])
def test_non_apology_ignores_real_apologies_and_sympathy(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []
