"""Help Scout reader against real files shaped like the Mailbox API 2.0 docs (embed=threads)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from heard.ingest.helpscout import read_helpscout
from heard.ingest.registry import sniff
from heard.model import Channel, Conversation, Role


@pytest.fixture
def helpscout_dir(data_dir):
    return data_dir / "helpdesk" / "helpscout"


def _split(results):
    results = list(results)
    return [r for r in results if isinstance(r, Conversation)], [r for r in results if not isinstance(r, Conversation)]


@pytest.mark.parametrize("name", ["conversation.json", "conversations_list.json", "truncated.json", "bad_utf8.json"])
def test_helpscout_sniff_recognises_each_fixture(helpscout_dir, name):
    assert sniff(helpscout_dir / name).name == "helpscout"


def test_helpscout_conversation_orders_threads_and_maps_roles_notes_and_transfers(helpscout_dir):
    [conversation] = list(read_helpscout(helpscout_dir / "conversation.json"))
    assert conversation.key == ("helpscout", "10")
    assert conversation.channel == Channel.email
    assert (conversation.customer, conversation.agent, conversation.queue) == ("Vernon Bear", "Maya Chen", "1")
    assert conversation.tags == ("refund", "warranty")
    assert conversation.outcome == "closed"
    assert [(m.id, m.role, m.public, m.author) for m in conversation.messages] == [
        ("2198262392", Role.customer, True, "Vernon Bear"),
        ("2198262394", Role.agent, True, "Jack Sprout"),
        ("2198262396", Role.agent, False, "Jack Sprout"),  # note
        ("2198262397", Role.system, True, None),  # the status line item is left out
        ("2198262398", Role.agent, True, "Maya Chen"),
    ]
    transfer = conversation.messages[3]
    assert transfer.text == "Assigned from Jack Sprout to Maya Chen"
    assert transfer.sent_at == datetime(2026, 3, 5, 10, 0, tzinfo=timezone.utc)
    assert conversation.messages[0].text == "This is the third time I write about the kettle."
    assert conversation.messages[0].original_text == "This is the <b>third time</b> I write about the kettle."
    assert conversation.messages[1].text == "I'm sorry the kettle broke — that's frustrating.\nCould you send a photo?"


def test_helpscout_list_page_reads_chat_threads_and_names_bad_records(helpscout_dir):
    path = helpscout_dir / "conversations_list.json"
    conversations, errors = _split(read_helpscout(path))
    chat, phone = conversations
    assert chat.channel == Channel.chat and phone.channel == Channel.phone
    assert [(m.role, m.text) for m in chat.messages] == [
        (Role.customer, "Hi! Can't log in 😕"),
        (Role.agent, ""),  # an empty chat line is kept
        (Role.agent, "Let's fix it together — try the reset link I just sent."),
    ]
    assert [str(e) for e in errors] == [
        f"{path}, record conversation 12, field 'tags': expected array, got string 'invoice'",
        f"{path}, record conversation 13, field '_embedded.threads': "
        "a conversation needs its threads (ask for embed=threads)",
    ]


def test_helpscout_truncated_file_keeps_records_before_the_cut(helpscout_dir):
    path = helpscout_dir / "truncated.json"
    conversations, errors = _split(read_helpscout(path))
    assert [c.external_id for c in conversations] == ["10", "11"]
    assert [str(e) for e in errors] == [
        f"{path}, record index 2: file ends mid-way: JSON cut off at byte {path.stat().st_size} "
        "(premature EOF); records before it were read"
    ]


def test_helpscout_non_utf8_byte_costs_only_its_conversation(helpscout_dir):
    path = helpscout_dir / "bad_utf8.json"
    conversations, errors = _split(read_helpscout(path))
    assert [c.external_id for c in conversations] == ["11", "14"]
    assert [str(e) for e in errors] == [
        f"{path}, record conversation 16, field '_embedded.threads.0.body': not UTF-8 (byte 0xe9)"
    ]
    assert conversations[1].messages[0].text == "Customer called: Zoë wants a callback. ½ price? ¿Sí? 📞"
