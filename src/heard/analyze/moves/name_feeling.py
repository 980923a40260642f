"""move.name_feeling: the agent names the customer's feeling, or what the situation costs them,
without arguing with it ("This sounds exhausting", "I can hear how upset you are")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import (
    FEELING_COST,
    FEELING_COST_SOFT,
    FEELING_NOUN,
    FEELING_STATE,
    INTENSIFIER,
    Rule,
    is_conditional,
    is_negated,
    rule_findings,
)
from heard.analyze.text import phrases
from heard.model import Conversation, Finding

KIND = "move.name_feeling"
_I = rf"(?:{INTENSIFIER}\s+)?"
_SUBJECT = r"(?:(?:this|that|it|which)(?:\s+(?!must|sounds|seems|is|was|has)[a-z]+)?\s*)"
_COST = rf"(?:a\s+|an\s+|such\s+a\s+)?{_I}{FEELING_COST}"
_ANY_COST = rf"(?:a\s+|an\s+|such\s+a\s+)?{_I}(?:{FEELING_COST}|{FEELING_COST_SOFT})"
# A feeling the company caused or regrets, as a noun ("the frustration we've caused").
_CAUSED_FEELING = r"(?:frustration|disappointment|stress|worry|anxiety|anger|upset|distress|annoyance)"
_TAIL = (
    r"(?:\s+(?:this|that|it|you|all this|all of this)\s+(?:must\s+(?:be|feel|have\s+been)|is|was|are|were|"
    r"has\s+been|have\s+been|feel|sounds|causes|caused|has\s+caused))?"
)

RULES: tuple[Rule, ...] = (
    (phrases(rf"{_SUBJECT}?(?:sounds|must be|must have been|must've been|must feel|seems)\s+(?:like\s+)?{_ANY_COST}"),
     0.9, "names what this costs the customer"),
    (phrases(rf"{_SUBJECT}(?:'s|\s+is|\s+was|\s+has been|'s been)\s+{_COST}",
             rf"(?:delays?|waits?|waiting|outages?|cancell?ations?|issues like this|problems like this|situations like this)\s+(?:are|is|can be)\s+{_COST}",
             # "dropped Wi-Fi in the middle of a call is so annoying", "hours on hold is exhausting"
             rf"(?:is|are)\s+(?:so|really|incredibly|super|genuinely|seriously|totally|properly|absolutely)\s+{FEELING_COST}",
             r"(?:is|are)\s+(?:exhausting|maddening|infuriating|draining|stressful|upsetting|distressing|nerve[- ]?w?racking|gutting|mortifying)",
             # "it's really worn you down", "it's clear how let down you are", "made getting an answer such a slog"
             r"worn\s+you\s+down", rf"(?:it's|it\s+is)\s+clear\s+how\s+{_I}{FEELING_STATE}", r"(?:made|make|making)\b[^.!?]{0,40}?\bsuch\s+a\s+(?:slog|nightmare|hassle|ordeal|headache|struggle)"),
     0.8, "names what this costs the customer"),
    (phrases(rf"(?:I|we|Little\s+\w+)\s+(?:can\s+|can't\s+|completely\s+|totally\s+|fully\s+|really\s+|truly\s+|do\s+)?"
             rf"(?:understand|hear|see|imagine|appreciate|get|know|recogni[sz]e|tell)"
             rf"(?:\s+[^\s.!?,;]+){{0,5}}?\s+(?:{FEELING_COST}|{FEELING_COST_SOFT}|{FEELING_STATE}|{FEELING_NOUN})"
             + _TAIL),
     0.9, "acknowledges the customer's feeling"),
    (phrases(r"(?:I|we|the editor|(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][A-Za-z]+))?)\s+(?:can\s+|do\s+|does\s+)?(?:completely\s+|totally\s+|fully\s+|really\s+|truly\s+|surely\s+|deeply\s+)?"
             r"understands?\s+(?:your|how you)\s+(?:feelings?|frame of mind|state of mind|mood|feel|eagerness|anxiety|worry|anger|frustration|urgency|impatience)\b",
             r"(?:sorry|apologi[sz]e|apologies)\s+for\s+(?:your\s+(?:bad|unpleasant|unhappy|low)\s+mood|making\s+you\s+(?:feel\s+)?(?:unhappy|unpleasant|upset|angry|sad|anxious|worried))"),
     0.8, "acknowledges the customer's feeling"),
    (phrases(rf"you(?:'re|\s+are|\s+were|'ve been|\s+have been|\s+must be|\s+must feel|\s+must have been|"
             rf"\s+feel|\s+felt|\s+sound|\s+seem|\s+seem\s+to\s+be|\s+appear(?:\s+to\s+be)?)\s+(?:clearly\s+|obviously\s+|understandably\s+|rightly\s+)?{_I}{FEELING_STATE}"),
     0.85, "names the customer's feeling"),
    (phrases(rf"(?:(?:sorry|apologi[sz]e|apologies)\s+(?:for|about)|regret)\s+(?:your|the)\s+{_I}"
             rf"(?:exhaustion|{_CAUSED_FEELING})",
             rf"(?:cause|caused|causing)\s+(?:you\s+)?(?:your|the|such|this)\s+{_I}{_CAUSED_FEELING}",
             rf"(?:cause|caused|causing)\s+you\s+(?:(?:considerable|great|real|so\s+much|a\s+lot\s+of|significant|some)\s+)?{_I}{_CAUSED_FEELING}",
             rf"(?:I|we)\s+(?:can\s+)?feel\s+your\s+{_I}{FEELING_NOUN}",
             # "I'd be fuming too": the customer's feeling acknowledged as one anyone would have
             rf"I(?:'d|\s+would)\s+be\s+(?:just\s+as\s+|so\s+|really\s+)?{FEELING_STATE}(?:\s+too)?",
             rf"{_CAUSED_FEELING}(?:,?\s+(?:and\s+)?[a-z]+){{0,3}}?\s+(?:that\s+)?(?:we|I)(?:'ve|\s+have)?\s+caused"),
     0.75, "names the customer's feeling"),
    (phrases(rf"how\s+{_I}{FEELING_COST}", rf"what\s+an?\s+{_I}(?:hassle|nightmare|headache|pain|ordeal|{FEELING_COST}\s+\w+)"),
     0.85, "names what this costs the customer"),
    (phrases(rf"(?:the|this|such a|a|your)\s+{_I}{FEELING_COST}\s+(?:experience|situation|wait|process|time|day|morning|week|delay|ordeal|"
             r"spot|position|place|thing|moment|night|evening|weekend|start)"),
     0.7, "names what this costs the customer"),
    (phrases(rf"(?:it's|it is|that's|that is)\s+(?:completely\s+|totally\s+|entirely\s+|perfectly\s+|only\s+|so\s+)?"
             rf"(?:fair|understandable|natural|normal|reasonable|no wonder)\s+(?:to\s+(?:be|feel)|that\s+you(?:'re|\s+are|\s+feel))\s+{_I}{FEELING_STATE}"),
     0.85, "names the customer's feeling"),
)
_WEAK = re.compile(r"\bconcern(?:s|ed)?\b|\bconfus", re.IGNORECASE)


# A feeling asked about, not stated: "Is there anything else you're worried about?"
_ASKED = re.compile(r"\b(?:anything|something|what|whatever|whether)\b[^.!?,;]{0,40}$", re.IGNORECASE)
# … unless the question takes the feeling as given: "What happened to cause your frustration?"
_GIVEN = re.compile(r"\bcaus\w*\s+(?:you\s+)?your\b", re.IGNORECASE)


def _veto(text: str, m: re.Match[str]) -> bool:
    """Skip negated ("isn't frustrating"), hypothetical ("if you're upset") or asked-about
    ("anything you're worried about?") feelings."""
    words = re.sub(r"can(?:no|['’])t imagine", "imagine", m.group(0), flags=re.IGNORECASE)
    asked = (_ASKED.search(text, max(0, m.start() - 40), m.start()) and re.match(r"[^.!]*\?", text[m.end():])
             and not _GIVEN.search(m.group(0)))
    return is_negated(text, m.start()) or is_conditional(text, m.start()) or bool(asked) or bool(
        re.search(r"\bnot\b|n['’]t\b|\bnever\b", words, re.IGNORECASE)
    )


@register_detector("name_feeling", version="12", kinds=(KIND,))
class NameFeelingDetector:
    """Agent names the customer's feeling without judging or agreeing with claims."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        findings = rule_findings(self, KIND, conversation, RULES, veto=_veto)
        # "your concern" / "confused" name a feeling less surely than "exhausting" does.
        return [replace(f, score=min(f.score, 0.6)) if _WEAK.search(f.rationale) else f for f in findings]
