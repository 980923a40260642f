import pytest

from heard.analyze.moves.closure import ClosureDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in ClosureDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    # v13 (written probe 7): 'was switched on', 'not credited because', 'was a typo', 'stopped because', reissued / recalculated / re-sent / arrived, the driver or repairman's fix, 'sent for retraining', 'normal again'
    ('Hello! Little Guo has checked that the automatic renewal was switched on in March. The 25 yuan deducted yesterday has been returned to your WeChat Pay.', ['Little Guo has checked that the automatic renewal was switched on in March. The 25 yuan deducted yesterday has been returned to your WeChat Pay.']),
    ('Dear player, the 648 diamonds were not credited because the payment platform returned the result late. The diamonds have now been reissued to your role.', ['Dear player, the 648 diamonds were not credited because the payment platform returned the result late. The diamonds have now been reissued to your role.']),
    ('Hello! The recharge delay was caused by the bank channel. Your 328 diamonds have now arrived.', ['The recharge delay was caused by the bank channel. Your 328 diamonds have now arrived.']),
    ('Hello! The requirement of 50 wins was a typo and should have been 15. The rankings have been recalculated and the rewards re-sent.', ['The requirement of 50 wins was a typo and should have been 15. The rankings have been recalculated and the rewards re-sent.']),
    ('Hello! The driver has returned your backpack to the service point. Thank you for your patience over the past two days!', ['The driver has returned your backpack to the service point. Thank you for your patience over the past two days!']),
    ('Hello! The driver used rude words. He has been suspended for 7 days and sent for retraining.', ['He has been suspended for 7 days and sent for retraining.']),
    ('Hello! The gas supply stopped because the battery of the meter ran out. The repairman has replaced the battery and your supply is normal again.', ['The gas supply stopped because the battery of the meter ran out. The repairman has replaced the battery and your supply is normal again.']),
    # v12 (written probe 6, the STC-3 register): returned / issued / blocked / added, staff re-trained, a checklist added, 'reached you because',
    # 'caused during transportation', 'held by the automatic check', 'won't receive … any more', feedback welcome, 'thank you for your supervision'
    ('Hello. Our colleague reached you by phone and the room price difference of 120 yuan has been returned. Thank you for your patience!', ['Our colleague reached you by phone and the room price difference of 120 yuan has been returned. Thank you for your patience!']),
    ('Hello! The 100-yuan coupon has been issued to your account. If anything about the handling is still unsatisfactory, you are welcome to tell us.', ['The 100-yuan coupon has been issued to your account. If anything about the handling is still unsatisfactory, you are welcome to tell us.']),
    ('Hello! Your complaint has been verified. The engineer has been criticized and the branch has re-trained its staff on door-to-door service. Thank you for your supervision!', ['The engineer has been criticized and the branch has re-trained its staff on door-to-door service. Thank you for your supervision!']),
    ('Dear, the missing earphones were sent to you this morning, and the warehouse has added a checklist for accessories. Thank you for your patience!', ['Dear, the missing earphones were sent to you this morning, and the warehouse has added a checklist for accessories. Thank you for your patience!']),
    ('Hello! The SMS reached you because your number had been entered by another user. We have removed your number from that order.', ['The SMS reached you because your number had been entered by another user. We have removed your number from that order.']),
    ('Hello! We have confirmed with the store that the broken vase was caused during transportation. A new one was sent this morning.', ['We have confirmed with the store that the broken vase was caused during transportation. A new one was sent this morning.']),
    ("Hi, the advertisement numbers have been blocked for your number. You won't receive promotion SMS from these two numbers any more.", ["Hi, the advertisement numbers have been blocked for your number. You won't receive promotion SMS from these two numbers any more."]),
    ('Hello! The coupons that were not issued because of the system error have all been added to your account. Thank you for your patience!', ['The coupons that were not issued because of the system error have all been added to your account. Thank you for your patience!']),
    ('Hello! Your transfer was held by the automatic check on large payments. I have lifted the limit on your account, and the transfer went through at 14:20.', ['Your transfer was held by the automatic check on large payments. I have lifted the limit on your account, and the transfer went through at 14:20.']),
    # v11 (written probe 5): a cause in more words (frozen because, due to a system error, which is why, damaged by), a fix by the staff, 'to wrap things up', thanks for flagging it beside a fix
    ("Hi Sam, the card was frozen because of a login from a new country. I've unfrozen it and added your trip to the travel notes so it won't trigger again this week.", ["Hi Sam, the card was frozen because of a login from a new country. I've unfrozen it and added your trip to the travel notes so it won't trigger again this week."]),
    ("We've fixed the login bug that was kicking people out after the 4.2 update, so you should be good now. Sorry about that!", ["We've fixed the login bug that was kicking people out after the 4.2 update, so you should be good now."]),
    ('Hello! Your repair order has been finished: the main board was damaged by water, and it has been changed under warranty. If you have any comment, welcome to give us feedback.', ['Your repair order has been finished: the main board was damaged by water, and it has been changed under warranty. If you have any comment, welcome to give us feedback.']),
    ('Hello! The fault in your area was caused by a cable damaged in road construction. The staff repaired it at 15:00 today. Thank you for your patience!', ['The fault in your area was caused by a cable damaged in road construction. The staff repaired it at 15:00 today. Thank you for your patience!']),
    ("Glad the new headphones arrived safely! Just to wrap things up: the first pair was lost by the courier and you haven't been charged for the replacement.", ["Just to wrap things up: the first pair was lost by the courier and you haven't been charged for the replacement."]),
    ('Right, the replacement has shipped and the faulty batch is pulled from sale so nobody else gets one. Cheers for your patience!', ['Right, the replacement has shipped and the faulty batch is pulled from sale so nobody else gets one.']),
    ("Your bike hire refund is done & we've patched the app so the timer stops when the lock clicks shut. Thanks for flagging it!", ["Your bike hire refund is done & we've patched the app so the timer stops when the lock clicks shut. Thanks for flagging it!"]),
    ('After verification, the extra RMB 12 was charged due to a system error. The RMB 12 has been returned to your account.', ['After verification, the extra RMB 12 was charged due to a system error. The RMB 12 has been returned to your account.']),
    ('Your complaint has now been resolved. The meter reading we used was estimated, which is why your bill jumped.', ['The meter reading we used was estimated, which is why your bill jumped.']),
    # v10 (written probe 4): a fix pushed or rolled back, a cause in error, 'what has changed:', a chat's recap, 'how this chat went'
    ("Sorry for the trouble with the app today. The crashes came from a bug in Tuesday's update; we've pushed a fix in v5.2.1.", ["The crashes came from a bug in Tuesday's update; we've pushed a fix in v5.2.1."]),
    ("Your loyalty discount wasn't applied because of a pricing rule error; the difference is back on your card and the rule has been fixed.", ["Your loyalty discount wasn't applied because of a pricing rule error; the difference is back on your card and the rule has been fixed."]),
    ("All sorted: your missing points are back on your card and we've fixed the till glitch that skipped them. Thanks for flagging it!", ["All sorted: your missing points are back on your card and we've fixed the till glitch that skipped them. Thanks for flagging it!"]),
    ("Brilliant, so that's your direct debit moved to the 28th and the missed payment fee taken off. Would you mind telling me how this chat went?", ["Brilliant, so that's your direct debit moved to the 28th and the missed payment fee taken off. Would you mind telling me how this chat went?"]),
    ('Done! The duplicate account is deleted and your order history is all in one place now. Thanks for sticking with me on that!', ['The duplicate account is deleted and your order history is all in one place now. Thanks for sticking with me on that!']),
    ("Our engineers found that your SSO certificate was rotated without notice; we've rolled it back and logins are working again.", ["Our engineers found that your SSO certificate was rotated without notice; we've rolled it back and logins are working again."]),
    ('I can confirm your account has been corrected. The arrears letter was sent in error. We have reinstated the discount.', ['The arrears letter was sent in error. We have reinstated the discount.']),
    ('I wanted to let you know what has changed: the bin collection has been moved to 7am.', ['I wanted to let you know what has changed: the bin collection has been moved to 7am.']),
    ("Here's what we know: the patch corrupted some saves. We've pulled the patch and restored your save.", ["Here's what we know: the patch corrupted some saves. We've pulled the patch and restored your save."]),
    ("To sum up: we've had that reversed and the £129 is back on your card. Thanks for being patient with me.", ["To sum up: we've had that reversed and the £129 is back on your card."]),
    # v9: cancelled and refunded, with thanks
    ("I'm sorry we sent the wrong size again. I've cancelled the second order and refunded the £7 return postage. Thanks for bearing with us.", ["I've cancelled the second order and refunded the £7 return postage. Thanks for bearing with us."]),
    # v8: an outcome stated complete with thanks beside it is thanks at resolution (TAXONOMY.md); a cause
    # 'triggered by'; 'recap:'; a complaint confirmed resolved
    ("I've refunded the fee. Thanks for your patience!", ["I've refunded the fee. Thanks for your patience!"]),
    ("All sorted! Your flight's been moved to the 14th and the change fee waived. Thanks for bearing with us, Loreen!", ["All sorted! Your flight's been moved to the 14th and the change fee waived. Thanks for bearing with us, Loreen!"]),
    ("Your new card's activated & the old one's blocked. Thanks so much for your patience through all this, Priya!", ["Your new card's activated & the old one's blocked. Thanks so much for your patience through all this, Priya!"]),
    ("The hold on your payment was triggered by our daily limit check. I've raised your limit and released the payment.", ["The hold on your payment was triggered by our daily limit check. I've raised your limit and released the payment."]),
    ("So, recap: the wrong tariff was applied in January, it's corrected now, and the difference is back on your account.", ["So, recap: the wrong tariff was applied in January, it's corrected now, and the difference is back on your account."]),
    ('Following up to confirm your complaint is resolved: the overcharge has been credited.', ['Following up to confirm your complaint is resolved: the overcharge has been credited.']),
    ("Glad it's working again! The exchange card has been swapped. Thanks for your patience.", ["Glad it's working again! The exchange card has been swapped. Thanks for your patience."]),
    # what was done at the customer's request, or what a search found: the loop closed
    ("Hi Ana. Your newsletter subscription has been removed as requested.",
     ["Your newsletter subscription has been removed as requested."]),
    ("The lost property team checked the coach, but no bag was found on board.",
     ["The lost property team checked the coach, but no bag was found on board."]),
    ("The account has been closed? Let me know if you still see charges.", []),
    ("To recap: the duplicate charge is refunded and we've fixed the billing bug that caused it. Thank you for your patience.",
     ["To recap: the duplicate charge is refunded and we've fixed the billing bug that caused it. Thank you for your patience."]),
    # closure mid-thread: the cause explained and what was done
    ("The hold came from a limit check; I've raised the limit and released the payment.",
     ["The hold came from a limit check; I've raised the limit and released the payment."]),
    ("Hi Jo. I've refunded the fee and updated your account so this doesn't happen again.",
     ["I've refunded the fee and updated your account so this doesn't happen again."]),
    ("The outage was caused by a faulty router upgrade. We've rolled it back and your line is now working. Thanks again for bearing with us.",
     ["The outage was caused by a faulty router upgrade. We've rolled it back and your line is now working. Thanks again for bearing with us."]),
    ("Here's what happened: your parcel was mislabelled at the depot. It has been reshipped and we've added a check to prevent this from happening again.",
     ["Here's what happened: your parcel was mislabelled at the depot. It has been reshipped and we've added a check to prevent this from happening again."]),
    ("Your refund has been processed. Just to recap, the second charge came from a retry in our payment system.",
     ["Just to recap, the second charge came from a retry in our payment system."]),
    ("Hi Leon, a closing note. What happened: the date picker moved focus to the top of the page. What changed: both were fixed and released "
     "yesterday. How we'll prevent it: every checkout release now runs accessibility checks. Thank you for your patience.",
     ["Hi Leon, a closing note. What happened: the date picker moved focus to the top of the page. What changed: both were fixed and released "
      "yesterday. How we'll prevent it: every checkout release now runs accessibility checks. Thank you for your patience."]),
    ("What happened: our service didn't load the renewed certificate.\nWhat changed: certificates now reload automatically.",
     ["What happened: our service didn't load the renewed certificate.\nWhat changed: certificates now reload automatically."]),
    ("I've removed the fee. Going forward, payments made on a weekend due date won't be counted as late.",
     ["I've removed the fee. Going forward, payments made on a weekend due date won't be counted as late."]),
    ("The refund got stuck in a queue because the charger was logged as missing. That's fixed now.",
     ["The refund got stuck in a queue because the charger was logged as missing. That's fixed now."]),
    # v7: what was done in the simple past
    ("To recap: we refunded the charge and fixed the bug.", ["To recap: we refunded the charge and fixed the bug."]),
    # v6: the helpdesk's word that the case is done
    ("Alright. Reservation has been made.", ["Reservation has been made."]),
    ("Hello! We have contacted you about the issue and handled it. Thank you!",
     ["We have contacted you about the issue and handled it."]),
    ("OK. Your issue has already been resolved in the new version.", ["Your issue has already been resolved in the new version."]),
    ("We will check whether your order has been handled.", []),
    # v4: the problem reported solved
    ("Hello. We called you back and the problem you reported has been solved. Thank you!",
     ["We called you back and the problem you reported has been solved."]),
])
def test_closure_finds_loop_closing_notes(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "Thanks for your patience, I'm still waiting on the warehouse.",  # mid-case thanks
    "Thank you for your patience while we look into this.",
    "Have a nice day!",  # a mere sign-off
    "Great! Please let us know if we can assist.",
    "What's fixed? Thanks for your patience!",  # a question states no outcome
    "I've added a note to your account. Thanks for your patience while we look into it.",
    "Your refund is processed. Thanks for your patience, we'll confirm once the bank releases it.",
    "We've escalated this to our billing team. Thanks for your patience!",
    "Your order was due to ship today.",
    "We're looking into what caused the outage.",
    "How did we do? Please take our survey.",
    "What happened? Can you tell me more?",  # asks, closes nothing
    "Going forward, please use the app.",
    "The update that caused this is still being investigated.",
    "We want to make sure this issue has been resolved for you!",  # a wish, not a report
    "We found that the charge came from a second subscription. Could you confirm which one to cancel?",  # a cause, nothing done yet
    "Your payment was declined because of a bank error. Please try again.",
    "Thanks for flagging it, we're looking into it now.",
    "Thanks for spotting that! I've passed it to the team.",
])
def test_closure_ignores_sign_offs_and_open_cases(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []
