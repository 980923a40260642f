"""move.generic: a templated receipt with no personal detail, no next step and no time ("Thank
you for contacting us. Your request has been received."). A reply that names the person, asks
them to DM details, points to their case or a message already sent, asks a question or gives a
time is not generic. The span is the whole message: the whole message is the evidence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import agent_messages, quote, sentences
from heard.analyze.moves.due_time import find_times
from heard.analyze.text import phrases
from heard.model import Conversation, Finding, Message

KIND = "move.generic"

# (pattern, score, label): the templated lines a receipt is made of.
RECEIPTS = (
    (phrases(r"your (?:request|message|ticket|email|enquiry|inquiry|query|case|complaint|feedback) has been (?:received|logged|noted|recorded|forwarded|passed on|submitted)",
             r"(?:we|I)(?:'ve| have) received your (?:message|request|email|enquiry|inquiry|query|ticket)"),
     0.85, "a templated receipt"),
    (phrases(r"thank(?:s| you) for (?:contacting|reaching out to|getting in touch with|writing to|your (?:message|email|patience|feedback)|the feedback|sharing|this feedback|letting us know|reaching out)",
             r"(?:we|I)(?:'ll| will) (?:get back to you|be in touch|respond|reply)(?: (?:as soon as (?:possible|we can)|shortly|soon))?",
             r"(?:we|I)(?:'ve| have) been in touch", r"(?:we|I)(?:'re| are) (?:currently )?(?:looking into|reviewing) (?:it|this|your \w+)",
             r"(?:will|'ll) be in touch(?: (?:shortly|soon))?",
             r"(?:contact|reach out to|let) us (?:know )?if (?:you have|there(?:'s| is| are)|we can|you need)\b",
             r"(?:we|I) appreciate your (?:feedback|patience|business|message)", r"(?:we|I) value your feedback",
             r"your (?:business|feedback) (?:means|is) (?:a lot|important)", r"(?:we're|we are) here to help",
             r"you can find (?:more )?info(?:rmation)? (?:here|at)", r"(?:check out|see|visit) (?:our|this) (?:help|support|FAQ)",
             r"(?:we|I)(?:'re| are|'m| am)?\s*(?:sincerely |truly )?(?:sorry|apologi[sz]e) for any inconvenience(?: (?:this|that|it) (?:may have|might have|has|may|might)?\s*caused| caused)?",
             r"your (?:[\w-]+ ){0,2}(?:request|message|ticket|case|claim|return|refund|enquiry|inquiry|complaint) (?:is|has been) (?:now )?(?:in (?:the|our) queue|being (?:processed|reviewed|handled|looked into)|under review)",
             r"(?:the|our) (?:[\w-]+ )?team (?:is|are) (?:still |currently )?(?:investigating|looking into (?:it|this)|aware of (?:the|this) (?:issue|problem))",
             r"please (?:complete|fill (?:in|out)|use|visit|see|check|refer to|go to|contact) (?:the|our) [^.!?]{0,40}?(?:form|page|faq|article|help cent(?:re|er)|site|website|support team|customer service)\b"),
     0.65, "a stock line"),
)
_NEXT_STEP = phrases(
    r"DM", r"direct message", r"private message", r"send (?:us|me)", r"reply (?:with|here)", r"follow (?:the|this) link to your",
    r"case (?:number|link|#|id)", r"ticket (?:number|#)", r"check (?:your|the) (?:email|inbox|DMs?|messages?|spam)",
    r"(?:we|I)(?:'ve| have) (?:sent|emailed|messaged)", r"call (?:us|me) (?:at|on)", r"(?:I|we)(?:'ll| will) (?:call|email|send|refund|replace|reship|escalate|pass)",
    r"should (?:send|email|call|contact) you",
    r"(?:send|email|forward) (?:us |me )?(?:the |your |all )?(?:details|information|info|screenshots?|photos?|order number|account number)\b[^.!?]{0,40}\b(?:to|at) \S+@\S+",
)
_GREETING_NAME = re.compile(r"(?i:\b(?:hi|hello|hey|dear|thanks|thank you|sorry))[,!]?\s+(?!(?i:there|team|all|again|everyone|for|so|thank|thanks|please|we|our|your|my|the|this|it|you|welcome|good|i)\b)([A-Z][a-z]+)\b")
_VOCATIVE = re.compile(r",\s+([A-Z][a-z]+)[.!?]")
_ANYTHING_ELSE = re.compile(r"\banything else\b[^?]*\?", re.IGNORECASE)


@register_detector("generic", version="2", kinds=(KIND,))
class GenericDetector:
    """Agent sends a templated receipt: no name, no next step, no time."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return [f for message in agent_messages(conversation) for f in self._in(message, conversation)]

    def _in(self, message: Message, conversation: Conversation) -> list[Finding]:
        text = message.text
        cue = next(((m, score, label) for pattern, score, label in RECEIPTS if (m := pattern.search(text))), None)
        if cue is None or _personal(text, conversation) or _NEXT_STEP.search(text) or find_times(text):
            return []
        if "?" in _ANYTHING_ELSE.sub("", text):  # a question back to the customer is a next step
            return []
        if any(_words(text[s:e]) >= 6 and not any(p.search(text[s:e]) for p, _, _ in RECEIPTS) for s, e in sentences(text)):
            return []  # says something specific besides the stock lines
        m, score, label = cue
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return [self.info.finding(KIND, message, start, end, score=score,
                                  rationale=f"{label}, with no name, next step or time: {quote(m.group(0))}")]


def _personal(text: str, conversation: Conversation) -> bool:
    """Does the message name the customer?"""
    name = (conversation.customer or "").split()
    if name and re.search(rf"\b{re.escape(name[0])}\b", text, re.IGNORECASE):
        return True
    return bool(_GREETING_NAME.search(text) or _VOCATIVE.search(text))


def _words(sentence: str) -> int:
    return len(re.findall(r"[A-Za-z']+", sentence))
