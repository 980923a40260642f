"""Linear heads over the static encoder: a dense part (the sentence vector) and a sparse part
(bag of word pieces + hashed word-piece bigrams), stored as float16 in one .npz per head.

`kind="softmax"`: one label per text, calibrated by a temperature.
`kind="sigmoid"`: any number of labels per text, each calibrated by Platt scaling (a, b).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from heard.learn.encoder import Encoded

BIGRAM_BUCKETS = 1 << 16
DENSE_SCALE = 3.0  # the sentence vector is unit-length; this lets it compete with sparse counts


def sparse_features(ids: np.ndarray, vocab_size: int) -> np.ndarray:
    """Column indexes of one text's sparse features: unique pieces, then hashed bigrams."""
    uni = np.unique(ids)
    if len(ids) < 2:
        return uni
    bi = np.unique((ids[:-1] * 1000003 + ids[1:]) % BIGRAM_BUCKETS) + vocab_size
    return np.concatenate([uni, bi])


@dataclass
class Head:
    labels: tuple[str, ...]
    kind: str  # "softmax" | "sigmoid"
    dense: np.ndarray  # (dim, k)
    sparse: np.ndarray  # (vocab + buckets, k)
    bias: np.ndarray  # (k,)
    temperature: float = 1.0
    platt: np.ndarray | None = None  # (k, 2): a, b for sigmoid heads
    thresholds: np.ndarray | None = None  # (k,) decision thresholds on calibrated probabilities

    @property
    def vocab_size(self) -> int:
        return self.sparse.shape[0] - BIGRAM_BUCKETS

    def logits(self, encoded: Encoded) -> np.ndarray:
        out = (encoded.vectors * DENSE_SCALE) @ self.dense + self.bias
        for i, ids in enumerate(encoded.ids):
            if len(ids):
                out[i] += self.sparse[sparse_features(ids, self.vocab_size)].sum(axis=0)
        return out

    def predict_proba(self, encoded: Encoded) -> np.ndarray:
        z = self.logits(encoded)
        if self.kind == "softmax":
            z = z / self.temperature
            z = z - z.max(axis=1, keepdims=True)
            e = np.exp(z)
            return e / e.sum(axis=1, keepdims=True)
        a, b = (self.platt[:, 0], self.platt[:, 1]) if self.platt is not None else (1.0, 0.0)
        return 1.0 / (1.0 + np.exp(-(a * z + b)))

    def save(self, path: Path) -> None:
        extra = {}
        if self.platt is not None:
            extra["platt"] = self.platt.astype(np.float32)
        if self.thresholds is not None:
            extra["thresholds"] = self.thresholds.astype(np.float32)
        np.savez_compressed(
            path, labels=np.array(self.labels), kind=np.array(self.kind),
            dense=self.dense.astype(np.float16), sparse=self.sparse.astype(np.float16),
            bias=self.bias.astype(np.float32), temperature=np.array(self.temperature, dtype=np.float32), **extra)

    @classmethod
    def load(cls, path: Path) -> Head:
        d = np.load(path)
        return cls(
            labels=tuple(str(x) for x in d["labels"]), kind=str(d["kind"]),
            dense=d["dense"].astype(np.float32), sparse=d["sparse"].astype(np.float32),
            bias=d["bias"].astype(np.float32), temperature=float(d["temperature"]),
            platt=d["platt"] if "platt" in d else None,
            thresholds=d["thresholds"] if "thresholds" in d else None)
