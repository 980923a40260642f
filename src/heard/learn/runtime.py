"""Shared run-time state for the learned detectors: the encoder, the heads, and a small cache of
encoded texts so that a batch can be encoded at once (`prime`) and then analysed message by message.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from functools import cache

import numpy as np

from heard.learn.encoder import ARTIFACTS, Encoded, load_encoder
from heard.learn.heads import Head

CACHE_SIZE = 50_000
_cache: OrderedDict[str, tuple[np.ndarray, np.ndarray]] = OrderedDict()


@cache
def load_head(name: str) -> Head:
    """A shipped head by file stem ("emotion10", "moves", "concerns", "goemotions28")."""
    return Head.load(ARTIFACTS / f"{name}.npz")


def prime(texts: Sequence[str]) -> None:
    """Encode many texts in one batch so later per-message calls hit the cache."""
    todo = list(dict.fromkeys(t for t in texts if t not in _cache))
    if not todo:
        return
    enc = load_encoder().encode(todo)
    for text, vec, ids in zip(todo, enc.vectors, enc.ids):
        _cache[text] = (vec, ids)
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)


def encode(texts: Sequence[str]) -> Encoded:
    """Encoded texts, from the cache where possible."""
    missing = [t for t in texts if t not in _cache]
    if missing:
        enc = load_encoder().encode(missing)
        fresh = {t: (v, i) for t, v, i in zip(missing, enc.vectors, enc.ids)}
    else:
        fresh = {}
    rows = [_cache.get(t) or fresh[t] for t in texts]
    if fresh and len(_cache) < CACHE_SIZE:
        _cache.update(fresh)
    return Encoded(np.stack([r[0] for r in rows]) if rows else np.zeros((0, load_encoder().dim), np.float32),
                   [r[1] for r in rows])


def clear_cache() -> None:
    _cache.clear()
