from dataclasses import replace

import pytest

from heard.analyze.moves.generic import GenericDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in GenericDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    ("Thank you for contacting us. Your request has been received.",
     ["Thank you for contacting us. Your request has been received."]),
    ("We've been in touch.", ["We've been in touch."]),  # a bare status line
    ("Contact us if you have any problem.", ["Contact us if you have any problem."]),
    ("Great! Please let us know if we can assist.", ["Great! Please let us know if we can assist."]),
    ("Hello, there. Thank you for sharing.", ["Hello, there. Thank you for sharing."]),
    ("  Thanks for reaching out! We'll get back to you as soon as possible.  ",
     ["Thanks for reaching out! We'll get back to you as soon as possible."]),
    ("We appreciate your feedback.", ["We appreciate your feedback."]),
    ("We're currently reviewing your email and will be in touch shortly. We appreciate your patience!",
     ["We're currently reviewing your email and will be in touch shortly. We appreciate your patience!"]),
    ("You can find more info here: https://t.co/i3uumZzaok", ["You can find more info here: https://t.co/i3uumZzaok"]),
    ("We're sorry for any inconvenience. Please contact our support team via the Help Centre for order enquiries.",
     ["We're sorry for any inconvenience. Please contact our support team via the Help Centre for order enquiries."]),
    ("Services have been restored. We apologize for any inconvenience.", ["Services have been restored. We apologize for any inconvenience."]),
    ("Hello,\n\nThank you for your email. To arrange a return pickup, please complete the return form at tidewell.example/returns.\n\nRegards",
     ["Hello,\n\nThank you for your email. To arrange a return pickup, please complete the return form at tidewell.example/returns.\n\nRegards"]),
    # v3: "contact us if…" in its many shapes, stock status lines, vague improvement promises, thanks
    # for support, general links; a stock apology does not stop a message being generic
    ("No problem! If you run into any other issues in the future, just let us know. We're happy to help.",
     ["No problem! If you run into any other issues in the future, just let us know. We're happy to help."]),
    ("Hi! We've logged your problem and will deal with it as soon as possible. Please be patient.",
     ["Hi! We've logged your problem and will deal with it as soon as possible. Please be patient."]),
    ("Thank you for your support and trust! We will keep improving our service quality for every customer.",
     ["Thank you for your support and trust! We will keep improving our service quality for every customer."]),
    ("We're sorry for the trouble. We will strive to improve our products and services. Feel free to contact us any time if you have other questions.",
     ["We're sorry for the trouble. We will strive to improve our products and services. Feel free to contact us any time if you have other questions."]),
    ("Here to help! For more information, please visit https://example.com/help", ["Here to help! For more information, please visit https://example.com/help"]),
    ("If you need help with your console, we'd be happy to help! Tweet us for official console support.",
     ["If you need help with your console, we'd be happy to help! Tweet us for official console support."]),
    ("Our staff are currently handling your request. Thank you for your patience.",
     ["Our staff are currently handling your request. Thank you for your patience."]),
    ("We are sorry for the trouble. You are welcome to contact me any time via Weibo in case of any problems with the app in the future!",
     ["We are sorry for the trouble. You are welcome to contact me any time via Weibo in case of any problems with the app in the future!"]),
    # v4: stock sign-offs, thanks for choosing / taking the time, "a tweet away", general help links,
    # and a time inside a stock line ("speaking with you today") is no due time
    ("It was a pleasure speaking with you today. Please feel free to reach out anytime. ^ct",
     ["It was a pleasure speaking with you today. Please feel free to reach out anytime. ^ct"]),
    ("Thank you for taking the time to speak with us today. We appreciate the opportunity to help. ^mg",
     ["Thank you for taking the time to speak with us today. We appreciate the opportunity to help. ^mg"]),
    ("Wow, that's what we love to hear! We appreciate your loyalty. Thank you for choosing Northwind.",
     ["Wow, that's what we love to hear! We appreciate your loyalty. Thank you for choosing Northwind."]),
    ("This article should help with that: https://t.co/usOJWy6ChP", ["This article should help with that: https://t.co/usOJWy6ChP"]),
    ("You're welcome! If anything else comes up, we're just one tweet away. /BH",
     ["You're welcome! If anything else comes up, we're just one tweet away. /BH"]),
    # v6: an offer of help asked as a question asks nothing; "if we can assist further", trouble as a
    # condition, documentation "that may help", "we saw your post"
    ("Hello, we saw your Twitter post. Is there anything we can do to help? ^cr",
     ["Hello, we saw your Twitter post. Is there anything we can do to help? ^cr"]),
    ("Hello! We have some documentation that may help: https://t.co/WvN5 Let us know if we can assist further! ^MH",
     ["Hello! We have some documentation that may help: https://t.co/WvN5 Let us know if we can assist further! ^MH"]),
    ("Excellent! Let us know if you run into any trouble. We're here to help! ^TW",
     ["Excellent! Let us know if you run into any trouble. We're here to help! ^TW"]),
    ("Thanks for your tips. We will work on our service quality.", ["Thanks for your tips. We will work on our service quality."]),
    # v15: "please forgive the inconvenience" is the stock apology, a pleasantry beside the stock lines
    ("Hello! Please forgive the inconvenience we brought to you. We will constantly improve our service quality.",
     ["Hello! Please forgive the inconvenience we brought to you. We will constantly improve our service quality."]),
    # v14: the open door on "if you change your mind", "an @ away", "here 24/7"
    ("If you change your mind please let us know. ^RR", ["If you change your mind please let us know. ^RR"]),
    ("If you need help with your Xbox, we're just an @ away! ^EZ", ["If you need help with your Xbox, we're just an @ away! ^EZ"]),
    ("Thanks for being a customer! We're here 24/7. ^KB", ["Thanks for being a customer! We're here 24/7. ^KB"]),
    ("If there is anything that I can help you with, please DM me. -Lexie", []),  # a DM asked for is a next step
    # v5: "help is a tweet away", general info links
    ("Please remember that help is just a tweet away. Have a wonderful evening. *HC",
     ["Please remember that help is just a tweet away. Have a wonderful evening. *HC"]),
    ("Please find more information in the following article: https://t.co/p7d3kCczZd",
     ["Please find more information in the following article: https://t.co/p7d3kCczZd"]),
    ("Glad it's sorted for you! If you ever need us again, just give us a shout. /AR",
     ["Glad it's sorted for you! If you ever need us again, just give us a shout. /AR"]),
    ("For more info about delivery areas click here: https://t.co/3A9YFZQFaF",
     ["For more info about delivery areas click here: https://t.co/3A9YFZQFaF"]),
    ("We're sorry for the long wait. The next available agent will be with you as soon as possible.",
     ["We're sorry for the long wait. The next available agent will be with you as soon as possible."]),
    ("Excellent! If you have any questions just let us know, we're always a DM away :)",
     ["Excellent! If you have any questions just let us know, we're always a DM away :)"]),
    # v8: a helpdesk's status lines (the case passed on, being handled, "please pay attention to our
    # calls"), its thanks for praise and its promises about the network, with no time or next step
    ("Hello! Little Bo has recorded your problem in detail and transferred it to the relevant staff for checking. Please pay attention to our calls. Thank you!",
     ["Hello! Little Bo has recorded your problem in detail and transferred it to the relevant staff for checking. Please pay attention to our calls. Thank you!"]),
    ("Regarding the issue you fed back, our staff are actively handling it. We will contact you as soon as there is a result.",
     ["Regarding the issue you fed back, our staff are actively handling it. We will contact you as soon as there is a result."]),
    ("Hi, your complaint has been submitted to the relevant department for verification. Please wait patiently.",
     ["Hi, your complaint has been submitted to the relevant department for verification. Please wait patiently."]),
    ("Thanks for your praise! We will keep trying to provide better service to our users. Thanks for your support to Acme Mobile!",
     ["Thanks for your praise! We will keep trying to provide better service to our users. Thanks for your support to Acme Mobile!"]),
    ("We are sorry for the inconvenience. Our company attaches great importance to network construction. We will spare no effort to improve the signal coverage.",
     ["We are sorry for the inconvenience. Our company attaches great importance to network construction. We will spare no effort to improve the signal coverage."]),
    ("If you need any help in the future, please send us a private message at any time.",
     ["If you need any help in the future, please send us a private message at any time."]),
    # v9: more stock lines (a team "will follow up", "here for you", "this might help", thanks for
    # bringing it to our attention, "glad you had a good time") and their helpdesk twins
    ("Thanks for the info, a member of our care team will follow up with you. ^AB",
     ["Thanks for the info, a member of our care team will follow up with you. ^AB"]),
    ("You're welcome! If you need anything else, we are here for you.",
     ["You're welcome! If you need anything else, we are here for you."]),
    ("This should help: https://example.com/help/wifi ^CD", ["This should help: https://example.com/help/wifi ^CD"]),
    ("Thank you for bringing this to our attention. We're always here to help.",
     ["Thank you for bringing this to our attention. We're always here to help."]),
    ("We're so glad you had a great stay! Let us know if we can offer any further assistance.",
     ["We're so glad you had a great stay! Let us know if we can offer any further assistance."]),
    ("You're more than welcome. Any further questions, dont hesitate to ask.",
     ["You're more than welcome. Any further questions, dont hesitate to ask."]),
    ("Hello! Please supervise us at any time. Please contact us for any request. Thanks again for your support to Acme Mobile!",
     ["Hello! Please supervise us at any time. Please contact us for any request. Thanks again for your support to Acme Mobile!"]),
    # v10: more helpdesk stock lines (network coverage, "at your service", "pay attention to our business")
    ("Hello! We are constantly constructing and optimizing the 4G network. There may be some weak signal areas. Please pay attention to it.",
     ["Hello! We are constantly constructing and optimizing the 4G network. There may be some weak signal areas. Please pay attention to it."]),
    ("If you need help, please contact Little Bo at any time. Little Bo will be sincerely at your service!",
     ["If you need help, please contact Little Bo at any time. Little Bo will be sincerely at your service!"]),
    ("Hello. Thanks for your suggestions. We have recorded it and will feed it back in time.",
     ["Hello. Thanks for your suggestions. We have recorded it and will feed it back in time."]),
    ("Hi, we are very sorry for your unhappy experience. You can focus on our recent business.",
     ["Hi, we are very sorry for your unhappy experience. You can focus on our recent business."]),
    # v11: a status line about a message sent ("We've been in touch", TAXONOMY.md), and "no news yet"
    ("We've received your DM and have replied there.", ["We've received your DM and have replied there."]),
    ("Hi there, we've replied to your DM! ^RA", ["Hi there, we've replied to your DM! ^RA"]),
    ("Thanks for following up. A member of our team will be in touch shortly through DM.",
     ["Thanks for following up. A member of our team will be in touch shortly through DM."]),
    ("Hi there, we do not have any information on this. ^RK", ["Hi there, we do not have any information on this. ^RK"]),
    ("There is no info to share at the moment. Keep an eye on the Acme Blog for news: https://example.com/blog",
     ["There is no info to share at the moment. Keep an eye on the Acme Blog for news: https://example.com/blog"]),
    # v12: helpdesk stock lines said another way
    ("Thanks for your tips. We will work on our problems and strive to improve service quality.",
     ["Thanks for your tips. We will work on our problems and strive to improve service quality."]),
    ("You are suggested to pay attention to our feedback later. Thank you!",
     ["You are suggested to pay attention to our feedback later. Thank you!"]),
    ("Thank you for your feedback. The Director will ask relevant departments to verify and handle the issue.",
     ["Thank you for your feedback. The Director will ask relevant departments to verify and handle the issue."]),
    # v13: a helpdesk's stock apology and network lines, however long
    ("We are sorry for any inconvenience. We take network deployment very seriously. We are now striving to increase our signal coverage.",
     ["We are sorry for any inconvenience. We take network deployment very seriously. We are now striving to increase our signal coverage."]),
])
def test_generic_finds_bare_receipts(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "Thanks for reaching out! Please DM us your order number.",  # DM-us gives a next step
    "Hi Amanda, thank you for this feedback.",  # names the person
    "Thank you for contacting us. We'll get back to you by 3 pm tomorrow.",  # a time
    "Thanks for reaching out. Have you tried restarting the router?",  # a question back
    "Feel free to dm if you'd like assistance with anything, Nelson. We're here to help.",
    "Thanks for your feedback, we've sent you an email with a case link.",  # points to a message sent
    "Thank you for contacting us. Please check your inbox for the case number we sent.",
    "I've refunded the duplicate charge.",  # not a receipt at all
    "Thanks for reaching out about the game. This is likely due to licensing restrictions between us and the league.",
    "Hello, thank you for contacting us. Please send details of the unauthorised activity to fraud@tidewell.example.",  # a next step
    "Hi Oliver, we're sorry for any inconvenience. The team is still investigating.",  # names the person
    "We're sorry for any inconvenience. Your replacement ships tomorrow.",  # a time
    "Thanks for the update Simon! Let us know if there's anything else we can do.",  # names the person
    "If you have any other questions, please let us know the details and the model of your device.",  # asks for details
    "Thanks for your feedback. We have recorded it and our engineers will visit on site to replace the faulty router.",
    "Sorry to hear that. Let's go over your options here: https://example.com/options",  # no stock line at all
    "If you have questions later, you can call us on 0800 123 4567.",  # a number to call
    "Hi, you can dial 96112 to book a repair. If you have any problem afterwards, contact us again.",
    "Thanks for the shout out about our new store opening in Leeds!",  # says something specific
    "That's great! Your refund went out this morning.",  # says something specific
    "It was a pleasure speaking with you. I'll call you back at 4 pm with the engineer's answer.",
    "Have you had an issue I can help you with? ~ Ellen",  # a yes/no offer alone is no receipt
    "We saw your tweet about the Leeds store. Is the lift still out of order?",  # a question of its own
    # pleasantries alone are no templated receipt (v7; the labelling notes of rounds 8-10 said generic)
    "That's great! Enjoy the rest of your day.",
    "Noted 😊 -Becky",
    "Thanks!",
    "You are welcome! ^AB",
    "We dig it! Thanks for stopping by. -Becky",
    "We understand. ^JAY",
    "You've been a pleasure to tweet with. Have a wonderful day. *AF",
    "Will do, have a great week. *TBT",
    # a status line with a time, or one that asks for what the case needs, is not generic (v8)
    "Hello! Your issue has been forwarded to the relevant staff, who will call you within 48 hours.",
    "Please provide your contact number and we will transfer your issue to the relevant department.",
    "Hello! First we checked your line: the fault is in the cable box. Please pay attention to our calls.",
    # v9: a follow-up with a time, a glad line about something specific
    "Our billing team will follow up with you by Friday.",
    "We're glad you had a great stay at the Leeds hotel with your parents last week!",
    # v11: asking the customer to read the message sent, or a message that carries the specifics, is a next step
    "We've replied to your DM, please check your inbox when you can.",
    "We have sent you a Direct Message with further instructions.",
    "We've replied via DM, please follow up there.",
    # v10: a weak signal explained for this customer's own address is specific
    "The signal is weak at your address because the tower on Park Road is being replaced, so we have sent an engineer.",
    # v13: a mistake owned is specific, however stock the apology around it
    "We apologize for our mistakes but I only retrieved the erroneous message. Please stay tuned.",
])
def test_generic_ignores_personal_replies_and_next_steps(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []


def test_generic_knows_the_customers_name(make_conversation):
    conversation = replace(make_conversation(agent="Thanks for your message, dana."), customer="Dana Reyes")
    assert found(conversation) == []
