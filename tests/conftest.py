"""Global fixtures. Tests that need ../shared, Chromium or PostgreSQL skip with a one-line reason
when it is missing — except in CI (HEARD_REQUIRE_ALL_TESTS=1), where a missing part fails."""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from heard.model import Channel, Conversation, Message, Role

TESTS = Path(__file__).parent
DATA = TESTS / "data"
SHARED_DATA = TESTS.parent.parent / "shared" / "data"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def require(condition: bool, reason: str) -> None:
    """Skip (or, in CI, fail) when a needed outside part is missing."""
    if condition:
        return
    if os.environ.get("HEARD_REQUIRE_ALL_TESTS"):
        pytest.fail(f"CI must run this test: {reason}")
    pytest.skip(reason)


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def shared_data() -> Path:
    require(SHARED_DATA.is_dir(), f"{SHARED_DATA} is missing (a user's clone has no ../shared)")
    return SHARED_DATA


T0 = datetime(2026, 3, 6, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def make_conversation():
    """Build a conversation from turns: make_conversation(customer="…", agent="…", …) alternates
    in the order given; or pass turns=[(role, text), …]. Messages are 10 minutes apart."""

    def make(turns=None, *, channel=Channel.chat, start=T0, gap=timedelta(minutes=10), **by_role):
        pairs = list(turns or []) + [(Role(k.rstrip("_0123456789")), v) for k, v in by_role.items()]
        messages = tuple(
            Message(id=f"m{i + 1}", role=Role(role), text=text, sent_at=start + i * gap,
                    author=f"{Role(role).value}-1")
            for i, (role, text) in enumerate(pairs)
        )
        return Conversation(source="test", external_id="c1", channel=channel, messages=messages)

    return make


# -- browser tests: Debian's chromium driven by pytest-playwright, never `playwright install` --
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    require(Path(CHROMIUM).exists(), "Chromium is not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"],
    }


# -- the store: the same tests on SQLite and on a real PostgreSQL server --
@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/heard.db"
    url = os.environ.get("HEARD_TEST_POSTGRES_URL")
    require(bool(url), "no PostgreSQL server (set HEARD_TEST_POSTGRES_URL; .ci/run starts one)")
    from sqlalchemy import text

    from heard.store.db import create_engine

    engine = create_engine(url)
    with engine.begin() as connection:  # a clean database for every test
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture
def sessions(database_url):
    from heard.store.db import open_store

    factory = open_store(database_url)
    yield factory
    factory.kw["bind"].dispose()
