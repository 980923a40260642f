"""Search over the store on both backends (SQLite FTS5, PostgreSQL tsvector): every word must
appear, operators are plain words, the filters narrow, and an agent only finds what the library
lets them see — other teams' shared case files redacted, and never through a redacted word."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from heard.analyze.detector import DetectorInfo
from heard.errors import NotFound
from heard.library.search import SearchFilters, search, similar_conversations
from heard.model import Analysis, Channel, Conversation, Finding, Message, Role, Span
from heard.privacy.roles import Viewer
from heard.store import analyses
from heard.store import case_files as repo
from heard.store.conversations import find_conversation, import_conversations

T0 = datetime(2026, 3, 4, 9, 0, tzinfo=timezone.utc)


def _conversation(external_id, queue, channel, outcome, tags, *turns, customer=None, agent=None):
    return Conversation(source="t", external_id=external_id, channel=channel, queue=queue, outcome=outcome, tags=tags,
                        customer=customer, agent=agent, subject=f"About {customer or external_id}", started_at=T0,
                        messages=tuple(Message(id=f"m{i}", role=role, text=text, author=customer if role is Role.customer else agent)
                                       for i, (role, text) in enumerate(turns)))


CONVERSATIONS = [
    _conversation("maya", "orders", Channel.email, "resolved", ("birthday",),
                  (Role.customer, "Hi, this is Maya Okafor. Order #48213 is late and my daughter's birthday is Saturday. "
                                  "I'm so worried the parcel won't make it."),
                  (Role.agent, "That sounds really stressful, Maya. I'll reship the parcel overnight today."),
                  customer="Maya Okafor", agent="Jordan Lee"),
    _conversation("lee", "billing", Channel.chat, "churned", ("refund",),
                  (Role.customer, "You charged me twice for the parcel and nobody listens."),
                  (Role.agent, "As I already said, per our policy the refund takes ten days."),
                  customer="Lee Grant", agent="Alex Kim"),
    _conversation("priya", "tech", Channel.phone, "resolved", (),
                  (Role.customer, "My internet drops every evening and the parcel with the router never came."),
                  (Role.agent, "That sounds exhausting. I'll stay with you until we find the cause."),
                  customer="Priya Shah", agent="Jo Park"),
]
SEEDER = DetectorInfo("search-test-seeds", "1", ())


@pytest.fixture
def stored(sessions):
    """Three conversations (orders, billing, tech) with a few findings; maya's shared in a case
    file, priya's in a team-only case file of tech."""
    with sessions() as session:
        import_conversations(session=session, conversations=CONVERSATIONS)
        session.flush()
        ids = {c.external_id: find_conversation(session=session, source="t", external_id=c.external_id).id
               for c in CONVERSATIONS}
        seeds = {"maya": [("m0", "emotion.anxiety", "I'm so worried"), ("m1", "move.name_feeling", "That sounds really stressful")],
                 "lee": [("m0", "emotion.frustration", "nobody listens"), ("m1", "move.defensive", "As I already said")],
                 "priya": [("m1", "move.name_feeling", "That sounds exhausting")]}
        for conversation in CONVERSATIONS:
            row = find_conversation(session=session, source="t", external_id=conversation.external_id)
            findings = []
            for message_id, kind, words in seeds[conversation.external_id]:
                start = conversation.get_message(message_id).text.index(words)
                findings.append(Finding(kind=kind, span=Span(message_id, start, start + len(words)), score=0.9,
                                        detector=SEEDER.name, detector_version=SEEDER.version, rationale="seeded",
                                        **({"intensity": 2} if kind.startswith("emotion.") else {})))
            analyses.save_analysis(session=session, row=row, analysis=Analysis(conversation, tuple(findings)), score=50,
                                   detectors=[SEEDER])
        shared = repo.create_case_file(session=session, conversation_id=ids["maya"], title="Maya's parcel",
                                       visibility="shared", tags=["deadline"])
        repo.create_case_file(session=session, conversation_id=ids["priya"], title="Stay on the line", visibility="team")
        session.commit()
        return sessions, ids, shared.id


def found(session, query, viewer=None, **filters):
    return [h.conversation.external_id for h in search(session=session, query=query, viewer=viewer,
                                                       filters=SearchFilters(**filters))]


def test_every_word_must_appear_and_operators_are_plain_words(stored):
    sessions, ids, _ = stored
    with sessions() as session:
        assert sorted(found(session, "parcel")) == ["lee", "maya", "priya"]
        assert found(session, "charged parcel") == ["lee"]
        # no operator syntax on either backend: "-" and quotes are ignored, every word still counts
        assert found(session, "charged -parcel") == ["lee"]
        assert found(session, '"charged parcel') == ["lee"]
        assert found(session, "worried refund") == []


@pytest.mark.parametrize("filters, expected", [
    ({"channel": "chat"}, ["lee"]),
    ({"move": "name_feeling"}, ["maya", "priya"]),
    ({"move": "move.defensive"}, ["lee"]),
    ({"emotion": "anxiety"}, ["maya"]),
    ({"tag": "refund"}, ["lee"]),  # a conversation tag
    ({"tag": "Deadline"}, ["maya"]),  # a case file's tag
    ({"outcome": "resolved"}, ["maya", "priya"]),
    ({"outcome": "resolved", "channel": "phone"}, ["priya"]),
])
def test_filters_narrow_the_hits(stored, filters, expected):
    sessions, *_ = stored
    with sessions() as session:
        assert sorted(found(session, "parcel", **filters)) == expected


def test_coaches_search_everything_with_the_real_words(stored):
    sessions, ids, shared_id = stored
    with sessions() as session:
        hits = search(session=session, query="Maya", viewer=Viewer.parse("coach"))
        assert [h.conversation.external_id for h in hits] == ["maya"] and not hits[0].redacted
        assert "Maya" in hits[0].snippets[0][1] and hits[0].subject == "About Maya Okafor"
        assert hits[0].case_file_ids == [shared_id]


def test_an_agent_finds_their_team_and_other_teams_shared_case_files_redacted(stored):
    sessions, ids, shared_id = stored
    billing = Viewer.parse("agent", "billing")
    with sessions() as session:
        assert sorted(found(session, "parcel", billing)) == ["lee", "maya"]  # not priya: tech's team-only
        maya = next(h for h in search(session=session, query="late worried", viewer=billing))
        assert maya.redacted and maya.case_file_ids == [shared_id]
        assert maya.subject == "About Customer A"
        text = " ".join(s for _, s in maya.snippets)
        assert "Customer A. Order 1 is late" in text and "Maya" not in text and "48213" not in text
        lee = next(h for h in search(session=session, query="charged", viewer=billing))
        assert not lee.redacted and lee.subject == "About Lee Grant"
        # a query word that only matched something redacted finds nothing there
        assert found(session, "Maya", billing) == []
        assert found(session, "48213", billing) == []
        assert found(session, "Okafor parcel", billing) == []
        # the case file's own team sees it as it is
        orders = Viewer.parse("agent", "orders")
        assert found(session, "Maya", orders) == ["maya"]
        assert not search(session=session, query="Maya", viewer=orders)[0].redacted
        # no team: only the shared case file
        assert found(session, "parcel", Viewer.parse("agent")) == ["maya"]


class Letters:
    """A tiny embedder: letter counts (enough to rank, nothing to download)."""

    name = "letters"

    def embed(self, texts):
        import numpy as np

        out = np.zeros((len(texts), 26), dtype=np.float32)
        for i, t in enumerate(texts):
            for ch in t.lower():
                if "a" <= ch <= "z":
                    out[i, ord(ch) - 97] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_similar_follows_the_same_rules(stored):
    sessions, ids, _ = stored
    billing = Viewer.parse("agent", "billing")
    with sessions() as session:
        everything = similar_conversations(session=session, conversation_id=ids["lee"], embedder=Letters())
        assert {h.conversation.external_id for h in everything} == {"maya", "priya"}
        hits = similar_conversations(session=session, conversation_id=ids["lee"], embedder=Letters(), viewer=billing)
        assert [(h.conversation.external_id, h.redacted, h.subject) for h in hits] == [("maya", True, "About Customer A")]
        assert [h.conversation.external_id for h in similar_conversations(
            session=session, conversation_id=ids["lee"], embedder=Letters(), filters=SearchFilters(channel="phone"))] == ["priya"]
        with pytest.raises(NotFound):
            similar_conversations(session=session, conversation_id=ids["priya"], embedder=Letters(), viewer=billing)
