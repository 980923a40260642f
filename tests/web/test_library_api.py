"""The library's JSON API: status first, then the body; errors in the one shape."""

from __future__ import annotations

import pytest

COACH = {"X-Heard-Role": "coach"}


@pytest.fixture(scope="module")
def default_role() -> str:
    return "agent"  # these tests speak as an agent unless they name a role


def assert_error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["status"] == status and body["errors"] and isinstance(body["error"], str)
    return body


@pytest.fixture(scope="module")
def case_file(client, web_store) -> dict:
    response = client.post("/api/case-files", headers=COACH, json={
        "conversation_id": web_store.ids["gift-1"], "title": "Reship before the birthday", "lesson": "Maya was worried.",
        "tags": ["deadline"], "visibility": "shared",
        "annotations": [{"message_id": "m1", "quote": "the tracking hasn't moved in four days", "body": "The stake."},
                        {"kind": "gap", "message_id": "m1", "body": "Here was the chance to name the feeling."}],
    })
    assert response.status_code == 201, response.text
    return response.json()


def test_create_then_read_a_case_file_as_coach(client, case_file):
    assert case_file["redacted"] is False and case_file["annotation_count"] == 2
    response = client.get(case_file["api_url"], headers=COACH)
    assert response.status_code == 200
    body = response.json()
    span, gap = body["annotations"]
    assert span["evidence"] == "the tracking hasn't moved in four days"
    m1 = next(m for m in body["messages"] if m["id"] == "m1")
    assert m1["text"][span["start"]:span["end"]] == span["evidence"]
    assert (gap["kind"], gap["message_id"], gap["next_message_id"]) == ("gap", "m1", "m2")
    assert all(f["evidence"] for f in body["findings"])


def test_agent_of_another_team_reads_it_redacted(client, case_file):
    response = client.get(case_file["api_url"])  # X-Heard-Role defaults to agent
    assert response.status_code == 200
    body = response.json()
    assert body["redacted"] is True and body["conversation"]["customer"] == "Customer A"
    assert "Maya" not in response.text and "Customer A was worried." == body["lesson"]
    assert next(m for m in body["messages"] if m["id"] == "m2")["author"] == "Agent B"
    same_team = client.get(case_file["api_url"], headers={"X-Heard-Team": "orders"})
    assert same_team.status_code == 200 and same_team.json()["redacted"] is False


def test_list_filters_and_viewer(client, case_file):
    response = client.get("/api/case-files", params={"tag": "deadline", "q": "birthday"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["data"][0]["id"] == case_file["id"] and body["data"][0]["redacted"] is True
    assert client.get("/api/case-files", params={"tag": "nothing"}).json()["count"] == 0
    # full text in the messages matches too
    assert client.get("/api/case-files", params={"q": "tracking"}).json()["count"] == 1


def test_annotations_route_and_errors(client, case_file):
    url = case_file["api_url"] + "/annotations"
    response = client.post(url, headers=COACH, json={"message_id": "m2", "quote": "I'll personally make sure it gets there",
                                                      "body": "Ownership."})
    assert response.status_code == 201
    assert response.json()["evidence"] == "I'll personally make sure it gets there"
    listed = client.get(url, headers=COACH)
    assert listed.status_code == 200 and len(listed.json()) == 3
    assert "quote the words exactly" in assert_error(client.post(url, headers=COACH, json={"message_id": "m2", "quote": "nope", "body": "x"}), 422)["error"]
    assert_error(client.post(url, json={"message_id": "m2", "quote": "Update", "body": "x"}), 403)
    assert_error(client.post(url, headers=COACH, json={"message_id": "m2"}), 422)
    deleted = client.delete(f"{url}/{response.json()['id']}", headers=COACH)
    assert deleted.status_code == 204
    assert_error(client.delete(f"{url}/999999", headers=COACH), 404)


def test_update_and_errors(client, case_file, web_store):
    response = client.patch(case_file["api_url"], headers=COACH, json={"title": "Reship, and say so"})
    assert response.status_code == 200 and response.json()["title"] == "Reship, and say so"
    assert_error(client.get("/api/case-files/999999"), 404)
    assert_error(client.get(case_file["api_url"], headers={"X-Heard-Role": "admin"}), 400)
    assert_error(client.post("/api/case-files", json={"conversation_id": web_store.ids["bill-2"], "title": "x"}), 403)
    assert_error(client.post("/api/case-files", headers=COACH, json={"conversation_id": 999999, "title": "x"}), 404)
    team_only = client.post("/api/case-files", headers=COACH, json={"conversation_id": web_store.ids["bill-2"], "title": "Policy wall"})
    assert team_only.status_code == 201
    assert_error(client.get(team_only.json()["api_url"]), 404)  # another team's, not shared: not found for agents


def test_exports_are_self_contained_and_escaped(client, case_file):
    html = client.get(case_file["api_url"] + "/export.html", headers=COACH)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "<script" not in html.text.lower() and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html.text
    assert "<mark>the tracking hasn&#x27;t moved in four days</mark><sup>1</sup>" in html.text
    assert "http://" not in html.text and "https://" not in html.text and "<link" not in html.text
    md = client.get(case_file["api_url"] + "/export.md")
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert "Customer A" in md.text and "Maya" not in md.text and "\\<script\\>" in md.text
    both = client.get("/api/case-files-export", params={"ids": f"{case_file['id']},{case_file['id']}", "format": "md"}, headers=COACH)
    assert both.status_code == 200 and both.text.startswith("# 2 case files")
    assert_error(client.get("/api/case-files-export", params={"ids": "a,b"}), 400)


def test_search_and_similar(client, web_store):
    response = client.get("/api/search", params={"q": "tracking moved"}, headers=COACH)
    assert response.status_code == 200
    body = response.json()
    assert [h["conversation"]["external_id"] for h in body["data"]] == ["gift-1"]
    assert body["data"][0]["conversation"]["redacted"] is False
    assert client.get("/api/search", params={"q": "tracking", "channel": "phone"}, headers=COACH).json()["count"] == 0
    similar = client.get(f"/api/conversations/{web_store.ids['gift-1']}/similar", headers=COACH)
    assert similar.status_code == 200
    ids = [h["conversation"]["external_id"] for h in similar.json()["data"]]
    assert sorted(ids) == ["bill-2", "call-3", "social-4"]
    phone = client.get(f"/api/conversations/{web_store.ids['gift-1']}/similar", params={"channel": "phone"}, headers=COACH)
    assert [h["conversation"]["external_id"] for h in phone.json()["data"]] == ["call-3"]
    assert_error(client.get("/api/conversations/999999/similar", headers=COACH), 404)
    assert_error(client.get("/api/search", params={"q": "x", "emotion": "glee"}), 422)
    # an unknown move is an error naming the field, not an empty result
    for url in ("/api/search", "/api/case-files", f"/api/conversations/{web_store.ids['gift-1']}/similar"):
        error = assert_error(client.get(url, params={"q": "x", "move": "charm"}, headers=COACH), 422)
        assert error["error"].startswith("move:") and "'charm' is not a finding kind" in error["error"]
    assert client.get("/api/search", params={"q": "tracking", "move": "name_feeling"}, headers=COACH).json()["count"] == 1


def test_search_follows_the_viewer_rules(client, web_store, case_file):
    """gift-1 (orders) is in a shared case file: agents of other teams find it redacted, linked to
    the case file; bill-2 (billing) is found by its own team only."""
    billing = {"X-Heard-Team": "billing"}
    body = client.get("/api/search", params={"q": "tracking"}, headers=billing).json()
    hit = body["data"][0]["conversation"]
    assert body["count"] == 1 and hit["redacted"] is True and hit["url"] == case_file["url"]
    assert hit["external_id"] == str(web_store.ids["gift-1"]) and "gift-1" not in str(body)
    assert [h["conversation"]["external_id"] for h in
            client.get("/api/search", params={"q": "charged"}, headers=billing).json()["data"]] == ["bill-2"]
    assert client.get("/api/search", params={"q": "charged"}, headers={"X-Heard-Team": "orders"}).json()["count"] == 0
    assert client.get("/api/search", params={"q": "dropping"}, headers=billing).json()["count"] == 0  # tech's
    similar = client.get(f"/api/conversations/{web_store.ids['bill-2']}/similar", headers=billing).json()["data"]
    assert [(h["conversation"]["id"], h["conversation"]["redacted"]) for h in similar] == [(web_store.ids["gift-1"], True)]
    assert_error(client.get(f"/api/conversations/{web_store.ids['call-3']}/similar", headers=billing), 404)
    page = client.get("/search", params={"q": "tracking"}, headers=billing)
    assert page.status_code == 200 and "redacted" in page.text and case_file["url"] in page.text


def test_pages_render(client, case_file, web_store):
    for url, words in [("/library", "Reship"), (case_file["url"], "Coach notes"), ("/search?q=tracking", "hasn&#39;t moved in four days"),
                       (f"/conversations/{web_store.ids['gift-1']}/similar", "like this one")]:
        response = client.get(url, headers=COACH)
        assert response.status_code == 200 and words in response.text, url
    new = client.get(f"/library/new?conversation_id={web_store.ids['call-3']}", headers=COACH)
    assert new.status_code == 200
    made = client.post("/library", headers=COACH, follow_redirects=False,
                       data={"conversation_id": web_store.ids["call-3"], "title": "Stay with them", "tags": "phone, ownership"})
    assert made.status_code == 303
    noted = client.post(made.headers["location"].split("?")[0] + "/annotations", headers=COACH, follow_redirects=False,
                        data={"message_id": "t2", "quote": "That sounds exhausting.", "body": "Names it."})
    assert noted.status_code == 303 and "#a-" in noted.headers["location"]
    page = client.get(made.headers["location"], headers=COACH)
    assert 'class="annotation"' in page.text and "Names it." in page.text
