"""Debriefs after tense conversations: what worked, what felt off, what to try next time, from
each participant.

- **Quiet voices first.** `speaking_order` lists the participants who wrote least in the last
  `QUIET_WINDOW` debriefs first (someone new counts as 0 words); ties keep the order given.
- **Appreciative tone.** The form carries fixed prompts (`PROMPTS`); `tone_prompts` adds gentle
  ones to an entry that reads as blame or leaves a section empty. Nothing is blocked.
- **Patterns.** Each entry's notes are mapped to TAXONOMY kinds two ways: the detectors run over
  the notes (a quoted "that sounds exhausting" is a named feeling) and a small table of the words
  people use *about* moves (`MENTIONS`: "offered options" → `move.offer_choices`). Add the
  checkbox picks, and `patterns` counts the most-mentioned moves and misses across debriefs.
  Moves: good moves mentioned under "what worked" or "try next time", and picked as worked.
  Misses: harmful moves mentioned anywhere, good moves mentioned under "what felt off", and
  picked as missed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, Field, field_validator
from sqlalchemy.orm import Session

from heard.analyze.pipeline import Analyzer
from heard.errors import HeardError
from heard.model import HARMFUL_MOVES, Channel, Conversation, Message, Role
from heard.store import coaching, conversations
from heard.store.coach_tables import DebriefRow

__all__ = ["GOOD_MOVES", "MENTIONS", "MOVE_KINDS", "PROMPTS", "QUIET_WINDOW", "DebriefCreate", "DebriefEntryCreate",
           "DebriefError", "Patterns", "create_debrief", "mentioned_kinds", "patterns", "speaking_order", "tone_prompts"]

QUIET_WINDOW = 5
GOOD_MOVES = ("move.name_feeling", "move.reflect_concern", "move.reframe", "move.ownership", "move.offer_choices",
              "move.checkpoint", "move.invite_more", "move.apology", "move.closure")
MOVE_KINDS = GOOD_MOVES + tuple(sorted(HARMFUL_MOVES))

PROMPTS = {
    "worked": "Start with something that worked, however small — yours or a teammate's.",
    "felt_off": "Describe the moment, not the person: what was said, and how it landed.",
    "try_next": "One thing you'd try next time, in words you could actually say.",
}

# Words people use about moves (lower case; matched on word boundaries).
MENTIONS: dict[str, str] = {
    r"nam(e|ed|ing) (the|her|his|their|its|a) (feeling|emotion|frustration|worry|stress|fear|anger)": "move.name_feeling",
    r"acknowledg(e|ed|ing) (the|her|his|their) (feeling|frustration|worry|stress|fear|anger)": "move.name_feeling",
    r"reflect(ed|ing)? (back )?(the|her|his|their) (concern|worry|need)": "move.reflect_concern",
    r"refram(e|ed|ing)": "move.reframe",
    r"(took|take|taking) ownership|owned it|own(ed)? the case": "move.ownership",
    r"(offer(ed|ing)?|gave|give) (two |three |some )?(choices|options)": "move.offer_choices",
    r"checkpoint|(gave|give|set) a (time|timeline|deadline) for (the |an )?update": "move.checkpoint",
    r"open question|invit(e|ed|ing) (her|him|them) to say more|asked what else": "move.invite_more",
    r"apologi[sz](e|ed|ing) (specifically|for)": "move.apology",
    r"closed the loop|closure note|recap(ped)?": "move.closure",
    r"defensive|blam(e|ed|ing) the customer|hid(e|ing)? behind (the )?policy|as i already said": "move.defensive",
    r"non-?apology|sorry you feel": "move.non_apology",
    r"overpromis(e|ed|ing)|guarantee[d]?": "move.overpromise",
    r"generic|canned|templated|copy-?paste": "move.generic",
    r"talked over|spoke over|interrupt(ed|ing)?": "move.overtalk",
}
_MENTIONS = [(re.compile(rf"\b(?:{pattern})\b", re.I), kind) for pattern, kind in MENTIONS.items()]
_BLAME = re.compile(r"\b(stupid|lazy|idiot|useless|incompetent|always|never|your fault|should have known)\b", re.I)


class DebriefError(HeardError):
    status = 400


def _known_kinds(kinds: list[str]) -> list[str]:
    unknown = [k for k in kinds if k not in MOVE_KINDS]
    if unknown:
        raise ValueError(f"unknown move kind(s) {', '.join(unknown)}; use kinds like {', '.join(MOVE_KINDS[:3])}")
    return list(dict.fromkeys(kinds))


class DebriefEntryCreate(BaseModel):
    participant: str = Field(min_length=1, max_length=255)
    worked: str = Field("", max_length=5000, description="What worked.")
    felt_off: str = Field("", max_length=5000, description="What felt off.")
    try_next: str = Field("", max_length=5000, description="What to try next time.")
    picked_moves: list[str] = Field([], description="Moves that worked, picked from the taxonomy (move.* kinds).")
    picked_misses: list[str] = Field([], description="Moves that were missing or harmful (move.* kinds).")

    _kinds = field_validator("picked_moves", "picked_misses")(_known_kinds)

    @field_validator("participant")
    @classmethod
    def _strip(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a participant needs a name")
        return value.strip()


class DebriefCreate(BaseModel):
    title: str = Field(min_length=1, max_length=500)
    conversation_id: int | None = Field(None, description="The tense conversation this debrief is about (optional).")
    held_at: datetime | None = None
    entries: list[DebriefEntryCreate] = Field(min_length=1)


# -- quiet voices first --------------------------------------------------------------------------------
def speaking_order(*, session: Session, participants: list[str], last: int = QUIET_WINDOW) -> list[tuple[str, int]]:
    """Participants (deduplicated), quietest in the last `last` debriefs first, with their word counts."""
    words = coaching.words_by_participant(session=session, last=last)
    names = list(dict.fromkeys(p.strip() for p in participants if p.strip()))
    return sorted(((name, words.get(name, 0)) for name in names), key=lambda pw: pw[1])


# -- mapping notes to kinds ------------------------------------------------------------------------
def mentioned_kinds(text: str, analyzer: Analyzer) -> list[str]:
    """Move kinds a note talks about: what the detectors find in it (read as an agent's words)
    and what the MENTIONS table finds, in first-seen order."""
    if not text.strip():
        return []
    note = Conversation(source="debrief", external_id="note", channel=Channel.chat,
                        messages=(Message("note", Role.agent, text),))
    found = [f.kind for f in analyzer.analyze(note).findings if f.kind in MOVE_KINDS]
    found += [kind for pattern, kind in _MENTIONS if pattern.search(text)]
    return list(dict.fromkeys(found))


def classify(entry: DebriefEntryCreate, analyzer: Analyzer) -> tuple[list[str], list[str]]:
    """(moves, misses) found in an entry's notes, by the rules in the module docstring."""
    worked = mentioned_kinds(entry.worked, analyzer) + mentioned_kinds(entry.try_next, analyzer)
    off = mentioned_kinds(entry.felt_off, analyzer)
    moves = [k for k in worked if k not in HARMFUL_MOVES]
    misses = [k for k in worked if k in HARMFUL_MOVES] + off
    return list(dict.fromkeys(moves)), list(dict.fromkeys(misses))


def tone_prompts(entry: DebriefEntryCreate, analyzer: Analyzer) -> list[str]:
    """Gentle suggestions for one entry: blame words, or a section left empty."""
    prompts = []
    notes = " ".join((entry.worked, entry.felt_off, entry.try_next))
    if _BLAME.search(notes) or "move.defensive" in mentioned_kinds(entry.felt_off, analyzer):
        prompts.append("This reads a little like blame. Try: what happened, how it landed, and what you'd say instead.")
    if not entry.worked.strip():
        prompts.append(PROMPTS["worked"])
    if not entry.try_next.strip():
        prompts.append(PROMPTS["try_next"])
    return prompts


def words_in(entry: DebriefEntryCreate) -> int:
    return sum(len(text.split()) for text in (entry.worked, entry.felt_off, entry.try_next))


def create_debrief(*, session: Session, debrief_in: DebriefCreate, analyzer: Analyzer) -> DebriefRow:
    """Save a debrief; entries keep the order given (the form lists quiet voices first)."""
    if debrief_in.conversation_id is not None:
        conversations.get_conversation(session=session, conversation_id=debrief_in.conversation_id)
    names = [e.participant for e in debrief_in.entries]
    duplicate = next((n for n in names if names.count(n) > 1), None)
    if duplicate:
        raise DebriefError(f"entries: {duplicate!r} appears twice; one entry per participant.")
    debrief = coaching.create_debrief(session=session, title=debrief_in.title.strip(),
                                      conversation_id=debrief_in.conversation_id, held_at=debrief_in.held_at)
    for entry in debrief_in.entries:
        moves, misses = classify(entry, analyzer)
        coaching.add_debrief_entry(session=session, debrief=debrief, participant=entry.participant,
                                   worked=entry.worked.strip(), felt_off=entry.felt_off.strip(),
                                   try_next=entry.try_next.strip(), words=words_in(entry),
                                   picked_moves=entry.picked_moves, picked_misses=entry.picked_misses,
                                   found_moves=moves, found_misses=misses)
    return debrief


# -- patterns -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Patterns:
    debriefs: int
    moves: list[tuple[str, int]]
    misses: list[tuple[str, int]]


def patterns(*, session: Session, last: int = 50) -> Patterns:
    """The most-mentioned moves and misses over the last `last` debriefs. A kind counts once per
    entry, whether it was picked, found in the notes, or both."""
    rows = coaching.list_debriefs(session=session, limit=last)
    moves: Counter = Counter()
    misses: Counter = Counter()
    for debrief in rows:
        for e in debrief.entries:
            moves.update(set(e.picked_moves or []) | set(e.found_moves or []))
            misses.update(set(e.picked_misses or []) | set(e.found_misses or []))
    order = {k: i for i, k in enumerate(MOVE_KINDS)}

    def ranked(counter: Counter) -> list[tuple[str, int]]:
        return sorted(counter.items(), key=lambda kv: (-kv[1], order.get(kv[0], 99)))

    return Patterns(len(rows), ranked(moves), ranked(misses))
