"""move.checkpoint: a promise of an update or action at a stated time or interval ("I'll update
you by 3 pm tomorrow", "every day until it's delivered"). The finding carries `due_at`, resolved
against the message's `sent_at` (see `due_time`). A time with no promise ("we'll be in touch"
has no time; "please allow 48 hours" promises nothing) and times inside offered options ("the
07:15 flight or a refund", a numbered option "1. … ready Tuesday April 14") are not checkpoints.

The time must belong to the promise: it follows the promise in the same clause ("I'll email you
by Friday March 20"), or opens the sentence before it ("Tomorrow morning I'll call"). A time in
another clause ("Good luck with Friday's launch; I'll be around …") or in a list of objects
("I'll take care of this myself, both your order tonight and …") is not the promise's due time.
"Next update at 11:00." promises an update by itself."""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import agent_messages, in_option_item, is_choice_offer, is_negated, quote, sentences
from heard.analyze.moves.due_time import find_times
from heard.analyze.text import phrases
from heard.model import Conversation, Finding, Message

KIND = "move.checkpoint"

# What the company does by a time, said in the passive ("is expected to be confirmed by the end of
# the week"): an action promised at a time, unlike a schedule ("your flight is set to depart at 8").
_DONE = (r"(?:confirmed|delivered|fixed|restored|resolved|repaired|completed|updated|shipped|dispatched|processed|"
         r"sent|refunded|credited|issued|installed|released|published|back|ready)")

# (pattern, score, label): what makes a sentence with a time a promise.
PROMISES = (
    (phrases(r"(?:I|we)(?:'ll|\s+will|\s+shall|'m going to|\s+am going to|'re going to|\s+are going to|\s+promise to)",
             r"you(?:'ll|\s+will)\s+(?:hear|get|receive|have)\b", r"(?:expect|look out for)\s+(?:an?|my|our)\s+(?:update|call|email|reply|message)",
             r"(?:I|we)(?:'ll|\s+will)?\s+(?:be in touch|follow up|check in|circle back)",
             r"(?:an\s+)?updates?\s+(?:will follow|to follow|coming)", r"guaranteed|I promise|I guarantee",
             r"(?:next|another|my next|our next)\s+(?:update|check-?in|email|call|message)(?:\s+(?:is|will be|comes))?(?=\s+(?:at|by|in|on|within|before|tomorrow|tonight|today|first thing|every))",
             r"(?:talk|speak)\s+(?:to you\s+|soon\s+)?(?=at|by|in|on|tomorrow|tonight)",
             # as helpdesks write it: "… and will try to reply to you within 1 hour", a mascot or the staff as subject
             r"(?:and|,)\s+will\s+(?:try\s+to\s+)?(?:reply|respond|contact|call|get back|update|inform|notify)",
             r"(?:(?:xiao|little)\s*\w+|the editor|(?:our|the|specific|designated|relevant)\s+(?:[\w-]+\s+)?staff)\s+will\s+(?:contact|call|reply|get back|visit|inform|notify)",
             r"(?:our|the|an?)\s+(?:[\w-]+\s+)?(?:engineer|technician|courier|driver|colleague|specialist)s?\s+will\s+(?:contact|call|reply|get back|visit|inform|notify|test|check|come)",
             r"there\s+will\s+be\s+(?:a\s+|an\s+)?(?:specific\s+|designated\s+|relevant\s+)?(?:staff|engineers?|technicians?|someone|a person)\s+(?:contact|call|visit)\w*"),
     0.9, "promises an update or action at a stated time"),
    (phrases(r"(?:I|we|our\s+(?:[\w-]+\s+)?team|the\s+(?:[\w-]+\s+)?team)\s+(?:aims?|intends?|plans?|commits?|expects?)\s+to\s+"
             r"(?:reply|respond|get back|answer|contact|call|resolve|fix|update|be in touch|complete|finish)"),
     0.75, "commits to a response time"),
    (phrases(r"(?:it|this|that|they|your\s+[\w-]+(?:\s+[\w-]+)?|the\s+[\w-]+(?:\s+[\w-]+){0,2})(?:\s+will|'ll)\s+(?:be|have|arrive|reach|go|show|appear|post|land|get)",
             r"(?:it|this|they)'ll\s+be", r"(?:but|and)\s+will\s+be\s+(?:back|available|restored|open|up|running)",
             rf"(?:is|are)\s+(?:expected|estimated|scheduled|due|set)\s+to\s+be\s+{_DONE}"),
     0.6, "says when something will happen"),
)
_NOT_A_PROMISE = re.compile(
    r"\b(?:if you(?:'ve| have)? (?:don't|do not|haven't|have not|didn't|did not)|let (?:us|me) know if|please allow|"
    r"you (?:must|need to|have to|should)|allow up to|can take up to|may take|might take|takes up to|"
    r"within \S+ (?:hours?|days?) of|(?:I|we)(?:'ll|\s+will) be (?:around|here|available|on hand)\b[^.!?]{0,30}\bif|"
    rf"(?:is|are|was|were|be) (?:scheduled|planned|expected|due|set) to(?! be {_DONE}))\b",
    re.IGNORECASE,
)


@register_detector("checkpoint", version="10", kinds=(KIND,))
class CheckpointDetector:
    """Agent promises an update or action at a stated time; the finding carries `due_at`."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return [f for message in agent_messages(conversation) for f in self._in(message)]

    def _in(self, message: Message) -> list[Finding]:
        text, found = message.text, []
        for start, end in sentences(text):
            sentence = text[start:end]
            times = find_times(sentence)
            if not times or is_choice_offer(sentence) or _NOT_A_PROMISE.search(sentence) or in_option_item(text, start):
                continue
            found_one = next((
                (score, label, t) for score, label, at in _promises(sentence) for t in times
                if _belongs(sentence, at, t) and not (sentence.rstrip().endswith("?") and score < 0.9)
            ), None)
            if found_one is None:
                continue
            score, label, when = found_one
            found.append(self.info.finding(
                KIND, message, start, end, score=score, rationale=f"{label}: {quote(when.text)}",
                due_at=when.resolve(message.sent_at),
            ))
        return found


def _promises(sentence: str) -> list[tuple[float, str, int]]:
    """The promise cues that are not negated, strongest first: (score, label, where each ends)."""
    return [
        (score, label, 0 if m.group(0).lower() == "guaranteed" else m.end())  # ", guaranteed" covers the whole sentence
        for pattern, score, label in PROMISES
        for m in pattern.finditer(sentence)
        if not is_negated(sentence, m.start())
        and not re.match(r"\s*(?:not|never|n't)\b", sentence[m.end():], re.IGNORECASE)
    ]


# What separates a promise from a time that is not its due time.
_OTHER_CLAUSE = re.compile(r"[;:]|\s[—–]\s|,\s*(?:both|including|not|but|although|though|which)\b", re.IGNORECASE)


def _belongs(sentence: str, promise_end: int, when) -> bool:
    """Is `when` the promise's due time: after it in the same clause, or opening the sentence?"""
    if when.start >= promise_end:
        return not _OTHER_CLAUSE.search(sentence, promise_end, when.start)
    return not _OTHER_CLAUSE.search(sentence, when.end, promise_end) and not sentence[: when.start].strip(" ,")
