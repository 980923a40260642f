"""`heard export-labels` output read back as sentence examples for training."""

from __future__ import annotations

import json

import pytest

from heard.errors import InvalidRecord
from heard.learn.labels import LabelExample, read_labels

TEXT = "Thanks for waiting. Sorry you feel that way. I'll refund it myself today."


def line(**overrides) -> str:
    record = {"text": TEXT, "role": "agent", "kind": "move.apology", "start": 20, "end": 43, "label": 0,
              "detector": "moves_model", "detector_version": "1", "conversation": "T-1", "message": "b", "note": None,
              "created_at": "2026-11-26T01:00:00+00:00"}
    return json.dumps({**record, **overrides})


def test_read_labels_turns_each_correction_into_its_sentence(tmp_path):
    path = tmp_path / "labels.jsonl"
    path.write_text(line() + "\n\n" + line(kind="move.ownership", start=45, end=72, label=1) + "\n", encoding="utf-8")
    assert read_labels(path) == [
        LabelExample("Sorry you feel that way.", "agent", "move.apology", 0, "Sorry you feel that way"),
        LabelExample("I'll refund it myself today.", "agent", "move.ownership", 1, "I'll refund it myself today"),
    ]


@pytest.mark.parametrize("bad, where", [
    ("{nope", "line 1: not valid JSON"),
    ("[1, 2]", "line 1: expected a JSON object"),
    (line(start="20"), "line 1, field 'start': missing or not an integer"),
    (line(kind=None), "line 1, field 'kind': missing or not a string"),
    (line(end=999), "line 1, field 'end': span 20..999 does not fit the text (73 characters)"),
    (line(label=2), "line 1, field 'label': must be 0 or 1"),
])
def test_read_labels_names_the_file_line_and_field(tmp_path, bad, where):
    path = tmp_path / "labels.jsonl"
    path.write_text(bad + "\n", encoding="utf-8")
    with pytest.raises(InvalidRecord) as info:
        read_labels(path)
    assert str(info.value).startswith(f"{path}, record {where}")
