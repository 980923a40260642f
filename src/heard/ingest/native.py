"""Heard's native format: JSON Lines, one Conversation per line (schema: docs/conversation.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from heard.errors import InvalidRecord
from heard.ingest.registry import ReadResult, reader
from heard.ingest.schema import conversation_from_dict, fast_conversation


def _looks_native(path: Path, head: bytes) -> bool:
    first = head.lstrip().split(b"\n", 1)[0]
    return path.suffix.lower() in {".jsonl", ".ndjson"} or (
        first.startswith(b"{") and b'"messages"' in first and b'"external_id"' in first
    )


@reader("native", sniff=_looks_native, priority=20)
def read_native(path: Path) -> Iterator[ReadResult]:
    """One Conversation per non-blank line; a bad line yields an error naming line and field."""
    name = str(path)
    with open(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            if raw.isspace():
                continue
            # most lines take the fast path; the rest are validated by pydantic, which names the field
            yield fast_conversation(raw) or _parse_line(raw, path=name, record=f"line {number}")


def _parse_line(raw: bytes, *, path: str, record: str) -> ReadResult:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        return InvalidRecord(f"not UTF-8 ({error.reason} at byte {error.start})", path=path, record=record)
    except json.JSONDecodeError as error:
        return InvalidRecord(f"not valid JSON ({error.msg}, column {error.colno})", path=path, record=record)
    try:
        return conversation_from_dict(data, path=path, record=record)
    except InvalidRecord as error:
        return error
