"""Corrections as a service: coaches mark findings wrong or words missed; bad input is refused with
the field at fault; corrections come back out as training records. On SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
from datetime import datetime, timezone

import pytest

from heard.analyze.detector import DetectorInfo
from heard.coach.corrections import (
    CorrectionCreate,
    CorrectionError,
    export_labels,
    list_corrections,
    remove_correction,
    training_records,
)
from heard.coach.corrections import correct as _correct
from heard.errors import NotFound
from heard.model import Analysis, Channel, Conversation, Finding, Message, Role, Span
from heard.privacy.roles import NotAllowed, Viewer
from heard.store import analyses, conversations
from heard.store.tables import MessageRow

COACH, LEAD, AGENT = Viewer.parse("coach"), Viewer.parse("lead"), Viewer.parse("agent")
CUSTOMER_TEXT = "I'm so worried about Saturday. Please, please help."
AGENT_TEXT = "That sounds really stressful. Sorry for the delay on our end. Sorry again."


@pytest.fixture
def conversation_id(sessions) -> int:
    """A stored, analysed conversation: a rule finding, and a model finding with its score."""
    conversation = Conversation(
        source="test", external_id="c1", channel=Channel.chat,
        messages=(Message("m1", Role.customer, CUSTOMER_TEXT), Message("m2", Role.agent, AGENT_TEXT)),
    )
    findings = (
        Finding("move.name_feeling", Span("m2", 0, 28), 0.8, "name_feeling", "1", "names a feeling"),
        Finding("move.apology", Span("m2", 30, 61), 0.73, "moves_model", "1", "model: this is an apology (0.73)"),
    )
    with sessions() as session:
        conversations.import_conversations(session=session, conversations=[conversation])
        row = conversations.find_conversation(session=session, source="test", external_id="c1")
        analyses.save_analysis(session=session, row=row, analysis=Analysis(conversation, findings), score=50.0,
                               detectors=[DetectorInfo("name_feeling", "1", ()), DetectorInfo("moves_model", "1", ())])
        session.commit()
        return row.id


def correct(sessions, conversation_id, viewer=COACH, **fields):
    with sessions() as session:
        row, created = _correct(session=session, conversation_id=conversation_id, viewer=viewer,
                                correction_in=CorrectionCreate(**fields))
        session.commit()
        return row, created


def refused(sessions, conversation_id, field, match, **fields) -> CorrectionError:
    with pytest.raises(CorrectionError, match=match) as info:
        correct(sessions, conversation_id, **fields)
    assert info.value.field == field and str(info.value).startswith(f"{field}: ")
    assert info.value.status == 422
    return info.value


# -- the good path ----------------------------------------------------------------------------------
def test_correct_wrong_copies_the_findings_span_detector_and_score(sessions, conversation_id):
    row, created = correct(sessions, conversation_id, verdict="wrong", finding=1, note="Only sympathy.", who="Ana")
    assert created is True
    assert (row.verdict, row.message_id, row.kind, row.start, row.end) == ("wrong", "m2", "move.apology", 30, 61)
    assert row.evidence == "Sorry for the delay on our end."[:31] == AGENT_TEXT[30:61]
    assert (row.detector, row.detector_version, row.score) == ("moves_model", "1", 0.73)
    assert (row.note, row.who) == ("Only sympathy.", "Ana (coach)")
    assert row.created_at.tzinfo is not None


def test_correct_wrong_by_span_instead_of_index(sessions, conversation_id):
    row, _ = correct(sessions, conversation_id, LEAD, verdict="wrong", message_id="m2", kind="move.name_feeling",
                     start=0, end=28)
    assert (row.detector, row.evidence, row.who) == ("name_feeling", "That sounds really stressful", "lead")


def test_correct_the_same_finding_twice_updates(sessions, conversation_id):
    first, _ = correct(sessions, conversation_id, verdict="wrong", finding=0)
    again, created = correct(sessions, conversation_id, verdict="wrong", finding=0, note="changed my mind? no")
    assert created is False and again.id == first.id
    with sessions() as session:
        listed = list_corrections(session=session, conversation_id=conversation_id)
    assert listed.count == 1 and listed.data[0].note == "changed my mind? no"


def test_correct_missed_resolves_the_words_to_offsets(sessions, conversation_id):
    row, _ = correct(sessions, conversation_id, verdict="missed", message_id="m1", kind="emotion.anxiety",
                     words="  so worried  ")
    assert (row.start, row.end, row.evidence, row.detector) == (4, 14, "so worried", None)
    assert CUSTOMER_TEXT[row.start:row.end] == "so worried"


def test_correct_missed_picks_an_occurrence_or_takes_offsets(sessions, conversation_id):
    second, _ = correct(sessions, conversation_id, verdict="missed", message_id="m1", kind="concern.deadline_event",
                        words="lease", occurrence=2)  # exact, case and all: "Please, please"
    assert second.start == CUSTOMER_TEXT.index("please") + 1 and second.evidence == "lease"
    by_offsets, _ = correct(sessions, conversation_id, verdict="missed", message_id="m2", kind="move.apology",
                            start=62, end=74)
    assert by_offsets.evidence == "Sorry again."


# -- bad input: each refused, naming the field ------------------------------------------------------
def test_correct_refuses_an_unknown_kind(sessions, conversation_id):
    refused(sessions, conversation_id, "kind", "unknown kind 'move.empathy'", verdict="missed", message_id="m2",
            kind="move.empathy", words="Sorry again")
    refused(sessions, conversation_id, "kind", "unknown kind 'nope'", verdict="wrong", message_id="m2", kind="nope",
            start=0, end=28)


def test_correct_refuses_a_kind_on_the_wrong_side(sessions, conversation_id):
    refused(sessions, conversation_id, "kind", "move.apology is an agent move, but message 'm1' is the customer's",
            verdict="missed", message_id="m1", kind="move.apology", words="Please")
    refused(sessions, conversation_id, "kind", "customer signal", verdict="missed", message_id="m2",
            kind="emotion.joy", words="Sorry again")


@pytest.mark.parametrize("fields, field, match", [
    ({"start": 0, "end": 500}, "end", r"500 is past the end of message 'm2' \(74 characters\)"),
    ({"start": 80, "end": 90}, "start", "80 is past the end"),
    ({"start": 10, "end": 5}, "end", "must be after start"),
    ({"start": 3}, "end", "give both start and end"),
    ({"start": 0, "end": 5, "words": "Hello"}, "words", "reads 'That ' at 0..5, not 'Hello'"),
])
def test_correct_refuses_offsets_that_do_not_fit(sessions, conversation_id, fields, field, match):
    refused(sessions, conversation_id, field, match, verdict="missed", message_id="m2", kind="move.apology", **fields)


def test_correct_refuses_words_not_in_the_message_or_ambiguous(sessions, conversation_id):
    refused(sessions, conversation_id, "words", "message 'm2' does not contain 'we apologise'",
            verdict="missed", message_id="m2", kind="move.apology", words="we apologise")
    refused(sessions, conversation_id, "words", r"'Sorry' appears 2 times in message 'm2': give occurrence \(1–2\)",
            verdict="missed", message_id="m2", kind="move.apology", words="Sorry")
    refused(sessions, conversation_id, "occurrence", "appears 2 times in message 'm2', not 3",
            verdict="missed", message_id="m2", kind="move.apology", words="Sorry", occurrence=3)
    refused(sessions, conversation_id, "words", "quote the exact words", verdict="missed", message_id="m2",
            kind="move.apology")


def test_correct_refuses_unknown_message_finding_and_conversation(sessions, conversation_id):
    refused(sessions, conversation_id, "message_id", r"has no message 'm9' \(its messages: m1, m2\)",
            verdict="missed", message_id="m9", kind="move.apology", words="Sorry")
    refused(sessions, conversation_id, "finding", r"has no finding 7 \(it has 2: 0–1\)", verdict="wrong", finding=7)
    refused(sessions, conversation_id, "finding", "no move.apology finding at 0..5", verdict="wrong", message_id="m2",
            kind="move.apology", start=0, end=5)
    refused(sessions, conversation_id, "kind", "finding 0 has kind 'move.name_feeling', not 'move.apology'",
            verdict="wrong", finding=0, kind="move.apology")
    refused(sessions, conversation_id, "finding", "say which finding", verdict="wrong")
    with pytest.raises(NotFound, match=f"No conversation with id {conversation_id + 99}"):
        correct(sessions, conversation_id + 99, verdict="wrong", finding=0)


def test_correct_is_for_coaches_and_leads_only(sessions, conversation_id):
    with pytest.raises(NotAllowed, match="Only coaches and leads may correct findings; you are viewing as agent"):
        correct(sessions, conversation_id, AGENT, verdict="wrong", finding=0)
    row, _ = correct(sessions, conversation_id, verdict="wrong", finding=0)
    with sessions() as session, pytest.raises(NotAllowed):
        remove_correction(session=session, conversation_id=conversation_id, correction_id=row.id, viewer=AGENT)
    with sessions() as session:
        remove_correction(session=session, conversation_id=conversation_id, correction_id=row.id, viewer=LEAD)
        session.commit()
        assert list_corrections(session=session, conversation_id=conversation_id).count == 0


# -- training data ----------------------------------------------------------------------------------
def test_training_records_label_missed_1_and_wrong_0(sessions, conversation_id):
    correct(sessions, conversation_id, verdict="wrong", finding=1, note="sympathy")
    correct(sessions, conversation_id, verdict="missed", message_id="m1", kind="emotion.anxiety", words="so worried")
    out = io.StringIO()
    with sessions() as session:
        result = export_labels(session=session, out=out)
    assert result.written == 2 and result.skipped == []
    wrong, missed = [json.loads(line) for line in out.getvalue().splitlines()]
    assert wrong["text"][wrong["start"]:wrong["end"]] == AGENT_TEXT[30:61]
    assert {k: wrong[k] for k in ("role", "kind", "label", "detector", "detector_version", "conversation", "message",
                                  "note")} == {
        "role": "agent", "kind": "move.apology", "label": 0, "detector": "moves_model", "detector_version": "1",
        "conversation": "c1", "message": "m2", "note": "sympathy"}
    assert (missed["label"], missed["kind"], missed["text"], missed["start"], missed["end"]) == (
        1, "emotion.anxiety", CUSTOMER_TEXT, 4, 14)
    assert missed["detector"] is None and datetime.fromisoformat(missed["created_at"]).tzinfo is not None


def test_training_records_follow_an_edited_message_or_skip_it(sessions, conversation_id):
    correct(sessions, conversation_id, verdict="missed", message_id="m1", kind="emotion.anxiety", words="so worried")
    correct(sessions, conversation_id, verdict="wrong", finding=0)
    with sessions() as session:  # the messages change after the corrections were made
        for m in session.query(MessageRow).filter_by(conversation_id=conversation_id):
            m.text = "Hi! " + m.text if m.external_id == "m1" else "Hello there."
        session.commit()
    with sessions() as session:
        from heard.coach.corrections import ExportResult

        result = ExportResult()
        records = list(training_records(session=session, result=result))
    assert [(r["kind"], r["start"], r["text"][r["start"]:r["end"]]) for r in records] == [
        ("emotion.anxiety", 8, "so worried")]
    assert len(result.skipped) == 1 and "'That sounds really stressful' is no longer in it" in result.skipped[0]


def test_training_records_since(sessions, conversation_id):
    correct(sessions, conversation_id, verdict="wrong", finding=0)
    with sessions() as session:
        future = datetime(2100, 1, 1, tzinfo=timezone.utc)
        assert list(training_records(session=session, since=future)) == []
        assert len(list(training_records(session=session, since=datetime(2000, 1, 1, tzinfo=timezone.utc)))) == 1
