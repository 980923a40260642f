"""Hand labels on STC-3 turns, read, checked and joined to their text for training."""

from __future__ import annotations

import json

import pytest

from heard.errors import InvalidRecord, MissingRequirement
from heard.learn import annotations
from heard.learn.annotations import (
    Annotation,
    joined,
    labelled_sentences,
    read_annotations,
)

TEXT = "I was charged twice for one order. I called you three times already. Fix it."


def record(**overrides) -> str:
    base = {"source_id": "D1#0", "labels": ["concern.money"], "spans": {"concern.money": [6, 20]},
            "emotion": "frustration", "intensity": 2}
    return json.dumps({**base, **overrides})


def write(tmp_path, *lines: str):
    path = tmp_path / "stc3_customer.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def shared_with(tmp_path, turns):
    folder = tmp_path / "shared"
    (folder / "stc3").mkdir(parents=True)
    dialogue = {"id": "D1", "turns": [{"sender": s, "utterances": u} for s, u in turns], "annotations": []}
    (folder / "stc3" / "train_data_en.json").write_text(json.dumps([dialogue]), encoding="utf-8")
    return folder


def test_read_annotations_keeps_labels_spans_and_emotion(tmp_path):
    [a] = read_annotations(write(tmp_path, record()), "customer")
    assert a == Annotation("D1#0", frozenset({"concern.money"}), {"concern.money": (6, 20)}, "frustration", 2)
    assert a.dialogue == "D1"


@pytest.mark.parametrize("bad, where", [
    ("{nope", "record line 1: not valid JSON"),
    ("[1]", "record line 1: expected a JSON object"),
    (record(source_id="D1"), "field 'source_id'"),
    (record(labels="concern.money"), "field 'labels': must be a list"),
    (record(labels=["move.apology"], spans={}), "field 'labels': unknown customer kind(s) move.apology"),
    (record(spans={"risk.churn": [0, 4]}), "field 'spans'"),
    (record(spans={"concern.money": [9, 3]}), "field 'spans': concern.money: must be [start, end]"),
    (record(emotion="rage"), "field 'emotion'"),
    (record(emotion="neutral", intensity=2), "field 'intensity'"),
    (record(intensity=None), "field 'intensity'"),
])
def test_a_bad_record_names_the_file_line_and_field(tmp_path, bad, where):
    path = write(tmp_path, record(), bad)
    with pytest.raises(InvalidRecord) as e:
        read_annotations(path, "customer")
    assert str(path) in str(e.value) and where.replace("line 1", "line 2") in str(e.value)


def test_agent_records_take_moves_and_no_emotion(tmp_path):
    path = write(tmp_path, json.dumps({"source_id": "D1#1", "labels": ["move.apology"], "spans": {}}))
    [a] = read_annotations(path, "agent")
    assert a.labels == {"move.apology"} and a.emotion is None


def test_joined_reads_the_text_from_the_release_and_labels_sentences(tmp_path, monkeypatch):
    shared = shared_with(tmp_path, [("customer", ["I was charged twice for one order.", "",
                                                  "I called you three times already. Fix it."])])
    monkeypatch.setattr(annotations, "FOLDER", tmp_path)
    write(tmp_path, record())
    pairs = joined(shared, "customer")
    assert pairs[0][1] == TEXT
    assert labelled_sentences(pairs) == [({"concern.money"}, "I was charged twice for one order."),
                                         (set(), "I called you three times already."), (set(), "Fix it.")]


def test_a_label_without_a_span_marks_every_sentence(tmp_path):
    a = Annotation("D1#0", frozenset({"concern.repeat_contact"}))
    assert [k for k, _ in labelled_sentences([(a, TEXT)])] == [{"concern.repeat_contact"}] * 3


@pytest.mark.parametrize("bad, reason", [
    (record(source_id="D2#0"), "no such turn in the STC-3 release"),
    (record(spans={"concern.money": [6, 999]}), "span ends past the turn's"),
])
def test_joined_names_a_record_that_does_not_fit_the_release(tmp_path, monkeypatch, bad, reason):
    shared = shared_with(tmp_path, [("customer", [TEXT])])
    monkeypatch.setattr(annotations, "FOLDER", tmp_path)
    write(tmp_path, bad)
    with pytest.raises(InvalidRecord, match=reason):
        joined(shared, "customer")


def test_joined_names_the_missing_release(tmp_path):
    with pytest.raises(MissingRequirement, match="the STC-3 release is not at"):
        joined(tmp_path, "customer")


@pytest.mark.parametrize("role", ["customer", "agent"])
def test_the_shipped_annotation_files_are_valid(role):
    assert read_annotations(annotations.path_for(role), role)


def test_no_annotated_turn_shares_a_dialogue_with_an_evaluated_turn_of_its_role():
    """A dialogue whose customer turns are evaluated may lend its agent turns to training, and the
    other way round; never the same role."""
    from pathlib import Path
    labels = Path(__file__).resolve().parents[1] / "data" / "labels"
    evaluated = {(r["role"], r["source_id"].split("#")[0]) for path in labels.glob("*.jsonl")
                 for r in map(json.loads, filter(str.strip, path.read_text(encoding="utf-8").splitlines()))
                 if r["source"].startswith("stc3")}
    trained = {(role, a.dialogue) for role in ("customer", "agent") for a in read_annotations(annotations.path_for(role), role)}
    assert evaluated and trained and not evaluated & trained

