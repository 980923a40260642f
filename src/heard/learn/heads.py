"""Linear heads over the static encoder: a dense part (the sentence vector) and a sparse part
(bag of word pieces + hashed word-piece bigrams), stored as float16 in one .npz per head.

`kind="softmax"`: one label per text, calibrated by a temperature.
`kind="sigmoid"`: any number of labels per text, each calibrated by Platt scaling (a, b).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from heard.learn.encoder import Encoded

BIGRAM_BUCKETS = 1 << 16
DENSE_SCALE = 3.0  # the sentence vector is unit-length; this lets it compete with sparse counts


def sparse_features(ids_list: Sequence[np.ndarray], vocab_size: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) of every sparse feature of a batch, vectorised: each row's unique pieces,
    then its hashed bigrams (columns vocab_size..), each at most once, sorted by row."""
    lengths = np.fromiter((len(x) for x in ids_list), dtype=np.int64, count=len(ids_list))
    if not lengths.sum():
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    flat = np.concatenate(ids_list)
    row = np.repeat(np.arange(len(ids_list)), lengths)
    width = vocab_size + BIGRAM_BUCKETS
    keys = [row * width + flat]
    same = row[:-1] == row[1:]
    if same.any():
        bigram = (flat[:-1][same] * 1000003 + flat[1:][same]) % BIGRAM_BUCKETS + vocab_size
        keys.append(row[:-1][same] * width + bigram)
    keys = np.unique(np.concatenate(keys))
    return keys // width, keys % width


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
        rows, cols = sparse_features(encoded.ids, self.vocab_size)
        if len(rows):
            present, first = np.unique(rows, return_index=True)
            out[present] += np.add.reduceat(self.sparse[cols], first, axis=0)
        return out

    def calibrate(self, z: np.ndarray) -> np.ndarray:
        if self.kind == "softmax":
            z = z / self.temperature
            z = z - z.max(axis=1, keepdims=True)
            e = np.exp(z)
            return e / e.sum(axis=1, keepdims=True)
        a, b = (self.platt[:, 0], self.platt[:, 1]) if self.platt is not None else (1.0, 0.0)
        return 1.0 / (1.0 + np.exp(-(a * z + b)))

    def predict_proba(self, encoded: Encoded) -> np.ndarray:
        return self.calibrate(self.logits(encoded))

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
