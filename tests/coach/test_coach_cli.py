"""`heard practice`, `heard feedback list|add` and `heard debrief patterns|order`, through Typer's CliRunner."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from heard.cli import app
from heard.store import conversations
from heard.store.db import open_store

runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "200"})


def invoke(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture
def db(data_dir, tmp_path) -> str:
    url = f"sqlite:///{tmp_path}/h.db"
    result = invoke("import", data_dir / "web" / "conversations.jsonl", "--database-url", url, "--report", tmp_path / "r.json")
    assert result.exit_code == 0, result.output
    return url


def conversation_id(url: str, external_id: str) -> int:
    sessions = open_store(url)
    with sessions() as session:
        return conversations.find_conversation(session=session, source="webtest", external_id=external_id).id


def test_practice_reads_replies_from_stdin_and_ends_on_the_side_by_side(db):
    cid = conversation_id(db, "gift-1")
    replies = [
        "That sounds really stressful. I'll personally make sure it gets there: I can reship overnight today, "
        "or refund you now — which works better?",
        "As I already said, per our policy there's nothing we can do.",
        "I'm sorry for the delay on our end. I'll personally make sure it arrives by Friday.",
    ]
    result = invoke("practice", cid, "--trainee", "Robin", "--database-url", db, input="\n".join(replies) + "\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "My son's birthday is on Saturday" in out  # the real customer's first turn
    assert "✓ move.name_feeling  “That sounds really stressful”" in out
    assert "The customer calms down" in out and "+2 move.name_feeling: You named how the customer feels" in out
    assert "Reship please. Thank you so much" in out  # the next real turn
    assert "⚠ move.defensive" in out and "The customer gets more upset" in out
    assert "Customer — reaction to your reply" in out
    assert "Practice complete." in out
    assert "Side by side" in out and "Real outcome: resolved, CSAT 5/5" in out


def test_practice_stops_when_the_customer_leaves(db):
    cid = conversation_id(db, "bill-2")
    rude = "As I already said, you should have read the terms. We're sorry you feel that way."
    result = invoke("practice", cid, "--database-url", db, input=(rude + "\n") * 4)
    assert result.exit_code == 0, result.output
    assert "The customer left." in result.output and "Forget it." in result.output


def test_practice_names_an_unknown_conversation(db):
    result = invoke("practice", 999, "--database-url", db, input="hi\n")
    assert result.exit_code != 0
    assert "No conversation with id 999" in str(result.exception)


def test_feedback_list_shows_what_an_agent_received(db):
    from heard.analyze.scorecard import Scorecard
    from heard.coach.feedback import FeedbackCreate, create_feedback

    sessions = open_store(db)
    with sessions() as session:
        create_feedback(session=session, scorecard=Scorecard.load(), feedback_in=FeedbackCreate.model_validate({
            "conversation_id": conversation_id(db, "bill-2"), "coach": "Ana", "summary": "Next time, offer a path.",
            "items": [{"item": "defensive", "rating": "work_on", "note": "Policy without an alternative.",
                       "message_id": "2", "start": 0, "end": 17}]}))
        session.commit()
    result = invoke("feedback", "list", "--agent", "Alex Kim", "--database-url", db)
    assert result.exit_code == 0, result.output
    assert "for Alex Kim from Ana" in result.output
    assert "Policy without an alternative." in result.output and "“As I already said”" in result.output
    assert "Work on" in result.output and "Next time, offer a path." in result.output
    nobody = invoke("feedback", "list", "--agent", "Sam Lee", "--database-url", db)
    assert nobody.exit_code == 0 and "No feedback for Sam Lee yet." in nobody.output


def test_debrief_patterns_counts_moves_and_misses(db):
    from heard.coach.debrief import DebriefCreate, create_debrief
    from heard.coach.practice import default_analyzer

    empty = invoke("debrief", "patterns", "--database-url", db)
    assert empty.exit_code == 0 and "No debriefs yet." in empty.output
    sessions = open_store(db)
    with sessions() as session:
        create_debrief(session=session, analyzer=default_analyzer(), debrief_in=DebriefCreate.model_validate({
            "title": "Escalation", "entries": [
                {"participant": "Sam", "worked": "Offering two options helped.", "felt_off": "I got defensive."},
                {"participant": "Jo", "picked_moves": ["move.offer_choices"], "picked_misses": ["move.generic"]}]}))
        session.commit()
    result = invoke("debrief", "patterns", "--database-url", db)
    assert result.exit_code == 0, result.output
    assert "Patterns across 1 debrief:" in result.output
    rows = [" ".join(line.replace("│", " ").split()) for line in result.output.splitlines()]
    assert rows.index("Most-mentioned moves") < rows.index("move.offer_choices 2 " + "█" * 20)
    assert rows.index("Most-mentioned misses") < rows.index("move.defensive 1 " + "█" * 20)
    assert "move.generic 1 " + "█" * 20 in rows


def test_practice_on_a_case_file(db):
    from heard.store import case_files

    sessions = open_store(db)
    with sessions() as session:
        row = case_files.create_case_file(session=session, conversation_id=conversation_id(db, "call-3"), title="Line drops")
        session.commit()
        case_file_id = row.id
    result = invoke("practice", "--case-file", case_file_id, "--database-url", db,
                    input="That sounds exhausting. I'll stay with you until we find the cause.\n" * 3)
    assert result.exit_code == 0, result.output
    assert "My internet keeps dropping every evening" in result.output and "Side by side" in result.output
    both = invoke("practice", conversation_id(db, "call-3"), "--case-file", case_file_id, "--database-url", db)
    assert both.exit_code == 2 and "one of them" in both.output
    missing = invoke("practice", "--case-file", 999, "--database-url", db)
    assert missing.exit_code != 0 and "No case file with id 999" in str(missing.exception)


def test_feedback_add_saves_lines_and_names_a_bad_field(db):
    cid = conversation_id(db, "gift-1")
    saved = invoke("feedback", "add", cid, "--coach", "Ana", "--item", "name_feeling:strength:Named the stress first.",
                   "--item", "invite_more:work_on:Ask what else matters about Saturday.", "--summary", "Warm and clear.",
                   "--database-url", db)
    assert saved.exit_code == 0, saved.output
    assert "for Sam Lee saved: /feedback/" in saved.output
    listed = invoke("feedback", "list", "--agent", "Sam Lee", "--database-url", db)
    assert "Named the stress first." in listed.output and "Ask what else matters about Saturday." in listed.output
    bad_rating = invoke("feedback", "add", cid, "--coach", "Ana", "--item", "name_feeling:great", "--database-url", db)
    assert bad_rating.exit_code == 2 and "items.0.rating" in bad_rating.output
    bad_line = invoke("feedback", "add", cid, "--coach", "Ana", "--item", "charm:strength", "--database-url", db)
    assert bad_line.exit_code != 0 and "items.0.item: 'charm' is not a line of the rubric" in str(bad_line.exception)


def test_debrief_order_puts_quiet_voices_first(db):
    from heard.coach.debrief import DebriefCreate, create_debrief
    from heard.coach.practice import default_analyzer

    sessions = open_store(db)
    with sessions() as session:
        create_debrief(session=session, analyzer=default_analyzer(), debrief_in=DebriefCreate.model_validate({
            "title": "Outage", "entries": [
                {"participant": "Alex", "worked": "I explained the outage in plain words to every caller who asked."},
                {"participant": "Jo", "worked": "Quick updates."}]}))
        session.commit()
    result = invoke("debrief", "order", "Alex", "Jo", "Kai", "--database-url", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split(" ")[1] for line in lines[:3]] == ["Kai", "Jo", "Alex"]
    assert lines[0].startswith("1. Kai (0 words") and "What worked: Start with something that worked" in result.output
