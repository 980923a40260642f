from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from heard.analyze.moves.due_time import find_times, resolve_due

UTC = timezone.utc
FRIDAY_9 = datetime(2026, 3, 6, 9, 0, tzinfo=UTC)  # a Friday
WEDNESDAY_16 = datetime(2026, 3, 4, 16, 30, tzinfo=UTC)


def at(day, hour, minute=0, tz=UTC):
    return datetime(2026, 3, day, hour, minute, tzinfo=tz)


@pytest.mark.parametrize("phrase, sent_at, due", [
    ("by 3 pm", FRIDAY_9, at(6, 15)),
    ("by 3 pm", WEDNESDAY_16, at(5, 15)),  # already past today: tomorrow
    ("by 3pm tomorrow", FRIDAY_9, at(7, 15)),
    ("by 3 p.m. tomorrow", FRIDAY_9, at(7, 15)),
    ("by noon tomorrow", FRIDAY_9, at(7, 12)),
    ("tomorrow morning", FRIDAY_9, at(7, 9)),
    ("tomorrow at 2pm", FRIDAY_9, at(7, 14)),
    ("first thing tomorrow", WEDNESDAY_16, at(5, 9)),
    ("by end of day", FRIDAY_9, at(6, 17)),
    ("by the end of the day", WEDNESDAY_16, at(4, 17)),
    ("EOD", FRIDAY_9, at(6, 17)),
    ("end of day tomorrow", WEDNESDAY_16, at(5, 17)),
    ("within 24 hours", FRIDAY_9, at(7, 9)),
    ("in 2 hours", FRIDAY_9, at(6, 11)),
    ("within the next 24-48 hours", FRIDAY_9, at(8, 9)),
    ("in 30 minutes", FRIDAY_9, at(6, 9, 30)),
    ("within 2 business days", FRIDAY_9, at(10, 9)),  # Saturday and Sunday skipped
    ("within 2 business days", WEDNESDAY_16, at(6, 16, 30)),
    ("within 3 days", FRIDAY_9, at(9, 9)),
    ("within a week", FRIDAY_9, at(13, 9)),
    ("by Friday", WEDNESDAY_16, at(6, 17)),
    ("by Friday", FRIDAY_9, at(6, 17)),  # today, still ahead
    ("by Monday at 10am", FRIDAY_9, at(9, 10)),
    ("on Monday", FRIDAY_9, at(9, 17)),
    ("by 9:30am on Tuesday", FRIDAY_9, at(10, 9, 30)),
    ("every day", FRIDAY_9, at(7, 9)),  # daily: the next day, same time
    ("daily", WEDNESDAY_16, at(5, 16, 30)),
    ("every morning", FRIDAY_9, at(7, 9)),
    ("every 4 hours", FRIDAY_9, at(6, 13)),
    ("tonight", FRIDAY_9, at(6, 20)),
    ("later today", FRIDAY_9, at(6, 17)),
    ("this afternoon", FRIDAY_9, at(6, 14)),
    ("by the end of the week", WEDNESDAY_16, at(6, 17)),
    ("next week", WEDNESDAY_16, at(13, 17)),
    ("by March 10", FRIDAY_9, at(10, 17)),
    ("by 10 March at 11am", FRIDAY_9, at(10, 11)),
])
def test_due_time_resolves_phrases(phrase, sent_at, due):
    assert resolve_due(phrase, sent_at) == due


def test_due_time_without_sent_at_is_none():
    assert resolve_due("by 3 pm tomorrow", None) is None


def test_due_time_keeps_the_senders_time_zone():
    sent = datetime(2026, 3, 6, 9, 0, tzinfo=ZoneInfo("America/Chicago"))
    due = resolve_due("by 3 pm tomorrow", sent)
    assert due == datetime(2026, 3, 7, 15, 0, tzinfo=ZoneInfo("America/Chicago"))
    assert due.utcoffset() == timedelta(hours=-6)


def test_due_time_reads_naive_sent_at_as_utc():
    assert resolve_due("in 2 hours", datetime(2026, 3, 6, 9, 0)) == at(6, 11)


@pytest.mark.parametrize("text, phrases", [
    ("I'll update you by 3 pm tomorrow.", ["by 3 pm tomorrow"]),
    ("I’ll call you tomorrow morning and again by Monday at 10am.", ["tomorrow morning", "by Monday at 10am"]),
    ("I'll check every day until it's delivered.", ["every day"]),
    ("Expect it within 2 business days.", ["within 2 business days"]),
    ("We'll be in touch soon.", []),
    ("I sat on hold and the sun was out.", []),
    ("Your order number is 12345.", []),
])
def test_due_time_finds_time_phrases(text, phrases):
    assert [m.text for m in find_times(text)] == phrases
