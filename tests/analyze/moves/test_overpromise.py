import pytest

from heard.analyze.moves.overpromise import OverpromiseDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in OverpromiseDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    # v13 (written probe 7): 'there will never be any … again', 'will surely be lifted / go smoothly', 'Xiao Huo promises!', '100% guaranteed', 'absolutely no danger', 'will never go up again'
    ("Dear, don't worry, after this upgrade there will never be any stuttering on your box again!", ["Dear, don't worry, after this upgrade there will never be any stuttering on your box again!"]),
    ('The ban was a misjudgment by the system and it will surely be lifted. Xiao Huo promises!', ['The ban was a misjudgment by the system and it will surely be lifted.', 'Xiao Huo promises!']),
    ('All the lost items will certainly come back, 100% guaranteed.', ['All the lost items will certainly come back, 100% guaranteed.']),
    ('Please rest assured, such a thing will never happen on Xingyun Ride again!', ['Please rest assured, such a thing will never happen on Xingyun Ride again!']),
    ("Don't worry, your surgery will surely go smoothly!", ["Don't worry, your surgery will surely go smoothly!"]),
    ('The smell is not a gas leak. Please rest assured, there is absolutely no danger.', ['Please rest assured, there is absolutely no danger.']),
    ("Don't worry, your premium will never go up again.", ["Don't worry, your premium will never go up again."]),
    # v11 (written probe 6): 'will definitely be perfect', 'you will never receive … again', '…, there is no doubt about it', 'will fix all'
    ('After the base station upgrade, the signal at your home will definitely be perfect.', ['After the base station upgrade, the signal at your home will definitely be perfect.']),
    ('Hello! After we set the block, you will never receive any spam SMS again.', ['After we set the block, you will never receive any spam SMS again.']),
    ('The new firmware will fix all the heating problems, there is no doubt about it.', ['The new firmware will fix all the heating problems, there is no doubt about it.']),
    # v10 (written probe 5): 'do not worry' negates nothing; 'will absolutely not appear again', 'no problems whatsoever, I'm certain of it', 'make sure your visa application is approved'
    ("Not to worry, our technicians are the best – they'll have it running perfectly in no time.", ["Not to worry, our technicians are the best – they'll have it running perfectly in no time."]),
    ('Hello! Please rest assured, the problem will absolutely not appear again after the update.', ['Please rest assured, the problem will absolutely not appear again after the update.']),
    ("The new model is far more robust – you'll have no problems with it whatsoever, I'm certain of it.", ["The new model is far more robust – you'll have no problems with it whatsoever, I'm certain of it."]),
    ('Dear, please do not worry, we guarantee that your data will be recovered 100%.', ['Dear, please do not worry, we guarantee that your data will be recovered 100%.']),
    ("I'll personally make sure your visa application is approved by the consulate.", ["I'll personally make sure your visa application is approved by the consulate."]),
    # v9: a trailing "I promise" vouches for the clause before it, negated or not
    # v9 (written probe 4): '100% sure … will', 'gone forever', 'never occur again', 'you'll never drop signal again', 'guaranteed you'll'
    ("I'm 100% sure the bank will approve it this time.", ["I'm 100% sure the bank will approve it this time."]),
    ('Trust me, once this update is installed the battery problem is gone forever.', ['Trust me, once this update is installed the battery problem is gone forever.']),
    ('Please rest assured that the problem will never occur again after the upgrade.', ['Please rest assured that the problem will never occur again after the upgrade.']),
    ("Honestly mate, the new firmware fixes everything, you'll never drop signal again.", ["Honestly mate, the new firmware fixes everything, you'll never drop signal again."]),
    ("Don't worry, your account will definitely be unbanned.", ["Don't worry, your account will definitely be unbanned."]),
    ('This will be fixed by tonight, guaranteed ✅', ['This will be fixed by tonight, guaranteed ✅']),
    ("Guaranteed you'll have signal back within the hour.", ["Guaranteed you'll have signal back within the hour."]),
    ('Our team will have this resolved in the next release, and you will not see this error again.', ['Our team will have this resolved in the next release, and you will not see this error again.']),
    ("Your flight won't be cancelled, I promise.", ["Your flight won't be cancelled, I promise."]),
    ("It won't happen again — I promise!", ["It won't happen again — I promise!"]),
    # v8: 'it'll definitely be with you', 'perfect from now on', 'absolutely safe', 'I promise you, …', 'definitely won't be cancelled'
    ("Don't worry, it'll definitely be with you by Saturday!", ["Don't worry, it'll definitely be with you by Saturday!"]),
    ('Trust me, once we replace the modem your speeds will be perfect from now on.', ['Trust me, once we replace the modem your speeds will be perfect from now on.']),
    ('Please rest assured that your account is absolutely safe, and no one can ever steal your money.', ['Please rest assured that your account is absolutely safe, and no one can ever steal your money.']),
    ('I promise you, the engineer will fix it first time.', ['I promise you, the engineer will fix it first time.']),
    ("Your connecting flight definitely won't be cancelled, we promise.", ["Your connecting flight definitely won't be cancelled, we promise."]),
    # v7: 'don't worry' negates nothing; 'WILL be', 'will definitely recover', 'will definitely not crash'
    ("Don't worry, this will never happen to you again.", ["Don't worry, this will never happen to you again."]),
    ('Rest assured, your refund WILL be in your account tomorrow.', ['Rest assured, your refund WILL be in your account tomorrow.']),
    ('We will definitely recover all your lost photos.', ['We will definitely recover all your lost photos.']),
    ('The system will definitely not crash during your exam period.', ['The system will definitely not crash during your exam period.']),
    # v6: more shapes of certainty: 'happen to you again', 'will definitely sort it', 'you have my word'
    ('This will never happen to you again, I promise.', ['This will never happen to you again, I promise.']),
    ("Rest assured, your flight won't be delayed again.", ["Rest assured, your flight won't be delayed again."]),
    ('The engineer will definitely sort it on the first visit.', ['The engineer will definitely sort it on the first visit.']),
    ('Your internet will be back up by 6pm, guaranteed ^BCW', ['Your internet will be back up by 6pm, guaranteed ^BCW']),
    ('You have my word the replacement will work perfectly this time.', ['You have my word the replacement will work perfectly this time.']),
    ('Nothing like this will ever happen on your account again.', ['Nothing like this will ever happen on your account again.']),
    ("I guarantee it arrives tomorrow.", ["I guarantee it arrives tomorrow."]),
    ("This will never happen again.", ["This will never happen again."]),
    # a guarantee with a time: an overpromise (and a checkpoint)
    ("Your service will be restored by the end of the day, guaranteed.",
     ["Your service will be restored by the end of the day, guaranteed."]),
    ("I promise it will be there by Friday.", ["I promise it will be there by Friday."]),
    ("Rest assured, your parcel will arrive in time.", ["Rest assured, your parcel will arrive in time."]),
    ("It will definitely arrive before the party.", ["It will definitely arrive before the party."]),
    ("I can assure you that the refund will be approved.", ["I can assure you that the refund will be approved."]),
    ("Delivery on Saturday is 100% guaranteed.", ["Delivery on Saturday is 100% guaranteed."]),
    # v4: the outcome in a contraction ("it'll") as well as in full
    ("I promise it'll never happen to you again.", ["I promise it'll never happen to you again."]),
    ("Rest assured, your order'll be delivered in time.", ["Rest assured, your order'll be delivered in time."]),
])
def test_overpromise_finds_unfounded_guarantees(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "I'll personally make sure the refund gets approved today.",  # within the company's control
    "Unfortunately, we are not able to guarantee seats nor flight schedules.",
    "I can't guarantee it will arrive before Saturday.",
    "We offer protection with our Money Back Guarantee.",
    "Just look at our guarantee for steps on activating it.",
    "I promise I'll call you back.",  # a commitment the agent controls
    "Sorry, we can't promise.",  # a trailing promise refused
    "I'm not 100% sure the bank will approve it.",
    "We can't guarantee you'll have signal back within the hour.",
    "I'll update you by 3 pm tomorrow.",
    "We'll do our best to get it there by Friday.",
    "Thanks for your patience.",
    "Rest assured, your feedback will be passed on to the right folks.",  # within the agent's control
])
def test_overpromise_ignores_hedges_and_product_names(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []
