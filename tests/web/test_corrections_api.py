"""Corrections over the JSON API and the case-file page's forms: status first, then the body."""

from __future__ import annotations

import re

import pytest

from heard.analyze.detector import DetectorInfo
from heard.model import Finding, Span
from heard.store import analyses, conversations
from heard.store.db import open_store

from .conftest import build_store
from .test_api import Tags, assert_error

COACH = {"X-Heard-Role": "coach"}
AGENT = {"X-Heard-Role": "agent"}
MODEL_EVIDENCE = "Update as promised: the new parcel left the depot this morning and arrives Friday."


@pytest.fixture(scope="module")
def web_store(tmp_path_factory, default_role):
    """The web test store, plus one learned-model finding (moves_model) with its score."""
    store = build_store(tmp_path_factory.mktemp("corrections"), default_role=default_role)
    sessions = open_store(store.settings.database_url)
    with sessions() as session:
        row = conversations.get_conversation(session=session, conversation_id=store.ids["gift-1"])
        analysis = analyses.load_analysis(session=session, row=row)
        model = Finding("move.closure", Span("m4", 0, len(MODEL_EVIDENCE)), 0.64, "moves_model", "1",
                        "the model says this closes the loop (0.64)")
        runs = [DetectorInfo(r.detector, r.detector_version, ()) for r in analyses.detector_runs(session=session, row=row)]
        analyses.save_analysis(session=session, row=row, analysis=type(analysis)(analysis.conversation,
                               analysis.findings + (model,)), score=row.score, detectors=runs)
        session.commit()
    sessions.kw["bind"].dispose()
    return store


def case(client, web_store, external_id: str) -> dict:
    response = client.get(f"/api/conversations/{web_store.ids[external_id]}")
    assert response.status_code == 200, response.text
    return response.json()


def index_of(body: dict, kind: str, evidence: str) -> int:
    return next(f["index"] for f in body["findings"] if f["kind"] == kind and f["evidence"] == evidence)


def url(web_store, external_id: str) -> str:
    return f"/api/conversations/{web_store.ids[external_id]}/corrections"


# -- model findings on the page ---------------------------------------------------------------------
def test_model_finding_shows_on_the_case_file_with_its_score(client, web_store):
    body = case(client, web_store, "gift-1")
    model = body["findings"][index_of(body, "move.closure", MODEL_EVIDENCE)]
    assert (model["detector"], model["score"], model["correction"]) == ("moves_model", 0.64, None)
    response = client.get(f"/conversations/{web_store.ids['gift-1']}")
    assert response.status_code == 200
    assert "moves_model v1, score 0.64" in response.text
    tip = re.search(rf'id="tip-{model["index"]}">(.*?)</span></span>', response.text, re.S)
    assert tip and "score 0.64 · moves_model v1" in tip.group(1)


# -- the JSON API -----------------------------------------------------------------------------------
def test_corrections_api_marks_a_finding_wrong_then_updates_it(client, web_store):
    body = case(client, web_store, "gift-1")
    i = index_of(body, "move.closure", MODEL_EVIDENCE)
    response = client.post(url(web_store, "gift-1"), headers=COACH,
                           json={"verdict": "wrong", "finding": i, "note": "a status update, not closure", "who": "Ana"})
    assert response.status_code == 201, response.text
    made = response.json()
    assert {k: made[k] for k in ("verdict", "kind", "message_id", "start", "end", "evidence", "detector",
                                 "detector_version", "score", "note", "who")} == {
        "verdict": "wrong", "kind": "move.closure", "message_id": "m4", "start": 0, "end": len(MODEL_EVIDENCE),
        "evidence": MODEL_EVIDENCE, "detector": "moves_model", "detector_version": "1", "score": 0.64,
        "note": "a status update, not closure", "who": "Ana (coach)"}

    again = client.post(url(web_store, "gift-1"), headers=COACH, json={"verdict": "wrong", "finding": i})
    assert again.status_code == 200
    assert again.json()["id"] == made["id"] and again.json()["note"] is None

    after = case(client, web_store, "gift-1")
    assert after["findings"][i]["correction"] == made["id"]
    assert [c["id"] for c in after["corrections"]] == [made["id"]]
    listed = client.get(url(web_store, "gift-1"))
    assert listed.status_code == 200
    assert listed.json()["count"] == 1 and listed.json()["data"][0]["id"] == made["id"]


def test_corrections_api_marks_missed_words(client, web_store):
    response = client.post(url(web_store, "call-3"), headers={"X-Heard-Role": "lead"}, json={
        "verdict": "missed", "message_id": "t3", "kind": "emotion.gratitude", "words": "thanks"})
    assert response.status_code == 201, response.text
    assert (response.json()["start"], response.json()["end"], response.json()["evidence"]) == (6, 12, "thanks")
    assert response.json()["who"] == "lead"


@pytest.mark.parametrize("payload, field, words", [
    ({"verdict": "missed", "message_id": "2", "kind": "move.sarcasm", "words": "policy"}, "kind", "unknown kind"),
    ({"verdict": "missed", "message_id": "2", "kind": "move.defensive", "start": 0, "end": 999}, "end",
     "999 is past the end of message '2'"),
    ({"verdict": "missed", "message_id": "2", "kind": "move.defensive", "words": "we cannot help"}, "words",
     "does not contain 'we cannot help'"),
    ({"verdict": "missed", "message_id": "2", "kind": "move.defensive", "words": "y"}, "words", "appears"),
    ({"verdict": "missed", "message_id": "9", "kind": "move.defensive", "words": "policy"}, "message_id",
     "has no message '9'"),
    ({"verdict": "wrong", "finding": 999}, "finding", "has no finding 999"),
    ({"verdict": "wrong", "message_id": "2", "kind": "move.defensive", "start": 1, "end": 4}, "finding",
     "no move.defensive finding at 1..4"),
])
def test_corrections_api_refuses_bad_input_naming_the_field(client, web_store, payload, field, words):
    body = assert_error(client.post(url(web_store, "bill-2"), headers=COACH, json=payload), 422)
    assert body["error"].startswith(f"{field}: ") and words in body["error"]


@pytest.mark.parametrize("payload, field", [
    ({"verdict": "maybe", "finding": 0}, "verdict"),
    ({"verdict": "missed", "message_id": "2", "kind": "move.defensive", "start": -1, "end": 3}, "start"),
    ({"finding": 0}, "verdict"),
])
def test_corrections_api_validates_the_shape(client, web_store, payload, field):
    body = assert_error(client.post(url(web_store, "bill-2"), headers=COACH, json=payload), 422)
    assert body["error"].startswith(f"{field}: ")


def test_corrections_api_is_for_coaches_and_leads(client, web_store):
    body = assert_error(client.post(url(web_store, "bill-2"), headers={**AGENT, "X-Heard-Team": "billing"},
                                    json={"verdict": "wrong", "finding": 0}), 403)  # even of the conversation's team
    assert "Only coaches and leads may correct findings; you are viewing as agent" in body["error"]
    # an agent who may not see the conversation is not told that it exists
    other = assert_error(client.post(url(web_store, "bill-2"), headers=AGENT, json={"verdict": "wrong", "finding": 0}), 404)
    assert other["error"].startswith("No conversation with id")
    bad_role = assert_error(client.post(url(web_store, "bill-2"), headers={"X-Heard-Role": "boss"},
                                        json={"verdict": "wrong", "finding": 0}), 400)
    assert "Unknown role 'boss'" in bad_role["error"]


def test_corrections_api_unknown_conversation_is_404(client):
    body = assert_error(client.post("/api/conversations/99999/corrections", headers=COACH,
                                    json={"verdict": "wrong", "finding": 0}), 404)
    assert body["error"] == "No conversation with id 99999."
    assert_error(client.get("/api/conversations/99999/corrections"), 404)


def test_corrections_api_delete_takes_a_correction_back(client, web_store):
    body = case(client, web_store, "social-4")
    i = index_of(body, "move.generic", "Thank you for contacting us. Your request has been received.")
    made = client.post(url(web_store, "social-4"), headers=COACH, json={"verdict": "wrong", "finding": i}).json()
    assert_error(client.delete(f"{url(web_store, 'social-4')}/{made['id']}", headers={**AGENT, "X-Heard-Team": "general"}), 403)
    assert_error(client.delete(f"{url(web_store, 'social-4')}/{made['id']}", headers=AGENT), 404)
    response = client.delete(f"{url(web_store, 'social-4')}/{made['id']}", headers=COACH)
    assert response.status_code == 204 and response.content == b""
    assert case(client, web_store, "social-4")["findings"][i]["correction"] is None
    assert_error(client.delete(f"{url(web_store, 'social-4')}/{made['id']}", headers=COACH), 404)


def test_corrections_api_is_documented_in_openapi(client):
    spec = client.get("/openapi.json").json()
    listing = spec["paths"]["/api/conversations/{conversation_id}/corrections"]
    assert set(listing) == {"get", "post"}
    assert {"201", "200", "403", "404", "422"} <= set(listing["post"]["responses"])
    assert "delete" in spec["paths"]["/api/conversations/{conversation_id}/corrections/{correction_id}"]
    create = spec["components"]["schemas"]["CorrectionCreate"]
    assert set(create["properties"]) >= {"verdict", "finding", "message_id", "kind", "start", "end", "words", "note"}
    assert "corrections" in spec["components"]["schemas"]["CaseFilePublic"]["properties"]


# -- the page's forms -------------------------------------------------------------------------------
def test_case_file_page_offers_corrections_to_coaches_only(client, web_store):
    cid = web_store.ids["bill-2"]
    coach = Tags(client.get(f"/conversations/{cid}?role=coach").text)
    n_findings = len(case(client, web_store, "bill-2")["findings"])
    wrong_forms = [a for t, a in coach.tags if t == "form" and "mark-wrong" in (a.get("class") or "")]
    corrected = sum(1 for f in case(client, web_store, "bill-2")["findings"] if f["correction"] is not None)
    assert len(wrong_forms) == n_findings - corrected
    assert all(a["action"] == f"/conversations/{cid}/corrections?role=coach" and a["method"] == "post" for a in wrong_forms)
    assert len(coach.find("input", name="verdict", value="missed")) == 3  # one "mark missed" form per message

    agent_page = client.get(f"/conversations/{cid}", headers={**AGENT, "X-Heard-Team": "billing"})
    assert agent_page.status_code == 200
    agent = Tags(agent_page.text)
    assert agent.find("form", method="post") == []
    assert "Coaches and leads can mark findings wrong or missed" in agent_page.text


def test_case_file_form_marks_missed_words_and_escapes_them(client, web_store):
    cid = web_store.ids["gift-1"]
    response = client.post(f"/conversations/{cid}/corrections?role=coach", follow_redirects=False, data={
        "verdict": "missed", "message_id": "m1", "kind": "concern.invisible", "words": "<b>bold</b>",
        "note": "<i>why</i>", "finding": "", "start": "", "end": "", "occurrence": ""})
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"/conversations/{cid}?role=coach#m-m1"
    page = client.get(response.headers["location"])
    assert page.status_code == 200
    assert "+ Missed</span> <strong>Concern: invisible</strong> “&lt;b&gt;bold&lt;/b&gt;”" in page.text
    assert "<b>bold</b>" not in page.text and "<i>why</i>" not in page.text


def test_case_file_form_marks_a_finding_wrong_and_the_page_strikes_it(client, web_store):
    cid = web_store.ids["call-3"]
    i = index_of(case(client, web_store, "call-3"), "move.name_feeling", "That sounds exhausting")
    response = client.post(f"/conversations/{cid}/corrections?role=lead", data={"verdict": "wrong", "finding": str(i),
                                                                                "note": "too quick"})
    assert response.status_code == 200  # followed the redirect
    tags = Tags(response.text)
    assert tags.find("mark", id=f"f-{i}")[0]["class"].endswith(" wrong")
    line = re.search(rf'<li id="finding-{i}" class="finding-line corrected".*?</li>', response.text, re.S)
    assert line and "✗ Marked wrong" in line.group(0) and "by lead: “too quick”" in line.group(0)
    assert "Undo" in line.group(0)


def test_case_file_form_refuses_agents_and_bad_input_with_a_page(client, web_store):
    cid = web_store.ids["call-3"]
    forbidden = client.post(f"/conversations/{cid}/corrections", headers=AGENT, data={"verdict": "wrong", "finding": "0"})
    assert forbidden.status_code == 403
    assert forbidden.headers["content-type"].startswith("text/html")
    assert "Only coaches and leads may correct findings" in forbidden.text
    bad = client.post(f"/conversations/{cid}/corrections?role=coach",
                      data={"verdict": "missed", "message_id": "t2", "kind": "move.ownership", "words": "I will"})
    assert bad.status_code == 422 and "words: message &#39;t2&#39; does not contain &#39;I will&#39;" in bad.text
    not_a_number = client.post(f"/conversations/{cid}/corrections?role=coach",
                               data={"verdict": "missed", "message_id": "t2", "kind": "move.ownership", "start": "x"})
    assert not_a_number.status_code == 422 and "start: &#39;x&#39; is not a whole number." in not_a_number.text
