"""What the help-desk readers (Zendesk, Freshdesk, Intercom, Help Scout) share.

- `stream_json(path, arrays)` walks a JSON export without loading it whole: the items of the
  arrays named in `arrays` ("" is a top-level array, "tickets", "_embedded.conversations" …)
  come out one by one, every other top-level value comes out whole. Bytes that are not UTF-8
  are swapped for a marker (see `find_bad_bytes`) so one broken byte costs only its record; a
  file cut mid-way ends with a `Broken` part that says where.
- `Record` wraps one vendor record and raises `InvalidRecord` naming file, record and field
  when a field is missing or of the wrong type.
- `parse_time`, `body_text` and `Transfers` are the small mapping helpers.
"""

from __future__ import annotations

import codecs
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import ijson

from heard.errors import InvalidRecord
from heard.ingest._text import html_to_text

_BAD_BYTE_BASE = 0x10FE00  # bad byte b becomes chr(_BAD_BYTE_BASE + b), a private-use character
_ERROR_HANDLER = "heard-mark-bad-bytes"


def _mark_bad_bytes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(_BAD_BYTE_BASE + b) for b in bad), error.end


codecs.register_error(_ERROR_HANDLER, _mark_bad_bytes)


class Utf8Repair:
    """A binary file that hands out valid UTF-8: each undecodable byte becomes a marker
    character, and a leading BOM is dropped. Counts the bytes read from the source."""

    def __init__(self, raw):
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")(errors=_ERROR_HANDLER)
        self.consumed = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._raw.read(size)
        self.consumed += len(chunk)
        return self._decoder.decode(chunk, final=not chunk).encode("utf-8")


def find_bad_bytes(value: Any, path: str = "") -> tuple[str, int] | None:
    """The dotted path of the first string in `value` that held a non-UTF-8 byte, and the byte."""
    if isinstance(value, str):
        for char in value:
            if _BAD_BYTE_BASE <= ord(char) <= _BAD_BYTE_BASE + 0xFF:
                return path, ord(char) - _BAD_BYTE_BASE
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = find_bad_bytes(item, f"{path}.{key}" if path else str(key))
        if found:
            return found
    return None


@dataclass(frozen=True)
class Item:
    """One item of a streamed array: `array` is its name ("" for a top-level array)."""

    array: str
    index: int
    value: Any


@dataclass(frozen=True)
class Value:
    """A value outside the streamed arrays, whole: `key` is its dotted path ("" for the root)."""

    key: str
    value: Any


@dataclass(frozen=True)
class Broken:
    """The JSON stopped parsing: `reason` says why, `position` how many bytes were read."""

    reason: str
    position: int
    cut: bool  # True when the file simply ends mid-way


Part = Item | Value | Broken


def stream_json(path: Path, arrays: Collection[str]) -> Iterator[Part]:
    """Walk `path`'s JSON, yielding the items of `arrays` one by one and other values whole."""
    item_of = {(f"{a}.item" if a else "item"): a for a in arrays}
    walk_into = {parent for a in arrays if a for parent in _parents(a)}
    with open(path, "rb") as raw:
        source = Utf8Repair(raw)
        counts: dict[str, int] = {}
        builder, depth, building = None, 0, ("", None)
        try:
            for prefix, event, value in ijson.parse(source, use_float=True):
                if builder is not None:
                    builder.event(event, value)
                    depth += event in ("start_map", "start_array")
                    depth -= event in ("end_map", "end_array")
                    if depth == 0:
                        yield _finish(building, builder.value)
                        builder = None
                    continue
                if event in ("map_key", "end_map", "end_array"):
                    continue
                if event == "start_array" and prefix in arrays:
                    continue
                if event == "start_map" and prefix in walk_into:
                    continue
                if prefix in item_of:
                    array = item_of[prefix]
                    index = counts.get(array, 0)
                    counts[array] = index + 1
                    building = (array, index)
                else:
                    building = (prefix, None)
                if event in ("start_map", "start_array"):
                    builder, depth = ijson.ObjectBuilder(), 1
                    builder.event(event, value)
                else:
                    yield _finish(building, value)
        except ijson.JSONError as error:
            reason = str(error).split("\n", 1)[0].removeprefix("parse error: ").strip()
            size = path.stat().st_size
            cut = "premature EOF" in reason or isinstance(error, ijson.IncompleteJSONError) and source.consumed >= size
            yield Broken(reason or "not valid JSON", source.consumed, cut)


def _parents(dotted: str) -> list[str]:
    parts = dotted.split(".")
    return [".".join(parts[:i]) for i in range(len(parts))]


def _finish(building: tuple[str, int | None], value: Any) -> Part:
    name, index = building
    return Value(name, value) if index is None else Item(name, index, value)


def broken_file_error(broken: Broken, *, path: Path, record: str | None) -> InvalidRecord:
    """The error for a file that stopped parsing; `record` names what was being read."""
    if broken.cut:
        reason = f"file ends mid-way: JSON cut off at byte {broken.position} ({broken.reason}); records before it were read"
    else:
        reason = f"not valid JSON ({broken.reason}) within the first {broken.position} bytes; records before it were read"
    return InvalidRecord(reason, path=str(path), record=record)


class Record:
    """One vendor record (a dict) with typed getters that raise `InvalidRecord` naming the field.

    `name` is how errors name the record, e.g. "ticket 35436" or "index 2"."""

    def __init__(self, data: Any, *, path: Path, name: str, prefix: str = ""):
        if not isinstance(data, dict):
            raise InvalidRecord(
                f"expected a JSON object, got {_json_type(data)}", path=str(path), record=name, field=prefix or None
            )
        self.data, self.path, self.name, self.prefix = data, path, name, prefix

    def error(self, reason: str, key: str | None = None) -> InvalidRecord:
        field = ".".join(p for p in (self.prefix, key) if p) or None
        return InvalidRecord(reason, path=str(self.path), record=self.name, field=field)

    def sub(self, key: str, index: int | None = None) -> Record:
        """The object at `key` (or `key[index]`), as a Record naming its place."""
        value = self.data.get(key) if index is None else self.data[key][index]
        where = key if index is None else f"{key}.{index}"
        return Record(value, path=self.path, name=self.name, prefix=".".join(p for p in (self.prefix, where) if p))

    def get(self, key: str, kind: type | tuple[type, ...], *, required: bool = False, default: Any = None) -> Any:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error("required field is missing" if key not in self.data else "required field is null", key)
            return default
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            raise self.error(f"expected {_names(kinds)}, got boolean {value!r}", key)
        if not isinstance(value, kinds):
            raise self.error(f"expected {_names(kinds)}, got {_json_type(value)} {_short(value)}", key)
        return value

    def id(self, key: str = "id") -> str:
        """A required id (number or string), as a string."""
        return str(self.get(key, (int, str), required=True))

    def items(self, key: str) -> list[Record]:
        """The objects of the array at `key` ([] when absent)."""
        values = self.get(key, list, default=[])
        return [self.sub(key, i) for i in range(len(values))]

    def time(self, key: str, *, required: bool = False) -> datetime | None:
        value = self.get(key, (str, int, float), required=required)
        if value is None:
            return None
        try:
            return parse_time(value)
        except ValueError:
            raise self.error(f"not a date-time: {value!r}", key) from None


def _names(kinds: tuple[type, ...]) -> str:
    names = {bool: "boolean", int: "number", float: "number", str: "string", list: "array", dict: "object"}
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def _json_type(value: Any) -> str:
    return _names((type(value),)) if value is not None else "null"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def parse_time(value: str | int | float) -> datetime:
    """An ISO 8601 string (a trailing Z is UTC) or Unix seconds, as an aware datetime."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def body_text(html: str | None, plain: str | None = None) -> tuple[str, str | None]:
    """(text, original_text): the vendor's plain text when it gives one (kept as is), else the
    HTML body stripped to text, with the HTML kept as `original_text` when stripping changed it.
    No body at all is ""."""
    if plain is not None:
        return plain, None
    if html is None:
        return "", None
    text = html_to_text(html)
    return text, (html if text != html else None)


def assemble(values: list[Value]) -> dict:
    """Put top-level values streamed one by one (dotted keys) back into one object."""
    root: dict = {}
    for part in values:
        if part.key == "":
            return part.value if isinstance(part.value, dict) else root
        node = root
        *parents, last = part.key.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = part.value
    return root


class Transfers:
    """Tracks the assignee and words each change the way every reader does:
    "Assigned from X to Y" (a transfer) or "Assigned to Y" (the first assignment)."""

    def __init__(self, current: str | None = None):
        self.current = current

    def assign(self, to: str | None) -> str | None:
        """The system text for a change of assignee to `to`, or None when nothing changed."""
        before, self.current = self.current, to
        if to == before:
            return None
        if to is None:
            return f"Unassigned from {before}"
        return f"Assigned from {before} to {to}" if before else f"Assigned to {to}"


def record_name(data: Any, noun: str, index: int | None) -> str:
    """How errors name a record: "<noun> <id>", else its index in the file."""
    value = data.get("id") if isinstance(data, dict) else None
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        return f"{noun} {value}"
    return f"index {index}" if index is not None else f"{noun} (no id)"


def read_records(path: Path, arrays: Collection[str], noun: str, build) -> Iterator[Any]:
    """The common reader loop: each item of `arrays` (or the file's one top-level object) goes
    to `build(record) -> Conversation`; a bad record, a non-UTF-8 byte or a cut file yields an
    `InvalidRecord` and the loop goes on with what it can still read."""
    top: list[Value] = []
    last: Item | None = None
    for part in stream_json(path, arrays):
        if isinstance(part, Broken):
            yield broken_file_error(part, path=path, record=f"index {last.index + 1 if last else 0}")
            return
        if isinstance(part, Value):
            top.append(part)
            continue
        last = part
        yield _build_one(part.value, path, record_name(part.value, noun, part.index), build)
    if top and last is None:
        data = assemble(top)
        if data:
            yield _build_one(data, path, record_name(data, noun, None), build)


def _build_one(data: Any, path: Path, name: str, build) -> Any:
    found = find_bad_bytes(data)
    if found is not None:
        return InvalidRecord(f"not UTF-8 (byte 0x{found[1]:02x})", path=str(path), record=name, field=found[0] or None)
    try:
        return build(Record(data, path=path, name=name))
    except InvalidRecord as error:
        return error
