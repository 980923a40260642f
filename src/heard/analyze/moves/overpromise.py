"""move.overpromise: a guarantee of an outcome the agent cannot control ("I guarantee it arrives
tomorrow", "this will never happen again", "restored by end of day, guaranteed"). "We can't
guarantee …" and product names ("our Money Back Guarantee") are not overpromises."""

from __future__ import annotations

from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import Rule, rule_findings, standard_veto
from heard.analyze.text import phrases
from heard.model import Conversation, Finding

KIND = "move.overpromise"
_OUTCOME = r"(?:it|this|that|they|you|your\s+[\w-]+(?:\s+[\w-]+)?|the\s+[\w-]+(?:\s+[\w-]+)?)"

RULES: tuple[Rule, ...] = (
    (phrases(r"(?:I|we)\s+(?:can\s+|personally\s+|absolutely\s+|100%\s+)?guarantee\b(?!\s+(?:that\s+)?(?:you'll|you will)\s+(?:hear|get an update))",
             r"(?<=[,—–-])\s*guaranteed(?=\s*[.!]|\s*$)", r"(?:is|are|it's|that's)\s+(?:100%\s+)?guaranteed\b",
             r"guaranteed\s+(?:to\s+(?:arrive|be|work)|by\s+\w+)"),
     0.9, "guarantees an outcome"),
    (phrases(r"(?:this|it|that)\s+(?:will\s+never|won't\s+ever|will\s+not\s+ever)\s+happen\s+again", r"never\s+happen\s+again"),
     0.85, "promises it will never happen again"),
    (phrases(rf"I\s+promise\s+(?:you\s+)?(?:that\s+)?{_OUTCOME}(?:\s+will|'ll|\s+won't)",
             rf"(?:I|we)\s+(?:can\s+)?assure\s+you\s+(?:that\s+)?{_OUTCOME}(?:\s+will|'ll|\s+won't)",
             r"(?:this|it|that)\s+won't\s+happen\s+again"),
     0.8, "promises an outcome"),
    (phrases(r"(?:will|'ll)\s+(?:definitely|absolutely|certainly|100%|surely)\s+(?:arrive|be (?:there|delivered|fixed|resolved|restored|ready|back|approved))",
             r"(?:definitely|absolutely|certainly|100%)\s+(?:will|going to)\s+(?:arrive|be (?:there|delivered|fixed|resolved|restored|ready|back|approved))",
             rf"rest assured,?\s+{_OUTCOME}(?:\s+will|'ll)\s+(?:arrive|be (?:there|delivered|fixed|resolved|restored|refunded|approved|ready|back|in time|on time))", r"without fail", r"no doubt (?:it|this|your \w+) will"),
     0.7, "claims certainty about an outcome"),
)


@register_detector("overpromise", version="5", kinds=(KIND,))
class OverpromiseDetector:
    """Agent guarantees an outcome with no basis."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return rule_findings(self, KIND, conversation, RULES, veto=standard_veto, whole_sentence=True)
