"""Recovery moments: the customer is calmer than in their previous message, and at least one
good agent move came in between."""

from __future__ import annotations

from collections.abc import Sequence

from heard.analyze.conversation._order import on_role, position, short_name
from heard.analyze.detector import register_detector
from heard.analyze.trajectory import NEGATIVE_EMOTIONS
from heard.model import HARMFUL_MOVES, Conversation, Finding, Role


def _label(finding: Finding) -> str:
    return short_name(finding.kind)


def _calmer(before: Finding, after: Finding) -> bool:
    """Lower negative intensity, or out of a negative emotion altogether."""
    if _label(before) not in NEGATIVE_EMOTIONS:
        return False
    if _label(after) not in NEGATIVE_EMOTIONS:
        return True
    return (after.intensity or 1) < (before.intensity or 1)


def _describe(finding: Finding) -> str:
    return _label(finding) if finding.intensity is None else f"{_label(finding)} ({finding.intensity})"


@register_detector("recovery", version="1", kinds=("conversation.recovery",), requires=("emotion", "move"))
class RecoveryDetector:
    """A customer message calmer than the one before, after good agent moves."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        info = type(self).info
        emotions = on_role(conversation, (f for f in prior if f.family == "emotion"), Role.customer)
        good = [f for f in on_role(conversation, (f for f in prior if f.family == "move"), Role.agent)
                if f.kind not in HARMFUL_MOVES]
        # One primary emotion per message: keep the first of each.
        per_message: dict[str, Finding] = {}
        for f in emotions:
            per_message.setdefault(f.span.message_id, f)
        ordered = list(per_message.values())
        findings: list[Finding] = []
        for before, after in zip(ordered, ordered[1:]):
            if not _calmer(before, after):
                continue
            lo, hi = position(conversation, before)[0], position(conversation, after)[0]
            between = [m for m in good if lo < position(conversation, m)[0] < hi]
            if not between:
                continue
            names = list(dict.fromkeys(short_name(m.kind) for m in between))
            rationale = f"{_describe(before)} → {_describe(after)} after {', '.join(names)}"
            message = conversation.get_message(after.span.message_id)
            score = min(0.95, 0.55 + 0.1 * len(names) + 0.05 * ((before.intensity or 1) - (after.intensity or 0)))
            findings.append(info.finding("conversation.recovery", message, after.span.start, after.span.end,
                                         score=score, rationale=rationale))
        return findings
