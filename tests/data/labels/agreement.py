"""How far two labellers of the same messages agree, in the figures `heard eval` reports.

    python tests/data/labels/agreement.py tests/data/labels/support_round8_customer.jsonl \
        tests/data/labels/support_round8_customer_second.jsonl

The first file is read as gold and the second as a prediction: per-kind F1 averaged over the kinds
with a gold positive (moves, or concerns and churn), and for customer messages the same over the
primary emotion, plus how often the two emotions are the same. Messages are matched by source_id.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def read(path: Path) -> dict[str, dict]:
    return {r["source_id"]: r for r in (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())}


def macro_f1(gold: list[set[str]], pred: list[set[str]]) -> tuple[float, int]:
    """Mean per-kind F1 over the kinds with a gold positive, and how many kinds that is."""
    kinds = sorted(set().union(*gold))
    scores = []
    for k in kinds:
        g, p = [k in x for x in gold], [k in x for x in pred]
        both = sum(a and b for a, b in zip(g, p))
        scores.append(2 * both / (sum(g) + sum(p)))
    return (sum(scores) / len(scores) if scores else float("nan")), len(kinds)


def main(first: Path, second: Path) -> None:
    a, b = read(first), read(second)
    ids = [i for i in a if i in b]
    labels, n = macro_f1([set(a[i]["labels"]) for i in ids], [set(b[i]["labels"]) for i in ids])
    print(f"{len(ids)} messages in both files; labels macro-F1 {labels:.3f} over {n} kinds")
    if all(a[i].get("emotion") for i in ids):
        ea, eb = [a[i]["emotion"] for i in ids], [b[i]["emotion"] for i in ids]
        emotion, n = macro_f1([{e} for e in ea], [{e} for e in eb])
        same = sum(x == y for x, y in zip(ea, eb)) / len(ids)
        print(f"emotion macro-F1 {emotion:.3f} over {n} labels; the same emotion on {same:.1%} of messages")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
