"""The coaching store: practice attempts and turns, feedback, debriefs — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect

from heard.errors import NotFound
from heard.model import Channel, Conversation, Message, Role
from heard.store import coaching, conversations

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def conversation_id(sessions) -> int:
    conversation = Conversation(
        source="test", external_id="c1", channel=Channel.chat, agent="Sam Lee",
        messages=(Message("m1", Role.customer, "I'm so worried about Saturday."),
                  Message("m2", Role.agent, "That sounds really stressful.")),
    )
    with sessions() as session:
        conversations.import_conversations(session=session, conversations=[conversation])
        session.commit()
        return conversations.find_conversation(session=session, source="test", external_id="c1").id


def test_migration_creates_the_coaching_tables(sessions):
    names = set(inspect(sessions.kw["bind"]).get_table_names())
    assert {"practice_attempts", "practice_turns", "feedback", "feedback_items", "debriefs", "debrief_entries"} <= names


def test_attempt_keeps_its_turns_in_order_with_findings(sessions, conversation_id):
    with sessions() as session:
        attempt = coaching.create_attempt(session=session, conversation_id=conversation_id, trainee="Robin", calm=3,
                                          started_at=T0)
        first = coaching.add_practice_turn(session=session, attempt=attempt, real_turn=0, source="real",
                                           customer_text="I'm so worried about Saturday.", why="first turn")
        first.reply = "That sounds really stressful."
        first.findings = [{"kind": "move.name_feeling", "start": 0, "end": 28, "evidence": "That sounds really stressful",
                           "score": 0.9, "rationale": "names a feeling"}]
        first.changes = [{"kind": "move.name_feeling", "delta": 2, "reason": "named"}]
        first.calm_before, first.calm_after, first.score = 3, 5, 18.8
        coaching.add_practice_turn(session=session, attempt=attempt, real_turn=0, source="reaction",
                                   customer_text="And?")
        session.commit()
        attempt_id = attempt.id
    with sessions() as session:
        attempt = coaching.get_attempt(session=session, attempt_id=attempt_id)
        assert attempt.started_at == T0 and attempt.status == "open" and attempt.calm == 3
        assert [(t.position, t.source, t.customer_text) for t in attempt.turns] == [
            (0, "real", "I'm so worried about Saturday."), (1, "reaction", "And?")]
        assert attempt.turns[0].findings[0]["evidence"] == "That sounds really stressful"
        assert attempt.turns[0].changes == [{"kind": "move.name_feeling", "delta": 2, "reason": "named"}]
        assert attempt.turns[1].reply is None and attempt.turns[1].findings == []


def test_list_attempts_reads_oldest_first_and_filters(sessions, conversation_id):
    with sessions() as session:
        for i, trainee in enumerate(["Robin", "Sky", "Robin"]):
            coaching.create_attempt(session=session, conversation_id=conversation_id, trainee=trainee, calm=5,
                                    started_at=T0 + timedelta(days=i))
        session.commit()
        robin = coaching.list_attempts(session=session, trainee="Robin")
        assert [a.started_at for a in robin] == [T0, T0 + timedelta(days=2)]
        assert len(coaching.list_attempts(session=session, conversation_id=conversation_id)) == 3
        assert coaching.list_attempts(session=session, conversation_id=conversation_id + 1) == []


def test_get_attempt_raises_not_found(sessions):
    with sessions() as session, pytest.raises(NotFound, match="No practice attempt with id 42"):
        coaching.get_attempt(session=session, attempt_id=42)


def test_feedback_items_keep_notes_and_spans_and_list_by_agent(sessions, conversation_id):
    with sessions() as session:
        feedback = coaching.create_feedback(session=session, conversation_id=conversation_id, agent="Sam Lee",
                                            coach="Ana", summary="Warm and clear.", created_at=T0)
        coaching.add_feedback_item(session=session, feedback=feedback, item="name_feeling",
                                   label="Named the customer's feeling", rating="strength", note="Spot on.",
                                   message_id="m2", start=0, end=28)
        coaching.add_feedback_item(session=session, feedback=feedback, item="offer_choices", label="Offered choices",
                                   rating="work_on", note="Offer two paths next time.")
        coaching.create_feedback(session=session, conversation_id=conversation_id, agent="Jo Park", coach="Ana",
                                 created_at=T0 + timedelta(hours=1))
        session.commit()
        feedback_id = feedback.id
    with sessions() as session:
        sam = coaching.list_feedback(session=session, agent="Sam Lee")
        assert [f.id for f in sam] == [feedback_id]
        items = sam[0].items
        assert [(i.item, i.rating, i.note, i.message_id, i.start, i.end) for i in items] == [
            ("name_feeling", "strength", "Spot on.", "m2", 0, 28),
            ("offer_choices", "work_on", "Offer two paths next time.", None, None, None)]
        assert [f.agent for f in coaching.list_feedback(session=session)] == ["Jo Park", "Sam Lee"]  # newest first
        with pytest.raises(NotFound):
            coaching.get_feedback(session=session, feedback_id=feedback_id + 100)


def test_debrief_entries_and_words_in_the_last_debriefs(sessions, conversation_id):
    with sessions() as session:
        for day, words in enumerate([{"Sam": 50, "Jo": 5}, {"Sam": 40, "Kai": 10}, {"Jo": 3, "Kai": 1}]):
            debrief = coaching.create_debrief(session=session, title=f"Debrief {day}", conversation_id=conversation_id,
                                              held_at=T0 + timedelta(days=day))
            for name, count in words.items():
                coaching.add_debrief_entry(session=session, debrief=debrief, participant=name, worked="w",
                                           words=count, picked_moves=["move.name_feeling"], found_misses=["move.generic"])
        session.commit()
    with sessions() as session:
        assert coaching.words_by_participant(session=session, last=2) == {"Sam": 40, "Kai": 11, "Jo": 3}
        assert coaching.words_by_participant(session=session, last=10) == {"Sam": 90, "Kai": 11, "Jo": 8}
        latest = coaching.list_debriefs(session=session)[0]
        assert latest.title == "Debrief 2" and [e.participant for e in latest.entries] == ["Jo", "Kai"]
        assert latest.entries[0].picked_moves == ["move.name_feeling"] and latest.entries[0].found_misses == ["move.generic"]
        again = coaching.get_debrief(session=session, debrief_id=latest.id)
        assert again.conversation_id == conversation_id


def test_deleting_a_conversation_removes_its_attempts_and_feedback(sessions, conversation_id):
    from heard.store.coach_tables import FeedbackRow, PracticeAttemptRow

    with sessions() as session:
        attempt = coaching.create_attempt(session=session, conversation_id=conversation_id, trainee="Robin", calm=5)
        coaching.add_practice_turn(session=session, attempt=attempt, real_turn=0, source="real", customer_text="Hi")
        coaching.create_feedback(session=session, conversation_id=conversation_id, agent="Sam", coach="Ana")
        session.commit()
        session.delete(conversations.get_conversation(session=session, conversation_id=conversation_id))
        session.commit()
        assert session.query(PracticeAttemptRow).count() == 0 and session.query(FeedbackRow).count() == 0


def test_migration_0004_matches_the_coaching_tables(sessions):
    """The tables Alembic created are the ones coach_tables.py describes (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from heard.store import coach_tables
    from heard.store.tables import Base

    mine = {t.name for t in Base.metadata.sorted_tables if t.name in {
        coach_tables.PracticeAttemptRow.__tablename__, coach_tables.PracticeTurnRow.__tablename__,
        coach_tables.FeedbackRow.__tablename__, coach_tables.FeedbackItemRow.__tablename__,
        coach_tables.DebriefRow.__tablename__, coach_tables.DebriefEntryRow.__tablename__}}
    with sessions.kw["bind"].connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        diff = compare_metadata(context, Base.metadata)

    def table_of(change) -> str | None:
        op = change[0] if isinstance(change, list) else change
        for part in op[1:]:
            name = getattr(part, "name", None) if not isinstance(part, str) else None
            table = getattr(part, "table", None)
            if table is not None:
                return table.name
            if isinstance(part, str) and part in mine:
                return part
            if name in mine:
                return name
        return None

    assert [d for d in diff if table_of(d) in mine] == []
