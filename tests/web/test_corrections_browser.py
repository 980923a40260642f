"""A coach corrects a finding in a real browser (Debian's headless Chromium), with the keyboard."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def api(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path) as response:
        return json.load(response)


def test_coach_marks_a_finding_wrong_on_the_case_file_and_sees_it_struck(page: Page, server):
    base, store = server
    cid = store.ids["gift-1"]
    case = api(base, f"/api/conversations/{cid}")
    i = next(f["index"] for f in case["findings"]
             if f["kind"] == "move.name_feeling" and f["evidence"] == "That sounds really stressful")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base}/conversations/{cid}?role=coach")

    # Open the message's findings with the keyboard, write why, Tab to "Mark wrong" and press Enter.
    summary = page.locator("#m-m2 details.why > summary")
    summary.focus()
    page.keyboard.press("Enter")
    note = page.locator(f"#note-{i}")
    expect(note).to_be_visible()
    note.focus()
    page.keyboard.type("Agrees with the claim rather than naming the feeling")
    page.keyboard.press("Tab")
    button = page.locator(f"#finding-{i} button")
    expect(button).to_be_focused()
    expect(button).to_contain_text("Mark wrong")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert re.search(rf"/conversations/{cid}\?role=coach#m-m2$", page.url)
    expect(page.locator(f"mark#f-{i}")).to_have_class(re.compile(r"\bwrong\b"))
    assert "line-through" in page.locator(f"mark#f-{i}").evaluate("el => getComputedStyle(el).textDecorationLine")
    line = page.locator(f"#finding-{i}")
    expect(line).to_be_visible()  # the details stay open on a message with a correction
    expect(line).to_contain_text("✗ Marked wrong")
    expect(line).to_contain_text("Agrees with the claim rather than naming the feeling")
    expect(line.locator("s")).to_contain_text("Named the feeling")
    expect(page.locator("section.corrections")).to_contain_text("✗ Wrong: Named the feeling")

    stored = api(base, f"/api/conversations/{cid}/corrections")
    assert stored["count"] == 1
    assert {k: stored["data"][0][k] for k in ("verdict", "kind", "message_id", "evidence", "who")} == {
        "verdict": "wrong", "kind": "move.name_feeling", "message_id": "m2",
        "evidence": "That sounds really stressful", "who": "coach"}

    # Undo is a keyboard-reachable button too.
    undo = line.get_by_role("button", name=re.compile("Undo"))
    undo.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(f"mark#f-{i}")).not_to_have_class(re.compile(r"\bwrong\b"))
    assert api(base, f"/api/conversations/{cid}/corrections")["count"] == 0
    assert dialogs == []
