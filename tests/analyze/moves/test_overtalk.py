import pytest

from heard.analyze.moves.overtalk import OvertalkDetector
from heard.model import Channel, Conversation, Message, Role, evidence


def call(*turns, channel=Channel.phone):
    """turns: (role, text, start_s, end_s)."""
    messages = tuple(Message(id=f"m{i}", role=role, text=text, start_s=start, end_s=end)
                     for i, (role, text, start, end) in enumerate(turns, 1))
    return Conversation(source="test", external_id="call-1", channel=channel, messages=messages)


def found(conversation):
    return [(evidence(conversation, f.span), f.score, f.rationale) for f in OvertalkDetector().detect(conversation)]


def test_overtalk_finds_agent_starting_before_customer_ends():
    conversation = call((Role.customer, "And then the box came open and", 0.0, 6.0),
                        (Role.agent, "Right, so the order number? I need it.", 4.8, 8.0))
    assert found(conversation) == [("Right, so the order number?", 0.9, "started speaking 1.2 s before the customer finished")]


def test_overtalk_scores_a_brief_overlap_lower():
    conversation = call((Role.customer, "It never came.", 0.0, 3.0), (Role.agent, "I see.", 2.8, 3.5))
    assert [score for _, score, _ in found(conversation)] == [0.6]


@pytest.mark.parametrize("agent_start", [6.0, 6.5, 9.0])
def test_overtalk_ignores_agent_waiting_for_the_customer(agent_start):
    conversation = call((Role.customer, "It never came.", 0.0, 6.0), (Role.agent, "I'm sorry.", agent_start, agent_start + 2))
    assert found(conversation) == []


def test_overtalk_only_on_phone():
    conversation = call((Role.customer, "It never came.", 0.0, 6.0), (Role.agent, "Right.", 4.0, 5.0), channel=Channel.chat)
    assert found(conversation) == []


def test_overtalk_needs_timings():
    conversation = call((Role.customer, "It never came.", 0.0, None), (Role.agent, "Right.", 4.0, 5.0))
    assert found(conversation) == []


def test_overtalk_compares_with_the_previous_customer_turn():
    conversation = call((Role.customer, "It never came and I'm upset.", 0.0, 6.0),
                        (Role.agent, "I'm so sorry.", 6.5, 8.0),
                        (Role.agent, "Let me look.", 7.5, 9.0))  # overlaps the agent's own turn, not the customer's
    assert found(conversation) == []
