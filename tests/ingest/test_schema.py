import json
from pathlib import Path

import jsonschema

from heard.ingest.schema import json_schema

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
