"""move.overpromise: a guarantee of an outcome the agent cannot control ("I guarantee it arrives
tomorrow", "this will never happen again", "restored by end of day, guaranteed"). "We can't
guarantee …" and product names ("our Money Back Guarantee") are not overpromises."""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import Rule, is_conditional, rule_findings, standard_veto
from heard.analyze.text import phrases
from heard.model import Conversation, Finding

KIND = "move.overpromise"
_CLAUSE_MARKS = (",", ";", "—", "–", "-")
_OUTCOME = r"(?:it|this|that|they|you|your\s+[\w-]+(?:\s+[\w-]+)?|the\s+[\w-]+(?:\s+[\w-]+)?)"

RULES: tuple[Rule, ...] = (
    (phrases(r"(?:I|we)\s+(?:can\s+|personally\s+|absolutely\s+|100%\s+)?guarantee\b(?!\s+(?:that\s+)?(?:you'll|you will)\s+(?:hear|get an update))",
             r"(?<=[,—–-])\s*guaranteed(?!\s*\w)", r"guaranteed,?\s+(?:you'll|you\s+will|it'll|it\s+will|they'll|that\s+(?:you|it))\b", r"(?:is|are|it's|that's)\s+(?:100%\s+)?guaranteed\b",
             r"guaranteed\s+(?:to\s+(?:arrive|be|work)|by\s+\w+|(?:fixed|delivered|restored|resolved|back|there)\b)",
             rf"(?<!not\s)(?<!n't\s)guarantees\s+(?:that\s+)?{_OUTCOME}(?:\s+will|'ll)"),
     0.9, "guarantees an outcome"),
    (phrases(r"(?:this|it|that)\s+(?:will\s+never|won't\s+ever|will\s+not\s+ever)\s+happen\s+(?:to\s+(?:you|your\s+\w+)\s+|on\s+your\s+\w+\s+)?again",
             r"never\s+happen\s+(?:to\s+(?:you|your\s+\w+)\s+|on\s+your\s+\w+\s+)?again", r"never\s+happen\s+(?:on|at|with|to)\s+[^.!?]{1,25}?\s+again",
             r"there\s+will\s+never\s+be\s+(?:any\s+)?[^.!?]{1,30}?\s+again",
             r"will\s+ever\s+(?:happen|experience|have|see|get)\b[^.!?]{0,40}?\bagain", r"will\s+never\s+(?:have|get|see|experience)\s+(?:this|that|the\s+same)\s+(?:\w+\s+)?(?:problem|issue|fault|error)\s+again",
             r"no\s+more\s+(?:crashes|outages|problems|issues|delays|errors)\b[^.!?]{0,20}?\b(?:ever|from\s+now\s+on)",
             r"will\s+never\s+(?:drop|fail|break|crash|go\s+up|rise|increase|go\s+down|cut\s+out|be\s+(?:late|delayed|lost))\b[^.!?]{0,30}?\bagain",
             r"(?:you'll|you\s+will)\s+never\s+have\s+(?:a|any|another)\s+(?:\w+\s+)?(?:problem|issue|fault)",
             # "the problem will never occur again", "you'll never drop signal again", "you will not see this error again"
             r"never\s+(?:occur|recur)\s+again", r"(?:you'll|you\s+will)\s+(?:never|not)\s+(?:see|get|have|experience|drop|lose|face|receive)\s+(?:this\s+|that\s+|the\s+|any\s+)?(?:\w+\s+){0,2}again\b",
             r"(?:will\s+be|is|are|\w+'s)\s+(?:gone|fixed|solved|sorted|over)\s+(?:for\s+good|forever)"),
     0.85, "promises it will never happen again"),
    (phrases(rf"I\s+(?:can\s+)?promise\s+(?:you,?\s+)?(?:that\s+)?{_OUTCOME}(?:\s+will|'ll|\s+won't)", r"you\s+have\s+my\s+word",
             r"(?:I|we)\s+promise(?:\s+(?:100%|you))?\s*!", r"(?<=[,;—–-])\s*(?:I|we)\s+promise(?=\s*[.!]|\s*$)", r"that's\s+a\s+promise",
             rf"(?:I|we)\s+(?:can\s+)?assure\s+you\s+(?:that\s+)?{_OUTCOME}(?:\s+will|'ll|\s+won't)",
             r"(?:this|it|that)\s+won't\s+happen\s+again"),
     0.8, "promises an outcome"),
    (phrases(r"(?:will|\w+'ll)\s+(?:definitely|absolutely|certainly|100%|surely)\s+(?:arrive|turn up|get|receive|sort|fix|solve|work|recover|restore|be (?:perfect|fine|stable|there|delivered|fixed|resolved|solved|restored|recovered|ready|back|approved|in|with you))",
             r"(?:definitely|absolutely|certainly|100%)\s+(?:won't|will\s+not)\s+(?:be\s+)?(?:cancell?ed|delayed|late|lost|happen|fail|break)",
             r"will\s+be\s+(?:perfect|flawless|fine)\s+from\s+now\s+on", r"(?:no\s+one|nobody)\s+(?:can|will)\s+ever\b",
             r"(?:is|are)\s+(?:absolutely|completely|100%)\s+safe",
             r"(?:will|\w+'ll)\s+(?:definitely|absolutely|certainly|surely)\s+not\s+(?:crash|fail|break|happen|appear|occur|recur|go\s+down|be\s+(?:delayed|cancell?ed|late|lost))",
             r"(?:will|\w+'ll)\s+have\s+(?:it|this|you)\s+(?:running|working|fixed)\s+perfectly", r"(?<=[,;—–-])\s*I(?:'m|\s+am)\s+(?:certain|sure|positive)\s+of\s+it",
             r"(?:you'll|you\s+will)\s+have\s+no\s+(?:problems?|issues?)\s+(?:with\s+it\s+)?(?:whatsoever|at\s+all|ever)",
             r"(?:I'll|I\s+will)\s+(?:personally\s+)?(?:make\s+sure|ensure)\s+(?:that\s+)?(?:your|the)\s+(?:[\w-]+\s+){0,2}(?:application|visa|claim|appeal|loan|mortgage|permit)\s+(?:is|gets?|will\s+be)\s+(?:approved|accepted|granted)",
             rf"rest\s+assured,?\s+(?:that\s+)?{_OUTCOME}\s+(?-i:WILL)\s+be\b",
             rf"rest\s+assured,?\s+(?:that\s+)?{_OUTCOME}\s+(?:won't|will\s+not|will\s+never)\s+(?:be\s+)?(?:delayed|happen|break|fail|have)",
             r"(?:definitely|absolutely|certainly|100%)\s+(?:will|going to)\s+(?:arrive|be (?:there|delivered|fixed|resolved|restored|ready|back|approved))",
             rf"rest assured,?\s+{_OUTCOME}(?:\s+will|'ll)\s+(?:arrive|be (?:there|delivered|fixed|resolved|restored|refunded|approved|ready|back|in time|on time))", r"without fail", r"no doubt (?:it|this|your \w+) will",
             r"(?<=[,;—–-])\s*(?:there's|there\s+is)\s+no\s+doubt(?:\s+about\s+it)?(?=\s*[.!]|\s*$)", r"(?:will|\w+'ll)\s+(?:fix|solve|resolve)\s+(?:all|every|everything)\b",
             rf"(?:I'm|I\s+am|we're|we\s+are)\s+(?:100%|absolutely|completely|totally)\s+(?:sure|certain|confident)\s+(?:that\s+)?{_OUTCOME}(?:\s+will|'ll)",
             r"(?:will|\w+'ll)\s+(?:definitely|absolutely|certainly|100%|surely)\s+be\s+(?:unbanned|reinstated|accepted|approved|refunded|reimbursed|compensated|found|recovered|returned|replaced|lifted|credited)",
             r"(?:will|\w+'ll)\s+(?:definitely|certainly|surely)\s+(?:cure|come\s+back|go\s+smoothly|reach\s+your)\b", r"(?:xiao|little)\s+\w+\s+promises\s*!", r"100%\s+guaranteed",
             r"(?:there\s+is|there's)\s+absolutely\s+no\s+(?:danger|risk)"),
     0.7, "claims certainty about an outcome"),
)


def _veto(text: str, m: re.Match[str]) -> bool:
    """The standard veto, except that a trailing "…, I promise" or "…, guaranteed" vouches for the
    clause before it, negated or not ("Your flight won't be cancelled, I promise.")."""
    if text[m.start() - 1:m.start()] in _CLAUSE_MARKS:
        return is_conditional(text, m.start())
    return standard_veto(text, m)


@register_detector("overpromise", version="13", kinds=(KIND,))
class OverpromiseDetector:
    """Agent guarantees an outcome with no basis."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return rule_findings(self, KIND, conversation, RULES, veto=_veto, whole_sentence=True)
