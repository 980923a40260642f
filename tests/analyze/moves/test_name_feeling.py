import pytest

from heard.analyze.moves.name_feeling import NameFeelingDetector
from heard.model import Role, evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in NameFeelingDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    # v12 (written probe 5): 'I'd be fuming too', 'worn you down', 'it's clear how let down you are', 'such a slog', 'seriously annoying', sadness / helpless / mortifying / troublesome (after 'must be')
    ("Missing the first half cos the stream froze is gutting, I'd be fuming too.", ['is gutting']),
    ("I'd be just as annoyed if I'd been charged for a subscription I'd cancelled.", ["I'd be just as annoyed"]),
    ('Dear, we are sorry that you feel unsatisfied with our service.', ['you feel unsatisfied']),
    ("That's a lot to land on you in one week, and it sounds like it's really worn you down.", ['worn you down']),
    ("It's clear how worn out and let down you are after four months of this.", ["It's clear how worn out"]),
    ("I'm sorry we made getting an answer such a slog.", ['made getting an answer such a slog']),
    ('being cut off mid-call over and over is seriously annoying, I totally get it', ['is seriously annoying']),
    ('Hello, we totally understand your sadness for losing the photos of your child.', ['we totally understand your sadness']),
    ("Having your card declined at the till with a queue behind you must've been mortifying.", ["must've been mortifying"]),
    ('Little Yun can understand how helpless you feel when the elevator card cannot be used.', ['Little Yun can understand how helpless you feel']),
    ('It must be very troublesome for you to run to the business hall three times.', ['It must be very troublesome']),
    # v11 (written probe 4): "… is so annoying", "… is exhausting", "we can feel your worry", fuming / gutted, "caused you considerable anxiety", "you're clearly upset"
    ('Ah no, dropped Wi-Fi in the middle of a call is so annoying. Is it just one device?', ['is so annoying']),
    ("Hours on hold is exhausting, and I'm sorry we put you through it.", ['is exhausting']),
    ('Dear customer, we can feel your worry about the account safety.', ['we can feel your worry']),
    ("You're fuming, and I don't blame you.", ["You're fuming"]),
    ('I can tell how gutted you are about losing the tournament slot.', ['I can tell how gutted you are']),
    ('The delay has caused you considerable anxiety.', ['caused you considerable anxiety']),
    ("You're clearly upset, and honestly you have every right to be.", ["You're clearly upset"]),
    ("This sounds exhausting, and I understand why you're upset.", ["This sounds exhausting"]),  # the brief
    ("That sounds really stressful.", ["That sounds really stressful"]),
    ("I understand how disappointing this must be.", ["I understand how disappointing this must be"]),
    ("I can hear how upset you are.", ["I can hear how upset you are"]),
    ("I understand your frustration and apologize again for your experience.", ["I understand your frustration"]),
    ("Sorry to hear this process was so frustrating.", ["this process was so frustrating"]),
    ("How frustrating! Let me look.", ["How frustrating"]),
    ("What a hassle, Dana.", ["What a hassle"]),
    ("That must be really hard.", ["That must be really hard"]),
    ("I can’t imagine how stressful that was.", ["I can’t imagine how stressful that was"]),  # curly apostrophe
    ("It's frustrating when the app crashes mid-order, I know.", ["It's frustrating"]),
    ("I understand the frustration this causes, Andy", ["I understand the frustration this causes"]),
    # a feeling stated as fact inside a non-apology still counts
    ("I'm sorry you're disappointed.", ["you're disappointed"]),
    ("We're sorry for your frustration.", ["sorry for your frustration"]),
    ("It sounds like you're worried the gift will miss the celebration.", ["you're worried"]),
    ("That sounds exhausting. I can see you're fed up.", ["That sounds exhausting", "I can see you're fed up"]),
    ("That engraving matters — and it's fair to be nervous after this week.", ["it's fair to be nervous"]),
    ("It's completely understandable to feel frustrated by that.", ["It's completely understandable to feel frustrated"]),
    ("I saw your tweet and you appear to be frustrated.", ["you appear to be frustrated"]),
    ("I can see why this has bothered you.", ["I can see why this has bothered"]),
    ("Delays are frustrating for everyone, and I'm sorry for this one.", ["Delays are frustrating"]),
    # idioms negate nothing: "without a doubt", "no doubt"
    ("Without a doubt, delays are frustrating for everyone.", ["delays are frustrating"]),
    ("A dead hotspot the day before an interview is a really stressful spot to be in.", ["a really stressful spot"]),
    ("That's a nerve-racking place to be two days before a launch.", ["That's a nerve-racking"]),
    ("Oh no, that's such a disappointing thing to unwrap.", ["that's such a disappointing"]),  # "oh no" is not a negation
    ("Opening it to see her name misspelled must have been gutting.", ["must have been gutting"]),
    ("We can understand your feeling, and we want to solve this quickly.", ["We can understand your feeling"]),
    # v9: a question that takes the feeling as given; feelings listed before "that we have caused"
    ("What happened to cause your frustration? Tell me more.", ["cause your frustration"]),
    ("...anxiety, frustration, and inconvenience that we have caused.", ["anxiety, frustration, and inconvenience that we have caused"]),
    ("I completely understand how you feel.", ["I completely understand how you feel"]),
    ("We understand your frame of mind. Please send us the number.", ["We understand your frame of mind"]),
    # v4: a helpdesk's mascot or editor understands, and regret for the customer's mood stated as fact
    ("Little Bo understands your feeling. Please send us your account number.", ["Little Bo understands your feeling"]),
    ("The editor truly understands how you feel.", ["The editor truly understands how you feel"]),
    ("We are sorry for making you unhappy.", ["sorry for making you unhappy"]),
])
def test_name_feeling_finds_named_feelings(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "That's troublesome to see. Please tell us more here.",
    "I'd be happy to help with that.",  # the agent's own feeling
    "The new plan isn't so confusing once you log in.",
    "The app is so easy to use now.",
    "Sorry for the inconvenience.",  # an apology at most
    "I'm happy to help.",  # the agent's own feeling
    "We're disappointed to hear this, Stephen.",  # the agent's own feeling
    "We're sorry you feel that way.",  # a non-apology naming no feeling
    "I get it, that's ridiculous.",  # no emotion named
    "My apologies for any frustration.",  # only a possible feeling
    "Sorry if you were upset.",  # only a possible feeling
    "Don't worry, we'll fix it.",
    "That's not confusing at all, just tap Settings.",
    "Please DM additional details about your concern.",
    "If you're frustrated with the app, try reinstalling it.",
    "Sorry to hear that.",
    "Is there anything else about tomorrow's setup you're worried about?",  # asked, not stated
    "What are you most concerned about?",
    "It's fair to say the order is late.",
    "No, that's not frustrating at all.",
])
def test_name_feeling_ignores_non_feelings(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []


def test_name_feeling_reads_only_agent_messages(make_conversation):
    conversation = make_conversation(customer="This sounds exhausting, honestly.", agent="Let me check.")
    assert found(conversation) == []


def test_name_feeling_skips_internal_notes(make_conversation):
    from dataclasses import replace

    conversation = make_conversation(agent="That sounds really stressful.")
    note = replace(conversation.messages[0], public=False)
    assert found(replace(conversation, messages=(note,))) == []


def test_name_feeling_scores_concern_lower_than_explicit_feelings(make_conversation):
    conversation = make_conversation(turns=[(Role.agent, "I can see you're concerned."), (Role.agent, "That sounds exhausting.")])
    scores = [f.score for f in NameFeelingDetector().detect(conversation)]
    assert scores == [0.6, 0.9]


def test_name_feeling_reads_your_concerns_as_the_issue_not_a_feeling(make_conversation):
    """v7: "we understand your concerns" acknowledges the issue; both labellers leave it unlabelled."""
    assert NameFeelingDetector().detect(make_conversation(agent="We understand your concerns, and want to help.")) == []
    [finding] = NameFeelingDetector().detect(make_conversation(agent="I truly regret the frustration we've caused you."))
    assert finding.kind == "move.name_feeling"


def test_name_feeling_rationale_quotes_the_cue(make_conversation):
    [finding] = NameFeelingDetector().detect(make_conversation(agent="That sounds exhausting."))
    assert finding.kind == "move.name_feeling"
    assert finding.rationale == 'names what this costs the customer: "That sounds exhausting"'
    assert (finding.detector, finding.detector_version) == ("name_feeling", "12")
