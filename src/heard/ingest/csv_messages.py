"""CSV with one message per row, grouped into conversations by `conversation_id`.

Required columns: conversation_id, role, text. Optional: source, channel, message_id, author,
sent_at, subject, customer, agent, queue, outcome. Rows of one conversation are expected to be
adjacent; a conversation split across the file is merged by the store on import.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

from heard.errors import InvalidRecord
from heard.ingest.registry import ReadResult, reader
from heard.ingest.schema import conversation_from_dict

REQUIRED = ("conversation_id", "role", "text")
CONVERSATION_FIELDS = ("source", "channel", "subject", "customer", "agent", "queue", "outcome")


def _looks_like_csv(path: Path, head: bytes) -> bool:
    header = head.split(b"\n", 1)[0].decode("utf-8", "replace").lower()
    return all(column in header for column in REQUIRED)


@reader("csv", sniff=_looks_like_csv, priority=10)
def read_csv(path: Path) -> Iterator[ReadResult]:
    with open(path, "rb") as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", errors="strict", newline="")
        rows = csv.DictReader(text)
        missing = [c for c in REQUIRED if c not in (rows.fieldnames or [])]
        if missing:
            yield InvalidRecord(f"missing column(s) {', '.join(missing)}", path=str(path), record="line 1", field=missing[0])
            return
        numbered = _numbered_rows(rows, path)
        for conversation_id, group in groupby(numbered, key=lambda item: item[1].get("conversation_id")):
            yield from _conversation(conversation_id, list(group), path)


def _numbered_rows(rows: csv.DictReader, path: Path) -> Iterator[tuple[int, dict]]:
    try:
        for row in rows:
            yield rows.line_num, row
    except UnicodeDecodeError as error:
        yield rows.line_num + 1, {"conversation_id": None, "__error__": f"not UTF-8 ({error.reason})"}
    except csv.Error as error:
        yield rows.line_num, {"conversation_id": None, "__error__": f"broken CSV ({error})"}


def _conversation(conversation_id: str | None, group: list[tuple[int, dict]], path: Path) -> Iterator[ReadResult]:
    good = []
    for line, row in group:
        if "__error__" in row:
            yield InvalidRecord(row["__error__"], path=str(path), record=f"line {line}")
        elif None in row or any(v is None for v in row.values()):
            yield InvalidRecord("wrong number of columns", path=str(path), record=f"line {line}")
        elif not conversation_id:
            yield InvalidRecord("empty value", path=str(path), record=f"line {line}", field="conversation_id")
        else:
            good.append((line, row))
    if not good:
        return
    first = good[0][1]
    record = {
        **{k: first[k] for k in CONVERSATION_FIELDS if first.get(k)},
        "source": first.get("source") or "csv",
        "channel": first.get("channel") or "chat",
        "external_id": conversation_id,
        "messages": [],
    }
    for line, row in good:
        message = {k: row[k] for k in ("role", "text", "author", "sent_at") if row.get(k) not in (None, "")}
        message.setdefault("text", "")
        message["id"] = row.get("message_id") or str(len(record["messages"]) + 1)
        try:  # validate each row alone so one bad row names its own line
            conversation_from_dict({**record, "messages": [message]}, path=str(path), record=f"line {line}")
        except InvalidRecord as error:
            error_field = (error.field or "").replace("messages.0.", "")
            yield InvalidRecord(error.reason, path=str(path), record=f"line {line}", field=error_field or None)
            continue
        record["messages"].append(message)
    if record["messages"]:
        try:
            yield conversation_from_dict(record, path=str(path), record=f"line {good[0][0]}")
        except InvalidRecord as error:
            yield error
