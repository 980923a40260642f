import itertools
import json

from heard.analyze.detect import detect_lines
from heard.analyze.pipeline import Analyzer


def test_detect_lines_streams_without_reading_ahead():
    endless = (json.dumps({"id": i, "role": "customer", "text": "Where is my order?"}) for i in itertools.count())
    first = list(itertools.islice(detect_lines(endless, Analyzer([])), 3))
    assert [r["id"] for r in first] == [0, 1, 2]


def test_detect_lines_reports_bad_lines_by_number_and_field():
    lines = ['{"id": 1, "role": "agent"}', "[1]", "{oops", '{"id": 4, "role": "agent", "text": "x", "context": 5}',
             '{"id": 5, "role": "customer", "text": "half \\udc00 a character"}']
    assert [r["error"] for r in detect_lines(lines, Analyzer([]))] == [
        "line 1: field 'text' must be a string",
        "line 2: expected a JSON object",
        "line 3: not valid JSON (Expecting property name enclosed in double quotes)",
        "line 4: field 'context' must be a string",
        "line 5: field 'text' is not Unicode (an unpaired surrogate escape \\udc00)",
    ]
