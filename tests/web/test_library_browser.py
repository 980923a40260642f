"""The library in a real browser: a case file with a coach note on its exact words, and the
redacted view an agent of another team gets."""

from __future__ import annotations

import pytest

from heard.library.case_files import create_case_file
from heard.library.models import AnnotationCreate, CaseFileCreate
from heard.privacy.roles import Viewer
from heard.store.db import open_store

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def case_file_url(server):
    base, store = server
    sessions = open_store(store.settings.database_url)
    with sessions() as session:
        row = create_case_file(session=session, viewer=Viewer.parse("coach"), case_file_in=CaseFileCreate(
            conversation_id=store.ids["gift-1"], title="Maya's birthday parcel", lesson="Maya needed to hear the date.",
            visibility="shared",
            annotations=[AnnotationCreate(message_id="m1", quote="the tracking hasn't moved in four days", body="The stake."),
                         AnnotationCreate(kind="gap", message_id="m1", body="Here was the chance to name the feeling.")]))
        session.commit()
        case_file_id = row.id
    sessions.kw["bind"].dispose()
    return f"{base}/library/{case_file_id}"


def test_coach_sees_the_annotation_on_its_exact_words(page, case_file_url):
    page.goto(case_file_url + "?role=coach")
    note = page.locator("mark.annotation[id^='a-']")
    assert note.count() == 1 and note.inner_text() == "the tracking hasn't moved in four days"
    page.keyboard.press("Tab")
    for _ in range(40):  # keyboard reachable
        if page.evaluate("document.activeElement.matches('mark.annotation')"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "the tracking hasn't moved in four days"
    assert "Here was the chance to name the feeling." in page.locator(".gap-note").inner_text()
    assert "Maya" in page.locator("#m-m1 .author").inner_text()


def test_agent_sees_placeholders(page, case_file_url):
    page.goto(case_file_url + "?role=agent")
    assert "Redacted view" in page.locator(".redaction-note").inner_text()
    thread = page.locator(".thread").inner_text()
    assert "Maya" not in thread and "Customer A" in thread and "Agent B" in thread
    assert page.locator("h1").inner_text() == "Customer A's birthday parcel"
    assert page.locator("mark.annotation[id^='a-']").inner_text() == "the tracking hasn't moved in four days"
    assert page.locator("#annotate-form").count() == 0


def test_selecting_words_fills_the_annotation_form(page, case_file_url):
    page.goto(case_file_url + "?role=coach")
    page.evaluate("""() => {
        const text = document.querySelector('#m-m2 .text');
        const node = document.createTreeWalker(text, NodeFilter.SHOW_TEXT).nextNode();
        const range = document.createRange(); range.setStart(node, 0); range.setEnd(node, 4);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        document.dispatchEvent(new MouseEvent('mouseup'));
    }""")
    form = page.locator("#annotate-form")
    assert form.locator("[name=message_id]").input_value() == "m2"
    assert form.locator("[name=start]").input_value() == "0" and form.locator("[name=end]").input_value() == "4"
    form.locator("[name=body]").fill("Starts with the feeling.")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Starts with the feeling." in page.locator("#m-m2 .notes").inner_text()
