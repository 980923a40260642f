"""Social readers: the TWCS CSV (streamed) and X API v2 tweet JSON."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from heard.errors import IngestError, InvalidRecord
from heard.ingest.registry import sniff
from heard.ingest import twitter
from heard.ingest.twitter import read_twcs, read_x
from heard.model import Channel, Conversation, Role


@pytest.fixture
def social(data_dir: Path) -> Path:
    return data_dir / "social"


def split(results) -> tuple[list[Conversation], list[IngestError]]:
    results = list(results)
    return ([r for r in results if isinstance(r, Conversation)], [r for r in results if isinstance(r, IngestError)])


@pytest.mark.parametrize("name, format", [
    ("twcs-threads.csv", "twcs"), ("twcs-pandas-resave.csv", "twcs"),
    ("x-search-conversation.json", "x"), ("x-replies-without-root.json", "x"), ("x-not-json.json", "x"),
])
def test_social_sniff_recognises_fixture(social, name, format):
    assert sniff(social / name).name == format


def test_read_twcs_rebuilds_threads_from_reply_links(social):
    conversations, _ = split(read_twcs(social / "twcs-threads.csv"))
    parcel = conversations[0]
    assert (parcel.source, parcel.external_id, parcel.channel) == ("twcs", "5000", Channel.social)
    # rows come newest-first in the file; messages are in time order
    assert [(m.id, m.role, m.author) for m in parcel.messages] == [
        ("5000", Role.customer, "900001"),
        ("5001", Role.agent, "AcmeHelp"),
        ("5002", Role.customer, "900001"),
        ("5003", Role.agent, "AcmeHelp"),
        ("5004", Role.customer, "900002"),  # a second customer joining the thread
    ]
    assert (parcel.customer, parcel.agent) == ("900001", "AcmeHelp")
    assert parcel.messages[0].sent_at == datetime(2017, 10, 31, 22, 10, 47, tzinfo=timezone.utc)
    assert parcel.started_at == parcel.messages[0].sent_at
    assert parcel.messages[2].text == "@AcmeHelp It's order 48213 & the box is crushed <again>"


def test_read_twcs_emits_each_thread_when_complete(social):
    conversations, _ = split(read_twcs(social / "twcs-threads.csv"))
    # 7000 waits for a reply (7001) that never comes, so it is emitted last, at the end of the file
    assert [c.external_id for c in conversations] == ["5000", "6000", "9000", "7000"]
    assert [m.id for m in conversations[-1].messages] == ["7000"]


def test_read_twcs_line_endings_and_odd_text(social):
    conversations, _ = split(read_twcs(social / "twcs-threads.csv"))
    flight = conversations[1]
    assert [m.text for m in flight.messages] == [
        "@Skyline flight cancelled,\nno rebooking offered",  # CRLF inside a quoted field
        "@900003 We're on it.\nOur team will call you today.",  # a bare CR in an unquoted field
    ]
    empty, odd = conversations[2].messages
    assert empty.text == ""
    assert odd.text == "@900006 Hi! 👋🏽 Zero‑width\u200bjoiner, RTL \u202eabc\u202c, combining e\u0301"


def test_read_twcs_bad_rows_name_tweet_line_and_field(social):
    path = social / "twcs-threads.csv"
    conversations, errors = split(read_twcs(path))
    assert [str(e) for e in errors] == [
        f"{path}, record tweet 5002 (line 4), field 'tweet_id': this tweet id was already read",
        f"{path}, record tweet 8000 (line 12), field 'inbound': expected True or False, got 'maybe'",
        f"{path}, record tweet 8001 (line 13), field 'created_at': not a date like 'Tue Oct 31 22:10:47 +0000 2017': '2017-11-01 10:00'",
        f"{path}, record tweet 8002 (line 14): wrong number of columns (8, expected 7)",
        f"{path}, record line 15, field 'tweet_id': not a tweet id: 'abc'",
    ]
    assert all(isinstance(e, InvalidRecord) for e in errors)
    assert sum(len(c.messages) for c in conversations) == 10  # every good row still comes through


def test_read_twcs_pandas_resave_with_index_column_and_float_ids(social):
    [conversation] = split(read_twcs(social / "twcs-pandas-resave.csv"))[0]
    assert conversation.external_id == "12"
    assert [(m.id, m.role) for m in conversation.messages] == [("12", Role.customer), ("11", Role.agent)]


def test_read_twcs_missing_column_is_one_error(tmp_path):
    path = tmp_path / "tweets.csv"
    path.write_text("tweet_id,author_id,inbound,created_at,text\n1,a,True,x,y\n")
    [error] = list(read_twcs(path))
    assert (error.record, error.field) == ("line 1", "response_tweet_id")


def test_read_twcs_window_emits_stale_threads_early(social):
    full = [c.external_id for c in split(read_twcs(social / "twcs-threads.csv"))[0]]
    windowed = split(read_twcs(social / "twcs-threads.csv", window=5))[0]
    # same threads, but 7000 no longer waits for the end of the file
    assert sorted(c.external_id for c in windowed) == sorted(full)
    assert [c.external_id for c in windowed].index("7000") < len(windowed) - 1


def test_read_twcs_window_late_reply_starts_partial_thread(tmp_path):
    path = tmp_path / "late.csv"
    rows = ["tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id",
            "1,100,True,Tue Oct 31 10:00:00 +0000 2017,@Brand help,2,",
            *[f"{n},{n}00,True,Tue Oct 31 10:0{n}:00 +0000 2017,@Brand filler,," for n in range(3, 8)],
            "2,Brand,False,Tue Oct 31 11:00:00 +0000 2017,@100 on it,,1"]
    path.write_text("\n".join(rows) + "\n")
    conversations = split(read_twcs(path, window=2))[0]
    late = next(c for c in conversations if c.messages[0].id == "2")
    assert (late.external_id, late.tags) == ("2", ("partial",))
    whole = next(c for c in split(read_twcs(path))[0] if c.external_id == "1")
    assert [m.id for m in whole.messages] == ["1", "2"]  # without a window the thread is whole


def test_read_twcs_streams_each_thread_right_after_its_last_row(tmp_path, monkeypatch):
    """Memory is bounded by open threads: a thread is yielded as soon as its rows are read, long
    before the end of the file (the memory figures themselves belong in a benchmark)."""
    path = tmp_path / "many.csv"
    with open(path, "w") as f:
        f.write("tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n")
        for n in range(1000):
            a, b = 2 * n + 1, 2 * n + 2
            f.write(f"{b},Brand,False,Tue Oct 31 10:00:10 +0000 2017,@{n} we can help with that order,,{a}\n")
            f.write(f"{a},{n},True,Tue Oct 31 10:00:00 +0000 2017,@Brand my order is late again,{b},\n")
    rows_read = 0
    parse_row = twitter._parse_row

    def counting(*args, **kwargs):
        nonlocal rows_read
        rows_read += 1
        return parse_row(*args, **kwargs)

    monkeypatch.setattr(twitter, "_parse_row", counting)
    seen = [(conversation.external_id, rows_read) for conversation in read_twcs(path)]
    assert seen[:3] == [("1", 2), ("3", 4), ("5", 6)]
    assert all(rows == 2 * (k + 1) for k, (_, rows) in enumerate(seen))


def test_read_twcs_reads_the_real_sample(shared_data):
    path = shared_data / "twcs" / "sample.csv"
    assert sniff(path).name == "twcs"
    conversations, errors = split(read_twcs(path))
    assert errors == []
    assert (len(conversations), sum(len(c.messages) for c in conversations)) == (23, 80)
    virgin = next(c for c in conversations if any(m.author == "VirginTrains" for m in c.messages))
    assert {m.role for m in virgin.messages if m.author == "VirginTrains"} == {Role.agent}
    assert all(m.role == Role.customer for c in conversations for m in c.messages if m.author.isdigit())
    assert all(c.channel == Channel.social and c.source == "twcs" for c in conversations)


def test_read_x_groups_by_conversation_and_maps_roles(social):
    path = social / "x-search-conversation.json"
    conversations, errors = split(read_x(path))
    order, app = conversations
    assert (order.source, order.external_id, order.channel) == ("x", "1712000000000000001", Channel.social)
    # the root comes from includes.tweets; messages are in time order
    assert [(m.id[-3:], m.role, m.author) for m in order.messages] == [
        ("001", Role.customer, "dana_r"),
        ("002", Role.customer, "lee_k"),  # someone else chiming in is not the brand
        ("003", Role.agent, "AcmeHelp"),
        ("004", Role.customer, "dana_r"),
    ]
    assert (order.customer, order.agent) == ("dana_r", "AcmeHelp")
    assert order.messages[2].text == "@dana_r I'm sorry it's late & I know Saturday matters. It's reshipped overnight."
    assert order.messages[0].sent_at == datetime(2026, 3, 3, 14, 14, 5, tzinfo=timezone.utc)
    assert app.messages[0].text == "@AcmeHelp is the app down?\nIt won't load."
    assert [m.role for m in app.messages] == [Role.customer, Role.agent]


def test_read_x_errors_name_tweet_and_field(social):
    path = social / "x-search-conversation.json"
    errors = split(read_x(path))[1]
    assert [(e.path, e.record, e.field) for e in errors] == [
        (str(path), "tweet 1712000000000000005", "ids"),
        (str(path), "tweet 1712000000000000009", "created_at"),
    ]
    assert errors[0].reason == "Could not find tweet with ids: [1712000000000000005]."


def test_read_x_root_missing_uses_whom_replies_address(social):
    [conversation] = split(read_x(social / "x-replies-without-root.json"))[0]
    assert conversation.external_id == "1279944223114900000"
    assert conversation.customer == "1102323333"
    assert conversation.tags == ("partial",)
    assert [(m.author, m.role) for m in conversation.messages] == [
        ("22222222", Role.agent), ("1102323333", Role.customer), ("63044444", Role.agent),
    ]


def test_read_x_support_handles_argument(social):
    order = split(read_x(social / "x-search-conversation.json", support_handles=["@acmehelp"]))[0][0]
    assert [m.role for m in order.messages] == [Role.customer, Role.customer, Role.agent, Role.customer]


def test_read_x_not_json_is_an_error(social):
    [error] = list(read_x(social / "x-not-json.json"))
    assert isinstance(error, InvalidRecord) and error.reason.startswith("not valid JSON")
