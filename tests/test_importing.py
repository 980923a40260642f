"""Import guarantees: idempotent, resumable after kill -9, bounded memory, odd content kept."""

import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc

from sqlalchemy import func, select

from heard.importing import import_path
from heard.ingest import read_path
from heard.store.conversations import find_conversation, to_model
from heard.store.db import open_store
from heard.store.tables import ConversationRow, MessageRow


def write_export(path, count, *, text="Where is my order? It was due Friday."):
    with open(path, "w", encoding="utf-8") as f:
        for i in range(count):
            f.write(json.dumps({"source": "gen", "external_id": str(i), "channel": "chat", "messages": [
                {"id": "1", "role": "customer", "text": text},
                {"id": "2", "role": "agent", "text": "I'll check right away."}]}) + "\n")


def counts(sessions):
    with sessions() as session:
        return (session.scalar(select(func.count()).select_from(ConversationRow)),
                session.scalar(select(func.count()).select_from(MessageRow)))


def test_import_killed_half_way_can_be_run_again(tmp_path):
    export, db = tmp_path / "big.jsonl", f"sqlite:///{tmp_path}/h.db"
    write_export(export, 30_000)
    sessions = open_store(db)
    command = [sys.executable, "-m", "heard.cli", "import", str(export), "--database-url", db,
               "--report", str(tmp_path / "r.json")]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while counts(sessions)[0] == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = counts(sessions)[0]
    assert 0 < partial < 30_000, "the kill should land mid-import"
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert counts(sessions) == (30_000, 60_000)


def test_reading_keeps_memory_bounded_whatever_the_file_size(tmp_path):
    def peak(count):
        path = tmp_path / f"{count}.jsonl"
        write_export(path, count)
        tracemalloc.start()
        for _ in read_path(path):
            pass
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    peak(10)  # warm up: reader modules are imported on first use
    assert peak(20_000) < 2 * peak(2_000)


def test_import_keeps_huge_empty_and_odd_messages(tmp_path):
    odd = "Zwölf Boxen 📦🔥\u200b — ﬁne\r\nline two\rline three\n\u202eevil\u202c"
    huge = "I have waited so long. " * 50_000
    export = tmp_path / "odd.jsonl"
    export.write_text(json.dumps({"source": "gen", "external_id": "odd", "channel": "email", "messages": [
        {"role": "customer", "text": huge}, {"role": "agent", "text": ""}, {"role": "customer", "text": odd}]}) + "\n")
    sessions = open_store(f"sqlite:///{tmp_path}/h.db")
    report = import_path(export, sessions)
    assert report.errors == [] and report.counts.created == 1
    with sessions() as session:
        texts = [m.text for m in to_model(find_conversation(session=session, source="gen", external_id="odd")).messages]
    assert texts == [huge, "", odd]


def test_an_unpaired_surrogate_escape_costs_only_its_record(tmp_path):
    """JSON allows "\\udc00" but it is half a character and no database can store it."""
    export = tmp_path / "surrogate.jsonl"
    write_export(export, 3)
    lines = export.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("Where is my order?", "Where is \\udc00 my order?")
    lines.append(lines[2].replace('"external_id": "2"', '"external_id": "3"').replace('"author"', '"x"')
                 .replace('"channel": "chat"', '"channel": "chat", "subject": "\\ud83d"'))
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sessions = open_store(f"sqlite:///{tmp_path}/h.db")
    report = import_path(export, sessions)
    assert [(e["record"], e["field"], e["reason"]) for e in report.errors] == [
        ("conversation '1'", "messages.0.text", "not Unicode (an unpaired surrogate escape \\udc00)"),
        ("conversation '3'", "subject", "not Unicode (an unpaired surrogate escape \\ud83d)"),
    ]
    assert all(e["path"] == str(export) for e in report.errors)
    assert counts(sessions) == (2, 4)


def test_import_reports_progress_per_batch(tmp_path):
    export = tmp_path / "e.jsonl"
    write_export(export, 1_200)
    seen = []
    import_path(export, open_store(f"sqlite:///{tmp_path}/h.db"), on_progress=lambda r: seen.append((r.conversations, r.messages)))
    assert seen == [(500, 1_000), (1_000, 2_000), (1_200, 2_400)]
