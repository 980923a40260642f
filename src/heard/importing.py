"""Import a file, folder or zip into the store: the service behind `heard import`.

Readers stream conversations; they are written in batches, each batch in its own transaction,
so an import killed half-way can simply be run again (conversations and messages are keyed by
their source ids and land exactly once).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from heard.errors import IngestError
from heard.ingest import read_path
from heard.model import Conversation
from heard.store.conversations import ImportCounts, import_conversations

BATCH = 500


@dataclass
class ImportReport:
    path: str
    conversations: int = 0
    messages: int = 0
    counts: ImportCounts = field(default_factory=ImportCounts)
    errors: list[dict] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False)


def import_path(
    path: Path | str,
    sessions: sessionmaker[Session],
    *,
    format: str | None = None,
    on_progress: Callable[[ImportReport], None] | None = None,
) -> ImportReport:
    """Read everything under `path` and upsert it; every bad record goes into the report."""
    report = ImportReport(path=str(path))
    for batch in _batches(read_path(path, format), report):
        with sessions() as session:
            counts = import_conversations(session=session, conversations=batch)
            session.commit()
        for name in ("created", "updated", "unchanged", "messages_added"):
            setattr(report.counts, name, getattr(report.counts, name) + getattr(counts, name))
        if on_progress:
            on_progress(report)
    return report


def _batches(results, report: ImportReport) -> Iterator[list[Conversation]]:
    batch: list[Conversation] = []
    for result in results:
        if isinstance(result, IngestError):
            report.errors.append({"path": result.path, "record": result.record, "field": result.field,
                                  "reason": result.reason, "message": str(result)})
            continue
        batch.append(result)
        report.conversations += 1
        report.messages += len(result.messages)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
