import pytest

from heard.analyze.moves.apology import ApologyDetector
from heard.analyze.moves.name_feeling import NameFeelingDetector
from heard.analyze.moves.pause import PauseDetector
from heard.model import Channel, Conversation, Message, Role, evidence


def call(*turns, channel=Channel.phone):
    """turns: (role, text, start_s, end_s)."""
    messages = tuple(Message(id=f"m{i}", role=role, text=text, start_s=start, end_s=end)
                     for i, (role, text, start, end) in enumerate(turns, 1))
    return Conversation(source="test", external_id="call-1", channel=channel, messages=messages)


def found(conversation):
    prior = NameFeelingDetector().detect(conversation) + ApologyDetector().detect(conversation)
    return [(evidence(conversation, f.span), f.score, f.rationale)
            for f in PauseDetector().detect(conversation, prior=tuple(prior))]


def test_pause_finds_silence_after_acknowledgment():
    conversation = call((Role.customer, "Third call this week about the same bill.", 0.0, 5.0),
                        (Role.agent, "That sounds exhausting.", 5.5, 7.0),
                        (Role.customer, "It is. And my mum is the account holder, she's in hospital.", 10.4, 15.0))
    assert found(conversation) == [
        ("That sounds exhausting", 0.9, 'let 3.4 s of silence follow the acknowledgment "That sounds exhausting"')]


def test_pause_counts_an_apology_as_acknowledgment():
    conversation = call((Role.customer, "You charged me twice.", 0.0, 3.0),
                        (Role.agent, "I'm sorry we charged you twice.", 3.5, 5.0),
                        (Role.customer, "Yes, well.", 7.2, 8.0))
    assert [(text, score) for text, score, _ in found(conversation)] == [("I'm sorry we charged you twice", 0.75)]


@pytest.mark.parametrize("next_start", [7.0, 8.0, 8.9])
def test_pause_ignores_gaps_under_two_seconds(next_start):
    conversation = call((Role.customer, "It never came.", 0.0, 3.0),
                        (Role.agent, "That sounds really stressful.", 4.0, 7.0),
                        (Role.customer, "It is.", next_start, next_start + 1))
    assert found(conversation) == []


def test_pause_ignores_silence_after_the_agent_talked_on():
    conversation = call((Role.customer, "It never came.", 0.0, 3.0),
                        (Role.agent, "That sounds really stressful. Let me pull up your order.", 4.0, 9.0),
                        (Role.customer, "OK.", 14.0, 15.0))
    assert found(conversation) == []


def test_pause_ignores_silence_without_acknowledgment():
    conversation = call((Role.customer, "It never came.", 0.0, 3.0),
                        (Role.agent, "What is your order number?", 4.0, 6.0),
                        (Role.customer, "Hang on.", 12.0, 13.0))
    assert found(conversation) == []


def test_pause_only_on_phone():
    conversation = call((Role.customer, "It never came.", 0.0, 3.0),
                        (Role.agent, "That sounds really stressful.", 4.0, 7.0),
                        (Role.customer, "It is.", 12.0, 13.0), channel=Channel.chat)
    assert found(conversation) == []


def test_pause_needs_a_next_turn():
    conversation = call((Role.customer, "It never came.", 0.0, 3.0), (Role.agent, "That sounds really stressful.", 4.0, 7.0))
    assert found(conversation) == []


def test_pause_requires_name_feeling():
    assert PauseDetector.info.requires == ("move.name_feeling",)
