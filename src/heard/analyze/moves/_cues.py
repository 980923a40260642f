"""Shared helpers for the agent-move rule detectors: which messages to read, sentence spans that
survive URLs and "3 p.m.", a table-driven scanner, and word lists several moves share.

A rule table is a tuple of `(pattern, score, label)` rows. `scan` runs every row over a message and
keeps, per sentence, the best-scoring match (the earliest on a tie), so one sentence earns a kind
once. A row's `label` opens the rationale: `label: "the words it matched"`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from heard.analyze.casefold import could_match
from heard.analyze.text import admitted, phrases
from heard.model import Conversation, Message, Role

Rule = tuple[re.Pattern[str], float, str]
Veto = Callable[[str, re.Match[str]], bool]

# -- word lists ------------------------------------------------------------------------------

INTENSIFIER = r"(?:really|so|very|incredibly|truly|super|extremely|quite|pretty|absolutely|understandably|deeply|terribly|such|beyond|rather|especially|particularly|genuinely)"

# The customer's state, as in "you're frustrated".
FEELING_STATE = (
    r"(?:frustrated|exhausted|stressed(?: out)?|upset|worried|disappointed|annoyed|angry|furious|"
    r"anxious|concerned|overwhelmed|scared|frightened|afraid|nervous|confused|fed up|let down|"
    r"tired|hurt|unhappy|uneasy|on edge|irritated|distressed|heartbroken|embarrassed|panicked|"
    r"livid|discouraged|disheartened|worn out|bothered|at (?:your|the end of your) wits'? end|fuming|gutted|devastated|shaken|rattled|helpless|dissatisfied|unsatisfied)"
)
# What the situation is like for them, as in "that sounds exhausting".
FEELING_COST = (
    r"(?:frustrating|exhausting|stressful|upsetting|worrying|worrisome|disappointing|annoying|"
    r"infuriating|maddening|aggravating|irritating|tiring|draining|overwhelming|scary|"
    r"frightening|alarming|unsettling|nerve[- ]?w?racking|distressing|heartbreaking|devastating|gutting|crushing|"
    r"confusing|inconvenient|discouraging|disheartening|embarrassing|painful|hurtful|mortifying|humiliating|"
    r"a (?:real )?(?:hassle|nightmare|headache|pain|worry|lot to deal with|lot to handle)|no fun)"
)
# Adjectives that name a cost only after "sounds" / "must be" ("this is hard to find" does not).
FEELING_COST_SOFT = r"(?:hard|difficult|tough|awful|horrible|terrible|rough|miserable|unpleasant|troublesome)"
FEELING_NOUN = (
    r"(?:frustrations?|disappointment|stress|worry|worries|anxiety|anger|upset|exhaustion|"
    r"distress|annoyance|irritation|fears?|confusion|heartache|sadness|grief|helplessness)"
)
# Nouns that, as the whole object of a regret, aim it at the customer's feeling.
FEELING_OBJECTS = frozenset(
    "frustration frustrations disappointment disappointments upset anger annoyance distress "
    "stress worry worries anxiety exhaustion unhappiness dissatisfaction feelings feeling hurt "
    "offence offense mood bad unpleasant".split()
)

# Something the customer has at stake, beyond the literal request.
STAKE = (
    r"(?:birthday|gift|present|surprise|celebration|party|wedding|graduation|anniversary|funeral|"
    r"christening|trip|travel|flight|holiday|vacation|honeymoon|event|deadline|launch|meeting|"
    r"interview|exams?|appointment|move|rent|bills?|mortgage|overdraft|budget|afford\w*|paycheck|fly|flying|hospital|"
    r"savings|business|customers|clients|staff|employees|shop|sales|stakeholders|"
    r"son|daughter|kids?|children|child|baby|mum|mom|dad|mother|father|wife|husband|partner|"
    r"family|parents?|grand\w+|medication|prescription|screen reader|wheelchair|hearing aid|"
    r"taken seriously|ignored|heard|listened to|runaround|bounced around|repeat yourself|"
    r"start over|passed (?:between|around)|in time|on time|before (?:the weekend|\w+day|tomorrow|your|the|you (?:fly|travel|leave|go))|by (?:\w+day|tomorrow))"
)
STAKE_WORD = phrases(STAKE)

# What a customer can be offered instead of something else.
REMEDY = phrases(
    r"refund(?:ed|s)?", r"replace(?:ment)?s?", r"re-?ship\w*", r"re-?send\w*", r"exchange",
    r"(?:store |account )?credit", r"vouchers?", r"gift card", r"discount", r"repairs?",
    r"re-?book\w*", r"reschedul\w+", r"cancel\w*", r"upgrade", r"downgrade", r"pick(?: it)? up",
    r"collect(?:ion)?", r"(?:the )?\d{1,2}[:.]\d{2} (?:flight|train|slot)", r"(?:next|later|earlier) (?:flight|train|slot|delivery)",
    r"overnight", r"express", r"courier", r"technician", r"engineer", r"return(?: label)?",
    r"keep (?:it|the item)", r"partial refund", r"full refund", r"a new one", r"swap(?: it)?(?= for\b)", r"\d+ ?% off", r"next-day (?:delivery|shipping)",
)
PREFERENCE_QUESTION = phrases(
    r"which (?:one |option |time |day |date |slot |of (?:these|those|them|the (?:two|three|options))\s+)?(?:works|would work|would you prefer|do you prefer|would you like|would help (?:more|most)|"
    r"suits|would suit|is better|feels right|fits|sounds (?:better|best|good|right)|would be (?:better|best|easier|easiest|simpler|quicker)|"
    r"is (?:best|easier|easiest|simpler|quicker))",
    r"which (?:option |one )?(?:feels|sounds|seems|looks) (?:best|better|right|fair|fairer|fairest|easiest|easier|good)",
    r"would you (?:prefer|rather|like (?:me to|us to|a|the|to))", r"do you prefer",
    r"what would you prefer", r"(?:it's )?(?:your call|up to you|your choice)",
    r"let me know which", r"which (?:way|method|option|one) is (?:more |most )?(?:convenient|suitable)", r"which (?:one|option|way) (?:do|would) you (?:choose|pick|want)", r"(?:tell|let) (?:us|me) (?:know )?which\b", r"whichever (?:you prefer|suits|works|is (?:easier|easiest|best|better))", r"what feels (?:right|best) (?:to you|for you)?",
    r"whichever you(?:'d| would)? (?:like|prefer|want|choose)",
)
CHOICE_FRAME = phrases(
    r"either\b[^.!?]{3,80}?\bor", r"(?:two|three|a few|a couple of|several) (?:options|ways to go|ways forward|routes)",
    r"you (?:can|could) choose (?:between|from)", r"choose between", r"option (?:1|a|one)\b",
    r"(?:I|we) can (?:offer|give) you (?:a|an|the)\b[^.!?]{3,60}?\bor\b",
)

NEGATION = re.compile(
    # idioms that negate nothing: "without a doubt", "no doubt", "no wonder", "not only", "don't worry"
    r"(?:\bnot\b(?! only\b| to worry\b| worry\b)|n['’]t\b(?! worry\b)|\bnever\b|(?<!oh )\bno\b(?! (?:doubt|wonder|worries)\b)|\bcannot\b|\bunable\b|\bwithout\b(?! a doubt\b))[^.!?]{0,20}$",
    re.IGNORECASE,
)
CONDITIONAL = re.compile(r"\b(?:if|whether|in case|unless)\b[^.!?,]{0,25}$", re.IGNORECASE)

# -- regret: "sorry for …" -------------------------------------------------------------------

SORRY_SUBJECT = (
    r"(?:(?:I|we)(?:'m|'re|\s+am|\s+are|\s+do|\s+would like to|'d like to|\s+want to|\s+must|"
    r"\s+sincerely|\s+truly|\s+deeply|\s+really|\s+again)*\s+|(?:my|our)\s+(?:sincere(?:st)?\s+|deepest\s+|humble\s+)?)?"
    r"(?:" + INTENSIFIER + r"\s+)?"
)
_OBJECT_CUT = frozenset(
    "with that which who this it you when while on in due because caused from to at as we during "
    "since if i our my but".split()
)
_OBJECT_FILLER = frozenset(
    "any the your all of and or a an some such great huge extreme possible understandable "
    "obvious added any such much so".split()
)
SYMPATHY_OBJECTS = frozenset("loss news passing".split())


def regret_object(text: str, pos: int) -> list[str]:
    """The words of what a regret is for, up to the first preposition or clause:
    "sorry for the stress, frustration and the inconvenience that you endured" -> [stress, frustration, inconvenience]."""
    stop = re.compile(r"[.!?;:\n]|\s[—–-]\s|,?\s+but\b").search(text, pos)
    words = re.findall(r"[a-z']+", text[pos : stop.start() if stop else len(text)].lower().replace("’", "'"))
    head: list[str] = []
    for i, word in enumerate(words):
        if word in _OBJECT_CUT and i > 0:
            break
        head.append(word)
    return [w for w in head if w not in _OBJECT_FILLER]


def regret_aimed_at_feeling(words: list[str]) -> bool:
    """Is a regret's whole object the customer's feeling ("sorry for your frustration")?"""
    return bool(words) and all(w in FEELING_OBJECTS for w in words)


# -- messages and sentences ------------------------------------------------------------------


def agent_messages(conversation: Conversation) -> Iterator[Message]:
    """Public agent messages: the only turns a move is labelled on."""
    return (m for m in conversation.iter_messages(role=Role.agent) if m.public and m.text.strip())


_BOUNDARY = re.compile(r"[.!?…]+[\"'’”)\]]*(?=\s|$)|\n+")
_ABBREVIATION = re.compile(
    r"(?:\b(?:[ap]\.m|e\.g|i\.e|etc|vs|approx|mr|mrs|ms|dr|st|no|inc|ltd|co|dept|ext|ref|[a-z])\.)$",
    re.IGNORECASE,
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, end-exclusive, closing punctuation included.

    Unlike `heard.analyze.text.iter_sentences` a full stop only ends a sentence before a space or
    the end, and not after "a.m." / "p.m." / "e.g.", so URLs, decimals and times stay whole."""
    return list(_sentences(text))


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        # An abbreviation is at most 7 characters ("approx."): look only that far back (\b still
        # sees the character before the window), so a long message is not rescanned per full stop.
        if m.group(0)[0] == "." and _ABBREVIATION.search(text, max(0, m.start() - 12), m.start() + 1):
            continue
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return tuple(spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        s = start + len(piece) - len(piece.lstrip())
        spans.append((s, s + len(stripped)))


@lru_cache(maxsize=64)
def _starts(text: str) -> tuple[int, ...]:
    return tuple(s for s, _ in _sentences(text))


def sentence_index(text: str, pos: int) -> int | None:
    """Which of `sentences(text)` holds character `pos` (None: none does); a lookup, not a scan,
    so asking for every cue of a long message stays linear."""
    k = bisect_right(_starts(text), pos) - 1
    return k if k >= 0 and pos < _sentences(text)[k][1] else None


def sentence_of(text: str, pos: int) -> tuple[int, int]:
    """The sentence holding character `pos` (or the whole text, trimmed, if none does)."""
    k = sentence_index(text, pos)
    if k is not None:
        return _sentences(text)[k]
    stripped = text.strip()
    s = text.find(stripped[:1]) if stripped else 0
    return s, s + len(stripped)


def clause_end(text: str, pos: int, limit: int = 160) -> int:
    """Where the clause running from `pos` stops: before . ! ? ; : a dash, a newline, ", but"."""
    m = re.compile(r"[.!?;:\n]|\s[—–-]\s|,\s*(?:but|and|so|however)\b", re.IGNORECASE).search(text, pos)
    end = m.start() if m else len(text)
    end = min(end, pos + limit)
    return len(text[:end].rstrip(" ,"))


def is_negated(text: str, start: int) -> bool:
    """Is the cue at `start` under a negation earlier in its clause ("I can't promise …")?"""
    return bool(NEGATION.search(text, max(0, start - 30), start))


def is_conditional(text: str, start: int) -> bool:
    """Is the cue at `start` inside an if/whether clause ("sorry if you were upset")?"""
    return bool(CONDITIONAL.search(text, max(0, start - 30), start))


_CLAUSE_CHOICE = re.compile(
    r"\b(?:I|we|you)\s+(?:can|could)\b(?:[^.!?]|(?<=\d)\.(?=\d)){3,100}?\bor\b|\bor\s+(?:else\s+)?(?:I|we|you)\s+(?:can|could)\b|\beither\b[^.!?]{3,80}?\bor\b",
    re.IGNORECASE,
)


def two_courses(sentence: str) -> bool:
    """Does this sentence join two courses of action with "or" ("you could move to the annual plan
    now, or stay monthly", "there's a coach at 07:40, or I can book you on the 08:15")?"""
    clause = _CLAUSE_CHOICE.search(sentence)
    return clause is not None and not is_negated(sentence, clause.start())


def is_choice_offer(sentence: str) -> bool:
    """Does this sentence offer two or more concrete paths (refund / reship / the 07:15 flight …),
    or two courses of action joined by "or" with a preference question ("… stay on, or I can turn
    it off — your choice")?"""
    remedies = {m.group(0).lower() for m in REMEDY.finditer(sentence)}
    joined = re.search(r"\bor\b", sentence, re.IGNORECASE) is not None
    if PREFERENCE_QUESTION.search(sentence) and two_courses(sentence):
        return True
    if not remedies or is_negated(sentence, next(m.start() for m in REMEDY.finditer(sentence))):
        return False
    if CHOICE_FRAME.search(sentence) or (PREFERENCE_QUESTION.search(sentence) and joined):
        return True
    return len(remedies) >= 2 and joined and re.search(r"\b(?:I|we|you)\b", sentence, re.IGNORECASE) is not None


# -- option lists ----------------------------------------------------------------------------

# A numbered or bulleted line ("1. …", "2) …", "- …", "Option B: …") …
_LINE_ITEM = re.compile(r"^[ \t]*(?:\(?\d{1,2}[.)]|[-•*–]|\(?[a-c]\)|option\s+(?:\d|[a-c]|one|two|three)\s*[:.)—–-])[ \t]+\S", re.IGNORECASE | re.MULTILINE)
# … or options counted inline ("One: … Two: … Or three: …").
_INLINE_ITEM = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=[.!?:]\s\s)|(?<=\n))(?:or\s+)?(one|two|three|four|first|second|third|fourth)\s*[:—–]\s+",
    re.IGNORECASE | re.MULTILINE,
)
_ORDER = {"one": 1, "first": 1, "two": 2, "second": 2, "three": 3, "third": 3, "four": 4, "fourth": 4}


@lru_cache(maxsize=64)
def option_items(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each enumerated alternative in a message: numbered or bulleted lines (each
    runs to the end of its line) or inline "One: … Two: …" (each runs to the next; the last to
    the end of its sentence). Fewer than two items is no list: []."""
    lines = [m.start() + len(m.group(0)) - len(m.group(0).lstrip()) for m in _LINE_ITEM.finditer(text)]
    if len(lines) >= 2:
        items = []
        for start in lines:
            newline = text.find("\n", start)
            items.append((start, newline if newline >= 0 else len(text)))
        return tuple(_contiguous(text, items))
    marks = [m for m in _INLINE_ITEM.finditer(text)]
    numbers = [_ORDER[m.group(1).lower()] for m in marks]
    if len(marks) < 2 or numbers[:2] != [1, 2]:
        return ()
    items = []
    for i, m in enumerate(marks):
        if i + 1 < len(marks):
            end = marks[i + 1].start()
        else:
            k = sentence_index(text, m.end())
            end = _sentences(text)[k][1] if k is not None else len(text)
        items.append((m.start(), len(text[:end].rstrip())))
    return tuple(items)


def _contiguous(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first run of list lines not broken by a blank line or a paragraph of prose."""
    run = [items[0]]
    for start, end in items[1:]:
        gap = text[run[-1][1] : start]
        if gap.strip() or gap.count("\n") > 2:
            if len(run) >= 2:
                break
            run = [(start, end)]
            continue
        run.append((start, end))
    return run if len(run) >= 2 else []


def in_option_item(text: str, pos: int) -> bool:
    """Is `pos` inside one of `option_items(text)`? (They are in order and do not overlap.)"""
    items = option_items(text)
    k = bisect_right(items, (pos, len(text) + 1)) - 1
    return k >= 0 and pos < items[k][1]


# -- scanning --------------------------------------------------------------------------------


class Hit(NamedTuple):
    start: int
    end: int
    score: float
    rationale: str


def quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return '"' + (text if len(text) <= limit else text[: limit - 1].rstrip() + "…") + '"'


def scan(
    text: str,
    rules: Sequence[Rule],
    *,
    veto: Veto | None = None,
    whole_sentence: bool = False,
    to_clause_end: bool = False,
) -> list[Hit]:
    """The best match per sentence over all `rules`, in text order.

    With `whole_sentence` the span is the sentence holding the match; with `to_clause_end` it
    runs from the match to the end of its clause; else it is the match itself."""
    best: dict[tuple[int, int], Hit] = {}
    admit = admitted([pattern for pattern, _, _ in rules], text)
    for i, (pattern, score, label) in enumerate(rules):
        if not admit >> i & 1 or not could_match(pattern, text):
            continue
        for m in pattern.finditer(text):
            if m.end() == m.start() or (veto and veto(text, m)):
                continue
            sentence = sentence_of(text, m.start())
            start, end = sentence if whole_sentence else (m.start(), m.end())
            if to_clause_end:
                end = max(end, clause_end(text, m.end()))
            hit = Hit(start, end, score, f"{label}: {quote(m.group(0))}")
            old = best.get(sentence)
            if old is None or (hit.score, -hit.start) > (old.score, -old.start):
                best[sentence] = hit
    return sorted(best.values())


def standard_veto(text: str, m: re.Match[str]) -> bool:
    """Skip a cue that is negated or conditional."""
    return is_negated(text, m.start()) or is_conditional(text, m.start())


def rule_findings(detector, kind: str, conversation: Conversation, rules: Sequence[Rule], **scan_options) -> list:
    """Run a rule table over every public agent message and sign the hits as `kind` findings."""
    return [
        detector.info.finding(kind, message, hit.start, hit.end, score=hit.score, rationale=hit.rationale)
        for message in agent_messages(conversation)
        for hit in scan(message.text, rules, **scan_options)
    ]
