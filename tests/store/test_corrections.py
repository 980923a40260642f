"""The corrections store: one row per (message span, kind), updated on a second correction — on
SQLite and PostgreSQL; migration 0006 matches the table."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect

from heard.errors import NotFound
from heard.model import Channel, Conversation, Message, Role
from heard.store import conversations, corrections
from heard.store.correction_tables import CorrectionRow

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def conversation_id(sessions) -> int:
    conversation = Conversation(
        source="test", external_id="c1", channel=Channel.chat,
        messages=(Message("m1", Role.customer, "I'm so worried about Saturday."),
                  Message("m2", Role.agent, "That sounds really stressful. Sorry for the delay.")),
    )
    with sessions() as session:
        conversations.import_conversations(session=session, conversations=[conversation])
        session.commit()
        return conversations.find_conversation(session=session, source="test", external_id="c1").id


def save(session, conversation_id, **overrides):
    values = dict(session=session, conversation_id=conversation_id, message_id="m2", verdict="wrong",
                  kind="move.name_feeling", start=0, end=28, evidence="That sounds really stressful", who="coach",
                  detector="name_feeling", detector_version="1", score=0.8, at=T0)
    return corrections.save_correction(**{**values, **overrides})


def test_corrections_migration_creates_the_table(sessions):
    assert "corrections" in set(inspect(sessions.kw["bind"]).get_table_names())


def test_corrections_save_keeps_every_field_in_utc(sessions, conversation_id):
    with sessions() as session:
        row, created = save(session, conversation_id, note="It names the agent's own feeling.")
        session.commit()
        assert created is True
        correction_id = row.id
    with sessions() as session:
        row = corrections.get_correction(session=session, conversation_id=conversation_id, correction_id=correction_id)
        assert (row.message_id, row.verdict, row.kind, row.start, row.end, row.evidence) == (
            "m2", "wrong", "move.name_feeling", 0, 28, "That sounds really stressful")
        assert (row.detector, row.detector_version, row.score, row.who) == ("name_feeling", "1", 0.8, "coach")
        assert row.note == "It names the agent's own feeling."
        assert row.created_at == T0 and row.updated_at == T0 and row.created_at.tzinfo is not None


def test_corrections_same_span_and_kind_twice_updates_rather_than_duplicates(sessions, conversation_id):
    with sessions() as session:
        first, _ = save(session, conversation_id)
        again, created = save(session, conversation_id, note="second thoughts", who="Ana (lead)",
                              at=T0 + timedelta(hours=1))
        session.commit()
        assert created is False and again.id == first.id
        assert session.query(CorrectionRow).count() == 1
        row = corrections.list_corrections(session=session, conversation_id=conversation_id)[0]
        assert (row.note, row.who, row.created_at, row.updated_at) == ("second thoughts", "Ana (lead)", T0,
                                                                       T0 + timedelta(hours=1))
        # another kind on the same words is another correction
        save(session, conversation_id, verdict="missed", kind="move.reflect_concern", detector=None,
             detector_version=None, score=None)
        session.commit()
        assert [r.kind for r in corrections.list_corrections(session=session, conversation_id=conversation_id)] == [
            "move.name_feeling", "move.reflect_concern"]


def test_corrections_get_raises_not_found_and_delete_removes(sessions, conversation_id):
    with sessions() as session:
        row, _ = save(session, conversation_id)
        session.commit()
        with pytest.raises(NotFound, match=f"Conversation {conversation_id} has no correction with id {row.id + 1}"):
            corrections.get_correction(session=session, conversation_id=conversation_id, correction_id=row.id + 1)
        with pytest.raises(NotFound):  # the id exists, but on another conversation
            corrections.get_correction(session=session, conversation_id=conversation_id + 1, correction_id=row.id)
        corrections.delete_correction(session=session, conversation_id=conversation_id, correction_id=row.id)
        session.commit()
        assert corrections.list_corrections(session=session, conversation_id=conversation_id) == []


def test_corrections_iter_labelled_joins_message_and_filters_by_date(sessions, conversation_id):
    with sessions() as session:
        save(session, conversation_id)
        save(session, conversation_id, verdict="missed", kind="emotion.anxiety", message_id="m1", start=6, end=13,
             evidence="worried", detector=None, detector_version=None, score=None, at=T0 + timedelta(days=2))
        save(session, conversation_id, verdict="missed", kind="move.apology", message_id="gone", start=0, end=3,
             evidence="Hey", at=T0 + timedelta(days=3))
        session.commit()
        rows = list(corrections.iter_labelled(session=session))
        assert [(c.kind, m.text if m else None) for c, _, m in rows] == [
            ("move.name_feeling", "That sounds really stressful. Sorry for the delay."),
            ("emotion.anxiety", "I'm so worried about Saturday."),
            ("move.apology", None)]
        assert rows[0][1].external_id == "c1"
        later = list(corrections.iter_labelled(session=session, since=T0 + timedelta(days=1)))
        assert [c.kind for c, _, _ in later] == ["emotion.anxiety", "move.apology"]


def test_corrections_go_with_their_conversation(sessions, conversation_id):
    with sessions() as session:
        save(session, conversation_id)
        session.commit()
        session.delete(conversations.get_conversation(session=session, conversation_id=conversation_id))
        session.commit()
        assert session.query(CorrectionRow).count() == 0


def test_migration_0006_matches_the_corrections_table(sessions):
    """The table Alembic created is the one correction_tables.py describes (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from heard.store.tables import Base

    with sessions.kw["bind"].connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert [d for d in diff if "corrections" in repr(d)] == []


def test_migrations_match_every_table_of_the_store(sessions):
    """Every table module's tables, as the migrations built them: no drift anywhere. The full-text
    index is left out: migration 0003 makes it per dialect, outside the metadata, on purpose."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import heard.store.coach_tables  # noqa: F401  (every table module, so Base.metadata is whole)
    import heard.store.correction_tables  # noqa: F401
    import heard.store.library_tables  # noqa: F401
    from heard.store.tables import Base

    with sessions.kw["bind"].connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert [d for d in diff if "messages_fts" not in repr(d) and "ix_messages_text_fts" not in repr(d)] == []
