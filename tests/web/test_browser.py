"""The pages in a real browser: Debian's headless Chromium, driven by pytest-playwright's `page`.

The app runs under uvicorn in a background thread on a free 127.0.0.1 port (the `server`
fixture in conftest.py) for the module.
"""

from __future__ import annotations

import json
import urllib.request

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def api(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path) as response:
        return json.load(response)


def finding(case: dict, kind: str, evidence: str) -> dict:
    return next(f for f in case["findings"] if f["kind"] == kind and f["evidence"] == evidence)


def test_case_file_highlights_exact_evidence_and_shows_rationale_on_keyboard_focus(page: Page, server, dialogs):
    base, store = server
    cid = store.ids["gift-1"]
    case = api(base, f"/api/conversations/{cid}")
    named = finding(case, "move.name_feeling", "That sounds really stressful")
    page.goto(f"{base}/conversations/{cid}")

    mark = page.locator(f"mark#f-{named['index']}")
    expect(mark).to_be_visible()
    expect(mark).to_have_text("That sounds really stressful")
    expect(mark).to_have_attribute("data-kind", "move.name_feeling")
    tip = page.locator(f"#tip-{named['index']}")
    expect(tip).to_be_hidden()

    # Tab through the page until the mark has keyboard focus; its rationale appears.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == f"f-{named['index']}":
            break
    else:
        pytest.fail("the highlighted evidence is not reachable with the keyboard")
    expect(mark).to_be_focused()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(named["rationale"])

    # Every finding with a span is highlighted on exactly its words.
    for f in case["findings"]:
        pieces = page.locator(f'mark[data-finding="{f["index"]}"]')
        assert pieces.count() >= 1
        joined = "".join(pieces.nth(i).evaluate(
            "el => { const c = el.cloneNode(true); c.querySelectorAll('.tip').forEach(t => t.remove());"
            " return c.textContent; }") for i in range(pieces.count()))
        assert joined == f["evidence"], f
    assert dialogs == []


def test_case_file_renders_injected_markup_as_text(page: Page, server, dialogs):
    base, store = server
    page.goto(f"{base}/conversations/{store.ids['gift-1']}")
    text = page.locator("#m-m1 p.text")
    expect(text).to_contain_text("<script>alert('x')</script> and <b>bold</b>")
    assert page.locator("#m-m1 p.text b").count() == 0
    assert page.locator("main script").count() == 0
    page.wait_for_timeout(200)
    assert dialogs == []


def test_scorecard_link_lands_on_its_evidence(page: Page, server):
    base, store = server
    cid = store.ids["gift-1"]
    case = api(base, f"/api/conversations/{cid}")
    point = next(p for p in case["scorecard"]["points"] if p["item"] == "offer_choices")
    index = point["evidence"][0]
    page.set_viewport_size({"width": 1200, "height": 500})
    page.goto(f"{base}/conversations/{cid}")
    link = page.locator(f'.scorecard a[href="#f-{index}"]')
    link.scroll_into_view_if_needed()
    link.click()
    expect(page).to_have_url(f"{base}/conversations/{cid}#f-{index}")
    target = page.locator(":target")
    expect(target).to_have_id(f"f-{index}")
    expect(target).to_have_text(case["findings"][index]["evidence"])
    expect(target).to_be_in_viewport()


def test_harmful_moves_are_marked_by_more_than_colour(page: Page, server):
    base, store = server
    cid = store.ids["bill-2"]
    case = api(base, f"/api/conversations/{cid}")
    defensive = finding(case, "move.defensive", "As I already said, per our policy there's nothing we can do")
    page.goto(f"{base}/conversations/{cid}")
    mark = page.locator(f"#f-{defensive['index']}")
    expect(mark).to_be_visible()
    style = mark.evaluate("el => [getComputedStyle(el).textDecorationStyle, getComputedStyle(el, '::before').content]")
    assert style[0] == "wavy"
    assert "⚠" in style[1]
    good = page.locator("mark.g-ownership[id]").first
    assert good.evaluate("el => getComputedStyle(el).textDecorationStyle") != "wavy"


def test_case_file_chart_has_a_point_per_customer_emotion(page: Page, server):
    base, store = server
    page.goto(f"{base}/conversations/{store.ids['gift-1']}")
    expect(page.locator("svg.chart circle")).to_have_count(2)
    expect(page.get_by_role("img", name="How the customer felt")).to_be_visible()


def test_list_filter_change_swaps_the_table_with_htmx(page: Page, server):
    base, _ = server
    page.goto(base + "/")
    rows = page.locator("tr[data-id]")
    expect(rows).to_have_count(4)
    page.evaluate("window.__stillHere = true")  # survives only if the page is not reloaded

    page.get_by_label("Channel").select_option("phone")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Router keeps dropping")
    assert "channel=phone" in page.url
    assert page.evaluate("window.__stillHere") is True

    page.get_by_label("Broken promise").select_option("true")
    expect(page.locator(".count")).to_contain_text("0 conversations")
    page.get_by_label("Channel").select_option("")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Charged twice for March")
    assert page.evaluate("window.__stillHere") is True

    page.go_back()
    expect(page.locator(".count")).to_contain_text("0 conversations")


def test_list_filters_work_without_javascript(browser, server):
    base, _ = server
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + "/")
        expect(page.locator("tr[data-id]")).to_have_count(4)
        page.get_by_label("Channel").select_option("email")
        page.get_by_role("button", name="Apply").click()
        expect(page.locator("tr[data-id]")).to_have_count(1)
        assert "channel=email" in page.url
        expect(page.get_by_label("Channel")).to_have_value("email")
    finally:
        context.close()
