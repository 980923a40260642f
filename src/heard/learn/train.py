"""Rebuild every shipped artifact from ../shared/data and Heard's own written examples.

    python -m heard.learn.train [--shared ../shared/data] [--skip-distill] [--corrections labels.jsonl ...]

Needs the `train` extra. Fixed seed; on the 2-core reference machine the whole run takes a few
minutes. What each model is trained on (and, as important, what it is NOT trained on):

- static encoder: MiniLM's own vocabulary (no corpus beyond GoEmotions train for SIF weights);
- emotion heads: GoEmotions train.tsv (Apache-2.0) minus a fixed 10 % calibration slice, plus
  examples/emotion.tsv and the customer messages of written probes 1 to 7 (ours; probe 8 is held
  out). GoEmotions dev.tsv is never used: it is the held-out report split;
- move and concern heads: examples/moves.tsv and examples/concerns.tsv (ours), our hand labels on
  STC-3 turns (annotations/), and weak labels from the rule detectors on the other STC-3 dialogues
  (CC BY 4.0 annotations), excluding every dialogue of every labelled evaluation set.
TWCS, ESConv and EPITOME are non-commercial: they are only ever evaluated on.

`--corrections` adds coaches' corrections (`heard export-labels` files) to the move and concern
heads; corrections of emotions are counted and left out (the emotion head is trained on whole
messages, not on one label's yes or no).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from heard.errors import HeardError
from heard.learn.encoder import ARTIFACTS, Encoded, StaticEncoder
from heard.learn.evaluate import LABELS_FILE, read_support_labels
from heard.learn.goemotions import read_names, read_split, to_heard
from heard.learn.heads import BIGRAM_BUCKETS, DENSE_SCALE, Head, sparse_features
from heard.learn.labels import read_labels

SEED = 13
EXAMPLES = Path(__file__).parent / "examples"
EMOTIONS = ("anger", "frustration", "anxiety", "sadness", "disappointment", "confusion", "relief",
            "gratitude", "joy", "neutral")
OWN_WEIGHT = 8.0  # a written support message's weight in the ten-label head
GOEMOTIONS_WEIGHT = 0.25  # a GoEmotions comment's weight there (in the 28-label head: 1)
# Written probes whose customer messages train the ten-label head; probe 8 stays held out.
WRITTEN_PROBES = tuple(LABELS_FILE.parent / f"written_probe{n}.jsonl"
                       for n in ("1", "1_emotion", "2", "3", "4", "5", "6", "7"))


def in_calibration_slice(key: str, percent: int = 10) -> bool:
    """The fixed slice of a training file kept for calibration and thresholds."""
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % 100 < percent


def design(encoded: Encoded, vocab_size: int):
    """The training matrix: the scaled sentence vector, then the sparse features (heads.py)."""
    from scipy import sparse
    rows, cols = sparse_features(encoded.ids, vocab_size)
    s = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)),
                          shape=(len(encoded.ids), vocab_size + BIGRAM_BUCKETS))
    return sparse.hstack([sparse.csr_matrix(encoded.vectors * DENSE_SCALE), s]).tocsr()


def split_weights(coef: np.ndarray, dim: int) -> tuple[np.ndarray, np.ndarray]:
    return coef[:, :dim].T.copy(), coef[:, dim:].T.copy()


def fit_softmax(X, y: np.ndarray, labels: tuple[str, ...], weights: np.ndarray, dim: int, *, C: float) -> Head:
    from sklearn.linear_model import LogisticRegression
    clf = LogisticRegression(C=C, max_iter=400, class_weight="balanced", random_state=SEED)
    clf.fit(X, y, sample_weight=weights)
    order = [list(clf.classes_).index(label) for label in labels]
    dense, sparse_w = split_weights(clf.coef_[order], dim)
    return Head(labels, "softmax", dense, sparse_w, clf.intercept_[order].copy())


def fit_temperature(head: Head, enc: Encoded, y_idx: np.ndarray) -> float:
    z = head.logits(enc)
    best, best_nll = 1.0, np.inf
    for t in np.arange(0.5, 4.01, 0.05):
        zz = z / t
        zz = zz - zz.max(axis=1, keepdims=True)
        logp = zz - np.log(np.exp(zz).sum(axis=1, keepdims=True))
        nll = -logp[np.arange(len(y_idx)), y_idx].mean()
        if nll < best_nll:
            best, best_nll = float(t), nll
    return best


def read_examples(name: str) -> list[tuple[str, str]]:
    out = []
    for line in (EXAMPLES / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            out.append((label.strip(), text.strip()))
    return out


def read_probe_emotions(paths: Sequence[Path]) -> list[tuple[str, str]]:
    """(emotion, text) of every customer message of the labelled files `paths`; the first bad
    record stops training (a label silently skipped would change the head unseen)."""
    out = []
    for path in paths:
        records, problems = read_support_labels(path)
        if problems:
            raise problems[0]
        out += [(r["emotion"], r["text"]) for r in records if r["role"] == "customer"]
    return out


def train_emotion(shared: Path, encoder: StaticEncoder, out: Path, log) -> None:
    own = read_examples("emotion.tsv") + read_probe_emotions(WRITTEN_PROBES)
    folder = shared / "goemotions"
    names = read_names(folder)
    rows = read_split(folder, "train")
    fit_rows = [r for r in rows if not in_calibration_slice(r[2])]
    cal_rows = [r for r in rows if in_calibration_slice(r[2])]
    vocab = encoder.table.shape[0]
    dim = encoder.dim

    # -- ten Heard labels --
    texts, ys, ws = [], [], []
    for text, ids, _ in fit_rows:
        label = to_heard([names[i] for i in ids])
        if label is not None:
            texts.append(text), ys.append(label), ws.append(GOEMOTIONS_WEIGHT)
    for label, text in own:
        texts.append(text), ys.append(label), ws.append(OWN_WEIGHT)
    enc = encoder.encode(texts)
    head = fit_softmax(design(enc, vocab), np.array(ys), EMOTIONS, np.array(ws), dim, C=0.5)
    cal = [(t, to_heard([names[i] for i in ids])) for t, ids, _ in cal_rows]
    cal = [(t, y) for t, y in cal if y is not None]
    cal_enc = encoder.encode([t for t, _ in cal])
    head.temperature = fit_temperature(head, cal_enc, np.array([EMOTIONS.index(y) for _, y in cal]))
    head.save(out / "emotion10.npz")
    log(f"emotion10: {len(texts)} examples, temperature {head.temperature:.2f}")

    # -- GoEmotions' own 28 labels (to report the published anchor) --
    texts = [t for t, _, _ in fit_rows]
    first = np.array([names[ids[0]] for _, ids, _ in fit_rows])
    enc = encoder.encode(texts)
    head28 = fit_softmax(design(enc, vocab), first, tuple(names), np.ones(len(texts)), dim, C=0.5)
    cal_enc = encoder.encode([t for t, _, _ in cal_rows])
    head28.temperature = fit_temperature(head28, cal_enc, np.array([ids[0] for _, ids, _ in cal_rows]))
    probs = head28.predict_proba(cal_enc)
    gold = np.zeros_like(probs, dtype=bool)
    for i, (_, ids, _) in enumerate(cal_rows):
        gold[i, ids] = True
    head28.thresholds = np.array([_best_threshold(probs[:, k], gold[:, k]) for k in range(len(names))])
    head28.save(out / "goemotions28.npz")
    log(f"goemotions28: {len(texts)} examples, temperature {head28.temperature:.2f}")


def _best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    best, best_f1 = 0.5, -1.0
    for t in np.arange(0.02, 0.9, 0.02):
        pred = p >= t
        tp = (pred & y).sum()
        f1 = 2 * tp / max(1, pred.sum() + y.sum())
        if f1 > best_f1:
            best, best_f1 = float(t), f1
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m heard.learn.train", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[4] / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ARTIFACTS)
    parser.add_argument("--skip-distill", action="store_true", help="keep the existing static encoder")
    parser.add_argument("--only", choices=["emotion", "moves", "concerns"], action="append")
    parser.add_argument("--corrections", type=Path, action="append", default=[],
                        help="a `heard export-labels` file of coaches' corrections (repeatable)")
    args = parser.parse_args(argv)
    np.random.seed(SEED)
    t0 = time.time()

    def log(msg: str) -> None:
        print(f"[{time.time() - t0:6.1f}s] {msg}", flush=True)

    try:
        corrections = [c for path in args.corrections for c in read_labels(path)]
    except (OSError, HeardError) as error:
        parser.error(str(error))
    if not args.skip_distill:
        from heard.learn.distill import distill
        corpus = [t for t, _, _ in read_split(args.shared / "goemotions", "train")]
        distill(args.out, corpus, seed=SEED)
        log("static encoder distilled")
    if corrections:
        emotions = sum(c.kind.startswith("emotion.") for c in corrections)
        log(f"{len(corrections)} coach corrections read; {emotions} of emotions are left out")
    encoder = StaticEncoder(args.out / "static_minilm.npz")
    only = set(args.only or ["emotion", "moves", "concerns"])
    if "emotion" in only:
        try:
            train_emotion(args.shared, encoder, args.out, log)
        except (OSError, HeardError) as error:  # no GoEmotions there, or a bad record in a written probe
            parser.error(str(error))
    if only & {"moves", "concerns"}:
        from heard.learn.train_signals import train_sentence_head
        try:
            for name in ("moves", "concerns"):
                if name in only:
                    train_sentence_head(name, args.shared, encoder, args.out, log, corrections)
        except HeardError as error:  # a bad annotation record, or no STC-3 release
            parser.error(str(error))
    manifest = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in sorted(args.out.glob("*.npz"))}
    (args.out / "MANIFEST.json").write_text(json.dumps(manifest, indent=1) + "\n")
    log("done")


if __name__ == "__main__":
    main()
