import pytest

from heard.analyze.moves.reflect_concern import ReflectConcernDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in ReflectConcernDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    # v12 (written probe 6): 'the bigger problem is', 'your father relies on this number', 'our goal is the same as yours', 'sales matter more than'
    ('Hello! It sounds like the bigger problem is that nobody has given you a straight answer in two weeks.', ['It sounds like the bigger problem is that nobody has given you a straight answer in two weeks.']),
    ("Hello, I see. Your father relies on this number to call you, so a suspended line means he can't reach the family.", ["Your father relies on this number to call you, so a suspended line means he can't reach the family."]),
    ('Dear, our goal is the same as yours: your card working again so that you can pay the hospital bill.', ['Dear, our goal is the same as yours: your card working again so that you can pay the hospital bill.']),
    ("Dear, your shop's Double Eleven sales matter more than our internal procedures here.", ["Dear, your shop's Double Eleven sales matter more than our internal procedures here."]),
    # v11 (written probe 5): 'I'd hate for you to lose …', 'meant a great deal to you', 'what he really needs is', 'the third time you've had to chase us', 'passed between four departments'
    ("OK, I'd hate for you to lose the deposit over this.", ["OK, I'd hate for you to lose the deposit over this."]),
    ('I can tell from your note that this evening meant a great deal to you both.', ['I can tell from your note that this evening meant a great deal to you both.']),
    ("Let's park the back-and-forth and focus on getting your stall's card reader working before Saturday's market.", ["Let's park the back-and-forth and focus on getting your stall's card reader working before Saturday's market."]),
    ("It sounds like what he really needs is a way to reach us that doesn't depend on phone calls.", ["It sounds like what he really needs is a way to reach us that doesn't depend on phone calls."]),
    ("I'm so sorry, this is the third time you've had to chase us about the same leak.", ["I'm so sorry, this is the third time you've had to chase us about the same leak."]),
    ('It must be very troublesome for you to run to the business hall three times for the same SIM card.', ['It must be very troublesome for you to run to the business hall three times for the same SIM card.']),
    ("I can see you've been passed between four departments.", ["I can see you've been passed between four departments."]),
    # v10 (written probe 4): 'just so I've understood', 'so the worry is being …', a stake made the focus, 'the thing you can't risk is'
    ('So the worry is being turned away at the gate tomorrow over the misspelt surname?', ['So the worry is being turned away at the gate tomorrow over the misspelt surname?']),
    ("Just so I've understood properly: it's not the speed that's the problem, it's that your card terminal goes down.", ["Just so I've understood properly: it's not the speed that's the problem, it's that your card terminal goes down."]),
    ("Let's put the last two weeks behind us and focus on getting your staff paid on time.", ["Let's put the last two weeks behind us and focus on getting your staff paid on time."]),
    ('Whatever went wrong at the counter, the important thing now is getting you on a flight home tonight.', ['Whatever went wrong at the counter, the important thing now is getting you on a flight home tonight.']),
    ('We fully understand how anxious you are, since the parcel contains your exam admission card.', ['We fully understand how anxious you are, since the parcel contains your exam admission card.']),
    ("If I've understood you correctly, the bigger issue isn't this one late fee; it's that a failed payment could hurt your credit file.", ["If I've understood you correctly, the bigger issue isn't this one late fee; it's that a failed payment could hurt your credit file."]),
    ("Just so I'm clear, the thing you can't risk is the mortgage payment bouncing while the account is frozen, right?", ["Just so I'm clear, the thing you can't risk is the mortgage payment bouncing while the account is frozen, right?"]),
    ('So essentially you need the certificate in your hands before the visa appointment on Thursday.', ['So essentially you need the certificate in your hands before the visa appointment on Thursday.']),
    ('The only thing that matters from here is that you and your guests still have a wonderful wedding weekend.', ['The only thing that matters from here is that you and your guests still have a wonderful wedding weekend.']),
    # v9: 'the main thing for you is', 'if I've got this right, the real problem isn't … it's that', 'how much … means to you',
    # a name after 'what matters most here is that', 'before you fly'
    ("I'm hearing that the main thing for you is not being cut off while your daughter's in hospital.", ["I'm hearing that the main thing for you is not being cut off while your daughter's in hospital."]),
    ("So if I've got this right, the real problem isn't the fee itself - it's that it pushed you into your overdraft.", ["So if I've got this right, the real problem isn't the fee itself - it's that it pushed you into your overdraft."]),
    ("We know how much tonight's match means to you, Pete.", ["We know how much tonight's match means to you, Pete."]),
    ('What matters most here is that Poppy gets her medication on time, not whose system was at fault.', ['What matters most here is that Poppy gets her medication on time, not whose system was at fault.']),
    ('So you need the replacement card before you fly to Toronto on Sunday - understood.', ['So you need the replacement card before you fly to Toronto on Sunday - understood.']),
    # v8: 'if I'm following you', 'the worry isn't … it's that', a stake a few words before 'is what matters',
    # 'what matters now is getting your …', 'let me make sure I've got this', 'the thing you really need is', 'you mentioned'
    ("So if I'm following you, the worry isn't the £12 itself - it's that this keeps happening every month.", ["So if I'm following you, the worry isn't the £12 itself - it's that this keeps happening every month."]),
    ("Your daughter's birthday on Saturday is what matters here, not our stock system.", ["Your daughter's birthday on Saturday is what matters here, not our stock system."]),
    ("Let's not worry about how the mix-up happened - what matters now is getting your mum's prescription to her before the weekend.", ["Let's not worry about how the mix-up happened - what matters now is getting your mum's prescription to her before the weekend."]),
    ("Let me make sure I've got this: you're not after compensation, you just want to know the visits won't be cancelled again.", ["Let me make sure I've got this: you're not after compensation, you just want to know the visits won't be cancelled again."]),
    ('So the thing you really need is for the funds to clear before your house completion on the 30th.', ['So the thing you really need is for the funds to clear before your house completion on the 30th.']),
    ("You mentioned the shop relies on that card reader, and every hour it's down is lost takings for you.", ["You mentioned the shop relies on that card reader, and every hour it's down is lost takings for you."]),
    # v7: 'if I've understood correctly, you …', 'what I'm hearing is that you …', 'it's less the fee and more that
    # you …', 'we understand … your business', 'the hardest part is', 'the priority now is … before Saturday'
    ("Hi Daniel, if I've understood correctly, you need the laptop repaired before your exams start on the 14th.", ["Hi Daniel, if I've understood correctly, you need the laptop repaired before your exams start on the 14th."]),
    ("What I'm hearing is that you've contacted us four times now and nobody has actually dealt with it.", ["What I'm hearing is that you've contacted us four times now and nobody has actually dealt with it."]),
    ('Totally understand, you need the tickets sorted before the gig on Friday night, not after.', ['Totally understand, you need the tickets sorted before the gig on Friday night, not after.']),
    ("Sounds like it's less the $12 fee & more that you're being billed for a month you'd already cancelled.", ["Sounds like it's less the $12 fee & more that you're being billed for a month you'd already cancelled."]),
    ('We understand that you use this number for your business and cannot change it.', ['We understand that you use this number for your business and cannot change it.']),
    ('It sounds like the hardest part is not knowing whether your deposit is coming back at all.', ['It sounds like the hardest part is not knowing whether your deposit is coming back at all.']),
    ('Whatever went wrong with the first courier, the priority now is getting a new dress to you before Saturday.', ['Whatever went wrong with the first courier, the priority now is getting a new dress to you before Saturday.']),
    ("It sounds like you're worried the gift will miss the celebration.",  # the brief
     ["It sounds like you're worried the gift will miss the celebration."]),
    ("So the real worry is that it won't arrive before Friday's party.",
     ["So the real worry is that it won't arrive before Friday's party."]),
    ("It sounds like you need this sorted before your trip.", ["It sounds like you need this sorted before your trip."]),
    # v6: "so you need it …" restates the need; "so you need to …" instructs
    ("So you need this before Friday's party.", ["So you need this before Friday's party."]),
    ("So you need to restart the router before Friday.", []),
    # reflect and reframe together
    ("Your son's birthday is what matters here, not our stock system.",
     ["Your son's birthday is what matters here, not our stock system."]),
    ("What matters now is that your event goes ahead.", ["What matters now is that your event goes ahead."]),
    ("I know how important your daughter's graduation is.", ["I know how important your daughter's graduation is."]),
    ("You're counting on this for your wedding on Saturday.", ["You're counting on this for your wedding on Saturday."]),
    ("Thanks, Sam. I understand this is for your business and your customers are waiting.",
     ["I understand this is for your business and your customers are waiting."]),
    ("You shouldn't have to chase us for this.", ["You shouldn't have to chase us for this."]),
    ("If I’m hearing you right, you need the chair before your mum comes home.",
     ["If I’m hearing you right, you need the chair before your mum comes home."]),
    ("So the real deadline is 8:30 tomorrow morning.", ["So the real deadline is 8:30 tomorrow morning."]),
    ("So the real pressure is that your catalogue has to be live before the launch.",
     ["So the real pressure is that your catalogue has to be live before the launch."]),
    ("I can hear how worrying this is with rent due on April 1.", ["I can hear how worrying this is with rent due on April 1."]),
])
def test_reflect_concern_finds_reflected_stakes(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "Okay, just so I've got this right: you were charged for delivery but collected in store?",  # the literal request checked
    "Let's focus on getting the router reset first.",  # a focus with no stake
    "I understand you're messaging about your bill.",  # the ticket subject
    "Hi, for the situation you mentioned lately, we have transferred it to our staff to follow it up.",
    "We understand your concern. Please DM us your order number.",
    "What you need to do is restart the router.",
    "I understand you have a question about your order.",  # only the ticket subject
    "I understand you want a refund.",  # the literal request
    "Sounds like your account may have been compromised.",  # a diagnosis
    "Let's make sure it's there by Saturday.",  # a reframe, no stake restated
    "Let's focus on getting you a working card before the weekend.",
    "We've issued a refund to your card.",
    "This sounds exhausting.",
    "What is your order number?",
    "Hey, do I understand that the flight is closed already?",  # a question, not a reflection
    "Is there anything you need from me for your stakeholders?",  # a question, not a reflection
    "The deadline is in the terms.",
    "Yes, you have to make the appointment via phone.",  # an instruction, not the need restated (v5)
    "You need to withdraw the number from the family package before the trip.",
])
def test_reflect_concern_ignores_literal_requests(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []
