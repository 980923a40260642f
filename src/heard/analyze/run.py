"""Analyse stored conversations: the service behind `heard analyze`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session, sessionmaker

from heard.analyze.pipeline import Analyzer
from heard.analyze.scorecard import Scorecard
from heard.errors import DetectorFailed
from heard.store import analyses, conversations

BATCH = 200


@dataclass
class AnalyzeReport:
    analysed: int = 0
    findings: int = 0
    failures: list[DetectorFailed] = field(default_factory=list)


def run(
    sessions: sessionmaker[Session],
    *,
    detector_names: list[str] | None = None,
    scorecard: Scorecard | None = None,
    everything: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> AnalyzeReport:
    """Analyse every conversation that changed since its last analysis (all with `everything`),
    store findings and scores, and record each detector's name and version. A detector that fails
    on one conversation is recorded and the rest go on."""
    report = AnalyzeReport()
    scorecard = scorecard or Scorecard.load()
    with sessions() as session:
        if everything:
            conversations.mark_all_stale(session=session)
            session.commit()
        ids = conversations.iter_stale_ids(session=session)
    failures: list[DetectorFailed] = []
    analyzer = Analyzer.from_names(detector_names, on_error=failures.append)
    infos = [d.info for d in analyzer.detectors]
    for start in range(0, len(ids), BATCH):
        with sessions() as session:
            for row in conversations.iter_conversations(session=session, ids=ids[start : start + BATCH]):
                failures.clear()
                analysis = analyzer.analyze(conversations.to_model(row))
                score = scorecard.score(analysis).total
                analyses.save_analysis(session=session, row=row, analysis=analysis, score=score,
                                       detectors=infos, failures=failures)
                report.analysed += 1
                report.findings += len(analysis.findings)
                report.failures.extend(failures)
            session.commit()
        if on_progress:
            on_progress(min(start + BATCH, len(ids)), len(ids))
    return report
