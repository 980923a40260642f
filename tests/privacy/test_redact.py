"""Redaction: Presidio offline, Heard's recognizers, consistent placeholders, spans that follow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from heard.model import Analysis, Channel, Conversation, Finding, Message, Role, Span
from heard.privacy.redact import OffsetMap, Placeholders, get_redactor, redact_analysis

SEEDED = Path(__file__).parents[1] / "data" / "redaction" / "seeded.jsonl"


def test_placeholders_are_consistent_and_known_people_keep_their_role():
    p = Placeholders()
    assert p.add_person("Maya Ortiz", "Customer") == "Customer A"
    assert p.add_person("Maya", "Customer") == "Customer A"
    assert p.add_person("Sam Lee", "Agent") == "Agent B"
    assert p.person("Ms. Ortiz") == "Customer A" and p.person("Maya's") == "Customer A"
    assert p.person("Ada") == "Person C" and p.person("Ada") == "Person C"
    assert p.placeholder("ORDER_NUMBER", "order #48213") == p.placeholder("ORDER_NUMBER", "#48213") == "Order 1"
    assert p.placeholder("CARD_ENDING", "4417") == p.placeholder("CREDIT_CARD", "4000 0000 0000 4417") == "Card 1"
    assert p.placeholder("EMAIL_ADDRESS", "A@x.example") == p.placeholder("EMAIL_ADDRESS", "a@x.example ") == "Email 1"
    assert p.placeholder("ORDER_NUMBER", "#51730") == "Order 2"


def test_offset_map_moves_spans_around_placeholders():
    # "Hi Maya, order #48213 is late" -> "Hi Customer A, Order 1 is late"
    m = OffsetMap(((3, 7, 3, 13), (9, 21, 15, 22)))
    assert (m.start(0), m.end(2)) == (0, 2)
    assert (m.start(3), m.end(7)) == (3, 13)
    assert (m.start(22), m.end(29)) == (23, 30)
    assert (m.start(5), m.end(5)) == (3, 13)  # inside a replaced stretch: snap outwards


@pytest.fixture(scope="module")
def redactor():
    return get_redactor()


def test_every_seeded_type_is_redacted(redactor):
    rows = [json.loads(line) for line in SEEDED.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 60
    types = {item["type"] for row in rows for item in row["pii"]}
    assert types >= {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "LOCATION",
                     "US_SSN", "ORDER_NUMBER", "CARD_ENDING", "STREET_ADDRESS"}
    placeholders = Placeholders()
    texts = [r["text"] for r in rows[:12]]
    for row, (text, _map, _found) in zip(rows[:12], redactor.redact_texts(texts, placeholders)):
        for item in row["pii"]:
            assert item["text"] not in text, (row["id"], item)


def test_addresses_on_any_domain_are_redacted(redactor):
    """Presidio checks the top-level domain against the public suffix list; in-house and test
    domains are addresses too."""
    text = "Write to ops@helpdesk.internal or j.doe+refunds@billing.corp, not to the @brand handle."
    redacted = redactor.redact_texts([text], Placeholders())[0][0]
    assert redacted == "Write to Email 1 or Email 2, not to the @brand handle."


@pytest.mark.parametrize("text, kept", [
    ("I'll update you by 3 pm tomorrow, today is fine.", "I'll update you by 3 pm tomorrow, today is fine."),
    ("It has been three days and nobody listens.", "It has been three days and nobody listens."),
])
def test_dates_and_plain_words_are_not_redacted(redactor, text, kept):
    assert redactor.redact_texts([text], Placeholders())[0][0] == kept


def test_redacted_analysis_moves_findings_onto_the_same_words(redactor):
    text = "Hi Maya, order #48213 ships today. That sounds really stressful, Maya."
    conversation = Conversation(source="t", external_id="c", channel=Channel.email, customer="Maya Ortiz", agent="Sam Lee",
                                subject="Order #48213", messages=(
                                    Message(id="m1", role=Role.agent, text=text, author="Sam Lee"),))
    start = text.index("That sounds really stressful")
    finding = Finding(kind="move.name_feeling", span=Span("m1", start, start + 28), score=1, detector="t",
                      detector_version="1", rationale="r")
    red = redact_analysis(Analysis(conversation, (finding,)), redactor=redactor)
    message = red.analysis.conversation.messages[0]
    assert message.text == "Hi Customer A, Order 1 ships today. That sounds really stressful, Customer A."
    assert message.author == "Agent B" and red.analysis.conversation.subject == "Order 1"
    moved = red.analysis.findings[0].span
    assert message.text[moved.start:moved.end] == "That sounds really stressful"
    assert red.redact("Maya needs order #48213") == ["Customer A needs Order 1"]


def test_a_name_found_once_is_redacted_everywhere_in_the_thread():
    from heard.privacy.redact import Placeholders, get_redactor

    texts = ["It's my daughter Ada's 10th birthday present and her birthday is this Saturday.",
             "Thanks, I felt heard. Ada loves it, she's already named the telescope."]
    done = get_redactor().redact_texts(texts, Placeholders())
    assert [t for t, _, _ in done] == [
        "It's my daughter Person A's 10th birthday present and her birthday is this Saturday.",
        "Thanks, I felt heard. Person A loves it, she's already named the telescope."]


def test_a_redacted_thread_is_kept_and_each_caller_gets_its_own_placeholders(make_conversation):
    from heard.model import Analysis
    from heard.privacy.redact import get_redactor, redact_analysis

    get_redactor()
    conversation = make_conversation(customer="Hi, I'm Maya Okafor and order #48213 is late.",
                                     agent="Sorry Maya, I'll chase order #48213 with Jordan today.")
    first = redact_analysis(Analysis(conversation, ()))
    second = redact_analysis(Analysis(conversation, ()))
    assert second.analysis.conversation is first.analysis.conversation  # kept, not redacted again
    # placeholders handed out later by one caller do not leak into the other's, nor into the cache
    assert first.redact("Ask Zed Quinn.") == ["Ask Person D."] and second.redact("Ask Bob Stone.") == ["Ask Person D."]
    assert redact_analysis(Analysis(conversation, ())).redact("Ask Bob Stone.") == ["Ask Person D."]


def test_long_texts_are_read_in_pieces_cut_between_words():
    from heard.privacy.redact import PIECE, _pieces
    text = ("Order 48213 is late.\nCall me on 0207 946 0958 tonight " * 50_000)[:2_500_000]  # over spaCy's 1,000,000
    pieces = _pieces(text)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))  # contiguous, nothing left out
    assert all(0 < e - s <= PIECE for s, e in pieces)
    assert all(text[e - 1] in "\n " for _, e in pieces[:-1])  # cut after a line break or a space
    assert _pieces("short") == [(0, 5)]
    assert _pieces("x" * 25, size=10) == [(0, 10), (10, 20), (20, 25)]  # no space at all: a hard cut


def test_pieces_find_the_same_addresses_and_phones_as_one_reading(redactor, monkeypatch):
    import heard.privacy.redact as redact
    text = " ".join(f"Write to user{i}@example.com or call 020 7946 09{i:02d}." for i in range(12))
    whole = [(d.start, d.end, d.entity) for d in redactor.detect([text])[0]]
    monkeypatch.setattr(redact, "PIECE", 120)
    assert len(redact._pieces(text)) > 4
    pieces = [(d.start, d.end, d.entity) for d in redactor.detect([text])[0]]
    wanted = {"EMAIL_ADDRESS", "PHONE_NUMBER"}
    assert [x for x in pieces if x[2] in wanted] == [x for x in whole if x[2] in wanted]
    assert sum(x[2] == "EMAIL_ADDRESS" for x in pieces) == 12
