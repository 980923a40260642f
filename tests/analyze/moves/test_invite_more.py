import pytest

from heard.analyze.moves.invite_more import InviteMoreDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in InviteMoreDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    # v14 (written probe 6): 'anything else this delay has affected', 'what would you like us to do', 'how has the frozen account affected'
    ('Hi, apart from the refund, is there anything else this delay has affected for you?', ['Hi, apart from the refund, is there anything else this delay has affected for you?']),
    ('Hi, what would you like us to do about the order now? We will go with whatever works best for you.', ['Hi, what would you like us to do about the order now?']),
    ('Dear, how has the frozen account affected your plans this week?', ['Dear, how has the frozen account affected your plans this week?']),
    # v13 (written probe 5): 'anything that's been bugging you', 'what kind of solution do you hope to get', 'other needs', 'didn't sit right', 'the most important thing for you'
    ("Is there anything else that's been bugging you about the service? I'd rather hear it now.", ["Is there anything else that's been bugging you about the service?"]),
    ('Hello! Please tell Little Hua, what kind of solution do you hope to get?', ['Please tell Little Hua, what kind of solution do you hope to get?']),
    ('Dear, is there any other situation that we need to know?', ['Dear, is there any other situation that we need to know?']),
    ('Are there other needs of your family in using the broadband, such as elderly people?', ['Are there other needs of your family in using the broadband, such as elderly people?']),
    ("Was there anything else about the visit that didn't sit right with you?", ["Was there anything else about the visit that didn't sit right with you?"]),
    ('Dear, what other troubles did you meet during the use?', ['Dear, what other troubles did you meet during the use?']),
    ("What's the most important thing for you right now – getting the order, or getting your money back?", ["What's the most important thing for you right now – getting the order, or getting your money back?"]),
    # v12 (written probe 4): "your team's biggest headache", "what do you mostly use your phone for?", "whose needs I should think about", "what you were hoping to get"
    ("Before I suggest anything, can I ask what your team's biggest headache is with the current setup?", ["Before I suggest anything, can I ask what your team's biggest headache is with the current setup?"]),
    ('Before we pick a plan, what do you mostly use your phone for? And is there anyone else on the account whose needs I should think about?', ['Before we pick a plan, what do you mostly use your phone for?', 'And is there anyone else on the account whose needs I should think about?']),
    ('Tell me a bit about what you were hoping to get out of the upgrade?', ['Tell me a bit about what you were hoping to get out of the upgrade?']),
    # v11: 'that you want to tell us about', 'how has the outage affected your shop', 'the best outcome from your point of view'
    ('Besides the network problem, are there any other difficulties in your daily use that you want to tell us about?', ['Besides the network problem, are there any other difficulties in your daily use that you want to tell us about?']),
    ('How has the outage affected your shop so far?', ['How has the outage affected your shop so far?']),
    ("What's the best outcome here from your point of view?", ["What's the best outcome here from your point of view?"]),
    ("Can I ask what you're hoping to get out of this conversation?", ["Can I ask what you're hoping to get out of this conversation?"]),
    ('Before I suggest anything, what does a typical week of usage look like for you?', ['Before I suggest anything, what does a typical week of usage look like for you?']),
    # v10: what to factor in, a fair outcome, the hardest part, a normal week, what is worrying you
    ('Before I suggest anything, could you tell me what a fair outcome would look like from your side?', ['Before I suggest anything, could you tell me what a fair outcome would look like from your side?']),
    ('Is there anything about your situation - work hours, access to the building - that I should factor in before booking the visit?', ['Is there anything about your situation - work hours, access to the building - that I should factor in before booking the visit?']),
    ("What's been the hardest part of this for you so far?", ["What's been the hardest part of this for you so far?"]),
    ('Is there anything about your circumstances that would help me find the best option?', ['Is there anything about your circumstances that would help me find the best option?']),
    ("Is there anything about setting up the new address that's worrying you?", ["Is there anything about setting up the new address that's worrying you?"]),
    ('What does a normal week look like for you with the app?', ['What does a normal week look like for you with the app?']),
    ("Before I book anything, what's your week looking like?", ["Before I book anything, what's your week looking like?"]),
    # v9: what to plan around, what outcome would feel fair, worries, impact on work and life, other needs
    ('Is there anything about your schedule this week we should work around?', ['Is there anything about your schedule this week we should work around?']),
    ('Could you tell me what outcome would feel fair to you?', ['Could you tell me what outcome would feel fair to you?']),
    ('Dear, what are your worries about this order?', ['Dear, what are your worries about this order?']),
    ('What would turn this around for you?', ['What would turn this around for you?']),
    ('How is the outage hitting your business, so we know what to prioritise?', ['How is the outage hitting your business, so we know what to prioritise?']),
    ('Is there a date this needs to be resolved by that I should know about?', ['Is there a date this needs to be resolved by that I should know about?']),
    ('Could you please tell us what impact this broadband interruption has on your work and life?', ['Could you please tell us what impact this broadband interruption has on your work and life?']),
    ("Before we DM, what's most important to you here: timing, cost, something else?", ["Before we DM, what's most important to you here: timing, cost, something else?"]),
    ('Besides the refund, do you have any other needs or difficulties?', ['Besides the refund, do you have any other needs or difficulties?']),
    ("Is there anything about the date I should know?", ["Is there anything about the date I should know?"]),  # the brief
    ("Is there anything about the timing I should know?", ["Is there anything about the timing I should know?"]),
    ("What would make this right for you?", ["What would make this right for you?"]),
    ("Got it. Tell me more about what happened.", ["Tell me more about what happened."]),
    ("When do you need it by?", ["When do you need it by?"]),
    ("How has this been affecting your business?", ["How has this been affecting your business?"]),
    ("What matters most to you here?", ["What matters most to you here?"]),
    ("Could you walk me through what happened at the store?", ["Could you walk me through what happened at the store?"]),
    ("Is there anything else you’d like me to know before I call the depot?",
     ["Is there anything else you’d like me to know before I call the depot?"]),
    ("Which would you prefer? And is there a delivery date that matters to you?", ["And is there a delivery date that matters to you?"]),
    ("Is that your door? And what time do you need to leave tomorrow morning?", ["And what time do you need to leave tomorrow morning?"]),
    ("Is there anything else about the wedding day — alterations, timing, anything — that I should know about?",
     ["Is there anything else about the wedding day — alterations, timing, anything — that I should know about?"]),
    ("Is there anything else about tomorrow's setup you're worried about?", ["Is there anything else about tomorrow's setup you're worried about?"]),
    ("Is there anything you need from me for your stakeholders right now?", ["Is there anything you need from me for your stakeholders right now?"]),
    ("Is there anything else that would make the weekly shop easier for you?", ["Is there anything else that would make the weekly shop easier for you?"]),
    # v3: asking what is going on, in requests as well as questions
    ("Fill us in on what is happening, then we can help from there.", ["Fill us in on what is happening, then we can help from there."]),
    ("Whoa, what's going on that you're feeling this way?", ["Whoa, what's going on that you're feeling this way?"]),
    ("We'd love to help. Can you let us know what issues you are having with the router.",
     ["Can you let us know what issues you are having with the router."]),
    ("Hello! What problems did you encounter? Please tell me in detail.", ["What problems did you encounter?", "Please tell me in detail."]),
    ("What is the concrete issue?", ["What is the concrete issue?"]),
    ("Do you need help with something specific?", ["Do you need help with something specific?"]),
    # v4: asking what happened or what the trouble is, in the shapes brand replies use
    ("We hate to hear this. Can you DM us what happened?", ["Can you DM us what happened?"]),
    ("Tell us what happened so we can look into it. ^SC", ["Tell us what happened so we can look into it."]),
    ("Hi there, what exactly is the issue you are having?", ["Hi there, what exactly is the issue you are having?"]),
    ("We'd like to help. What happens when you try to play music?", ["What happens when you try to play music?"]),
    ("Please DM us and share more info about what occurred.", ["Please DM us and share more info about what occurred."]),
    ("What have you feeling this way? We would love to assist.", ["What have you feeling this way?"]),
    ("Can you direct message us and explain what issue you need assistance with?",
     ["Can you direct message us and explain what issue you need assistance with?"]),
    # v5: "how can I help?" and "what can I do for you?" asked outright, "describe your problem in details"
    ("Good morning, how can I help you? -JS", ["Good morning, how can I help you?"]),
    ("Sorry about that. What can Little Bo do to help you?", ["What can Little Bo do to help you?"]),
    ("Please describe your problem in details via private message.", ["Please describe your problem in details via private message."]),
    # v6: "what is the problem?" asked outright, "could you explain it?", "how did the staff explain it?"
    ("Dear, what is the problem?", ["Dear, what is the problem?"]),
    ("Could you please explain the dropped calls in detail?", ["Could you please explain the dropped calls in detail?"]),
    ("How did the staff explain it to you?", ["How did the staff explain it to you?"]),
    # v7: "what's going on" written with a contraction
    ("DM us what's going on.", ["DM us what's going on."]),
])
def test_invite_more_finds_open_questions(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "Can I ask what your account number is?",  # collects data
    "Is there a reference number I should use?",
    "Do you have any other accounts with us?",
    "Can you DM us your order number?",  # data for the process
    "What device and OS version are you using?",
    "What's your email address?",
    "Which version of iOS are you on?",
    "Is there anything else I can help you with today?",  # a sign-off
    "Have you tried restarting the app?",
    "Did you call your local store about refunding your order?",
    "Please DM us your account details.",
    "Is there anything else I can help with today?",  # a sign-off
    "Is there anything else I can help you with?",
    "Is there a delivery date on the order?",  # data about the order
    "What time is it there?",
    "Is there anything you need to send us?",
    "How long has this been happening? Which phone do you have?",  # troubleshooting data
    "What happens when you restart it?",
    "Let us know the device you're using.",
    "What is wrong with me, I forgot the link: https://example.com/help",  # no question to the customer
    "We will tell you how we can help once the engineer has looked.",  # not asked
])
def test_invite_more_ignores_process_questions(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []
