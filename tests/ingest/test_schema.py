import json
from pathlib import Path

import jsonschema
import pytest

from heard.errors import InvalidRecord
from heard.ingest.schema import conversation_from_dict, fast_conversation, json_schema

SCHEMA_FILE = Path(__file__).parents[2] / "docs" / "conversation.schema.json"


def test_published_schema_matches_the_validator():
    # Regenerate with: python -c "import json; from heard.ingest.schema import json_schema; print(json.dumps(json_schema(), indent=2))"
    assert json.loads(SCHEMA_FILE.read_text()) == json_schema()


def test_schema_accepts_good_records_and_rejects_a_bad_role(data_dir):
    schema = json.loads(SCHEMA_FILE.read_text())
    for line in (data_dir / "native" / "good.jsonl").read_text().splitlines():
        jsonschema.validate(json.loads(line), schema)
    bad = {"source": "s", "external_id": "1", "channel": "chat", "messages": [{"role": "boss", "text": "x"}]}
    assert not jsonschema.Draft202012Validator(schema).is_valid(bad)


def test_schema_fields_are_the_models_fields():
    # fast_conversation decodes straight into the model: a field only one side has would be read
    # by the fast path and ignored by pydantic (or the other way round).
    from dataclasses import fields

    from heard.ingest.schema import ConversationIn, MessageIn
    from heard.model import Conversation, Message

    assert {f.name for f in fields(Message)} == set(MessageIn.model_fields)
    assert {f.name for f in fields(Conversation)} == set(ConversationIn.model_fields)


def _record(message=None, **fields):
    return {"source": "s", "external_id": "1", "channel": "chat",
            "messages": [{"id": "1", "role": "customer", "text": "Hi", **(message or {})}], **fields}


@pytest.mark.parametrize("record, fast", [
    (_record(), True),
    (_record({"sent_at": "2026-03-01T09:30:00.25+05:30", "author": "Zoë", "start_s": 0, "end_s": 2.5,
              "public": False, "original_text": "<p>Hi</p>", "extra": 1},
             subject="Late", customer="Maya", agent="Sam", queue="orders", outcome="solved", satisfaction=5,
             tags=["vip"], unknown=True), True),
    (_record({"sent_at": "2026-03-01T09:30:00"}, started_at="2026-03-01 09:00:00Z"), True),
    # pydantic's reading differs from msgspec's, or only pydantic checks it: the full validator decides
    (_record({"sent_at": "2026-03-01T09:30:00.9999999Z"}), False),  # truncated, not rounded
    (_record({"sent_at": "2026-03-01"}), False),
    (_record({"sent_at": 1772357400}), False),
    (_record({"start_s": -1}), False),
    ('{"source": "s", "external_id": "1", "channel": "chat", "messages": [{"id": "1", "role": "customer", '
     '"text": "Hi", "sent_at": "2026-03-01T09:30:00.\\u00399999999Z"}]}', False),
    ('{"source": "s", "external_id": "1", "channel": "chat", "messages": [{"id": "1", "role": "customer", '
     '"text": "Hi", "\\u0073tart_s": -1}]}', False),
    (_record({"end_s": "2.5"}), False),
    (_record({"public": "true"}), False),
    (_record({"id": ""}), False),
    (_record({"id": None}), False),
    (_record(satisfaction=0), False),
    (_record(satisfaction=6), False),
    (_record(satisfaction=4.0), False),
    (_record(source=""), False),
    (_record(messages=[]), False),
    (_record(messages=[{"id": "1", "role": "customer", "text": "a"}, {"id": "1", "role": "agent", "text": "b"}]), False),
    (_record(channel="fax"), False),
    (["not", "an", "object"], False),
])
def test_fast_conversation_agrees_with_the_full_validator(record, fast):
    raw = (record if isinstance(record, str) else json.dumps(record)).encode()
    got = fast_conversation(raw)
    assert (got is not None) == fast
    try:
        expected = conversation_from_dict(json.loads(raw), path="p", record="line 1")
    except InvalidRecord:
        expected = None
    if got is not None:
        assert got == expected and got.started_at == expected.started_at
