"""Sniff a file's format and hand it to the reader that knows it.

A reader is a function `read(path) -> Iterator[Conversation | IngestError]`, registered with
`@reader(name, sniff=...)`. It yields an `IngestError` (naming file, record and field) for each
record it cannot read and goes on with the next: one bad record never loses the good ones.
`sniff(path, head)` gets the file's path and first 64 KiB and says whether the reader knows it.
A reader whose records span files (email threads across .eml files) also gives `read_many`,
which gets every file of a folder that it recognised, at once.
Every module in `heard.ingest` is imported on first use, so a new reader module registers itself;
readers with a higher `priority` (more specific sniffing) are asked first.
"""

from __future__ import annotations

import importlib
import pkgutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from heard.errors import IngestError, InvalidRecord, UnknownFormat
from heard.model import Conversation, unstorable_text

ReadResult = Conversation | IngestError

SNIFF_BYTES = 65536


@dataclass(frozen=True)
class Reader:
    name: str
    sniff: Callable[[Path, bytes], bool]
    read: Callable[[Path], Iterator[ReadResult]]
    priority: int = 50
    read_many: Callable[[list[Path]], Iterator[ReadResult]] | None = None


_READERS: dict[str, Reader] = {}


def reader(
    name: str,
    *,
    sniff: Callable[[Path, bytes], bool],
    priority: int = 50,
    read_many: Callable[[list[Path]], Iterator[ReadResult]] | None = None,
):
    """Register a reader function under `name`."""

    def register(read: Callable[[Path], Iterator[ReadResult]]):
        _READERS[name] = Reader(name, sniff, read, priority, read_many)
        return read

    return register


def readers() -> dict[str, Reader]:
    """Every registered reader, most specific first."""
    package = importlib.import_module("heard.ingest")
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"heard.ingest.{module.name}")
    return dict(sorted(_READERS.items(), key=lambda item: -item[1].priority))


def sniff(path: Path, format: str | None = None) -> Reader:
    """The reader for `path`: the one named by `format`, or the first whose sniff accepts it."""
    known = readers()
    if format is not None:
        if format not in known:
            raise UnknownFormat(f"unknown format {format!r}; known: {', '.join(known)}", path=str(path))
        return known[format]
    with open(path, "rb") as f:
        head = f.read(SNIFF_BYTES)
    for candidate in known.values():
        if candidate.sniff(path, head):
            return candidate
    raise UnknownFormat(
        f"no reader recognises this file; known formats: {', '.join(known)} (use --format)",
        path=str(path),
    )


def iter_files(path: Path) -> Iterator[Path]:
    """The file itself, or every non-hidden file under a folder, in name order."""
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    else:
        yield path


def read_path(path: Path | str, format: str | None = None) -> Iterator[ReadResult]:
    """Every conversation (or record error) in a file, folder or zip. A file no reader knows
    yields one UnknownFormat error and the rest are still read."""
    path = Path(path)
    together: dict[str, list[Path]] = {}  # files for readers that read a folder's files at once
    for file in iter_files(path):
        if zipfile.is_zipfile(file):
            yield from _read_zip(file, format)
            continue
        try:
            chosen = sniff(file, format)
        except IngestError as error:
            yield error
            continue
        if chosen.read_many is not None and path.is_dir():
            together.setdefault(chosen.name, []).append(file)
        else:
            yield from _storable(chosen.read(file), file)
    for name, files in together.items():
        yield from _storable(_READERS[name].read_many(files), path)


def _storable(results: Iterator[ReadResult], path: Path) -> Iterator[ReadResult]:
    """Every reader's conversations, but one holding text that is no Unicode (an unpaired
    surrogate escape, which JSON allows) becomes an error naming it, its field and the escape."""
    for result in results:
        if isinstance(result, Conversation) and (bad := unstorable_text(result)):
            field, escape = bad
            yield InvalidRecord(f"not Unicode (an unpaired surrogate escape {escape})", path=str(path),
                                record=f"conversation {result.external_id!r}", field=field)
        else:
            yield result


def _read_zip(path: Path, format: str | None) -> Iterator[ReadResult]:
    """Extract to a temporary folder (zipfile drops absolute and '..' member paths) and read it;
    errors name the member as `archive.zip!member`."""
    with tempfile.TemporaryDirectory(prefix="heard-zip-") as tmp:
        try:
            with zipfile.ZipFile(path) as archive:
                archive.extractall(tmp)
        except (zipfile.BadZipFile, OSError) as error:
            yield UnknownFormat(f"broken zip archive ({error})", path=str(path))
            return
        for result in read_path(Path(tmp), format):
            if isinstance(result, IngestError):
                member = result.path.replace(tmp, f"{path}!", 1).replace("!/", "!")
                result = type(result)(result.reason, path=member, record=result.record, field=result.field)
            yield result
