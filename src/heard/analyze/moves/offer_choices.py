"""move.offer_choices: two or more concrete paths, ideally with timings, and a question about
which fits ("I can reship overnight today, or refund now — which works better?")."""

from __future__ import annotations

from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import (
    PREFERENCE_QUESTION,
    REMEDY,
    agent_messages,
    is_choice_offer,
    quote,
    sentences,
)
from heard.model import Conversation, Finding, Message

KIND = "move.offer_choices"


@register_detector("offer_choices", version="1", kinds=(KIND,))
class OfferChoicesDetector:
    """Agent offers alternatives and lets the customer choose."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return [f for message in agent_messages(conversation) for f in self._in(message)]

    def _in(self, message: Message) -> list[Finding]:
        text = message.text
        spans = sentences(text)
        found = []
        for start, end in spans:
            sentence = text[start:end]
            if is_choice_offer(sentence):
                asks = PREFERENCE_QUESTION.search(sentence) is not None
                found.append(self.info.finding(
                    KIND, message, start, end, score=0.9 if asks else 0.7,
                    rationale=f"offers alternatives{' and asks which fits' if asks else ''}: {quote(sentence)}",
                ))
        if found:
            return found
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
        return []
