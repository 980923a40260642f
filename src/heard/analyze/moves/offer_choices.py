"""move.offer_choices: two or more concrete paths, ideally with timings, and a question about
which fits ("I can reship overnight today, or refund now — which works better?").

Three shapes are read:

- one sentence with alternatives: remedies joined by "or" ("a replacement or a refund"), "either
  … or …", "you can … or I can …" with a preference question ("your call", "which works?");
- options spread over sentences: two sentences with different remedies and a preference question;
- an enumerated list — numbered or bulleted lines ("1. …", "- …") or inline "One: … Two: …" —
  of at least two items, with a preference question ("Which of these fits best?") or an intro
  that names them as options ("These are the realistic options:", "There are two ways I can …").
  Its span runs from the sentence that introduces the list (or the question, when the question
  comes first) to the question (or to the last option when the question comes first or there is
  none), so the evidence holds the choices and the ask.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import (
    PREFERENCE_QUESTION,
    REMEDY,
    agent_messages,
    is_choice_offer,
    option_items,
    quote,
    sentences,
    two_courses,
)
from heard.analyze.text import phrases
from heard.model import Conversation, Finding, Message

KIND = "move.offer_choices"

# An intro that names what follows as alternatives.
_OPTIONS_INTRO = phrases(
    r"options?", r"(?:two|three|four|a few|a couple of|several|different) (?:ways|paths|routes|choices|things I can do)",
    r"ways (?:forward|to do (?:this|that|it))", r"choices?", r"alternatives?", r"here's what (?:I|we) can (?:do|set up|offer)",
    r"(?:one|either) of (?:two|these|the following) ways", r"you can (?:pick|choose) (?:more than one|one|either)",
)
# A "which …?" question after a list ("Which would you like?", "Which feels right?").
_WHICH_QUESTION = re.compile(r"\bwhich\b[^.!?]{0,60}\?|\bwhat would you (?:like|prefer)\b[^.!?]{0,40}\?", re.IGNORECASE)

# Alternatives in the passive ("Your card can be sent by email or by post") and a "which …
# prefer?" in the same or the next sentence.
_PASSIVE_OR = re.compile(
    r"\b(?:can|could|may)\s+(?:either\s+)?be\s+\w+(?:ed|en|t|d)\s+(?:via|by|through|as|in|at|to|with|for|from)\s+[^.!?,;]{1,40}?\s+or\s+"
    r"(?:via|by|through|as|in|at|to|with|for|from)?\s*\w+", re.IGNORECASE)
_WHICH_PREFER = re.compile(r"\bwhich\b[^.!?]{0,40}\b(?:prefer|like|suits?|works?|want)\b", re.IGNORECASE)
# "Or I can refund you now." is the second of options spread over sentences (read below, whole).
_OR_FIRST = re.compile(r"\W*or\b", re.IGNORECASE)
# A question that puts two alternatives to the customer ("Do you prefer answers in German or English?").
_PREFER_OR = re.compile(r"\b(?:do|would) you (?:prefer|rather|like)\b[^.!?]{1,60}\bor\b(?!\s+(?:not|no)\b)[^.!?]{1,100}\?", re.IGNORECASE)


@register_detector("offer_choices", version="10", kinds=(KIND,))
class OfferChoicesDetector:
    """Agent offers alternatives and lets the customer choose."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return [f for message in agent_messages(conversation) for f in self._in(message)]

    def _in(self, message: Message) -> list[Finding]:
        text = message.text
        listed = self._listed(message)
        if listed:
            return [listed]
        spans = sentences(text)
        found = []
        for i, (start, end) in enumerate(spans):
            sentence = text[start:end]
            following = spans[i + 1] if i + 1 < len(spans) else None
            asked_next = following is not None and PREFERENCE_QUESTION.search(text[following[0]:following[1]]) is not None
            # "You can choose monthly payment, or annual payment. Which one is more suitable?"
            if is_choice_offer(sentence) or (asked_next and two_courses(sentence) and not _OR_FIRST.match(sentence)):
                asks = PREFERENCE_QUESTION.search(sentence) is not None
                if not asks and asked_next:
                    end, asks = following[1], True  # "… or refund the $64. Which would you prefer?"
                    sentence = text[start:end]
                found.append(self.info.finding(
                    KIND, message, start, end, score=0.9 if asks else 0.7,
                    rationale=f"offers alternatives{' and asks which fits' if asks else ''}: {quote(sentence)}",
                ))
        if found:
            return found
        for start, end in spans:
            if _PREFER_OR.search(text, start, end):
                return [self.info.finding(KIND, message, start, end, score=0.85,
                                          rationale=f"asks which of two the customer prefers: {quote(text[start:end])}")]
        for i, (start, end) in enumerate(spans):
            if _PASSIVE_OR.search(text, start, end):
                ask = next(((s, e) for s, e in spans[i : i + 2] if _WHICH_PREFER.search(text, s, e)), None)
                if ask:
                    end = max(end, ask[1])
                    return [self.info.finding(KIND, message, start, end, score=0.85,
                                              rationale=f"offers two ways and asks which fits: {quote(text[start:end])}")]
        # Options spread over sentences: "I can reship it tonight. Or I can refund you now. Which would you prefer?"
        with_remedy = [(s, e) for s, e in spans if REMEDY.search(text[s:e])]
        questions = [(s, e) for s, e in spans if PREFERENCE_QUESTION.search(text[s:e])]
        remedies = {m.group(0).lower() for m in REMEDY.finditer(text)}
        if len(with_remedy) >= 2 and len(remedies) >= 2 and questions:
            start, end = with_remedy[0][0], max(with_remedy[-1][1], questions[-1][1])
            return [self.info.finding(
                KIND, message, start, end, score=0.8,
                rationale=f"offers {len(remedies)} paths and asks which fits: {quote(text[start:end])}",
            )]
        for i, (start, end) in enumerate(spans):
            # "You could move to the annual plan now, or stay monthly. Which sounds better?"
            ask = next(((s, e) for s, e in spans[i + 1 : i + 2] if PREFERENCE_QUESTION.search(text, s, e)), None)
            if ask and two_courses(text[start:end]):
                return [self.info.finding(KIND, message, start, ask[1], score=0.85,
                                          rationale=f"offers two ways and asks which fits: {quote(text[start:ask[1]])}")]
        return []

    def _listed(self, message: Message) -> Finding | None:
        """An enumerated list of alternatives with a question about which fits, or an intro naming them as options."""
        text = message.text
        items = option_items(text)
        if not items:
            return None
        first, last = items[0][0], items[-1][1]
        spans = sentences(text)
        # The intro: the sentence just before the first item (often ending in ":").
        before = [(s, e) for s, e in spans if e <= first + 1 and s < first]
        intro = before[-1] if before else None
        if intro and not text[intro[0]:intro[1]].rstrip().endswith((":", "?")) and not _OPTIONS_INTRO.search(text[intro[0]:intro[1]]):
            intro = None
        # The question: the first preference question after the list, or one just before it.
        after = [(s, e) for s, e in spans if s >= last and (PREFERENCE_QUESTION.search(text[s:e]) or _WHICH_QUESTION.search(text[s:e]))]
        ahead = [(s, e) for s, e in before[-2:] if PREFERENCE_QUESTION.search(text[s:e]) or _WHICH_QUESTION.search(text[s:e])]
        named = intro is not None and _OPTIONS_INTRO.search(text[intro[0]:intro[1]]) is not None
        if after:
            start = intro[0] if intro else first
            end = after[0][1]
            asks = True
        elif ahead:
            start, end, asks = min(ahead[0][0], intro[0] if intro else ahead[0][0]), last, True
        elif named:
            start, end, asks = intro[0], last, False
        else:
            return None
        n = len(items)
        return self.info.finding(
            KIND, message, start, end, score=0.9 if asks else 0.8,
            rationale=f"lists {n} options{' and asks which fits' if asks else ''}: {quote(text[start:end])}",
        )
