"""Small text tools shared by rule detectors: phrase patterns and sentence spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as _c
from re import _parser

import ahocorasick

from heard.analyze.contractions import both_forms

_SENTENCE = re.compile(r"[^\s.!?][^.!?\n]*(?:[.!?]+|$)", re.MULTILINE)
_APOSTROPHE = re.compile(r"\[(?:\\.|[^\]\\])*\]|'")  # a character class, or an apostrophe outside one


def phrases(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any alternative on word boundaries.

    Alternatives are regular expressions; a plain `'` also matches the typographic `’`, and a
    contraction and its full form match each other (`both_forms`).
    """
    body = "|".join(_APOSTROPHE.sub(_both_apostrophes, both_forms(a)) for a in alternatives)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)


def _both_apostrophes(m: re.Match[str]) -> str:
    part = m.group(0)
    if part == "'":
        return "['’]"
    return part.replace("'", "'’") if "'" in part and "’" not in part else part


def iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, trailing spaces excluded."""
    for m in _SENTENCE.finditer(text):
        yield m.start(), m.start() + len(m.group(0).rstrip())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """`iter_sentences` as a list (faster when all are wanted)."""
    return [(m.start(), m.start() + len(m.group(0).rstrip())) for m in _SENTENCE.finditer(text)]


@lru_cache(maxsize=16)
def _sentence_table(text: str) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
    spans = tuple(sentence_spans(text))
    return tuple(s for s, _ in spans), spans


def sentence_at(text: str, i: int) -> tuple[int, int] | None:
    """The sentence (as `iter_sentences` cuts them) holding character `i`, or None; a lookup, not a
    scan, so asking for every hit of a long text stays linear."""
    starts, spans = _sentence_table(text)
    k = bisect_right(starts, i) - 1
    return spans[k] if k >= 0 and i < spans[k][1] else None


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding `start`..`end`."""
    for s, e in iter_sentences(text):
        if s <= start < max(e, s + 1):
            return s, max(e, end)
    return start, end


# -- literal prefilters ----------------------------------------------------------------------
#
# Python's `re` tries every alternative of a big case-insensitive alternation at every position
# of a text, so a cue table costs about the same whether or not any of its words are there. A
# prefilter first asks a much cheaper question: does the text hold any of the words (or, failing
# words, substrings) that every match of the pattern must contain? If not, the pattern cannot
# match and is skipped. It never changes a result: the words are read off the pattern itself,
# and folding maps every pair of characters that `re.IGNORECASE` equates to the same character.

# The only non-ASCII characters `re.IGNORECASE` equates with ASCII letters (the tests check every
# code point), and the typographic apostrophe, which `phrases` pairs with `'`. With these mapped,
# folding changes no character's length or whether it is a word character (also tested).
_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k", 0x2019: "'"}
_WORD = re.compile(r"\w+")
_EDGE = "\x00"  # in a literal: a word boundary (no word character on one side)
_MAX_LITERALS = 64
_PREFIX_SHORT, _PREFIX_LONG = 3, 5  # word beginnings indexed, in letters
# Common words make weak prefilters: a pattern is filtered on another of its words if it has one.
_COMMON = frozenset("""
    a about after again all already also am an and any are as at back be been before being but by
    can could did didn do does doesn don done even ever for from get getting go going good got had
    has have haven he her here him his how i if in into is isn it its just know let like ll make me
    more much my need never new no not now of off on one only or our out over please re really
    right s same see she should so some still t take than thank thanks that the their them then
    there they thing think this time to today too up us ve very want was way we well were what
    when where which while who why will with won would yes yet you your
""".split())


def fold(text: str) -> str:
    """`text` folded for prefilters: lower case, with `_FOLD` applied; the same length."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


@dataclass(frozen=True)
class Prefilter:
    """What any match of a pattern must contain: one of `keys` in the text's `_text_index` (a
    whole word, or "\x00" + the first 3 or 5 letters of a word), or one of `substrings`
    anywhere in the folded text."""

    keys: frozenset[str]
    substrings: tuple[str, ...]


@lru_cache(maxsize=16)
def _text_index(text: str) -> tuple[frozenset[str], str]:
    """The folded text's whole words and word beginnings (see `Prefilter`), and the folded text."""
    folded = fold(text)
    words = set(_WORD.findall(folded))
    return frozenset(
        words.union([_EDGE + w[:_PREFIX_SHORT] for w in words], [_EDGE + w[:_PREFIX_LONG] for w in words])
    ), folded


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when `pattern` cannot match anywhere in `text`."""
    return bool(admitted((pattern,), text))


def admitted(patterns: Sequence[re.Pattern[str]], text: str) -> int:
    """A bit mask over `patterns`: bit i is clear only when `patterns[i]` cannot match `text`."""
    key = tuple(map(id, patterns))
    table = _tables.get(key)
    if table is None:
        if len(_tables) >= 1024:
            _tables.clear()
        table = _tables[key] = _Table(tuple(patterns))
    return table.mask(text)


class _Table:
    """The prefilters of a sequence of patterns, merged so a text is looked up once for all: its words in
    one set, its substrings in one Aho–Corasick pass."""

    def __init__(self, patterns: tuple[re.Pattern[str], ...]):
        self.patterns = patterns  # holding the patterns keeps their ids (the cache key) unique
        self.always = 0
        by_key: dict[str, int] = {}
        by_substring: dict[str, int] = {}
        for i, pattern in enumerate(patterns):
            bit = 1 << i
            check = _prefilter_of(pattern)
            if check is None:
                self.always |= bit
                continue
            for k in check.keys:
                by_key[k] = by_key.get(k, 0) | bit
            for sub in check.substrings:
                by_substring[sub] = by_substring.get(sub, 0) | bit
        self.by_key = by_key
        self.keys = frozenset(by_key)
        self.substrings = _automaton(by_substring) if by_substring else None

    def mask(self, text: str) -> int:
        keys, folded = _text_index(text)
        found = self.always
        for k in keys & self.keys:
            found |= self.by_key[k]
        if self.substrings is not None:
            for _, bits in self.substrings.iter(folded):
                found |= bits
        return found


def _automaton(values: dict[str, int]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word, value in values.items():
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton


_tables: dict[tuple[int, ...], _Table] = {}
_prefilters: dict[int, tuple[re.Pattern[str], Prefilter | None]] = {}


def _prefilter_of(pattern: re.Pattern[str]) -> Prefilter | None:
    entry = _prefilters.get(id(pattern))
    if entry is None:
        if len(_prefilters) >= 4096:
            _prefilters.clear()
        entry = _prefilters[id(pattern)] = (pattern, prefilter(pattern))  # the pattern keeps its id unique
    return entry[1]


def prefilter(pattern: re.Pattern[str]) -> Prefilter | None:
    """The pattern's prefilter, or None when none can be derived (it must always be run)."""
    if isinstance(pattern.pattern, bytes) or pattern.flags & re.ASCII:
        return None  # (with re.ASCII, "é" is no word character: words would be cut elsewhere)
    try:
        literals = _required(_parser.parse(pattern.pattern, pattern.flags))
    finally:
        _exact_memo.clear()
    if not _quality(literals)[0]:
        return None
    keys, substrings = set(), set()
    for literal in literals:
        kind, key, _ = _key(literal)
        (substrings if kind == "substring" else keys).add(key)
    # a substring holding another adds nothing to a presence test
    kept = tuple(sorted(s for s in substrings if not any(t != s and t in s for t in substrings)))
    return Prefilter(frozenset(keys), kept)


@lru_cache(maxsize=8192)
def _key(literal: str) -> tuple[str, str, int]:
    """How to look for a literal, and how selective that is: its best whole word (one bounded
    on both sides inside the literal) or word beginning (bounded on the left), or the literal
    itself as a substring."""
    substring = literal.replace(_EDGE, "")
    best = ("substring", substring, min(len(substring), 10) + (3 if len(substring) >= 6 else 0))
    for m in _WORD.finditer(literal):
        word = m.group(0)
        if m.start() == 0 or not word.isascii():
            continue
        if m.end() < len(literal):
            kind, key = "word", word
            score = 10 + min(len(word), 8) if len(word) >= 3 and word not in _COMMON else 3
        elif len(word) >= _PREFIX_SHORT:
            size = _PREFIX_LONG if len(word) >= _PREFIX_LONG else _PREFIX_SHORT
            kind, key = "prefix", _EDGE + word[:size]
            score = 9 + size
        else:
            continue
        if score > best[2]:
            best = (kind, key, score)
    return best


@lru_cache(maxsize=8192)
def _quality(literals: frozenset[str] | None) -> tuple[int, int]:
    """How selective and how cheap a set of literals is (higher is better; 0 = useless): its
    weakest member, then the fewer substrings the better."""
    if not literals:
        return (0, 0)
    keys = [_key(s) for s in literals]
    return (min(score for _, _, score in keys), -sum(kind == "substring" for kind, _, _ in keys))


@lru_cache(maxsize=1024)
def _fold_char(code: int) -> str | None:
    """A pattern character folded, or None outside ASCII (where `re.IGNORECASE` equates
    characters that `str.lower` keeps apart, such as µ and μ)."""
    folded = fold(chr(code))
    return folded if folded.isascii() else None


def _concat(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    out = frozenset(a + b for a in left for b in right)
    return out if len(out) <= _MAX_LITERALS else None


def _exact(items) -> frozenset[str] | None:
    """The folded strings a sequence of parsed items matches exactly, if few and literal."""
    out: frozenset[str] | None = frozenset({""})
    run = ""  # single characters not joined yet (joining one never grows the set)
    for item in items:
        one = _exact_item(item)
        if one is None:
            return None
        if len(one) == 1:
            run += next(iter(one))
            continue
        if run:
            out, run = frozenset(a + run for a in out), ""
        out = _concat(out, one)
        if out is None:
            return None
    return frozenset(a + run for a in out) if run else out


def _is_word_class(items) -> bool:
    return len(items) == 1 and items[0] == (_c.IN, [(_c.CATEGORY, _c.CATEGORY_WORD)])


# `_exact_item` of each parsed item, by id, while one pattern is read (the parse tree is alive
# meanwhile, so the ids are its own); cleared after each pattern.
_exact_memo: dict[int, frozenset[str] | None] = {}


def _exact_item(item) -> frozenset[str] | None:
    key = id(item)
    if key not in _exact_memo:
        _exact_memo[key] = _exact_item_uncached(item)
    return _exact_memo[key]


def _exact_item_uncached(item) -> frozenset[str] | None:
    op, av = item
    if op is _c.LITERAL:
        char = _fold_char(av)
        return None if char is None else frozenset({char})
    if op is _c.IN:
        chars = [_fold_char(a) if o is _c.LITERAL else None for o, a in av]
        return None if None in chars else frozenset(chars)
    if op is _c.SUBPATTERN:
        return _exact(av[3])
    if op is _c.BRANCH:
        parts = [_exact(b) for b in av[1]]
        if any(p is None for p in parts):
            return None
        return frozenset().union(*parts)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] == 0 and av[1] == 1:
        inner = _exact(av[2])
        return None if inner is None else inner | {""}
    if op is _c.ASSERT_NOT and _is_word_class(av[1]):
        return frozenset({_EDGE})  # (?<!\w) or (?!\w): no word character on that side
    if op is _c.AT and av in (_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING, _c.AT_END,
                              _c.AT_END_STRING):
        return frozenset({_EDGE})
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return frozenset({""})  # matches no characters of its own
    return None


def _required(items, before: frozenset[str] = frozenset({""}), after: frozenset[str] = frozenset({""})) -> frozenset[str] | None:
    """Literals one of which every match of this sequence contains (the best set found).
    `before` / `after`: what is known to come right before and after the sequence."""
    best: frozenset[str] | None = None
    current = before

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if _quality(candidate) > _quality(best):
            best = candidate

    for i, item in enumerate(items):
        one = _exact_item(item)
        joined = None if one is None else _concat(current, one)
        if joined is None and one is not None:
            consider(current)
            # keep only what decides word boundaries: the last character before `one`
            joined = _concat(frozenset(x[-1:] for x in current), one)
        if joined is not None:
            current = joined
            consider(current)
            continue
        consider(current)
        # inside the item only the characters next to it matter (they decide word boundaries)
        edge_before = frozenset(x[-1:] for x in current)
        edge_after = frozenset(x[:1] for x in _exact_run(items[i + 1 :], after))
        consider(_required_item(item, edge_before, edge_after))
        consider(_repeat_head(item, current))
        current = frozenset({""})
    consider(_concat(current, after))
    return best


def _repeat_head(item, before: frozenset[str]) -> frozenset[str] | None:
    """For `x+` / `x{2,}` after `before`: `before` then the repeats every match has ("grr+" → "grr")."""
    op, av = item
    if op not in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) or not 1 <= av[0] <= 4:
        return None
    inner = _exact(av[2])
    out: frozenset[str] | None = before
    for _ in range(av[0]):
        out = None if inner is None or out is None else _concat(out, inner)
    return out


def _exact_run(items, after: frozenset[str]) -> frozenset[str]:
    """The exact strings of the longest run of exact items at the start of `items` (followed by
    `after` when the run reaches the end)."""
    out = frozenset({""})
    for item in items:
        one = _exact_item(item)
        joined = None if one is None else _concat(out, one)
        if joined is None:
            return out
        out = joined
    return _concat(out, after) or out if len(out) > 1 or "" not in out else after


def _required_item(item, before: frozenset[str], after: frozenset[str]) -> frozenset[str] | None:
    op, av = item
    if op is _c.SUBPATTERN:
        return _required(av[3], before, after)
    if op is _c.ATOMIC_GROUP:
        return _required(av, before, after)
    if op is _c.BRANCH:
        parts = [_required(b, before, after) for b in av[1]]
        if not all(_quality(p)[0] for p in parts):
            return None
        return frozenset().union(*parts)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
        if av[1] == 1:
            return _required(av[2], before, after)
        return _required(av[2])
    return None
