"""The library's store: case files, tags, annotations and full-text search, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect

from heard.store import library_tables  # noqa: F401  (registers the tables on Base)


def test_migration_creates_the_library_tables(sessions):
    engine = sessions.kw["bind"]
    names = set(inspect(engine).get_table_names())
    assert {"case_files", "case_file_tags", "annotations", "conversation_embeddings"} <= names
    if engine.dialect.name == "sqlite":
        assert "messages_fts" in names
    else:
        indexes = {i["name"] for i in inspect(engine).get_indexes("messages")}
        assert "ix_messages_text_fts" in indexes


import pytest  # noqa: E402

from heard.errors import NotFound  # noqa: E402
from heard.library.search import search_text  # noqa: E402
from heard.model import Channel, Conversation, Message, Role  # noqa: E402
from heard.store import case_files as repo  # noqa: E402
from heard.store.conversations import find_conversation, import_conversations  # noqa: E402


def _conversation(external_id: str, queue: str, *texts: str) -> Conversation:
    roles = [Role.customer, Role.agent]
    return Conversation(source="t", external_id=external_id, channel=Channel.chat, queue=queue, outcome="resolved",
                        messages=tuple(Message(id=f"m{i}", role=roles[i % 2], text=t) for i, t in enumerate(texts)))


@pytest.fixture
def stored(sessions):
    with sessions() as session:
        import_conversations(session=session, conversations=[
            _conversation("a", "orders", "My parcel never arrived and I'm worried", "I'm sorry, I'll reship it today"),
            _conversation("b", "billing", "You charged me twice for my membership", "The refund is on its way"),
        ])
        session.commit()
        ids = {k: find_conversation(session=session, source="t", external_id=k).id for k in "ab"}
    return sessions, ids


def test_case_file_crud_with_tags_and_annotations(stored):
    sessions, ids = stored
    with sessions() as session:
        row = repo.create_case_file(session=session, conversation_id=ids["a"], title="Reship", lesson="Own it.",
                                    tags=["Ownership ", "ownership", "deadline"])
        repo.add_annotation(session=session, row=row, kind="span", message_id="m1", start=3, end=9, body="here")
        repo.add_annotation(session=session, row=row, kind="gap", message_id="m0", next_message_id="m1", body="gap")
        session.commit()
        case_file_id = row.id
    with sessions() as session:
        row = repo.get_case_file(session=session, case_file_id=case_file_id)
        assert row.team == "orders"  # the conversation's queue by default
        assert [t.tag for t in row.tags] == ["deadline", "ownership"]
        assert [(a.kind, a.message_id, a.start, a.end) for a in row.annotations] == [("span", "m1", 3, 9), ("gap", "m0", None, None)]
        repo.update_case_file(session=session, row=row, title="Reship today", tags=["deadline"], visibility="shared")
        session.commit()
    with sessions() as session:
        row = repo.get_case_file(session=session, case_file_id=case_file_id)
        assert (row.title, row.visibility, [t.tag for t in row.tags]) == ("Reship today", "shared", ["deadline"])
        repo.delete_annotation(session=session, row=row, annotation_id=row.annotations[0].id)
        session.commit()
        assert len(repo.get_case_file(session=session, case_file_id=case_file_id).annotations) == 1
        repo.delete_case_file(session=session, row=row)
        session.commit()
        assert repo.find_case_file(session=session, case_file_id=case_file_id) is None
        with pytest.raises(NotFound):
            repo.get_case_file(session=session, case_file_id=case_file_id)


def test_list_case_files_filters_and_team_visibility(stored):
    sessions, ids = stored
    with sessions() as session:
        repo.create_case_file(session=session, conversation_id=ids["a"], title="Parcel", tags=["deadline"])
        repo.create_case_file(session=session, conversation_id=ids["b"], title="Double charge", lesson="refund fast",
                              tags=["billing"], visibility="shared")
        session.commit()
        titles = lambda **kw: sorted(r.title for r in repo.list_case_files(session=session, filters=repo.CaseFileFilters(**kw))[0])  # noqa: E731
        assert titles() == ["Double charge", "Parcel"]
        assert titles(tag="Deadline") == ["Parcel"]
        assert titles(q="REFUND") == ["Double charge"]
        assert titles(outcome="resolved", channel="chat") == ["Double charge", "Parcel"]
        assert titles(restrict_to_team=True, readable_by_team="orders") == ["Double charge", "Parcel"]
        assert titles(restrict_to_team=True, readable_by_team=None) == ["Double charge"]
        assert repo.all_tags(session=session) == ["billing", "deadline"]


def test_full_text_search_finds_stemmed_words_on_both_backends(stored):
    sessions, ids = stored
    with sessions() as session:
        hits = search_text(session=session, query="charged membership")
        assert [(h.conversation_id, h.message_id) for h in hits] == [(ids["b"], "m0")]
        assert [(h.conversation_id, h.message_id) for h in search_text(session=session, query="reshipping")] == [(ids["a"], "m1")]
        assert {h.conversation_id for h in search_text(session=session, query="refund")} == {ids["b"]}
        assert search_text(session=session, query="' OR 1=1 --") == []  # user text never reaches SQL as syntax
        assert search_text(session=session, query='"unbalanced') == []


def test_full_text_index_follows_new_and_changed_messages(stored):
    sessions, ids = stored
    with sessions() as session:
        import_conversations(session=session, conversations=[
            _conversation("a", "orders", "My parcel never arrived and I'm worried", "I'm sorry, I'll reship it today",
                          "The telescope arrived, thank you")])
        session.commit()
        assert [h.message_id for h in search_text(session=session, query="telescope")] == ["m2"]
