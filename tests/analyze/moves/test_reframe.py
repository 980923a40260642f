import pytest

from heard.analyze.moves.reframe import ReframeDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in ReframeDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    # v10 (written probe 6): 'our goal is the same as yours'
    ('Dear, our goal is the same as yours: your card working again so that you can pay the hospital bill.', ['Dear, our goal is the same as yours: your card working again so that you can pay the hospital bill.']),
    # v9 (written probe 5): 'put that to one side', 'whose fault is not important'; 'do not worry' negates nothing
    ("Let's put that to one side and get you a working phone line, then go from there.", ["Let's put that to one side and get you a working phone line, then go from there."]),
    ('Dear, whose fault is not important now, the most important is to help your store open tomorrow.', ['Dear, whose fault is not important now, the most important is to help your store open tomorrow.']),
    # v8: 'let's move on from', 'let's park', 'we can't change what happened, but we can', 'forget the … for a second'
    ("Let's move on from the confusion with the previous agent and focus on what you actually need.", ["Let's move on from the confusion with the previous agent and focus on what you actually need."]),
    ("OK, let's park the billing history for a moment and get you connected - that's what we both want.", ["OK, let's park the billing history for a moment and get you connected - that's what we both want."]),
    ("We can't change what happened at the airport, but we can make sure the rest of your holiday goes smoothly.", ["We can't change what happened at the airport, but we can make sure the rest of your holiday goes smoothly."]),
    ("Forget the cancelled train for a second - there's a coach at 07:40.", ["Forget the cancelled train for a second - there's a coach at 07:40."]),
    # v6: 'put … behind us', 'set … aside', 'blame aside', 'whatever the cause …, my focus is', 'the current priority is',
    # 'what we care about now is', 'rather than debating'
    ("Let's put the back-and-forth behind us and focus on one thing: getting your account unlocked.", ["Let's put the back-and-forth behind us and focus on one thing: getting your account unlocked."]),
    ("What we care about now is your pup's food arriving.", ["What we care about now is your pup's food arriving."]),
    ("Let's set aside the original quote for a moment. The goal is getting your kitchen finished.", ["Let's set aside the original quote for a moment.", 'The goal is getting your kitchen finished.']),
    ('Blame aside, the thing that matters is your wedding cake turning up on the day.', ['Blame aside, the thing that matters is your wedding cake turning up on the day.']),
    ('Whatever the cause turns out to be, my focus is on getting your team able to log in again.', ['Whatever the cause turns out to be, my focus is on getting your team able to log in again.']),
    ('The current priority is to recover your lost data.', ['The current priority is to recover your lost data.']),
    ("Rather than debating what the engineer should have done, let's agree the next step.", ["Rather than debating what the engineer should have done, let's agree the next step."]),
    ("Let's make sure it's there by Saturday.", ["Let's make sure it's there by Saturday."]),  # the brief
    ("Let's focus on getting you a working card before the weekend.",
     ["Let's focus on getting you a working card before the weekend."]),
    ("What matters now is that your event goes ahead.", ["What matters now is that your event goes ahead."]),
    ("Your son's birthday is what matters here, not our stock system.",
     ["Your son's birthday is what matters here, not our stock system."]),
    ("I hear you. My priority now is getting your service back.", ["My priority now is getting your service back."]),
    ("The most important thing is that you can travel on Friday.",
     ["The most important thing is that you can travel on Friday."]),
    ("Rather than dwelling on what went wrong, let’s get you a new card.",
     ["Rather than dwelling on what went wrong, let’s get you a new card."]),
    ("Let's work together to get your store back online.", ["Let's work together to get your store back online."]),
    ("Let's get him the right pair for Saturday.", ["Let's get him the right pair for Saturday."]),
    ("So what you need is the dress at home. Let's do exactly that.", ["Let's do exactly that."]),
])
def test_reframe_finds_turns_to_the_outcome(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "The priority is set by the system.",
    "Please set the router aside and restart it.",
    "We've issued a refund to your card.",  # a fix is a path, not a reframe
    "I'll reset your password now.",
    "Let's meet up in DM first.",
    "Let us look into that.",
    "It sounds like you're worried the gift will miss the celebration.",
    "That's not what matters to our policy team.",
    "Your order shipped yesterday.",
    "Please try restarting the app.",
    "Let's work on this together in DM.",  # moving channels is logistics
    "Let's get you over to DM so we can look at the account.",
    "Let's get started.",
    # v4: no outcome named, or a fix step: a path (both labellers of the decision sets agree)
    "Let’s work together on this. How long has this been happening?",
    "Hey, let's work together to figure out what's going on. Meet us in DM.",
    "Gotcha, let's make sure that your controller is up to date and see if the headset works then.",
    "Sorry to hear the trouble! Let's get this sorted out via https://example.com/help and a member of our team will be in contact.",
])
def test_reframe_ignores_plain_fixes(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []
