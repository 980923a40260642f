from dataclasses import replace
from datetime import datetime, timezone

import pytest

from heard.analyze.moves.checkpoint import CheckpointDetector
from heard.model import evidence

UTC = timezone.utc


def found(conversation):
    return [evidence(conversation, f.span) for f in CheckpointDetector().detect(conversation)]


@pytest.mark.parametrize("agent_text, expected, due", [  # sent Friday 2026-03-06 09:00 UTC
    ("I'll update you by 3 pm tomorrow.", "I'll update you by 3 pm tomorrow.", datetime(2026, 3, 7, 15, 0, tzinfo=UTC)),  # the brief
    ("I'll email you an update by noon tomorrow.", "I'll email you an update by noon tomorrow.", datetime(2026, 3, 7, 12, 0, tzinfo=UTC)),
    ("I'll keep you posted every day until it's delivered.", "I'll keep you posted every day until it's delivered.",
     datetime(2026, 3, 7, 9, 0, tzinfo=UTC)),
    ("We'll call you back within 24 hours.", "We'll call you back within 24 hours.", datetime(2026, 3, 7, 9, 0, tzinfo=UTC)),
    ("Got it. I’ll call you tomorrow morning.", "I’ll call you tomorrow morning.", datetime(2026, 3, 7, 9, 0, tzinfo=UTC)),
    ("You'll hear from me by Monday at 10am.", "You'll hear from me by Monday at 10am.", datetime(2026, 3, 9, 10, 0, tzinfo=UTC)),
    ("I will send you an update within 2 business days.", "I will send you an update within 2 business days.",
     datetime(2026, 3, 10, 9, 0, tzinfo=UTC)),
    ("I'll check in with the courier first thing tomorrow.", "I'll check in with the courier first thing tomorrow.",
     datetime(2026, 3, 7, 9, 0, tzinfo=UTC)),
    ("I'll have an answer for you by EOD.", "I'll have an answer for you by EOD.", datetime(2026, 3, 6, 17, 0, tzinfo=UTC)),
    # v7: an action the company does by a time, in the passive; an elided subject
    ("The timetable is expected to be confirmed by the end of the week.", "The timetable is expected to be confirmed by the end of the week.",
     datetime(2026, 3, 6, 17, 0, tzinfo=UTC)),
    ("Online ordering is off tonight, but will be back on tomorrow.", "Online ordering is off tonight, but will be back on tomorrow.",
     datetime(2026, 3, 7, 17, 0, tzinfo=UTC)),
    ("We'll update you daily until the line is fixed.", "We'll update you daily until the line is fixed.",
     datetime(2026, 3, 7, 9, 0, tzinfo=UTC)),
    # a guarantee with a time is a checkpoint too (and an overpromise)
    ("Your service will be restored by the end of the day, guaranteed.",
     "Your service will be restored by the end of the day, guaranteed.", datetime(2026, 3, 6, 17, 0, tzinfo=UTC)),
    # an explicit date wins over a bare weekday, and a clock on a date keeps both
    ("I'll email you by Friday March 20 with the date the fix goes live.", "I'll email you by Friday March 20 with the date the fix goes live.",
     datetime(2026, 3, 20, 17, 0, tzinfo=UTC)),
    ("I'll send you a photo by 5 pm on April 14.", "I'll send you a photo by 5 pm on April 14.", datetime(2026, 4, 14, 17, 0, tzinfo=UTC)),
    ("Next update at 11:00.", "Next update at 11:00.", datetime(2026, 3, 6, 11, 0, tzinfo=UTC)),
    ("I guarantee everything will be back up within the hour.", "I guarantee everything will be back up within the hour.",
     datetime(2026, 3, 6, 10, 0, tzinfo=UTC)),
    ("Tomorrow morning I'll call the depot for you.", "Tomorrow morning I'll call the depot for you.", datetime(2026, 3, 7, 9, 0, tzinfo=UTC)),
    # v3: a stated response time is a commitment ("our team aims to reply within 24 hours")
    ("Hi - our team aims to reply within 24 hours :) Thanks", "Hi - our team aims to reply within 24 hours :) Thanks",
     datetime(2026, 3, 7, 9, 0, tzinfo=UTC)),
    # v5: "your refund'll be" as well as "your refund will be"
    ("Your refund'll be processed by Monday.", "Your refund'll be processed by Monday.", datetime(2026, 3, 9, 17, 0, tzinfo=UTC)),
    # v6: as helpdesks write it
    ("Your issue has been fed back and there will be specific staff contacting with you within 48 hours.",
     "Your issue has been fed back and there will be specific staff contacting with you within 48 hours.", datetime(2026, 3, 8, 9, 0, tzinfo=UTC)),
    ("Xiaoqian will contact you tomorrow morning.", "Xiaoqian will contact you tomorrow morning.", datetime(2026, 3, 7, 9, 0, tzinfo=UTC)),
    # v10 (written probe 6): the engineer or technician as subject, a three-word subject ("the new tracking number")
    ("Hello! Our engineer will call you before 6 pm today to arrange the door-to-door repair.",
     "Our engineer will call you before 6 pm today to arrange the door-to-door repair.", datetime(2026, 3, 6, 18, 0, tzinfo=UTC)),
    ("Hi, the new tracking number will be updated here by 5 pm today. Thank you for waiting!",
     "Hi, the new tracking number will be updated here by 5 pm today.", datetime(2026, 3, 6, 17, 0, tzinfo=UTC)),
    ("Hello! The technician will test your broadband line remotely at 3 pm today.",
     "The technician will test your broadband line remotely at 3 pm today.", datetime(2026, 3, 6, 15, 0, tzinfo=UTC)),
])
def test_checkpoint_finds_timed_promises_with_due_at(agent_text, expected, due, make_conversation):
    conversation = make_conversation(agent=agent_text)
    findings = CheckpointDetector().detect(conversation)
    assert [evidence(conversation, f.span) for f in findings] == [expected]
    assert [f.due_at for f in findings] == [due]


@pytest.mark.parametrize("agent_text", [
    "I'll keep you posted.",  # no time
    "We'll be in touch.",
    "Let's make sure it's there by Saturday.",  # a shared goal, no promise of an update
    "Please allow 48 hours for the seller to respond.",
    "Please let us know if it does not arrive by 8PM.",
    "You must report your claim within 24 hours.",
    "I can reship overnight today, or refund now — which works better?",  # times inside options
    "I can put you on the 07:15 flight or refund the ticket — which do you prefer?",
    "I can't promise an update by Friday.",
    "Account Specialists can take up to 2 business days to investigate.",
    "Can I call you tomorrow at 10am?",
    "How can I help you today?",
    "Flight 6353 is set to depart at 8 p.m.",  # a timetable, not a promise
    "The fix is scheduled to go live on Tuesday March 31.",  # a scheduled event, not the agent's promise
    "The fix will be scheduled to go live on Tuesday March 31.",
    "I'm going to take care of this myself, both your order tonight and the checkout problem.",  # "tonight" is not its due time
    "Good luck with Friday's launch; I'll be around if anything comes up on launch day.",
    "Here's what I can do:\n1. Make a new watch. It will be ready Tuesday April 14.\n2. Refund the $340 today.",  # times inside options
    "We aim to reply as soon as we can.",  # a commitment with no time
])
def test_checkpoint_ignores_untimed_or_unpromised_times(agent_text, make_conversation):
    assert found(make_conversation(agent=agent_text)) == []


def test_checkpoint_without_sent_at_still_finds_the_promise(make_conversation):
    conversation = make_conversation(agent="I'll update you by 3 pm tomorrow.")
    conversation = replace(conversation, messages=(replace(conversation.messages[0], sent_at=None),))
    [finding] = CheckpointDetector().detect(conversation)
    assert finding.due_at is None
    assert finding.rationale == 'promises an update or action at a stated time: "by 3 pm tomorrow"'


def test_checkpoint_resolves_against_its_own_message(make_conversation):
    conversation = make_conversation(customer="Any news?", agent="I'll update you in 2 hours.")  # agent at 09:10
    [finding] = CheckpointDetector().detect(conversation)
    assert finding.due_at == datetime(2026, 3, 6, 11, 10, tzinfo=UTC)


def test_checkpoint_scores_passive_schedules_lower(make_conversation):
    [finding] = CheckpointDetector().detect(make_conversation(agent="The refund will be back on your card within 3 days."))
    assert finding.score == 0.6
