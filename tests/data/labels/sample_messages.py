"""Draw the messages of support_validation.jsonl (run once; the labels were then written by hand).

    python tests/data/labels/sample_messages.py ../shared/data > /tmp/to_label.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --customer-round3 > /tmp/dev_customer.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --agent-round3 > /tmp/dev_agent.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --customer-round4 > /tmp/blind_customer_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --customer-round5 > /tmp/final_customer_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --agent-round6 > /tmp/final_agent_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --customer-round7 > /tmp/round7_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --round8 > /tmp/round8_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --stc3-training > /tmp/stc3_training_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --round9 > /tmp/round9_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --round10 > /tmp/round10_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --round11 > /tmp/round11_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --round12 > /tmp/round12_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --round13 > /tmp/round13_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --round14 > /tmp/round14_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --round15 > /tmp/round15_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --round16 > /tmp/round16_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --round17 > /tmp/round17_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --round18 > /tmp/round18_raw.jsonl
    python tests/data/labels/sample_messages.py ../shared/data --round19 > /tmp/round19_raw.jsonl

Fixed seed; twcs (both excerpts) and STC-3 (shared part). Messages shorter than 12 characters
are skipped. The labels are NOT produced here: a person reads each message and labels it by
TAXONOMY.md (see docs/labelling-notes.md).
"""

from __future__ import annotations

import csv
import json
import random
import sys
from functools import lru_cache
from pathlib import Path

SEED = 20261201


def twcs_rows(path: Path):
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = (row.get("text") or "").strip()
            if len(text) >= 12:
                yield {"source": f"twcs/{path.name}", "source_id": row["tweet_id"],
                       "role": "customer" if row["inbound"] == "True" else "agent", "text": text}


def stc3_rows(path: Path):
    for dialogue in json.loads(path.read_text(encoding="utf-8")):
        for t, turn in enumerate(dialogue["turns"]):
            text = " ".join(u for u in turn["utterances"] if u).strip()
            if len(text) >= 12:
                yield {"source": "stc3/train_data_en.json", "source_id": f"{dialogue['id']}#{t}",
                       "role": "customer" if turn["sender"] == "customer" else "agent", "text": text}


def load_pools(shared: Path) -> dict[str, list[dict]]:
    """Every message long enough to draw, by dataset: both TWCS excerpts, and STC-3's shared part."""
    return {
        "twcs": list(twcs_rows(shared / "twcs" / "twcs_first5000rows.csv")) + list(twcs_rows(shared / "twcs" / "sample.csv")),
        "stc3": list(stc3_rows(shared / "stc3" / "train_data_en.json")),
    }


def main(shared: Path) -> None:
    rng = random.Random(SEED)
    pools = load_pools(shared)
    quota = {("twcs", "agent"): 110, ("twcs", "customer"): 110, ("stc3", "agent"): 60, ("stc3", "customer"): 60}
    drawn = set()
    for (source, role), n in quota.items():
        pool = [r for r in pools[source] if r["role"] == role]
        for row in rng.sample(pool, n):
            drawn.add((row["source"], row["source_id"]))
            print(json.dumps(row, ensure_ascii=False))
    # Second round (added to tighten the per-kind counts), from what the first round left.
    rng = random.Random(SEED + 1)
    quota = {("twcs", "agent"): 50, ("twcs", "customer"): 60, ("stc3", "agent"): 20, ("stc3", "customer"): 30}
    for (source, role), n in quota.items():
        pool = [r for r in pools[source] if r["role"] == role and (r["source"], r["source_id"]) not in drawn]
        for row in rng.sample(pool, n):
            print(json.dumps(row, ensure_ascii=False))


# -- Round 3, customer side: the customer error-analysis set (support_dev_customer.jsonl) --------

CUSTOMER_DEV_SEED = 20261204


def rounds_1_2(pools: dict[str, list[dict]]) -> set[tuple[str, str]]:
    """Every message rounds 1 and 2 drew (labelled or left out), replaying their draws."""
    drawn: set[tuple[str, str]] = set()
    for seed, quota in ((SEED, {("twcs", "agent"): 110, ("twcs", "customer"): 110, ("stc3", "agent"): 60, ("stc3", "customer"): 60}),
                        (SEED + 1, {("twcs", "agent"): 50, ("twcs", "customer"): 60, ("stc3", "agent"): 20, ("stc3", "customer"): 30})):
        rng = random.Random(seed)
        for (source, role), n in quota.items():
            pool = [r for r in pools[source] if r["role"] == role and (r["source"], r["source_id"]) not in drawn]
            drawn.update((r["source"], r["source_id"]) for r in rng.sample(pool, n))
    return drawn


def _round3_rows(pools: dict[str, list[dict]], drawn: set[tuple[str, str]], role: str) -> list[dict]:
    """Round 3's draw of `role` (its seed and quota in ROUND3), given the pools and rounds 1-2's draws."""
    seed, quota = ROUND3[role]
    used_dialogues = {sid.split("#")[0] for src, sid in drawn if src.startswith("stc3")}
    rng = random.Random(seed)
    rows: list[dict] = []
    for source, n in quota:
        pool = [r for r in pools[source] if r["role"] == role and (r["source"], r["source_id"]) not in drawn
                and not (source == "stc3" and r["source_id"].split("#")[0] in used_dialogues)]
        rows.extend(rng.sample(pool, n))
    return rows


def customer_round3(shared: Path) -> None:
    """150 customer tweets + 65 STC-3 customer turns, disjoint from rounds 1-2; STC-3 turns come
    only from dialogues that no earlier round touched (so the dev dialogues can be left out of the
    weak-label training data as a whole)."""
    pools = load_pools(shared)
    for row in _round3_rows(pools, rounds_1_2(pools), "customer"):
        print(json.dumps(row, ensure_ascii=False))


# -- Round 3, agent side: the agent-move error-analysis set (support_dev_agent.jsonl) ------------

AGENT_DEV_SEED = 20261203
ROUND3 = {"customer": (CUSTOMER_DEV_SEED, (("twcs", 150), ("stc3", 65))),
          "agent": (AGENT_DEV_SEED, (("twcs", 140), ("stc3", 70)))}


def agent_round3(shared: Path) -> None:
    """140 agent tweets + 70 STC-3 helpdesk turns, disjoint from rounds 1-2; STC-3 turns come only
    from dialogues that no earlier round touched (so the moves head can leave them out of its
    weak-label training data)."""
    pools = load_pools(shared)
    for row in _round3_rows(pools, rounds_1_2(pools), "agent"):
        print(json.dumps(row, ensure_ascii=False))


# -- Round 4, customer side: the blind customer check (support_blind_customer.jsonl) -------------

CUSTOMER_BLIND_SEED = 20261206


# The labelled files each round excluded, frozen as they stood when that round was drawn, so a replay
# does not change when later files are added (round 4 was drawn before support_blind_customer.jsonl
# existed; reading every *.jsonl now would exclude round 4's own messages and draw a different set).
LABELLED_BEFORE_ROUND4 = ("support_blind_agent.jsonl", "support_dev_agent.jsonl", "support_dev_customer.jsonl",
                          "support_validation.jsonl", "tiny_fixture.jsonl")


def _labelled_ids(names) -> set[tuple[str, str]]:
    """(dataset, source_id) of every message in the named files of tests/data/labels/, keyed by
    dataset (twcs / stc3), whichever excerpt."""
    ids: set[tuple[str, str]] = set()
    for name in sorted(names):
        for line in (Path(__file__).parent / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                ids.add((row["source"].split("/")[0], str(row["source_id"])))
    return ids


def _customer_round4_rows(pools: dict[str, list[dict]]) -> list[dict]:
    """Round 4's customer draw (seed CUSTOMER_BLIND_SEED), replayed from the pools."""
    drawn = rounds_1_2(pools)
    drawn.update((r["source"], r["source_id"]) for r in _round3_rows(pools, set(drawn), "customer"))
    return _draw_customers(pools, drawn, LABELLED_BEFORE_ROUND4, CUSTOMER_BLIND_SEED)


def _draw_customers(pools: dict[str, list[dict]], drawn: set[tuple[str, str]], labelled: tuple[str, ...],
                    seed: int) -> list[dict]:
    """110 customer tweets + 50 STC-3 customer turns, none drawn before or in the `labelled` files,
    STC-3 turns only from dialogues none of those touch (rounds 4, 5 and 7)."""
    labelled_ids = _labelled_ids(labelled)
    labelled_ids.update((src.split("/")[0], sid) for src, sid in drawn)
    used_dialogues = {sid.split("#")[0] for src, sid in labelled_ids if src == "stc3"}
    rng = random.Random(seed)
    rows: list[dict] = []
    for source, n in (("twcs", 110), ("stc3", 50)):
        pool = [r for r in pools[source] if r["role"] == "customer"
                and (r["source"].split("/")[0], r["source_id"]) not in labelled_ids
                and not (source == "stc3" and r["source_id"].split("#")[0] in used_dialogues)]
        rows.extend(rng.sample(pool, n))
    return rows


def customer_round4(shared: Path) -> None:
    """110 customer tweets + 50 STC-3 customer turns, disjoint from rounds 1-3 (round 3 replayed)
    and from every source_id in the labelled files of the time (LABELLED_BEFORE_ROUND4); STC-3
    turns come only from dialogues that no earlier round or labelled file touches."""
    pools = load_pools(shared)
    for row in _customer_round4_rows(pools):
        print(json.dumps(row, ensure_ascii=False))


# -- Round 5, customer side: the final blind customer check (support_final_customer.jsonl) -------

CUSTOMER_FINAL_SEED = 20261207
LABELLED_BEFORE_ROUND5 = LABELLED_BEFORE_ROUND4 + ("support_blind_customer.jsonl",)


def _customer_round5_rows(pools: dict[str, list[dict]]) -> list[dict]:
    """Round 5's customer draw (seed CUSTOMER_FINAL_SEED), replayed from the pools."""
    drawn = rounds_1_2(pools)
    earlier = _round3_rows(pools, set(drawn), "customer") + _round3_rows(pools, set(drawn), "agent") + _customer_round4_rows(pools)
    drawn.update((r["source"], r["source_id"]) for r in earlier)
    return _draw_customers(pools, drawn, LABELLED_BEFORE_ROUND5, CUSTOMER_FINAL_SEED)


def customer_round5(shared: Path) -> None:
    """110 customer tweets + 50 STC-3 customer turns, disjoint from every message rounds 1-4 drew
    (labelled or left out; rounds 3 and 4 replayed, both sides of round 3) and from every source_id
    in the labelled files of the time (LABELLED_BEFORE_ROUND5); STC-3 turns come only from
    dialogues that no earlier round or labelled file touches."""
    pools = load_pools(shared)
    for row in _customer_round5_rows(pools):
        print(json.dumps(row, ensure_ascii=False))


# -- The blind agent check (support_blind_agent.jsonl), replayed -----------------------------------

AGENT_BLIND_SEED = 20261205


def _agent_blind_rows(pools: dict[str, list[dict]]) -> list[dict]:
    """The blind agent draw (seed AGENT_BLIND_SEED; drawn outside this module, replayed here): 100
    TWCS agent tweets, disjoint from rounds 1-2 and both sides of round 3. All 92 labelled messages
    of support_blind_agent.jsonl are in it; the other 8 are the ones left out."""
    drawn = rounds_1_2(pools)
    drawn.update((r["source"], r["source_id"])
                 for r in _round3_rows(pools, set(drawn), "customer") + _round3_rows(pools, set(drawn), "agent"))
    pool = [r for r in pools["twcs"] if r["role"] == "agent" and (r["source"], r["source_id"]) not in drawn]
    return random.Random(AGENT_BLIND_SEED).sample(pool, 100)


# -- Round 6, agent side: the final blind agent check (support_final_agent.jsonl) ----------------

AGENT_FINAL_SEED = 20261208
LABELLED_BEFORE_ROUND6 = LABELLED_BEFORE_ROUND5 + ("support_final_customer.jsonl",)


def _agent_round6_rows(pools: dict[str, list[dict]]) -> list[dict]:
    """Round 6's agent draw (seed AGENT_FINAL_SEED), replayed from the pools."""
    drawn = rounds_1_2(pools)
    earlier = (_round3_rows(pools, set(drawn), "customer") + _round3_rows(pools, set(drawn), "agent") + _agent_blind_rows(pools)
               + _customer_round4_rows(pools) + _customer_round5_rows(pools))
    drawn.update((r["source"], r["source_id"]) for r in earlier)
    labelled_ids = _labelled_ids(LABELLED_BEFORE_ROUND6)
    labelled_ids.update((src.split("/")[0], sid) for src, sid in drawn)
    used_dialogues = {sid.split("#")[0] for src, sid in labelled_ids if src == "stc3"}
    seen_texts = {r["text"] for r in earlier}
    for name in LABELLED_BEFORE_ROUND6:
        for line in (Path(__file__).parent / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen_texts.add(json.loads(line)["text"].strip())
    rng = random.Random(AGENT_FINAL_SEED)
    rows: list[dict] = []
    for source, n in (("twcs", 130), ("stc3", 40)):
        pool = []
        for r in pools[source]:
            if (r["role"] == "agent" and (r["source"].split("/")[0], r["source_id"]) not in labelled_ids
                    and not (source == "stc3" and r["source_id"].split("#")[0] in used_dialogues)
                    and r["text"] not in seen_texts):
                seen_texts.add(r["text"])  # first occurrence only: no text twice in the pool
                pool.append(r)
        rows.extend(rng.sample(pool, n))
    return rows


def agent_round6(shared: Path) -> None:
    """130 agent tweets + 40 STC-3 helpdesk turns, disjoint from every message rounds 1-5 drew
    (labelled or left out; rounds 3-5 and the blind agent draw replayed), from every source_id and
    every text in the labelled files of the time (LABELLED_BEFORE_ROUND6), and without repeating a
    text within the draw; STC-3 turns come only from dialogues that no earlier round or labelled
    file touches."""
    pools = load_pools(shared)
    for row in _agent_round6_rows(pools):
        print(json.dumps(row, ensure_ascii=False))


# -- Round 7, customer side: another blind customer check (support_round7_customer.jsonl) --------

CUSTOMER_ROUND7_SEED = 20261209
LABELLED_BEFORE_ROUND7 = LABELLED_BEFORE_ROUND6 + ("support_final_agent.jsonl",)


def _customer_round7_rows(pools: dict[str, list[dict]]) -> list[dict]:
    """Round 7's customer draw (seed CUSTOMER_ROUND7_SEED), replayed from the pools."""
    drawn = rounds_1_2(pools)
    earlier = (_round3_rows(pools, set(drawn), "customer") + _round3_rows(pools, set(drawn), "agent") + _agent_blind_rows(pools)
               + _customer_round4_rows(pools) + _customer_round5_rows(pools) + _agent_round6_rows(pools))
    drawn.update((r["source"], r["source_id"]) for r in earlier)
    return _draw_customers(pools, drawn, LABELLED_BEFORE_ROUND7, CUSTOMER_ROUND7_SEED)


def customer_round7(shared: Path) -> None:
    """110 customer tweets + 50 STC-3 customer turns, disjoint from every message rounds 1-6 drew
    (labelled or left out; rounds 3-6 and the blind agent draw replayed) and from every source_id in
    the labelled files of the time (LABELLED_BEFORE_ROUND7); STC-3 turns come only from dialogues
    that no earlier round or labelled file touches."""
    pools = load_pools(shared)
    for row in _customer_round7_rows(pools):
        print(json.dumps(row, ensure_ascii=False))


# -- Round 8, both sides: the blind check after hand-labelled STC-3 training data ----------------

ROUND8_SEED = 20261210
LABELLED_BEFORE_ROUND8 = LABELLED_BEFORE_ROUND7 + ("support_round7_customer.jsonl",)


def _all_earlier_draws(pools: dict[str, list[dict]]) -> set[tuple[str, str]]:
    """Every message rounds 1-7 drew, labelled or left out, replayed."""
    drawn = rounds_1_2(pools)
    earlier = (_round3_rows(pools, set(drawn), "customer") + _round3_rows(pools, set(drawn), "agent") + _agent_blind_rows(pools)
               + _customer_round4_rows(pools) + _customer_round5_rows(pools) + _agent_round6_rows(pools)
               + _customer_round7_rows(pools))
    drawn.update((r["source"], r["source_id"]) for r in earlier)
    return drawn


def _round8_rows(pools: dict[str, list[dict]]) -> list[dict]:
    """Per role, 110 tweets + 55 STC-3 turns (one per dialogue), disjoint from every earlier draw and
    labelled file (texts included); STC-3 turns only from dialogues nothing earlier touches."""
    labelled_ids = _labelled_ids(LABELLED_BEFORE_ROUND8)
    labelled_ids.update((src.split("/")[0], sid) for src, sid in _all_earlier_draws(pools))
    used_dialogues = {sid.split("#")[0] for src, sid in labelled_ids if src == "stc3"}
    seen_texts = {json.loads(line)["text"].strip() for name in LABELLED_BEFORE_ROUND8
                  for line in (Path(__file__).parent / name).read_text(encoding="utf-8").splitlines() if line.strip()}
    rng = random.Random(ROUND8_SEED)
    rows: list[dict] = []
    for role in ("customer", "agent"):
        for source, n in (("twcs", 110), ("stc3", 55)):
            pool, dialogues = [], set()
            for r in pools[source]:
                dialogue = r["source_id"].split("#")[0]
                if (r["role"] == role and (source, r["source_id"]) not in labelled_ids and r["text"] not in seen_texts
                        and not (source == "stc3" and (dialogue in used_dialogues or dialogue in dialogues))):
                    seen_texts.add(r["text"])
                    dialogues.add(dialogue)
                    pool.append(r)
            picked = rng.sample(pool, n)
            used_dialogues.update(r["source_id"].split("#")[0] for r in picked if source == "stc3")
            rows.extend(picked)
    return rows


def round8(shared: Path) -> None:
    """Round 8's blind draw of both roles (see _round8_rows)."""
    for row in _round8_rows(load_pools(shared)):
        print(json.dumps(row, ensure_ascii=False))


def stc3_training(shared: Path) -> None:
    """Every STC-3 turn of the dialogues that no round (1-8) drew from and no labelled file touches:
    the pool labelled by hand as training data (src/heard/learn/annotations/)."""
    pools = load_pools(shared)
    ids = _labelled_ids(LABELLED_BEFORE_ROUND8)
    ids.update((src.split("/")[0], sid) for src, sid in _all_earlier_draws(pools))
    ids.update(("stc3", r["source_id"]) for r in _round8_rows(pools) if r["source"].startswith("stc3"))
    used_dialogues = {sid.split("#")[0] for src, sid in ids if src == "stc3"}
    for row in pools["stc3"]:
        if row["source_id"].split("#")[0] not in used_dialogues:
            print(json.dumps(row, ensure_ascii=False))


# -- Rounds 9-12, both sides: TWCS-only blind checks (no STC-3 dialogue is left untouched) --------

# Each round was drawn after the one before it was scored.
TWCS_ROUND_SEEDS = {9: 20261211, 10: 20261212, 11: 20261213, 12: 20261214, 13: 20261215, 14: 20261216, 15: 20261217,
                    16: 20261218, 17: 20261219, 18: 20261221}  # 18: the tweets round 19 takes
LABELLED_BEFORE_ROUND9 = LABELLED_BEFORE_ROUND8 + ("support_round8_agent.jsonl", "support_round8_customer.jsonl")


def _labelled_before(n: int) -> tuple[str, ...]:
    """The files of rounds before n (round 17 has no agent file: no agent tweet was left)."""
    names = (f"support_round{k}_{role}.jsonl" for k in range(9, n) for role in ("agent", "customer"))
    return LABELLED_BEFORE_ROUND9 + tuple(name for name in names if (Path(__file__).parent / name).is_file())


@lru_cache(maxsize=None)
def _twcs_round_rows(shared: Path, n: int) -> tuple[dict, ...]:
    """Round n's draw: per role, 170 tweets (or all that are left) disjoint from every earlier draw
    (round 8 and rounds 9..n-1 included, their left-out tweets too) and from every text of the files
    labelled before it."""
    pools = load_pools(shared)
    labelled = _labelled_before(n)
    taken = _labelled_ids(labelled)
    taken.update((src.split("/")[0], sid) for src, sid in _all_earlier_draws(pools))
    earlier = _round8_rows(pools) + [r for k in range(9, n) for r in _twcs_round_rows(shared, k)]
    taken.update(("twcs", r["source_id"]) for r in earlier if r["source"].startswith("twcs"))
    seen_texts = {json.loads(line)["text"].strip() for name in labelled
                  for line in (Path(__file__).parent / name).read_text(encoding="utf-8").splitlines() if line.strip()}
    rng = random.Random(TWCS_ROUND_SEEDS[n])
    rows = []
    for role in ("customer", "agent"):
        pool = []
        for r in pools["twcs"]:
            if r["role"] == role and ("twcs", r["source_id"]) not in taken and r["text"] not in seen_texts:
                seen_texts.add(r["text"])
                pool.append(r)
        rows.extend(rng.sample(pool, min(170, len(pool))))  # rounds 16-17 have only 23 and 0 agent tweets left
    return tuple(rows)


def twcs_round(shared: Path, n: int) -> None:
    for row in _twcs_round_rows(shared, n):
        print(json.dumps(row, ensure_ascii=False))


# -- Round 18, both sides: STC-3 turns that no file labels for their role -------------------------

ROUND18_SEED = 20261220
ROUND18_PER_ROLE = 200
ANNOTATIONS = Path(__file__).resolve().parents[3] / "src" / "heard" / "learn" / "annotations"


def _annotated_dialogues(role: str) -> set[str]:
    """STC-3 dialogues whose turns of `role` are hand-labelled training data (heard.learn.annotations)."""
    path = ANNOTATIONS / f"stc3_{role}.jsonl"
    return {json.loads(line)["source_id"].split("#")[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def _round18_rows(pools: dict[str, list[dict]]) -> list[dict]:
    """Per role, 200 STC-3 turns, one per dialogue, from dialogues none of whose turns of that role
    any evaluation file or earlier draw holds or the training annotations label (the other role's
    turns may be labelled: evaluations score one role at a time); no text of an evaluation file again.
    The TWCS excerpts are used up (round 17)."""
    rng = random.Random(ROUND18_SEED)
    rows: list[dict] = []
    seen_texts = _evaluated_texts()
    for role, by_dialogue in _free_stc3_dialogues(pools, []).items():
        picked = [rng.choice(by_dialogue[d]) for d in rng.sample(sorted(by_dialogue), ROUND18_PER_ROLE)]
        rows.extend(r for r in picked if r["text"] not in seen_texts)
        seen_texts.update(r["text"] for r in picked)
    return rows


def _evaluated_texts() -> set[str]:
    return {json.loads(line)["text"].strip() for name in LABELLED_BEFORE_ROUND9
            for line in (Path(__file__).parent / name).read_text(encoding="utf-8").splitlines() if line.strip()}


def _free_stc3_dialogues(pools: dict[str, list[dict]], drawn: list[dict]) -> dict[str, dict[str, list[dict]]]:
    """Per role, the STC-3 turns of that role by dialogue, for the dialogues none of whose turns of
    that role an evaluation file, a draw up to round 8, `drawn` or the training annotations hold; no
    text of an evaluation file."""
    role_of = {r["source_id"]: r["role"] for r in pools["stc3"]}
    taken = _labelled_ids(LABELLED_BEFORE_ROUND9)
    taken.update((src.split("/")[0], sid) for src, sid in _all_earlier_draws(pools))
    taken.update(("stc3", r["source_id"]) for r in _round8_rows(pools) + drawn if r["source"].startswith("stc3"))
    seen_texts = _evaluated_texts()
    free: dict[str, dict[str, list[dict]]] = {}
    for role in ("customer", "agent"):
        skip = _annotated_dialogues(role) | {
            sid.split("#")[0] for src, sid in taken if src == "stc3" and role_of.get(sid, role) == role}
        by_dialogue = free[role] = {}
        for r in pools["stc3"]:
            dialogue = r["source_id"].split("#")[0]
            if r["role"] == role and dialogue not in skip and r["text"] not in seen_texts:
                by_dialogue.setdefault(dialogue, []).append(r)
    return free


def round18(shared: Path) -> None:
    for row in _round18_rows(load_pools(shared)):
        print(json.dumps(row, ensure_ascii=False))


# -- Round 19: what is left -- every free STC-3 turn (up to 200 per role) and TWCS's last tweets --

ROUND19_SEED = 20261221


def _round19_rows(shared: Path) -> list[dict]:
    """Per role, every STC-3 turn (200 at most, drawn at random) of the dialogues left free after
    round 18 (`_free_stc3_dialogues`), and the 27 customer tweets round 17 left undrawn."""
    pools = load_pools(shared)
    rng = random.Random(ROUND19_SEED)
    rows: list[dict] = []
    seen_texts: set[str] = set()
    for by_dialogue in _free_stc3_dialogues(pools, _round18_rows(pools)).values():
        turns = [r for d in sorted(by_dialogue) for r in by_dialogue[d]
                 if not (r["text"] in seen_texts or seen_texts.add(r["text"]))]
        rows.extend(rng.sample(turns, min(200, len(turns))))
    rows.extend(_twcs_round_rows(shared, 18))
    return rows


def round19(shared: Path) -> None:
    for row in _round19_rows(shared):
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--customer-round3":
        customer_round3(Path(sys.argv[1]))
    elif len(sys.argv) > 2 and sys.argv[2] == "--customer-round4":
        customer_round4(Path(sys.argv[1]))
    elif len(sys.argv) > 2 and sys.argv[2] == "--customer-round5":
        customer_round5(Path(sys.argv[1]))
    elif len(sys.argv) > 2 and sys.argv[2] == "--agent-round3":
        agent_round3(Path(sys.argv[1]))
    elif len(sys.argv) > 2 and sys.argv[2] == "--agent-round6":
        agent_round6(Path(sys.argv[1]))
    elif len(sys.argv) > 2 and sys.argv[2] == "--customer-round7":
        customer_round7(Path(sys.argv[1]))
    elif len(sys.argv) > 2 and sys.argv[2] == "--round8":
        round8(Path(sys.argv[1]))
    elif len(sys.argv) > 2 and sys.argv[2] == "--round19":
        round19(Path(sys.argv[1]))
    elif len(sys.argv) > 2 and sys.argv[2] == "--round18":
        round18(Path(sys.argv[1]))
    elif len(sys.argv) > 2 and sys.argv[2] in {f"--round{n}" for n in TWCS_ROUND_SEEDS}:
        twcs_round(Path(sys.argv[1]), int(sys.argv[2].removeprefix("--round")))
    elif len(sys.argv) > 2 and sys.argv[2] == "--stc3-training":
        stc3_training(Path(sys.argv[1]))
    else:
        main(Path(sys.argv[1]))
