"""Web fixtures: a store loaded from tests/data/web through the real import and analysis services.

Detectors are being written alongside the web layer, so the fixture also lays down a fixed set of
findings ("seeds", with their exact evidence text) on top of whatever the installed detectors
find. Tests can then rely on those findings whatever the detectors currently do; real findings
on the same conversations show up next to them.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from heard.analyze.detector import DetectorInfo
from heard.analyze.registry import available_detectors
from heard.analyze.run import run
from heard.analyze.scorecard import Scorecard
from heard.config import Settings
from heard.importing import import_path
from heard.model import Finding, Span
from heard.store import analyses, conversations
from heard.store.db import open_store
from heard.web import create_app

WEB_DATA = Path(__file__).parents[1] / "data" / "web"
UTC = timezone.utc

# (external_id, message_id, kind, evidence, rationale, extra)
SEEDS: list[tuple[str, str, str, str, str, dict]] = [
    ("gift-1", "m1", "emotion.anxiety", "I'm so worried", "Worry about what may happen.", {"intensity": 3}),
    ("gift-1", "m1", "concern.deadline_event", "My son's birthday is on Saturday", "A date is at stake.", {}),
    ("gift-1", "m2", "move.name_feeling", "That sounds really stressful", "Names the customer's stress without judging it.", {}),
    ("gift-1", "m2", "move.reflect_concern", "I understand why you're worried", "Restates the worry behind the message.", {}),
    ("gift-1", "m2", "conversation.loop", "I'll personally make sure it gets there. I can reship overnight today, or refund you now — which works better?",
     "Reflect, then a path the customer can choose.", {}),
    ("gift-1", "m2", "move.ownership", "I'll personally make sure it gets there", "A first-person commitment to carry the case.", {}),
    ("gift-1", "m2", "move.offer_choices", "I can reship overnight today, or refund you now — which works better?",
     "Two paths with timings, and asks which fits.", {}),
    ("gift-1", "m2", "move.checkpoint", "I'll update you by 3 pm tomorrow", "An update promised at a stated time.", {}),
    ("gift-1", "m2", "promise.kept", "I'll update you by 3 pm tomorrow", "An agent update came before the due time.",
     {"due_at": datetime(2026, 3, 3, 15, 0, tzinfo=UTC)}),
    ("gift-1", "m3", "emotion.gratitude", "Thank you so much", "Thanks the agent.", {"intensity": 2}),
    ("gift-1", "m3", "conversation.recovery", "Thank you so much, that's a relief!", "Intensity fell after the agent's moves.", {}),
    ("bill-2", "1", "emotion.frustration", "This is the third time I'm writing", "Effort and persistence.", {"intensity": 3}),
    ("bill-2", "1", "concern.repeat_contact", "third time I'm writing", "Has contacted before.", {}),
    ("bill-2", "1", "concern.invisible", "nobody listens", "Feels unheard.", {}),
    ("bill-2", "1", "risk.churn", "I'm going to cancel", "Intends to leave.", {}),
    ("bill-2", "2", "move.defensive", "As I already said, per our policy there's nothing we can do",
     "Hides behind policy and offers no alternative.", {}),
    ("bill-2", "2", "move.non_apology", "We're sorry you feel that way", "Regret aimed at the customer's feeling.", {}),
    ("bill-2", "2", "move.checkpoint", "I'll get back to you by Friday noon", "An update promised at a stated time.", {}),
    ("bill-2", "2", "promise.missed", "I'll get back to you by Friday noon", "No agent update before the due time.",
     {"due_at": datetime(2026, 3, 6, 12, 0, tzinfo=UTC)}),
    ("bill-2", "3", "emotion.anger", "Unbelievable", "Blame aimed at the company.", {"intensity": 2}),
    ("call-3", "t1", "emotion.frustration", "keeps dropping every evening", "A recurring fault.", {"intensity": 2}),
    ("call-3", "t1", "concern.repeat_contact", "I've been transferred twice already", "Transferred before.", {}),
    ("call-3", "t1", "conversation.transfer", "transferred twice", "The customer was transferred.", {}),
    ("call-3", "t2", "move.name_feeling", "That sounds exhausting", "Names the cost of the problem.", {}),
    ("call-3", "t2", "move.ownership", "I'll stay with you until we find the cause", "Stays with the case.", {}),
    ("call-3", "t3", "emotion.relief", "I feel better already", "Relief.", {"intensity": 2}),
    ("call-3", "t3", "conversation.recovery", "I feel better already", "Intensity fell after the agent's moves.", {}),
    ("social-4", "s1", "emotion.neutral", "What time does the Main St store open on Sundays?", "A plain question.", {}),
    ("social-4", "s2", "move.generic", "Thank you for contacting us. Your request has been received.",
     "A receipt with no name, next step or time.", {}),
]
SEEDER = DetectorInfo("web-test-seeds", "1", ())


@dataclass
class WebStore:
    settings: Settings
    ids: dict[str, int]  # external_id -> conversation id


def seed_findings(sessions, scorecard: Scorecard) -> dict[str, int]:
    """Add SEEDS to every stored conversation's analysis (keeping what detectors found); rescore."""
    ids = {}
    with sessions() as session:
        rows, _ = conversations.list_conversations(session=session, limit=1000)
        for row in rows:
            ids[row.external_id] = row.id
            analysis = analyses.load_analysis(session=session, row=row)
            found = list(analysis.findings)
            # One primary emotion per customer message: a seeded emotion replaces a detected one.
            seeded_emotion = {m for e, m, kind, *_ in SEEDS if e == row.external_id and kind.startswith("emotion.")}
            found = [f for f in found if not (f.family == "emotion" and f.span.message_id in seeded_emotion)]
            for external_id, message_id, kind, text, rationale, extra in SEEDS:
                if external_id != row.external_id:
                    continue
                message = analysis.conversation.get_message(message_id)
                start = message.text.index(text)
                f = Finding(kind=kind, span=Span(message_id, start, start + len(text)), score=0.9,
                            detector=SEEDER.name, detector_version=SEEDER.version, rationale=rationale, **extra)
                if not any(g.kind == f.kind and g.span == f.span for g in found):
                    found.append(f)
            order = {m.id: i for i, m in enumerate(analysis.conversation.messages)}
            found.sort(key=lambda f: (order[f.span.message_id], f.span.start, f.kind))
            analysis = type(analysis)(conversation=analysis.conversation, findings=tuple(found))
            runs = [DetectorInfo(r.detector, r.detector_version, ()) for r in analyses.detector_runs(session=session, row=row)]
            analyses.save_analysis(session=session, row=row, analysis=analysis, score=scorecard.score(analysis).total,
                                   detectors=[*runs, SEEDER])
        session.commit()
    return ids


def usable_detectors() -> list[str]:
    """Installed detectors whose requirements other installed detectors meet (while detectors are
    still being registered, one may need a family nobody provides yet)."""
    available = available_detectors()
    names = set(available)
    while True:
        keep = {n for n in names if all(any(available[o].info.assigns(r) for o in names if o != n)
                                         for r in available[n].info.requires)}
        if keep == names:
            return sorted(names)
        names = keep


def build_store(directory: Path, *, default_role: str = "coach") -> WebStore:
    """The web test store. Its app serves requests that name no role as `default_role`: a coach,
    who sees every conversation (tests of what agents see say so with X-Heard-Role or a cookie)."""
    detectors = usable_detectors()
    settings = Settings(database_url=f"sqlite:///{directory}/t.db", detectors=",".join(detectors) or None,
                        default_role=default_role)
    sessions = open_store(settings.database_url)
    report = import_path(WEB_DATA / "conversations.jsonl", sessions)
    assert report.errors == [], report.errors
    run(sessions, detector_names=settings.detector_names)
    ids = seed_findings(sessions, Scorecard.load(settings.scorecard))
    sessions.kw["bind"].dispose()
    return WebStore(settings, ids)


@pytest.fixture(scope="module")
def default_role() -> str:
    """The role of requests that name none (the app's `settings.default_role`): a coach, who sees
    everything. A module whose tests speak as an agent unless they say otherwise overrides this."""
    return "coach"


@pytest.fixture(scope="module")
def web_store(tmp_path_factory, default_role) -> WebStore:
    return build_store(tmp_path_factory.mktemp("web"), default_role=default_role)


@pytest.fixture(scope="module")
def client(web_store) -> TestClient:
    with TestClient(create_app(web_store.settings)) as client:
        yield client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, default_role):
    """(base_url, WebStore): the app served by uvicorn until the module's tests are done."""
    store = build_store(tmp_path_factory.mktemp("browser"), default_role=default_role)
    port = free_port()
    config = uvicorn.Config(create_app(store.settings), host="127.0.0.1", port=port, log_level="warning",
                            lifespan="off")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not uv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", store
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def dialogs(page) -> list[str]:
    """Every dialog a browser test's page opens (an alert from injected script would land here)."""
    seen: list[str] = []

    def on_dialog(dialog):
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return seen
