"""Practice over the store (both backends): start, reply, react, finish, compare, progress."""

from __future__ import annotations

import pytest

from heard.analyze.scorecard import Scorecard
from heard.coach import practice
from heard.coach.practice import PracticeClosed, PracticeError
from heard.errors import NotFound
from heard.model import Channel, Conversation, Message, Role
from heard.privacy.roles import Viewer
from heard.store import coaching, conversations

GIFT = Conversation(
    source="test", external_id="gift", channel=Channel.chat, agent="Sam Lee", outcome="resolved", satisfaction=5,
    messages=(
        Message("m1", Role.customer, "I'm so worried. My son's birthday is on Saturday and the tracking hasn't moved."),
        Message("m2", Role.agent, "That sounds really stressful. I'll personally make sure it gets there. "
                                  "I can reship overnight today, or refund you now — which works better?"),
        Message("m3", Role.customer, "Reship please. Thank you so much, that's a relief!"),
        Message("m4", Role.agent, "Done: the new parcel left this morning."),
    ),
)


@pytest.fixture
def setup(sessions):
    with sessions() as session:
        conversations.import_conversations(session=session, conversations=[GIFT])
        session.commit()
        cid = conversations.find_conversation(session=session, source="test", external_id="gift").id
    return sessions, cid, practice.default_analyzer(), Scorecard.load()


def reply(session, attempt_id, text, analyzer, scorecard):
    attempt = practice.submit_reply(session=session, attempt_id=attempt_id, reply=text, analyzer=analyzer,
                                    scorecard=scorecard)
    session.commit()
    return attempt


def test_practice_runs_from_first_turn_to_the_side_by_side(setup):
    sessions, cid, analyzer, scorecard = setup
    with sessions() as session:
        attempt = practice.start_practice(session=session, conversation_id=cid, trainee="Robin", analyzer=analyzer)
        session.commit()
        assert practice.waiting_turn(attempt).customer_text.startswith("I'm so worried")
        start = attempt.calm

        attempt = reply(session, attempt.id, "That sounds really stressful. I'll personally make sure it gets there: "
                                             "I can reship today or refund you now — which works better?", analyzer, scorecard)
        first = attempt.turns[0]
        assert first.calm_after > start and {c["kind"] for c in first.changes} >= {"move.name_feeling", "move.ownership"}
        assert practice.waiting_turn(attempt).customer_text == "Reship please. Thank you so much, that's a relief!"

        attempt = reply(session, attempt.id, "Per our policy there's nothing we can do.", analyzer, scorecard)
        assert attempt.turns[1].calm_after < attempt.turns[1].calm_before
        reaction = practice.waiting_turn(attempt)
        assert reaction.source == "reaction" and "My son's birthday is on Saturday" in reaction.customer_text

        attempt = reply(session, attempt.id, "I'm sorry for the delay on our end. I'll update you by 3 pm tomorrow.",
                        analyzer, scorecard)
        assert attempt.status == "finished" and attempt.ending == "completed"
        assert attempt.score is not None and attempt.real_score is not None
        assert practice.waiting_turn(attempt) is None

        comparison = practice.comparison_for(session=session, attempt=attempt, analyzer=analyzer, scorecard=scorecard)
        assert [len(t.trainee) for t in comparison.turns] == [1, 2]  # the second turn was answered twice
        assert comparison.turns[0].real_reply.startswith("That sounds really stressful")
        assert comparison.turns[0].real_review.score.total > 0
        assert (comparison.outcome, comparison.satisfaction) == ("resolved", 5)

        with pytest.raises(PracticeClosed):
            practice.submit_reply(session=session, attempt_id=attempt.id, reply="Hello?", analyzer=analyzer,
                                  scorecard=scorecard)


def test_a_customer_pushed_to_zero_leaves(setup):
    sessions, cid, analyzer, scorecard = setup
    with sessions() as session:
        attempt = practice.start_practice(session=session, conversation_id=cid, trainee="Sky", analyzer=analyzer)
        session.commit()
        for _ in range(3):
            if attempt.status != "open":
                break
            attempt = reply(session, attempt.id, "As I already said, you should have read the terms. "
                                                 "We're sorry you feel that way.", analyzer, scorecard)
        assert (attempt.status, attempt.ending, attempt.calm) == ("finished", "customer_left", 0)


def test_attempts_are_saved_so_progress_shows(setup):
    sessions, cid, analyzer, scorecard = setup
    with sessions() as session:
        for text in ("Thank you for contacting us. Your request has been received.",
                     "That sounds really stressful. I'll personally make sure it gets there."):
            attempt = practice.start_practice(session=session, conversation_id=cid, trainee="Robin", analyzer=analyzer)
            session.commit()
            reply(session, attempt.id, text, analyzer, scorecard)
        scores = [a.turns[0].score for a in coaching.list_attempts(session=session, trainee="Robin")]
        assert len(scores) == 2 and scores[0] < scores[1]


@pytest.mark.parametrize("kwargs, error", [
    ({"conversation_id": 999}, NotFound),
    ({}, PracticeError),
])
def test_practice_conversation_id_rejects_what_cannot_be_practised(setup, kwargs, error):
    sessions, *_ = setup
    with sessions() as session, pytest.raises(error):
        practice.practice_conversation_id(session, **kwargs)


def test_an_empty_reply_is_refused(setup):
    sessions, cid, analyzer, scorecard = setup
    with sessions() as session:
        attempt = practice.start_practice(session=session, conversation_id=cid, trainee="Robin", analyzer=analyzer)
        with pytest.raises(PracticeError, match="Write a reply"):
            practice.submit_reply(session=session, attempt_id=attempt.id, reply="  ", analyzer=analyzer,
                                  scorecard=scorecard)


# -- who may practise on what: the library's rules --------------------------------------------------
PII = Conversation(
    source="test", external_id="pii", channel=Channel.chat, customer="Maya Okafor", agent="Jordan Lee", queue="orders",
    subject="Order #48213 for Maya's daughter", outcome="resolved", satisfaction=5,
    messages=(
        Message("m1", Role.customer, "Hi, this is Maya Okafor. Order #48213 hasn't moved and my daughter's birthday is "
                                     "on Saturday. I'm so worried.", author="Maya Okafor"),
        Message("m2", Role.agent, "Hi Maya, that sounds really stressful. I'm Jordan, and I'll personally make sure "
                                  "order #48213 gets there.", author="Jordan Lee"),
        Message("m3", Role.customer, "Thank you Jordan, that's a relief!", author="Maya Okafor"),
        Message("m4", Role.agent, "You're welcome, Maya. The new parcel left this morning.", author="Jordan Lee"),
    ),
)
NAMES = ("Maya", "Okafor", "Jordan", "48213")


@pytest.fixture
def library(setup):
    """PII's conversation shared beyond its team (orders); GIFT's in a team-only case file of returns."""
    from heard.store import case_files

    sessions, gift_id, analyzer, scorecard = setup
    with sessions() as session:
        conversations.import_conversations(session=session, conversations=[PII])
        session.flush()
        pii_id = conversations.find_conversation(session=session, source="test", external_id="pii").id
        shared = case_files.create_case_file(session=session, conversation_id=pii_id, title="Maya's parcel",
                                             visibility="shared")
        team_only = case_files.create_case_file(session=session, conversation_id=gift_id, title="Reship",
                                                visibility="team", team="returns")
        session.commit()
        return sessions, analyzer, scorecard, pii_id, gift_id, shared.id, team_only.id


BILLING = Viewer.parse("agent", "billing")


def test_an_agent_of_another_team_practises_on_a_shared_case_file_redacted(library):
    sessions, analyzer, scorecard, pii_id, _, shared_id, _ = library
    with sessions() as session:
        cid = practice.practice_conversation_id(session, case_file_id=shared_id, viewer=BILLING)
        assert cid == pii_id
        attempt = practice.start_practice(session=session, conversation_id=cid, trainee="Robin", analyzer=analyzer,
                                          viewer=BILLING)
        session.commit()
        attempt = practice.submit_reply(session=session, attempt_id=attempt.id, viewer=BILLING, analyzer=analyzer,
                                        scorecard=scorecard, reply="Maya, that sounds really stressful. I'll personally "
                                                                   "make sure it gets there.")
        while attempt.status == "open":
            attempt = practice.submit_reply(session=session, attempt_id=attempt.id, viewer=BILLING, analyzer=analyzer,
                                            scorecard=scorecard, reply="I'm glad. I'll update you by 3 pm tomorrow.")
        session.commit()
        # stored with the real words, so a coach sees what was said …
        assert "Maya Okafor" in attempt.turns[0].customer_text and attempt.turns[0].reply.startswith("Maya,")
        assert practice.redaction_for(session, attempt=attempt, analyzer=analyzer, viewer=Viewer.parse("coach")) is None
        # … and shown to the billing agent redacted, everywhere
        redaction = practice.redaction_for(session, attempt=attempt, analyzer=analyzer, viewer=BILLING)
        assert redaction is not None and redaction.conversation.customer == "Customer A"
        first = redaction.turn(attempt.turns[0])
        assert first.customer_text.startswith("Hi, this is Customer A. Order 1 hasn't moved")
        assert first.reply.startswith("Customer A, that sounds really stressful.")
        for f in first.findings:  # findings moved onto the redacted reply's words
            assert first.reply[f["start"]:f["end"]] == f["evidence"]
        assert "move.name_feeling" in {f["kind"] for f in first.findings}
        comparison = practice.comparison_for(session=session, attempt=attempt, analyzer=analyzer, scorecard=scorecard,
                                             redaction=redaction)
        texts = [t.customer_text + t.real_reply + "".join(r.reply + r.customer_text for r in t.trainee)
                 for t in comparison.turns]
        assert texts and not any(name in text for text in texts for name in NAMES)
        assert comparison.turns[0].real_reply.startswith("Hi Customer A, that sounds really stressful. I'm Agent B")
        for t in comparison.turns:
            for f in (t.real_review.as_json() if t.real_review else []):
                assert t.real_reply[f["start"]:f["end"]] == f["evidence"]
        unredacted = practice.comparison_for(session=session, attempt=attempt, analyzer=analyzer, scorecard=scorecard)
        assert comparison.trainee_score.total == unredacted.trainee_score.total
        assert comparison.real_score.total == unredacted.real_score.total


def test_an_agent_of_the_case_files_team_sees_the_real_words(library):
    sessions, analyzer, scorecard, pii_id, _, shared_id, _ = library
    orders = Viewer.parse("agent", "orders")
    with sessions() as session:
        attempt = practice.start_practice(session=session, conversation_id=pii_id, trainee="Robin", analyzer=analyzer,
                                          viewer=orders)
        assert practice.redaction_for(session, attempt=attempt, analyzer=analyzer, viewer=orders) is None
        sources = practice.practice_sources(session, viewer=orders)
        assert (pii_id, shared_id, False) in {(s.conversation_id, s.case_file_id, s.redacted) for s in sources}
        trusted = practice.practice_sources(session)  # no viewer: a trusted caller (the CLI) gets everything
        assert {(pii_id, shared_id, False), (pii_id, None, False)} <= {(s.conversation_id, s.case_file_id, s.redacted)
                                                                      for s in trusted}
        billing_sources = practice.practice_sources(session, viewer=BILLING)
        assert {(s.conversation_id, s.case_file_id, s.redacted) for s in billing_sources} == {(pii_id, shared_id, True)}
        assert "Maya" not in next(s.title for s in billing_sources)


def test_another_teams_team_only_material_is_not_there_for_an_agent(library):
    sessions, analyzer, scorecard, _, gift_id, _, team_only_id = library
    with sessions() as session:
        with pytest.raises(NotFound, match="No case file"):
            practice.practice_conversation_id(session, case_file_id=team_only_id, viewer=BILLING)
        with pytest.raises(NotFound, match="No conversation"):
            practice.practice_conversation_id(session, conversation_id=gift_id, viewer=BILLING)
        with pytest.raises(NotFound):
            practice.start_practice(session=session, conversation_id=gift_id, trainee="Robin", analyzer=analyzer,
                                    viewer=BILLING)
        coach_attempt = practice.start_practice(session=session, conversation_id=gift_id, trainee="Ana",
                                                analyzer=analyzer, viewer=Viewer.parse("coach"))
        session.commit()
        with pytest.raises(NotFound, match="No practice attempt"):
            practice.get_attempt(session, attempt_id=coach_attempt.id, viewer=BILLING)
        with pytest.raises(NotFound, match="No practice attempt"):
            practice.submit_reply(session=session, attempt_id=coach_attempt.id, reply="Hello", analyzer=analyzer,
                                  scorecard=scorecard, viewer=BILLING)
        assert practice.list_attempts(session, viewer=BILLING) == []
        returns = Viewer.parse("agent", "returns")
        assert practice.practice_conversation_id(session, case_file_id=team_only_id, viewer=returns) == gift_id
        assert [a.id for a in practice.list_attempts(session, viewer=returns)] == [coach_attempt.id]
