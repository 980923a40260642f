import pytest

from heard.analyze.moves.ownership import OwnershipDetector
from heard.model import evidence


def found(conversation):
    return [evidence(conversation, f.span) for f in OwnershipDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected", [
    # v9: 'don't worry' before the commitment negates nothing
    ("Don't worry, I'll sort it out for you today.", ["Don't worry, I'll sort it out for you today."]),
    ("I will personally shepherd this until it's fixed.", ["I will personally shepherd this until it's fixed."]),  # the brief
    ("I'll handle this myself and make sure it's fixed.", ["I'll handle this myself and make sure it's fixed."]),
    ("Thanks. I'll pass your case to our billing team today.", ["I'll pass your case to our billing team today."]),  # hand-off with I'll
    ("I'm taking care of this for you.", ["I'm taking care of this for you."]),
    ("Hi Sam. Let me look into this for you.", ["Let me look into this for you."]),
    ("I am submitting the request now. -CS", ["I am submitting the request now."]),
    ("I have sent an email to the depot manager about it.", ["I have sent an email to the depot manager about it."]),
    ("One moment as I take a look.", ["One moment as I take a look."]),
    ("Please DM me when you visited the store and I'll look into this.",
     ["Please DM me when you visited the store and I'll look into this."]),
    ("Leave it with me, Priya.", ["Leave it with me, Priya."]),
    ("I’ll stay on this until the refund lands.", ["I’ll stay on this until the refund lands."]),
    ("I've got your DM! I'll meet you there!", ["I'll meet you there!"]),  # v8: carrying it on in person
    ("I'll still be checking with the development team to find out more.",
     ["I'll still be checking with the development team to find out more."]),
    ("I'm escalating this to our engineers right now.", ["I'm escalating this to our engineers right now."]),
    # a follow-up that names its deliverable (a checkpoint too)
    ("I'll update you by 3 pm tomorrow with the courier tracking number.", ["I'll update you by 3 pm tomorrow with the courier tracking number."]),
    ("Either way, I'll message you at 7:30 pm with what the depot says.", ["Either way, I'll message you at 7:30 pm with what the depot says."]),
    ("I'll DM you tomorrow by 10 am with a quick guide.", ["I'll DM you tomorrow by 10 am with a quick guide."]),
    # having gone to another team personally
    ("I've spoken to the warehouse lead and your kit is first in the queue.", ["I've spoken to the warehouse lead and your kit is first in the queue."]),
    ("I've asked our inspection team to check for separate bags.", ["I've asked our inspection team to check for separate bags."]),
    ("I checked with our purchasing team.", ["I checked with our purchasing team."]),
    ("I'll take this on.", ["I'll take this on."]),
    ("I'll stay right here in this DM until you're inside.", ["I'll stay right here in this DM until you're inside."]),
    # v3: chasing another team and recording the issue are specific actions
    ("Our technicians are on it. I will urge them to finish today.", ["I will urge them to finish today."]),
    ("Thanks for the details. I will record it and report it to the engineers.", ["I will record it and report it to the engineers."]),
    # v4: "I'll go ahead and …", "I'll take a look", "I will be assisting you"
    ("I'll go ahead and follow up with our team there.", ["I'll go ahead and follow up with our team there."]),
    ("We have updated our terms, send us a DM and I'll take a look!", ["We have updated our terms, send us a DM and I'll take a look!"]),
    ("I will be assisting you with the upgrade request.", ["I will be assisting you with the upgrade request."]),
    # v7: as helpdesks write it
    ("I will transfer this problem to relevant departments for verification.", ["I will transfer this problem to relevant departments for verification."]),
    ("Which city are you in? I will help you check where the local outlet is.", ["I will help you check where the local outlet is."]),
])
def test_ownership_finds_first_person_commitments(agent_text, expected, make_conversation):
    assert found(make_conversation(agent=agent_text)) == expected


@pytest.mark.parametrize("agent_text", [
    "I'll keep you posted.",  # vague follow-up
    "I'll update you by 3 pm tomorrow.",  # a checkpoint, not ownership
    "I'll get back to you.",
    "We will look into this for you.",  # a brand's "we"
    "Acme will check it.",  # third person
    "Someone will contact you shortly.",  # handed off
    "Please contact the store.",
    "I'll be happy to check on the status of your internet services.",  # an offer
    "I will need additional information.",
    "I'll help if I can, Chris.",
    "I can't promise I'll get it fixed today.",
    "I'll let you know once it's done.",  # vague, names nothing
    "I'll keep you posted with any news.",
    "I've asked for your order number below.",  # a request to the customer, not a team
    "I've spoken with you before, haven't I?",
    "We've spoken to the warehouse.",  # a brand's "we"
    "I'll stay positive!",
    "We will urge the warehouse to ship it.",  # a brand's "we"
])
def test_ownership_ignores_vague_or_handed_off_commitments(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []
