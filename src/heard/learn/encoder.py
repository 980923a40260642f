"""A static sentence encoder distilled from all-MiniLM-L6-v2 (model2vec's approach).

Every word piece of MiniLM's vocabulary was run through the transformer once, on its own; the
vectors were reduced by PCA and stored as float16 (`artifacts/static_minilm.npz`). A sentence is
the weighted mean of its word pieces' vectors, L2-normalised. Frequent pieces weigh less
(SIF weights from GoEmotions' training text), as in model2vec.

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
MAX_PIECES = 128

_MENTION = re.compile(r"(?<![\w@])@\w+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_SIGNATURE = re.compile(r"(?:\s*(?:[\^*/-]\s?[A-Za-z]{1,12}|\d/\d))+\s*$")
_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Drop what carries no feeling: @handles, links, Twitter agents' sign-offs (^JS, -Becky, 1/2)."""
    text = _URL.sub(" ", _MENTION.sub(" ", text))
    text = _SIGNATURE.sub("", text)
    return _SPACE.sub(" ", text).strip()


@dataclass
class Encoded:
    """A batch of texts: their sentence vectors and their word-piece ids (for the sparse heads)."""

    vectors: np.ndarray  # (n, dim) float32, L2-normalised
    ids: list[np.ndarray]  # word-piece ids per text, special tokens excluded


class StaticEncoder:
    def __init__(self, path: Path | None = None):
        path = path or ARTIFACTS / "static_minilm.npz"
        data = np.load(path)
        self.table = data["vectors"].astype(np.float32) * data["weights"].astype(np.float32)[:, None]
        self.dim = self.table.shape[1]
        self.tokenizer = Tokenizer.from_file(str(ARTIFACTS / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.special = {int(i) for i in data["special_ids"]}

    def token_ids(self, texts: Sequence[str]) -> list[np.ndarray]:
        out = []
        for enc in self.tokenizer.encode_batch([normalize(t) for t in texts], add_special_tokens=False):
            ids = np.asarray(enc.ids[:MAX_PIECES], dtype=np.int64)
            out.append(ids)
        return out

    def encode(self, texts: Sequence[str]) -> Encoded:
        ids = self.token_ids(texts)
        return Encoded(self.pool(ids), ids)

    def pool(self, ids: list[np.ndarray]) -> np.ndarray:
        vectors = np.zeros((len(ids), self.dim), dtype=np.float32)
        lengths = np.array([len(x) for x in ids])
        nonempty = lengths > 0
        if nonempty.any():
            flat = np.concatenate([x for x in ids if len(x)])
            starts = np.concatenate([[0], np.cumsum(lengths[nonempty])[:-1]])
            vectors[nonempty] = np.add.reduceat(self.table[flat], starts, axis=0)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)


@cache
def load_encoder() -> StaticEncoder:
    """The shipped encoder, loaded once per process."""
    return StaticEncoder()
