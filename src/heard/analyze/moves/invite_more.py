"""move.invite_more: an open question that lets the customer say more about their situation,
priorities or constraints ("Is there anything about the date I should know?"). Questions that
only collect data for the process (order number, email, device) are not invitations."""

from __future__ import annotations

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
             r"what (?:outcome|result|resolution) would (?:you like|work|help)"),
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
)


def _question_veto(text: str, m) -> bool:
    """An invitation is a question (or "tell me more"); a sentence ending in "." after "would you" is not."""
    tail = text[m.end():]
    stop = min((i for i in (tail.find("."), tail.find("?"), tail.find("!"), len(tail)) if i >= 0))
    ends_with_question = tail[stop : stop + 1] == "?"
    return not ends_with_question and not m.group(0).lower().startswith(("tell me", "help me"))


@register_detector("invite_more", version="2", kinds=(KIND,))
class InviteMoreDetector:
    """Agent asks an open question that invites the customer to say more."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        return rule_findings(self, KIND, conversation, RULES, veto=_question_veto, whole_sentence=True)
