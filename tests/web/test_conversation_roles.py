"""The conversation list (`/`), the conversation pages and their JSON twins follow the library's
rule (heard.library.case_files.readable_conversations): an agent lists and opens their team's
conversations; one they may only see redacted redirects to its shared case file; the rest is 404.

The store: gift-1 (queue orders) is behind a case file shared beyond orders; call-3 (queue tech)
is behind a billing team-only case file, so billing's agents read it too; social-4 (general) is
nobody's but general's.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from heard.config import Settings
from heard.store import case_files
from heard.store.db import open_store
from heard.web import create_app

from .test_api import Tags, assert_error

BILLING = {"X-Heard-Role": "agent", "X-Heard-Team": "billing"}


@pytest.fixture(scope="module")
def shared(web_store) -> int:
    """The id of gift-1's shared case file (and a billing case file on call-3)."""
    sessions = open_store(web_store.settings.database_url)
    with sessions() as session:
        row = case_files.create_case_file(session=session, conversation_id=web_store.ids["gift-1"],
                                          title="Reship before the birthday", lesson="Maya was worried.",
                                          visibility="shared")
        case_files.create_case_file(session=session, conversation_id=web_store.ids["call-3"],
                                    title="Transferred twice", team="billing")
        session.commit()
        shared_id = row.id
    sessions.kw["bind"].dispose()
    return shared_id


def ids_of(web_store, *external_ids: str) -> set[int]:
    return {web_store.ids[e] for e in external_ids}


def listed(client, headers: dict, **params) -> dict:
    response = client.get("/api/conversations", headers=headers, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_an_agent_lists_only_their_teams_conversations(client, web_store, shared):
    body = listed(client, BILLING)
    assert {c["id"] for c in body["data"]} == ids_of(web_store, "bill-2", "call-3") and body["count"] == 2
    # the rule is part of the query: the count and the pages are the agent's
    first, second = listed(client, BILLING, per_page=1), listed(client, BILLING, per_page=1, page=2)
    assert first["count"] == second["count"] == 2
    assert {first["data"][0]["id"], second["data"][0]["id"]} == ids_of(web_store, "bill-2", "call-3")
    assert listed(client, BILLING, channel="phone")["count"] == 1  # filters narrow what the agent may list
    assert listed(client, BILLING, queue="orders") == {"data": [], "count": 0}

    page = client.get("/", headers=BILLING)
    assert page.status_code == 200
    tags = Tags(page.text)
    rows = {int(a["data-id"]) for t, a in tags.tags if t == "tr" and "data-id" in a}
    assert rows == ids_of(web_store, "bill-2", "call-3")
    menu = re.search(r'<select id="f-queue" name="queue">(.*?)</select>', page.text, re.S).group(1)
    assert re.findall(r'<option value="([^"]+)"', menu) == ["billing", "tech"]  # menus offer only what they may list
    assert "Birthday gift" not in page.text and "Maya" not in page.text
    assert "Viewing as <strong class=\"viewer-role\">agent</strong> of team" in page.text


def test_an_agent_of_no_team_lists_nothing_and_is_told_why(client):
    assert listed(client, {"X-Heard-Role": "agent"}) == {"data": [], "count": 0}
    page = client.get("/", headers={"X-Heard-Role": "agent"})
    assert page.status_code == 200 and "choose your team above" in page.text


def test_coaches_and_leads_list_everything(client, web_store, shared):
    everything = ids_of(web_store, "gift-1", "bill-2", "call-3", "social-4")
    assert {c["id"] for c in listed(client, {})["data"]} == everything  # this app's default role is coach
    assert listed(client, {"X-Heard-Role": "lead", "X-Heard-Team": "billing"})["count"] == 4


def test_another_teams_conversation_is_not_there_for_an_agent(client, web_store, shared):
    cid = web_store.ids["social-4"]
    body = assert_error(client.get(f"/api/conversations/{cid}", headers=BILLING), 404)
    assert body["error"] == f"No conversation with id {cid}."
    page = client.get(f"/conversations/{cid}", headers=BILLING)
    assert page.status_code == 404 and "Thank you for contacting us" not in page.text
    assert_error(client.get(f"/api/conversations/{cid}/corrections", headers=BILLING), 404)
    assert client.get(f"/api/conversations/{cid}", headers={**BILLING, "X-Heard-Team": "general"}).status_code == 200


def test_an_agent_reads_their_teams_case_file_conversation_with_the_real_words(client, web_store, shared):
    cid = web_store.ids["call-3"]  # queue tech, behind a billing case file
    response = client.get(f"/api/conversations/{cid}", headers=BILLING)
    assert response.status_code == 200 and response.json()["conversation"]["external_id"] == "call-3"
    assert client.get(f"/api/conversations/{cid}/corrections", headers=BILLING).status_code == 200


def test_a_shared_case_files_conversation_redirects_an_agent_to_the_redacted_case_file(client, web_store, shared):
    cid = web_store.ids["gift-1"]
    api = client.get(f"/api/conversations/{cid}", headers=BILLING, follow_redirects=False)
    assert api.status_code == 303 and api.headers["location"] == f"/api/case-files/{shared}"
    followed = client.get(f"/api/conversations/{cid}", headers=BILLING).json()
    assert followed["redacted"] is True and followed["conversation"]["customer"] == "Customer A"
    assert "Maya" not in client.get(f"/api/conversations/{cid}", headers=BILLING).text

    page = client.get(f"/conversations/{cid}", headers=BILLING, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == f"/library/{shared}"
    followed_page = client.get(f"/conversations/{cid}", headers=BILLING)
    assert followed_page.status_code == 200 and "Customer A" in followed_page.text and "Maya" not in followed_page.text

    body = assert_error(client.get(f"/api/conversations/{cid}/corrections", headers=BILLING), 403)
    assert "shared case file" in body["error"]
    assert cid not in {c["id"] for c in listed(client, BILLING)["data"]}  # it lives in the library, not the list
    orders = client.get(f"/api/conversations/{cid}", headers={**BILLING, "X-Heard-Team": "orders"},
                        follow_redirects=False)
    assert orders.status_code == 200 and orders.json()["conversation"]["customer"] == "Maya Ortiz"


def test_the_default_role_comes_from_the_settings(web_store, shared, monkeypatch):
    settings = Settings(database_url=web_store.settings.database_url, detectors=web_store.settings.detectors,
                        default_role="agent")
    with TestClient(create_app(settings)) as agent_app:
        assert listed(agent_app, {}) == {"data": [], "count": 0}  # an agent of no team, unless a request says more
        assert listed(agent_app, {"X-Heard-Team": "billing"})["count"] == 2
        assert listed(agent_app, {"X-Heard-Role": "coach"})["count"] == 4
        assert agent_app.get(f"/api/conversations/{web_store.ids['social-4']}").status_code == 404
        cookie = agent_app.get("/library/role", params={"role": "coach", "next": "/"})
        assert cookie.status_code == 200 and listed(agent_app, {})["count"] == 4  # the switch outranks the default
    monkeypatch.setenv("HEARD_DEFAULT_ROLE", "lead")
    assert Settings().default_role == "lead"
    monkeypatch.delenv("HEARD_DEFAULT_ROLE")
    assert Settings().default_role == "agent"  # the default is unchanged
    monkeypatch.setenv("HEARD_DEFAULT_ROLE", "boss")
    with pytest.raises(ValidationError, match="default_role"):
        Settings()
