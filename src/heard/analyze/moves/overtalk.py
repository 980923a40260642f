"""move.overtalk (phone only): the agent starts speaking before the customer has finished — read
from turn timings (`start_s` / `end_s`), never from the text. The span is the agent's opening
sentence, the words spoken over the customer."""

from __future__ import annotations

from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import agent_messages, sentences
from heard.model import Channel, Conversation, Finding, Role

KIND = "move.overtalk"


@register_detector("overtalk", version="1", kinds=(KIND,))
class OvertalkDetector:
    """Agent turn starts before the previous customer turn ends (phone)."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        if conversation.channel != Channel.phone:
            return []
        findings = []
        for message in agent_messages(conversation):
            customer = conversation.previous(message, role=Role.customer)
            if message.start_s is None or customer is None or customer.end_s is None:
                continue
            overlap = customer.end_s - message.start_s
            if overlap <= 0:
                continue
            start, end = sentences(message.text)[0]
            findings.append(self.info.finding(
                KIND, message, start, end, score=0.9 if overlap >= 0.5 else 0.6,
                rationale=f"started speaking {overlap:.1f} s before the customer finished",
            ))
        return findings
