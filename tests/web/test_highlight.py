"""`segments`: the pure function that lays findings over a message's text."""

from __future__ import annotations

import pytest

from heard.model import Finding, Span
from heard.web.highlight import Segment, segments


def finding(start, end, kind="move.name_feeling"):
    return Finding(kind=kind, span=Span("m1", start, end), score=0.9, detector="t", detector_version="1",
                   rationale="because")


def shape(result):
    """(text, covering findings) per segment: the readable form of a result."""
    return [(s.text, s.findings) for s in result]


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        pytest.param("hello world", [], [("hello world", ())], id="no findings"),
        pytest.param("hello world", [(0, 5)], [("hello", (0,)), (" world", ())], id="span at start"),
        pytest.param("hello world", [(6, 11)], [("hello ", ()), ("world", (0,))], id="span at end"),
        pytest.param("hello world", [(0, 11)], [("hello world", (0,))], id="whole text"),
        pytest.param("hello world", [(2, 4)], [("he", ()), ("ll", (0,)), ("o world", ())], id="middle"),
        pytest.param("aaaa bbbb", [(0, 4), (4, 9)], [("aaaa", (0,)), (" bbbb", (1,))], id="adjacent"),
        pytest.param(
            "abcdefghij", [(0, 6), (4, 10)],
            [("abcd", (0,)), ("ef", (0, 1)), ("ghij", (1,))], id="crossing overlap split in three",
        ),
        pytest.param(
            "abcdefghij", [(2, 5), (0, 10)],
            [("ab", (1,)), ("cde", (1, 0)), ("fghij", (1,))], id="nested: outer listed first in every segment",
        ),
        pytest.param(
            "abcdefghij", [(0, 5), (0, 5)], [("abcde", (0, 1)), ("fghij", ())], id="identical spans both kept",
        ),
        pytest.param(
            "abcdefghij", [(0, 3), (0, 8)], [("abc", (1, 0)), ("defgh", (1,)), ("ij", ())],
            id="same start: longer is outer",
        ),
        pytest.param(
            "abcdefghij", [(0, 10), (2, 6), (4, 8)],
            [("ab", (0,)), ("cd", (0, 1)), ("ef", (0, 1, 2)), ("gh", (0, 2)), ("ij", (0,))],
            id="three deep",
        ),
    ],
)
def test_segments_cover_text_with_the_right_findings(text, spans, expected):
    result = segments(text, [finding(s, e) for s, e in spans])
    assert shape(result) == expected
    assert "".join(s.text for s in result) == text


@pytest.mark.parametrize(
    "spans",
    [
        pytest.param([(3, 3)], id="zero length"),
        pytest.param([(5, 2)], id="reversed"),
        pytest.param([(-1, 4)], id="negative start"),
        pytest.param([(4, 12)], id="end past the text"),
        pytest.param([(11, 15)], id="wholly past the text"),
        pytest.param([(None, 4)], id="missing start"),
        pytest.param([(1.0, 4.0)], id="floats"),
        pytest.param([(True, 4)], id="bool is not an offset"),
    ],
)
def test_segments_ignore_spans_they_cannot_honour(spans):
    text = "hello world"
    result = segments(text, spans)
    assert shape(result) == [("hello world", ())]


def test_segments_keep_valid_spans_beside_ignored_ones_with_original_indices():
    result = segments("hello world", [(3, 3), (0, 5), (9, 99)])
    assert shape(result) == [("hello", (1,)), (" world", ())]


def test_segments_of_empty_text_are_empty():
    assert segments("", [(0, 1)]) == []


@pytest.mark.parametrize(
    "text, span, evidence",
    [
        pytest.param("I'm 😡 about it", (4, 5), "😡", id="emoji is one code point"),
        pytest.param("Très bien — merci", (0, 4), "Très", id="accented letters"),
        pytest.param("申し訳ありません、遅れています", (9, 15), "遅れています", id="cjk"),
        pytest.param("Thanks 👍🏽 so much", (7, 9), "👍🏽", id="emoji with skin tone (two code points)"),
        pytest.param("family 👨‍👩‍👧 trip", (7, 12), "👨‍👩‍👧", id="zwj sequence"),
    ],
)
def test_segments_slice_multibyte_text_by_code_point(text, span, evidence):
    result = segments(text, [span])
    marked = [s for s in result if s.highlighted]
    assert [s.text for s in marked] == [evidence]
    assert "".join(s.text for s in result) == text


def test_segments_record_where_each_finding_opens():
    result = segments("abcdefghij", [(0, 6), (4, 10), (4, 6)])
    assert [(s.text, s.opens) for s in result] == [("abcd", (0,)), ("ef", (1, 2)), ("ghij", ())]
    # Every finding opens exactly once, so its id and tab stop can go on that segment.
    opened = [i for s in result for i in s.opens]
    assert sorted(opened) == [0, 1, 2]


def test_segments_accept_findings_spans_and_pairs_alike():
    text = "That sounds exhausting."
    f = finding(0, 22)
    assert segments(text, [f]) == segments(text, [f.span]) == segments(text, [(0, 22)])
    assert segments(text, [f])[0] == Segment(0, 22, "That sounds exhausting", (0,), (0,))


def test_segments_do_not_interpret_markup():
    text = "<script>alert('x')</script> and <b>bold</b>"
    result = segments(text, [(0, 8)])
    assert [s.text for s in result] == ["<script>", "alert('x')</script> and <b>bold</b>"]
