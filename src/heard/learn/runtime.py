"""Shared run-time state for the learned detectors: the encoder, the heads, and a cache of scored
texts, so that a batch can be encoded and scored at once (`prime`) and then analysed message by
message with no further model work.

For a text the cache keeps its encoding and, per head, the calibrated probabilities of the whole
text; sentence probabilities (pooled from the text's own word pieces) are computed only for the
messages that need them: a move or concern the whole message screens positive for, or an emotion
the rules disagree on.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from heard.analyze.text import sentence_spans
from heard.learn.encoder import ARTIFACTS, Encoded, load_encoder
from heard.learn.heads import Head

HEADS = ("emotion10", "moves", "concerns")
ROLE_HEADS = {"customer": ("emotion10", "concerns"), "agent": ("moves",)}
# Read sentence by sentence only (the detectors never use their whole-message score).
SENTENCE_HEADS = ("moves", "concerns")
CACHE_SIZE = 50_000


@cache
def load_head(name: str) -> Head:
    """A shipped head by file stem ("emotion10", "moves", "concerns", "goemotions28")."""
    return Head.load(ARTIFACTS / f"{name}.npz")


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences a model scores: `iter_sentences`, skipping scraps under 3 characters."""
    spans = [(s, e) for s, e in sentence_spans(text) if e - s >= 3]
    return spans or [(0, len(text))]


@dataclass
class Scored:
    encoded: Encoded  # the text alone (one row)
    text: dict[str, np.ndarray] = field(default_factory=dict)  # head -> (k,)
    _sentences: list[tuple[int, int]] | None = None
    _sentence_encoded: Encoded | None = None
    _sentence: dict[str, np.ndarray] = field(default_factory=dict)  # head -> (m, k)

    def sentence_probs(self, full_text: str, head: str) -> tuple[list[tuple[int, int]], np.ndarray]:
        """Sentences and `head`'s probabilities for each, pooled from the text's own pieces
        (computed on first use: most messages never need them)."""
        if self._sentences is None:
            self._sentences = sentences(full_text)
            self._sentence_encoded = load_encoder().spans(self.encoded, [(0, s, e) for s, e in self._sentences])
        if head not in self._sentence:
            self._sentence[head] = load_head(head).predict_proba(self._sentence_encoded)
        return self._sentences, self._sentence[head]


_cache: OrderedDict[str, Scored] = OrderedDict()


def _encode(texts: list[str]) -> list[Scored]:
    enc = load_encoder().encode(texts)
    return [Scored(Encoded(enc.vectors[i : i + 1], enc.ids[i : i + 1], enc.starts[i : i + 1])) for i in range(len(texts))]


def _add_head(items: list[Scored], name: str) -> None:
    """Score every item lacking head `name`, in one batch."""
    todo = [x for x in items if name not in x.text]
    if todo:
        parts = [x.encoded for x in todo]
        batch = Encoded(np.concatenate([p.vectors for p in parts]), [p.ids[0] for p in parts], [p.starts[0] for p in parts])
        for x, p in zip(todo, load_head(name).predict_proba(batch)):
            x.text[name] = p


def _stack(parts: list[Encoded]) -> Encoded:
    return Encoded(np.concatenate([p.vectors for p in parts]), [i for p in parts for i in p.ids],
                   [x for p in parts for x in p.starts])


def _add_sentence_head(texts: list[str], items: list[Scored], name: str) -> None:
    """Sentence probabilities of head `name` for every item lacking them, in one batch."""
    need = [(t, x) for t, x in zip(texts, items) if x._sentences is None]
    if need:
        spans = [sentences(t) for t, _ in need]
        batch = _stack([x.encoded for _, x in need])
        sent = load_encoder().spans(batch, [(i, s, e) for i, sp in enumerate(spans) for s, e in sp])
        at = 0
        for (_, x), sp in zip(need, spans):
            x._sentences = sp
            x._sentence_encoded = Encoded(sent.vectors[at : at + len(sp)], sent.ids[at : at + len(sp)],
                                          sent.starts[at : at + len(sp)])
            at += len(sp)
    todo = [x for x in items if name not in x._sentence]
    if todo:
        probs = load_head(name).predict_proba(_stack([x._sentence_encoded for x in todo]))
        at = 0
        for x in todo:
            m = len(x._sentences)
            x._sentence[name] = probs[at : at + m]
            at += m


def _remember(texts: list[str], items: list[Scored]) -> None:
    for text, item in zip(texts, items):
        _cache[text] = item
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)


def prime(texts: Sequence[str], roles: Sequence[str] | None = None) -> None:
    """Encode and score many texts in one batch so later per-message calls hit the cache.
    With `roles` ("customer" / "agent" per text) only the heads that role needs are run."""
    roles = list(roles) if roles is not None else [None] * len(texts)
    todo = list(dict.fromkeys(t for t in texts if t not in _cache))
    if todo:
        _remember(todo, _encode(todo))
    for name in HEADS:
        wanted = [(t, _cache[t]) for t, r in zip(texts, roles)
                  if t in _cache and (r is None or name in ROLE_HEADS.get(r, ()))]
        if name in SENTENCE_HEADS:
            _add_sentence_head([t for t, _ in wanted], [x for _, x in wanted], name)
        else:
            _add_head([x for _, x in wanted], name)


def scored(texts: Sequence[str], head: str) -> list[Scored]:
    """The texts with `head`'s probabilities for the whole text, cached."""
    missing = list(dict.fromkeys(t for t in texts if t not in _cache))
    fresh = dict(zip(missing, _encode(missing))) if missing else {}
    if fresh and len(_cache) < CACHE_SIZE:
        _cache.update(fresh)
    items = [_cache.get(t) or fresh[t] for t in texts]
    _add_head(items, head)
    return items


def sentence_scored(texts: Sequence[str], head: str) -> list[Scored]:
    """The texts with `head`'s probabilities for each sentence, cached."""
    missing = list(dict.fromkeys(t for t in texts if t not in _cache))
    fresh = dict(zip(missing, _encode(missing))) if missing else {}
    if fresh and len(_cache) < CACHE_SIZE:
        _cache.update(fresh)
    items = [_cache.get(t) or fresh[t] for t in texts]
    _add_sentence_head(list(texts), items, head)
    return items


def encode(texts: Sequence[str]) -> Encoded:
    """The encoder on its own (for evaluation and tests)."""
    return load_encoder().encode(list(texts))


def clear_cache() -> None:
    _cache.clear()
