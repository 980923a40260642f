"""Read `heard export-labels` files back as sentence-level training examples.

The move and concern heads score sentences, so each coach's correction becomes the sentence
around its span (`heard.analyze.text.sentence_around`), its kind, and its sign: 1 for words marked
missed (a positive), 0 for a finding marked wrong (a negative for that kind only).

    for example in read_labels(Path("labels.jsonl")):
        print(example.kind, example.label, example.sentence)

A bad line raises `InvalidRecord` naming the file, the line and the field. The format is
described in docs/models/corrections.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from heard.analyze.text import sentence_around
from heard.errors import InvalidRecord, json_object

__all__ = ["LabelExample", "read_labels"]


@dataclass(frozen=True)
class LabelExample:
    sentence: str
    role: str
    kind: str
    label: int  # 1: the kind is there (marked missed); 0: it is not (marked wrong)
    evidence: str


def read_labels(path: Path) -> list[LabelExample]:
    """Every label line of an export, as a sentence example."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = f"line {n}"
        row = json_object(line, path=str(path), record=record)
        for name, kind in (("text", str), ("role", str), ("kind", str), ("start", int), ("end", int), ("label", int)):
            if not isinstance(row.get(name), kind) or isinstance(row.get(name), bool):
                raise InvalidRecord(f"missing or not a{'n integer' if kind is int else ' string'}",
                                    path=str(path), record=record, field=name)
        text, start, end = row["text"], row["start"], row["end"]
        if not 0 <= start < end <= len(text):
            raise InvalidRecord(f"span {start}..{end} does not fit the text ({len(text)} characters)",
                                path=str(path), record=record, field="end")
        if row["label"] not in (0, 1):
            raise InvalidRecord("must be 0 or 1", path=str(path), record=record, field="label")
        s, e = sentence_around(text, start, end)
        out.append(LabelExample(text[s:e], row["role"], row["kind"], row["label"], text[start:end]))
    return out
