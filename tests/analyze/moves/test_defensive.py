import pytest

from heard.analyze.moves.defensive import DefensiveDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in DefensiveDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    # v17 (written probe 4): blame with 'not us', a lesson before contacting again, 'decisions are final', 'the fee stands', 'not something we can refund'
    ("That's down to your bank, not us.", ["That's down to your bank, not us."]),
    ("Sir, I've explained this three times now. The offer was for new customers only.", ["Sir, I've explained this three times now."]),
    ('As mentioned in my previous three emails, the export limit is documented on our pricing page.', ['As mentioned in my previous three emails, the export limit is documented on our pricing page.']),
    ('Maybe check your own Wi-Fi before blaming us.', ['Maybe check your own Wi-Fi before blaming us.']),
    ('You entered the wrong postcode at checkout, so the parcel went to the wrong address.', ['You entered the wrong postcode at checkout, so the parcel went to the wrong address.']),
    ("The fare was non-refundable, so we can't be held responsible.", ["The fare was non-refundable, so we can't be held responsible."]),
    ("The fault was within your internal wiring, which is the homeowner's responsibility.", ["The fault was within your internal wiring, which is the homeowner's responsibility."]),
    ("Sorry, that's just how the system works.", ["Sorry, that's just how the system works."]),
    ("All decisions are final and we won't be discussing this further.", ["All decisions are final and we won't be discussing this further."]),
    ('In line with our terms and conditions, our decision remains unchanged.', ['In line with our terms and conditions, our decision remains unchanged.']),
    ("Sorry, but you weren't home when the driver called, so the redelivery fee stands.", ["Sorry, but you weren't home when the driver called, so the redelivery fee stands."]),
    ('Temperature on arrival is not something we can refund.', ['Temperature on arrival is not something we can refund.']),
    ('The phone was not purchased from our official channel, so we cannot provide warranty service.', ['The phone was not purchased from our official channel, so we cannot provide warranty service.']),
    ('The behaviour you describe is expected.', ['The behaviour you describe is expected.']),
    # v16: blame put on a third party or on what the customer did not do, a final decision, 'apply to everyone', no price
    # match, 'this is the regulation', 'can't honour', 'cannot be reissued'
    ("Hi there, unfortunately that's down to the courier. Nothing we can do our end.", ["Hi there, unfortunately that's down to the courier.", 'Nothing we can do our end.']),
    ("You would need to have registered the product within 30 days of purchase, which you didn't do.", ["You would need to have registered the product within 30 days of purchase, which you didn't do."]),
    ('Sorry Mike, but the voucher was clearly marked as expiring on 31 March.', ['Sorry Mike, but the voucher was clearly marked as expiring on 31 March.']),
    ('We regret that you are disappointed with the outcome. Please note that our decision is final.', ['Please note that our decision is final.']),
    ('We are therefore unable to uphold your complaint.', ['We are therefore unable to uphold your complaint.']),
    ("We're sorry you're frustrated, Will, but the rules on hand luggage apply to everyone.", ["We're sorry you're frustrated, Will, but the rules on hand luggage apply to everyone."]),
    ("We don't price match with other retailers I'm afraid.", ["We don't price match with other retailers I'm afraid."]),
    ('Hi, this is the normal charge of the service you subscribed to. It is not a wrong deduction.', ['It is not a wrong deduction.']),
    ("For safety reasons we're not able to allow e-scooters on board.", ["For safety reasons we're not able to allow e-scooters on board."]),
    ('You have to go to the business hall to handle it yourself. This is the regulation.', ['This is the regulation.']),
    ('Our terms and conditions, which you agreed to at checkout, state that sale items cannot be returned.', ['Our terms and conditions, which you agreed to at checkout, state that sale items cannot be returned.']),
    ('The fare you paid was correct for that time of day.', ['The fare you paid was correct for that time of day.']),
    ("I'm sorry you're upset, but I have to follow procedure.", ["I'm sorry you're upset, but I have to follow procedure."]),
    ('As per our previous emails, your warranty expired on 1 February.', ['As per our previous emails, your warranty expired on 1 February.']),
    ("Sorry, but the sale ended at midnight and we can't honour the old price.", ["Sorry, but the sale ended at midnight and we can't honour the old price."]),
    ('The activity has ended, and the coupon cannot be reissued.', ['The activity has ended, and the coupon cannot be reissued.']),
    # v15: 'as we explained before', 'I already told you', 'the case is closed on our side', 'we stand by our decision',
    # 'working fine for other users', the standard procedure, 'estimates only', 'cannot be overridden', 'our terms state'
    ('As we explained before, the number must be cancelled at the business hall where it was opened.', ['As we explained before, the number must be cancelled at the business hall where it was opened.']),
    ('Sorry, but I already told you the return label is in your email.', ['Sorry, but I already told you the return label is in your email.']),
    ('Our records show it was delivered, so the case is closed on our side.', ['Our records show it was delivered, so the case is closed on our side.']),
    ("We're sorry that you feel our response was inadequate. However, we stand by our original decision.", ['However, we stand by our original decision.']),
    ("Honestly the app is working fine for thousands of other users, so it's likely your phone.", ["Honestly the app is working fine for thousands of other users, so it's likely your phone."]),
    ('Unfortunately the technician followed the standard procedure.', ['Unfortunately the technician followed the standard procedure.']),
    ('Please be advised that all delivery timescales are estimates only.', ['Please be advised that all delivery timescales are estimates only.']),
    ('This is a security measure and cannot be overridden.', ['This is a security measure and cannot be overridden.']),
    ('Please note our terms state that complaints must be raised within 7 days of delivery.', ['Please note our terms state that complaints must be raised within 7 days of delivery.']),
    # v14: a lesson for next time, 'like we said', 'not our responsibility', 'the instructions were very clear',
    # 'company policy', 'sorry, we can't refund …' with nothing offered
    ('Moving forward, please make sure you enter the correct postcode at checkout.', ['Moving forward, please make sure you enter the correct postcode at checkout.']),
    ("Sorry, we can't refund opened items.", ["Sorry, we can't refund opened items."]),
    ("Sorry but the address you entered was wrong, so the courier couldn't deliver.", ["Sorry but the address you entered was wrong, so the courier couldn't deliver."]),
    ("The outage was caused by your building's wiring, which is not our responsibility.", ["The outage was caused by your building's wiring, which is not our responsibility."]),
    ('Like we said in our last tweet, the sale ended Sunday.', ['Like we said in our last tweet, the sale ended Sunday.']),
    ('Our records show the parcel was delivered and signed for. We consider the matter closed.', ['We consider the matter closed.']),
    ("I'm not sure why you're upset, this is how the system works for everyone.", ["I'm not sure why you're upset, this is how the system works for everyone."]),
    ('With respect, the instructions were very clear.', ['With respect, the instructions were very clear.']),
    ("Company policy. I can't make exceptions.", ['Company policy.', "I can't make exceptions."]),
    ("Our prices are clearly shown at checkout. We don't accept responsibility for bank conversion fees.", ['Our prices are clearly shown at checkout.', "We don't accept responsibility for bank conversion fees."]),
    ("I'm sorry, but you didn't select next-day delivery, so this is the standard timeframe.", ["I'm sorry, but you didn't select next-day delivery, so this is the standard timeframe."]),
    ("As I already said, we can't do that.", ["As I already said, we can't do that."]),
    ("As I explained, you should have read the terms.", ["As I explained, you should have read the terms."]),
    ("That's not our fault, it's the carrier's problem.", ["That's not our fault, it's the carrier's problem."]),
    ("Per our policy there's nothing we can do.", ["Per our policy there's nothing we can do."]),
    # v13: the helpdesk's rule put as a condition on the customer; refusals with no alternative
    ("If you subscribe to the roaming package, you will be charged 1 RMB monthly.",
     ["If you subscribe to the roaming package, you will be charged 1 RMB monthly."]),
    ("The package will be automatically renewed if you don't change it.",
     ["The package will be automatically renewed if you don't change it."]),
    ("The activity is only limited to the users who recharge through the app.",
     ["The activity is only limited to the users who recharge through the app."]),
    ("You can adjust it by yourself.", ["You can adjust it by yourself."]),
    ("Since you can't provide the receipt, we are not able to further handle this matter.",
     ["Since you can't provide the receipt, we are not able to further handle this matter."]),
    ("The business can only be transacted where the number was opened. You can go back there or change it online.", []),
    ("I'm sorry for any inconvenience. We will optimize our service. Currently the registration must be handled where the number is enabled.",
     ["Currently the registration must be handled where the number is enabled."]),
    # v12: a denial put to the customer; a feature switched off for a promotion
    ("Our agents are here to help you, not to deceive you.", ["Our agents are here to help you, not to deceive you."]),
    ("We guarantee that all our phones sold in stores are brand new.", ["We guarantee that all our phones sold in stores are brand new."]),
    ("Delivery is switched off for the holiday sale.", ["Delivery is switched off for the holiday sale."]),
    # v11: blame put on the customer's details or on a third party, a justification, a flat refusal
    ("The parcel came back due to your incomplete address.", ["The parcel came back due to your incomplete address."]),
    ("Probably due to the reason of the courier, the refund was late.",
     ["Probably due to the reason of the courier, the refund was late."]),
    ("It can be difficult to seat families together because the aircraft may change.",
     ["It can be difficult to seat families together because the aircraft may change."]),
    ("We make our best efforts to keep the timetable, but sometimes that is not possible.",
     ["We make our best efforts to keep the timetable, but sometimes that is not possible."]),
    ("I'm afraid not, the replacement bus only goes to the station.", ["I'm afraid not, the replacement bus only goes to the station."]),
    # v10: a requirement put on the customer as the rule
    ("We apologize for the inconvenience. The applicant must go to the business hall with valid identity documents.",
     ["The applicant must go to the business hall with valid identity documents."]),
    ("Hello. As previously explained, schedule changes occur.", ["As previously explained, schedule changes occur."]),
    ("You should’ve checked the size chart before ordering.", ["You should’ve checked the size chart before ordering."]),
    ("It's your responsibility to keep the receipt.", ["It's your responsibility to keep the receipt."]),
    ("We are not responsible for delays caused by the courier.", ["We are not responsible for delays caused by the courier."]),
    ("Unfortunately we're unable to help you with BA Holidays bookings, Tracey.",
     ["Unfortunately we're unable to help you with BA Holidays bookings, Tracey."]),
    ("Please calm down.", ["Please calm down."]),
    ("Hi Sam. Group booking rules apply to every guest.", ["Group booking rules apply to every guest."]),
    ("We follow the safety regulations on every route.", ["We follow the safety regulations on every route."]),
    ("You're only allowed to bring one bag on this fare.", ["You're only allowed to bring one bag on this fare."]),
    ("We cannot speculate on why the parcel was held.", ["We cannot speculate on why the parcel was held."]),
    ("Damage must be reported within 24 hours of delivery.", ["Damage must be reported within 24 hours of delivery."]),
    ("The blackout is due to licensing restrictions with the league.",
     ["The blackout is due to licensing restrictions with the league."]),
    ("We can only refund the fare if the flight was cancelled.", ["We can only refund the fare if the flight was cancelled."]),
    ("We follow the safety regulations, but I can offer you a refund instead.", []),
    ("Annual memberships are non-refundable after renewal, as outlined in our Terms of Service, section 7.2.",
     ["Annual memberships are non-refundable after renewal, as outlined in our Terms of Service, section 7.2."]),
    ("It's the member's responsibility to manage renewal settings.", ["It's the member's responsibility to manage renewal settings."]),
    ("That's the process, sir. Exchanges only ship after the return is received, I don't make the rules.",
     ["That's the process, sir.", "Exchanges only ship after the return is received, I don't make the rules."]),
    ("Delivery times are estimates only, as stated in our shipping terms. The carrier is responsible once it leaves us.",
     ["Delivery times are estimates only, as stated in our shipping terms.", "The carrier is responsible once it leaves us."]),
    ("Okay, so, that's the courier's decision, not ours.", ["Okay, so, that's the courier's decision, not ours."]),
    ("I hear you, but there's really nothing I can do from here about the courier.",
     ["I hear you, but there's really nothing I can do from here about the courier."]),
    ("As explained in my previous email, we require documentation.", ["As explained in my previous email, we require documentation."]),
    # v3: justifications with no alternative — security refusals, "unavoidable", "subject to change",
    # "by design", "our duty", "so you cannot", and "Please understand that." after a reason
    ("For security reasons, we will not be able to discuss your account by email.",
     ["For security reasons, we will not be able to discuss your account by email."]),
    ("For safety reasons only the account holder can contact us for account issues.",
     ["For safety reasons only the account holder can contact us for account issues."]),
    ("Doors close 30 seconds before departure to ensure passenger safety.",
     ["Doors close 30 seconds before departure to ensure passenger safety."]),
    ("Sorry, we won't be able to provide any compensation.", ["Sorry, we won't be able to provide any compensation."]),
    ("This was unavoidable due to a signal failure outside the station.", ["This was unavoidable due to a signal failure outside the station."]),
    ("Departure times are subject to change without notice.", ["Departure times are subject to change without notice."]),
    ("The delay was out of the control of Railco, as the driver was stuck in traffic.",
     ["The delay was out of the control of Railco, as the driver was stuck in traffic."]),
    ("Hello. We designed the menu like this on purpose.", ["We designed the menu like this on purpose."]),
    ("Hi. A fee is charged for every replacement card. Please understand that.",
     ["A fee is charged for every replacement card. Please understand that."]),
    ("Your cancellation takes effect next month, so you cannot add other services before then.",
     ["Your cancellation takes effect next month, so you cannot add other services before then."]),
    ("It is our duty to protect customer data. We cannot remove numbers without a reason.",
     ["It is our duty to protect customer data."]),
    ("Seat selection is only a request and is not guaranteed.", ["Seat selection is only a request and is not guaranteed."]),
    ("Therefore, we cannot confirm any information.", ["Therefore, we cannot confirm any information."]),
    # v4: obligations and legislation as the reason, a charge that "will be applied", operational
    # needs, insisting an earlier answer was right, "hope you can understand" after a reason
    ("We're only obligated to provide bags for loose meat. As ours is prepacked, a charge will be applied.",
     ["We're only obligated to provide bags for loose meat.", "As ours is prepacked, a charge will be applied."]),
    ("Extra bags do require an additional 5p charge as per legislation.",
     ["Extra bags do require an additional 5p charge as per legislation."]),
    ("The time was changed because operational needs required it.", ["The time was changed because operational needs required it."]),
    ("No, my earlier message was correct.", ["No, my earlier message was correct."]),
    ("This package is valid for half a year. Hope you can understand.",
     ["This package is valid for half a year. Hope you can understand."]),
    ("Sorry to hear that, however we would not offer a gesture for complaints of this nature.",
     ["Sorry to hear that, however we would not offer a gesture for complaints of this nature."]),
    ("We operate a Think 25 policy at our stores.", ["We operate a Think 25 policy at our stores."]),
    # v6: talking down to an upset customer, blaming the customer or a third party, many factors
    ("Please keep calm. Your order is with the warehouse.", ["Please keep calm."]),
    ("Don't get angry. The courier has the parcel now.", ["Don't get angry."]),
    ("The report shows man-made damage on the screen.", ["The report shows man-made damage on the screen."]),
    ("Broadband speed is affected by many factors such as peak hours.", ["Broadband speed is affected by many factors such as peak hours."]),
    ("This setting is decided by the phone manufacturer.", ["This setting is decided by the phone manufacturer."]),
])
def test_defensive_finds_blame_policy_and_condescension(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "Yearly service fees cannot be returned now. But we need to check your bundle first.",
    "I've refunded the postage and put a note on your account so it goes through our manual check next time.",  # no lesson for the customer
    "Sorry, we can't refund opened items, but we can offer store credit.",
    "Next time you travel, we'd love to have you on board again.",
    "Please make sure you're on the latest version and let us know how it goes.",
    # a constraint stated together with an alternative
    "Per our policy we can't refund opened items, but I can offer store credit instead.",
    "Due to our privacy policy we can't discuss this here. Please contact us at https://t.co/abc so we can help.",
    "Unfortunately we can't change the seat, however I can put you on the next flight.",
    "You should have received an email from us.",  # information, not blame
    "That's our failure, and I'm sorry.",  # admits the service fell short
    "I'll look into this right away.",
    "I understand how frustrating this is.",
    "Sorry for the delay on our end.",
    "Sale items are non-refundable, but I can offer you store credit instead.",  # a constraint with an alternative
    "As outlined in our terms, you can return it within 30 days, and I'll send the label now.",
    "The courier is responsible for the last mile, so I'll chase them for you myself.",
    "That's the process we follow, but I can make an exception today.",
    "For security reasons we can't discuss this here, but we'd be happy to help by phone.",
    "To safeguard your information security, please provide your business number via private message.",
    "Departure times are subject to change, so I'll text you the moment yours is confirmed.",
    "So you cannot log in at all?",  # a question, not a refusal
    "We do not control delivery times once the parcel is with Royal Mail, but I can chase them for you today.",  # with an alternative
    "It was a courier error, not yours, and the refund is on its way.",
    "We will not be able to refund this; however, we can offer a voucher.",
    "We are sorry for the inconvenience and will keep improving. Hope you can understand.",
    "We apologise for the weak signal in your area. Hope you can understand.",  # understanding asked for an apology
    "We're only obligated to keep it for 30 days, but I can ask the team to look for it now.",
])
def test_defensive_ignores_constraints_with_alternatives(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []
