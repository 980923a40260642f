"""Small text tools shared by rule detectors: phrase patterns and sentence spans."""

from __future__ import annotations

import re
from collections.abc import Iterator

_SENTENCE = re.compile(r"[^\s.!?][^.!?\n]*(?:[.!?]+|$)", re.MULTILINE)
_APOSTROPHE = re.compile(r"'")


def phrases(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any alternative on word boundaries.

    Alternatives are regular expressions; a plain `'` also matches the typographic `’`.
    """
    body = "|".join(_APOSTROPHE.sub("['’]", a) for a in alternatives)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)


def iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, trailing spaces excluded."""
    for m in _SENTENCE.finditer(text):
        yield m.start(), m.start() + len(m.group(0).rstrip())


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding `start`..`end`."""
    for s, e in iter_sentences(text):
        if s <= start < max(e, s + 1):
            return s, max(e, end)
    return start, end
