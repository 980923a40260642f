"""Cue tables shared by the customer-signal detectors: a cue is a phrase pattern with a label,
a weight (how much evidence it is) and a note a coach can read in the rationale."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from heard.analyze.casefold import spans
from heard.analyze.text import admitted, phrases

# A negator up to three words before a cue, within the same clause: "not worried",
# "don't really care", "no need to worry"; not the idioms "no wonder", "no doubt", "not only",
# "without a doubt".
_NEGATED = re.compile(
    r"(?:(?<![\w])(?:not(?! only\b)|no(?! (?:doubt|wonder)\b)|never|nobody|without(?! a doubt\b)|hardly)|n['’]t)(?:\W+[\w'’]+){0,2}\W*$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[.!?;:,\n]|\bbut\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    label: str
    pattern: re.Pattern[str]
    weight: float
    note: str
    strong: bool = False
    negatable: bool = False


@dataclass(frozen=True)
class Hit:
    """One cue found in a text."""

    cue: Cue
    start: int
    end: int

    @property
    def label(self) -> str:
        return self.cue.label

    @property
    def weight(self) -> float:
        return self.cue.weight


def cue(label: str, weight: float, note: str, *alternatives: str, strong: bool = False,
        negatable: bool = False) -> Cue:
    return Cue(label, phrases(*alternatives), weight, note, strong, negatable)


def is_negated(text: str, start: int) -> bool:
    """Is the word at `start` negated by one of the three words before it, in the same clause?"""
    before = text[max(0, start - 40) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    return bool(_NEGATED.search(before))


def find_hits(text: str, cues: Iterable[Cue]) -> list[Hit]:
    """Every cue occurrence, negated ones dropped; where two overlap the longer wins
    (so "not happy" beats "happy" and "thank god" beats "thank")."""
    cues = tuple(cues)
    admit = admitted([c.pattern for c in cues], text)
    hits = [
        Hit(c, start, end)
        for i, c in enumerate(cues)
        if admit >> i & 1
        for start, end in _spans(_Same(c.pattern), text)
        if end > start and not (c.negatable and is_negated(text, start))
    ]
    hits.sort(key=lambda h: (-(h.end - h.start), -h.weight, h.start))
    kept: list[Hit] = []  # non-overlapping, by start: only the neighbours can overlap a new hit
    starts: list[int] = []
    for hit in hits:
        k = bisect_right(starts, hit.start)
        if (k == 0 or kept[k - 1].end <= hit.start) and (k == len(kept) or hit.end <= kept[k].start):
            kept.insert(k, hit)
            starts.insert(k, hit.start)
    return kept


class _Same:
    """A pattern compared by identity (hashing a compiled pattern hashes its whole program)."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern

    def __hash__(self) -> int:
        return id(self.pattern)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.pattern is self.pattern


@lru_cache(maxsize=256)
def _spans(pattern: _Same, text: str) -> tuple[tuple[int, int], ...]:
    """Where a pattern matches `text`, remembered for a while: one cue table can be read by two
    detectors (repeated contact is frustration for one and a concern for the other)."""
    return tuple(spans(pattern.pattern, text))


def quoted(hits: Sequence[Hit], text: str, limit: int = 3) -> str:
    """The cue words as a coach reads them: 'still', 'third time'."""
    words: list[str] = []
    for h in hits:
        w = repr(text[h.start : h.end])
        if w not in words:
            words.append(w)
    return ", ".join(words[:limit])
