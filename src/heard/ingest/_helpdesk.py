"""What the help-desk readers (Zendesk, Freshdesk, Intercom, Help Scout) share.

- `stream_json(path, arrays)` walks a JSON export without loading it whole: the items of the
  arrays named in `arrays` ("" is a top-level array, "tickets", "_embedded.conversations" …)
  come out one by one, every other top-level value comes out whole. Bytes that are not UTF-8
  are swapped for a marker (see `find_bad_bytes`) so one broken byte costs only its record; a
  file cut mid-way ends with a `Broken` part that says where. Each item is parsed whole by
  the standard library's C scanner; at the first thing that scanner and ijson (yajl) might
  read differently, or that does not parse, the walk goes on with ijson, which says where
  and why the file breaks.
- `Record` wraps one vendor record and raises `InvalidRecord` naming file, record and field
  when a field is missing or of the wrong type.
- `parse_time`, `body_text` and `Transfers` are the small mapping helpers.
"""

from __future__ import annotations

import codecs
import json
import re
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


_MARKER = re.compile(f"[{chr(_BAD_BYTE_BASE)}-{chr(_BAD_BYTE_BASE + 0xFF)}]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # in a decoded str, always half a pair
_marks = [0]  # how many bad-byte runs were marked, by anyone: a reader compares before and after


def _mark_bad_bytes(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _marks[0] += 1
    bad = error.object[error.start : error.end]
    return "".join(chr(_BAD_BYTE_BASE + b) for b in bad), error.end


codecs.register_error(_ERROR_HANDLER, _mark_bad_bytes)


class Utf8Repair:
    """A binary file that hands out valid UTF-8: each undecodable byte becomes a marker
    character, and a leading BOM is dropped. Counts the bytes read from the source.

    `marked` turns True once the text read so far may hold a marker: a byte was undecodable, or
    a byte 0xF4 (the lead byte of the plane the markers live in) came by. Until then nothing read
    needs `find_bad_bytes`."""

    def __init__(self, raw):
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")(errors=_ERROR_HANDLER)
        self.consumed = 0
        self.marked = False
        self.ended = False

    def read(self, size: int = -1) -> bytes:
        return self.read_text(size).encode("utf-8")

    def read_text(self, size: int = -1) -> str:
        chunk = self._raw.read(size)
        self.consumed += len(chunk)
        self.ended = not chunk
        before = _marks[0]
        text = self._decoder.decode(chunk, final=not chunk)
        if not self.marked and (_marks[0] != before or b"\xf4" in chunk):
            self.marked = True
        return text


def find_bad_bytes(value: Any, path: str = "") -> tuple[str, str] | None:
    """The dotted path of the first string in `value` that is not text, and why: a non-UTF-8
    byte, or an escape of half a surrogate pair (`"\\udc00"`), which JSON allows but is no character."""
    if isinstance(value, str):
        found = _MARKER.search(value) or _SURROGATE.search(value)
        if found is None:
            return None
        code = ord(found.group())
        if code >= _BAD_BYTE_BASE:
            return path, f"not UTF-8 (byte 0x{code - _BAD_BYTE_BASE:02x})"
        return path, f"not Unicode (an unpaired surrogate escape \\u{code:04x})"
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = find_bad_bytes(item, f"{path}.{key}" if path else str(key))
        if found:
            return found
    return None


@dataclass(frozen=True)
class Item:
    """One item of a streamed array: `array` is its name ("" for a top-level array). `clean`
    is True when no byte read up to its end was undecodable: `find_bad_bytes` would find nothing."""

    array: str
    index: int
    value: Any
    clean: bool = False


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
    done = 0
    try:
        for part in _walk_fast(path, arrays):
            yield part
            done += 1
        return
    except _Irregular:
        pass
    # ijson reads the file again from the start: the parts already yielded are skipped, and a
    # Broken part is always passed on.
    for number, part in enumerate(_walk_ijson(path, arrays)):
        if number >= done or isinstance(part, Broken):
            yield part


class _Irregular(Exception):
    """The fast walk met something it leaves to ijson: a syntax error, a cut file, or a value
    yajl reads differently (NaN, an overflowing float)."""


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Irregular(text)  # yajl: numeric overflow
    return value


def _no_constant(name: str):
    raise _Irregular(name)  # NaN, Infinity: not JSON, yajl rejects them


_DECODER = json.JSONDecoder(parse_float=_finite_float, parse_constant=_no_constant)
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_LONE_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|"
                             r"(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F]")
_CHUNK = 1 << 20


class _Text:
    """A file's decoded text, read on demand; the part already walked is dropped as it goes."""

    def __init__(self, raw):
        self.source = Utf8Repair(raw)
        self.buf = ""
        self.pos = 0

    def more(self) -> bool:
        """Read on (at least as much again as is pending, so a huge value costs linear time)."""
        if self.source.ended:
            return False
        chunk = self.source.read_text(max(_CHUNK, len(self.buf) - self.pos))
        self.buf = self.buf[self.pos:] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not whitespace ("" at the end), the cursor on it."""
        while True:
            self.pos = _WHITESPACE.match(self.buf, self.pos).end()
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return ""

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise _Irregular(char)
        self.pos += 1

    def value(self) -> Any:
        """The JSON value at the cursor, whole."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as error:
                # Cut by the end of what was read (a string runs on, or the error is at the very
                # end): read on. Anything else is a real error, for ijson to report.
                cut = error.msg.startswith("Unterminated string") or error.pos >= len(self.buf) - 16
                if cut and self.more():
                    continue
                raise _Irregular(error.msg) from None
            except RecursionError:
                raise _Irregular("nested too deep") from None
            if end == len(self.buf) and self.more():
                continue  # a number may go on in the next chunk
            break
        start, self.pos = self.pos, end
        if self.buf.find("\\ud", start, end) >= 0 or self.buf.find("\\uD", start, end) >= 0:
            if _LONE_SURROGATE.search(self.buf, start, end):
                self.source.marked = True  # find_bad_bytes names the record and field
        return value


def _walk_fast(path: Path, arrays: Collection[str]) -> Iterator[Part]:
    """stream_json by the C scanner; it names things as `_walk_ijson` does, quirks included."""
    shape = _Shape(set(arrays), {parent for a in arrays if a for parent in _parents(a)},
                   {(f"{a}.item" if a else "item"): a for a in arrays}, {})
    with open(path, "rb") as raw:
        text = _Text(raw)
        if text.peek() == "":
            raise _Irregular("empty")
        yield from _walk(text, "", shape)
        if text.peek() != "":
            raise _Irregular("trailing data")


@dataclass
class _Shape:
    arrays: set[str]  # streamed item by item
    walk_into: set[str]  # objects walked member by member (the arrays' parents)
    item_of: dict[str, str]  # the prefix ijson gives an array's items → the array
    counts: dict[str, int]  # items seen per array


def _walk(text: _Text, prefix: str, shape: _Shape) -> Iterator[Part]:
    first = text.peek()
    if first == "[" and prefix in shape.arrays:
        text.pos += 1
        if text.peek() == "]":
            text.pos += 1
            return
        while True:
            value = text.value()
            yield _item(shape, prefix, value, text)
            after = text.peek()
            text.pos += 1
            if after == "]":
                return
            if after != ",":
                raise _Irregular("array")
    elif first == "{" and prefix in shape.walk_into:
        text.pos += 1
        if text.peek() == "}":
            text.pos += 1
            return
        while True:
            if text.peek() != '"':
                raise _Irregular("key")
            key = text.value()
            text.expect(":")
            yield from _walk(text, f"{prefix}.{key}" if prefix else key, shape)
            after = text.peek()
            text.pos += 1
            if after == "}":
                return
            if after != ",":
                raise _Irregular("object")
    elif prefix in shape.item_of:  # a member named like an array's items: ijson counts it as one
        yield _item(shape, shape.item_of[prefix], text.value(), text)
    else:
        yield Value(prefix, text.value())


def _item(shape: _Shape, array: str, value: Any, text: _Text) -> Item:
    index = shape.counts.get(array, 0)
    shape.counts[array] = index + 1
    return Item(array, index, value, clean=not text.source.marked)


def _walk_ijson(path: Path, arrays: Collection[str]) -> Iterator[Part]:
    """stream_json with ijson, event by event: slower, but it says where a file breaks."""
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
                        yield _finish(building, builder.value, not source.marked)
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
                    yield _finish(building, value, not source.marked)
        except UnicodeDecodeError:  # yajl gives up on a lone low surrogate escape
            yield Broken("a string that is not Unicode", source.consumed, False)
        except ijson.JSONError as error:
            reason = str(error).split("\n", 1)[0].removeprefix("parse error: ").strip()
            size = path.stat().st_size
            cut = "premature EOF" in reason or isinstance(error, ijson.IncompleteJSONError) and source.consumed >= size
            yield Broken(reason or "not valid JSON", source.consumed, cut)


def _parents(dotted: str) -> list[str]:
    parts = dotted.split(".")
    return [".".join(parts[:i]) for i in range(len(parts))]


def _finish(building: tuple[str, int | None], value: Any, clean: bool) -> Part:
    name, index = building
    return Value(name, value) if index is None else Item(name, index, value, clean)


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
        return Record(value, path=self.path, name=self.name, prefix=_dotted(self.prefix, where))

    def get(self, key: str, kind: type | tuple[type, ...], *, required: bool = False, default: Any = None) -> Any:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error("required field is missing" if key not in self.data else "required field is null", key)
            return default
        if value.__class__ is bool:  # a bool is an int too: only where asked for by name
            kinds = kind if isinstance(kind, tuple) else (kind,)
            if bool not in kinds:
                raise self.error(f"expected {_names(kinds)}, got boolean {value!r}", key)
        elif not isinstance(value, kind):
            kinds = kind if isinstance(kind, tuple) else (kind,)
            raise self.error(f"expected {_names(kinds)}, got {_json_type(value)} {_short(value)}", key)
        return value

    def id(self, key: str = "id") -> str:
        """A required id (number or string), as a string."""
        return str(self.get(key, (int, str), required=True))

    def items(self, key: str) -> list[Record]:
        """The objects of the array at `key` ([] when absent)."""
        values = self.get(key, list, default=[])
        where = _dotted(self.prefix, key)
        return [Record(value, path=self.path, name=self.name, prefix=_dotted(where, str(i)))
                for i, value in enumerate(values)]

    def time(self, key: str, *, required: bool = False) -> datetime | None:
        value = self.get(key, (str, int, float), required=required)
        if value is None:
            return None
        try:
            return parse_time(value)
        except ValueError:
            raise self.error(f"not a date-time: {value!r}", key) from None


def _dotted(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix and key else prefix or key


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
        yield _build_one(part.value, path, record_name(part.value, noun, part.index), build, clean=part.clean)
    if top and last is None:
        data = assemble(top)
        if data:
            yield _build_one(data, path, record_name(data, noun, None), build)


def _build_one(data: Any, path: Path, name: str, build, *, clean: bool = False) -> Any:
    found = None if clean else find_bad_bytes(data)
    if found is not None:
        return InvalidRecord(found[1], path=str(path), record=name, field=found[0] or None)
    try:
        return build(Record(data, path=path, name=name))
    except InvalidRecord as error:
        return error
