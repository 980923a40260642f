"""Find the time in a promise ("by 3 pm tomorrow", "within 2 business days") and resolve it
against the moment the message was sent.

    >>> from datetime import datetime, timezone
    >>> mention = find_times("I'll update you by 3 pm tomorrow.")[0]
    >>> mention.text, mention.resolve(datetime(2026, 3, 6, 9, 0, tzinfo=timezone.utc)).isoformat()
    ('by 3 pm tomorrow', '2026-03-07T15:00:00+00:00')

Conventions (wall-clock time in `sent_at`'s time zone; a naive `sent_at` is taken as UTC):

| said | due |
| --- | --- |
| a clock time, no day ("by 3 pm") | that time today, or tomorrow if it has passed |
| a day, no time ("tomorrow", "by Friday", "on March 10") | 17:00 that day |
| "end of day", "EOD", "close of business" | 17:00 (the next day if sent after 17:00) |
| morning / noon / afternoon / evening / tonight | 09:00 / 12:00 / 14:00 / 18:00 / 20:00 |
| "first thing (tomorrow)" | 09:00 on the next morning |
| "within 24 hours", "in 2 hours", "within 3 days" | sent_at + the duration (a range: its upper end) |
| "within 2 business days" | sent_at + 2 weekdays, weekends skipped |
| "within the hour" | sent_at + 1 hour |
| a weekday and a date ("by Friday March 20"), a clock on a date ("by 5 pm on April 14") | the date wins (17:00, or the clock) |
| "every day until …", "daily", "each morning" | the next day, same time (or at the part of day named) |
| "by the end of the week" / "next week" | Friday 17:00 this week / next week |
| a weekday | its next occurrence (today counts if the time is still ahead) |
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

EOD = time(17, 0)
PART_OF_DAY = {
    "morning": time(9, 0), "noon": time(12, 0), "midday": time(12, 0), "lunchtime": time(12, 0),
    "lunch": time(12, 0), "afternoon": time(14, 0), "evening": time(18, 0), "tonight": time(20, 0),
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty-eight": 48, "twenty-four": 24, "seventy-two": 72, "a few": 3, "a couple of": 2, "a couple": 2,
}

_DAY = (
    r"(?:today|tonight|tomorrow|(?:(?:this|next|on|coming)\s+)?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
)
_CLOCK = r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.m\.?|[ap]m)(?![a-z])|\d{1,2}:\d{2}|noon|midday|midnight)"
_PART = r"(?:morning|afternoon|evening|lunchtime|lunch)"
_NUM = r"(?:\d+(?:\s*(?:-|–|to)\s*\d+)?|a few|a couple(?: of)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|twenty-four|forty-eight|seventy-two)"
_UNIT = r"(?:(?:business|working)\s+days?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?)"
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATE = rf"(?:the\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH})"

_FORMS = (
    # every day until …, daily, each morning, every 4 hours
    rf"(?:every|each)\s+(?:single\s+)?(?:day|morning|afternoon|evening|weekday|business day|(?:{_NUM}\s+)?h(?:ou)?rs?)|daily|once a day",
    # first thing (tomorrow / in the morning / on Monday)
    rf"first thing(?:\s+(?:tomorrow(?:\s+morning)?|in the morning|on\s+{_DAY}|{_DAY}))?",
    # end of (the business) day / EOD / COB (+ a day)
    rf"(?:by\s+)?(?:the\s+)?(?:end of (?:the\s+)?(?:business\s+|working\s+)?day|close of (?:business|play)|end of business|eod|cob)(?:\s+(?:today|tomorrow|on\s+{_DAY}|{_DAY}))?",
    r"(?:by\s+)?(?:the\s+)?end of (?:the|this|next) week|(?:by\s+)?next week",
    # within / in N units; within the hour
    rf"(?:within|in|over)\s+(?:the\s+next\s+|the\s+coming\s+|about\s+|around\s+|under\s+)?{_NUM}\s+{_UNIT}",
    r"(?:within|in)\s+the\s+(?:next\s+)?(?:hour|half[- ]hour)",
    # an explicit date wins over a bare weekday or clock: by Friday March 20, by 5 pm on April 14
    rf"(?:(?:by|before|at|around|until|no later than)\s+)?{_CLOCK}\s+on\s+(?:{_WEEKDAY},?\s+)?{_DATE}",
    rf"(?:(?:by|before|on|until|no later than)\s+)?{_WEEKDAY},?\s+{_DATE}(?:\s+at\s+{_CLOCK})?",
    # clock (+ day): by 3 pm, by 3pm tomorrow, by noon tomorrow, at 10:30 on Friday
    rf"(?:(?:by|before|at|around|until|no later than)\s+)?{_CLOCK}(?:\s+(?:on\s+)?(?:{_DAY}|{_PART}))?(?:\s+(?:today|tomorrow))?",
    # day (+ clock or part): tomorrow morning, by Friday, by Monday at 10am, tomorrow by 3pm
    rf"(?:(?:by|before|on|until|no later than|later)\s+)?(?:{_DAY})(?:\s+(?:at|by|before|around)\s+{_CLOCK}|\s+{_PART}|\s+at\s+{_PART})?",
    rf"(?:(?:by|before|on)\s+)?(?:this|tomorrow)\s+{_PART}",
    # dates: by March 10, on 10 March, by the 10th of March
    rf"(?:by|before|on|until)\s+(?:the\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH})(?:\s+at\s+{_CLOCK})?",
)
TIME_EXPRESSION = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?:{f})" for f in _FORMS) + r")(?![\w])", re.IGNORECASE
)


@dataclass(frozen=True)
class TimeMention:
    """A stated time in a message: where it is and what it says."""

    start: int
    end: int
    text: str

    def resolve(self, sent_at: datetime | None) -> datetime | None:
        return resolve_due(self.text, sent_at)


def find_times(text: str) -> list[TimeMention]:
    """Every stated time or interval in `text`, longest first where two would overlap. A day used
    as a possessive ("Friday's launch") names an event, not a time: it is left out."""
    return [
        TimeMention(m.start(), m.end(), m.group(0))
        for m in TIME_EXPRESSION.finditer(text)
        if not re.match(r"['’]s\b", text[m.end():])
    ]


def resolve_due(phrase: str, sent_at: datetime | None) -> datetime | None:
    """The moment `phrase` ("by 3 pm tomorrow") points to, seen from `sent_at`; None if either
    is missing or the phrase is not a time we understand."""
    if sent_at is None:
        return None
    if sent_at.tzinfo is None:
        sent_at = sent_at.replace(tzinfo=timezone.utc)
    p = " ".join(phrase.lower().replace("’", "'").split())
    for resolver in (_recurring, _first_thing, _end_of_day, _week, _duration, _date, _clock_or_day):
        due = resolver(p, sent_at)
        if due is not None:
            return due
    return None


# -- resolvers, each returning None when the phrase is not its kind ---------------------------


def _recurring(p: str, now: datetime) -> datetime | None:
    if not re.match(r"(?:every|each|daily|once a day)", p):
        return None
    hours = re.search(rf"({_NUM})?\s*h(?:ou)?rs?$", p)
    if hours:
        return now + timedelta(hours=_number(hours.group(1) or "1"))
    part = re.search(_PART, p)
    if part:
        return _at(now.date() + timedelta(days=1), PART_OF_DAY[part.group(0)], now)
    if "business day" in p or "weekday" in p:
        return _add_business_days(now, 1)
    return now + timedelta(days=1)


def _first_thing(p: str, now: datetime) -> datetime | None:
    if not p.startswith("first thing"):
        return None
    day = _day_in(p, now)
    if day is None:
        morning = _at(now.date(), PART_OF_DAY["morning"], now)
        return morning if morning > now and "tomorrow" not in p else morning + timedelta(days=1)
    return _at(day, PART_OF_DAY["morning"], now)


def _end_of_day(p: str, now: datetime) -> datetime | None:
    if not re.search(r"end of (?:the )?(?:business |working )?day|close of|end of business|\beod\b|\bcob\b", p):
        return None
    day = _day_in(p, now)
    if day is None:
        due = _at(now.date(), EOD, now)
        return due if due > now else due + timedelta(days=1)
    return _at(day, EOD, now)


def _week(p: str, now: datetime) -> datetime | None:
    if not re.search(r"\bweek$", p) or re.search(r"\d|\b(?:a|an|one|two|few|couple)\b", p):
        return None
    friday = now.date() + timedelta(days=(4 - now.weekday()) % 7)
    if "next week" in p:
        friday = now.date() - timedelta(days=now.weekday()) + timedelta(days=11)
    return _at(friday, EOD, now)


def _duration(p: str, now: datetime) -> datetime | None:
    if re.match(r"(?:within|in) the (?:next )?(?:hour|half[- ]hour)$", p):
        return now + timedelta(minutes=30 if "half" in p else 60)
    m = re.match(rf"(?:within|in|over)\s+(?:the\s+next\s+|the\s+coming\s+|about\s+|around\s+|under\s+)?({_NUM})\s+({_UNIT})$", p)
    if not m:
        return None
    n, unit = _number(m.group(1)), m.group(2)
    if unit.startswith(("business", "working")):
        return _add_business_days(now, n)
    if unit.startswith("min"):
        return now + timedelta(minutes=n)
    if unit.startswith("h"):
        return now + timedelta(hours=n)
    if unit.startswith("week"):
        return now + timedelta(weeks=n)
    return now + timedelta(days=n)


def _date(p: str, now: datetime) -> datetime | None:
    m = re.search(rf"(?:({_MONTH})\s+(\d{{1,2}})|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}))", p)
    if not m:
        return None
    month_name = m.group(1) or m.group(4)
    day_number = int(m.group(2) or m.group(3))
    month = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(month_name[:3]))
    try:
        day = date(now.year, month, day_number)
        if day < now.date():
            day = date(now.year + 1, month, day_number)
    except ValueError:
        return None
    clock = _clock(p)
    return _at(day, clock or EOD, now)


def _clock_or_day(p: str, now: datetime) -> datetime | None:
    clock = _clock(p)
    part = re.search(rf"\b{_PART}\b|\btonight\b", p)
    day = _day_in(p, now)
    if clock is None and part is not None:
        clock = PART_OF_DAY[part.group(0)]
    if day is None and clock is None:
        return None
    if day is None:
        due = _at(now.date(), clock, now)
        return due if due > now else due + timedelta(days=1)
    if clock is None:
        clock = EOD if day > now.date() or _at(day, EOD, now) > now else time(23, 59)
    due = _at(day, clock, now)
    if due <= now and re.search(r"\b(?:mon|tue|wed|thu|fri|sat|sun)", p):
        due += timedelta(days=7)
    return due


# -- pieces -----------------------------------------------------------------------------------


def _number(text: str) -> int:
    text = text.strip()
    upper = re.split(r"\s*(?:-|–|to)\s*", text)[-1] if re.match(r"\d", text) else text
    if upper.isdigit():
        return int(upper)
    return NUMBER_WORDS.get(text, 1)


def _clock(p: str) -> time | None:
    if re.search(r"\bnoon\b|\bmidday\b", p):
        return time(12, 0)
    if re.search(r"\bmidnight\b", p):
        return time(23, 59)
    m = re.search(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b", p)
    if m:
        hour = int(m.group(1)) % 12 + (12 if m.group(3) == "p" else 0)
        return time(hour, int(m.group(2) or 0)) if hour < 24 else None
    m = re.search(r"\b(\d{1,2}):(\d{2})\b", p)
    if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
        return time(int(m.group(1)), int(m.group(2)))
    return None


def _day_in(p: str, now: datetime) -> date | None:
    today = now.date()
    if re.search(r"\btomorrow\b", p):
        return today + timedelta(days=1)
    if re.search(r"\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b", p):
        return today
    m = re.search(r"\b(mon|tue|wed|thu|fri|sat|sun)", p)
    if m:
        target = next(i for i, d in enumerate(WEEKDAYS) if d.startswith(m.group(1)))
        ahead = (target - now.weekday()) % 7
        if ahead == 0 and re.search(r"\bnext\b", p):
            ahead = 7
        return today + timedelta(days=ahead)
    return None


def _at(day: date, clock: time, now: datetime) -> datetime:
    return datetime.combine(day, clock, tzinfo=now.tzinfo)


def _add_business_days(now: datetime, days: int) -> datetime:
    due = now
    while days > 0:
        due += timedelta(days=1)
        if due.weekday() < 5:
            days -= 1
    return due
