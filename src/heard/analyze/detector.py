"""The detector contract: a small pure object that reads a Conversation and returns Findings.

    @register_detector("name_feeling", version="1", kinds=("move.name_feeling",))
    class NameFeelingDetector:
        def detect(self, conversation, *, prior=()):
            ...

`requires` names kind prefixes (e.g. "emotion") that must be found by an earlier detector; the
Analyzer orders detectors by it and passes their findings in `prior`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol, TypeVar

from heard.model import Conversation, Finding, Message, Span


@dataclass(frozen=True)
class DetectorInfo:
    name: str
    version: str
    kinds: tuple[str, ...]
    requires: tuple[str, ...] = ()

    def assigns(self, prefix: str) -> bool:
        """Does this detector assign a kind equal to, or under, `prefix`?"""
        return any(k == prefix or k.startswith(prefix + ".") for k in self.kinds)

    def finding(
        self,
        kind: str,
        message: Message,
        start: int,
        end: int,
        *,
        score: float,
        rationale: str,
        **extra,
    ) -> Finding:
        """A Finding on `message.text[start:end]` signed with this detector's name and version."""
        return Finding(
            kind=kind,
            span=Span(message.id, start, end),
            score=round(score, 3),
            detector=self.name,
            detector_version=self.version,
            rationale=rationale,
            **extra,
        )


class Detector(Protocol):
    info: ClassVar[DetectorInfo]

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]: ...


D = TypeVar("D")


def register_detector(
    name: str, *, version: str, kinds: Sequence[str], requires: Sequence[str] = ()
) -> Callable[[type[D]], type[D]]:
    """Attach a DetectorInfo to a detector class. The class is found through the
    `heard.detectors` entry-point group (see `heard.analyze.registry`)."""

    def decorate(cls: type[D]) -> type[D]:
        cls.info = DetectorInfo(name, version, tuple(kinds), tuple(requires))  # type: ignore[attr-defined]
        return cls

    return decorate
