"""Run detectors over conversations: `Analyzer.analyze(conversation) -> Analysis`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from heard.analyze.detector import Detector
from heard.analyze.registry import build_detectors
from heard.errors import DetectorFailed
from heard.model import Analysis, Conversation, Finding

ErrorHandler = Callable[[DetectorFailed], None]


def raise_error(error: DetectorFailed) -> None:
    raise error


class Analyzer:
    """Runs a fixed, ordered list of detectors. Build it once and reuse it."""

    def __init__(self, detectors: Sequence[Detector], *, on_error: ErrorHandler = raise_error):
        self.detectors = list(detectors)
        self.on_error = on_error

    @classmethod
    def from_names(cls, names: Sequence[str] | None = None, **kwargs) -> Analyzer:
        return cls(build_detectors(names), **kwargs)

    def analyze(self, conversation: Conversation) -> Analysis:
        findings: list[Finding] = []
        prior: tuple[Finding, ...] = ()
        for detector in self.detectors:
            if len(prior) != len(findings):
                prior = tuple(findings)  # most detectors add nothing: reuse the last snapshot
            try:
                findings.extend(detector.detect(conversation, prior=prior))
            except Exception as cause:  # a detector bug must name itself, not crash the batch
                self.on_error(DetectorFailed(detector.info.name, conversation.external_id, cause))
        order = {m.id: i for i, m in enumerate(conversation.messages)}
        findings.sort(key=lambda f: (order.get(f.span.message_id, -1), f.span.start, f.kind))
        return Analysis(conversation=conversation, findings=tuple(findings))

    def analyze_many(self, conversations: Iterable[Conversation]) -> Iterator[Analysis]:
        return (self.analyze(c) for c in conversations)
