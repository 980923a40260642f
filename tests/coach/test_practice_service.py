"""Practice over the store (both backends): start, reply, react, finish, compare, progress."""

from __future__ import annotations

import pytest

from heard.analyze.scorecard import Scorecard
from heard.coach import practice
from heard.coach.practice import PracticeClosed, PracticeError
from heard.errors import NotFound
from heard.model import Channel, Conversation, Message, Role
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
