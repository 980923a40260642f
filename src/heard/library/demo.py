"""The demo library: curated case files (`heard/demo/case_files.yaml`) loaded by `heard demo`.

Annotations are anchored by quoting the words; a quote that no longer matches its message
stops the load with an error naming the case file and the quote.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from heard.errors import ConfigError, HeardError
from heard.library.case_files import create_case_file
from heard.library.models import AnnotationCreate, CaseFileCreate
from heard.privacy.roles import Viewer, ViewerRole
from heard.store.conversations import find_conversation
from heard.store.library_tables import CaseFileRow

DEMO_CASE_FILES = Path(__file__).parents[1] / "demo" / "case_files.yaml"
DEMO_SOURCE = "heard-demo"


def load_demo_case_files(sessions: sessionmaker[Session], path: Path = DEMO_CASE_FILES,
                         source: str = DEMO_SOURCE) -> int:
    """Create the curated case files that do not exist yet (matched by conversation and title);
    returns how many were created."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    curator = Viewer(ViewerRole.coach)
    created = 0
    with sessions() as session:
        for number, entry in enumerate(entries, 1):
            where = f"{path.name}, case file {number} ({entry.get('conversation')!r})"
            conversation = find_conversation(session=session, source=source, external_id=entry["conversation"])
            if conversation is None:
                raise ConfigError(f"{where}: no conversation {entry['conversation']!r} from {source!r}; "
                                  "import the demo conversations first.")
            exists = session.scalar(select(CaseFileRow.id).where(CaseFileRow.conversation_id == conversation.id,
                                                                 CaseFileRow.title == entry["title"]))
            if exists:
                continue
            annotations = []
            for a in entry.get("annotations", []):
                if "gap_after" in a:
                    annotations.append(AnnotationCreate(kind="gap", message_id=str(a["gap_after"]), body=a["note"]))
                else:
                    annotations.append(AnnotationCreate(kind="span", message_id=str(a["message"]), quote=a["quote"],
                                                        body=a["note"]))
            case_file_in = CaseFileCreate(conversation_id=conversation.id, title=entry["title"],
                                          lesson=entry.get("lesson", ""), tags=entry.get("tags", []),
                                          visibility=entry.get("visibility", "team"))
            case_file_in.annotations = annotations
            try:
                create_case_file(session=session, case_file_in=case_file_in, viewer=curator)
            except HeardError as error:
                raise ConfigError(f"{where}: {error}") from error
            created += 1
        session.commit()
    return created
