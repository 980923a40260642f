"""move.reframe: the agent turns from blame or the problem toward the shared outcome ("Let's make
sure it's there by Saturday", "What matters now is that your event goes ahead"). Describing a
fix alone is a path, not a reframe."""

from __future__ import annotations

from collections.abc import Sequence

from heard.analyze.detector import register_detector
import re

from heard.analyze.moves._cues import Rule, rule_findings, sentence_of, standard_veto
from heard.analyze.text import phrases
from heard.model import Conversation, Finding

KIND = "move.reframe"

RULES: tuple[Rule, ...] = (
    # "Let's work together on this", "let's get this sorted via <link>", "let's make sure your app is up to
    # date": no outcome named, or a fix step (a path); both labellers leave them alone.
    (phrases(r"let's\s+(?:make sure(?!\s+(?:that\s+)?(?:your|the)\s+[\w ]{1,25}?\s+(?:is|are|has|have)\s+(?:up to date|updated|installed|running|enabled|connected|on)\b)|"
             r"focus on|concentrate on|work on|work together to (?:get|make|find a (?:solution|way)|have|sort|fix|put)|"
             r"figure out (?:a (?:solution|way|fix)|how to (?:get|make))|find a way|"
             r"get you|get your|get (?:him|her|them) (?:the|a|an|his|her|their|back|home|there|sorted)|"
             r"put this right|make this right|do (?:exactly|just) that|"
             r"aim to|turn this around|get it there|get them there)"),
     0.85, "turns to the shared goal"),
    (phrases(r"what\s+(?:really\s+)?(?:matters|counts|is important|'s important)\s+(?:most\s+)?(?:now|here|right now|today|to me)?\s*is",
             r"is\s+what\s+(?:really\s+)?(?:matters|counts)(?:\s+(?:most|here|now))?",
             r"the\s+(?:most\s+)?important\s+thing\s+(?:now|here|right now)?\s*is",
             r"the\s+thing\s+that\s+(?:really\s+)?matters\s+(?:now\s+|here\s+)?is", r"what\s+(?:we|I)\s+care\s+about\s+(?:now|here|most)\s+is"),
     0.85, "turns to what matters"),
    (phrases(r"(?:my|our)\s+(?:only\s+|main\s+|first\s+|top\s+|shared\s+)?(?:priority|goal|focus|aim)\s+(?:now|here|right now|today|from here)?\s*is\s+(?:simple\s*:|to|that|getting|making|on\s+getting|on\s+making)",
             r"the\s+(?:current\s+|real\s+|shared\s+)?(?:priority|goal|aim)\s+(?:now\s+|here\s+)?is\s+(?:to|that|getting|making|for\s+you|you\b)"),
     0.8, "turns to the shared goal"),
    (phrases(r"(?:rather than|instead of)\s+(?:dwelling on|looking back|worrying about|going over)|"
             r"regardless of\s+(?:how|what|who|why)\b[^.!?]{0,40}?,\s+(?:let's|I'll|we'll|the goal)|"
             r"(?:let's|we can)\s+(?:move forward|look forward|work through this together)|"
             r"(?:together|as a team),?\s+we(?:'ll| will| can)\s+(?:get|make|sort|fix)|"
             r"(?:let's|we can)\s+(?:put\s+[^.!?]{1,30}?\s+behind\s+us|set\s+(?:\w+\s+){0,4}aside|put\s+(?:that|this|it|the\s+\w+)\s+to\s+one\s+side|not\s+(?:get\s+stuck|dwell)\s+on|make\s+today\s+the\s+day)|"
             r"(?:rather than|instead of)\s+(?:debating|arguing|argue|debate|going back over)|blame\s+aside|(?:our|the)\s+goal\s+is\s+the\s+same\s+as\s+yours|whose\s+fault\s+(?:it\s+is\s+)?(?:is\s+not|isn't)\s+important|"
             r"whatever\s+(?:went wrong|the cause|happened)\b[^.!?]{0,40}?,\s+(?:the|my|our|let's|I'll|we'll)|"
             r"let's\s+(?:move\s+on\s+from|park|take\s+a\s+step\s+back\s+from|see\s+if\s+we\s+can\s+salvage)|forget\s+the\s+[\w-]+(?:\s+[\w-]+)?\s+for\s+a\s+(?:second|moment|minute)|"
             r"(?:can't|cannot)\s+change\s+what\s+happened\b[^.!?]{0,40}?\bbut\s+(?:we|I)\s+can|that's\s+what\s+we\s+both\s+want"),
     0.7, "moves from the problem to the outcome"),
)


@register_detector("reframe", version="10", kinds=(KIND,))
class ReframeDetector:
    """Agent moves the conversation from blame or the problem to the outcome both sides want."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return rule_findings(self, KIND, conversation, RULES, veto=_veto, whole_sentence=True)


# Moving the chat to DM is logistics, not a turn to the shared goal ("Let's work on this together in DM").
_CHANNEL = re.compile(r"\b(?:in|via|over|through|by)\s+(?:a\s+)?(?:DMs?|direct message|private message|PM|email|phone)\b|\bDM\b", re.IGNORECASE)


def _veto(text: str, m: re.Match[str]) -> bool:
    s, e = sentence_of(text, m.start())
    return standard_veto(text, m) or bool(_CHANNEL.search(text, s, e))
