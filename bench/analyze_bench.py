"""Analysis speed on 20,000 real messages: rules only, with the learned models, and the bare encoder.

    python bench/analyze_bench.py [--shared ../shared/data] [--messages 20000] [--single 2000]

Messages: every row of twcs/twcs_first5000rows.csv, every STC-3 turn (shared part), GoEmotions
dev.tsv, topped up with GoEmotions train.tsv to --messages. Each message is analysed the way
`heard detect` does it (a one-message conversation) by the whole installed pipeline:

- rules only: every installed detector, with the rule emotion detector and no model detectors;
- with models: the installed pipeline (emotion v2 + moves_model + concerns_model);
- bare encoder: the static encoder alone on the same texts.

Long messages: conversation text is untrusted, and one pasted log can be a megabyte. The last lines
time one message of 100 kB and one of 1 MB per role (a support paragraph repeated): a pipeline that
is linear in the text takes about 10× as long for the second (the first is the baseline).

"batch" = messages/s over all messages (with models, texts are encoded 1,000 at a time first —
`heard.learn.runtime.prime`, which runs only the heads each role needs — then analysed one by one); "single" = p50 / p95 latency of one
message at a time with a cold cache, over the first --single messages.

Pipeline overhead = batch time with models / batch time of the bare encoder − 1: what the whole
pipeline (rules, heads, findings) adds on top of its encoder's own time (goal: ≤ +25 %). It is
printed for wall time and for this process's CPU time; on a shared machine the CPU figure is the
steadier one (the tokenizer may use a second core, so the encoder's CPU time can exceed its wall time).
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import time
from pathlib import Path

from heard.analyze.pipeline import Analyzer
from heard.analyze.registry import available_detectors, build_detectors
from heard.learn import runtime
from heard.learn.encoder import load_encoder
from heard.model import Channel, Conversation, Message, Role

MODEL_DETECTORS = ("moves_model", "concerns_model")


def load_messages(shared: Path, count: int) -> list[tuple[Role, str]]:
    out: list[tuple[Role, str]] = []
    with (shared / "twcs" / "twcs_first5000rows.csv").open(encoding="utf-8", newline="") as f:
        out += [(Role.customer if r["inbound"] == "True" else Role.agent, r["text"])
                for r in csv.DictReader(f) if (r.get("text") or "").strip()]
    for dialogue in json.loads((shared / "stc3" / "train_data_en.json").read_text(encoding="utf-8")):
        for turn in dialogue["turns"]:
            text = " ".join(u for u in turn["utterances"] if u).strip()
            if text:
                out.append((Role.customer if turn["sender"] == "customer" else Role.agent, text))
    for split in ("dev", "train"):
        with (shared / "goemotions" / f"{split}.tsv").open(encoding="utf-8", newline="") as f:
            out += [(Role.customer, row[0]) for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
        if len(out) >= count:
            break
    return out[:count]


def conversation(i: int, role: Role, text: str) -> Conversation:
    return Conversation(source="bench", external_id=str(i), channel=Channel.chat, messages=(Message("m", role, text),))


def analyzer(with_models: bool) -> Analyzer:
    from heard.analyze.signals.emotion import EmotionDetector
    available = dict(available_detectors())
    if not with_models:
        available = {n: c for n, c in available.items() if n not in MODEL_DETECTORS}
        available["emotion"] = EmotionDetector
    return Analyzer(build_detectors(list(available), available=available))


def run_batch(an: Analyzer, msgs, *, prime: bool) -> tuple[float, float]:
    """(wall seconds, CPU seconds) to analyse every message."""
    runtime.clear_cache()
    t, c = time.perf_counter(), time.process_time()
    for start in range(0, len(msgs), 1000):
        chunk = msgs[start : start + 1000]
        if prime:
            runtime.prime([text for _, text in chunk], [role.value for role, _ in chunk])
        for i, (role, text) in enumerate(chunk, start):
            an.analyze(conversation(i, role, text))
    return time.perf_counter() - t, time.process_time() - c


def run_single(fn, msgs) -> list[float]:
    runtime.clear_cache()
    times = []
    for i, (role, text) in enumerate(msgs):
        t = time.perf_counter()
        fn(i, role, text)
        times.append((time.perf_counter() - t) * 1000)
    return times


def pct(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100)[q - 1] if len(xs) > 1 else xs[0]


LONG_TEXT = {
    Role.customer: "I've called three times, still no refund, I'm really frustrated and I will cancel. Thanks anyway! ",
    Role.agent: "I'm so sorry, I will call you back tomorrow at 3pm. What else is going on? One: a refund. Two: a new one. ",
}


def long_messages(an: Analyzer) -> None:
    """Seconds for one 100 kB and one 1 MB message per role, and their ratio (linear: about 10)."""
    for role, unit in LONG_TEXT.items():
        seconds = []
        for size in (100_000, 1_000_000):
            text = (unit * (size // len(unit) + 1))[:size]
            t = time.perf_counter()
            an.analyze(conversation(0, role, text))
            seconds.append(time.perf_counter() - t)
        print(f"one {role.value} message, with models: 100 kB {seconds[0]:.2f} s, 1 MB {seconds[1]:.2f} s "
              f"({seconds[1] / seconds[0]:.1f}× for 10× the text)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--single", type=int, default=2_000)
    args = parser.parse_args()
    msgs = load_messages(args.shared, args.messages)
    rules, models = analyzer(False), analyzer(True)
    encoder = load_encoder()
    texts = [t for _, t in msgs]
    # warm up: regexes compiled, heads loaded
    for an in (rules, models):
        for i, (role, text) in enumerate(msgs[:50]):
            an.analyze(conversation(i, role, text))
    encoder.encode(texts[:50])

    rows = []
    t_rules, c_rules = run_batch(rules, msgs, prime=False)
    t_models, c_models = run_batch(models, msgs, prime=True)
    t, c = time.perf_counter(), time.process_time()
    for start in range(0, len(texts), 1000):
        encoder.encode(texts[start : start + 1000])
    t_enc, c_enc = time.perf_counter() - t, time.process_time() - c
    sample = msgs[: args.single]
    s_rules = run_single(lambda i, r, x: rules.analyze(conversation(i, r, x)), sample)
    s_models = run_single(lambda i, r, x: models.analyze(conversation(i, r, x)), sample)
    s_enc = run_single(lambda i, r, x: encoder.encode([x]), sample)
    n = len(msgs)
    rows.append(("rules only", n / t_rules, s_rules))
    rows.append(("with models", n / t_models, s_models))
    rows.append(("bare encoder", n / t_enc, s_enc))
    print(f"{n:,} real messages ({sum(r is Role.customer for r, _ in msgs):,} customer); single = first {len(sample):,}")
    cpu = {"rules only": c_rules, "with models": c_models, "bare encoder": c_enc}
    print(f"{'':<14} {'batch msg/s':>12} {'batch CPU s':>12} {'single p50 ms':>14} {'single p95 ms':>14}")
    for name, rate, single in rows:
        print(f"{name:<14} {rate:>12,.0f} {cpu[name]:>12.2f} {pct(single, 50):>14.3f} {pct(single, 95):>14.3f}")
    added = t_models - t_rules
    print(f"models add {added:.2f} s to the rules' {t_rules:.2f} s over {n:,} messages; the encoder alone takes "
          f"{t_enc:.2f} s, so the model detectors cost {added / t_enc:.2f}× their encoder's own time "
          f"({(added - t_enc) / t_enc:+.0%} on top of it)")
    print(f"pipeline overhead (with models / bare encoder − 1; goal ≤ +25%): {t_models / t_enc - 1:+.0%} wall "
          f"({t_models:.2f} s / {t_enc:.2f} s), {c_models / c_enc - 1:+.0%} CPU ({c_models:.2f} s / {c_enc:.2f} s)")
    long_messages(models)


if __name__ == "__main__":
    main()
