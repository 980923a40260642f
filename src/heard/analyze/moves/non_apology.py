"""move.non_apology: regret aimed at the customer's feeling, or made conditional ("sorry you
feel that way", "sorry if you were upset", "we don't want you to feel that way")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import (
    FEELING_STATE,
    INTENSIFIER,
    SORRY_SUBJECT,
    Rule,
    regret_aimed_at_feeling,
    regret_object,
    rule_findings,
)
from heard.analyze.text import phrases
from heard.model import Conversation, Finding

KIND = "move.non_apology"

RULES: tuple[Rule, ...] = (
    (phrases(rf"{SORRY_SUBJECT}sorry\s+(?:that\s+)?you\s+(?:feel|felt|see it|view it|think|took it)\s+(?:that|this)\s+way",
             rf"{SORRY_SUBJECT}sorry\s+(?:that\s+)?you\s+feel\s+like\s+(?:that|this)",
             rf"{SORRY_SUBJECT}sorry\s+to\s+(?:see|hear|read|learn)\s+(?:that\s+)?you\s+(?:feel|felt|are feeling)\s+(?:that|this)\s+way",
             rf"{SORRY_SUBJECT}sorry\s+for\s+(?:the way|how)\s+you\s+(?:feel|felt|are feeling|were made to feel)",
             rf"{SORRY_SUBJECT}sorry\s+(?:that\s+)?(?:that's|that\s+is|this\s+is)\s+how\s+you\s+(?:see|feel\s+about|view|took|read)\s+(?:it|things|this)"),
     0.9, "regrets the customer's feeling, not the company's part"),
    (phrases(rf"{SORRY_SUBJECT}(?:sorry|apologi[sz]e|regret)\s+(?:that\s+)?you\s+(?:feel|felt|think|thought|believe|see it)\b(?!\s+(?:unwell|ill|sick|poorly)\b)",
             rf"{SORRY_SUBJECT}sorry\s+to\s+(?:see|hear|read|learn)\s+(?:that\s+)?you\s+(?:feel|felt|are feeling)\s+(?:{INTENSIFIER}\s+)?{FEELING_STATE}",
             rf"{SORRY_SUBJECT}(?:sorry|regret|apologi[sz]e)\s+(?:that\s+)?you(?:'re|\s+are|\s+were)?\s*(?:aren't|are not|weren't|were not|not)\s+"
             r"(?:a fan|happy|satisfied|pleased|impressed)",
             rf"(?:I|we)\s+(?:never|don't|do not)\s+like\s+to\s+(?:hear|see|read)\s+(?:that\s+)?you(?:'re|\s+are|\s+were|\s+feel|\s+felt)\s+"
             rf"(?:{INTENSIFIER}\s+)?{FEELING_STATE}"),
     0.85, "regrets what the customer feels or thinks, not the company's part"),
    (phrases(rf"{SORRY_SUBJECT}(?:sorry|apologi[sz]e|apologies)\s+if\b",
             # the condition first: "If you are dissatisfied with our service, we are sorry."
             r"\bif\s+you\s+(?:are|were|feel|felt|have\s+been)\s+(?:\w+\s+)?(?:dissatisfied|unsatisfied|unhappy|upset|disappointed|offended|inconvenienced)\b[^.!?]{0,60}?,\s*(?:we|I)(?:'re|\s+are|'m|\s+am)\s+(?:very\s+|truly\s+|so\s+|really\s+)?sorry"),
     0.85, "apologises conditionally"),
    (phrases(rf"{SORRY_SUBJECT}(?:sorry|apologi[sz]e|apologies)\s+for\s+(?:making|leaving)\s+(?:you\s+(?:feel\s+)?(?:unhappy|upset|angry|sad|unpleasant)|(?:a\s+)?bad\s+impression(?:\s+on\s+you)?|you\s+a\s+bad\s+impression)"),
     0.8, "regrets the customer's feeling, not the company's part"),
    (phrases(rf"{SORRY_SUBJECT}sorry\s+(?:that\s+)?you(?:'re|\s+are|\s+were|\s+feel|\s+felt|'ve been|\s+have been)"
             rf"\s+(?:{INTENSIFIER}\s+)?{FEELING_STATE}"),
     0.8, "regrets the customer's feeling, not the company's part"),
    (phrases(r"(?:I|we)\s+(?:don't|do not)\s+want\s+you\s+to\s+(?:feel|be upset|think)",
             r"(?:I|we)\s+(?:never|don't|do not)\s+(?:want|mean|intend)\s+to\s+(?:disappoint|upset|offend|frustrate|mislead|let (?:you|anyone) down)\b"), 0.8,
     "regrets the customer's feeling, not the company's part"),
    (phrases(rf"{SORRY_SUBJECT}(?:sorry|apologi[sz]e|apologies)\s+(?:for|about)\b"), 0.75,
     "regrets only the customer's feeling"),
)


def _veto(text: str, m: re.Match[str]) -> bool:
    """A "sorry for …" counts only when its whole object is a feeling ("for your frustration")."""
    if re.search(r"(?:for|about)$", m.group(0), re.IGNORECASE):
        return not regret_aimed_at_feeling(regret_object(text, m.end()))
    return False


@register_detector("non_apology", version="8", kinds=(KIND,))
class NonApologyDetector:
    """Agent regrets the customer's feelings, or apologises conditionally, instead of owning a part."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return rule_findings(self, KIND, conversation, RULES, veto=_veto, to_clause_end=True)
