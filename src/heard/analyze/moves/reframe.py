"""move.reframe: the agent turns from blame or the problem toward the shared outcome ("Let's make
sure it's there by Saturday", "What matters now is that your event goes ahead"). Describing a
fix alone is a path, not a reframe."""

from __future__ import annotations

from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import Rule, rule_findings, standard_veto
from heard.analyze.text import phrases
from heard.model import Conversation, Finding

KIND = "move.reframe"

RULES: tuple[Rule, ...] = (
    (phrases(r"let's\s+(?:make sure|focus on|concentrate on|work on|work together|figure out|find a way|"
             r"get you|get your|get this (?:sorted|fixed|resolved|right)|put this right|make this right|"
             r"aim to|turn this around|get it there|get them there)"),
     0.85, "turns to the shared goal"),
    (phrases(r"what\s+(?:really\s+)?(?:matters|counts|is important|'s important)\s+(?:most\s+)?(?:now|here|right now|today|to me)?\s*is",
             r"is\s+what\s+(?:really\s+)?(?:matters|counts)(?:\s+(?:most|here|now))?",
             r"the\s+(?:most\s+)?important\s+thing\s+(?:now|here|right now)?\s*is"),
     0.85, "turns to what matters"),
    (phrases(r"(?:my|our)\s+(?:only\s+|main\s+|first\s+|top\s+)?(?:priority|goal|focus|aim)\s+(?:now|here|right now|today)?\s*is\s+(?:to|that|getting|making)"),
     0.8, "turns to the shared goal"),
    (phrases(r"(?:rather than|instead of)\s+(?:dwelling on|looking back|worrying about|going over)|"
             r"regardless of\s+(?:how|what|who|why)\b[^.!?]{0,40}?,\s+(?:let's|I'll|we'll|the goal)|"
             r"(?:let's|we can)\s+(?:move forward|look forward|work through this together)|"
             r"(?:together|as a team),?\s+we(?:'ll| will| can)\s+(?:get|make|sort|fix)"),
     0.7, "moves from the problem to the outcome"),
)


@register_detector("reframe", version="1", kinds=(KIND,))
class ReframeDetector:
    """Agent moves the conversation from blame or the problem to the outcome both sides want."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return rule_findings(self, KIND, conversation, RULES, veto=standard_veto, whole_sentence=True)
