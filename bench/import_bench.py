"""Import speed and memory: Heard's importer against plain sqlite3.executemany of the same rows.

    python bench/import_bench.py [--messages 1000000]

Generates an export of N messages (10 per conversation) in Heard's native JSON Lines and, when
the Zendesk reader is installed, as a Zendesk incremental export; imports each into a fresh SQLite
file in its own process; prints messages/s and peak RSS next to the baseline, which inserts the
same rows (conversations, messages and their full-text index rows, into Heard's schema) with
sqlite3.executemany and no validation. Creating the schema is timed in neither. Results and how
they were measured: bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sqlite3
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

PER_CONVERSATION = 10
T0 = datetime(2026, 3, 1, tzinfo=timezone.utc)
TEXTS = ("My order #{i} still hasn't arrived and the party is on Saturday.",
         "I'm sorry for the delay, I'll check with the carrier and update you by 3 pm tomorrow.")


def conversations(count: int):
    for c in range(count):
        yield {"source": "bench", "external_id": str(c), "channel": "email", "subject": f"Order {c}",
               "customer": f"Customer {c}", "agent": "Sam", "queue": "orders",
               "messages": [{"id": str(m), "role": "customer" if m % 2 == 0 else "agent",
                             "author": "Customer" if m % 2 == 0 else "Sam",
                             "sent_at": (T0 + timedelta(minutes=c + m)).isoformat(),
                             "text": TEXTS[m % 2].format(i=c)} for m in range(PER_CONVERSATION)]}


def write_native(path: Path, count: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for record in conversations(count):
            f.write(json.dumps(record) + "\n")


def write_zendesk(path: Path, count: int) -> None:
    """An incremental ticket export with side-loaded users and comment events."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"tickets": [')
        for i, record in enumerate(conversations(count)):
            comments = [{"id": c * 100 + int(m["id"]), "type": "Comment", "public": True, "body": m["text"],
                         "author_id": 1 if m["role"] == "customer" else 2, "created_at": m["sent_at"]}
                        for c, m in ((i, m) for m in record["messages"])]
            ticket = {"id": i + 1, "subject": record["subject"], "requester_id": 1, "assignee_id": 2,
                      "status": "solved", "via": {"channel": "email"}, "tags": [], "group_id": None,
                      "created_at": record["messages"][0]["sent_at"], "comments": comments}
            f.write(("," if i else "") + json.dumps(ticket))
        f.write('], "users": [{"id": 1, "name": "Customer", "role": "end-user"}, '
                '{"id": 2, "name": "Sam", "role": "agent"}], "end_of_stream": true}')


def heard_import(path: Path, db: Path, queue) -> None:
    from heard.importing import import_path
    from heard.store.db import open_store

    sessions = open_store(f"sqlite:///{db}")  # the schema, as for the baseline: not timed
    start, cpu = time.perf_counter(), _cpu_seconds()
    report = import_path(path, sessions)
    queue.put((report.messages, time.perf_counter() - start, _cpu_seconds() - cpu, len(report.errors), _peak_rss_mb()))


def baseline_import(path: Path, db: Path, queue) -> None:
    """Parse the native file and insert the same rows Heard writes with executemany, nothing else:
    into Heard's own schema (made by its migrations before the clock starts, so the same indexes),
    with Heard's connection pragmas, the same batches of 500 conversations, one transaction each,
    conversation and message rows with every column, and the full-text index rows. No validation,
    no upsert, no model objects; times are rewritten by slicing the string."""
    from heard.store.db import open_store

    open_store(f"sqlite:///{db}").kw["bind"].dispose()
    start, cpu = time.perf_counter(), _cpu_seconds()
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    messages = 0
    batch_c, batch_m = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            r = json.loads(line)
            first = _stamp(r["messages"][0]["sent_at"])
            batch_c.append((n, r["source"], r["external_id"], r["channel"], r["subject"], r["customer"], r["agent"],
                            r["queue"], first, None, None, "[]"))
            batch_m.extend((n, m["id"], i, m["role"], m["author"], m["text"], None, _stamp(m["sent_at"]), 0, None, None, 1)
                           for i, m in enumerate(r["messages"]))
            if len(batch_c) >= 500:
                messages += _flush(con, batch_c, batch_m)
        messages += _flush(con, batch_c, batch_m)
    con.close()
    queue.put((messages, time.perf_counter() - start, _cpu_seconds() - cpu, 0, _peak_rss_mb()))


def _stamp(iso: str) -> str:
    """'2026-03-01T00:00:00+00:00' as SQLAlchemy's SQLite DateTime keeps it (UTC, microseconds)."""
    return f"{iso[:10]} {iso[11:19]}.000000"


def _flush(con, batch_c, batch_m) -> int:
    con.executemany("INSERT INTO conversations (id, source, external_id, channel, subject, customer, agent, queue,"
                    " started_at, outcome, satisfaction, tags) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", batch_c)
    after = con.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0]
    con.executemany("INSERT INTO messages (conversation_id, external_id, position, role, author, text, original_text,"
                    " sent_at, utc_offset, start_s, end_s, public) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", batch_m)
    con.execute("INSERT INTO messages_fts(rowid, text) SELECT id, text FROM messages WHERE id > ?", (after,))
    con.commit()
    count = len(batch_m)
    batch_c.clear()
    batch_m.clear()
    return count


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(target, path: Path, workdir: Path, name: str) -> tuple[int, float, float, int, float]:
    queue = multiprocessing.get_context("spawn").Queue()
    process = multiprocessing.get_context("spawn").Process(target=target, args=(path, workdir / f"{name}.db", queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    args = parser.parse_args()
    count = args.messages // PER_CONVERSATION
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        native = work / "export.jsonl"
        write_native(native, count)
        runs = [("baseline: sqlite3.executemany, same rows", baseline_import, native),
                ("heard import (native JSON Lines)", heard_import, native)]
        try:
            import heard.ingest.zendesk  # noqa: F401

            zendesk = work / "zendesk.json"
            write_zendesk(zendesk, count)
            runs.append(("heard import (Zendesk incremental export)", heard_import, zendesk))
        except ImportError:
            print("(Zendesk reader not installed: skipping that format)")
        print(f"{args.messages:,} messages in {count:,} conversations\n")
        print(f"{'run':44} {'messages':>10} {'seconds':>8} {'msg/s':>9} {'vs base':>8} {'CPU s':>7} {'vs base':>8}"
              f" {'peak RSS':>9} {'errors':>6}")
        base = None
        for i, (name, target, path) in enumerate(runs):
            messages, seconds, cpu, errors, rss = measure(target, path, work, f"run{i}")
            rate = messages / seconds
            base = base or (rate, messages / cpu)
            print(f"{name:44} {messages:>10,} {seconds:>8.1f} {rate:>9,.0f} {rate / base[0]:>7.0%} {cpu:>7.1f}"
                  f" {messages / cpu / base[1]:>7.0%} {rss:>7.0f} MB {errors:>6}")
        print("\nmsg/s is wall-clock; CPU s is the importing process's user+system time, and its 'vs base' the rate"
              " by CPU time (steadier than wall-clock on a busy machine).")


if __name__ == "__main__":
    main()
