"""Freshdesk reader against real files shaped like the Freshdesk API v2 docs."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from heard.ingest.freshdesk import read_freshdesk
from heard.ingest.registry import sniff
from heard.model import Channel, Conversation, Role


@pytest.fixture
def freshdesk_dir(data_dir):
    return data_dir / "helpdesk" / "freshdesk"


def _split(results):
    results = list(results)
    return [r for r in results if isinstance(r, Conversation)], [r for r in results if not isinstance(r, Conversation)]


@pytest.mark.parametrize("name", ["view_ticket.json", "tickets.json", "truncated.json", "bad_utf8.json"])
def test_freshdesk_sniff_recognises_each_fixture(freshdesk_dir, name):
    assert sniff(freshdesk_dir / name).name == "freshdesk"


def test_freshdesk_view_ticket_maps_description_conversations_and_notes(freshdesk_dir):
    [conversation] = list(read_freshdesk(freshdesk_dir / "view_ticket.json"))
    assert conversation.key == ("freshdesk", "20")
    assert conversation.channel == Channel.email  # source 1
    assert conversation.customer == "Rachel Green"  # include=requester
    assert (conversation.agent, conversation.queue, conversation.outcome) == ("5001", "7001", "resolved")
    assert conversation.tags == ("refund", "finance")
    assert [(m.id, m.role, m.public) for m in conversation.messages] == [
        ("20-description", Role.customer, True),
        ("3", Role.agent, True),
        ("4", Role.agent, False),  # private note
        ("5", Role.customer, True),  # incoming
    ]
    first = conversation.messages[0]
    assert first.text == "It's been three weeks & I still have no refund."  # description_text, as given
    assert first.sent_at == datetime(2026, 3, 2, 11, 56, 51, tzinfo=timezone.utc)
    assert conversation.messages[3].author == "Rachel Green"


def test_freshdesk_outbound_email_description_is_the_agents(freshdesk_dir):
    conversations, _ = _split(read_freshdesk(freshdesk_dir / "tickets.json"))
    phone, outbound = conversations
    assert phone.channel == Channel.phone  # source 3
    assert outbound.channel == Channel.email  # source 10
    assert [m.role for m in outbound.messages] == [Role.agent, Role.customer]
    assert outbound.messages[1].text == "Wow, thank you! Dziękuję 🙏"


def test_freshdesk_bad_tickets_name_file_record_and_field_and_good_ones_survive(freshdesk_dir):
    path = freshdesk_dir / "tickets.json"
    conversations, errors = _split(read_freshdesk(path))
    assert [c.external_id for c in conversations] == ["31", "35"]
    assert [str(e) for e in errors] == [
        f"{path}, record ticket 32, field 'source': expected number, got string 'email'",
        f"{path}, record ticket 33, field 'created_at': required field is missing",
        f"{path}, record ticket 34, field 'conversations.0.incoming': expected boolean, got string 'yes'",
    ]


def test_freshdesk_truncated_file_keeps_records_before_the_cut(freshdesk_dir):
    path = freshdesk_dir / "truncated.json"
    conversations, errors = _split(read_freshdesk(path))
    assert [c.external_id for c in conversations] == ["31", "35"]
    assert [str(e) for e in errors] == [
        f"{path}, record index 2: file ends mid-way: JSON cut off at byte {path.stat().st_size} "
        "(premature EOF); records before it were read"
    ]


def test_freshdesk_non_utf8_byte_costs_only_its_ticket(freshdesk_dir):
    path = freshdesk_dir / "bad_utf8.json"
    conversations, errors = _split(read_freshdesk(path))
    assert [c.external_id for c in conversations] == ["31", "35"]
    assert [str(e) for e in errors] == [f"{path}, record ticket 37, field 'description': not UTF-8 (byte 0xef)"]
