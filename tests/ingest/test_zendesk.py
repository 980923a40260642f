"""Zendesk reader against real files shaped like Zendesk's API docs (tests/data/helpdesk/README.md)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from heard.errors import InvalidRecord
from heard.ingest.registry import read_path, sniff
from heard.ingest.zendesk import read_zendesk
from heard.model import Channel, Conversation, Role


@pytest.fixture
def zendesk_dir(data_dir):
    return data_dir / "helpdesk" / "zendesk"


def _split(results):
    results = list(results)
    conversations = [r for r in results if isinstance(r, Conversation)]
    errors = [r for r in results if not isinstance(r, Conversation)]
    return conversations, errors


@pytest.mark.parametrize("name", [
    "ticket_with_comments.json", "incremental_tickets.json", "audits.json", "export/tickets.json",
    "truncated.json", "bad_utf8.json", "lone_surrogate.json", "ticket_events.json",
])
def test_zendesk_sniff_recognises_each_fixture(zendesk_dir, name):
    assert sniff(zendesk_dir / name).name == "zendesk"


def test_zendesk_ticket_with_comments_maps_roles_public_flags_and_fields(zendesk_dir):
    [conversation] = list(read_zendesk(zendesk_dir / "ticket_with_comments.json"))
    assert conversation.key == ("zendesk", "35436")
    assert conversation.channel == Channel.email  # via.channel "email"
    assert conversation.subject == "Help, my printer is on fire!"
    assert conversation.queue == "98738"  # no groups side-loaded: the group id
    assert conversation.tags == ("enterprise", "printer")
    assert conversation.satisfaction == 5  # "good"
    assert conversation.outcome == "solved"
    assert [(m.id, m.role, m.public) for m in conversation.messages] == [
        ("1274", Role.customer, True),
        ("1275", Role.agent, True),
        ("1276", Role.agent, False),
        ("1277", Role.customer, True),
    ]
    assert conversation.messages[1].text.startswith("I'm so sorry — that sounds frightening.")
    assert conversation.messages[1].sent_at == datetime(2026, 3, 2, 9, 12, tzinfo=timezone.utc)
    assert conversation.messages[3].text == ""  # an empty body is kept, not dropped


def test_zendesk_incremental_export_uses_side_loaded_users_and_groups(zendesk_dir):
    conversations, _ = _split(read_zendesk(zendesk_dir / "incremental_tickets.json"))
    first, last = conversations
    assert first.external_id == "40001"
    assert first.channel == Channel.chat  # native_messaging
    assert first.queue == "Billing"
    assert first.customer == "Mona Aziz" and first.agent == "Sam Ortiz"
    assert first.satisfaction == 1  # "bad"
    [description] = first.messages
    assert (description.role, description.author) == (Role.customer, "Mona Aziz")
    assert description.text == "I was charged twice for order 5521 and nobody answers."
    assert last.channel == Channel.phone  # voice
    assert last.satisfaction == 4  # a numeric score as given
    assert last.customer == "Zoë Ångström"
    assert last.messages[0].text == "Thanks — you kept me updated the whole way. 🙏"


def test_zendesk_bad_tickets_name_file_record_and_field_and_good_ones_survive(zendesk_dir):
    path = zendesk_dir / "incremental_tickets.json"
    conversations, errors = _split(read_zendesk(path))
    assert [c.external_id for c in conversations] == ["40001", "40005"]
    assert all(isinstance(e, InvalidRecord) for e in errors)
    assert [str(e) for e in errors] == [
        f"{path}, record ticket 40002, field 'tags': expected array, got string 'shipping'",
        f"{path}, record index 2, field 'id': required field is missing",
        f"{path}, record ticket 40004, field 'created_at': required field is missing",
    ]


def test_zendesk_audits_turn_assignee_changes_into_transfers(zendesk_dir):
    [conversation] = list(read_zendesk(zendesk_dir / "audits.json"))
    assert conversation.key == ("zendesk", "35437")
    assert conversation.subject == "Dress for graduation"
    assert conversation.queue == "Returns"
    assert conversation.tags == ("graduation", "shipping")
    assert conversation.customer == "Mona Aziz"
    assert conversation.agent == "Lee Park"
    assert conversation.satisfaction == 5
    assert [(m.role, m.public, m.author) for m in conversation.messages] == [
        (Role.customer, True, "Mona Aziz"),
        (Role.agent, False, "Sam Ortiz"),
        (Role.system, True, None),
        (Role.agent, True, "Lee Park"),
        (Role.customer, True, "Mona Aziz"),
    ]
    transfer = conversation.messages[2]
    assert transfer.text == "Assigned from Sam Ortiz to Lee Park"
    assert transfer.sent_at == datetime(2026, 3, 4, 8, 20, tzinfo=timezone.utc)
    times = [m.sent_at for m in conversation.messages]
    assert times == sorted(times)


def test_zendesk_ticket_events_are_gathered_by_ticket_with_comments_and_transfers(zendesk_dir):
    """The Incremental Ticket Event Export (include=comment_events): events of many tickets in time
    order; a Create or Change child event carries its field as its own key."""
    path = zendesk_dir / "ticket_events.json"
    conversations, errors = _split(read_zendesk(path))
    [conversation] = conversations
    assert conversation.key == ("zendesk", "35438")
    assert conversation.subject == "Charged twice"
    assert conversation.tags == ("billing", "refund")
    assert conversation.outcome == "solved"
    assert conversation.channel == Channel.email  # "Web form"
    assert conversation.started_at == datetime(2026, 3, 5, 9, 0, tzinfo=timezone.utc)
    assert [(m.id, m.role, m.public) for m in conversation.messages] == [
        ("7002", Role.customer, True), ("7009", Role.agent, False), ("7010", Role.system, True), ("7012", Role.agent, True),
    ]
    assert conversation.messages[0].text.startswith("I was charged twice")
    assert conversation.messages[2].text == "Assigned from 235323 to 235324"
    assert [str(e) for e in errors] == [
        f"{path}, record ticket event 7101, field 'child_events': no Comment event in this ticket's audits"
        " (an Incremental Ticket Event Export needs include=comment_events)",
    ]


def test_zendesk_tickets_file_reads_comments_from_the_comments_folder(zendesk_dir):
    [conversation] = list(read_zendesk(zendesk_dir / "export" / "tickets.json"))
    assert conversation.channel == Channel.chat
    assert [(m.id, m.role) for m in conversation.messages] == [("9001", Role.customer), ("9002", Role.agent)]


def test_zendesk_comments_folder_is_not_read_twice_from_a_folder(zendesk_dir):
    results = list(read_path(zendesk_dir / "export"))
    assert [r.external_id for r in results] == ["501"]


def test_zendesk_truncated_file_keeps_records_before_the_cut(zendesk_dir):
    path = zendesk_dir / "truncated.json"
    conversations, errors = _split(read_zendesk(path))
    assert [c.external_id for c in conversations] == ["60001", "60002"]
    size = path.stat().st_size
    assert [str(e) for e in errors] == [
        f"{path}, record index 2: file ends mid-way: JSON cut off at byte {size} (premature EOF); "
        "records before it were read"
    ]


def test_zendesk_non_utf8_byte_costs_only_its_ticket_and_odd_unicode_is_kept(zendesk_dir):
    path = zendesk_dir / "bad_utf8.json"
    conversations, errors = _split(read_zendesk(path))
    assert [c.external_id for c in conversations] == ["70001", "70003"]
    assert [str(e) for e in errors] == [f"{path}, record ticket 70002, field 'description': not UTF-8 (byte 0xe9)"]
    assert conversations[0].messages[0].text == (
        "Le café était froid — ½ the order missing. ¿Qué pasó? 😤 \u200f\u05e9\u05dc\u05d5\u05dd e\u0301"
    )


def test_zendesk_lone_surrogate_escape_costs_only_its_ticket(zendesk_dir):
    """JSON allows "\\udc00" but it is half a character: the ticket is named, the others land."""
    path = zendesk_dir / "lone_surrogate.json"
    conversations, errors = _split(read_zendesk(path))
    assert [c.external_id for c in conversations] == ["70001", "70003"]
    assert [str(e) for e in errors] == [
        f"{path}, record ticket 70002, field 'description': not Unicode (an unpaired surrogate escape \\udc00)"]


@pytest.mark.parametrize("comment, plain", [
    ({"id": 1, "author_id": 7, "body": "Hi", "created_at": "2026-03-01T09:00:00Z", "public": False}, True),
    ({"id": "c1", "author_id": None, "body": "Hi", "html_body": "<p>Hi</p>"}, True),
    ({"id": 1, "author_id": 8, "body": "Hi", "created_at": "2026-03-01T09:00:00+05:30"}, True),
    # anything else goes the checked way, which reads it (or names the bad field)
    ({"id": 1, "author_id": 7, "html_body": "<p>Hi</p>"}, False),
    ({"id": 1, "author_id": 7, "plain_body": "Hi"}, False),
    ({"id": 1, "author_id": 7, "body": None, "html_body": "<p>Hi</p>"}, False),
    ({"id": 1, "author_id": 7, "body": "Hi", "created_at": 1772355600}, False),
    ({"id": 1, "author_id": 7, "body": "Hi", "created_at": "yesterday"}, False),
    ({"id": 1, "author_id": 7, "body": "Hi", "public": None}, False),
    ({"id": 1, "author_id": 7, "body": "Hi", "public": "yes"}, False),
    ({"id": True, "author_id": 7, "body": "Hi"}, False),
    ({"author_id": 7, "body": "Hi"}, False),
    ({"id": 1, "author_id": [7], "body": "Hi"}, False),
    ({"id": 1, "author_id": 7, "body": "Hi", "html_body": 3}, False),
    ("not an object", False),
])
def test_zendesk_plain_comments_read_as_the_checked_path_reads_them(comment, plain):
    from pathlib import Path

    from heard.ingest._helpdesk import Record
    from heard.ingest.zendesk import _comment_message, _plain_comment

    side = {"users": {"7": {"name": "Maya", "role": "end-user"}, "8": {"name": "Sam", "role": "agent"}}, "groups": {}}
    got = _plain_comment(comment, 7, side)
    assert (got is not None) == plain
    try:
        expected = _comment_message(Record({"c": [comment]}, path=Path("t.json"), name="ticket 1").sub("c", 0), 7, side)
    except InvalidRecord:
        expected = None
    if got is not None:
        assert got == expected


@pytest.mark.parametrize("text, expected", [
    ('{"tickets": [], "groups": [{"id": 1, "name": "Billing"}]}', True),
    ('{"tickets": [], "gr\\u006Fups": [{"id": 1, "name": "Billing"}]}', True),  # an escaped letter is the same key
    ('{"tickets": [{"subject": "groups of three"}], "users": []}', False),
    ('{"tickets": [{"subject": "caf\\u00e9"}]}', False),
])
def test_zendesk_side_load_pass_is_skipped_only_when_the_key_cannot_be_there(tmp_path, text, expected):
    from heard.ingest.zendesk import _may_hold_key, _side_loads

    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    assert _may_hold_key(path, "groups") == expected
    assert bool(_side_loads(path)["groups"]) == expected
