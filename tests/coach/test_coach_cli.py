"""`heard practice`, `heard feedback list` and `heard debrief patterns`, through Typer's CliRunner."""

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
