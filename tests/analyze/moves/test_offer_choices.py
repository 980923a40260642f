import pytest

from heard.analyze.moves.offer_choices import OfferChoicesDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in OfferChoicesDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    # v10 (written probe 6): 'please tell us which' in the next sentence
    ('Hi, you can mail the phone to our Beijing repair center free of charge, or take it to the service point in Wuhan. Please tell us which is more convenient.', ['Hi, you can mail the phone to our Beijing repair center free of charge, or take it to the service point in Wuhan. Please tell us which is more convenient.']),
    # v9 (written probe 5): a price with pence inside the two courses, '15% off' as a remedy, the preference asked in the next sentence
    ("You can swap to a same-day slot for £4.95 or keep Thursday's free one – just let me know which.", ["You can swap to a same-day slot for £4.95 or keep Thursday's free one – just let me know which."]),
    ('To make up for it I can either bump you to next-day delivery free of charge or take 15% off the whole order.', ['To make up for it I can either bump you to next-day delivery free of charge or take 15% off the whole order.']),
    ('Hello! You can choose to go to the business hall, or send "BGTC" to 10039 by SMS. Which way is convenient for you?', ['You can choose to go to the business hall, or send "BGTC" to 10039 by SMS. Which way is convenient for you?']),
    ('Dear, you can choose monthly payment of RMB 58, or annual payment of RMB 600. Which one is more suitable for you?', ['Dear, you can choose monthly payment of RMB 58, or annual payment of RMB 600. Which one is more suitable for you?']),
    # v8 (written probe 4): "which would help more?"
    ('I can courier a spare card to your hotel or set up a virtual card in the app for you to use today. Which would help more?', ['I can courier a spare card to your hotel or set up a virtual card in the app for you to use today. Which would help more?']),
    # v7: two courses joined by 'or' and asked about in the next sentence; 'whichever you'd like', 'which feels fairest', a swap
    ("We can swap it for the next size up or give you a full refund - whichever you'd like, Kat!", ["We can swap it for the next size up or give you a full refund - whichever you'd like, Kat!"]),
    ('We can look at a partial refund, a free service or a swap for a newer model - which feels fairest to you?', ['We can look at a partial refund, a free service or a swap for a newer model - which feels fairest to you?']),
    ('Would you prefer a call back from our specialist team this afternoon, or would you rather I email you the full breakdown so you can read it in your own time?', ['Would you prefer a call back from our specialist team this afternoon, or would you rather I email you the full breakdown so you can read it in your own time?']),
    ('You could move to the annual plan now and save about 15%, or stay monthly for flexibility. Which sounds better?', ['You could move to the annual plan now and save about 15%, or stay monthly for flexibility. Which sounds better?']),
    ("There's a coach at 07:40 that arrives at 10:05, or I can book you on the 08:15 via Reading. Which works best for you?", ["There's a coach at 07:40 that arrives at 10:05, or I can book you on the 08:15 via Reading. Which works best for you?"]),
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
    # enumerated alternatives of any kind, with the question after the list …
    ("Let's make sure it's there by Saturday. These are the realistic options:\n1. We finish the engraving today and ship it overnight.\n"
     "2. We send an unengraved kit from our store today.\n\nWhich of these fits best? And is there anything I should know?",
     ["These are the realistic options:\n1. We finish the engraving today and ship it overnight.\n"
      "2. We send an unengraved kit from our store today.\n\nWhich of these fits best?"]),
    ("There are two ways I can get your desk ordered:\n1. I place the order for you here in chat now.\n2. A phone order tomorrow from 8 am.\n"
     "Either way the price stays the same. Which would you prefer?",
     ["There are two ways I can get your desk ordered:\n1. I place the order for you here in chat now.\n2. A phone order tomorrow from 8 am.\n"
      "Either way the price stays the same. Which would you prefer?"]),
    # … or before it
    ("I'm sorry we sent the wrong size. Which would be easier?\n1. Free next-day delivery.\n2. Pick up from Kingsgate tomorrow.",
     ["Which would be easier?\n1. Free next-day delivery.\n2. Pick up from Kingsgate tomorrow."]),
    # options counted inline
    ("I can do it one of two ways. One: I send a size twelve today. Two: I send a twelve and a fourteen. Which would suit you better?",
     ["I can do it one of two ways. One: I send a size twelve today. Two: I send a twelve and a fourteen. Which would suit you better?"]),
    # an intro naming the options is enough without a question
    ("Here are your options:\n- A recovery reset, about 5 minutes.\n- A replacement from our Eastgate store.",
     ["Here are your options:\n- A recovery reset, about 5 minutes.\n- A replacement from our Eastgate store."]),
    # two courses of action joined by "or", with a preference phrase
    ("The PayPal fallback can stay on as an extra option, or I can turn it off — your choice.",
     ["The PayPal fallback can stay on as an extra option, or I can turn it off — your choice."]),
    # the question in the next sentence joins the span
    ("I can either send a replacement vase (3–5 days) or refund the $64 to your card. Which would you prefer?",
     ["I can either send a replacement vase (3–5 days) or refund the $64 to your card. Which would you prefer?"]),
    # v3: alternatives in the passive with a "which … prefer" question
    ("Your voucher can be sent by email or by post, can you confirm which you'd prefer?",
     ["Your voucher can be sent by email or by post, can you confirm which you'd prefer?"]),
    ("The deposit can be paid in store or online. Which would suit you?", ["The deposit can be paid in store or online. Which would suit you?"]),
    # v4: a question that puts two alternatives to the customer
    ("Hi, just a question at the beginning - do you prefer answers in German or English? ^NW",
     ["Hi, just a question at the beginning - do you prefer answers in German or English?"]),
])
def test_offer_choices_finds_alternatives(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "You can restart the router or I can send an engineer.",  # two courses, nothing asked
    "Would you like a refund?",  # one path
    "I've issued a refund.",
    "Please DM your order number or email.",  # data, not options
    "Have you tried signing out/back in or reinstalling?",
    "Reach us by phone or chat here: https://t.co/abc",
    "We can't refund or replace it.",  # negated
    "You can find replacement/refund options here: https://t.co/zRrkpVcaDF",
    "Would you like me to check your account? https://t.co/x/y",
    # steps, not alternatives: a list with neither an options intro nor a which-question
    "To reset it:\n1. Hold the power button.\n2. Wait for the light.\nLet me know how it goes.",
    "Please check:\n- your spam folder\n- the email on your account",
    "One: your order number. Two: your postcode.",  # inline items, no choice offered
    "Please restart the app or reinstall it.",  # "or" but no preference asked
    "Your voucher can be sent by email or by post.",  # no question about which
    "Which would you prefer to be called?",
    "Would you like me to check your account or not?",  # one path, yes or no
])
def test_offer_choices_ignores_single_paths(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []


def test_offer_choices_scores_a_preference_question_higher(make_conversation):
    asks = OfferChoicesDetector().detect(make_conversation(agent="A refund or a replacement — which would you prefer?"))
    tells = OfferChoicesDetector().detect(make_conversation(agent="You can have a full refund or a replacement."))
    assert [f.score for f in asks + tells] == [0.9, 0.7]
