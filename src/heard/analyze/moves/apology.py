"""move.apology: a sincere, specific apology that owns the company's part ("I'm sorry we charged
you twice", "Sorry for the delay on our end"). Sympathy ("sorry to hear that", "sorry you're
having trouble", "sorry, we can't …") and regret aimed at the customer's feeling are not."""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import (
    SORRY_SUBJECT,
    SYMPATHY_OBJECTS,
    Rule,
    regret_aimed_at_feeling,
    regret_object,
    rule_findings,
)
from heard.analyze.text import phrases
from heard.model import Conversation, Finding

KIND = "move.apology"
_REFUSAL = (
    r"(?!\s+(?:can't|cannot|can not|am unable|are unable|'m unable|'re unable|'m not able|'re not able|"
    r"am not able|are not able|won't be able|don't|do not|have no|had no)\b)"
)

RULES: tuple[Rule, ...] = (
    (phrases(rf"{SORRY_SUBJECT}sorry\s+(?:that\s+)?(?:we|I|our|my)\b{_REFUSAL}"), 0.9,
     "apologises for the company's part"),
    (phrases(rf"{SORRY_SUBJECT}(?:sorry|apologi[sz]e|apologies|apology)\s+(?:for|about)\b"), 0.85,
     "apologises for something specific"),
    (phrases(rf"{SORRY_SUBJECT}sorry\s+about\s+(?:that|this|it|all (?:of )?(?:that|this))\b"), 0.65,
     "apologises"),
    (phrases(rf"{SORRY_SUBJECT}apologi[sz]e\b(?!\s+(?:if|for)\b)"), 0.8, "apologises"),
    (phrases(r"(?:(?:my|our)\s+(?:\w+\s+)?|(?:sincere(?:st)?|deepest|humble|heartfelt)\s+)apologies\b(?!\s+(?:if|for)\b)"),
     0.7, "apologises"),
)


def _veto(text: str, m: re.Match[str]) -> bool:
    """A regret "for" the customer's feeling is a non-apology; "for your loss" is sympathy;
    "sorry about that" is left to its own, weaker row."""
    if not re.search(r"(?:for|about)$", m.group(0), re.IGNORECASE):
        return False
    words = regret_object(text, m.end())
    if not words or words[0] in {"that", "this", "it", "all"}:
        return True
    return regret_aimed_at_feeling(words) or bool(SYMPATHY_OBJECTS & set(words))


@register_detector("apology", version="1", kinds=(KIND,))
class ApologyDetector:
    """Agent apologises specifically for the company's part."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return rule_findings(self, KIND, conversation, RULES, veto=_veto, to_clause_end=True)
