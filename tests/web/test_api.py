"""The JSON API and the pages, through FastAPI's in-process client: status first, then the body."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from fastapi.testclient import TestClient

from heard.analyze.detect import detect_message
from heard.analyze.pipeline import Analyzer
from heard.analyze.trajectory import valence
from heard.web import create_app
from heard.web.templating import group_of

TEMPLATES = Path(__file__).parents[2] / "src" / "heard" / "web" / "templates"


def assert_error(response, status: int) -> dict:
    """Pin the one error shape every /api route answers with."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "errors", "status"}
    assert body["ok"] is False
    assert body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list) and body["errors"] and all(isinstance(e, str) for e in body["errors"])
    return body


class Tags(HTMLParser):
    """Every start tag with its attributes, in order."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag=None, **attrs):
        return [a for t, a in self.tags if (tag is None or t == tag)
                and all(a.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())]


def all_conversations(client) -> list[dict]:
    response = client.get("/api/conversations", params={"per_page": 200})
    assert response.status_code == 200
    return response.json()["data"]


def case_file(client, web_store, external_id: str) -> dict:
    response = client.get(f"/api/conversations/{web_store.ids[external_id]}")
    assert response.status_code == 200, response.text
    return response.json()


# -- the list -------------------------------------------------------------------------------------
def test_conversations_list_returns_data_and_count(client):
    response = client.get("/api/conversations")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"data", "count"}
    assert body["count"] == 4
    assert {c["external_id"] for c in body["data"]} == {"gift-1", "bill-2", "call-3", "social-4"}
    gift = next(c for c in body["data"] if c["external_id"] == "gift-1")
    assert gift["url"] == f"/conversations/{gift['id']}"
    assert gift["has_recovery"] is True and gift["broken_promises"] == 0
    assert [e["label"] for e in gift["emotions"]][0] == "anxiety"
    assert gift["emotions"][-1]["valence"] > 0


@pytest.mark.parametrize(
    "params, holds",
    [
        ({"channel": "phone"}, lambda c: c["channel"] == "phone"),
        ({"agent": "Sam Lee"}, lambda c: c["agent"] == "Sam Lee"),
        ({"queue": "billing"}, lambda c: c["queue"] == "billing"),
        ({"score_min": 50}, lambda c: c["score"] is not None and c["score"] >= 50),
        ({"score_max": 50}, lambda c: c["score"] is not None and c["score"] <= 50),
        ({"score_min": 10, "score_max": 90}, lambda c: c["score"] is not None and 10 <= c["score"] <= 90),
        ({"emotion": "anxiety"}, lambda c: "anxiety" in {e["label"] for e in c["emotions"]}),
        ({"emotion": "anger"}, lambda c: "anger" in {e["label"] for e in c["emotions"]}),
        ({"has_recovery": "true"}, lambda c: c["has_recovery"]),
        ({"has_recovery": "false"}, lambda c: not c["has_recovery"]),
        ({"broken_promise": "true"}, lambda c: c["broken_promises"] > 0),
        ({"broken_promise": "false"}, lambda c: c["broken_promises"] == 0),
        ({"q": "birthday"}, lambda c: "birthday" in (c["subject"] or "").lower()),
        ({"channel": "chat", "has_recovery": "true"}, lambda c: c["channel"] == "chat" and c["has_recovery"]),
    ],
)
def test_conversations_filter_keeps_exactly_the_matching_ones(client, params, holds):
    everything = all_conversations(client)
    response = client.get("/api/conversations", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    expected = {c["id"] for c in everything if holds(c)}
    assert {c["id"] for c in body["data"]} == expected
    assert body["count"] == len(expected)


@pytest.mark.parametrize(
    "params, external_ids",
    [
        ({"channel": "phone"}, {"call-3"}),
        ({"emotion": "anxiety"}, {"gift-1"}),
        ({"broken_promise": "true"}, {"bill-2"}),
        ({"q": "router"}, {"call-3"}),
    ],
)
def test_conversations_filter_finds_the_seeded_cases(client, params, external_ids):
    response = client.get("/api/conversations", params=params)
    assert response.status_code == 200
    assert external_ids <= {c["external_id"] for c in response.json()["data"]}
    assert response.json()["count"] >= 1


def test_conversations_recovery_filter_splits_the_set(client):
    yes = client.get("/api/conversations", params={"has_recovery": "true"})
    no = client.get("/api/conversations", params={"has_recovery": "false"})
    assert yes.status_code == no.status_code == 200
    with_recovery = {c["external_id"] for c in yes.json()["data"]}
    assert {"gift-1", "call-3"} <= with_recovery
    assert with_recovery.isdisjoint(c["external_id"] for c in no.json()["data"])
    assert yes.json()["count"] + no.json()["count"] == 4


@pytest.mark.parametrize(
    "sort, key, descending",
    [
        ("newest", "started_at", True),
        ("oldest", "started_at", False),
        ("score", "score", True),
        ("-score", "score", False),
        ("satisfaction", "satisfaction", True),
        ("-satisfaction", "satisfaction", False),
    ],
)
def test_conversations_sort_orders_by_key_with_blanks_last(client, sort, key, descending):
    response = client.get("/api/conversations", params={"sort": sort})
    assert response.status_code == 200
    values = [c[key] for c in response.json()["data"]]
    present = [v for v in values if v is not None]
    assert values == present + [None] * (len(values) - len(present))
    assert present == sorted(present, reverse=descending)
    assert len(set(present)) > 1  # the order is actually tested


def test_conversations_sort_newest_puts_the_latest_first(client):
    response = client.get("/api/conversations", params={"sort": "newest"})
    assert response.status_code == 200
    assert [c["external_id"] for c in response.json()["data"]] == ["call-3", "bill-2", "gift-1", "social-4"]


def test_conversations_pages_partition_the_result(client):
    first = client.get("/api/conversations", params={"per_page": 3, "page": 1, "sort": "oldest"})
    second = client.get("/api/conversations", params={"per_page": 3, "page": 2, "sort": "oldest"})
    assert first.status_code == second.status_code == 200
    assert first.json()["count"] == second.json()["count"] == 4
    assert len(first.json()["data"]) == 3 and len(second.json()["data"]) == 1
    ids = [c["id"] for c in first.json()["data"] + second.json()["data"]]
    assert sorted(ids) == sorted(c["id"] for c in all_conversations(client))


def test_conversations_blank_form_fields_mean_any(client):
    response = client.get("/api/conversations?channel=&agent=&score_min=&score_max=&emotion=&has_recovery=&sort=")
    assert response.status_code == 200
    assert response.json()["count"] == 4


@pytest.mark.parametrize(
    "query, field",
    [
        ("score_min=abc", "score_min"),
        ("score_max=101", "score_max"),
        ("sort=loudest", "sort"),
        ("channel=fax", "channel"),
        ("emotion=smug", "emotion"),
        ("page=0", "page"),
        ("has_recovery=maybe", "has_recovery"),
    ],
)
def test_conversations_bad_query_is_a_422_naming_the_field(client, query, field):
    body = assert_error(client.get(f"/api/conversations?{query}"), 422)
    assert body["errors"][0].startswith(f"{field}:")


# -- the case file ----------------------------------------------------------------------------------
def test_case_file_has_messages_findings_and_exact_evidence(client, web_store):
    case = case_file(client, web_store, "gift-1")
    assert set(case) >= {"conversation", "messages", "findings", "trajectory", "scorecard", "promises", "transfers"}
    assert case["conversation"]["external_id"] == "gift-1"
    texts = {m["id"]: m["text"] for m in case["messages"]}
    assert [m["id"] for m in case["messages"]] == ["m1", "m2", "m3", "m4"]
    for i, f in enumerate(case["findings"]):
        assert f["index"] == i
        assert f["evidence"] == texts[f["message_id"]][f["start"]:f["end"]]
        assert set(f) >= {"kind", "message_id", "start", "end", "evidence", "score", "detector",
                          "detector_version", "rationale", "intensity", "due_at"}
        assert f["group"] == group_of(f["kind"])
    named = [f for f in case["findings"] if f["kind"] == "move.name_feeling"]
    assert "That sounds really stressful" in [f["evidence"] for f in named]
    for m in case["messages"]:
        assert m["findings"] == [f["index"] for f in case["findings"] if f["message_id"] == m["id"]]


def test_case_file_scorecard_points_link_to_their_evidence(client, web_store):
    case = case_file(client, web_store, "gift-1")
    card = case["scorecard"]
    assert card["rubric"] == "Heard default"
    assert 0 <= card["total"] <= 100
    by_item = {p["item"]: p for p in card["points"]}
    assert by_item["name_feeling"]["applicable"] and by_item["name_feeling"]["earned"] == by_item["name_feeling"]["points"]
    for point in card["points"]:
        kinds = {case["findings"][i]["kind"] for i in point["evidence"]}
        assert bool(point["evidence"]) == (point["earned"] > 0)
        assert all(case["findings"][i]["evidence"] for i in point["evidence"])
        if point["item"] == "name_feeling":
            assert kinds == {"move.name_feeling"}
    assert not by_item["defensive"]["earned"] and by_item["defensive"]["is_cost"]


def test_case_file_costs_and_missed_promise(client, web_store):
    case = case_file(client, web_store, "bill-2")
    by_item = {p["item"]: p for p in case["scorecard"]["points"]}
    assert by_item["defensive"]["is_cost"] and by_item["defensive"]["earned"] == 15
    assert by_item["promise_missed"]["earned"] == 15
    missed = [(p["due_at"], p["evidence"]) for p in case["promises"] if p["status"] == "missed"]
    assert ("2026-03-06T12:00:00Z", "I'll get back to you by Friday noon") in missed
    harmful = {f["kind"] for f in case["findings"] if f["harmful"]}
    assert {"move.defensive", "move.non_apology"} <= harmful


def test_case_file_trajectory_is_signed_by_emotion(client, web_store):
    case = case_file(client, web_store, "gift-1")
    points = case["trajectory"]
    assert [p["message_id"] for p in points] == ["m1", "m3"]
    assert points[0]["valence"] < 0 < points[-1]["valence"]
    for p in points:
        assert p["valence"] == valence(p["label"], p["intensity"])
    message = {m["id"]: m for m in case["messages"]}
    assert message["m1"]["emotion"]["label"] == points[0]["label"]
    assert message["m2"]["emotion"] is None


def test_case_file_neutral_emotion_has_zero_valence(client, web_store):
    points = case_file(client, web_store, "social-4")["trajectory"]
    assert [(p["label"], p["valence"]) for p in points] == [("neutral", 0)]


def test_case_file_transfers_and_phone_times(client, web_store):
    case = case_file(client, web_store, "call-3")
    assert case["transfers"]
    assert {case["findings"][i]["kind"] for i in case["transfers"]} == {"conversation.transfer"}
    kinds = {case["findings"][i]["kind"] for i in case["conversation_findings"]}
    assert {"conversation.transfer", "conversation.recovery"} <= kinds
    first = case["messages"][0]
    assert (first["start_s"], first["end_s"]) == (0, 9.5)


def test_case_file_unknown_id_is_a_404_in_the_error_shape(client):
    body = assert_error(client.get("/api/conversations/999999"), 404)
    assert "999999" in body["error"]


def test_case_file_non_numeric_id_is_a_422(client):
    assert_error(client.get("/api/conversations/abc"), 422)


def test_unknown_api_route_is_a_404_in_the_error_shape(client):
    assert_error(client.get("/api/nothing-here"), 404)


def test_wrong_method_is_a_405_in_the_error_shape(client):
    assert_error(client.delete("/api/conversations"), 405)


# -- detect ----------------------------------------------------------------------------------------
def test_detect_answers_like_detect_message(client, web_store):
    record = {"id": "x1", "role": "customer", "text": "I'm so worried my order won't arrive before the wedding!",
              "context": "Thanks for waiting."}
    response = client.post("/api/detect", json=record)
    assert response.status_code == 200, response.text
    body = response.json()
    expected = detect_message(record, Analyzer.from_names(web_store.settings.detector_names))
    assert body == expected
    assert body["id"] == "x1"
    for f in body["findings"]:
        assert set(f) == {"kind", "start", "end", "score", "rationale"}
        assert 0 <= f["start"] < f["end"] <= len(record["text"])


def test_detect_leaves_emotion_out_for_agents(client):
    response = client.post("/api/detect", json={"id": 7, "role": "agent", "text": "I'll fix this today."})
    assert response.status_code == 200
    assert "emotion" not in response.json()
    assert response.json()["id"] == 7


def test_half_a_surrogate_pair_in_a_json_body_is_a_422_naming_the_field(client):
    body = '{"id": 8, "role": "customer", "text": "ok", "context": "half \\udc00 a character"}'
    response = client.post("/api/detect", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"] == "context: not Unicode (an unpaired surrogate escape \\udc00)"
    paired = '{"role": "customer", "text": "a whole one \\ud83d\\ude00"}'
    assert client.post("/api/detect", content=paired, headers={"Content-Type": "application/json"}).status_code == 200


def test_detect_builds_the_analyzer_once(client):
    assert client.post("/api/detect", json={"role": "customer", "text": "hi"}).status_code == 200
    first = client.app.state.analyzer
    assert client.post("/api/detect", json={"role": "customer", "text": "hello"}).status_code == 200
    assert client.app.state.analyzer is first is not None


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"role": "customer"}, "text"),
        ({"role": "manager", "text": "hi"}, "role"),
        ({"role": "agent", "text": 5}, "text"),
    ],
)
def test_detect_bad_body_is_a_422_naming_the_field(client, payload, field):
    body = assert_error(client.post("/api/detect", json=payload), 422)
    assert body["errors"][0].startswith(f"{field}:")


def test_detect_invalid_json_is_a_422(client):
    assert_error(client.post("/api/detect", content=b"{not json", headers={"content-type": "application/json"}), 422)


# -- docs ------------------------------------------------------------------------------------------
def test_openapi_lists_the_api_routes_and_not_the_pages(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/conversations", "/api/conversations/{conversation_id}", "/api/detect"} <= set(paths)
    assert "/" not in paths and "/conversations/{conversation_id}" not in paths
    schemas = response.json()["components"]["schemas"]
    assert {"ConversationPublic", "ConversationsPublic", "CaseFilePublic"} <= set(schemas)


def test_docs_page_is_served(client):
    response = client.get("/docs")
    assert response.status_code == 200
    assert "text/html" in response.headers["content-type"]
    assert "/openapi.json" in response.text
    assert "cdn" not in response.text  # works offline: the explorer's files come from the package
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


# -- pages -----------------------------------------------------------------------------------------
def test_case_file_page_escapes_conversation_text(client, web_store):
    response = client.get(f"/conversations/{web_store.ids['gift-1']}")
    assert response.status_code == 200
    html = response.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The JSON twin carries the text as it is: JSON is data, not markup.
    case = case_file(client, web_store, "gift-1")
    assert "<script>alert('x')</script>" in case["messages"][0]["text"]


def test_case_file_page_marks_every_finding_and_links_resolve(client, web_store):
    case = case_file(client, web_store, "gift-1")
    response = client.get(f"/conversations/{web_store.ids['gift-1']}")
    assert response.status_code == 200
    tags = Tags(response.text)
    ids = {a["id"] for _, a in tags.tags if "id" in a}
    for f in case["findings"]:
        anchors = tags.find("mark", id=f"f-{f['index']}")
        assert len(anchors) == 1, f
        mark = anchors[0]
        assert mark["data-kind"] == f["kind"]
        assert mark["tabindex"] == "0"
        assert f["kind"].replace(".", "-") in mark["class"].split()
        assert mark["aria-describedby"] == f"tip-{f['index']}" and f"tip-{f['index']}" in ids
        assert ("harmful" in mark["class"].split()) == f["harmful"]
    links = [a["href"] for _, a in tags.tags if a.get("href", "").startswith("#f-")]
    assert links and all(href[1:] in ids for href in links)
    for point in case["scorecard"]["points"]:
        for i in point["evidence"]:
            assert f"#f-{i}" in links


def test_case_file_page_draws_the_trajectory_with_a_table(client, web_store):
    response = client.get(f"/conversations/{web_store.ids['gift-1']}")
    assert response.status_code == 200
    tags = Tags(response.text)
    svg = tags.find("svg", role="img")
    assert svg and svg[0]["aria-labelledby"] == "traj-title traj-desc"
    assert len(tags.find("circle")) == 2
    assert tags.find("polyline")
    assert "The same as a table" in response.text


def test_case_file_page_unknown_id_is_a_friendly_404_page(client):
    response = client.get("/conversations/999999")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "No conversation with id 999999." in response.text
    assert "Back to the conversations" in response.text


def test_list_page_renders_rows_and_reflects_filters(client):
    response = client.get("/", params={"channel": "phone", "sort": "score"})
    assert response.status_code == 200
    assert response.text.startswith("<!doctype html>")
    tags = Tags(response.text)
    rows = [a for t, a in tags.tags if t == "tr" and "data-id" in a]
    assert len(rows) == 1
    selected = [a["value"] for a in tags.find("option") if "selected" in a]
    assert selected == ["coach", "phone", "score"]  # the "Viewing as" role (the app's default), then the filters
    form = tags.find("form", role="search")[0]
    assert form["method"] == "get" and form["action"] == "/"
    assert form["hx-get"] == "/" and form["hx-target"] == "#results" and form["hx-push-url"] == "true"


def test_list_page_answers_htmx_with_the_results_only(client):
    response = client.get("/", params={"broken_promise": "true"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="results"')
    assert "<html" not in response.text
    assert "Charged twice for March" in response.text and "Birthday gift" not in response.text
    assert response.headers["vary"] == "HX-Request"


def test_list_page_history_restore_gets_the_whole_page(client):
    response = client.get("/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert response.status_code == 200
    assert "<html" in response.text


def test_list_page_paginates_with_links_that_keep_the_filters(client):
    response = client.get("/", params={"per_page": 2, "sort": "oldest"})
    assert response.status_code == 200
    assert "page 1 of 2" in response.text
    nxt = Tags(response.text).find("a", rel="next")[0]
    assert nxt["href"] == "/?sort=oldest&per_page=2&page=2"
    second = client.get(nxt["href"])
    assert second.status_code == 200 and "page 2 of 2" in second.text


def test_list_page_bad_filter_is_a_friendly_422_page(client):
    response = client.get("/", params={"score_min": "lots"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "score_min" in response.text


def test_list_page_escapes_subjects(client):
    response = client.get("/", params={"q": "<script>"})
    assert response.status_code == 200
    assert 'value="&lt;script&gt;"' in response.text


def test_static_files_are_local(client):
    assert client.get("/static/heard.css").status_code == 200
    response = client.get("/static/htmx.min.js")
    assert response.status_code == 200 and "htmx" in response.text[:200]
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text, template.name


def test_templates_never_mark_text_safe():
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", "") and "autoescape false" not in text, template.name


def test_served_app_warms_its_models_and_redaction_up_in_the_background(web_store):
    import threading

    from heard.privacy import redact

    with TestClient(create_app(web_store.settings, warm_up=True)) as client:
        warm = next(t for t in threading.enumerate() if t.name == "heard-warm-up")
        warm.join(timeout=120)
        assert not warm.is_alive()
        assert client.app.state.analyzer is not None and redact._REDACTOR is not None
    assert create_app(web_store.settings).state.analyzer is None  # tests and tools: nothing loads until asked
