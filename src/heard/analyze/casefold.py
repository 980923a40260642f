"""Case-insensitive cue patterns run as case-sensitive ones over folded text, about three times
faster.

CPython's `re` skips an alternative of an alternation on its first character only when that
character must match exactly. Under `re.IGNORECASE` it never must, so a cue table of a hundred
phrases enters every phrase at every word. The same pattern with its letters folded, run over
`fold(text)` (which keeps every character where it was), skips them.

A folded pattern is *exact* when it matches the same spans as the original. Where a part cannot be
folded exactly (a case-sensitive `(?-i:[A-Z])`, a lone apostrophe: `fold` merges ' and ’, a
non-ASCII letter that `re` equates with more than its own cases, like σ with ς), the part is widened
instead, so the folded pattern matches wherever the original could: a *screen*. No screen match, no
match; otherwise the original runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from re import _casefix, _compiler, _parser
from re import _constants as _c

from heard.analyze import text as _text

_APOSTROPHES = (ord("'"), 0x2019)  # `fold` turns the second into the first
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_KEPT = (_c.ANY, _c.AT, _c.CATEGORY)
_ANYTHING = (_c.IN, [(_c.CATEGORY, _c.CATEGORY_SPACE), (_c.CATEGORY, _c.CATEGORY_NOT_SPACE)])


@dataclass(frozen=True)
class Folded:
    pattern: re.Pattern[str]
    exact: bool


_folded: dict[int, tuple[re.Pattern[str], Folded | None]] = {}
fold = lru_cache(maxsize=16)(_text.fold)  # one text is read by many patterns in a row


def spans(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """Where `pattern` matches `text`, as `pattern.finditer(text)` finds them."""
    quick = folded(pattern)
    if quick is not None and quick.exact:
        return (m.span() for m in quick.pattern.finditer(fold(text)))
    if quick is not None and quick.pattern.search(fold(text)) is None:
        return iter(())
    return (m.span() for m in pattern.finditer(text))


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, not run where the folded pattern finds nothing."""
    return pattern.search(text) if could_match(pattern, text) else None


def could_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when `pattern` matches nowhere in `text`."""
    quick = folded(pattern)
    return quick is None or quick.pattern.search(fold(text)) is not None


def folded(pattern: re.Pattern[str]) -> Folded | None:
    """`pattern` (case-insensitive) as a case-sensitive pattern over `fold(text)`, or None."""
    entry = _folded.get(id(pattern))
    if entry is None:
        if len(_folded) >= 4096:
            _folded.clear()
        entry = _folded[id(pattern)] = (pattern, _fold_pattern(pattern))  # keeps the id unique
    return entry[1]


class _Unfoldable(Exception):
    """Folding could change where the pattern matches, even as a screen."""


class _Folder:
    """Folds a parsed pattern in place. `widened` records a part folded as a screen; widening is
    refused where it could lose a match (inside a negation, or where a wider part could change
    what a later part sees: atomic groups, possessive repeats, back-references)."""

    def __init__(self) -> None:
        self.widened = False
        self.fragile = False  # the pattern has a construct where widening is not safe

    def widen(self, why: str, positive: bool) -> None:
        if not positive:
            raise _Unfoldable(why + " inside a negation")
        self.widened = True

    def items(self, items: list, positive: bool = True) -> None:
        for i, (op, av) in enumerate(items):
            items[i] = self.item(op, av, positive)

    def item(self, op, av, positive: bool):
        if op is _c.LITERAL:
            return self.literal(av, positive)
        if op is _c.NOT_LITERAL:
            return op, self.code(av, positive=False)
        if op is _c.IN:
            return self.charset(av, positive)
        if op is _c.BRANCH:
            for branch in av[1]:
                self.items(branch.data, positive)
        elif op is _c.SUBPATTERN:
            if av[2] & re.IGNORECASE:  # (?-i:…): case-sensitive
                self.widen("a case-sensitive part", positive)
            self.items(av[3].data, positive)
        elif op in _REPEATS:
            self.fragile |= op is _c.POSSESSIVE_REPEAT
            self.items(av[2].data, positive)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            self.items(av[1].data, positive and op is _c.ASSERT)
        elif op is _c.ATOMIC_GROUP:
            self.fragile = True
            self.items(av.data, positive)
        elif op not in _KEPT:
            raise _Unfoldable(str(op))  # back-references, conditionals
        return op, av

    def literal(self, code: int, positive: bool):
        char = chr(code)
        if _is_cased(char) and not char.isascii() and _lower(char) is None:
            self.widen(repr(char), positive)
            return _ANYTHING
        return _c.LITERAL, self.code(code, positive)

    def code(self, code: int, positive: bool) -> int:
        if code in _APOSTROPHES:
            self.widen("a lone apostrophe", positive)  # it now matches both
            return _APOSTROPHES[0]
        return ord(_lower(chr(code)) or chr(code).lower())

    def charset(self, members: list, positive: bool):
        negated = bool(members) and members[0][0] is _c.NEGATE
        apostrophes = {av for op, av in members if op is _c.LITERAL and av in _APOSTROPHES}
        if len(apostrophes) == 1:
            self.widen("one apostrophe of the two", positive and not negated)
        if apostrophes:
            members = [m for m in members if m[1] not in apostrophes or m[0] is not _c.LITERAL]
            members.append((_c.LITERAL, _APOSTROPHES[0]))
        try:
            return _c.IN, [self.member(op, av) for op, av in members]
        except _Unfoldable as why:
            self.widen(str(why), positive and not negated)
            return _ANYTHING

    def member(self, op, av):
        if op is _c.LITERAL:
            if _is_cased(chr(av)) and not chr(av).isascii() and _lower(chr(av)) is None:
                raise _Unfoldable(repr(chr(av)))
            return op, self.code(av, positive=True) if av not in _APOSTROPHES else av
        if op is _c.RANGE:
            low, high = av
            if ord("A") <= low <= high <= ord("Z"):
                return op, (low + 32, high + 32)
            inside = range(low, high + 1)
            if any(a in inside for a in _APOSTROPHES):
                raise _Unfoldable(f"a range holding an apostrophe: {low}-{high}")
            if not ord("a") <= low <= high <= ord("z") and any(_is_cased(chr(c)) for c in inside):
                raise _Unfoldable(f"a range holding cased letters: {low}-{high}")
            return op, av
        if op in (_c.NEGATE, _c.CATEGORY):
            return op, av
        raise _Unfoldable(str(op))


def _fold_pattern(pattern: re.Pattern[str]) -> Folded | None:
    if isinstance(pattern.pattern, bytes) or not pattern.flags & re.IGNORECASE or pattern.flags & re.ASCII:
        return None
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    folder = _Folder()
    try:
        folder.items(parsed.data)
    except _Unfoldable:
        return None
    if folder.widened and folder.fragile:
        return None
    parsed.state.flags &= ~re.IGNORECASE
    return Folded(_compiler.compile(parsed, 0), exact=not folder.widened)


def _lower(char: str) -> str | None:
    """`char` as `fold` writes it, where `re.IGNORECASE` equates `char` with exactly the characters
    `fold` turns into that (é with É); else None (σ: `re` also takes ς, which `fold` keeps)."""
    low = char.lower()
    if len(low) != 1 or ord(low) in _casefix._EXTRA_CASES or ord(low) in _text._FOLD or ord(char) in _text._FOLD:
        return None
    return low


def _is_cased(char: str) -> bool:
    return char.lower() != char or char.upper() != char
