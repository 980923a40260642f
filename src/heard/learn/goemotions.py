"""GoEmotions (Apache-2.0): read the TSV splits and map its 27 emotions + neutral onto Heard's ten.

The map (documented in docs/models/emotion.md). Labels mapped to None are dropped; an example whose
labels all drop is left out of the 10-label data. When an example maps to several of our labels,
the primary one is the first in PRIORITY (neutral only when nothing else is left).
"""

from __future__ import annotations

import csv
from pathlib import Path

GOEMOTIONS_MAP: dict[str, str | None] = {
    "admiration": "joy", "amusement": "joy", "anger": "anger", "annoyance": "frustration",
    "approval": "neutral", "caring": None, "confusion": "confusion", "curiosity": "neutral",
    "desire": None, "disappointment": "disappointment", "disapproval": None, "disgust": None,
    "embarrassment": None, "excitement": "joy", "fear": "anxiety", "gratitude": "gratitude",
    "grief": "sadness", "joy": "joy", "love": "joy", "nervousness": "anxiety", "optimism": "joy",
    "pride": "joy", "realization": "neutral", "relief": "relief", "remorse": None,
    "sadness": "sadness", "surprise": None, "neutral": "neutral",
}
PRIORITY = ("anger", "frustration", "anxiety", "sadness", "disappointment", "confusion", "relief",
            "gratitude", "joy", "neutral")


def read_names(folder: Path) -> list[str]:
    return (folder / "emotions.txt").read_text(encoding="utf-8").split()


def read_split(folder: Path, split: str) -> list[tuple[str, list[int], str]]:
    """(text, label ids, comment id) per row of `split`.tsv."""
    with (folder / f"{split}.tsv").open(encoding="utf-8", newline="") as f:
        return [(row[0], [int(x) for x in row[1].split(",")], row[2])
                for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def to_heard(label_names: list[str]) -> str | None:
    """The primary Heard label for a GoEmotions example, or None when every label drops."""
    mapped = {GOEMOTIONS_MAP[n] for n in label_names} - {None}
    if not mapped:
        return None
    return next(label for label in PRIORITY if label in mapped)
