"""move.apology: a sincere, specific apology that owns the company's part ("I'm sorry we charged
you twice", "Sorry for the delay on our end"). Sympathy ("sorry to hear that", "sorry you're
having trouble", "sorry, we can't …") and regret aimed at the customer's feeling are not.

A bare "sorry" counts when the company's own fault is owned in the same sentence or the one
next to it ("I'm sorry — … That's on us", "I'm sorry: our checkout is blocking you, and that's
our failure", "… and we're late. I'm sorry."); the span runs from the "sorry" to the words
owning the fault (or from them to the "sorry"). Regret for the agent's own lateness ("Sorry it
took longer than expected") and for the customer's wait or repetition ("Sorry you've been
waiting 12 days", "Sorry nobody let you know") own the company's part too."""

from __future__ import annotations

import re
from collections.abc import Sequence

from heard.analyze.detector import register_detector
from heard.analyze.moves._cues import (
    SORRY_SUBJECT,
    SYMPATHY_OBJECTS,
    Hit,
    Rule,
    agent_messages,
    clause_end,
    quote,
    regret_aimed_at_feeling,
    regret_object,
    scan,
    sentence_index,
    sentence_of,
    sentences,
)
from heard.analyze.text import phrases
from heard.model import Conversation, Finding

KIND = "move.apology"
_REFUSAL = (  # "sorry we can't", "sorry we're unable" (no space before a contraction)
    r"(?!\s*(?:can't|cannot|can not|am unable|are unable|'m unable|'re unable|'m not able|'re not able|"
    r"am not able|are not able|won't be able|don't|do not|have no|had no)\b)"
)
# Regret for what the customer feels or thinks, or for what they cannot do: not the company's part.
_AT_THE_CUSTOMER = (
    r"(?!\s+(?:that\s+)?you(?:'re|\s+are|'ve been|\s+have been|\s+were)?\s+(?:experiencing|having|facing|dealing|feel|felt|think|thought|"
    r"believe|see it|unable|not able|aren't|are not|weren't|were not|upset|unhappy|disappointed|frustrated|annoyed)\b)"
)

RULES: tuple[Rule, ...] = (
    (phrases(rf"{SORRY_SUBJECT}sorry\s+(?:that\s+)?(?:we|I|our|my)\b{_REFUSAL}"), 0.9,
     "apologises for the company's part"),
    (phrases(rf"{SORRY_SUBJECT}(?:sorry|apologi[sz]e|apologies|apology)(?:\s+(?:again|once again|once more))?\s+(?:for|about)\b",
             rf"{SORRY_SUBJECT}(?:apologies|apology)\s+on\s+(?:your|the|this|our)\b"), 0.85,
     "apologises for something specific"),
    (phrases(rf"{SORRY_SUBJECT}sorry\s+(?:that\s+)?(?:it|this|that|(?:the|our|your)\s+[\w-]+(?:\s+[\w-]+)?)(?:'s|\s+is|\s+was|\s+were|\s+has been|\s+came|\s+arrived|\s+took|\s+got|\s+went)\b"
             r"[^.!?]{0,30}?\b(?:late|delayed|later than|longer than|slower than|worse than|so long|too long|wrong|slow)\b"), 0.8,
     "apologises for the company's delay or mistake"),
    (phrases(rf"{SORRY_SUBJECT}sorry\s+(?:that\s+)?(?:you've|you have|you had|you've had)\s+(?:been\s+(?:waiting|kept waiting|chasing|on hold|holding)|"
             r"had\s+to\s+(?:wait|chase|repeat|call|write|explain|ask|contact|come back)|to\s+(?:wait|chase|repeat))",
             rf"{SORRY_SUBJECT}sorry\s+(?:that\s+)?(?:nobody|no one|no-one|we didn't|we did not|we never)\s+"
             r"(?:\w+\s+)?(?:let you know|told you|called|contacted|updated|got back|replied|answered|warned)"), 0.8,
     "apologises for the wait or runaround the company caused"),
    (phrases(rf"{SORRY_SUBJECT}(?:apologi[sz]e|apologies)\s+(?:for|about)\s+(?:that|this|it)\b"), 0.65, "apologises"),
    # as helpdesks translate it: "Please forgive the inconvenience we brought to you"
    (phrases(r"(?:please\s+)?forgive\s+(?:us|me)?\s*(?:for\s+)?(?:the|any|our|your|all the)\s+(?:[\w-]+\s+)?(?:inconvenience|trouble|delay|mistakes?|errors?|problems?)"),
     0.85, "apologises for something specific"),
    (phrases(rf"{SORRY_SUBJECT}sorry\s+(?:about|for)\s+(?:that|this|it|all (?:of )?(?:that|this))(?=(?:,?\s+(?-i:[A-Z][a-z]+))?\s*(?:[.!,;:)]|$))"), 0.65,
     "apologises"),
    (phrases(rf"{SORRY_SUBJECT}apologi[sz]e\b(?!\s+(?:if|for)\b){_AT_THE_CUSTOMER}"), 0.8, "apologises"),
    (phrases(r"(?:(?:my|our)\s+(?:\w+\s+)?|(?:sincere(?:st)?|deepest|humble|heartfelt)\s+)apologies\b(?!\s+(?:if|for)\b)"),
     0.7, "apologises"),
    (re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))apologies(?=\s*[,.!:;—–-])", re.IGNORECASE | re.MULTILINE), 0.7, "apologises"),
)

# A bare "sorry" and words that own the company's fault ("that's on us", "our failure").
_BARE_SORRY = phrases(rf"{SORRY_SUBJECT}(?:so\s+|very\s+|really\s+|truly\s+|deeply\s+)?sorry\b(?!\s+(?:to|for|about|if|you|that you)\b)")
_NOT_A_FAULT = r"(?!(?:policy|policies|terms|rules|process|procedure|standard|limit|maximum|minimum|way|best|goal|aim|priority|pleasure|job)\b)"
OWN_FAULT = phrases(
    r"(?:that's|that is|it's|it is|this is|this was|that was|which is)\s+(?:all\s+)?on\s+(?:us|me)",
    rf"(?:that's|that is|it's|it is|this is|this was|that was)\s+(?:entirely\s+|completely\s+|totally\s+|all\s+)?(?:our|my)\s+(?:own\s+)?{_NOT_A_FAULT}[\w-]+",
    r"(?:our|my)\s+(?:own\s+)?(?:[\w-]+\s+){0,4}?(?:fault|failure|mistake|error|oversight|outage|bug|bad)",
    r"on\s+(?:our|my)\s+(?:end|side|part)",
    r"(?:we|I)\s+(?:should\s+have|shouldn't\s+have|got\s+(?:this|it|that)\s+wrong|messed\s+up|dropped\s+the\s+ball|let\s+you\s+down|"
    r"made\s+(?:a|an)\s+(?:mistake|error))",
    r"(?:we're|we are|we were|I'm|I am|I was)\s+(?:late|wrong|at fault|to blame|behind)",
    r"not\s+(?:on\s+)?you\b", r"not\s+(?:anything|something)\s+you(?:'re|\s+are|\s+did)", r"not\s+your\s+fault",
    r"(?:far\s+|way\s+|much\s+)?too\s+long",
)


def _veto(text: str, m: re.Match[str]) -> bool:
    """A regret "for" the customer's feeling is a non-apology; "for your loss" is sympathy;
    "sorry about that" is left to its own, weaker row."""
    if not re.search(r"(?:for|about)$", m.group(0), re.IGNORECASE):
        return False
    words = regret_object(text, m.end())
    if not words or (words[0] in {"that", "this", "it", "all"} and len(words) == 1):
        return True
    if words[0] in {"not", "being"} and {"able", "unable"} & set(words[:3]):
        return True  # "apologize for not being able to …": sorry, we can't
    return regret_aimed_at_feeling(words) or bool(SYMPATHY_OBJECTS & set(words))


@register_detector("apology", version="7", kinds=(KIND,))
class ApologyDetector:
    """Agent apologises specifically for the company's part."""

    def detect(self, conversation: Conversation, *, prior: Sequence[Finding] = ()) -> list[Finding]:
        findings = []
        for message in agent_messages(conversation):
            text = message.text
            hits = [h for h in scan(text, RULES, veto=_veto, to_clause_end=True) if not _after_refusal(text, h.start)]
            covered = {sentence_of(text, h.start) for h in hits}
            hits += [h for h in _owned_sorries(text) if sentence_of(text, h.start) not in covered]
            hits += [h for h in _bare_sorries(text) if not any(o.start < h.end and h.start < o.end for o in hits)]
            for hit in sorted(hits):
                findings.append(self.info.finding(KIND, message, hit.start, hit.end, score=hit.score, rationale=hit.rationale))
        return findings


def _owned_sorries(text: str) -> list[Hit]:
    """A bare "sorry" with the company's fault owned in its sentence or the next or previous one."""
    spans = sentences(text)
    hits = []
    for m in _BARE_SORRY.finditer(text):
        rest = text[m.end():]
        if re.match(r"\s*[,—–-]?\s*(?:but|we can't|we cannot|I can't|I cannot|we're unable|I'm unable)\b", rest, re.IGNORECASE):
            continue  # "sorry, but …" / "sorry, we can't …": not owning anything
        index = sentence_index(text, m.start())
        if index is None:
            continue
        s, e = spans[index]
        own = OWN_FAULT.search(text, m.end(), e)
        if own is None and index + 1 < len(spans):
            own = OWN_FAULT.search(text, *spans[index + 1])
        if own is not None:
            end = clause_end(text, own.end())
            hits.append(Hit(m.start(), end, 0.85, f"apologises and owns the fault: {quote(own.group(0))}"))
            continue
        if index > 0:
            own = OWN_FAULT.search(text, *spans[index - 1])
            if own is not None:  # "… and we're late. I'm sorry."
                hits.append(Hit(own.start(), e, 0.85, f"apologises and owns the fault: {quote(own.group(0))}"))
    return hits


# A bare apology that closes its clause: "We're sorry, Anthony!", "We are really sorry.", "I'm so sorry :(".
_BARE_CLOSED = phrases(
    rf"{SORRY_SUBJECT}(?:so\s+|very\s+|really\s+|truly\s+|deeply\s+|terribly\s+|quite\s+|extremely\s+)?sorry"
    r"(?=(?:,?\s+(?:(?-i:[A-Z][a-z]+)|dear|buddy|friend))?\s*(?:[.!…;]|:-?\(|$))"
)
_REFUSAL_START = re.compile(
    r"\s*(?:[.!…;,:\s]|:-?\()*\s*(?:but\b|unfortunately\b|however\b|(?:we|I)\s*(?:can't|cannot|can not|don't|do not|are unable|'re unable|am unable|'m unable|"
    r"are not able|'re not able|won't|will not)\b)", re.IGNORECASE)
_REFUSED = re.compile(
    r"\b(?:we|I)\s*(?:do not|don't|can't|cannot|can not|are unable to|'re unable to|are not able to|'re not able to|won't be able to|will not be able to)\b[^.!?]*$",
    re.IGNORECASE)

_LIMIT = re.compile(r"\b(?:can't|cannot|can not|unable|not able|can only|only\b[^.!?]{0,60}\bcan\b|no authority|not available|usually happens|"
                    r"(?:isn't|is not|there's no|there is no) (?:a |any )?way)\b", re.IGNORECASE)


def _after_refusal(text: str, pos: int) -> bool:
    """An apology tacked onto a refusal in the same sentence ("We do not have access via this
    channel, our apologies!") is "sorry, we can't": sympathy, not an apology."""
    s, _ = sentence_of(text, pos)
    return bool(_REFUSED.search(text.replace("’", "'"), s, pos))


def _bare_sorries(text: str) -> list[Hit]:
    """A bare "sorry" that is the whole clause, unless a refusal, blame or a policy follows it."""
    from heard.analyze.moves.defensive import ALWAYS, UNLESS_ALTERNATIVE

    spans = sentences(text)
    plain = text.replace("’", "'")
    hits = []
    for m in _BARE_CLOSED.finditer(text):
        if _REFUSAL_START.match(plain, m.end()):
            continue
        index = sentence_index(text, m.start())
        if index is None:
            continue
        following = text[m.end() : spans[index + 1][1]] if index + 1 < len(spans) else text[m.end() :]
        if _LIMIT.search(following.replace("’", "'")) or any(p.search(following) for p, _, _ in ALWAYS + UNLESS_ALTERNATIVE):
            continue  # "I'm sorry. That's our policy …" / "… can only be done in store": the sorry fronts a defence or a refusal
        hits.append(Hit(m.start(), m.end(), 0.65, f"apologises: {quote(m.group(0))}"))
    return hits
