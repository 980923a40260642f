"""Text tools: sentence spans and the literal prefilters that let rule detectors skip patterns
that cannot match."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import heard.analyze
from heard.analyze.text import admitted, fold, may_match, phrases, prefilter

EXAMPLES = Path(heard.analyze.__file__).parents[1] / "learn" / "examples"


def test_fold_equates_what_ignorecase_equates_and_keeps_lengths():
    any_ascii = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    word = re.compile(r"\w")
    for code in range(0x110000):
        char = chr(code)
        folded = fold(char)
        assert len(folded) == 1, hex(code)
        assert bool(word.match(char)) == bool(word.match(folded)), hex(code)
        if code >= 0x80 and any_ascii.fullmatch(char):
            # every ASCII character this one matches under IGNORECASE folds the same way
            assert all(fold(a) == folded for a in map(chr, range(0x80)) if re.fullmatch(re.escape(a), char, re.I)), hex(code)


@pytest.mark.parametrize("pattern, text, expected", [
    (phrases(r"frustrat\w*"), "I'm so FRUSTRATED", True),
    (phrases(r"frustrat\w*"), "this is unfrustrating", False),  # no word starts with it
    (phrases(r"frustrat\w*"), "no cue here", False),
    (phrases(r"keep(?:s|ing)?"), "\u212aEEPS crashing", True),  # Kelvin sign K matches k
    (phrases(r"I'm lost"), "I’m lost", True),  # typographic apostrophe
    (phrases(r"I'm lost"), "I'm here", False),
    (phrases(r"(?:\w+'s )?birthday"), "my son's party", False),
    (phrases(r"(?:\w+'s )?birthday"), "my son's birthday", True),
    (phrases(r"grr+", r"argh+"), "GRRRR", True),
    (phrases(r"grr+", r"argh+"), "great", False),
    (re.compile(r"\d+ ?(?:am|pm)"), "anything at all", False),  # "am" or "pm" is required
    (re.compile(r"[0-9]+"), "anything at all", True),  # nothing literal to require: always run
    (re.compile(r"(?a)(?<!\w)bar"), "ébar", True),  # ASCII word boundaries: no prefilter
])
def test_may_match_skips_only_patterns_that_cannot_match(pattern, text, expected):
    assert may_match(pattern, text) is expected
    if pattern.search(text):
        assert expected


def test_prefilter_reads_whole_words_off_word_bounded_phrases():
    check = prefilter(phrases(r"rude", r"(?:great|super) (?:help|service)"))
    assert "rude" in check.keys and check.keys <= {"rude", "great", "super", "help", "service"}
    assert check.substrings == ()


def test_admitted_masks_each_pattern():
    patterns = [phrases("worried"), phrases("refund"), re.compile(r"\?\?+")]
    assert admitted(patterns, "I'm worried about my refund??") == 0b111
    assert admitted(patterns, "A refund??") == 0b110
    assert admitted(patterns, "I'm fine") == 0


def test_admitted_sees_overlapping_substrings():
    patterns = [re.compile(r"x\?\?"), re.compile(r"\?\?y"), re.compile(r"\?\?")]  # filtered on "x??", "??y", "??"
    assert admitted(patterns, "x??y") == 0b111
    assert admitted(patterns, "x??") == 0b101
    assert admitted(patterns, "none") == 0


def _detector_patterns() -> list[re.Pattern[str]]:
    """Every compiled pattern the rule detectors hold at module level (in cue tables and rules too)."""
    found: dict[int, re.Pattern[str]] = {}

    def collect(value, depth=0):
        if isinstance(value, re.Pattern):
            found[id(value)] = value
        elif isinstance(getattr(value, "pattern", None), re.Pattern):
            found[id(value.pattern)] = value.pattern
        elif isinstance(value, (tuple, list)) and depth < 2:
            for v in value:
                collect(v, depth + 1)

    for package in ("moves", "signals", "conversation"):
        pkg = importlib.import_module(f"heard.analyze.{package}")
        for info in pkgutil.iter_modules(pkg.__path__):
            module = importlib.import_module(f"heard.analyze.{package}.{info.name}")
            for value in vars(module).values():
                collect(value)
    return list(found.values())


def _example_texts() -> list[str]:
    texts = []
    for path in sorted(EXAMPLES.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#") and "\t" in line:
                texts.append(line.split("\t", 1)[1])
    return texts


def test_prefilters_never_skip_a_pattern_that_matches():
    patterns = [p for p in _detector_patterns() if prefilter(p) is not None]
    texts = _example_texts()
    assert len(patterns) > 100 and len(texts) > 500
    texts += [t.upper() for t in texts] + [t.replace("'", "’") for t in texts if "'" in t]
    skipped = 0
    for text in texts:
        mask = admitted(patterns, text)
        for i, pattern in enumerate(patterns):
            if not mask >> i & 1:
                skipped += 1
                assert pattern.search(text) is None, (pattern.pattern[:80], text)
    assert skipped > len(texts) * len(patterns) // 2  # and they do skip most patterns


LOOKUP_TEXTS = ["", "   ", "One. Two!! Three?\nFour", "No stop at the end", "Hi.  \n\n  Bye.", "a.b. c", "?!. x"]


@pytest.mark.parametrize("text", LOOKUP_TEXTS)
def test_sentence_at_is_the_scan_it_replaces(text):
    from heard.analyze.text import iter_sentences, sentence_at
    for i in range(len(text) + 1):
        expected = next(((s, e) for s, e in iter_sentences(text) if s <= i < e), None)
        assert sentence_at(text, i) == expected, i


@pytest.mark.parametrize("text", LOOKUP_TEXTS + ["Sorry, e.g. at 3 p.m. we will... call. One: a. Two: b."])
def test_move_sentence_lookup_is_the_scan_it_replaces(text):
    from heard.analyze.moves._cues import (
        in_option_item,
        option_items,
        sentence_index,
        sentences,
    )
    spans = sentences(text)
    for i in range(len(text) + 1):
        expected = next((k for k, (s, e) in enumerate(spans) if s <= i < e), None)
        assert sentence_index(text, i) == expected, i
        assert in_option_item(text, i) == any(s <= i < e for s, e in option_items(text)), i


def test_overlapping_cues_keep_the_longest_whatever_the_order():
    import random

    from heard.analyze.signals._lexicon import Cue, find_hits
    rng = random.Random(7)
    words = ["not happy", "happy", "thank god", "thank", "god", "so happy", "not"]
    cues = [Cue("x", phrases(w), w.count(" ") + 1.0, w) for w in words]
    for _ in range(200):
        text = " ".join(rng.choice(words + ["and", "but"]) for _ in range(12))
        hits = find_hits(text, cues)
        assert all(a.end <= b.start for a, b in zip(hits, hits[1:]))  # in order, none overlapping
        spans = [(m.start(), m.end(), c) for c in cues for m in c.pattern.finditer(text)]
        # every match left out overlaps a kept hit at least as long
        for s, e, c in spans:
            if not any(h.start == s and h.end == e for h in hits):
                assert any(h.start < e and s < h.end and h.end - h.start >= e - s for h in hits)


# -- case-folded matching (heard.analyze.casefold) --------------------------------------------

TRICKY = [
    "I’M SO FRUSTRATED, don’t you DARE", "İstanbul ıt \u212aEEPS crashing ſo", "CAFÉ café Über",
    "’quoted’ and 'quoted'", "I called Comcast 3X", "cancel all of AMAZON", "done with Verizon.",
]


@pytest.mark.parametrize("pattern, text, exact", [
    (phrases(r"frustrat\w*", r"I'm lost"), "I’M LOST and FRUSTRATED", True),
    (phrases(r"cancel all of (?-i:[A-Z])\w*"), "cancel all of amazon", False),  # a screen: the original decides
    (phrases(r"cancel all of (?-i:[A-Z])\w*"), "CANCEL ALL OF Amazon", False),
    (phrases(r"dm[’]d"), "I DM'd you", False),  # one apostrophe: widened to both
    (phrases(r"my (?:cafe|café)"), "MY CAFÉ", True),  # a non-ASCII letter that folds as `re` does
    (phrases(r"my (?:cafe|café)"), "my cafÉ", True),
    (phrases(r"[äé]tude"), "ÉTUDE", True),
    (phrases(r"σε"), "ςΕ Σε", False),  # σ: `re` also takes ς, which `fold` keeps
    (phrases(r"keep(?:s|ing)?"), "\u212aEEPS", True),
    (phrases(r"[a-z]+ed"), "WORKED", True),
])
def test_folded_patterns_find_the_same_spans(pattern, text, exact):
    from heard.analyze.casefold import could_match, folded, spans
    assert folded(pattern).exact is exact
    assert list(spans(pattern, text)) == [m.span() for m in pattern.finditer(text)]
    assert could_match(pattern, text) or pattern.search(text) is None


@pytest.mark.parametrize("pattern", [
    re.compile(r"[^'] (?-i:X)", re.I),  # a lone apostrophe in a negated class cannot be widened
    re.compile(r"(?!(?-i:[A-Z]))\w+", re.I),  # nor a case-sensitive part inside a negation
    re.compile(r"(\w)\1", re.I),  # back-references are left alone
    re.compile(r"(?>a(?-i:B)+)b", re.I),  # a widened atomic group could swallow what follows
    re.compile(r"frustrated"),  # case-sensitive already
])
def test_patterns_that_cannot_be_folded_run_as_they_are(pattern):
    from heard.analyze.casefold import folded, spans
    assert folded(pattern) is None
    assert list(spans(pattern, "aBb X xx frustrated")) == [m.span() for m in pattern.finditer("aBb X xx frustrated")]


def test_every_detector_pattern_folds_to_the_same_spans():
    from heard.analyze.casefold import could_match, folded, spans
    patterns = [p for p in _detector_patterns() if folded(p) is not None]
    assert len(patterns) > 150
    texts = _example_texts()[::3] + TRICKY
    texts += [t.upper() for t in texts[:300]] + [t.replace("'", "’") for t in texts if "'" in t][:300]
    for pattern in patterns:
        for text in texts:
            found = [m.span() for m in pattern.finditer(text)]
            assert list(spans(pattern, text)) == found, (pattern.pattern[:80], text)
            assert could_match(pattern, text) or not found


def test_the_largest_cue_tables_fold_exactly():
    """These tables are searched on most customer messages; folded exactly they run about three times
    faster. One cue with a non-ASCII quote or a case-sensitive capital makes the whole table a screen
    (session 18: three tables had become screens, which cost about 5 % of the rules' throughput). Cues
    that must read capitals stand in small tables of their own."""
    from heard.analyze.casefold import folded
    from heard.analyze.signals import concerns, emotion
    large = [c for c in concerns.CUES + emotion.CUES if len(c.pattern.pattern) > 2000]
    assert len(large) >= 12
    for c in large:
        assert folded(c.pattern) is not None and folded(c.pattern).exact, (c.label, c.note)


def test_an_apostrophe_in_a_character_class_also_matches_the_typographic_one():
    pattern = phrases(r"you(?: [\w']+){0,3} care")  # once turned into a broken nested class
    assert pattern.search("you really don't care") and pattern.search("you really don’t care")
    assert not pattern.search("you really don't-care")


# -- contractions and full forms (both_forms) --------------------------------------------------

@pytest.mark.parametrize("phrase, matches, misses", [
    ("can't stand", ["can't stand", "can’t stand", "cannot stand", "can not stand"], ["can stand"]),
    ("won't happen again", ["won't happen again", "will not happen again"], ["will happen again"]),
    ("we're unable", ["we're unable", "We are unable", "we’re unable"], ["were unable"]),
    (r"(?:I|we) will call", ["I'll call", "we will call", "We’ll call"], ["will call"]),
    (r"do(?:es)?\s+not work", ["doesn't work", "does not work", "don't work"], ["does work"]),
    ("it's our pleasure", ["it's our pleasure", "it is our pleasure"], ["its our pleasure"]),
    (r"I'?m lost", ["Im lost", "I'm lost", "I am lost"], ["I lost"]),
    (r"\bcannot\b", ["cannot", "can't", "can not"], ["can"]),
    (r"(?<!don't )worry", ["worry"], ["don't worry"]),  # a lookbehind stays as written
    # without the apostrophe where that spells no other word, and tweet shorthand
    ("don't care", ["dont care", "don’t care", "do not care"], []),
    ("I'm done", ["Im done", "I am done"], []),
    ("what's going on", ["whats going on", "what is going on"], []),
    ("we're sorry", ["we are sorry"], ["were sorry"]),  # "were" is a word of its own
    ("it's broken", ["it is broken"], ["its broken"]),
    ("we'll call", ["we will call"], ["well call"]),
    ("thank you for your help", ["thank u for ur help"], []),
    ("please call me", ["pls call me", "plz call me"], []),
])
def test_a_contraction_and_its_full_form_match_each_other(phrase, matches, misses):
    pattern = phrases(phrase)
    for text in matches:
        assert pattern.search(text), (phrase, text)
    for text in misses:
        assert not pattern.fullmatch(text), (phrase, text)


def test_both_forms_leaves_what_it_cannot_rewrite_safely():
    from heard.analyze.contractions import both_forms
    assert both_forms("customer's") == "customer's"  # a possessive is no contraction
    assert both_forms(r"(?:it|this)'s") == r"(?:it|this)'s"  # after a group, 's may be a possessive
    assert both_forms(r"(?<=\bwe are )sorry") == r"(?<=\bwe are )sorry"
    assert both_forms(r"\w+n't") == r"\w+n't"

