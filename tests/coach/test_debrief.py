"""Debriefs: quiet voices first, notes mapped to moves and misses, tone prompts, patterns."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from heard.coach import debrief
from heard.coach.debrief import DebriefCreate, DebriefEntryCreate, DebriefError
from heard.coach.practice import default_analyzer

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def analyzer():
    return default_analyzer()


@pytest.mark.parametrize("note, kinds", [
    # the detectors read quoted agent words
    ('I said "that sounds exhausting" and she calmed down.', ["move.name_feeling"]),
    ("As I already said, per our policy there's nothing we can do.", ["move.defensive"]),
    # the MENTIONS table reads words about moves
    ("Offering two options helped a lot.", ["move.offer_choices"]),
    ("I got defensive and hid behind the policy.", ["move.defensive"]),
    ("Next time I'd name her frustration and give a time for the update.", ["move.name_feeling", "move.checkpoint"]),
    ("I talked over him twice.", ["move.overtalk"]),
    ("The reply was canned.", ["move.generic"]),
    ("Lunch was late.", []),
    ("", []),
])
def test_mentioned_kinds_maps_notes_to_taxonomy_kinds(note, kinds, analyzer):
    assert debrief.mentioned_kinds(note, analyzer) == kinds


def test_classify_splits_moves_and_misses(analyzer):
    entry = DebriefEntryCreate(participant="Jo", worked="Offering two options helped.",
                               felt_off="I got defensive, and I never named her worry.",
                               try_next="Reflect back her concern about the trip.")
    moves, misses = debrief.classify(entry, analyzer)
    assert moves == ["move.offer_choices", "move.reflect_concern"]
    assert sorted(misses) == ["move.defensive", "move.name_feeling"]


@pytest.mark.parametrize("entry, prompt", [
    (dict(worked="x", felt_off="He was useless and never listened.", try_next="y"), "reads a little like blame"),
    (dict(worked="", felt_off="", try_next="y"), "Start with something that worked"),
    (dict(worked="x", felt_off="", try_next=""), "One thing you'd try next time"),
])
def test_tone_prompts_are_gentle_and_specific(entry, prompt, analyzer):
    prompts = debrief.tone_prompts(DebriefEntryCreate(participant="Jo", **entry), analyzer)
    assert any(prompt in p for p in prompts)


def test_tone_prompts_stay_quiet_for_an_appreciative_entry(analyzer):
    entry = DebriefEntryCreate(participant="Jo", worked="Sam named the worry first.", felt_off="The wait felt long.",
                               try_next="Offer a time for the next update.")
    assert debrief.tone_prompts(entry, analyzer) == []


@pytest.mark.parametrize("bad", [
    {"title": "x", "entries": []},
    {"title": "x", "entries": [{"participant": "  "}]},
    {"title": "x", "entries": [{"participant": "Jo", "picked_moves": ["move.charm"]}]},
])
def test_debrief_create_rejects_bad_input(bad):
    with pytest.raises(ValidationError):
        DebriefCreate.model_validate(bad)


def record(session, analyzer, day: int, **notes_by_person):
    body = DebriefCreate(title=f"Day {day}", held_at=T0 + timedelta(days=day), entries=[
        DebriefEntryCreate(participant=name, **notes) for name, notes in notes_by_person.items()])
    debrief.create_debrief(session=session, debrief_in=body, analyzer=analyzer)
    session.commit()


def test_quiet_voices_first_and_patterns_across_debriefs(sessions, analyzer):
    with sessions() as session:
        record(session, analyzer, 0,
               Sam={"worked": "Offering two options helped and I took ownership of the refund.",
                    "felt_off": "I got defensive when he raised his voice, I was not at my best today at all."},
               Jo={"worked": "ok", "picked_moves": ["move.offer_choices"]})
        record(session, analyzer, 1,
               Sam={"worked": "Naming her frustration first calmed the call right down for everyone."},
               Kai={"felt_off": "The first reply was canned.", "picked_misses": ["move.generic"]})
        order = debrief.speaking_order(session=session, participants=["Sam", "Kai", "Jo", "Ana", "Sam"])
        assert [p for p, _ in order] == ["Ana", "Jo", "Kai", "Sam"]  # new voices, then the quietest
        assert dict(order)["Ana"] == 0 and dict(order)["Sam"] > dict(order)["Kai"]
        found = debrief.patterns(session=session)
        assert found.debriefs == 2
        assert found.moves[0] == ("move.offer_choices", 2)  # Sam's note + Jo's tick
        assert dict(found.moves)["move.ownership"] == 1 and dict(found.moves)["move.name_feeling"] == 1
        assert dict(found.misses) == {"move.defensive": 1, "move.generic": 1}  # Kai's note + tick count once


def test_one_entry_per_participant(sessions, analyzer):
    body = DebriefCreate(title="x", entries=[DebriefEntryCreate(participant="Jo"), DebriefEntryCreate(participant="Jo")])
    with sessions() as session, pytest.raises(DebriefError, match="'Jo' appears twice"):
        debrief.create_debrief(session=session, debrief_in=body, analyzer=analyzer)
