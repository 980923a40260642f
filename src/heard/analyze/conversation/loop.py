"""The loop: reflect the emotion or concern, reframe toward the shared outcome, then propose a
path — in that order across the agent's messages. One `conversation.loop` per completed loop,
on the span of the path that closes it."""

from __future__ import annotations

from collections.abc import Sequence

from heard.analyze.conversation._order import on_role, position, short_name
from heard.analyze.detector import register_detector
from heard.model import Conversation, Finding, Role

REFLECT = frozenset({"move.name_feeling", "move.reflect_concern"})
REFRAME = frozenset({"move.reframe"})
PATH = frozenset({"move.offer_choices", "move.ownership", "move.checkpoint"})
# Steps found at the same place are taken in loop order.
_RANK = {**{k: 0 for k in REFLECT}, **{k: 1 for k in REFRAME}, **{k: 2 for k in PATH}}


@register_detector("loop", version="1", kinds=("conversation.loop",), requires=("move",))
class LoopDetector:
    """reflect → reframe → path, in order, on public agent messages."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        info = type(self).info
        moves = sorted(
            on_role(conversation, (f for f in prior if f.family == "move"), Role.agent),
            key=lambda f: (position(conversation, f), _RANK.get(f.kind, 3)),
        )
        findings: list[Finding] = []
        reflect: Finding | None = None
        reframe: Finding | None = None
        for move in moves:
            if reflect is None:
                if move.kind in REFLECT:
                    reflect = move
            elif reframe is None:
                # A sentence that both reflects and reframes counts as both steps (TAXONOMY.md).
                if move.kind in REFRAME:
                    reframe = move
            elif move.kind in PATH:
                steps = (reflect, reframe, move)
                message = conversation.get_message(move.span.message_id)
                rationale = "loop: " + " → ".join(
                    f"{label} ({short_name(f.kind)}, {f.span.message_id})"
                    for label, f in zip(("reflect", "reframe", "path"), steps)
                )
                score = sum(f.score for f in steps) / 3
                findings.append(info.finding("conversation.loop", message, move.span.start, move.span.end,
                                             score=score, rationale=rationale))
                reflect = reframe = None
        return findings
