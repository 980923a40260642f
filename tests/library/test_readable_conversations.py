"""Who sees which conversation, on both stores: `readable_conversations` (a dict, for practice and
search) and `real_words_condition` (the same rule as SQL, for the conversation list) agree."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from heard.importing import import_path
from heard.library.case_files import readable_conversations, real_words_condition, shared_case_file_id
from heard.privacy.roles import Viewer
from heard.store import case_files
from heard.store.tables import ConversationRow

WEB_DATA = Path(__file__).parents[1] / "data" / "web" / "conversations.jsonl"


def test_the_list_condition_matches_the_real_words_rule(sessions):
    assert import_path(WEB_DATA, sessions).errors == []
    with sessions() as session:
        ids = {row.external_id: row.id for row in session.scalars(select(ConversationRow))}
        shared = case_files.create_case_file(session=session, conversation_id=ids["gift-1"], title="Shared",
                                             visibility="shared")  # team orders
        case_files.create_case_file(session=session, conversation_id=ids["call-3"], title="Billing's", team="billing")
        session.commit()

        def listed(viewer: Viewer) -> set[str] | None:
            where = real_words_condition(viewer)
            if where is None:
                return None
            return set(session.scalars(select(ConversationRow.external_id).where(where)))

        def real_words(viewer: Viewer) -> set[str] | None:
            readable = readable_conversations(session=session, viewer=viewer)
            names = {i: e for e, i in ids.items()}
            return None if readable is None else {names[i] for i, redacted in readable.items() if not redacted}

        for viewer in (Viewer.parse("agent", "billing"), Viewer.parse("agent", "orders"), Viewer.parse("agent"),
                       Viewer.parse("agent", "general"), Viewer.parse("coach"), Viewer.parse("lead", "billing")):
            assert listed(viewer) == real_words(viewer), viewer
        assert listed(Viewer.parse("agent", "billing")) == {"bill-2", "call-3"}
        assert listed(Viewer.parse("agent")) == set()
        assert readable_conversations(session=session, viewer=Viewer.parse("agent", "billing"))[ids["gift-1"]] is True
        assert shared_case_file_id(session=session, conversation_id=ids["gift-1"]) == shared.id
        assert shared_case_file_id(session=session, conversation_id=ids["call-3"]) is None
