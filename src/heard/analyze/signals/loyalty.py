"""Loyalty phrases in what customers say about the service, usually in the last messages of a
conversation (survey comments, reviews): felt heard, ownership, kept updated, and their
negatives. Negation-aware: "nobody listened" is `loyalty.not_heard`, not `loyalty.felt_heard`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.signals._lexicon import Cue, cue, find_hits, is_negated
from heard.model import Conversation, Finding, Role

_WHO = r"(?:they|she|he|you|the agent|your agent|the team|your team|staff|someone|[A-Z][a-z]+)"

CUES: tuple[Cue, ...] = (
    cue("loyalty.felt_heard", 2.0, "felt heard",
        r"felt (?:heard|listened to|understood|valued|seen|cared for)",
        r"(?:really|actually|genuinely|properly|truly|patiently) listened", r"listened(?: \w+)? to (?:me|us|my \w+|what I \w+|everything)",
        r"(?:was|were) (?:really |so |actually )?listening",
        r"(?:really |actually |genuinely )?understood (?:me|us|my (?:situation|problem|concern|frustration|worry))",
        r"made me feel (?:heard|valued|understood|like I mattered|important)", r"took the time to (?:listen|understand)",
        r"(?:really |genuinely )?cared(?: about (?:me|us|my \w+))?", r"showed (?:real )?empathy", r"so (?:patient|understanding)",
        r"was (?:very |so |really )?(?:empathetic|understanding|compassionate)", negatable=True),
    cue("loyalty.ownership", 2.0, "took ownership",
        r"took (?:full |complete )?ownership", r"took (?:full )?responsibility", r"owned (?:it|the (?:problem|issue|mistake))",
        r"went (?:out of (?:her|his|their|your) way|above and beyond|the extra mile)",
        r"(?:handled|dealt with|sorted|took care of|fixed) it (?:personally|herself|himself|themselves|yourself)",
        r"personally (?:made sure|handled|took care|saw|followed|called|fixed|sorted|checked)\w*",
        r"took care of (?:everything|it all)", r"saw it through", r"(?:stayed|stuck) with (?:me|it|my case) (?:until|till|to the end)",
        negatable=True),
    cue("loyalty.kept_updated", 2.0, "kept informed",
        r"kept (?:me|us) (?:informed|updated|posted|in the loop|up to date)", r"followed (?:up|through)",
        r"(?:called|rang|emailed|got) (?:me |us )?back(?: (?:as promised|when (?:she|he|they) said|on time))?",
        r"(?:regular|daily|timely|constant|proactive) updates", r"updated (?:me|us) (?:every|each|regularly|as promised|on time)",
        r"checked in (?:on|with) (?:me|us)", r"kept (?:her|his|their|your) (?:word|promise)", r"as promised",
        negatable=True),
    cue("loyalty.not_heard", 2.0, "not heard",
        r"(?:nobody|no one|no-one|noone) (?:listened|listens|understood|cared|cares|heard me|seemed to care|took me seriously)",
        r"(?:felt |feel |was |being )?(?:ignored|unheard|dismissed)", r"(?<!I )(?:didn't|did not|never|don't|do not) (?:even )?(?:listen|care|understand)",
        r"(?:like|as if) (?:talking|speaking) to a (?:wall|brick wall|robot|bot|script)", r"(?:scripted|canned|copy-paste|robotic) (?:answers|replies|responses)",
        r"brushed (?:me )?off", r"fobbed (?:me )?off", r"(?:didn't|did not) feel (?:heard|listened to|understood|valued)",
        r"not listening"),
    cue("loyalty.shuffled", 2.0, "shuffled around",
        r"bounced (?:around|between \w+|from \w+ to \w+)", r"transferred (?:again|around|\w+ times|\d+ times|multiple times|from \w+ to \w+)",
        r"passed (?:around|from (?:one|department|person|team) to (?:another|department|person|team))",
        r"pass(?:ed|ing)? the buck", r"(?:sent|shuffled|pushed) (?:from (?:one|department|pillar) to (?:another|department|post)|around)",
        r"(?:runaround|run-around|run around)", r"(?:nobody|no one|no-one) took (?:ownership|responsibility)",
        r"(?:passed|handed) (?:me )?(?:off|over) (?:again|to yet another)", r"ping-?pong(?:ed)?",
        r"(?:every|each) (?:agent|person|department) (?:said|told me) something different"),
    cue("loyalty.left_waiting", 2.0, "left waiting",
        r"never heard (?:back|anything|from (?:you|them|anyone))", r"(?:never|nobody|no one|no-one) (?:got|called|rang|wrote|emailed) (?:me |us )?back",
        r"(?:still|been|kept|left) waiting", r"left (?:me )?(?:hanging|in the dark)", r"no (?:updates?|follow-?up|callback|call back|reply|response)",
        r"(?:didn't|did not|never) (?:follow(?:ed)? up|call(?:ed)? back|get back|update)", r"ghosted",
        r"promised to (?:call|email|update|get back)(?: (?:me|us))?(?: back)? and (?:never|didn't|did not)",
        r"waited (?:days|weeks|months|\d+ (?:days|weeks|hours))"),
)

# A negated positive phrase turns into its negative.
FLIP = {
    "loyalty.felt_heard": "loyalty.not_heard",
    "loyalty.kept_updated": "loyalty.left_waiting",
    "loyalty.ownership": "loyalty.shuffled",
}


@register_detector("loyalty", version="3", kinds=(
    "loyalty.felt_heard", "loyalty.ownership", "loyalty.kept_updated",
    "loyalty.not_heard", "loyalty.shuffled", "loyalty.left_waiting",
))
class LoyaltyDetector:
    """Loyalty phrases, positive and negative, in customer messages."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        info = type(self).info
        findings: list[Finding] = []
        positives = tuple(c for c in CUES if c.label in FLIP)
        # Positive cues are matched without negation so a negated one can be flipped.
        plain = tuple(Cue(c.label, c.pattern, c.weight, c.note) for c in positives)
        negatives = tuple(c for c in CUES if c.label not in FLIP)
        for message in conversation.iter_messages(role=Role.customer):
            if not message.public:
                continue
            text = message.text
            for hit in find_hits(text, negatives + plain):
                words = text[hit.start : hit.end]
                kind, rationale, score = hit.label, f"{hit.cue.note}: {words!r}", 0.8
                if kind in FLIP and is_negated(text, hit.start):
                    start = _negator_start(text, hit.start)
                    kind = FLIP[kind]
                    rationale = f"negated '{hit.cue.note}': {text[start:hit.end]!r}"
                    findings.append(info.finding(kind, message, start, hit.end, score=0.7, rationale=rationale))
                    continue
                findings.append(info.finding(kind, message, hit.start, hit.end, score=score, rationale=rationale))
        return findings


def _negator_start(text: str, start: int) -> int:
    """Extend a negated span back to its negator: "nobody really listened"."""
    before = text[max(0, start - 40) : start]
    m = None
    for m in re.finditer(r"(?<!\w)(?:not|no|never|nobody|no one|no-one|noone|without|hardly|\w+n['’]t)(?!\w)", before, re.I):
        pass
    return start - len(before) + m.start() if m else start
