r"""Contractions and their full forms in rule phrases.

People write "we're unable" and "we are unable", "can't" and "cannot" (translated helpdesk
replies mostly the second, tweets the first, often without the apostrophe: "dont", "Im"; and
"u", "ur", "pls"), so a phrase written in one form matches the others too. The forms are read off
the phrase's regular expression source: a word there is not the "w" of "\w" or the "b" of "\b",
and a space may be written " ", "\s", "\s+" or "\s*".
"""

from __future__ import annotations

import re

_SOURCE_WORD = r"(?:(?<=\\b)|(?<![\w\\]))"
_SOURCE_SPACE = r"(?: |\\s\+|\\s\*|\\s)"
# full form: (the words before it that make the contraction, the contraction)
_CONTRACTS = {
    "not": ("do|does|did|is|are|was|were|has|have|had|could|would|should|must|need", "n't"),
    "am": ("I", "'m"),
    "are": ("we|you|they|who|what", "'re"),
    "will": ("I|we|you|they|he|she|it|that|there|who", "'ll"),
    "have": ("I|we|you|they|would|could|should|might|must|who", "'ve"),
    "would": ("I|we|you|they|he|she|it|that|who", "'d"),
    "is": ("it|that|what|there|here|who|he|she|where|how", "'s"),
}
_EXPANDS = {"re": " are", "ll": " will", "ve": " have", "m": " am", "d": " would| had"}
# Where a contraction is still read without its apostrophe ("dont", "Im", "youre", "whats"); not
# where that spells another word ("were", "well", "ill", "its", "wed", "id").
_BARE = {"'m": "i", "'re": "you|they", "'ve": "i|we|you|they", "'s": "that|what|there|here|who|where|how"}
_SHORTHAND = {"you": "(?:you|u)", "your": "(?:your|ur)", "please": "(?:please|pls|plz)"}
_FORMS = re.compile(
    (rf"{_SOURCE_WORD}(?P<cant>can'\??t)(?!\w)|{_SOURCE_WORD}(?P<wont>won'\??t)(?!\w)"
     rf"|(?<=[\w)])(?P<nt>n'\??t)(?!\w)"
     rf"|(?:{_SOURCE_WORD}(?P<subject>I|we|you|they|he|she|it|that|there|who|what)|(?<=\)))(?P<short>'\??(?:re|ll|ve|m|d))(?!\w)"
     rf"|{_SOURCE_WORD}(?P<pronoun>it|that|what|there|here|who|he|she|where|how)(?P<is>'\??s)(?!\w)"
     rf"|{_SOURCE_WORD}(?P<cannot>can(?:not|{_SOURCE_SPACE}not))(?!\w)|{_SOURCE_WORD}(?P<willnot>will{_SOURCE_SPACE}not)(?!\w)"
     rf"|{_SOURCE_WORD}(?P<shorthand>you|your|please)(?!\w)")
    + "".join(rf"|(?:{_SOURCE_WORD}(?P<w_{full}>{before})|(?<=[)?]))(?P<s_{full}>{_SOURCE_SPACE}){full}(?!\w)"
              for full, (before, _) in _CONTRACTS.items()),
    re.IGNORECASE,
)
_LOOKBEHIND = re.compile(r"\(\?<[=!]")


def both_forms(source: str) -> str:
    """A phrase's regular expression with each contraction also matching its full form and each
    full form its contraction ("can't" → "(?:can't|cannot|can not)", "we are" →
    "we(?: are|'re)"). Lookbehinds stay as written (they need a fixed width), and so does a
    phrase whose rewrite would not compile."""
    inside = _lookbehinds(source)
    rewritten = _FORMS.sub(lambda m: m.group(0) if any(s <= m.start() < e for s, e in inside) else _both(m), source)
    try:
        re.compile(rewritten)
    except re.error:
        return source
    return rewritten


def _both(m: re.Match[str]) -> str:
    name, text = m.lastgroup, m.group(0)
    if name == "shorthand":
        return _SHORTHAND[text.lower()]
    if name == "cant":
        return f"(?:{_bare(text)}|cannot|can not)"
    if name == "wont":
        return f"(?:{_bare(text)}|will not)"
    if name == "willnot":
        return f"(?:{text}|won'?t)"
    if name == "nt":
        return f"(?:{_bare(text)}| not)"
    if name == "short":
        full = _EXPANDS[m["short"].lstrip("'?").lower()]
        return f"{m['subject'] or ''}(?:{_bare(m['short'], m['subject'])}|{full})"
    if name == "is":
        return f"{m['pronoun']}(?:{_bare(m['is'], m['pronoun'])}| is| has)"
    if name == "cannot":
        return f"(?:{text}|cannot|can not|can'?t)"
    full, subject = name[2:], m["w_" + name[2:]]
    return f"{subject or ''}(?:{m[name]}{full}|{_bare(_CONTRACTS[full][1], subject)})"


def _bare(contraction: str, subject: str | None = "") -> str:
    """`contraction` with its apostrophe optional where `_BARE` allows it after `subject`."""
    plain = contraction.replace("'?", "'")
    if plain.endswith("n't"):
        return plain[:-3] + "n'?t"
    after = _BARE.get(plain.lower())
    if after is None or subject is None or subject.lower() not in after.split("|"):
        return contraction
    return "'?" + plain[1:]


def _lookbehinds(source: str) -> list[tuple[int, int]]:
    """(start, end) of each lookbehind group in a regular expression's source."""
    spans = []
    for m in _LOOKBEHIND.finditer(source):
        depth, i, in_class = 0, m.start(), False
        while i < len(source):
            char = source[i]
            if char == "\\":
                i += 1
            elif in_class:
                in_class = char != "]"
            elif char == "[":
                in_class = True
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        spans.append((m.start(), i + 1))
    return spans
