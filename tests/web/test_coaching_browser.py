"""Shadowing feedback and debriefs in a real browser (headless Chromium): a coach fills the
feedback form on a conversation and the agent reads it; a team debriefs, quiet voices first, and
the patterns show."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def default_role() -> str:
    return "agent"  # these tests speak as an agent unless they name a role


def test_a_coach_gives_feedback_and_the_agent_reads_it(page: Page, server, dialogs):
    base, store = server
    page.goto(f"{base}/feedback")
    expect(page.locator("#fb-new-title + p")).to_contain_text("Coaches and leads give feedback")
    page.get_by_label("Role").select_option("coach")
    page.get_by_role("button", name="Switch").click()
    page.get_by_label("Conversation").select_option(str(store.ids["gift-1"]))
    page.get_by_role("button", name="Open the form").click()

    expect(page.locator("h1")).to_contain_text("Birthday gift stuck in transit")
    page.get_by_label("Your name (coach)").fill("Ana")
    # a line the scorecard earned starts as a strength, pointing at its evidence
    named = page.locator("fieldset.fb-item", has_text="Named the customer's feeling")
    expect(named.get_by_role("radio", name="Strength")).to_be_checked()
    expect(named.get_by_label("About these words (optional)")).to_have_value("m2:0:28")
    named.get_by_label("Note").fill("You named the stress before anything else.")
    # a line it did not earn: the coach asks for it, on the words where it would have fitted
    invite = page.locator("fieldset.fb-item", has_text="Invited the customer to say more")
    invite.get_by_role("radio", name="Work on").check()
    invite.get_by_label("Note").fill("Ask what else matters about Saturday.")
    invite.get_by_label("About these words (optional)").select_option("m2:108:177")
    page.get_by_label("Summary").fill("Warm, clear, owned it.")
    page.get_by_role("button", name="Save feedback").click()

    expect(page).to_have_url(f"{base}/feedback/" + page.url.rsplit("/", 1)[-1])
    expect(page.locator("h1")).to_have_text("Feedback for Sam Lee")
    line = page.locator("li.fb-line", has_text="Named the customer's feeling")
    expect(line).to_contain_text("You named the stress before anything else.")
    expect(line.locator("q")).to_have_text("That sounds really stressful")
    asked = page.locator("li.fb-line", has_text="Invited the customer to say more")
    expect(asked.locator(".pts")).to_have_text("Work on")
    expect(asked.locator("q")).to_have_text("I can reship overnight today, or refund you now — which works better?")
    feedback_url = page.url

    # the agent (of the conversation's team, orders): their feedback, listed by name, then read line by line
    page.goto(f"{base}/feedback")
    page.get_by_label("Role").select_option("agent")
    page.get_by_label("Team").fill("orders")
    page.get_by_role("button", name="Switch").click()
    expect(page.locator(".viewer-team")).to_have_text("orders")
    page.get_by_label("Agent", exact=True).select_option("Sam Lee")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#fb-list-title")).to_have_text("Feedback for Sam Lee")
    entry = page.locator("li.feedback-entry", has_text="Warm, clear, owned it.")
    expect(entry).to_contain_text("from Ana")
    entry.get_by_role("link").first.click()
    expect(page).to_have_url(feedback_url)
    expect(page.locator("li.fb-line", has_text="Invited the customer")).to_contain_text("Ask what else matters about Saturday.")
    assert dialogs == []


def test_a_debrief_invites_quiet_voices_first_and_shows_patterns(page: Page, server, dialogs):
    base, store = server
    # an earlier debrief: Alex spoke at length, Jo said a little, Kai was not there
    earlier = page.request.post(f"{base}/api/debriefs", data={"title": "Monday's outage", "entries": [
        {"participant": "Alex", "worked": "I stayed calm on the phone and explained the outage in plain words "
                                          "to every caller who asked, and I kept the queue moving all morning."},
        {"participant": "Jo", "worked": "Quick updates."}]})
    assert earlier.status == 201

    page.goto(f"{base}/library/role?role=agent&team=billing&next=/debriefs")  # the billing team debriefs
    page.get_by_label("What happened").fill("The double-charge escalation")
    page.get_by_label("Conversation (optional)").select_option(str(store.ids["bill-2"]))
    page.get_by_label("Who is here (comma-separated)").fill("Alex, Jo, Kai")
    page.get_by_role("button", name="Open the form").click()

    entries = page.locator("li.debrief-entry")
    expect(entries).to_have_count(3)
    assert [entries.nth(i).get_attribute("data-participant") for i in range(3)] == ["Kai", "Jo", "Alex"]
    expect(entries.first.locator("legend")).to_contain_text("1. Kai")
    expect(entries.first.locator(".prompt").first).to_have_text(
        "Start with something that worked, however small — yours or a teammate's.")

    kai, jo, alex = entries.nth(0), entries.nth(1), entries.nth(2)
    kai.get_by_label("What worked").fill("Jo offered two options and he calmed down.")
    kai.get_by_label("What I'd try next time").fill("Name the frustration first.")
    jo.get_by_label("What worked").fill("Alex kept his voice steady.")
    jo.locator("summary").click()
    jo.locator(".checks").nth(1).get_by_label("Non-apology").check()
    jo.get_by_label("What I'd try next time").fill("Offer a callback time.")
    alex.get_by_label("What felt off").fill("I got defensive and quoted the policy at him.")
    page.get_by_role("button", name="Save debrief").click()

    expect(page.locator("h1")).to_have_text("The double-charge escalation")
    saved = page.locator("li.debrief-entry")
    assert [saved.nth(i).get_attribute("data-participant") for i in range(3)] == ["Kai", "Jo", "Alex"]
    expect(saved.nth(0).locator('[data-kind="move.offer_choices"]')).to_be_visible()
    expect(saved.nth(1).locator('[data-kind="move.non_apology"]')).to_be_visible()
    expect(saved.nth(2).locator('[data-kind="move.defensive"]')).to_be_visible()
    # Alex left "what worked" empty: a gentle, appreciative suggestion, nothing blocked
    expect(saved.nth(2).locator(".prompt", has_text="Start with something that worked")).to_be_visible()
    expect(saved.nth(0).locator(".prompt")).to_have_count(0)  # Kai's entry is appreciative and complete

    page.get_by_role("link", name="See the patterns across debriefs").click()
    patterns = page.locator("#patterns")
    expect(patterns.locator("h2")).to_have_text("Patterns across 2 debriefs")
    expect(patterns.locator('.moves [data-kind="move.offer_choices"]')).to_be_visible()
    expect(patterns.locator('.misses [data-kind="move.defensive"]')).to_be_visible()
    expect(patterns.locator('.misses [data-kind="move.non_apology"]')).to_be_visible()
    expect(page.locator('[data-debrief] a', has_text="The double-charge escalation")).to_be_visible()
    assert dialogs == []
