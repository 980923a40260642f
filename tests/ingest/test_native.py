import pytest

from heard.errors import IngestError, UnknownFormat
from heard.ingest import read_path
from heard.ingest.registry import sniff


def split(results):
    good = [r for r in results if not isinstance(r, IngestError)]
    return good, [str(r) for r in results if isinstance(r, IngestError)]


def test_read_native_reads_every_field(data_dir):
    good, errors = split(list(read_path(data_dir / "native" / "good.jsonl")))
    assert errors == []
    assert [c.external_id for c in good] == ["A-1", "A-2"]
    first = good[0]
    assert (first.channel, first.subject, first.queue, first.customer) == ("email", "Late parcel", "orders", "Maya")
    assert first.started_at.isoformat() == "2026-03-06T09:12:00+00:00"
    phone = good[1]
    assert [(m.id, m.start_s, m.end_s) for m in phone.messages] == [("1", 0, 2.5), ("2", 2.4, 6.0)]
    assert phone.messages[1].text == "Hi Sam. Ünïcödé — ok 👍\r\nsecond line"


def test_read_native_names_file_line_and_field_and_keeps_good_lines(data_dir):
    path = data_dir / "native" / "broken.jsonl"
    good, errors = split(list(read_path(path)))
    assert [c.external_id for c in good] == ["A-1", "A-2"]
    assert errors == [
        f"{path}, record line 2: not valid JSON (Expecting ',' delimiter, column 1)",
        f"{path}, record line 3, field 'messages.0.role': Input should be 'customer', 'agent', 'bot' or 'system'",
        f"{path}, record line 4, field 'external_id': Field required",
        f"{path}, record line 5: not UTF-8 (invalid continuation byte at byte 106)",
        f"{path}, record line 7: expected a JSON object, got list",
    ]


def test_read_csv_groups_rows_into_conversations(data_dir):
    good, errors = split(list(read_path(data_dir / "native" / "messages.csv")))
    assert errors == []
    assert [(c.external_id, c.channel, len(c.messages)) for c in good] == [("C-1", "chat", 2), ("C-2", "sms", 1)]
    assert good[0].messages[1].text == "I'm sorry we charged you twice."


def test_read_csv_names_line_and_field_of_bad_rows(data_dir):
    path = data_dir / "native" / "broken.csv"
    good, errors = split(list(read_path(path)))
    assert [(c.external_id, [m.text for m in c.messages]) for c in good] == [("C-1", ["Hello"]), ("C-3", ["only two"])]
    assert errors[0] == f"{path}, record line 3, field 'role': Input should be 'customer', 'agent', 'bot' or 'system'"
    assert errors[1].startswith(f"{path}, record line 4, field 'sent_at': Input should be a valid datetime")
    assert errors[2:] == [f"{path}, record line 5, field 'conversation_id': empty value",
                          f"{path}, record line 7: wrong number of columns"]


def test_sniff_rejects_an_unknown_file_by_name(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some notes")
    with pytest.raises(IngestError, match=r"notes.txt: no reader recognises this file"):
        sniff(path)
    results = list(read_path(path))
    assert len(results) == 1 and isinstance(results[0], UnknownFormat) and results[0].path == str(path)


def test_read_path_reads_a_zip_and_names_members_in_errors(data_dir):
    path = data_dir / "native" / "export.zip"  # tickets/good.jsonl + broken.csv
    good, errors = split(list(read_path(path)))
    assert sorted(c.external_id for c in good) == ["A-1", "A-2", "C-1", "C-3"]
    assert errors[0] == (f"{path}!broken.csv, record line 3, field 'role': "
                         "Input should be 'customer', 'agent', 'bot' or 'system'")


def test_read_path_reports_a_corrupt_zip(data_dir, tmp_path):
    path = tmp_path / "export.zip"
    data = bytearray((data_dir / "native" / "export.zip").read_bytes())
    data[60:70] = b"XXXXXXXXXX"  # inside the first member's data: its CRC no longer matches
    path.write_bytes(bytes(data))
    results = list(read_path(path))
    assert [str(r) for r in results] == [f"{path}: broken zip archive (Bad CRC-32 for file 'tickets/good.jsonl')"]
