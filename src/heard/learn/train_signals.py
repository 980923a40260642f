"""Train the sentence-level move and concern heads (one-vs-rest logistic, Platt-calibrated).

Data, all of it free to ship a model trained on:
- examples/moves.tsv, examples/concerns.tsv: sentences Heard's engineers wrote by TAXONOMY.md,
  including the hard negatives from its "do not label when" column and borderline section;
- hand labels on STC-3 turns (annotations/, see heard.learn.annotations), sentence by sentence;
- coaches' corrections, when given (`heard export-labels` files, heard.learn.labels): a sentence
  marked missed is a positive of its kind, one marked wrong a negative of its kind; either says
  nothing of the other kinds;
- weak labels: the rule detectors run over the other STC-3 dialogues (CC BY 4.0 annotations);
  a sentence holding a rule finding is a weak positive of that kind, any other a weak negative.
  Dialogues in tests/data/labels/support_validation.jsonl and the dev sets beside it are left out.

Per kind, 5-fold out-of-fold scores give the Platt calibration and the decision threshold
(the best F0.5 — precision counts double — and never below 0.5; a kind with no out-of-fold hit,
or right less than half the time at that threshold, is switched off: threshold 1.01).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from heard.analyze.text import iter_sentences
from heard.learn import annotations
from heard.learn.encoder import StaticEncoder
from heard.learn.heads import Head
from heard.learn.labels import LabelExample

SEED = 13
EXAMPLES = Path(__file__).parent / "examples"
LABELS = Path(__file__).resolve().parents[3] / "tests" / "data" / "labels"
VALIDATION = LABELS / "support_validation.jsonl"
# Every labelled evaluation file: their STC-3 dialogues are kept out of the weak-label data.
EVALUATION_FILES = (VALIDATION, LABELS / "support_dev_customer.jsonl", LABELS / "support_dev_agent.jsonl")
# The later sets each hold one role's labels: their dialogues leave that role's weak labels only
# (the other side's turns are evaluated nowhere). The blind agent set is TWCS only.
BLIND_FILES = {"customer": (LABELS / "support_blind_customer.jsonl", LABELS / "support_final_customer.jsonl",
                            LABELS / "support_round7_customer.jsonl", LABELS / "support_round8_customer.jsonl",
                            LABELS / "support_round18_customer.jsonl", LABELS / "support_round19_customer.jsonl"),
               "agent": (LABELS / "support_final_agent.jsonl", LABELS / "support_round8_agent.jsonl",
                         LABELS / "support_round18_agent.jsonl", LABELS / "support_round19_agent.jsonl")}
# Rounds 9-17 are TWCS only: no STC-3 dialogue to keep out. Round 18 is STC-3 only, round 19 mostly.
OWN_WEIGHT = 3.0
HAND_WEIGHT = 3.0
CORRECTION_WEIGHT = 3.0
WEAK_POSITIVE = 1.0
WEAK_NEGATIVE = 0.3
DISABLED = 1.01  # a threshold no calibrated probability reaches
MIN_PRECISION = 0.5  # out of fold, at the chosen threshold, for a kind to be switched on
MOVE_KINDS = tuple(f"move.{k}" for k in (
    "name_feeling", "reflect_concern", "reframe", "ownership", "offer_choices", "checkpoint", "invite_more",
    "apology", "closure", "defensive", "non_apology", "overpromise", "generic"))
CONCERN_KINDS = ("concern.deadline_event", "concern.accessibility", "concern.repeat_contact", "concern.money",
                 "concern.business_impact", "concern.invisible", "risk.churn")


def read_labelled(name: str, prefix: str) -> list[tuple[set[str], str]]:
    out = []
    for line in (EXAMPLES / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kinds, text = line.split("\t", 1)
            labels = set() if kinds.strip() == "none" else {
                ("risk.churn" if k.strip() == "churn" else f"{prefix}.{k.strip()}") for k in kinds.split(",")}
            out.append((labels, text.strip()))
    return out


def validation_dialogues(role: str) -> set[str]:
    """STC-3 dialogue ids of every labelled evaluation file that could score `role`'s messages."""
    ids = set()
    for path in EVALUATION_FILES + BLIND_FILES[role]:
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                if r["source"].startswith("stc3"):
                    ids.add(r["source_id"].split("#")[0])
    return ids


def weak_sentences(shared: Path, role: str, kinds: tuple[str, ...], *,
                   labelled: frozenset[str] | set[str] = frozenset()) -> list[tuple[set[str], str]]:
    """Rule findings on STC-3 turns of `role`, projected onto sentences; the dialogues whose turns of
    `role` are labelled by hand (`labelled`) are left out."""
    from heard.learn.evaluate import build_analyzer
    from heard.model import Channel, Conversation, Message, Role

    path = shared / "stc3" / "train_data_en.json"
    if not path.is_file():
        return []
    skip = validation_dialogues(role) | labelled
    analyzer = build_analyzer(False)
    out = []
    for dialogue in json.loads(path.read_text(encoding="utf-8")):
        if dialogue["id"] in skip:
            continue
        messages = tuple(
            Message(id=str(i), role=Role.customer if t["sender"] == "customer" else Role.agent,
                    text=" ".join(u for u in t["utterances"] if u).strip())
            for i, t in enumerate(dialogue["turns"]))
        conv = Conversation(source="stc3", external_id=dialogue["id"], channel=Channel.social, messages=messages)
        findings = [f for f in analyzer.analyze(conv).findings if f.kind in kinds]
        for m in messages:
            if m.role.value != role or not m.text:
                continue
            for s, e in iter_sentences(m.text):
                if e - s < 3:
                    continue
                labels = {f.kind for f in findings if f.span.message_id == m.id and s <= f.span.start < e}
                out.append((labels, m.text[s:e]))
    return out


def _fit_binary(X, y, w, C: float):
    from sklearn.linear_model import LogisticRegression
    clf = LogisticRegression(C=C, max_iter=500, random_state=SEED)
    clf.fit(X, y, sample_weight=w)
    return clf


def _platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression
    lr = LogisticRegression(C=100.0).fit(z.reshape(-1, 1), y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def _threshold(p: np.ndarray, y: np.ndarray, beta: float = 0.5) -> float:
    best, best_f, best_p = 0.9, -1.0, 0.0
    for t in np.arange(0.5, 0.96, 0.02):
        pred = p >= t
        tp = (pred & y).sum()
        prec = tp / pred.sum() if pred.sum() else 0.0
        rec = tp / y.sum() if y.sum() else 0.0
        f = (1 + beta**2) * prec * rec / (beta**2 * prec + rec) if prec + rec else 0.0
        if f > best_f:
            best, best_f, best_p = float(t), f, prec
    # A kind the model cannot find out of fold, or finds wrongly more often than rightly, is
    # switched off rather than guessed.
    return best if best_f > 0 and best_p >= MIN_PRECISION else DISABLED


def train_head(name: str, kinds: tuple[str, ...], own: list, hand: list, weak: list, encoder: StaticEncoder, out: Path,
               log, *, corrections: Sequence[LabelExample] = (), C: float = 1.0) -> Head:
    from heard.learn.train import design
    data = own + hand + weak + [({c.kind} if c.label else set(), c.sentence) for c in corrections]
    all_weights = np.array([OWN_WEIGHT] * len(own) + [HAND_WEIGHT] * len(hand)
                           + [WEAK_POSITIVE if labels else WEAK_NEGATIVE for labels, _ in weak]
                           + [CORRECTION_WEIGHT] * len(corrections))
    about = [None] * (len(data) - len(corrections)) + [c.kind for c in corrections]  # what a row speaks of
    enc = encoder.encode([t for _, t in data])
    all_X = design(enc, encoder.table.shape[0])
    dim = encoder.dim
    rng = np.random.default_rng(SEED)
    all_folds = rng.integers(0, 5, len(data))
    dense, sparse_w, bias, platt, thresholds = [], [], [], [], []
    for kind in kinds:
        use = np.array([a is None or a == kind for a in about])
        X, weights, folds = all_X[use], all_weights[use], all_folds[use]
        y = np.array([kind in labels for (labels, _), u in zip(data, use) if u])
        if y.sum() < 3:
            raise ValueError(f"{name}: too few examples of {kind}")
        oof = np.zeros(len(y))
        for k in range(5):
            tr, te = folds != k, folds == k
            if not te.any():
                continue
            clf = _fit_binary(X[tr], y[tr], weights[tr], C)
            oof[te] = clf.decision_function(X[te])
        a, b = _platt(oof, y)
        p = 1 / (1 + np.exp(-(a * oof + b)))
        t = _threshold(p, y)
        clf = _fit_binary(X, y, weights, C)
        coef = clf.coef_[0]
        dense.append(coef[:dim]), sparse_w.append(coef[dim:]), bias.append(clf.intercept_[0])
        platt.append((a, b)), thresholds.append(t)
        pred = p >= t
        log(f"  {kind:<26} positives {int(y.sum()):>4}  threshold {t:.2f}  out-of-fold P {pred[y].sum() / max(1, pred.sum()):.2f}"
            f" R {pred[y].mean():.2f}")
    head = Head(kinds, "sigmoid", np.stack(dense, 1), np.stack(sparse_w, 1), np.array(bias),
                platt=np.array(platt), thresholds=np.array(thresholds))
    head.save(out / f"{name}.npz")
    return head


# name -> (role, kinds, written examples file and its label prefix, who writes the STC-3 turns)
HEADS = {"moves": ("agent", MOVE_KINDS, "moves.tsv", "move", "helpdesk"),
         "concerns": ("customer", CONCERN_KINDS, "concerns.tsv", "concern", "customer")}


def train_sentence_head(name: str, shared: Path, encoder: StaticEncoder, out: Path, log,
                        corrections: Sequence[LabelExample] = ()) -> None:
    """Build one of HEADS from its written examples, hand labels, weak labels and corrections."""
    role, kinds, examples, prefix, writer = HEADS[name]
    own = read_labelled(examples, prefix)
    pairs = annotations.joined(shared, role)
    hand = annotations.labelled_sentences(pairs)
    weak = weak_sentences(shared, role, kinds, labelled={a.dialogue for a, _ in pairs})
    log(f"{name}: {len(own)} written sentences, {len(hand)} hand-labelled and {len(weak)} weakly labelled"
        f" STC-3 {writer} sentences")
    used = [c for c in corrections if c.kind in kinds]
    if corrections:
        log(f"  {len(used)} coach corrections of these kinds "
            f"({sum(c.label for c in used)} marked missed, {sum(not c.label for c in used)} marked wrong)")
    train_head(name, kinds, own, hand, weak, encoder, out, log, corrections=used)
