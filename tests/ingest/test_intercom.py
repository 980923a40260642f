"""Intercom reader against real files shaped like Intercom's "Retrieve a conversation" docs,
and the shared `html_to_text` helper it leans on."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from heard.ingest._text import html_to_text
from heard.ingest.intercom import read_intercom
from heard.ingest.registry import sniff
from heard.model import Channel, Conversation, Role


@pytest.fixture
def intercom_dir(data_dir):
    return data_dir / "helpdesk" / "intercom"


def _split(results):
    results = list(results)
    return [r for r in results if isinstance(r, Conversation)], [r for r in results if not isinstance(r, Conversation)]


@pytest.mark.parametrize("name", ["conversation.json", "conversations_list.json", "truncated.json", "bad_utf8.json"])
def test_intercom_sniff_recognises_each_fixture(intercom_dir, name):
    assert sniff(intercom_dir / name).name == "intercom"


def test_intercom_conversation_maps_parts_roles_notes_and_transfers(intercom_dir):
    [conversation] = list(read_intercom(intercom_dir / "conversation.json"))
    assert conversation.key == ("intercom", "1295")
    assert conversation.channel == Channel.chat  # source.type "conversation"
    assert (conversation.customer, conversation.agent, conversation.queue) == ("Ana Lima", "Tom Berg", "5017691")
    assert conversation.tags == ("billing",)
    assert conversation.satisfaction == 4
    assert [(m.role, m.public, m.text) for m in conversation.messages] == [
        (Role.customer, True, "Hi, my card was declined twice & I need this today."),
        (Role.bot, True, "Thanks for reaching out! I'm checking your account now."),
        (Role.system, True, "Assigned to Priya Nair"),
        (Role.agent, True, "That sounds stressful, Ana. Let's get this sorted before tonight."),
        (Role.agent, False, "Card issuer flagged fraud; needs billing team."),
        (Role.system, True, "Assigned from Priya Nair to Tom Berg"),
        (Role.agent, True, "I can retry the charge now, or send a payment link — which works better?"),
        (Role.customer, True, ""),  # an empty body is kept
        (Role.customer, True, "Payment link please 🙂"),
    ]  # the bodiless "close" part is left out
    first = conversation.messages[0]
    assert first.original_text == "<p>Hi, my card was <b>declined</b> twice &amp; I need this today.</p>"
    assert first.sent_at == datetime(2026, 3, 6, 9, 0, tzinfo=timezone.utc)
    assert conversation.messages[5].sent_at == datetime(2026, 3, 6, 9, 5, tzinfo=timezone.utc)


def test_intercom_list_page_maps_channels_and_names_bad_records(intercom_dir):
    path = intercom_dir / "conversations_list.json"
    conversations, errors = _split(read_intercom(path))
    assert [(c.external_id, c.channel) for c in conversations] == [("1296", Channel.email), ("1299", Channel.phone)]
    assert conversations[0].messages[0].text == "Hello,\nwhere is my refund?"
    assert conversations[0].customer == "lead@example.com"  # a lead is a customer
    assert [str(e) for e in errors] == [
        f"{path}, record conversation 1297, field 'created_at': not a date-time: 'yesterday'",
        f"{path}, record conversation 1298, field 'source.author.type': required field is missing",
    ]


def test_intercom_truncated_file_keeps_records_before_the_cut(intercom_dir):
    path = intercom_dir / "truncated.json"
    conversations, errors = _split(read_intercom(path))
    assert [c.external_id for c in conversations] == ["1295", "1296"]
    assert [str(e) for e in errors] == [
        f"{path}, record index 2: file ends mid-way: JSON cut off at byte {path.stat().st_size} "
        "(premature EOF); records before it were read"
    ]


def test_intercom_non_utf8_bytes_cost_only_their_conversation(intercom_dir):
    path = intercom_dir / "bad_utf8.json"
    conversations, errors = _split(read_intercom(path))
    assert [c.external_id for c in conversations] == ["1296", "1299"]
    assert [str(e) for e in errors] == [f"{path}, record conversation 1301, field 'source.body': not UTF-8 (byte 0xff)"]
    assert conversations[1].messages[0].text == "Caller asked about the upgrade. Zoë — ça va? 👍"


@pytest.mark.parametrize("html, expected", [
    ("<p>Hi there,</p><p>My order <b>#123</b> is late &amp; I&#39;m upset.</p>", "Hi there,\n\nMy order #123 is late & I'm upset."),
    ("a<br>b<br/>c", "a\nb\nc"),
    ("<ul><li>one</li><li>two</li></ul>", "- one\n- two"),
    ("<style>p {color: red}</style><script>alert(1)</script>kept", "kept"),
    ("plain text\nwith a line break &amp; an entity", "plain text\nwith a line break & an entity"),
    ("x < y and y > z", "x < y and y > z"),
    ("<p>café 😀 \u200fשלום</p>", "café 😀 \u200fשלום"),
    ("", ""),
])
def test_html_to_text_keeps_words_and_line_structure(html, expected):
    assert html_to_text(html) == expected
