"""A static sentence encoder distilled from all-MiniLM-L6-v2 (model2vec's approach).

Every word piece of MiniLM's vocabulary was run through the transformer once, on its own; the
vectors were reduced by PCA and stored as float16 (`artifacts/static_minilm.npz`). A text is the
weighted mean of its word pieces' vectors, L2-normalised. Frequent pieces weigh less (SIF weights
from GoEmotions' training text), as in model2vec.

A message is tokenized once, with character offsets: @handles, links and Twitter agents'
sign-offs are dropped by offset, and any sentence's vector is pooled from the message's own pieces
(`Encoded.span`), so scoring sentences costs no second tokenization.

Run time: numpy + tokenizers only — no torch, no transformers, nothing downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

ARTIFACTS = Path(__file__).parent / "artifacts"
MAX_PIECES = 256
POOL_CHUNK = 64  # np.add.reduceat is fastest on small, cache-sized chunks
_SHIFT = 1 << 40  # more characters than any text has: separates texts' offsets in `spans`

_MENTION = re.compile(r"(?<![\w@])@\w+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_SIGNATURE = re.compile(r"(?:\s*(?:[\^*/-]\s?[A-Za-z]{1,12}|\d/\d))+\s*$")
_SPACE = re.compile(r"\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _tokenizable(text: str) -> str:
    """Half a surrogate pair (no character: the tokenizer refuses it) as U+FFFD, offsets kept."""
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def skipped_spans(text: str) -> list[tuple[int, int]]:
    """Character spans that carry no feeling: @handles, links, a trailing sign-off (^JS, -Becky, 1/2)."""
    spans = [m.span() for m in _MENTION.finditer(text)] + [m.span() for m in _URL.finditer(text)]
    sig = _SIGNATURE.search(text)
    if sig and sig.start() > 0:
        spans.append(sig.span())
    return spans


def normalize(text: str) -> str:
    """The text without its skipped spans (for reading; the encoder works on offsets)."""
    keep = np.ones(len(text), bool)
    for s, e in skipped_spans(text):
        keep[s:e] = False
    return _SPACE.sub(" ", "".join(c for c, k in zip(text, keep) if k)).strip()


@dataclass
class Encoded:
    """A batch of texts: sentence vectors, kept word-piece ids and each piece's character start."""

    vectors: np.ndarray  # (n, dim) float32, L2-normalised
    ids: list[np.ndarray]
    starts: list[np.ndarray]

    def span_ids(self, i: int, start: int, end: int) -> np.ndarray:
        """The pieces of text `i` that start inside characters start..end."""
        s = self.starts[i]
        lo, hi = np.searchsorted(s, start), np.searchsorted(s, end)
        return self.ids[i][lo:hi]


class StaticEncoder:
    def __init__(self, path: Path | None = None):
        path = path or ARTIFACTS / "static_minilm.npz"
        data = np.load(path)
        self.table = data["vectors"].astype(np.float32) * data["weights"].astype(np.float32)[:, None]
        self.dim = self.table.shape[1]
        self.tokenizer = Tokenizer.from_file(str(path.parent / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    def pieces(self, texts: Sequence[str]) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Kept word-piece ids and their character starts, per text."""
        ids_out, starts_out = [], []
        for text, enc in zip(texts, self.tokenizer.encode_batch([_tokenizable(t) for t in texts],
                                                                add_special_tokens=False)):
            ids = np.asarray(enc.ids, dtype=np.int64)
            starts = np.asarray([o[0] for o in enc.offsets], dtype=np.int64)
            skip = skipped_spans(text)
            if skip and len(ids):
                keep = np.ones(len(ids), bool)
                for s, e in skip:
                    keep &= ~((starts >= s) & (starts < e))
                ids, starts = ids[keep], starts[keep]
            ids_out.append(ids[:MAX_PIECES])
            starts_out.append(starts[:MAX_PIECES])
        return ids_out, starts_out

    def encode(self, texts: Sequence[str]) -> Encoded:
        ids, starts = self.pieces(texts)
        return Encoded(self.pool(ids), ids, starts)

    def pool(self, ids: Sequence[np.ndarray]) -> np.ndarray:
        vectors = np.zeros((len(ids), self.dim), dtype=np.float32)
        for c in range(0, len(ids), POOL_CHUNK):
            chunk = ids[c : c + POOL_CHUNK]
            lengths = np.fromiter((len(x) for x in chunk), dtype=np.int64, count=len(chunk))
            nonempty = np.nonzero(lengths)[0]
            if len(nonempty):
                flat = np.concatenate([chunk[i] for i in nonempty])
                offsets = np.concatenate([[0], np.cumsum(lengths[nonempty])[:-1]])
                vectors[c + nonempty] = np.add.reduceat(self.table[flat], offsets, axis=0)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)

    def spans(self, encoded: Encoded, items: Sequence[tuple[int, int, int]]) -> Encoded:
        """Sub-texts (text index, start, end) of an encoded batch, pooled from its own pieces.

        Each sub-text holds the pieces of text i that start inside start..end (`Encoded.span_ids`),
        found for all items at once: every text's piece starts, shifted by the text's index times
        `_SHIFT`, make one sorted array to search."""
        if not items:
            return Encoded(np.zeros((0, self.dim), dtype=np.float32), [], [])
        lengths = [len(s) for s in encoded.starts]
        flat_ids = np.concatenate(encoded.ids) if lengths else np.zeros(0, np.int64)
        flat_starts = np.concatenate(encoded.starts) if lengths else np.zeros(0, np.int64)
        shift = np.repeat(np.arange(len(lengths), dtype=np.int64) * _SHIFT, lengths)
        where = np.asarray(items, dtype=np.int64)
        keys = where[:, 0] * _SHIFT
        bounds = np.searchsorted(flat_starts + shift, np.concatenate([keys + where[:, 1], keys + where[:, 2]]))
        lo, hi = bounds[: len(items)].tolist(), bounds[len(items) :].tolist()
        ids = [flat_ids[a:b] for a, b in zip(lo, hi)]
        starts = [flat_starts[a:b] for a, b in zip(lo, hi)]
        return Encoded(self.pool(ids), ids, starts)


@cache
def load_encoder() -> StaticEncoder:
    """The shipped encoder, loaded once per process."""
    return StaticEncoder()
