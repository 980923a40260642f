"""Heard's exceptions. Services raise these; the web layer maps them to HTTP in one place.

    HeardError
    ├── IngestError(path, record, field)
    │   ├── UnknownFormat
    │   └── InvalidRecord
    ├── ConfigError
    │   ├── UnknownDetector
    │   └── MissingRequirement
    ├── NotFound            (status 404)
    └── DetectorFailed
"""

from __future__ import annotations

import json


class HeardError(Exception):
    status = 500


class IngestError(HeardError):
    """A source could not be read. Names the file, the record (line or id) and the field."""

    status = 400

    def __init__(self, reason: str, *, path: str, record: str | None = None, field: str | None = None):
        self.reason, self.path, self.record, self.field = reason, str(path), record, field
        where = [self.path]
        if record is not None:
            where.append(f"record {record}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {reason}")


class UnknownFormat(IngestError):
    pass


class InvalidRecord(IngestError):
    pass


def json_object(line: str, *, path: str, record: str) -> dict:
    """One line of a JSON Lines file as an object, or an InvalidRecord naming the file and line."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        raise InvalidRecord(f"not valid JSON ({error.msg})", path=path, record=record) from None
    if not isinstance(row, dict):
        raise InvalidRecord("expected a JSON object", path=path, record=record)
    return row


class ConfigError(HeardError):
    status = 400


class UnknownDetector(ConfigError):
    pass


class MissingRequirement(ConfigError):
    pass


class NotFound(HeardError):
    status = 404


class DetectorFailed(HeardError):
    def __init__(self, detector: str, conversation: str, cause: BaseException):
        self.detector, self.conversation, self.cause = detector, conversation, cause
        super().__init__(f"Detector {detector!r} failed on conversation {conversation!r}: {cause!r}")
