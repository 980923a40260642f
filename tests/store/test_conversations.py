from dataclasses import replace

import pytest

from heard.errors import NotFound
from heard.model import Channel, Message, Role
from heard.store.conversations import (
    ConversationFilters,
    find_conversation,
    get_conversation,
    import_conversations,
    list_conversations,
    to_model,
)


def test_import_conversations_round_trips_every_field(sessions, make_conversation):
    conversation = make_conversation(customer="Where is my parcel? 📦", agent="I'll check now.")
    conversation = replace(conversation, subject="Parcel", customer="Zoë Ångström", agent="Sam", queue="orders",
                           outcome="resolved", satisfaction=5, tags=("shipping", "vip"),
                           started_at=conversation.messages[0].sent_at)
    with sessions() as session:
        counts = import_conversations(session=session, conversations=[conversation])
        session.commit()
    assert (counts.created, counts.messages_added) == (1, 2)
    with sessions() as session:
        row = find_conversation(session=session, source="test", external_id="c1")
        assert to_model(row) == conversation


def test_import_conversations_twice_changes_nothing(sessions, make_conversation):
    conversation = make_conversation(customer="Hello", agent="Hi")
    for expected in ("created", "unchanged"):
        with sessions() as session:
            counts = import_conversations(session=session, conversations=[conversation])
            session.commit()
        assert getattr(counts, expected) == 1
    with sessions() as session:
        rows, total = list_conversations(session=session)
        assert total == 1 and len(rows[0].messages) == 2


def test_import_conversations_adds_new_messages_of_a_grown_conversation(sessions, make_conversation):
    first = make_conversation(customer="Hello", agent="Hi")
    grown = replace(first, messages=first.messages + (Message(id="m3", role=Role.customer, text="Thanks!"),))
    with sessions() as session:
        import_conversations(session=session, conversations=[first])
        session.commit()
    with sessions() as session:
        counts = import_conversations(session=session, conversations=[grown])
        session.commit()
    assert (counts.updated, counts.messages_added) == (1, 1)
    with sessions() as session:
        row = find_conversation(session=session, source="test", external_id="c1")
        assert [m.text for m in to_model(row).messages] == ["Hello", "Hi", "Thanks!"]
        assert row.analyzed_at is None


def test_import_conversations_merges_a_key_repeated_in_one_batch(sessions, make_conversation):
    part_one = make_conversation(customer="Hello")
    part_two = replace(part_one, messages=(Message(id="m2", role=Role.agent, text="Hi"),))
    with sessions() as session:
        counts = import_conversations(session=session, conversations=[part_one, part_two])
        session.commit()
        row = find_conversation(session=session, source="test", external_id="c1")
        assert counts.created == 1 and [m.text for m in to_model(row).messages] == ["Hello", "Hi"]


def test_get_conversation_raises_not_found(sessions):
    with sessions() as session, pytest.raises(NotFound):
        get_conversation(session=session, conversation_id=999)


def test_list_conversations_filters_and_sorts(sessions, make_conversation):
    base = make_conversation(customer="Hello")
    conversations = [replace(base, external_id=str(i), channel=Channel(ch), agent=agent)
                     for i, (ch, agent) in enumerate([("chat", "Sam"), ("email", "Ana"), ("chat", "Ana")])]
    with sessions() as session:
        import_conversations(session=session, conversations=conversations)
        session.commit()
        rows, total = list_conversations(session=session, filters=ConversationFilters(channel="chat", agent="Ana"))
        assert total == 1 and rows[0].external_id == "2"
        with pytest.raises(ValueError, match="unknown sort"):
            list_conversations(session=session, sort="sideways")


def test_to_model_gives_each_message_its_sender_offset_back(sessions, make_conversation):
    from datetime import datetime, timedelta, timezone

    eastern = timezone(timedelta(hours=-5))
    conversation = make_conversation(customer="By 3 pm please")
    local = datetime(2026, 3, 4, 17, 48, tzinfo=eastern)
    conversation = replace(conversation, messages=(replace(conversation.messages[0], sent_at=local),))
    with sessions() as session:
        import_conversations(session=session, conversations=[conversation])
        session.commit()
    with sessions() as session:
        sent = to_model(find_conversation(session=session, source="test", external_id="c1")).messages[0].sent_at
    assert sent == local and sent.utcoffset() == timedelta(hours=-5)


def test_new_and_merged_messages_store_the_same_times(sessions, make_conversation):
    """A new conversation's messages go to the driver's executemany, a grown conversation's new
    messages through the ORM: both must store the same UTC time and sender offset."""
    from datetime import datetime, timedelta, timezone

    from sqlalchemy import text

    times = [None, datetime(2026, 3, 4, 17, 48, 5, 120, tzinfo=timezone(timedelta(hours=-5))),
             datetime(2026, 3, 4, 17, 48, tzinfo=timezone.utc), datetime(2026, 3, 4, 17, 48, 59, 999_999),
             datetime(2026, 3, 4, 23, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))]
    base = make_conversation(customer="Hello")
    first = replace(base, messages=tuple(Message(id=f"a{i}", role=Role.customer, text="x", sent_at=t)
                                         for i, t in enumerate(times)))
    grown = replace(first, messages=first.messages + tuple(Message(id=f"b{i}", role=Role.agent, text="y", sent_at=t)
                                                           for i, t in enumerate(times)))
    for conversation in (first, grown):
        with sessions() as session:
            import_conversations(session=session, conversations=[conversation])
            session.commit()
    with sessions() as session:
        stored = {external_id: (sent_at, offset) for external_id, sent_at, offset in session.execute(
            text("SELECT external_id, sent_at, utc_offset FROM messages"))}
        model = to_model(find_conversation(session=session, source="test", external_id="c1"))
    assert [stored[f"a{i}"] for i in range(len(times))] == [stored[f"b{i}"] for i in range(len(times))]
    as_utc = [t if t is None or t.tzinfo else t.replace(tzinfo=timezone.utc) for t in times]  # naive is UTC
    assert [m.sent_at for m in model.messages] == as_utc * 2


def test_import_conversations_never_scans_the_stored_conversations(tmp_path, make_conversation):
    """Every query an import batch makes is answered from an index: a scan would make large
    imports quadratic (each batch reading every conversation stored before it)."""
    from sqlalchemy import event

    from heard.store.db import open_store

    sessions = open_store(f"sqlite:///{tmp_path}/heard.db")
    engine = sessions.kw["bind"]
    batch = [replace(make_conversation(customer="Hi", agent="Hello"), external_id=str(i)) for i in range(50)]
    with sessions() as session:
        import_conversations(session=session, conversations=batch)
        session.commit()
    statements = []
    event.listen(engine, "before_cursor_execute", lambda conn, cursor, sql, params, context, many:
                 statements.append((sql, params)) if sql.lstrip().upper().startswith("SELECT") else None)
    grown = [replace(c, messages=c.messages + (Message(id="m3", role=Role.customer, text="Thanks"),)) for c in batch[:5]]
    with sessions() as session:
        import_conversations(session=session, conversations=grown + [replace(c, external_id=f"new{c.external_id}")
                                                                     for c in batch])
        session.commit()
    assert statements
    with engine.connect() as connection:
        for sql, params in statements:
            plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params).all()
            assert not [row for row in plan if "SCAN conversations" in row[-1] or "SCAN messages" in row[-1]], sql
