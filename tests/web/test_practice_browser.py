"""The practice flow in a real browser (headless Chromium): start a role-play on a real
conversation, answer the customer, watch the state model react, finish on the side-by-side."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def default_role() -> str:
    return "agent"  # these tests speak as an agent unless they name a role


def calm(page: Page) -> int:
    return int(page.locator("#calm").get_attribute("data-calm"))


def send(page: Page, text: str) -> None:
    page.get_by_label("Your reply to the customer").fill(text)
    page.get_by_role("button", name="Send reply").click()


def test_practice_flow_calms_upsets_and_ends_on_the_side_by_side(page: Page, server, dialogs):
    base, store = server
    page.goto(f"{base}/practice")
    # an agent practises on their own team's conversations: say which team (placeholder for sign-in)
    expect(page.locator("#p-source option")).to_have_count(0)
    page.get_by_label("Team").fill("orders")
    page.get_by_role("button", name="Switch").click()
    expect(page.locator(".viewer-team")).to_have_text("orders")
    page.get_by_label("Case to practise").select_option(f"conversation:{store.ids['gift-1']}")
    page.get_by_label("Your name").fill("Robin")
    page.get_by_role("button", name="Start practice").click()

    expect(page).to_have_url(f"{base}/practice/" + page.url.rsplit("/", 1)[-1])
    first = page.locator("#turn-0")
    expect(first).to_contain_text("My son's birthday is on Saturday")
    expect(first).to_contain_text("<script>alert('x')</script>")  # the customer's words, escaped
    start = calm(page)

    # 1. Name the feeling (and own it, with choices): highlighted on exactly those words, and the
    #    customer calms down enough for the real customer's next turn to fit.
    send(page, "That sounds really stressful. I'll personally make sure it gets there: "
               "I can reship overnight today, or refund you now — which works better?")
    reply = page.locator("#reply-0")
    mark = reply.locator('mark[data-kind="move.name_feeling"]')
    expect(mark).to_have_text("That sounds really stressful")
    expect(reply.locator(".did-well")).to_contain_text("Named the feeling")
    expect(reply.locator(".calm-change.up")).to_contain_text("calms down")
    expect(reply.locator(".calm-change")).to_contain_text("You named how the customer feels")
    after_first = calm(page)
    assert after_first > start
    # the next real customer turn follows, and the page was updated in place (htmx)
    expect(page.locator("#turn-1")).to_contain_text("Thank you so much")
    assert page.url.endswith(page.url.rsplit("/", 1)[-1]) and "#latest" not in page.url

    # 2. A defensive reply: flagged as harmful, the customer gets more upset and pushes back
    #    with their own earlier words.
    send(page, "As I already said, per our policy there's nothing we can do.")
    bad = page.locator("#reply-1")
    expect(bad.locator('mark[data-kind="move.defensive"]')).to_be_visible()
    expect(bad.locator(".calm-change.down")).to_contain_text("gets more upset")
    assert calm(page) < after_first
    reaction = page.locator("#turn-2")
    expect(reaction).to_contain_text("reaction to your reply")
    expect(reaction).to_contain_text("My son's birthday is on Saturday")

    # 3. Recover, then the practice ends on the side-by-side with both scores and the real outcome.
    send(page, "I'm sorry for the delay on our end. I'll personally make sure the new parcel arrives by Friday.")
    sbs = page.locator("#side-by-side")
    expect(sbs).to_be_visible()
    expect(sbs.locator("table.sbs tbody tr")).to_have_count(2)
    expect(sbs.locator("td.real").first).to_contain_text("That sounds really stressful")
    expect(sbs.locator("td.you").first).to_contain_text("which works better?")
    expect(sbs.locator(".outcome")).to_contain_text("resolved")
    expect(sbs.locator(".total-you .score-num")).to_be_visible()
    expect(sbs.locator(".total-real .score-num")).to_be_visible()
    expect(page.get_by_label("Your reply to the customer")).to_have_count(0)

    # The attempt is saved: it shows on the practice page with its score.
    page.goto(f"{base}/practice?trainee=Robin")
    expect(page.locator("table.attempts-table tbody tr")).to_have_count(1)
    expect(page.locator("table.attempts-table tbody tr").first).to_contain_text("completed")
    assert dialogs == []


def test_practice_works_without_javascript(browser, server):
    base, store = server
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{base}/library/role?role=coach&next=/practice")
        expect(page.locator(".viewer-role")).to_have_text("coach")
        page.get_by_label("Case to practise").select_option(f"conversation:{store.ids['call-3']}")
        page.get_by_label("Your name").fill("Sky")
        page.get_by_role("button", name="Start practice").click()
        send(page, "That sounds exhausting. I'll stay with you until we find the cause.")
        expect(page).to_have_url(page.url.split("#")[0] + "#latest")
        expect(page.locator('#reply-0 mark[data-kind="move.name_feeling"]')).to_have_text("That sounds exhausting")
        expect(page.locator("#reply-0 .calm-change.up")).to_be_visible()
    finally:
        context.close()


def test_an_agent_of_another_team_practises_on_a_shared_case_file_with_placeholders(browser, server):
    from heard.library.case_files import create_case_file
    from heard.library.models import CaseFileCreate
    from heard.privacy.roles import Viewer
    from heard.store.db import open_store

    base, store = server
    sessions = open_store(store.settings.database_url)
    with sessions() as session:
        row = create_case_file(session=session, viewer=Viewer.parse("coach"), case_file_in=CaseFileCreate(
            conversation_id=store.ids["gift-1"], title="Maya's parcel", visibility="shared"))
        session.commit()
        case_file_id = row.id
    sessions.kw["bind"].dispose()
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{base}/library/role?role=agent&team=billing&next=/practice")
        option = page.locator(f'#p-source option[value="case_file:{case_file_id}"]')
        expect(option).to_have_text("Customer A's parcel (case file · redacted)")
        page.get_by_label("Case to practise").select_option(f"case_file:{case_file_id}")
        page.get_by_label("Your name").fill("Robin")
        page.get_by_role("button", name="Start practice").click()
        expect(page.locator(".redaction-note")).to_contain_text("Redacted view")
        send(page, "Maya, that sounds really stressful. I'll personally make sure it gets there.")
        expect(page.locator("#reply-0")).to_contain_text("Customer A, that sounds really stressful")
        expect(page.locator('#reply-0 mark[data-kind="move.name_feeling"]')).to_have_text("that sounds really stressful")
        assert "Maya" not in page.locator("main").inner_text()
    finally:
        context.close()
