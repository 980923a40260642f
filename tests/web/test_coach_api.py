"""The coaching JSON API (practice, feedback, debriefs) and its pages: status first, then the body."""

from __future__ import annotations

import pytest



@pytest.fixture(scope="module")
def default_role() -> str:
    return "agent"  # these tests speak as an agent unless they name a role


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


COACH = {"X-Heard-Role": "coach"}
# each test conversation's queue: an agent of that team practises on it with the real words
TEAM = {"gift-1": "orders", "bill-2": "billing", "call-3": "tech", "social-4": "general"}


def agent_of(external_id: str) -> dict:
    return {"X-Heard-Role": "agent", "X-Heard-Team": TEAM[external_id]}


def start(client, web_store, external_id="gift-1", trainee="Robin") -> dict:
    response = client.post("/api/practice", json={"conversation_id": web_store.ids[external_id], "trainee": trainee},
                           headers=agent_of(external_id))
    assert response.status_code == 201, response.text
    assert response.json()["redacted"] is False
    return response.json()


def send(client, attempt_id: int, text: str, headers=COACH) -> dict:
    response = client.post(f"/api/practice/{attempt_id}/replies", json={"text": text}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


# -- practice ---------------------------------------------------------------------------------------
def test_practice_index_lists_what_the_viewer_may_practise_on(client, web_store):
    response = client.get("/api/practice", headers=COACH)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"sources", "attempts", "count"}
    assert {s["conversation_id"] for s in body["sources"]} >= set(web_store.ids.values())
    # an agent: their team's conversations only (other teams' material comes through shared case files)
    orders = client.get("/api/practice", headers=agent_of("gift-1")).json()
    assert {s["conversation_id"] for s in orders["sources"] if s["case_file_id"] is None} == {web_store.ids["gift-1"]}
    assert all(a["conversation_id"] == web_store.ids["gift-1"] for a in orders["attempts"])


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
    assert_error(client.post(f"/api/practice/{attempt['id']}/replies", json={"text": "Hello?"}, headers=COACH), 409)
    # an agent of another team may not reply to it, nor read it: it is not there for them
    assert_error(client.post(f"/api/practice/{attempt['id']}/replies", json={"text": "Hello?"}), 404)


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
    body = assert_error(client.post(f"/api/practice/{attempt['id']}/replies", json={"text": ""}, headers=COACH), 422)
    assert "text" in body["error"]


def test_practice_pages_render_and_plain_post_redirects(client, web_store):
    orders = agent_of("gift-1")
    response = client.post("/practice", data={"source": f"conversation:{web_store.ids['gift-1']}", "trainee": "Lee"},
                           headers=orders, follow_redirects=False)
    assert response.status_code == 303
    url = response.headers["location"]
    page = client.get(url, headers=orders)
    assert page.status_code == 200 and 'name="reply"' in page.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page.text  # customer text escaped
    response = client.post(url + "/reply", data={"reply": "That sounds really stressful."}, headers=orders,
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == url + "#latest"
    partial = client.post(url + "/reply", data={"reply": "I'll personally make sure it gets there."},
                          headers={"HX-Request": "true", **orders})
    assert partial.status_code == 200 and partial.text.lstrip().startswith('<section id="practice"')
    bad = client.post("/practice", data={"source": "nonsense", "trainee": "Lee"})
    assert bad.status_code == 400 and "conversation:&lt;id&gt;" in bad.text
    index = client.get("/practice", params={"trainee": "Lee"}, headers=orders)
    assert index.status_code == 200 and f'data-attempt="{url.rsplit("/", 1)[-1]}"' in index.text
    # another team's agent: neither the attempt nor the conversation is there for them
    assert client.get(url, headers=agent_of("bill-2")).status_code == 404
    assert f'data-attempt="{url.rsplit("/", 1)[-1]}"' not in client.get("/practice", headers=agent_of("bill-2")).text


# -- feedback -----------------------------------------------------------------------------------------
def give_feedback(client, web_store, **overrides) -> dict:
    body = {
        "conversation_id": web_store.ids["gift-1"], "coach": "Ana", "summary": "Warm, clear, owned it.",
        "items": [
            {"item": "name_feeling", "rating": "strength", "note": "Named the stress first.",
             "message_id": "m2", "start": 0, "end": 28},
            {"item": "invite_more", "rating": "work_on", "note": "Ask what else matters about Saturday."},
        ],
    }
    body.update(overrides)
    response = client.post("/api/feedback", json=body, headers=COACH)
    assert response.status_code == 201, response.text
    return response.json()


def test_feedback_form_starts_from_the_scorecard(client, web_store):
    response = client.get("/api/feedback/form", params={"conversation_id": web_store.ids["gift-1"]}, headers=COACH)
    assert response.status_code == 200
    form = response.json()
    assert form["agent"] == "Sam Lee"
    items = {i["item"]: i for i in form["items"]}
    assert items["name_feeling"]["suggested_rating"] == "strength"
    assert items["name_feeling"]["suggested_span"]["evidence"] == "That sounds really stressful"
    assert items["defensive"]["is_cost"] is True and items["defensive"]["suggested_rating"] is None
    assert any(s["kind"] == "move.offer_choices" for s in form["spans"])


def test_feedback_is_saved_with_spans_and_listed_by_agent(client, web_store):
    created = give_feedback(client, web_store)
    assert created["agent"] == "Sam Lee" and created["coach"] == "Ana"
    first, second = created["items"]
    assert (first["label"], first["rating"], first["evidence"]) == (
        "Named the customer's feeling without judgment", "strength", "That sounds really stressful")
    assert second["evidence"] is None and second["rating_label"] == "Work on"
    response = client.get("/api/feedback", params={"agent": "Sam Lee"}, headers=agent_of("gift-1"))
    assert response.status_code == 200
    listed = response.json()
    assert created["id"] in [f["id"] for f in listed["data"]] and "Sam Lee" in listed["agents"]
    assert all(f["agent"] == "Sam Lee" for f in listed["data"])
    other = client.get("/api/feedback", params={"agent": "Alex Kim"}, headers=COACH).json()
    assert created["id"] not in [f["id"] for f in other["data"]]
    again = client.get(f"/api/feedback/{created['id']}", headers=agent_of("gift-1"))
    assert again.status_code == 200 and again.json() == created


@pytest.mark.parametrize("overrides, status, words", [
    ({"items": [{"item": "charm", "note": "x"}]}, 400, "items.0.item: 'charm' is not a line of the rubric"),
    ({"items": [{"item": "ownership", "message_id": "nope"}]}, 400, "items.0.message_id"),
    ({"items": [{"item": "ownership", "message_id": "m2", "start": 5, "end": 5000}]}, 400, "does not fit message 'm2'"),
    ({"items": [{"item": "ownership", "rating": "great"}]}, 422, "items.0.rating"),
    ({"coach": ""}, 422, "coach"),
    ({"conversation_id": 9999}, 404, "No conversation with id 9999"),
])
def test_feedback_errors_name_the_field(client, web_store, overrides, status, words):
    body = {"conversation_id": web_store.ids["gift-1"], "coach": "Ana", "items": []}
    body.update(overrides)
    error = assert_error(client.post("/api/feedback", json=body, headers=COACH), status)
    assert words in error["error"] or any(words in e for e in error["errors"])


def test_feedback_pages_fill_save_and_show(client, web_store):
    cid = web_store.ids["bill-2"]
    form = client.get("/feedback/new", params={"conversation_id": cid}, headers=COACH)
    assert form.status_code == 200 and 'name="item-0-rating"' in form.text
    data = {"conversation_id": str(cid), "coach": "Ana", "summary": "Tough one.",
            "item-0-id": "name_feeling", "item-0-rating": "work_on", "item-0-note": "Name the frustration first.",
            "item-0-span": "", "item-1-id": "defensive", "item-1-rating": "work_on", "item-1-note": "",
            "item-1-span": "2:0:17", "item-2-id": "ownership", "item-2-rating": "", "item-2-note": "", "item-2-span": ""}
    response = client.post("/feedback", data=data, headers=COACH, follow_redirects=False)
    assert response.status_code == 303
    page = client.get(response.headers["location"], headers=agent_of("bill-2"))
    assert page.status_code == 200
    assert "Name the frustration first." in page.text and "<q>As I already said</q>" in page.text
    saved = client.get("/api" + response.headers["location"], headers=COACH).json()
    assert [i["item"] for i in saved["items"]] == ["name_feeling", "defensive"]  # blank lines left out
    listing = client.get("/feedback", params={"agent": "Alex Kim"}, headers=agent_of("bill-2"))
    assert listing.status_code == 200 and f'data-feedback="{saved["id"]}"' in listing.text


def test_feedback_is_given_by_coaches_and_read_by_the_conversations_team(client, web_store):
    created = give_feedback(client, web_store)
    body = {"conversation_id": web_store.ids["gift-1"], "coach": "Ana", "items": []}
    assert "Only coaches and leads may give feedback" in assert_error(
        client.post("/api/feedback", json=body, headers=agent_of("gift-1")), 403)["error"]
    assert_error(client.get("/api/feedback/form", params={"conversation_id": web_store.ids["gift-1"]}), 403)
    assert client.post("/feedback", data={"conversation_id": web_store.ids["gift-1"], "coach": "Ana"}).status_code == 403
    # the agent's team reads it (their own conversation); another team's agent does not see it at all
    assert client.get(created["url"], headers=agent_of("gift-1")).status_code == 200
    billing = agent_of("bill-2")
    assert_error(client.get(f"/api/feedback/{created['id']}", headers=billing), 404)
    assert client.get(created["url"], headers=billing).status_code == 404
    listed = client.get("/api/feedback", headers=billing).json()
    assert created["id"] not in [f["id"] for f in listed["data"]] and "Sam Lee" not in listed["agents"]
    page = client.get("/feedback", headers=billing)
    assert page.status_code == 200 and "Coaches and leads give feedback" in page.text


# -- debriefs -----------------------------------------------------------------------------------------
def test_debriefs_ask_quiet_voices_first_and_show_patterns(client, web_store):
    first = client.post("/api/debriefs", headers={"X-Heard-Team": "billing"}, json={  # the team debriefs its own case
        "title": "The double-charge escalation", "conversation_id": web_store.ids["bill-2"],
        "entries": [
            {"participant": "Alex", "worked": "Nothing much, I got defensive and quoted the policy at him again and again.",
             "felt_off": "He was useless and never listened.", "try_next": ""},
            {"participant": "Jo", "worked": "Offering two options would have helped.", "picked_misses": ["move.non_apology"]},
        ]})
    assert first.status_code == 201, first.text
    body = first.json()
    alex, jo = body["entries"]
    assert alex["found_misses"] == ["move.defensive"] and alex["words"] > jo["words"]
    assert any("blame" in p for p in alex["prompts"]) and any("try next time" in p for p in alex["prompts"])
    assert jo["found_moves"] == ["move.offer_choices"] and jo["picked_misses"] == ["move.non_apology"]

    order = client.get("/api/debriefs/order", params=[("participant", "Alex"), ("participant", "Jo"), ("participant", "Kai")])
    assert order.status_code == 200
    assert [s["participant"] for s in order.json()["order"]] == ["Kai", "Jo", "Alex"]
    assert set(order.json()["prompts"]) == {"worked", "felt_off", "try_next"}

    patterns = client.get("/api/debriefs/patterns")
    assert patterns.status_code == 200
    counts = {k["kind"]: k["count"] for k in patterns.json()["misses"]}
    assert counts["move.defensive"] >= 1 and counts["move.non_apology"] >= 1
    billing = {"X-Heard-Team": "billing"}
    assert client.get(f"/api/debriefs/{body['id']}", headers=billing).json() == body
    assert body["id"] in [d["id"] for d in client.get("/api/debriefs", headers=billing).json()["data"]]
    assert body["id"] in [d["id"] for d in client.get("/api/debriefs", headers=COACH).json()["data"]]


def test_debriefs_about_a_conversation_follow_its_rule(client, web_store):
    """The notes quote the conversation: another team's agents do not read them (nor link to it)."""
    billing, orders = {"X-Heard-Team": "billing"}, {"X-Heard-Team": "orders"}
    about = {"title": "Charged twice", "conversation_id": web_store.ids["bill-2"],
             "entries": [{"participant": "Ada", "worked": "Lee Grant calmed down once we offered a refund."}]}
    made = client.post("/api/debriefs", headers=billing, json=about).json()
    loose = client.post("/api/debriefs", headers=orders, json={"title": "A rough week", "entries": [{"participant": "Bo"}]}).json()
    assert_error(client.get(f"/api/debriefs/{made['id']}", headers=orders), 404)
    assert client.get(f"/debriefs/{made['id']}", headers=orders).status_code == 404
    listed = [d["id"] for d in client.get("/api/debriefs", headers=orders).json()["data"]]
    assert made["id"] not in listed and loose["id"] in listed  # a debrief about no conversation is everyone's
    assert "Lee Grant calmed down" not in client.get("/debriefs", headers=orders).text
    assert_error(client.post("/api/debriefs", headers=orders, json=about), 404)
    assert client.get(f"/api/debriefs/{made['id']}", headers=COACH).status_code == 200


@pytest.mark.parametrize("method, path, kwargs, status", [
    ("get", "/api/debriefs/9999", {}, 404),
    ("get", "/api/debriefs/order", {}, 422),
    ("post", "/api/debriefs", {"json": {"title": "x", "entries": []}}, 422),
    ("post", "/api/debriefs", {"json": {"title": "x", "conversation_id": 9999, "entries": [{"participant": "Jo"}]}}, 404),
    ("post", "/api/debriefs", {"json": {"title": "x", "entries": [{"participant": "Jo"}, {"participant": "Jo"}]}}, 400),
])
def test_debrief_errors_have_one_shape(client, method, path, kwargs, status):
    assert_error(getattr(client, method)(path, **kwargs), status)


def test_debrief_pages_order_save_and_show(client, web_store):
    form = client.get("/debriefs/new", params={"participants": "Zed, Alex", "title": "Rough morning"})
    assert form.status_code == 200
    assert form.text.index('data-participant="Zed"') < form.text.index('data-participant="Alex"')
    response = client.post("/debriefs", data={
        "title": "Rough morning", "conversation_id": "",
        "entry-0-participant": "Zed", "entry-0-worked": "Sam took ownership of the refund.",
        "entry-0-felt_off": "", "entry-0-try_next": "Offer options sooner.", "entry-0-moves": "move.apology",
        "entry-1-participant": "Alex", "entry-1-worked": "", "entry-1-felt_off": "The reply was canned.",
        "entry-1-try_next": "", "entry-1-misses": ["move.generic", "move.defensive"],
    }, follow_redirects=False)
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert page.status_code == 200 and "Sam took ownership of the refund." in page.text
    saved = client.get("/api" + response.headers["location"], headers=COACH).json()
    assert [e["participant"] for e in saved["entries"]] == ["Zed", "Alex"]
    assert saved["entries"][0]["picked_moves"] == ["move.apology"]
    assert saved["entries"][1]["picked_misses"] == ["move.generic", "move.defensive"]
    index = client.get("/debriefs")
    assert index.status_code == 200 and 'data-kind="move.generic"' in index.text


def test_practice_on_a_case_file_from_the_library(client, web_store):
    from heard.store import case_files
    from heard.store.db import open_store

    sessions = open_store(web_store.settings.database_url)
    with sessions() as session:
        case_file = case_files.create_case_file(session=session, conversation_id=web_store.ids["bill-2"],
                                                title="Charged twice: from policy to a path", visibility="shared")
        session.commit()
        case_file_id = case_file.id
    sessions.kw["bind"].dispose()
    sources = client.get("/api/practice", headers=COACH).json()["sources"]
    assert {"conversation_id": web_store.ids["bill-2"], "case_file_id": case_file_id, "redacted": False,
            "title": "Charged twice: from policy to a path", "detail": "case file"} in sources
    response = client.post("/api/practice", json={"case_file_id": case_file_id, "trainee": "Robin"}, headers=COACH)
    assert response.status_code == 201, response.text
    assert response.json()["conversation_id"] == web_store.ids["bill-2"]
    assert_error(client.post("/api/practice", json={"case_file_id": 9999, "trainee": "Robin"}), 404)
    page = client.post("/practice", data={"source": f"case_file:{case_file_id}", "trainee": "Robin"}, headers=COACH,
                       follow_redirects=False)
    assert page.status_code == 303


def test_practice_follows_the_case_file_rules_for_an_agent_of_another_team(client, web_store):
    shared = client.post("/api/case-files", headers=COACH, json={
        "conversation_id": web_store.ids["gift-1"], "title": "Maya's birthday parcel", "visibility": "shared"}).json()
    team_only = client.post("/api/case-files", headers=COACH, json={
        "conversation_id": web_store.ids["call-3"], "title": "Line drops", "visibility": "team"}).json()
    billing = agent_of("bill-2")
    sources = client.get("/api/practice", headers=billing).json()["sources"]
    mine = next(s for s in sources if s["case_file_id"] == shared["id"])
    assert mine["redacted"] is True and mine["title"] == "Customer A's birthday parcel"
    assert team_only["id"] not in {s["case_file_id"] for s in sources}
    assert_error(client.post("/api/practice", json={"case_file_id": team_only["id"], "trainee": "Robin"},
                             headers=billing), 404)
    assert_error(client.post("/api/practice", json={"conversation_id": web_store.ids["call-3"], "trainee": "Robin"},
                             headers=billing), 404)

    response = client.post("/api/practice", json={"case_file_id": shared["id"], "trainee": "Robin"}, headers=billing)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["redacted"] is True
    assert (body["conversation"]["customer"], body["conversation"]["agent"]) == ("Customer A", "Agent B")
    body = send(client, body["id"], "Maya, that sounds really stressful. I'll personally make sure it gets there.",
                headers=billing)
    reply = body["turns"][0]["reply"]
    assert reply.startswith("Customer A, that sounds really stressful.")
    named = next(f for f in body["turns"][0]["findings"] if f["kind"] == "move.name_feeling")
    assert reply[named["start"]:named["end"]] == named["evidence"]
    while body["status"] == "open":
        body = send(client, body["id"], "I'm glad. I'll update you by 3 pm tomorrow.", headers=billing)
    assert "Maya" not in str(body) and "Sam" not in str(body)
    assert body["comparison"]["turns"][0]["real_reply"].startswith("That sounds really stressful")
    # the same attempt, read by a coach (or the conversation's team), has the real words
    coach_view = client.get(body["api_url"], headers=COACH).json()
    assert coach_view["redacted"] is False and coach_view["turns"][0]["reply"].startswith("Maya, that sounds")
    page = client.get(body["url"], headers=billing)
    assert page.status_code == 200 and "Redacted view" in page.text and "Maya" not in page.text


def test_the_debrief_form_offers_an_agent_only_their_teams_conversations(client, web_store):
    page = client.get("/debriefs", headers=agent_of("gift-1"))
    assert page.status_code == 200
    assert f'<option value="{web_store.ids["gift-1"]}">' in page.text
    assert f'<option value="{web_store.ids["bill-2"]}">' not in page.text
    assert f'<option value="{web_store.ids["bill-2"]}">' in client.get("/debriefs", headers=COACH).text
