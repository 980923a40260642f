"""Transfers: the conversation changed hands.

Evidence, in the order it usually comes:
- an agent announces it ("I'm transferring you to billing", "let me connect you with …");
- a system message records it ("Conversation transferred to Billing", "escalated to Tier 2");
- a new agent speaks for the first time after a different agent had spoken (a hand-off).

One hand-off is one finding, on its first evidence: an announcement followed by a system line
and a new agent's greeting is a single transfer. An assignment before any agent has spoken is
routing, not a transfer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.text import iter_sentences, phrases
from heard.model import Conversation, Finding, Role

_TARGET = r"(?:to|with|over to|through to) (?P<to>(?:the |our |a |an |my )?[\w'’()&-]+(?: [\w'’()&-]+){0,5}?)(?=[.,;!?\n]| who| for| so| and| because| as| now| shortly| in a| right|$)"
SYSTEM = re.compile(
    rf"(?<!\w)(?P<verb>transferred|re-?assigned|assigned|escalated|routed|forwarded|handed (?:over|off)|moved)"
    rf"(?: from (?P<from>[^\n]{{1,80}}?))? {_TARGET}",
    re.IGNORECASE,
)
ANNOUNCE = re.compile(
    r"(?<!\w)(?:I(?:'m|’m| am) (?:going to |about to |now )?(?:transferring|passing|connecting|handing|putting|escalating|moving|sending)"
    r"|I(?:'ll|’ll| will) (?:now )?(?:transfer|pass|connect|hand|put|escalate|move|send)"
    r"|let me (?:transfer|pass|connect|hand|put|escalate)"
    r"|(?:I'?|I’)ve (?:transferred|passed|escalated|handed)"
    # the customer (or their conversation) changes hands; passing "it" on to a team is not a transfer
    rf")(?: you| your (?:case|chat|call|ticket|query)| this (?:chat|call|conversation|ticket))"
    rf"(?: (?:over|through|across|on))? {_TARGET}",
    re.IGNORECASE,
)
_STRICT_VERBS = re.compile(r"transferred|escalated|re-?assigned|handed|routed|forwarded|moved", re.IGNORECASE)
_NOT_A_PERSON = phrases(r"(?:the |your )?(?:account|card|bank|refund|amount|money|order|address|payment|balance|funds?|credit)")


def _clean(target: str) -> str:
    return target.strip().rstrip(".,;!?")


@register_detector("transfers", version="1", kinds=("conversation.transfer",))
class TransferDetector:
    """One `conversation.transfer` per hand-off, on its first evidence."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        info = type(self).info
        findings: list[Finding] = []
        current_agent: str | None = None   # the agent who last spoke
        pending = False                     # a hand-off already reported, new agent not yet seen
        for message in conversation.messages:
            if message.role == Role.system:
                m = SYSTEM.search(message.text)
                if m and not _NOT_A_PERSON.fullmatch(_clean(m.group("to"))):
                    named_from = m.group("from")
                    if current_agent is None and not named_from and not _STRICT_VERBS.fullmatch(m.group("verb")):
                        continue  # first routing of the conversation
                    if not pending:
                        to = _clean(m.group("to"))
                        source = named_from or current_agent
                        who = f"from {source} " if source else ""
                        findings.append(info.finding(
                            "conversation.transfer", message, m.start(), m.end(), score=0.9,
                            rationale=f"system: {m.group('verb').lower()} {who}to {to}"))
                        pending = True
                continue
            if message.role != Role.agent or not message.public:
                continue
            author = message.author
            if author and current_agent and author != current_agent:
                if not pending:
                    start, end = next(iter_sentences(message.text), (0, len(message.text)))
                    findings.append(info.finding(
                        "conversation.transfer", message, start, end, score=0.75,
                        rationale=f"hand-off from {current_agent} to {author}"))
                pending = False
            if author:
                current_agent = author
            m = ANNOUNCE.search(message.text)
            if m and not _NOT_A_PERSON.fullmatch(_clean(m.group("to"))):
                who = f"from {author} " if author else ""
                findings.append(info.finding(
                    "conversation.transfer", message, m.start(), m.end(), score=0.85,
                    rationale=f"agent announces a transfer {who}to {_clean(m.group('to'))}"))
                pending = True
        return findings
