"""move.reflect_concern: the agent restates, in its own words, what the customer needs or fears
beyond the literal request — the stake ("It sounds like you're worried the gift will miss the
celebration", "So the real worry is that it won't arrive before Friday's party")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import STAKE, Rule, rule_findings, standard_veto
from heard.analyze.text import phrases
from heard.model import Conversation, Finding

KIND = "move.reflect_concern"
_FEELINGS = r"worried|concerned|afraid|scared|anxious|nervous|hoping|counting on|relying on|depending on|trying to|planning"


def _yours(verbs: str) -> str:
    """The customer's need or fear in the second person: "you're worried …", "your main concern …"."""
    return (rf"(?:you(?:'re|\s+are|\s+were|'ve been|\s+have been)?\s+(?:really\s+|mainly\s+|most\s+)?(?:{verbs})|"
            r"your\s+(?:main|biggest|real|big|key|first)\s+(?:worry|concern|fear|priority|need))")


_NEED = _yours(rf"{_FEELINGS}|need|needed|want|wanted|just want|have to|had to|can't afford")
# Without a reflecting frame ("it sounds like …"), "you need to / have to …" gives an instruction,
# not the customer's need restated ("You have to make the appointment via phone").
_FEARS = _yours(rf"{_FEELINGS}|can't afford")
_TOPIC = r"(?:worry|worries|concern|fear|priority|need|stakes?|issue|point|goal|problem|deadline|pressure|risk|urgency|question|constraint)"

RULES: tuple[Rule, ...] = (
    (phrases(rf"(?:it\s+)?(?:sounds|seems|looks)\s+like\s+{_NEED}", rf"I(?:'m| am)\s+hearing\s+(?:that\s+)?{_NEED}",
             rf"if I(?:'m| am)\s+(?:hearing|understanding)\s+you\s+(?:right|correctly),?\s+{_NEED}",
             r"if I(?:'ve| have)\s+understood\s+(?:you\s+)?(?:right|correctly),?\s+you\b", r"if I understand\s+(?:you\s+)?(?:right|correctly),?\s+you\b",
             r"what I(?:'m| am)\s+hearing\s+is\b", r"(?:to|let me) make sure I(?:'ve| have)\s+got\s+(?:this|that|it)(?:\s+right)?\s*[:,]",
             r"just\s+so\s+I(?:'ve|\s+have)\s+understood(?:\s+(?:you\s+)?(?:properly|right|correctly))?\s*[:,]",
             r"if I(?:'m| am)\s+following\s+(?:you|this)(?:\s+(?:right|correctly))?,?\s+(?:the|you|your|it's)\b",
             r"if I(?:'ve| have)\s+got\s+(?:this|that|it|you)\s+right,?\s+(?:the|you|your|it's)\b",
             r"the\s+(?:real\s+|main\s+|actual\s+|bigger\s+|biggest\s+)?(?:worry|concern|problem|issue)\s+isn't\b[^.!?]{1,40}?\bit's\s+(?:that|about)\b",
             r"I(?:'m| am)\s+hearing\s+that\s+the\s+main\s+thing", r"the\s+main\s+thing\s+for\s+you\s+is\b",
             r"(?:I|we)\s+know\s+how\s+much\b[^.!?]{1,40}?\bmeans\s+to\s+you",
             r"the\s+thing\s+you\s+(?:really\s+|actually\s+)?(?:need|want|can't\s+risk|can't\s+afford|can't\s+lose)\s+is\b",
             r"what\s+(?:you|he|she|they)\s+(?:really\s+|actually\s+)?(?:need|want|needs|wants)\s+is\b",
             r"I(?:'d|\s+would)\s+hate\s+for\s+you\s+to\s+(?:lose|miss)\b", r"(?:means|meant)\s+(?:a\s+great\s+deal|a\s+lot|so\s+much|everything|the\s+world)\s+to\s+you", r"what(?:'s| is)\s+(?:really\s+)?at\s+stake\s+(?:here\s+)?is\b",
             r"the\s+(?:hardest|worst|toughest)\s+part\s+(?:here\s+)?(?:is|seems|sounds)\b",
             # "it's less the $12 fee and more that you're being billed …": the concern behind the request
             r"(?:it's|it\s+is)\s+(?:less|not\s+(?:really\s+|so\s+much\s+|just\s+)?)(?:about\s+)?[^.!?]{1,40}?(?:&|and|,|but)\s*(?:more|it's|it\s+is)\s+(?:that|about)\s+you",
             r"you(?:'re|\s+are)\s+less\s+\w+\s+about\b[^.!?]{0,40}?\bmore\s+about"),
     0.9, "reflects the customer's concern"),
    (phrases(rf"(?:so\s+)?(?:the|your)\s+(?:real|main|biggest|bigger|big|key|underlying|main|actual)\s+{_TOPIC}\s+(?:here\s+)?(?:is|seems to be|sounds like)",
             rf"so\s+(?:the|your)\s+{_TOPIC}\s+(?:here\s+)?is\s+(?:that|whether|about|getting|making)",
             r"so\s+(?:the|your)\s+(?:worry|fear|concern|risk)\s+is\s+\w+ing\b"),
     0.85, "names the concern behind the request"),
    (phrases(rf"(?:your|the)\s+(?:\w+'s\s+)?{STAKE}\b[^.!?]{{0,25}}?\bis\s+what\s+(?:really\s+)?(?:matters|counts)",
             rf"what\s+(?:really\s+)?(?:matters|counts)\s+(?:most\s+)?(?:now|here|right now|today)?\s*is\s+(?:that\s+)?(?:\w+ing\s+)?(?:your|you|(?-i:[A-Z])\w+)\b[^.!?]{{0,40}}?\b{STAKE}",
             rf"(?:the\s+(?:real\s+)?(?:priority|goal|aim|focus)|the\s+(?:only\s+)?thing\s+that\s+(?:really\s+)?matters|what(?:'s|\s+is)\s+important)\s+(?:now\s+|here\s+|from\s+here\s+)?is\s+[^.!?]{{0,50}}?\b{STAKE}",
             rf"{STAKE}\b[^.!?]{{0,40}}?\b(?:that's|that\s+is)\s+what\s+(?:really\s+)?(?:counts|matters)",
             # "let's focus on getting your staff paid on time" (the customer's own stake, not "before the weekend"), "the important thing now is getting you on a flight home tonight"
             rf"(?:focus|concentrate)\s+on\s+(?:getting|making\s+sure|keeping|sorting)\s+(?:[^.!?]{{0,30}}?\s)?your\b[^.!?]{{0,40}}?\b{STAKE}",
             rf"(?:the\s+)?important\s+thing\s+(?:now\s+|here\s+)?is\s+[^.!?]{{0,50}}?\b{STAKE}",
             r"(?:our|the)\s+goal\s+is\s+the\s+same\s+as\s+yours", rf"{STAKE}\b[^.!?]{{0,30}}?\bmatters?\s+more\s+than\s+(?:our|the|any)\b",
             r"(?:your\s+\w+|you)\s+(?:relies|rely|depends|depend|counts|count)\s+on\s+(?:this|it|the|your)\b",
             rf"let's\s+make\s+sure\s+(?:your|you)\b[^.!?]{{0,50}}?\b{STAKE}"),
     0.85, "makes the customer's stake the goal"),
    (phrases(rf"{_FEARS}\b[^.!?]{{0,60}}?\b{STAKE}",
             # "So you need it before Friday's party": a need restated, not "so you need to restart it"
             rf"so,?\s+(?:essentially\s+|basically\s+)?you\s+(?:really\s+|just\s+)?(?:need|want)\s+(?:this|it|them|the\s+\w+|your\s+\w+)\b(?!\s+to\b)[^.!?]{{0,40}}?\b{STAKE}"),
     0.75, "reflects what is at stake for the customer"),
    (phrases(rf"(?:I|we|Little\s+\w+)\s+(?:totally\s+|fully\s+|completely\s+)?(?:understand|knows?|realize|realise|see|can see|hear|can hear|can understand|appreciate|get|can\s+(?:only\s+)?imagine)\s+(?:that\s+|how much\s+|how important\s+|how\s+\w+\s+|this is\s+|it's\s+)?"
             rf"[^.!?]{{0,50}}?\b{STAKE}",
             rf"^\W*(?:@\w+\s+)*(?:totally\s+|completely\s+)?understand,?\s+you\b[^.!?]{{0,50}}?\b{STAKE}",
             rf"so,?\s+you(?:'ve|\s+have)\s+been\b[^.!?]{{0,60}}?\b{STAKE}", rf"you\s+mentioned\s+(?:that\s+)?(?:the|your|you|it's|this\s+is)\b[^.!?]{{0,60}}?\b{STAKE}"),
     0.7, "reflects what is at stake for the customer"),
    (phrases(r"you\s+(?:shouldn't|should not|should never)\s+have\s+to\s+(?:keep\s+)?(?:chase|repeat|explain|call|wait|ask|fight|start over)",
             # "the third time you've had to chase us", "run to the business hall three times"
             r"(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+time\s+you(?:'ve|\s+have)\s+(?:had\s+to\s+)?(?:chase|call|contact|write\s+to|ask|come\s+back\s+to)\b",
             r"you\s+(?:had\s+to\s+|have\s+had\s+to\s+|to\s+)?(?:run|go|come|call|chase|write)\b[^.!?]{0,40}?\b(?:three|four|five|several|many|\d+)\s+times"),
     0.65, "reflects the cost of not being heard"),
)
_SUBJECT_LINE = re.compile(r"\byou\s+have\s+(?:a\s+)?(?:question|issue|problem|query)s?\s+(?:about|with|regarding)\b|"
                           r"\byou(?:'re|\s+are)\s+(?:messaging|writing|contacting\s+us|reaching\s+out|asking|getting\s+in\s+touch|enquiring|inquiring)\s+(?:about|regarding)\b",
                           re.IGNORECASE)


def _veto(text: str, m: re.Match[str]) -> bool:
    """Skip negated cues and ones that only repeat the ticket subject."""
    asked = re.search(r"\b(?:do|did|don't|can|anything|anything else)\s*$", text[max(0, m.start() - 14) : m.start()], re.IGNORECASE)
    return standard_veto(text, m) or bool(_SUBJECT_LINE.search(m.group(0))) or bool(asked)


@register_detector("reflect_concern", version="12", kinds=(KIND,))
class ReflectConcernDetector:
    """Agent paraphrases the need or fear behind the customer's message."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return rule_findings(self, KIND, conversation, RULES, veto=_veto, whole_sentence=True)

