"""move.pause (phone only): "let silence breathe" — an acknowledgment (a `move.name_feeling` or
`move.apology` finding) that ends the agent's turn and is followed by at least 2 s of silence
before the next turn starts. The span is the acknowledgment's span."""

from __future__ import annotations

from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import quote, sentences
from heard.model import Channel, Conversation, Finding, Role, evidence

KIND = "move.pause"
MIN_SILENCE_S = 2.0
ACKNOWLEDGMENTS = ("move.name_feeling", "move.apology")


@register_detector("pause", version="1", kinds=(KIND,), requires=("move.name_feeling",))
class PauseDetector:
    """Agent acknowledges a feeling, then leaves at least 2 s of silence (phone)."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        if conversation.channel != Channel.phone:
            return []
        last_ack: dict[str, Finding] = {}
        for f in prior:
            if f.kind in ACKNOWLEDGMENTS and (
                f.span.message_id not in last_ack or f.span.end > last_ack[f.span.message_id].span.end
            ):
                last_ack[f.span.message_id] = f
        findings = []
        for message_id, ack in last_ack.items():
            message = conversation.find_message(message_id)
            if message is None or message.role != Role.agent or message.end_s is None:
                continue
            index = conversation.messages.index(message)
            following = conversation.messages[index + 1] if index + 1 < len(conversation.messages) else None
            if following is None or following.start_s is None:
                continue
            silence = following.start_s - message.end_s
            last_sentence_start = sentences(message.text)[-1][0]
            if silence < MIN_SILENCE_S or ack.span.end <= last_sentence_start:
                continue  # too short, or the agent talked on after acknowledging
            findings.append(self.info.finding(
                KIND, message, ack.span.start, ack.span.end, score=0.9 if silence >= 3.0 else 0.75,
                rationale=f"let {silence:.1f} s of silence follow the acknowledgment {quote(evidence(conversation, ack.span))}",
            ))
        return findings
