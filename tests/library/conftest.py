"""Library fixtures: the demo conversations in a SQLite store, analysed, with the demo case files."""

from __future__ import annotations

import pytest

from heard.analyze.run import run
from heard.demo import DEMO_CONVERSATIONS
from heard.importing import import_path
from heard.library.demo import load_demo_case_files
from heard.store.db import open_store


@pytest.fixture(scope="module")
def demo_sessions(tmp_path_factory):
    directory = tmp_path_factory.mktemp("library")
    sessions = open_store(f"sqlite:///{directory}/library.db")
    report = import_path(DEMO_CONVERSATIONS, sessions)
    assert report.errors == []
    run(sessions)
    assert load_demo_case_files(sessions) >= 6
    yield sessions
    sessions.kw["bind"].dispose()
