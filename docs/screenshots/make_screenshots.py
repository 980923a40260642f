"""Capture the README screenshots of Heard's pages from the bundled demo conversations.

    .venv/bin/python docs/screenshots/make_screenshots.py [--data FILE] [--out DIR]

Loads the demo data (src/heard/demo/conversations.jsonl by default) into a temporary SQLite
store, analyses it with the installed detectors, serves the app on a free local port and
captures, as a coach, `conversations.png`, `case-file.png`, `library.png` (a curated case file
in its redacted view) and `practice.png` (a practice after one reply) with Debian's Chromium
(/usr/bin/chromium) through Playwright. Nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from heard.analyze.registry import available_detectors
from heard.analyze.run import run
from heard.config import Settings
from heard.demo import DEMO_CONVERSATIONS
from heard.errors import ConfigError
from heard.importing import import_path
from heard.library.demo import load_demo_case_files
from heard.store.db import open_store
from heard.web import create_app

HERE = Path(__file__).parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def usable_detectors() -> list[str]:
    """Installed detectors whose requirements the other installed detectors meet."""
    available = available_detectors()
    names = set(available)
    while True:
        keep = {n for n in names if all(any(available[o].info.assigns(r) for o in names if o != n)
                                         for r in available[n].info.requires)}
        if keep == names:
            return sorted(names)
        names = keep


def load(data: Path, directory: Path) -> Settings:
    settings = Settings(database_url=f"sqlite:///{directory}/demo.db", default_role="coach")
    sessions = open_store(settings.database_url)
    report = import_path(data, sessions)
    print(f"imported {report.conversations} conversations ({len(report.errors)} bad records)")
    try:
        analysed = run(sessions)
    except ConfigError as error:
        names = usable_detectors()
        print(f"not every installed detector can run ({error}); using {', '.join(names)}", file=sys.stderr)
        settings = Settings(database_url=settings.database_url, detectors=",".join(names), default_role="coach")
        analysed = run(sessions, detector_names=names)
    print(f"analysed {analysed.analysed} conversations, {analysed.findings} findings")
    print(f"{load_demo_case_files(sessions)} curated case files")
    sessions.kw["bind"].dispose()
    return settings


def serve(settings: Settings) -> tuple[str, uvicorn.Server, threading.Thread]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise SystemExit("the server did not start")
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def get(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path) as response:
        return json.load(response)


def post(base: str, path: str, body: dict) -> dict:
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def practice_once(base: str) -> tuple[int, int]:
    """A practice on the newest curated case file (the lost photos), after one empathic reply."""
    case_file = get(base, "/api/case-files")["data"][0]
    attempt = post(base, "/api/practice", {"case_file_id": case_file["id"], "trainee": "Robin"})
    reply = ("I'm so sorry. I can hear how painful this is, and I understand why you're frightened. I'll check "
             "the backups of your library myself right now and email you by 3 pm today with what I find.")
    post(base, f"/api/practice/{attempt['id']}/replies", {"text": reply})
    return attempt["id"], case_file["id"]


def pick_case(base: str) -> tuple[int, dict]:
    """The most instructive case file: a recovery with the most agent moves, else the richest."""
    listing = get(base, "/api/conversations?per_page=200")["data"]
    best, best_key = None, None
    for item in listing:
        case = get(base, item["api_url"])
        moves = sum(f["kind"].startswith("move.") for f in case["findings"])
        key = (item["has_recovery"], len(case["trajectory"]) >= 2, moves, len(case["findings"]))
        if best_key is None or key > best_key:
            best, best_key = (item["id"], case), key
    if best is None:
        raise SystemExit("no conversations to show")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEMO_CONVERSATIONS)
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"{args.data} does not exist yet")
    with tempfile.TemporaryDirectory() as tmp:
        settings = load(args.data, Path(tmp))
        base, server, thread = serve(settings)
        try:
            cid, case = pick_case(base)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 860}, device_scale_factor=1)
                page.goto(base + "/")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(args.out / "conversations.png"))
                page.set_viewport_size({"width": 1280, "height": 1800})
                page.goto(f"{base}/conversations/{cid}")
                listening = [f for f in case["findings"] if f["group"] == "listening" and f["evidence"]]
                if listening:  # show a rationale, as a coach tabbing through would see it
                    page.locator(f"#f-{listening[0]['index']}").evaluate("el => el.focus({preventScroll: true})")
                page.screenshot(path=str(args.out / "case-file.png"))
                attempt_id, case_file_id = practice_once(base)
                page.set_viewport_size({"width": 1280, "height": 1100})
                page.goto(f"{base}/library/{case_file_id}?redacted=true")
                page.screenshot(path=str(args.out / "library.png"))
                page.goto(f"{base}/practice/{attempt_id}")
                page.screenshot(path=str(args.out / "practice.png"))
                browser.close()
            print(f"case file: conversation {cid}; screenshots in {args.out}")
        finally:
            server.should_exit = True
            thread.join(timeout=10)


if __name__ == "__main__":
    main()
