"""stream_json: the fast walk (the standard library's C scanner) yields exactly what the ijson walk
yields, and leaves everything it might read differently, or cannot parse, to ijson."""

from __future__ import annotations

import json

import pytest

from heard.ingest import _helpdesk
from heard.ingest._helpdesk import Broken, Item, Value, _walk_ijson, stream_json

READERS_ARRAYS = [("", "tickets", "audits"), ("",), ("", "conversations"), ("", "_embedded.conversations"),
                  ("comments",)]


def _plain(parts):
    """Parts without the `clean` flag (the fast walk reads ahead, so it may clear it sooner)."""
    return [(type(p).__name__, p.array, p.index, p.value) if isinstance(p, Item) else p for p in parts]


def _same_as_ijson(path, arrays):
    assert _plain(stream_json(path, arrays)) == _plain(_walk_ijson(path, arrays))


@pytest.mark.parametrize("arrays", READERS_ARRAYS)
def test_stream_json_yields_what_ijson_yields_for_every_fixture(data_dir, arrays):
    files = sorted((data_dir / "helpdesk").rglob("*.json")) + sorted((data_dir / "social").glob("*.json"))
    files = [f for f in files if f.name != "lone_surrogate.json"]  # ijson gives up on it: see below
    assert len(files) > 10
    for path in files:
        _same_as_ijson(path, arrays)


def _no_fallback(monkeypatch):
    def refuse(path, arrays):
        raise AssertionError("fell back to ijson")
        yield

    monkeypatch.setattr(_helpdesk, "_walk_ijson", refuse)


@pytest.mark.parametrize("text", [
    '{"tickets": [{"id": 1, "a": [1, 2.5, -0, 1E2, true, null]}, {"id": 2}], "users": [{"id": 1}], "count": 2}',
    ' \n\t[ {"id": 1} ,\r\n {"id": "2", "s": "caf\\u00e9 \\ud83d\\ude00 \\"q\\" \\\\"} ] \n',
    '{"_embedded": {"conversations": [{"id": 5}], "page": 1}, "item": {"x": 1}}',
    '{"tickets": []}', '[]', '{}', '"just a string"', '{"tickets": {"not": "an array"}}',
])
def test_stream_json_fast_walk_reads_regular_files_alone(tmp_path, monkeypatch, text):
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    expected = _plain(_walk_ijson(path, ("", "tickets", "_embedded.conversations")))
    _no_fallback(monkeypatch)
    assert _plain(stream_json(path, ("", "tickets", "_embedded.conversations"))) == expected


@pytest.mark.parametrize("text, broken", [
    ('[{"id": 1}, {"n": NaN}, {"id": 3}]', True),  # not JSON: yajl stops there
    ('[{"id": 1}, {"n": 1e400}, {"id": 3}]', True),  # overflow: yajl stops, json would give inf
    ('[{"id": 1}, {"s": "\\\\ud800 is text"}, {"id": 3}]', False),  # not an escape: ijson reads it all the same
    ('[{"id": 1}, {"id": 2}] trailing', True),
    ('[{"id": 1}, {"id": 2}', True),  # cut
    ('[{"id": 1}, {"id": 2', True),
    ('[{"id": 1}, {"id": 2}, 12', True),
    ('[{"id": 1}, {"id": 2,, "x": 1}, {"id": 3}]', True),
    ('[{"id": 1}, {"s": "tab\tinside"}, {"id": 3}]', True),
    ('', True), ('   ', True),
])
def test_stream_json_leaves_the_irregular_to_ijson(tmp_path, text, broken):
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    parts = list(stream_json(path, ("",)))
    assert _plain(parts) == _plain(_walk_ijson(path, ("",)))
    assert isinstance(parts[-1], Broken) == broken


def test_stream_json_reads_items_across_chunks_and_items_bigger_than_a_chunk(tmp_path, monkeypatch):
    records = [{"id": i, "body": "x" * (i * 7 % 300), "n": 123456789 + i} for i in range(200)]
    records.append({"id": "big", "body": "é" * 5000})
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"tickets": records, "end": 12345}), encoding="utf-8")
    monkeypatch.setattr(_helpdesk, "_CHUNK", 97)  # items and numbers cut at every place
    _no_fallback(monkeypatch)
    parts = list(stream_json(path, ("tickets",)))
    assert [p.value for p in parts if isinstance(p, Item)] == records
    assert parts[-1] == Value("end", 12345)


def test_stream_json_marks_items_after_a_bad_byte_as_not_clean(tmp_path):
    path = tmp_path / "export.json"
    path.write_bytes(b'[{"s": "fine"}, {"s": "caf\xe9"}, {"s": "fine"}]')
    parts = list(stream_json(path, ("",)))
    assert [_helpdesk.find_bad_bytes(p.value) for p in parts] == [None, ("s", "not UTF-8 (byte 0xe9)"), None]
    assert all(not p.clean or _helpdesk.find_bad_bytes(p.value) is None for p in parts)
    assert not parts[1].clean
    clean = tmp_path / "clean.json"
    clean.write_text('[{"s": "café \U0010FDFF"}]', encoding="utf-8")  # the 0xF4 lead byte: checked anyway
    assert [p.clean for p in stream_json(clean, ("",))] == [False]
    clean.write_text('[{"s": "café 😀"}]', encoding="utf-8")
    assert [p.clean for p in stream_json(clean, ("",))] == [True]


@pytest.mark.parametrize("escape", ["\\ud800", "\\udc00"])
def test_stream_json_reads_a_lone_surrogate_escape_and_leaves_it_to_find_bad_bytes(tmp_path, monkeypatch, escape):
    """yajl reads a lone high surrogate as "?" and gives up on a lone low one; the fast walk keeps
    the item, not clean, so its reader names the record and field and the others land."""
    path = tmp_path / "export.json"
    path.write_text(f'[{{"id": 1}}, {{"s": "{escape} alone"}}, {{"id": 3}}]', encoding="utf-8")
    _no_fallback(monkeypatch)
    parts = list(stream_json(path, ("",)))
    assert [p.value.get("id") for p in parts] == [1, None, 3]
    assert not parts[1].clean
    code = escape.removeprefix("\\u")
    assert _helpdesk.find_bad_bytes(parts[1].value) == ("s", f"not Unicode (an unpaired surrogate escape \\u{code})")


def test_ijson_walk_reports_a_lone_low_surrogate_as_a_broken_file(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('[{"id": 1}, {"s": "\\udc00"}, {"id": 3}]', encoding="utf-8")
    parts = list(_walk_ijson(path, ("",)))
    assert [type(p).__name__ for p in parts] == ["Item", "Broken"]
    assert parts[-1].reason == "a string that is not Unicode"
