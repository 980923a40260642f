"""Email reader: .eml files and mbox archives, threading, roles, charsets, quote stripping."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from heard.errors import IngestError, InvalidRecord
from heard.ingest.email_reader import clean_body, read_email, read_email_folder, read_eml_files, read_mbox
from heard.ingest.registry import read_path, sniff
from heard.model import Channel, Conversation, Role


@pytest.fixture
def email_dir(data_dir: Path) -> Path:
    return data_dir / "email"


def split(results) -> tuple[list[Conversation], list[IngestError]]:
    results = list(results)
    return ([r for r in results if isinstance(r, Conversation)], [r for r in results if isinstance(r, IngestError)])


def only(results) -> Conversation:
    conversations, errors = split(results)
    assert errors == []
    assert len(conversations) == 1
    return conversations[0]


@pytest.mark.parametrize("name", [
    "thread/01-customer.eml", "thread/02-agent.eml", "support.mbox", "charsets/latin-1-quoted-printable.eml",
    "broken/no-from.eml", "broken/mixed-line-endings.eml",
])
def test_email_sniff_recognises_fixture(email_dir, name):
    assert sniff(email_dir / name).name == "email"


def test_email_sniff_recognises_mbox_and_eml_without_suffix(tmp_path, email_dir):
    mbox = tmp_path / "archive"
    mbox.write_bytes((email_dir / "support.mbox").read_bytes())
    eml = tmp_path / "message.txt"
    eml.write_bytes((email_dir / "thread/01-customer.eml").read_bytes())
    assert sniff(mbox).name == "email"
    assert sniff(eml).name == "email"
    assert len(split(read_email(mbox))[0]) == 2


def test_read_eml_files_threads_by_references_and_subject(email_dir):
    conversations, errors = split(read_eml_files(sorted((email_dir / "thread").glob("*.eml"))))
    assert errors == []
    assert [c.external_id for c in conversations] == ["CAF=k2Lq7x1@mail.example.net", "other-1@example.org"]
    order, invoice = conversations
    assert [m.id for m in order.messages] == [
        "CAF=k2Lq7x1@mail.example.net", "20260303.1502.ticket-48213@shop.example.com", "BY5PR.3391@outlook.example.net",
    ]
    # the reply with no In-Reply-To/References joins its thread by the "Re:"-stripped subject
    assert [m.id for m in invoice.messages] == ["other-1@example.org", "reply-without-refs@shop.example.com"]
    assert (order.source, order.channel, order.subject) == ("email", Channel.email, "Order 48213 still hasn't arrived")


def test_read_eml_files_maps_roles_from_first_sender_and_support_domain(email_dir):
    order = split(read_eml_files(sorted((email_dir / "thread").glob("*.eml"))))[0][0]
    assert [(m.role, m.author) for m in order.messages] == [
        (Role.customer, "dana.reyes@example.net"),
        (Role.agent, "sam@shop.example.com"),
        (Role.customer, "dana.reyes@example.net"),
    ]
    assert (order.customer, order.agent) == ("dana.reyes@example.net", "sam@shop.example.com")
    assert order.messages[0].sent_at == datetime(2026, 3, 3, 14, 14, 5, tzinfo=timezone.utc)
    assert order.started_at == order.messages[0].sent_at


def test_read_eml_files_support_domains_argument_overrides_default(email_dir):
    order = split(read_eml_files(sorted((email_dir / "thread").glob("*.eml")), support_domains=["elsewhere.example"]))[0][0]
    assert [m.role for m in order.messages] == [Role.customer, Role.customer, Role.customer]


def test_read_eml_files_strips_signoff_html_quote_and_outlook_block(email_dir):
    order = split(read_eml_files(sorted((email_dir / "thread").glob("*.eml"))))[0][0]
    first, agent, reply = order.messages
    assert first.text == (
        "Hi,\n\nMy order 48213 was due last Friday and it still hasn't arrived. It's a\n"
        "birthday present for my daughter on Saturday."
    )
    assert first.original_text.endswith("Thanks,\nDana Reyes\n555-0142")
    # HTML-only body: tags, entities and the gmail quote are gone
    assert agent.text == (
        "Hi Dana,\n\nI'm sorry the present is late — I know Saturday matters. I've reshipped it overnight; "
        "it will be with you by Thursday."
    )
    assert "wrote:" in agent.original_text
    assert reply.text == "Thank you, that's a relief. Thursday works."
    assert "From: Sam (Shop Support)" in reply.original_text
    assert "\r" not in reply.original_text


def test_read_eml_files_keeps_original_message_marker_inside_a_sentence(email_dir):
    invoice = split(read_eml_files(sorted((email_dir / "thread").glob("*.eml"))))[0][1]
    assert invoice.messages[1].text == "Attached. -----Original Message----- markers inside a sentence don't cut."


def test_read_mbox_threads_messages_and_reports_the_bad_one(email_dir):
    conversations, errors = split(read_mbox(email_dir / "support.mbox"))
    assert [str(e) for e in errors] == [f"{email_dir / 'support.mbox'}, record message 3, field 'From': no From header"]
    assert isinstance(errors[0], InvalidRecord)
    refund, size = conversations
    assert refund.external_id == "m1@example.net"
    # mboxrd ">From " escaping is undone, so the customer's line survives quote stripping
    assert refund.messages[0].text == (
        "I returned the blender two weeks ago and I'm still waiting for the refund.\n"
        "From the tracking it was delivered on the 14th."
    )
    # "--" signature and an "On … \nwrote:" header wrapped over two lines are cut
    assert refund.messages[1].text == "Hi Dana, the refund went out today; you'll see it in 3-5 days."
    assert [(m.author, m.role) for m in size.messages] == [
        ("chris@example.org", Role.customer), ("care@shop.example.com", Role.agent), ("pat@example.org", Role.customer),
    ]
    assert size.messages[0].text == "The jacket is a size too small. Can I exchange it?"


@pytest.mark.parametrize("name, expected", [
    ("latin-1-quoted-printable.eml", "Bonjour,\n\nJ'ai reçu un colis abîmé. Où est le remboursement ? Très déçu."),
    ("windows-1252-8bit.eml", "I was charged €49 twice — “pending” they said. Please fix it…"),
    ("utf-8-base64.eml", "こんにちは、注文がまだ届きません。😞\nZürich — naïve café."),
    ("undeclared-broken.eml", "The caf\ufffd order is wrong \ufffd\ufffd and late."),
    ("unknown-charset.eml", "Still readable text."),
])
def test_read_email_decodes_charset(email_dir, name, expected):
    conversation = only(read_email(email_dir / "charsets" / name))
    assert conversation.messages[0].text == expected


def test_read_email_decodes_encoded_word_headers(email_dir):
    conversation = only(read_email(email_dir / "charsets/latin-1-quoted-printable.eml"))
    assert conversation.subject == "Colis abîmé"
    assert conversation.customer == "renee@example.fr"


def test_read_email_attachment_only_message_has_empty_text(email_dir):
    conversation = only(read_email(email_dir / "broken/attachment-only.eml"))
    assert conversation.messages[0].text == ""
    assert conversation.messages[0].role == Role.customer


def test_read_email_mixed_line_endings_become_newlines(email_dir):
    message = only(read_email(email_dir / "broken/mixed-line-endings.eml")).messages[0]
    assert message.text == "First line\nsecond line\nthird line"
    assert message.original_text == "First line\nsecond line\nthird line\n\n-- \nMo"


def test_read_email_missing_from_names_file_record_and_field(email_dir):
    path = email_dir / "broken/no-from.eml"
    [error] = list(read_email(path))
    assert isinstance(error, InvalidRecord)
    assert (error.path, error.record, error.field) == (str(path), "no-from.eml", "From")


def test_read_eml_files_bad_file_does_not_lose_good_ones(email_dir):
    conversations, errors = split(read_eml_files([email_dir / "broken/no-from.eml", email_dir / "thread/01-customer.eml"]))
    assert [e.field for e in errors] == ["From"]
    assert [c.external_id for c in conversations] == ["CAF=k2Lq7x1@mail.example.net"]


def test_read_email_huge_body_is_read_whole(tmp_path):
    line = "The parcel is still missing and nobody has called me back. " * 10
    body = "\n".join([line] * 20000)  # about 12 MB
    path = tmp_path / "huge.eml"
    path.write_text(f"From: Big <big@example.com>\nTo: help@shop.example.com\nSubject: Long\n\n{body}\n", encoding="utf-8")
    message = only(read_email(path)).messages[0]
    assert message.text == "\n".join([line.rstrip()] * 20000)  # trailing spaces of each line go
    assert message.sent_at is None


def test_read_email_repeated_message_id_is_kept_once(tmp_path, email_dir):
    first = email_dir / "thread/01-customer.eml"
    copy = tmp_path / "copy.eml"
    copy.write_bytes(first.read_bytes())
    conversation = only(read_eml_files([first, copy]))
    assert len(conversation.messages) == 1


def test_read_email_folder_threads_eml_files_and_reads_mbox(email_dir):
    conversations, errors = split(read_email_folder(email_dir))
    keys = [c.external_id for c in conversations]
    assert "CAF=k2Lq7x1@mail.example.net" in keys and "m4@example.org" in keys
    assert [e.field for e in errors] == ["From", "From"]  # broken/no-from.eml and message 3 of the mbox
    order = next(c for c in conversations if c.external_id == "CAF=k2Lq7x1@mail.example.net")
    assert len(order.messages) == 3


def test_read_path_threads_the_eml_files_of_a_folder_together(email_dir):
    by_folder, _ = split(read_path(email_dir / "thread"))
    by_files, _ = split(read_eml_files(sorted((email_dir / "thread").glob("*.eml"))))
    assert sorted(c.external_id for c in by_folder) == sorted(c.external_id for c in by_files)
    assert len(by_folder) < len(list((email_dir / "thread").glob("*.eml")))


@pytest.mark.parametrize("body, expected", [
    ("Fine, thanks.\n\nOn Mon, 2 Mar 2026 at 10:00, Sam <sam@shop.example.com> wrote:\n> Is it fixed?", "Fine, thanks."),
    ("Yes.\n\nLe lun. 2 mars 2026 à 10:00, Sam <s@x.fr> a écrit :\n> Ça marche ?", "Yes."),
    ("Top reply\n> quoted line\n>> deeper\nmore of mine", "Top reply\nmore of mine"),
    ("Please call me.\n-----Original Message-----\nFrom: a\nSent: b\n\nold", "Please call me."),
    ("Ok.\n\nFrom: Sam <sam@x.com>\nSent: Monday, March 2, 2026 10:00 AM\nTo: Me\nSubject: Re: x\n\nold", "Ok."),
    ("Ok.\n________________________________\nFrom: Sam <sam@x.com>\nDate: Monday\n\nold", "Ok."),
    ("Where is it?\n\n-- \nJo Bloggs\nACME", "Where is it?"),
    ("Where is it?\n\nSent from my iPhone", "Where is it?"),
    ("Where is it?\n\nGet Outlook for Android", "Where is it?"),
    ("It broke again.\n\nKind regards,\nJo Bloggs\nHead of Ops, ACME", "It broke again."),
    ("Thanks, that fixed it!", "Thanks, that fixed it!"),
    ("From: the start this was wrong.\nNothing else.", "From: the start this was wrong.\nNothing else."),
    ("Best,\n" + "a long line that is not a signature at all but real content " * 3, "Best,\n" + ("a long line that is not a signature at all but real content " * 3).strip()),
    ("> only a quote", ""),
    ("", ""),
])
def test_clean_body_strips_quotes_and_signatures(body, expected):
    assert clean_body(body) == expected
