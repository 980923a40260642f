"""move.invite_more: an open question that lets the customer say more about their situation,
priorities or constraints ("Is there anything about the date I should know?"). Questions that
only collect data for the process (order number, email, device) are not invitations."""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import Rule, rule_findings
from heard.analyze.text import phrases
from heard.model import Conversation, Finding

KIND = "move.invite_more"

RULES: tuple[Rule, ...] = (
    (phrases(r"is there anything (?:else )?(?:about [^.!?]{1,80}? )?(?:that )?(?:I|we) should (?:know|be aware of|keep in mind|consider|pass on|flag)",
             r"is there anything (?:else )?(?:about [^.!?]{1,60}? )?(?:that )?you(?:'re| are) (?:still )?(?:worried|concerned|anxious|nervous|unsure) about",
             r"is there anything (?:else )?(?:that )?(?:would|could) (?:make [^.!?]{1,60}? (?:easier|better|simpler)|help (?:you|with)(?! today))",
             r"is there anything (?:else )?you(?:'d)? need from (?:me|us)",
             r"anything (?:else )?(?:you'd|you would|you want|you'd like) (?:me|us) to (?:know|keep in mind|be aware of)",
             r"what would (?:make (?:this|it|things) right|help most|be most helpful|make this easier|a good outcome look like|you like to happen)",
             r"what (?:matters|is important|'s important) (?:most )?to you",
             r"how (?:is|has) (?:this|it|all this) (?:been )?(?:affecting|affected|impacting|impacted) (?:you|your)",
             r"tell me (?:a (?:bit|little) )?more(?: about)?", r"help me understand",
             r"what (?:are|were) you (?:hoping|trying) (?:for|to)",
             r"what (?:outcome|result|resolution) would (?:you like|work|help)",
             # what the customer needs, fears or must plan around, asked openly
             r"(?:is|are)\s+(?:there\s+)?(?:anything|any\s+\w+|a\s+\w+)\b[^.!?]{0,80}?\b(?:I|we)\s+(?:should|need\s+to)\s+(?:know|work\s+around|plan\s+(?:[\w ]{1,20}\s+)?around|keep\s+in\s+mind|be\s+aware\s+of|consider|factor\s+in|take\s+into\s+account|bear\s+in\s+mind)",
             r"(?:is|are)\s+there\s+anything\s+(?:else\s+)?about\s+(?:your|how\s+you|setting|the\s+way)\b[^.!?]{0,80}?\b(?:would|could|might)\s+(?:help|make)",
             r"(?:that\s+)?you(?:'d|\s+would)?\s+(?:like|want)\s+to\s+tell\s+(?:us|me)\b", r"what\s+you(?:'re|\s+are|\s+were)\s+hoping\s+(?:for|to)\b",
             r"what(?:'s|\s+is|\s+would\s+be)\s+the\s+(?:best|ideal|right|fairest)\s+(?:outcome|result|resolution|fix)\b",
             r"anything\b[^.!?]{0,60}?\b(?:that's|that\s+is|that\s+are|that's\s+been|that\s+has\s+been)\s+(?:worrying|bothering|troubling|bugging)\s+you", r"that\s+you(?:'d|\s+would)\s+like\s+(?:us|me)\s+to\s+know",
             r"what\s+(?:would\s+)?(?:a\s+)?(?:fair|good|right)\s+(?:outcome|fix|resolution|result)\s+(?:would\s+)?look\s+like",
             r"what(?:'s|\s+is|\s+has)\s+been\s+the\s+(?:hardest|worst|toughest)\s+part", r"what\s+you\s+need\s+(?:it|this|them)\s+for\b",
             r"what\s+does\s+(?:a|your)\s+(?:normal|typical|usual)\s+(?:day|week)(?:\s+of\s+\w+)?\s+look\s+like", r"what(?:'s|\s+is)\s+your\s+(?:week|day|schedule)\s+looking\s+like",
             r"what\s+(?:outcome|result|resolution)\s+(?:would\s+(?:feel|be)\s+(?:fair|right|best)|you(?:'d|\s+would)?\s+(?:hope|like|want|prefer))",
             r"what(?:'s|\s+is)\s+(?:the\s+)?most\s+important(?:\s+thing)?\s+(?:to|for)\s+you", r"what(?:'s|\s+is)\s+(?:troubling|worrying|bothering)\s+you",
             r"what\s+(?:are|were)\s+your\s+(?:worries|concerns|priorities|needs)", r"what\s+would\s+(?:turn\s+this\s+around|you\s+need\s+from\s+(?:me|us))",
             r"how\s+(?:is|has)\s+(?:this|it|the\s+(?:\w+\s+)?\w+)\s+(?:been\s+)?(?:affecting|impacting|hitting|affected|impacted|hit)\s+(?:you|your)",
             r"what\s+impact\s+[^.!?]{0,60}?\s+(?:has|had|is\s+having)\s+on\s+(?:you|your)",
             r"(?:do|did)\s+you\s+have\s+any\s+(?:other\s+)?(?:needs|difficulties|concerns|worries)\b",
             r"what\s+(?:kind\s+of\s+)?(?:solution|outcome|result|resolution)\s+(?:do|would)\s+you\s+(?:hope|like|want|expect)", r"(?:are|is)\s+there\s+(?:any\s+)?other\s+needs\b",
             r"anything\s+(?:else\s+)?(?:about\s+[^.!?]{1,40}?\s+)?that\s+(?:didn't|did\s+not)\s+sit\s+right", r"what\s+other\s+(?:troubles|problems|issues|difficulties)\s+(?:did|do|have)\s+you\b",
             r"anything\s+(?:else\s+)?(?:that\s+)?(?:this|the)\s+(?:\w+\s+)?(?:has\s+)?affected\b", r"what\s+would\s+you\s+like\s+(?:us|me)\s+to\s+do\b",
             # "what your team's biggest headache is", "what do you mostly use your phone for?", "whose needs I should think about"
             r"what(?:'s|\s+is)?\s+(?:your|your\s+\w+[\x27\u2019]s)\s+(?:biggest|main|real)\s+(?:headache|worry|concern|frustration|priority|need)\b",
             r"what\s+do\s+you\s+(?:mostly|mainly|usually|normally|typically)\s+use\s+(?:it|them|your\s+\w+|the\s+\w+)\s+for\b",
             r"(?:needs|situation|circumstances)\s+(?:I|we)\s+should\s+(?:think|know)\s+about"),
     0.9, "invites the customer to say more"),
    (phrases(r"(?:can|could|would) you (?:tell|share with|walk) (?:me|us) (?:a (?:bit|little) )?(?:more|what happened|how|about|through)",
             r"how (?:can|could) (?:I|we) make (?:this|it|things) (?:right|easier|better)",
             r"how are you (?:doing|holding up|feeling|coping)",
             r"what(?:'s| is) (?:the|your) (?:timeline|deadline|biggest (?:worry|concern)|main (?:worry|concern)|priority)",
             r"when do you (?:need|want) (?:it|this|them|the \w+)(?: by)?",
             r"is there (?:a|any) (?:date|deadline|event|time) (?:you|we|I)\b",
             r"is there (?:a|any) (?:\w+ )?(?:date|deadline|day|time|event)\b[^.!?]{0,30}?\b(?:that )?(?:matters|is important|works best)",
             r"what time (?:do|does|is|are) (?:you|he|she|they|your \w+|the \w+) (?:need|have to|leave|start|play|begin|want)\b",
             r"what else (?:should I know|is going on|can you tell me)"),
     0.75, "asks an open question about the customer's situation"),
    (phrases(r"(?:let|tell)\s+(?:us|me)\s+(?:know\s+)?(?:a (?:bit|little) more about\s+)?what(?:'s|\s+is)\s+(?:happening|going on)",
             r"(?:let|tell)\s+(?:us|me)\s+(?:know\s+)?what\s+(?:issues?|problems?|trouble)\s+you(?:'re|\s+are)\s+(?:having|experiencing|facing|running into)",
             r"fill\s+(?:us|me)\s+in\b", r"what(?:'s|\s+is)\s+(?:been\s+)?(?:happening|going on)\b",
             r"what\s+(?:problems?|issues?|difficult(?:y|ies))\s+(?:did\s+|have\s+|are\s+|were\s+)?you\s+(?:encounter(?:ed)?|run into|ran into|(?:been\s+)?(?:having|experiencing|facing|seeing))",
             r"what\s+(?:is|was)\s+the\s+(?:concrete|specific|exact|actual|main)\s+(?:issue|problem)",
             r"(?:do|did)\s+you\s+need\s+(?:help|assistance)\s+with\s+(?:something|anything)\s+(?:specific|in particular)",
             r"tell\s+(?:me|us)\s+(?:about\s+it\s+)?(?:in\s+detail|in\s+details|more\s+about\s+(?:it|this|that|what))",
             r"(?:let|tell)\s+(?:us|me)\s+(?:know\s+)?what\s+(?:happened|occurred|went wrong)",
             r"(?:DM|PM|message|tell|send)\s+(?:us|me)\s+what(?:\s+(?:happened|occurred|went wrong|is going on)|'s going on)",
             r"tell\s+(?:us|me)\s+more\s+about\s+(?:the|your|this)\s+(?:issue|problem|situation|experience|trouble)",
             r"share\s+more\s+(?:info(?:rmation)?|details)\s+about\s+what\s+(?:occurred|happened|went wrong)",
             r"what\s+exactly\s+(?:is|was)\s+(?:going on|happening|the\s+(?:issue|problem))",
             r"what\s+(?:is|was)\s+the\s+(?:issue|problem)\s+you(?:'re|\s+are|\s+were)\s+(?:having|experiencing|facing|seeing)",
             r"what(?:'s|\s+is)\s+wrong\s+with\b", r"what\s+happens\s+when\s+you\s+(?:try|open|use|attempt|go|click|tap|start)",
             r"what\s+(?:have|has|got)\s+you\s+feeling\s+(?:this|that)\s+way", r"what\s+happened\s+to\s+(?:cause|make)\s+you",
             r"(?:can|could|would)\s+you\s+provide\s+(?:some\s+)?more\s+(?:info(?:rmation)?|details)\s+about\s+the\s+(?:issues?|problems?)\s+you(?:'re|\s+are)",
             r"describe\s+(?:the|your)\s+(?:problem|issue|situation)\s+in\s+details?", r"specify\s+(?:your|the)\s+(?:problem|issue)",
             r"how\s+(?:can|may|could)\s+(?:I|we)\s+(?:help|assist)(?:\s+you)?(?:\s+(?:today|further))?(?=\s*\?)",
             r"what\s+can\s+(?:I|we|[A-Z]\w*(?:\s+[A-Z]\w*)?)\s+do\s+(?:to\s+help\s+you|for\s+you)",
             r"(?:explain|describe|elaborate\s+on)\s+(?:what|the|your)\s+(?:issue|problem|concern|situation|happened)\w*",
             r"(?:some\s+)?more\s+info(?:rmation)?\s+about\s+what\s+(?:happened|occurred|went wrong)",
             r"what(?:'s|\s+is|\s+was)\s+(?:the\s+|your\s+)?(?:problem|issue|matter|wrong)(?=\s*\?)",
             r"(?:can|could|would)\s+you\s+(?:please\s+)?(?:describe|explain)\s+(?:the|your|it|this)\b(?=[^.!?]{0,60}\?)",
             r"how\s+did\s+(?:the|our|my)\s+(?:staff|agent|colleague|engineer|technician|rep(?:resentative)?)\s+(?:explain|respond|reply|answer|handle)\w*"),
     0.75, "asks the customer what is going on"),
)
# Open invitations that may end in "." rather than "?" ("Fill us in on what is happening.").
_IMPERATIVE = ("tell me", "help me", "let us", "let me", "tell us", "fill us", "fill me", "please tell", "share", "describe",
               "dm us", "dm me", "pm us", "message us", "send us", "explain", "elaborate")


def _question_veto(text: str, m) -> bool:
    """An invitation is a question (or "tell me more"); a sentence ending in "." after "would you" is not."""
    tail = text[m.end():]
    stop = min((i for i in (tail.find("."), tail.find("?"), tail.find("!"), len(tail)) if i >= 0))
    ends_with_question = tail[stop : stop + 1] == "?"
    return not ends_with_question and not m.group(0).lower().startswith(_IMPERATIVE) and not _after_imperative(text, m.start())


def _after_imperative(text: str, start: int) -> bool:
    """"Can you let us know what issues you're having." / "Please tell me in detail.": a request, not a question."""
    return bool(re.search(r"(?:let|tell|fill)\s+(?:us|me)\s+(?:know\s+)?$|please\s+$", text[max(0, start - 20) : start], re.IGNORECASE))


@register_detector("invite_more", version="14", kinds=(KIND,))
class InviteMoreDetector:
    """Agent asks an open question that invites the customer to say more."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return rule_findings(self, KIND, conversation, RULES, veto=_question_veto, whole_sentence=True)
