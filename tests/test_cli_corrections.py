"""`heard export-labels` (coaches' corrections as training data) and `heard eval`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from heard.analyze.detector import DetectorInfo
from heard.cli import app
from heard.coach.corrections import CorrectionCreate, correct
from heard.model import Analysis, Channel, Conversation, Finding, Message, Role, Span
from heard.privacy.roles import Viewer
from heard.store import analyses, conversations
from heard.store.db import open_store

runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "200"})
TINY_LABELS = Path(__file__).parent / "data" / "labels" / "tiny_fixture.jsonl"
AGENT_TEXT = "Sorry you feel that way. I'll refund it myself today."


def invoke(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture
def corrected_db(tmp_path) -> str:
    """A store with one conversation, two findings and two corrections (one wrong, one missed)."""
    url = f"sqlite:///{tmp_path}/h.db"
    sessions = open_store(url)
    conversation = Conversation(source="zendesk", external_id="T-1", channel=Channel.email, messages=(
        Message("a", Role.customer, "Charged twice — I'm furious."), Message("b", Role.agent, AGENT_TEXT)))
    with sessions() as session:
        conversations.import_conversations(session=session, conversations=[conversation])
        row = conversations.find_conversation(session=session, source="zendesk", external_id="T-1")
        findings = (Finding("move.apology", Span("b", 0, 23), 0.55, "moves_model", "1", "model: an apology (0.55)"),)
        analyses.save_analysis(session=session, row=row, analysis=Analysis(conversation, findings), score=10.0,
                               detectors=[DetectorInfo("moves_model", "1", ())])
        coach = Viewer.parse("coach")
        correct(session=session, conversation_id=row.id, viewer=coach, correction_in=CorrectionCreate(
            verdict="wrong", finding=0, note="a non-apology", who="Ana"))
        correct(session=session, conversation_id=row.id, viewer=coach, correction_in=CorrectionCreate(
            verdict="missed", message_id="b", kind="move.ownership", words="I'll refund it myself today"))
        session.commit()
    sessions.kw["bind"].dispose()
    return url


def test_export_labels_writes_one_training_line_per_correction(corrected_db, tmp_path):
    out = tmp_path / "labels.jsonl"
    result = invoke("export-labels", "--out", out, "--database-url", corrected_db)
    assert result.exit_code == 0, result.output
    assert f"2 labels written to {out}." in result.output
    wrong, missed = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert set(wrong) >= {"text", "role", "kind", "start", "end", "label", "detector", "detector_version",
                          "conversation", "message", "note", "created_at"}
    assert (wrong["label"], wrong["kind"], wrong["text"][wrong["start"]:wrong["end"]]) == (
        0, "move.apology", "Sorry you feel that way")
    assert (wrong["detector"], wrong["detector_version"], wrong["note"], wrong["role"]) == (
        "moves_model", "1", "a non-apology", "agent")
    assert (wrong["conversation"], wrong["source"], wrong["message"]) == ("T-1", "zendesk", "b")
    assert (missed["label"], missed["kind"], missed["text"][missed["start"]:missed["end"]], missed["detector"]) == (
        1, "move.ownership", "I'll refund it myself today", None)
    assert missed["text"] == AGENT_TEXT


def test_export_labels_to_standard_output_and_since(corrected_db):
    result = invoke("export-labels", "--database-url", corrected_db)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["label"] for line in lines] == [0, 1]
    later = invoke("export-labels", "--since", "2999-01-01", "--database-url", corrected_db)
    assert later.exit_code == 0 and later.stdout == "" and "0 labels written to standard output." in later.output


@pytest.mark.parametrize("args, words", [
    (("--since", "last week"), "'last week' is not a date"),
    (("--format", "csv"), "'csv': only jsonl is written"),
])
def test_export_labels_refuses_bad_options(corrected_db, args, words):
    result = invoke("export-labels", *args, "--database-url", corrected_db)
    assert result.exit_code == 2
    assert words in result.output


# -- heard eval -------------------------------------------------------------------------------------
def test_eval_prints_the_tables_for_a_tiny_labels_file(tmp_path):
    result = invoke("eval", tmp_path, "--labels", TINY_LABELS)
    assert result.exit_code == 0, result.output
    assert "# heard eval — per-kind precision / recall / F1" in result.stdout
    assert "labels tiny_fixture.jsonl — agent moves (n=2)" in result.stdout
    assert "customer emotion (primary label) (n=3)" in result.stdout
    assert "macro-F1" in result.stdout and "ECE" in result.stdout
    for split in ("goemotions", "esconv", "epitome"):
        assert f"## {split}: skipped — its files are not under {tmp_path}" in result.stdout


def test_eval_only_the_labels_split_needs_no_shared_folder(tmp_path):
    result = invoke("eval", tmp_path / "nowhere", "--labels", TINY_LABELS, "--split", "support")
    assert result.exit_code == 0, result.output
    assert "agent moves (n=2)" in result.stdout and "skipped" not in result.stdout


def test_eval_missing_shared_folder_is_a_clear_error(tmp_path, monkeypatch):
    missing = tmp_path / "no-such-folder"
    result = invoke("eval", missing)
    assert result.exit_code == 2
    assert f"the shared data folder {missing} does not exist" in " ".join(result.output.split())
    monkeypatch.setenv("HEARD_SHARED_DATA", str(tmp_path / "from-env"))
    from_env = invoke("eval")
    assert from_env.exit_code == 2 and "from-env does not exist" in " ".join(from_env.output.split())


def test_eval_offers_every_split_the_evaluation_knows():
    from heard.cli import EVAL_SPLITS
    from heard.learn.evaluate import SPLITS

    assert EVAL_SPLITS == SPLITS


def test_eval_refuses_an_unknown_split(tmp_path):
    result = invoke("eval", tmp_path, "--split", "nope")
    assert result.exit_code == 2
    assert "unknown split 'nope'" in result.output


def test_export_labels_format_is_documented_field_by_field(corrected_db):
    """docs/models/corrections.md lists exactly the fields a label line has."""
    import re

    docs = (Path(__file__).parents[1] / "docs" / "models" / "corrections.md").read_text(encoding="utf-8")
    section = docs.split("## `heard export-labels`", 1)[1].split("\n## ", 1)[0]
    documented = {name for row in re.findall(r"^\| (`[^|]+) \|", section, re.M) for name in re.findall(r"`(\w+)`", row)}
    result = invoke("export-labels", "--database-url", corrected_db)
    written = {key for line in result.stdout.splitlines() for key in json.loads(line)}
    assert documented == written


def test_export_labels_reads_back_as_sentence_examples(corrected_db, tmp_path):
    from heard.learn.labels import read_labels

    out = tmp_path / "labels.jsonl"
    assert invoke("export-labels", "-o", out, "--database-url", corrected_db).exit_code == 0
    assert [(e.sentence, e.kind, e.label) for e in read_labels(out)] == [
        ("Sorry you feel that way.", "move.apology", 0), ("I'll refund it myself today.", "move.ownership", 1)]
