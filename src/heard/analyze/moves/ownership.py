"""move.ownership: the agent commits, in the first person, to a specific action on the case ("I
will personally shepherd this until it's fixed", "I'll pass this to our billing team myself").
A brand's "we will", a hand-off ("someone will contact you") and a vague "I'll keep you posted"
are not ownership, with or without a time ("I'll update you by 3 pm" is a checkpoint only) — but
a follow-up that names what it delivers is ("I'll update you by 3 pm tomorrow with the courier
tracking number": a checkpoint and ownership). Having personally gone to
another team for the customer counts too ("I've spoken to the warehouse lead", "I've asked our
inspection team to …", "I've escalated it")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import Rule, rule_findings, sentence_of, standard_veto
from heard.analyze.text import phrases
from heard.model import Conversation, Finding

KIND = "move.ownership"
_WILL = r"I(?:'ll|\s+will|\s+am going to|'m going to|\s+shall)\s+(?:also\s+|now\s+|then\s+|still\s+|be sure to\s+|right away\s+|go ahead and\s+)?"
_ACTION = (
    r"(?:check|look into|look at|investigate|contact|call|ring|phone|email|reach out|raise|escalate|"
    r"submit|file|log|pass|forward|send|resend|reship|ship|refund|credit|process|cancel|reset|book|"
    r"rebook|arrange|order|replace|fix|sort|resolve|chase|speak|talk|ask|get|set up|add|remove|message|text|dm|write to|"
    r"place|book|hold|ring|keep an eye|watch|personally|update you|let you know|get back to you|keep you (?:posted|updated|informed)|take a look|"
    r"change|update your|correct|review|monitor|track|dive|handle|take care|follow (?:this|it|up)|"
    r"waive|reverse|release|restore|reactivate|confirm|open|issue|request|flag|notify|give|note|"
    r"urge|remind (?:them|the|our|him|her)|push|report|record|test|verify|inquire|enquire|feed ?back|"
    r"transfer|solve|press (?:them|the|our|him|her)|make (?:a |the )?reservations?|"
    r"help you (?:to )?(?:check|confirm|find|look|inquire|enquire|query|verify|locate|handle|solve|apply|book|cancel|change|transfer|reset)|"
    r"put|have|see|be\s+(?:checking|looking|following|chasing|reaching|contacting|calling|monitoring|escalating|"
    r"passing|sending|working|handling|speaking|raising|assisting))"
)

RULES: tuple[Rule, ...] = (
    (phrases(r"I(?:'ll|\s+will|\s+am going to|'m going to)\s+personally\b",
             rf"{_WILL}(?:make sure|make certain|ensure|see (?:this|it) through|stay on (?:this|it|top of)|own this|"
             r"take (?:full )?ownership|shepherd|handle (?:this|it) (?:myself|personally)|take care of (?:this|it) (?:myself|personally))",
             r"I(?:'m| am)\s+(?:personally\s+)?(?:taking care of|taking ownership of|owning|handling) (?:this|it|your)",
             r"leave (?:this|it) with me", r"I(?:'ve| have) got (?:this|you)\b(?! covered)",
             r"I(?:'m| am) not going anywhere until", rf"{_WILL}take (?:this|it|that) on\b",
             rf"{_WILL}stay (?:right )?(?:here|with you|on (?:this|it|the line)|in this (?:chat|DM|thread|conversation))",
             rf"{_WILL}meet you (?:(?:back |over )?there|in (?:the |our )?(?:DMs?|direct messages?|private messages?|chat))"),
     0.9, "takes personal ownership"),
    (phrases(rf"{_WILL}{_ACTION}\b"), 0.8, "commits to a specific action"),
    (phrases(r"I(?:'m| am)\s+(?:now\s+)?(?:looking into|checking|escalating|chasing|raising|processing|on) (?:this|it|that|your)\b",
             r"I(?:'m| am)\s+(?:now\s+|just\s+)?(?:submitting|looping|sending|forwarding|passing|contacting|replying to|reaching out to|emailing|calling)\s+(?:the|this|it|that|your|our|in|them|him|her)\b",
             r"let me (?:look into|check|investigate|research|do some research|request|escalate|find out|take a look|look at|chase|raise)\b",
             r"(?:one moment|bear with me|give me a (?:moment|second|sec|minute)),?\s+(?:as|while) I (?:take a look|look|check)"),
     0.7, "commits to a specific action"),
    (phrases(r"I(?:'ve| have)?\s+(?:personally\s+|already\s+|just\s+|also\s+)?(?:spoken|spoke|talked)\s+(?:to|with)\s+(?:the|our|my|your|a|an)\b",
             r"I(?:'ve| have)\s+(?:personally\s+|already\s+|just\s+|also\s+|now\s+)?(?:asked|chased|escalated|flagged|pushed)\s+(?:the|our|my|them|him|her|it|this|your|colleagues|a colleague|someone)\b",
             r"I(?:'ve| have)\s+(?:personally\s+|already\s+|just\s+|also\s+|now\s+)?(?:sent|emailed|messaged|forwarded|passed|submitted|raised|logged|reported)\s+(?:an?\s+|the\s+|this\s+|your\s+|it\s+)?(?:\w+\s+)?(?:on\s+)?(?:to|with)\s+(?:the|our|my|a)\b",
             r"I\s+(?:personally\s+)?(?:checked|confirmed)\s+with\s+(?:the|our|my)\b"),
     0.7, "went to another team for the customer"),
)
VAGUE = re.compile(
    r"I(?:'ll|\s+will)\s+(?:keep you (?:posted|updated|informed|in the loop)|update you|let you know|"
    r"get back to you|be in touch|follow up with you|reach back out|be (?:happy|glad|able|more than happy|delighted|pleased) to|"
    r"need|have to|try|see (?:what|if)|help if)",
    re.IGNORECASE,
)


# What makes a follow-up specific: a deliverable ("with the tracking number") …
_SPECIFIC = re.compile(r"\bwith\s+(?:the|a|an|your|my)\s+\w+", re.IGNORECASE)
_FOLLOW_UP = re.compile(r"I(?:'ll|\s+will)\s+(?:keep you (?:posted|updated|informed|in the loop)|update you|let you know|get back to you|"
                        r"be in touch|follow up with you|reach back out)", re.IGNORECASE)


def _veto(text: str, m: re.Match[str]) -> bool:
    """Vague follow-ups, offers to help and conditionals are not a commitment; a follow-up that
    names its deliverable ("with the tracking number") is."""
    if standard_veto(text, m) or re.match(r"[^.!?]{0,12}\bif I can\b", text[m.end():], re.IGNORECASE):
        return True
    if not VAGUE.match(text, m.start()):
        return False
    follow_up = _FOLLOW_UP.match(text, m.start())
    if follow_up is None:
        return True
    s, e = sentence_of(text, m.start())
    rest = text[follow_up.end():e]
    return not _SPECIFIC.search(rest[:60])


@register_detector("ownership", version="10", kinds=(KIND,))
class OwnershipDetector:
    """Agent commits personally ("I will …") to carry the case."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return rule_findings(self, KIND, conversation, RULES, veto=_veto, whole_sentence=True)
