"""`heard eval`: how well Heard does, per labelled split, with baselines in the same run.

    from heard.learn.evaluate import run_eval
    print(run_eval(Path("../shared/data")))

For every split available it prints per-kind precision / recall / F1, macro-F1 (over kinds with at
least one gold positive) with its 95% bootstrap interval over the split's messages (on a few hundred
messages the figure is uncertain by ±0.1), and expected calibration error (10 bins), with rows for
the lexicon baselines (VADER, NRCLex; emotion only), Heard's rules-only pipeline, the model alone
(emotion), and rules + models. Splits:

- support validation (tests/data/labels/support_validation.jsonl): real TWCS / STC-3 messages
  labelled by hand by TAXONOMY.md. Evaluation only — nothing is trained on it.
- support dev (agent) (support_dev_agent.jsonl beside it): 204 more agent messages labelled the same
  way, the error-analysis set for the move rules. Its figures are optimistic (rules were changed
  after reading its misses); the validation set is the reported figure.
- support dev (customer) (support_dev_customer.jsonl beside it): 194 customer messages, the same for
  the emotion and concern rules.
- GoEmotions dev.tsv: the held-out split (test.tsv is sealed away here); 10-label (Heard's map)
  and GoEmotions' own 28 labels. The models are trained on train.tsv only.
- ESConv valid.txt (supporter turns: Reflection of feelings ↔ name_feeling, Restatement or
  Paraphrasing ↔ reflect_concern) and EPITOME (emotional reactions / interpretations /
  explorations, level ≥ 1 ↔ name_feeling / reflect_concern / invite_more). Non-commercial:
  evaluation only.

A split whose files are missing is skipped with a one-line reason.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from heard.analyze.pipeline import Analyzer
from heard.analyze.registry import available_detectors, build_detectors
from heard.errors import InvalidRecord, json_object
from heard.model import Channel, Conversation, Message, Role

LABELS_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "labels" / "support_validation.jsonl"
DEV_AGENT = "support_dev_agent.jsonl"  # beside the labels file
DEV_CUSTOMER = "support_dev_customer.jsonl"  # beside the labels file
# Beside the labels file: the blind check (round 19: what the two datasets had left, STC-3 turns of both
# roles and the last TWCS customer tweets, labelled before anything it scores was changed, never tuned
# on), and the earlier blind sets, which chose the moves-model gates, the emotion blend weights, which
# written examples stay, the hand-label setup and the rule cues of sessions 5 to 9 (rounds 6-8, 9-10,
# 11, 12, 13, 14, 15, 16, 17 and 18 were the blind check in turn until then).
BLIND_ROUND = 19
BLIND = (f"support_round{BLIND_ROUND}_agent.jsonl", f"support_round{BLIND_ROUND}_customer.jsonl")
DECISIONS = ("support_blind_agent.jsonl", "support_final_agent.jsonl", "support_round8_agent.jsonl",
             "support_round9_agent.jsonl", "support_round10_agent.jsonl", "support_round11_agent.jsonl",
             "support_round12_agent.jsonl", "support_round13_agent.jsonl", "support_round14_agent.jsonl",
             "support_round15_agent.jsonl", "support_round16_agent.jsonl", "support_round18_agent.jsonl",
             "support_blind_customer.jsonl", "support_final_customer.jsonl", "support_round7_customer.jsonl",
             "support_round8_customer.jsonl", "support_round9_customer.jsonl", "support_round10_customer.jsonl",
             "support_round11_customer.jsonl", "support_round12_customer.jsonl",
             "support_round13_customer.jsonl", "support_round14_customer.jsonl", "support_round15_customer.jsonl",
             "support_round16_customer.jsonl", "support_round17_customer.jsonl", "support_round18_customer.jsonl")
# The same messages labelled again by a labeller who read TAXONOMY.md alone, not the labelling notes:
# the way Heard's independent measurement is labelled.
BLIND_TAXONOMY = tuple(name.replace(".jsonl", "_taxonomy.jsonl") for name in BLIND)
DECISIONS_TAXONOMY = tuple(name.replace(".jsonl", "_taxonomy.jsonl") for name in DECISIONS)
EMOTIONS = ("anger", "frustration", "anxiety", "sadness", "disappointment", "confusion", "relief",
            "gratitude", "joy", "neutral")
MOVES = tuple(f"move.{k}" for k in (
    "name_feeling", "reflect_concern", "reframe", "ownership", "offer_choices", "checkpoint", "invite_more",
    "apology", "closure", "defensive", "non_apology", "overpromise", "generic"))
CONCERNS = ("concern.deadline_event", "concern.accessibility", "concern.repeat_contact", "concern.money",
            "concern.business_impact", "concern.invisible", "risk.churn")
FAMILIES = ("move", "concern", "risk", "emotion")
MODEL_DETECTORS = ("moves_model", "concerns_model")
SPLITS = ("support", "support-taxonomy", "support-blind", "support-blind-taxonomy", "support-decisions",
          "support-decisions-taxonomy",
          "support-dev-agent", "support-dev-customer", "stc3-training", "goemotions", "esconv", "epitome")


# -- metrics ---------------------------------------------------------------------------------

BOOTSTRAP = 1000  # resamples of the messages behind each macro-F1's 95% interval
BOOTSTRAP_SEED = 13


@dataclass
class Scores:
    """Per-kind P/R/F1 and support, macro-F1 over kinds with gold positives and its 95% bootstrap
    interval, ECE."""

    per_kind: dict[str, tuple[float, float, float, int]] = field(default_factory=dict)
    ece: float = float("nan")
    n: int = 0
    macro_ci: tuple[float, float] = (float("nan"), float("nan"))

    @property
    def macro_f1(self) -> float:
        f1s = [f for _, _, f, support in self.per_kind.values() if support > 0]
        return float(np.mean(f1s)) if f1s else float("nan")


def prf(pred: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float, int]:
    p, g = np.asarray(pred, bool), np.asarray(gold, bool)
    tp = int((p & g).sum())
    precision = tp / p.sum() if p.sum() else 0.0
    recall = tp / g.sum() if g.sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, int(g.sum())


def macro_interval(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """95% percentile interval of macro-F1 over messages resampled with replacement (`pred`, `gold`:
    messages × kinds, boolean; each resample averages over the kinds with gold in it, as the
    figure itself does). On sets of a few hundred messages it is wide: read figures with it."""
    n = len(gold)
    if not n or not gold.any():
        return float("nan"), float("nan")
    counts = np.random.default_rng(BOOTSTRAP_SEED).multinomial(n, np.full(n, 1 / n), size=BOOTSTRAP).astype(float)
    tp, fp, fn = (counts @ (a & b).astype(float) for a, b in ((pred, gold), (pred, ~gold), (~pred, gold)))
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(tp > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
    has_gold = (tp + fn) > 0
    some = has_gold.any(1)  # (a tiny set's resample can hold no gold at all)
    macro = (f1 * has_gold).sum(1)[some] / has_gold.sum(1)[some]
    lo, hi = np.percentile(macro, [2.5, 97.5])
    return float(lo), float(hi)


def ece(confidence: Sequence[float], correct: Sequence[bool], bins: int = 10) -> float:
    """Expected calibration error: |accuracy - confidence| averaged over equal-width bins."""
    c, ok = np.asarray(confidence, float), np.asarray(correct, float)
    if not len(c):
        return float("nan")
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(c, edges[1:-1]), 0, bins - 1)
    return float(sum(abs(ok[idx == b].mean() - c[idx == b].mean()) * (idx == b).mean()
                     for b in range(bins) if (idx == b).any()))


def score_multilabel(kinds: Sequence[str], gold: Sequence[set[str]], pred: Sequence[dict[str, float]]) -> Scores:
    """Message-level "has this kind"; `pred` maps kind -> score of the best finding of that kind."""
    s = Scores(n=len(gold))
    conf, ok = [], []
    for kind in kinds:
        has = [kind in p for p in pred]
        truth = [kind in g for g in gold]
        s.per_kind[kind] = prf(has, truth)
        conf += [p.get(kind, 0.0) for p in pred]
        ok += truth
    # Calibration over every (message, kind) pair; a kind not found counts as probability 0.
    s.ece = ece(conf, ok)
    s.macro_ci = macro_interval(np.array([[k in p for k in kinds] for p in pred], bool).reshape(len(pred), len(kinds)),
                                np.array([[k in g for k in kinds] for g in gold], bool).reshape(len(gold), len(kinds)))
    return s


def score_single(labels: Sequence[str], gold: Sequence[str], pred: Sequence[tuple[str, float]]) -> Scores:
    s = Scores(n=len(gold))
    for label in labels:
        s.per_kind[label] = prf([p == label for p, _ in pred], [g == label for g in gold])
    s.ece = ece([c for _, c in pred], [p == g for (p, _), g in zip(pred, gold)])
    s.macro_ci = macro_interval(np.array([[p == k for k in labels] for p, _ in pred], bool).reshape(len(pred), len(labels)),
                                np.array([[g == k for k in labels] for g in gold], bool).reshape(len(gold), len(labels)))
    return s


# -- systems ---------------------------------------------------------------------------------

def build_analyzer(with_models: bool) -> Analyzer:
    """Every message-level detector installed, with the rule or the model emotion detector."""
    from heard.analyze.signals.emotion import EmotionDetector
    from heard.learn.detectors import ConcernModelDetector, EmotionModelDetector, MoveModelDetector

    available = {n: c for n, c in available_detectors().items()
                 if n not in MODEL_DETECTORS and any(c.info.assigns(f) for f in FAMILIES)}
    available["emotion"] = EmotionModelDetector if with_models else EmotionDetector
    if with_models:
        available["moves_model"] = MoveModelDetector
        available["concerns_model"] = ConcernModelDetector
    return Analyzer(build_detectors(list(available), available=available))


def analyze_messages(analyzer: Analyzer, records: Sequence[dict]) -> list[dict]:
    """One dict per record: {"kinds": {kind: best score}, "emotion": (label, score) | None}."""
    from heard.learn import runtime
    runtime.prime([r["text"] for r in records], [r["role"] for r in records])
    runtime.prime([r["context"] for r in records if r.get("context")],
                  ["agent" if r["role"] == "customer" else "customer" for r in records if r.get("context")])
    out = []
    for r in records:
        role = Role(r["role"])
        target = Message(id="target", role=role, text=r["text"])
        messages: tuple[Message, ...] = (target,)
        if r.get("context"):
            other = Role.customer if role is not Role.customer else Role.agent
            messages = (Message(id="context", role=other, text=r["context"]), target)
        conv = Conversation(source="eval", external_id="x", channel=Channel.chat, messages=messages)
        kinds: dict[str, float] = {}
        emotion = None
        for f in analyzer.analyze(conv).findings_for("target"):
            if f.family == "emotion":
                emotion = (f.kind.split(".", 1)[1], f.score)
            else:
                kinds[f.kind] = max(kinds.get(f.kind, 0.0), f.score)
        out.append({"kinds": kinds, "emotion": emotion})
    return out


def vader_emotion(texts: Sequence[str]) -> list[tuple[str, float]]:
    """Sentiment only: compound >= 0.05 -> joy, <= -0.05 -> frustration, else neutral."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    sia = SentimentIntensityAnalyzer()
    out = []
    for t in texts:
        c = sia.polarity_scores(t)["compound"]
        out.append(("joy", abs(c)) if c >= 0.05 else ("frustration", abs(c)) if c <= -0.05 else ("neutral", 1 - abs(c)))
    return out


_NRC = {"anger": "anger", "disgust": "anger", "fear": "anxiety", "sadness": "sadness", "joy": "joy",
        "trust": "gratitude", "surprise": "confusion"}


def nrclex_emotion(texts: Sequence[str]) -> list[tuple[str, float]]:
    """NRC word counts mapped to ours (anger/disgust->anger, fear->anxiety, trust->gratitude,
    surprise->confusion); no emotion word -> neutral. Confidence = the top label's share."""
    from nrclex import NRCLex
    out = []
    for t in texts:
        lex = NRCLex()
        lex.load_token_list(re.findall(r"[a-z']+", t.lower()))
        counts: dict[str, int] = {}
        for k, v in lex.raw_emotion_scores.items():
            if k in _NRC:
                counts[_NRC[k]] = counts.get(_NRC[k], 0) + v
        if not counts:
            out.append(("neutral", 0.5))
        else:
            label = max(counts, key=lambda k: (counts[k], -EMOTIONS.index(k)))
            out.append((label, counts[label] / sum(counts.values())))
    return out


def model_emotion(texts: Sequence[str]) -> list[tuple[str, float]]:
    from heard.learn import runtime
    p = runtime.load_head("emotion10").predict_proba(runtime.encode(list(texts)))
    return [(EMOTIONS[i], float(p[n, i])) for n, i in enumerate(p.argmax(axis=1))]


# -- splits ----------------------------------------------------------------------------------

def read_support_labels(path: Path) -> tuple[list[dict], list[InvalidRecord]]:
    """The labelled messages of a JSONL file (role, text, labels, and for customers emotion and
    intensity), and what is wrong with each record left out: one bad record loses no good one."""
    records, problems = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                records.append(_labelled_record(path, n, line))
            except InvalidRecord as error:
                problems.append(error)
    return records, problems


def _labelled_record(path: Path, n: int, line: str) -> dict:
    """Line `n` of `path` as a labelled message, checked field by field."""
    def bad(reason: str, name: str | None = None) -> InvalidRecord:
        return InvalidRecord(reason, path=str(path), record=f"line {n}", field=name)

    row = json_object(line, path=str(path), record=f"line {n}")
    role = row.get("role")
    if role not in ("agent", "customer"):
        raise bad("must be agent or customer", "role")
    if not isinstance(row.get("text"), str) or not row["text"].strip():
        raise bad("missing or empty", "text")
    labels = row.get("labels")
    if not isinstance(labels, list) or not all(isinstance(k, str) for k in labels):
        raise bad("must be a list of kinds", "labels")
    own = MOVES if role == "agent" else CONCERNS
    for kind in labels:
        if kind not in own:
            raise bad(f"{kind!r} is not a kind of {role} messages" if kind in MOVES + CONCERNS
                      else f"unknown kind {kind!r}", "labels")
    if role == "customer" and row.get("emotion") not in EMOTIONS:
        raise bad(f"must be one of {', '.join(EMOTIONS)}", "emotion")
    if row.get("intensity") not in (None, 1, 2, 3) or isinstance(row.get("intensity"), bool):
        raise bad("must be 1, 2, 3 or null", "intensity")
    if not isinstance(row.get("context", ""), str):
        raise bad("must be text", "context")
    return row


def _labelled_split(paths: Sequence[Path], title: str, evaluate: Callable[[list[dict]], list[str]]) -> list[str]:
    """`evaluate` on the good records of `paths`, after a list of the records left out, if any."""
    records: list[dict] = []
    problems: list[InvalidRecord] = []
    for path in paths:
        good, bad = read_support_labels(path)
        records += good
        problems += bad
    out = []
    if problems:
        out.append(f"\n## {title}: {len(problems)} labelled record{'s' if len(problems) > 1 else ''} left out "
                   f"(the others are scored)\n" + "\n".join(f"- {p}" for p in problems))
    return out + evaluate(records)


def read_goemotions_dev(shared: Path) -> tuple[list[str], list[list[str]], list[str | None]]:
    from heard.learn.goemotions import read_names, read_split, to_heard
    names = read_names(shared / "goemotions")
    rows = read_split(shared / "goemotions", "dev")
    labels = [[names[i] for i in ids] for _, ids, _ in rows]
    return [t for t, _, _ in rows], labels, [to_heard(x) for x in labels]


def read_esconv(shared: Path) -> list[dict]:
    kinds = {"Reflection of feelings": "move.name_feeling", "Restatement or Paraphrasing": "move.reflect_concern"}
    out = []
    for line in (shared / "esconv" / "valid.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        previous = None
        for turn in json.loads(line)["dialog"]:
            if turn["speaker"] == "sys":
                gold = {kinds[turn["strategy"]]} if turn.get("strategy") in kinds else set()
                out.append({"role": "agent", "text": turn["text"], "context": previous, "gold": gold})
            else:
                previous = turn["text"]
    return out


def read_epitome(shared: Path) -> list[dict]:
    files = {"emotional-reactions-reddit.csv": "move.name_feeling", "interpretations-reddit.csv": "move.reflect_concern",
             "explorations-reddit.csv": "move.invite_more"}
    by_id: dict[str, dict] = {}
    for name, kind in files.items():
        with (shared / "epitome" / name).open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                rec = by_id.setdefault(row["rp_id"], {"role": "agent", "text": row["response_post"],
                                                      "context": row["seeker_post"], "gold": set()})
                if int(row["level"]) >= 1:
                    rec["gold"].add(kind)
    return list(by_id.values())


# -- the table -------------------------------------------------------------------------------

def _table(title: str, kinds: Sequence[str], rows: dict[str, Scores], note: str = "") -> str:
    short = [k.split(".", 1)[-1] for k in kinds]
    n = next(iter(rows.values())).n if rows else 0
    lines = [f"\n## {title} (n={n}){' — ' + note if note else ''}",
             f"{'system':<16} {'macro-F1':>8} {'95% CI':>11} {'ECE':>6}  " + "  ".join(f"{s[:14]:>14}" for s in short),
             f"{'':<16} {'':>8} {'':>11} {'':>6}  " + "  ".join(f"{'P/R/F1':>14}" for _ in short)]
    for name, s in rows.items():
        cells = []
        for k in kinds:
            p, r, f, support = s.per_kind.get(k, (0, 0, 0, 0))
            cells.append(f"{p:.2f}/{r:.2f}/{f:.2f}" if support else f"{'(no gold)':>14}")
        interval = "-" if np.isnan(s.macro_ci[0]) else f"{s.macro_ci[0]:.2f}-{s.macro_ci[1]:.2f}"
        macro = "-" if np.isnan(s.macro_f1) else f"{s.macro_f1:.3f}"  # no gold positive of any kind
        lines.append(f"{name:<16} {macro:>8} {interval:>11} {s.ece:>6.3f}  " + "  ".join(f"{c:>14}" for c in cells))
    support = rows[next(iter(rows))].per_kind if rows else {}
    lines.append(f"{'gold positives':<16} {'':>8} {'':>11} {'':>6}  " + "  ".join(f"{support.get(k, (0, 0, 0, 0))[3]:>14}" for k in kinds))
    return "\n".join(lines)


def _emotion_table(title: str, records: list[dict], by_rules: list[dict], by_models: list[dict], note: str = "") -> str:
    """The primary emotion of `records` against their gold, by the lexicon baselines, the rules, the
    model alone and the shipped blend (`by_rules` / `by_models`: analyze_messages of the same records)."""
    texts = [r["text"] for r in records]
    rows = {"VADER": vader_emotion(texts), "NRCLex": nrclex_emotion(texts), "rules": [x["emotion"] for x in by_rules],
            "model": model_emotion(texts), "rules+models": [x["emotion"] for x in by_models]}
    gold = [r["emotion"] for r in records]
    return _table(title, EMOTIONS, {k: score_single(EMOTIONS, gold, v) for k, v in rows.items()}, note)


def eval_support(records: list[dict], rules: Analyzer, models: Analyzer, title: str = "support validation") -> list[str]:
    """Moves on the agent messages, concerns and emotion on the customer messages (a table only
    for a role the file holds)."""
    out = []
    agents = [r for r in records if r["role"] == "agent"]
    customers = [r for r in records if r["role"] == "customer"]
    res = {"rules": analyze_messages(rules, records), "rules+models": analyze_messages(models, records)}
    idx_a = [i for i, r in enumerate(records) if r["role"] == "agent"]
    idx_c = [i for i, r in enumerate(records) if r["role"] == "customer"]
    gold_a = [set(r["labels"]) for r in agents]
    gold_c = [set(r["labels"]) for r in customers]
    if agents:
        out.append(_table(f"{title} — agent moves", MOVES,
                          {k: score_multilabel(MOVES, gold_a, [v[i]["kinds"] for i in idx_a]) for k, v in res.items()}))
    if not customers:
        return out
    out.append(_table(f"{title} — customer concerns", CONCERNS,
                      {k: score_multilabel(CONCERNS, gold_c, [v[i]["kinds"] for i in idx_c]) for k, v in res.items()}))
    out.append(_emotion_table(f"{title} — customer emotion (primary label)", customers,
                              [res["rules"][i] for i in idx_c], [res["rules+models"][i] for i in idx_c]))
    return out


def eval_support_dev_agent(records: list[dict], rules: Analyzer, models: Analyzer) -> list[str]:
    records = [r for r in records if r["role"] == "agent"]
    gold = [set(r["labels"]) for r in records]
    rows = {name: score_multilabel(MOVES, gold, [x["kinds"] for x in analyze_messages(a, records)])
            for name, a in (("rules", rules), ("rules+models", models))}
    return [_table("support dev (agent) — agent moves", MOVES, rows,
                   "error-analysis set: the rules were tuned on its misses, so these figures are optimistic")]


def eval_support_dev_customer(records: list[dict], rules: Analyzer, models: Analyzer) -> list[str]:
    records = [r for r in records if r["role"] == "customer"]
    note = "error-analysis set: the signal rules were tuned on its misses, so these figures are optimistic"
    res = {name: analyze_messages(a, records) for name, a in (("rules", rules), ("rules+models", models))}
    gold_c = [set(r["labels"]) for r in records]
    out = [_table("support dev (customer) — customer concerns", CONCERNS,
                  {k: score_multilabel(CONCERNS, gold_c, [x["kinds"] for x in v]) for k, v in res.items()}, note)]
    emo = {"rules": [x["emotion"] for x in res["rules"]], "model": model_emotion([r["text"] for r in records]),
           "rules+models": [x["emotion"] for x in res["rules+models"]]}
    out.append(_table("support dev (customer) — customer emotion (primary label)", EMOTIONS,
                      {k: score_single(EMOTIONS, [r["emotion"] for r in records], v) for k, v in emo.items()}, note))
    return out


def stc3_training_records(shared: Path) -> list[dict]:
    """The hand-labelled STC-3 training turns (heard.learn.annotations) as labelled records."""
    from heard.learn import annotations
    return [{"role": role, "text": text, "labels": sorted(a.labels), "emotion": a.emotion}
            for role in ("agent", "customer") for a, text in annotations.joined(shared, role) if text.strip()]


def eval_stc3_training(records: list[dict], rules: Analyzer, models: Analyzer) -> list[str]:
    """The rules on the in-domain turns the move and concern heads train on: rules only for moves and
    concerns (a head's score on its own training data says nothing), every row for emotion (the
    emotion head never sees them)."""
    agents = [r for r in records if r["role"] == "agent"]
    customers = [r for r in records if r["role"] == "customer" and r["emotion"]]
    note = "training data of the move and concern heads: rules only"
    out = [_table("STC-3 training turns — agent moves", MOVES, {"rules": score_multilabel(
        MOVES, [set(r["labels"]) for r in agents], [x["kinds"] for x in analyze_messages(rules, agents)])}, note)]
    by_rules = analyze_messages(rules, customers)
    out.append(_table("STC-3 training turns — customer concerns", CONCERNS, {"rules": score_multilabel(
        CONCERNS, [set(r["labels"]) for r in customers], [x["kinds"] for x in by_rules])}, note))
    out.append(_emotion_table("STC-3 training turns — customer emotion (primary label)", customers, by_rules,
                              analyze_messages(models, customers), "the emotion head never sees them"))
    return out


def eval_goemotions(shared: Path, rules: Analyzer, models: Analyzer) -> list[str]:
    from heard.learn import runtime
    texts, labels28, labels10 = read_goemotions_dev(shared)
    keep = [i for i, y in enumerate(labels10) if y is not None]
    t10 = [texts[i] for i in keep]
    g10 = [labels10[i] for i in keep]
    recs = [{"role": "customer", "text": t, "emotion": g} for t, g in zip(t10, g10)]
    out = [_emotion_table("GoEmotions dev — Heard's 10 labels (held-out split; test.tsv is sealed)", recs,
                          analyze_messages(rules, recs), analyze_messages(models, recs),
                          f"{len(texts) - len(keep)} examples whose labels all drop are left out")]
    head = runtime.load_head("goemotions28")
    p = head.predict_proba(runtime.encode(texts))
    pred = p >= head.thresholds
    pred[np.arange(len(p)), p.argmax(axis=1)] = True  # every comment gets at least one label
    names = head.labels
    s = Scores(n=len(texts))
    for k, name in enumerate(names):
        s.per_kind[name] = prf(pred[:, k], [name in g for g in labels28])
    s.ece = ece(p.max(axis=1), [names[i] in g for i, g in zip(p.argmax(axis=1), labels28)])
    out.append(f"\n## GoEmotions dev — 28 labels (n={len(texts)}): model macro-F1 {s.macro_f1:.3f}, "
               f"top-label ECE {s.ece:.3f}  (published test-split anchors: BERT-base 0.46; 0.49 in a 2026 replication)\n"
               + "  ".join(f"{n}={f:.2f}" for n, (_, _, f, _) in s.per_kind.items()))
    return out


def eval_agent_split(title: str, records: list[dict], kinds: Sequence[str], rules: Analyzer, models: Analyzer) -> str:
    gold = [r["gold"] for r in records]
    rows = {name: score_multilabel(kinds, gold, [x["kinds"] for x in analyze_messages(a, records)])
            for name, a in (("rules", rules), ("rules+models", models))}
    return _table(title, kinds, rows, "evaluation only (non-commercial licence)")


def run_eval(shared_data: Path, *, labels: Path | None = None, splits: Iterable[str] | None = None) -> str:
    """The whole `heard eval` report as text."""
    labels = labels or LABELS_FILE
    wanted = set(splits or SPLITS)
    dev_agent = labels.parent / DEV_AGENT
    dev_customer = labels.parent / DEV_CUSTOMER
    blind = [labels.parent / name for name in BLIND]
    decisions = [labels.parent / name for name in DECISIONS]
    blind_taxonomy = [labels.parent / name for name in BLIND_TAXONOMY]
    decisions_taxonomy = [labels.parent / name for name in DECISIONS_TAXONOMY]
    labels_taxonomy = labels.with_name(f"{labels.stem}_taxonomy.jsonl")
    title = "support validation" if labels == LABELS_FILE else f"labels {labels.name}"
    rules, models = build_analyzer(False), build_analyzer(True)
    out = ["# heard eval — per-kind precision / recall / F1, macro-F1 over kinds with gold positives and its "
           "95% bootstrap interval, ECE (10 bins)"]
    checks: list[tuple[str, Callable[[], bool], Callable[[], list[str]]]] = [
        ("support", lambda: labels.is_file(),
         lambda: _labelled_split([labels], title, lambda rs: eval_support(rs, rules, models, title))),
        ("support-taxonomy", lambda: labels_taxonomy.is_file(),
         lambda: _labelled_split([labels_taxonomy], f"{title}, TAXONOMY.md alone", lambda rs: eval_support(
             rs, rules, models, f"{title}, labelled again from TAXONOMY.md alone"))),
        ("support-blind", lambda: all(p.is_file() for p in blind),
         lambda: _labelled_split(blind, "support blind check", lambda rs: eval_support(
             rs, rules, models, f"support blind check (round {BLIND_ROUND}; never tuned on)"))),
        ("support-blind-taxonomy", lambda: all(p.is_file() for p in blind_taxonomy),
         lambda: _labelled_split(blind_taxonomy, "support blind check, TAXONOMY.md alone", lambda rs: eval_support(
             rs, rules, models, f"support blind check (round {BLIND_ROUND}), labelled again from TAXONOMY.md alone"))),
        ("support-decisions", lambda: all(p.is_file() for p in decisions),
         lambda: _labelled_split(decisions, "support decision sets", lambda rs: eval_support(
             rs, rules, models, "support decision sets (blind, then used for decisions: gates, blend weights, examples, hand labels)"))),
        ("support-decisions-taxonomy", lambda: all(p.is_file() for p in decisions_taxonomy),
         lambda: _labelled_split(decisions_taxonomy, "support decision sets, TAXONOMY.md alone", lambda rs: eval_support(
             rs, rules, models, "support decision sets, labelled again from TAXONOMY.md alone"))),
        ("support-dev-agent", lambda: dev_agent.is_file(),
         lambda: _labelled_split([dev_agent], "support dev (agent)", lambda rs: eval_support_dev_agent(rs, rules, models))),
        ("support-dev-customer", lambda: dev_customer.is_file(),
         lambda: _labelled_split([dev_customer], "support dev (customer)",
                                 lambda rs: eval_support_dev_customer(rs, rules, models))),
        ("stc3-training", lambda: (shared_data / "stc3" / "train_data_en.json").is_file(),
         lambda: eval_stc3_training(stc3_training_records(shared_data), rules, models)),
        ("goemotions", lambda: (shared_data / "goemotions" / "dev.tsv").is_file(),
         lambda: eval_goemotions(shared_data, rules, models)),
        ("esconv", lambda: (shared_data / "esconv" / "valid.txt").is_file(),
         lambda: [eval_agent_split("ESConv valid — supporter turns", read_esconv(shared_data),
                                   ("move.name_feeling", "move.reflect_concern"), rules, models)]),
        ("epitome", lambda: (shared_data / "epitome" / "explorations-reddit.csv").is_file(),
         lambda: [eval_agent_split("EPITOME (shared part) — responses", read_epitome(shared_data),
                                   ("move.name_feeling", "move.reflect_concern", "move.invite_more"), rules, models)]),
    ]
    for name, available, run in checks:
        if name not in wanted:
            continue
        if not available():
            where = {"support": labels, "support-blind": labels.parent, "support-decisions": labels.parent,
                     "support-blind-taxonomy": labels.parent, "support-decisions-taxonomy": labels.parent,
                     "support-dev-agent": dev_agent, "support-dev-customer": dev_customer}.get(name, shared_data)
            out.append(f"\n## {name}: skipped — its files are not under {where}")
            continue
        out.extend(run())
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    import sys
    print(run_eval(Path(sys.argv[1]) if len(sys.argv) > 1 else LABELS_FILE.parents[4] / "shared" / "data"))
