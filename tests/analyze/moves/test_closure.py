import pytest

from heard.analyze.moves.closure import ClosureDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in ClosureDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
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
])
def test_closure_finds_loop_closing_notes(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "Thanks for your patience, I'm still waiting on the warehouse.",  # mid-case thanks
    "Thank you for your patience while we look into this.",
    "Have a nice day!",  # a mere sign-off
    "Great! Please let us know if we can assist.",
    "I've refunded the fee. Thanks for your patience!",  # thanks alone does not close the loop
    "Your order was due to ship today.",
    "We're looking into what caused the outage.",
    "How did we do? Please take our survey.",
])
def test_closure_ignores_sign_offs_and_open_cases(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []
