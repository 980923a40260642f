"""The coaching JSON API (practice, feedback, debriefs) and its pages: status first, then the body."""

from __future__ import annotations

import pytest



def assert_error(response, status: int) -> dict:
    """The one error shape every /api route answers with (as tests/web/test_api.py pins it)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert body["errors"] and all(isinstance(e, str) for e in body["errors"])
    return body


def start(client, web_store, external_id="gift-1", trainee="Robin") -> dict:
    response = client.post("/api/practice", json={"conversation_id": web_store.ids[external_id], "trainee": trainee})
    assert response.status_code == 201, response.text
    return response.json()


def send(client, attempt_id: int, text: str) -> dict:
    response = client.post(f"/api/practice/{attempt_id}/replies", json={"text": text})
    assert response.status_code == 200, response.text
    return response.json()


# -- practice ---------------------------------------------------------------------------------------
def test_practice_index_lists_conversations_to_practise_on(client, web_store):
    response = client.get("/api/practice")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"sources", "attempts", "count"}
    assert {s["conversation_id"] for s in body["sources"]} >= set(web_store.ids.values())


def test_starting_a_practice_waits_on_the_real_first_turn(client, web_store):
    body = start(client, web_store)
    assert body["status"] == "open" and body["trainee"] == "Robin"
    assert body["waiting"]["customer_text"].startswith("I'm so worried. My son's birthday is on Saturday")
    assert body["waiting"]["source"] == "real" and "Calm starts at" in body["waiting"]["why"]
    assert body["calm"] == body["start_calm"] and body["comparison"] is None
    assert body["url"] == f"/practice/{body['id']}"


def test_a_reply_is_analysed_at_once_and_moves_calm_with_reasons(client, web_store):
    attempt = start(client, web_store)
    body = send(client, attempt["id"], "That sounds really stressful. I'll personally make sure it gets there.")
    turn = body["turns"][0]
    found = {f["kind"]: f for f in turn["findings"]}
    assert found["move.name_feeling"]["evidence"] == "That sounds really stressful"
    assert found["move.name_feeling"]["start"] == 0 and found["move.name_feeling"]["end"] == 28
    assert found["move.name_feeling"]["label"] == "Named the feeling" and found["move.name_feeling"]["harmful"] is False
    assert turn["calm_after"] == turn["calm_before"] + 4 == body["calm"]
    assert [(c["kind"], c["delta"]) for c in turn["changes"]] == [("move.name_feeling", 2), ("move.ownership", 2)]
    assert "Offered choices and asked which fits" in turn["missed"]
    assert 0 < turn["score"] <= 100
    assert body["waiting"] is not None and body["waiting"]["position"] == 1


def test_a_defensive_reply_upsets_the_customer_who_reacts_in_their_own_words(client, web_store):
    attempt = start(client, web_store, "bill-2")
    body = send(client, attempt["id"], "As I already said, per our policy there's nothing we can do.")
    turn = body["turns"][0]
    assert [f["kind"] for f in turn["findings"] if f["harmful"]] == ["move.defensive"]
    assert turn["calm_after"] < turn["calm_before"]
    assert body["waiting"]["source"] == "reaction"
    assert "This is the third time I'm writing." in body["waiting"]["customer_text"]


def test_a_finished_practice_has_the_side_by_side_and_refuses_more_replies(client, web_store):
    attempt = start(client, web_store, "call-3", trainee="Sky")
    body = send(client, attempt["id"], "That sounds exhausting. I'll stay with you until we find the cause.")
    while body["status"] == "open":
        body = send(client, attempt["id"], "I'm glad. I'll call you tomorrow at 10 am to check the line held up.")
    comparison = body["comparison"]
    assert body["ending"] in {"completed", "settled"} and body["score"] is not None and body["real_score"] is not None
    assert comparison["outcome"] == "resolved"
    assert comparison["turns"][0]["real_reply"] == "That sounds exhausting. I'll stay with you until we find the cause."
    assert comparison["turns"][0]["trainee"][0]["reply"].startswith("That sounds exhausting")
    assert comparison["trainee_score"]["total"] == body["score"]
    assert [p["id"] for p in body["progress"]][-1] == body["id"]
    assert_error(client.post(f"/api/practice/{attempt['id']}/replies", json={"text": "Hello?"}), 409)


def test_practice_rules_publish_the_state_model(client):
    response = client.get("/api/practice/rules")
    assert response.status_code == 200
    rules = {r["kind"]: r for r in response.json()["rules"]}
    assert rules["move.name_feeling"]["delta"] > 0 and rules["move.defensive"]["delta"] < 0
    assert rules["none"]["reason"]


@pytest.mark.parametrize("method, path, body, status", [
    ("get", "/api/practice/9999", None, 404),
    ("post", "/api/practice/9999/replies", {"text": "hi"}, 404),
    ("post", "/api/practice", {"conversation_id": 9999, "trainee": "Robin"}, 404),
    ("post", "/api/practice", {"trainee": "Robin"}, 422),
    ("post", "/api/practice", {"conversation_id": 1, "trainee": ""}, 422),
    ("get", "/api/practice/abc", None, 422),
])
def test_practice_errors_have_one_shape(client, method, path, body, status):
    assert_error(getattr(client, method)(path, **({"json": body} if body is not None else {})), status)


def test_practice_reply_needs_text(client, web_store):
    attempt = start(client, web_store)
    body = assert_error(client.post(f"/api/practice/{attempt['id']}/replies", json={"text": ""}), 422)
    assert "text" in body["error"]


def test_practice_pages_render_and_plain_post_redirects(client, web_store):
    response = client.post("/practice", data={"source": f"conversation:{web_store.ids['gift-1']}", "trainee": "Lee"},
                           follow_redirects=False)
    assert response.status_code == 303
    url = response.headers["location"]
    page = client.get(url)
    assert page.status_code == 200 and 'name="reply"' in page.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page.text  # customer text escaped
    response = client.post(url + "/reply", data={"reply": "That sounds really stressful."}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == url + "#latest"
    partial = client.post(url + "/reply", data={"reply": "I'll personally make sure it gets there."},
                          headers={"HX-Request": "true"})
    assert partial.status_code == 200 and partial.text.lstrip().startswith('<section id="practice"')
    index = client.get("/practice", params={"trainee": "Lee"})
    assert index.status_code == 200 and f'data-attempt="{url.rsplit("/", 1)[-1]}"' in index.text
