"""`heard detect` streams: lines/s and peak memory for 10,000 and 100,000 lines, next to a
baseline that only parses and re-serialises each line (json.loads + json.dumps) in the same run.

    python bench/detect_bench.py [--lines 100000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

SAMPLES = (
    ("customer", "This is the third time I'm asking. Where is my refund? I'm cancelling if it's not here by Friday."),
    ("agent", "This sounds exhausting, and I understand why you're upset. I'll personally check and update you by 3 pm tomorrow."),
    ("customer", "Thanks so much, that really helped!"),
    ("agent", "We're sorry you feel that way. As I already said, per our policy there's nothing we can do."),
)

BASELINE = "import json,sys\nfor line in sys.stdin:\n    r = json.loads(line)\n    sys.stdout.write(json.dumps({'id': r['id'], 'findings': []}) + '\\n')\n"
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "with open(sys.argv[1]) as src, open('/dev/null', 'w') as out:\n"
    "    subprocess.run(sys.argv[2:], stdin=src, stdout=out, check=True)\n"
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
)


def write_input(path: Path, count: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(count):
            role, text = SAMPLES[i % len(SAMPLES)]
            f.write(json.dumps({"id": i, "role": role, "text": text}) + "\n")


def measure(path: Path, command: list[str]) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", MEASURE, str(path), *command], capture_output=True, text=True, check=True)
    seconds, rss = out.stdout.split()
    return float(seconds), float(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=100_000)
    args = parser.parse_args()
    heard = [sys.executable, "-m", "heard.cli", "detect"]
    baseline = [sys.executable, "-c", BASELINE]
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'run':34} {'lines':>8} {'seconds':>8} {'lines/s':>9} {'peak RSS':>9}")
        for count in (args.lines // 10, args.lines):
            path = Path(tmp) / f"{count}.jsonl"
            write_input(path, count)
            for name, command in (("baseline: json in, json out", baseline), ("heard detect (all detectors)", heard)):
                seconds, rss = measure(path, command)
                print(f"{name:34} {count:>8,} {seconds:>8.1f} {count / seconds:>9,.0f} {rss:>7.0f} MB")


if __name__ == "__main__":
    main()
