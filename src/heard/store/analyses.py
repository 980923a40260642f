"""The analysis repository: findings and detector runs of one conversation, replaced as a whole."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import and_, delete, select
from sqlalchemy.orm import Session

from heard.analyze.detector import DetectorInfo
from heard.errors import DetectorFailed
from heard.model import Analysis, Finding, Span
from heard.store.conversations import to_model
from heard.store.tables import ConversationRow, DetectorRunRow, FindingRow, MessageRow


def save_analysis(
    *,
    session: Session,
    row: ConversationRow,
    analysis: Analysis,
    score: float | None,
    detectors: Sequence[DetectorInfo],
    failures: Sequence[DetectorFailed] = (),
) -> None:
    """Replace the conversation's findings and detector runs with this analysis."""
    now = datetime.now(timezone.utc)
    session.execute(delete(FindingRow).where(FindingRow.conversation_id == row.id))
    session.execute(delete(DetectorRunRow).where(DetectorRunRow.conversation_id == row.id))
    session.add_all(_finding_row(row.id, f) for f in analysis.findings)
    failed = {f.detector: repr(f.cause) for f in failures}
    session.add_all(
        DetectorRunRow(conversation_id=row.id, detector=d.name, detector_version=d.version, ran_at=now,
                       error=failed.get(d.name))
        for d in detectors
    )
    row.score = score
    row.analyzed_at = now


def _finding_row(conversation_id: int, f: Finding) -> FindingRow:
    return FindingRow(
        conversation_id=conversation_id, message_id=f.span.message_id, kind=f.kind, start=f.span.start,
        end=f.span.end, score=f.score, detector=f.detector, detector_version=f.detector_version,
        rationale=f.rationale, intensity=f.intensity, due_at=f.due_at,
    )


def load_analysis(*, session: Session, row: ConversationRow) -> Analysis:
    """The stored conversation with its stored findings, in message order."""
    conversation = to_model(row)
    order = {m.id: i for i, m in enumerate(conversation.messages)}
    rows = session.scalars(select(FindingRow).where(FindingRow.conversation_id == row.id)).all()
    findings = sorted(
        (
            Finding(kind=r.kind, span=Span(r.message_id, r.start, r.end), score=r.score, detector=r.detector,
                    detector_version=r.detector_version, rationale=r.rationale, intensity=r.intensity,
                    due_at=r.due_at)
            for r in rows
        ),
        key=lambda f: (order.get(f.span.message_id, -1), f.span.start, f.kind),
    )
    return Analysis(conversation=conversation, findings=tuple(findings))


def detector_runs(*, session: Session, row: ConversationRow) -> list[DetectorRunRow]:
    return list(session.scalars(select(DetectorRunRow).where(DetectorRunRow.conversation_id == row.id)))


@dataclass
class FindingSummary:
    """What a list of conversations shows per row: the customer's emotions in message order
    (message id, label, intensity; the first per message) and how many findings of each kind."""

    emotions: list[tuple[str, str, int | None]] = field(default_factory=list)
    kinds: Counter = field(default_factory=Counter)


def finding_summaries(*, session: Session, conversation_ids: Sequence[int]) -> dict[int, FindingSummary]:
    """Summaries of many conversations in one query."""
    summaries: dict[int, FindingSummary] = {}
    if not conversation_ids:
        return summaries
    rows = session.execute(
        select(FindingRow.conversation_id, FindingRow.kind, FindingRow.intensity, FindingRow.message_id, MessageRow.role)
        .outerjoin(MessageRow, and_(MessageRow.conversation_id == FindingRow.conversation_id,
                                    MessageRow.external_id == FindingRow.message_id))
        .where(FindingRow.conversation_id.in_(list(conversation_ids)))
        .order_by(FindingRow.conversation_id, MessageRow.position, FindingRow.start)
    )
    seen: set[tuple[int, str]] = set()
    for conversation_id, kind, intensity, message_id, role in rows:
        summary = summaries.setdefault(conversation_id, FindingSummary())
        summary.kinds[kind] += 1
        if kind.startswith("emotion.") and role in (None, "customer") and (conversation_id, message_id) not in seen:
            seen.add((conversation_id, message_id))
            summary.emotions.append((message_id, kind.split(".", 1)[1], intensity))
    return summaries
