"""Corrections: a coach marks a finding wrong, or marks words the detectors missed.

Both are labels for the next model. A `wrong` verdict copies the finding's kind, span, detector,
version and score (a negative example: the detector should not have said this); a `missed`
verdict names a kind from TAXONOMY.md and the words it rests on (a positive example). Marking
the same span and kind again updates the correction rather than adding a second one.

    correct(session=s, conversation_id=3, viewer=Viewer.parse("coach"),
            correction_in=CorrectionCreate(verdict="missed", message_id="m2", kind="move.apology",
                                           words="Sorry for the delay on our end"))

Only coaches and leads may correct (agents get `NotAllowed`, 403). Bad input raises
`CorrectionError` (422), whose message starts with the field at fault: ``kind: …``.
`export_labels` writes every correction as one JSON line of training data (docs/models/corrections.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, TextIO

from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from heard.errors import HeardError
from heard.model import Analysis, Conversation, Finding, Message, Role
from heard.privacy.roles import Viewer
from heard.store import analyses, conversations
from heard.store import corrections as repo
from heard.store.correction_tables import CorrectionRow

__all__ = ["KINDS", "CorrectionCreate", "CorrectionError", "CorrectionPublic", "CorrectionsPublic", "ExportResult",
           "correct", "export_labels", "list_corrections", "remove_correction", "training_records"]

Verdict = Literal["wrong", "missed"]

# The kinds a person labels (TAXONOMY.md): agent moves, customer signals, feedback signals.
AGENT_MOVES = tuple(f"move.{k}" for k in (
    "name_feeling", "reflect_concern", "reframe", "ownership", "offer_choices", "checkpoint", "invite_more",
    "apology", "closure", "defensive", "non_apology", "overpromise", "generic", "overtalk"))
EMOTIONS = tuple(f"emotion.{k}" for k in (
    "anger", "frustration", "anxiety", "sadness", "disappointment", "confusion", "relief", "gratitude", "joy",
    "neutral"))
CONCERNS = ("concern.deadline_event", "concern.accessibility", "concern.repeat_contact", "concern.money",
            "concern.business_impact", "concern.invisible", "risk.churn")
LOYALTY = tuple(f"loyalty.{k}" for k in (
    "felt_heard", "ownership", "kept_updated", "not_heard", "shuffled", "left_waiting"))
KINDS = AGENT_MOVES + EMOTIONS + CONCERNS + LOYALTY


class CorrectionError(HeardError):
    """A correction that does not fit its conversation (status 422); `field` names the culprit."""

    status = 422

    def __init__(self, field_name: str, reason: str):
        self.field = field_name
        super().__init__(f"{field_name}: {reason}")


# -- shapes ---------------------------------------------------------------------------------------
class CorrectionCreate(BaseModel):
    """Mark a finding wrong, or mark words the detectors missed.

    - `wrong`: give `finding` (its index in the case file, as in `/api/conversations/{id}`), or
      the finding's `message_id`, `kind`, `start` and `end`.
    - `missed`: give `message_id`, `kind` and either `start`/`end` or the exact `words` (with
      `occurrence` when they appear more than once in the message).
    """

    verdict: Verdict = Field(description="`wrong`: a finding that should not be there; `missed`: words no finding caught.")
    finding: int | None = Field(None, ge=0, description="For `wrong`: the finding's index in the case file.")
    message_id: str | None = Field(None, min_length=1, max_length=255, description="The message's id (as in the case file).")
    kind: str | None = Field(None, min_length=1, max_length=64, description="A kind from TAXONOMY.md, e.g. move.apology.")
    start: int | None = Field(None, ge=0, description="First character of the span (end-exclusive offsets).")
    end: int | None = Field(None, ge=1, description="One past the last character of the span.")
    words: str | None = Field(None, max_length=4000, description="The exact words, instead of start/end.")
    occurrence: int | None = Field(None, ge=1, description="Which appearance of `words` in the message (1 = first).")
    note: str | None = Field(None, max_length=4000, description="Why (optional; kept with the label).")
    who: str | None = Field(None, max_length=200, description="The coach's name (optional; the role is always kept).")


class CorrectionPublic(BaseModel):
    id: int
    conversation_id: int
    message_id: str
    verdict: Verdict
    kind: str
    start: int
    end: int
    evidence: str = Field(description="The words as they read when the correction was made.")
    detector: str | None = Field(None, description="For `wrong`: the detector whose finding was corrected.")
    detector_version: str | None = None
    score: float | None = Field(None, description="For `wrong`: the finding's score.")
    note: str | None = None
    who: str
    created_at: datetime
    updated_at: datetime


class CorrectionsPublic(BaseModel):
    data: list[CorrectionPublic]
    count: int


def public(row: CorrectionRow) -> CorrectionPublic:
    return CorrectionPublic(
        id=row.id, conversation_id=row.conversation_id, message_id=row.message_id, verdict=row.verdict,  # type: ignore[arg-type]
        kind=row.kind, start=row.start, end=row.end, evidence=row.evidence, detector=row.detector,
        detector_version=row.detector_version, score=row.score, note=row.note, who=row.who,
        created_at=row.created_at, updated_at=row.updated_at)


# -- services -------------------------------------------------------------------------------------
def correct(*, session: Session, conversation_id: int, correction_in: CorrectionCreate,
            viewer: Viewer) -> tuple[CorrectionRow, bool]:
    """Save a correction (the caller commits). Returns (row, created); marking the same span and
    kind again updates the row. Raises NotAllowed, NotFound or CorrectionError."""
    viewer.require_curator("correct findings")
    row = conversations.get_conversation(session=session, conversation_id=conversation_id)
    analysis = analyses.load_analysis(session=session, row=row)
    c = correction_in
    note = (c.note or "").strip() or None
    name = (c.who or "").strip()
    who = f"{name} ({viewer.role.value})" if name else viewer.role.value
    if c.verdict == "wrong":
        f = _finding(analysis, c)
        message = analysis.conversation.find_message(f.span.message_id)
        if message is None or not 0 <= f.span.start < f.span.end <= len(message.text):
            raise CorrectionError("finding", "this finding's span no longer fits its message; analyse the "
                                             "conversation again (heard analyze --all), then correct it.")
        return repo.save_correction(
            session=session, conversation_id=row.id, message_id=f.span.message_id, verdict="wrong", kind=f.kind,
            start=f.span.start, end=f.span.end, evidence=message.text[f.span.start : f.span.end], who=who,
            detector=f.detector, detector_version=f.detector_version, score=f.score, note=note)
    message = _message(analysis.conversation, c.message_id)
    kind = _kind(c.kind, message)
    start, end = _span(message, c)
    return repo.save_correction(session=session, conversation_id=row.id, message_id=message.id, verdict="missed",
                                kind=kind, start=start, end=end, evidence=message.text[start:end], who=who, note=note)


def list_corrections(*, session: Session, conversation_id: int) -> CorrectionsPublic:
    conversations.get_conversation(session=session, conversation_id=conversation_id)
    rows = repo.list_corrections(session=session, conversation_id=conversation_id)
    return CorrectionsPublic(data=[public(r) for r in rows], count=len(rows))


def remove_correction(*, session: Session, conversation_id: int, correction_id: int, viewer: Viewer) -> None:
    """Take a correction back (the caller commits)."""
    viewer.require_curator("remove corrections")
    repo.delete_correction(session=session, conversation_id=conversation_id, correction_id=correction_id)


# -- checks ---------------------------------------------------------------------------------------
def _message(conversation: Conversation, message_id: str | None) -> Message:
    if not message_id:
        raise CorrectionError("message_id", "say which message the words are in.")
    message = conversation.find_message(message_id)
    if message is None:
        ids = ", ".join(m.id for m in conversation.messages)
        raise CorrectionError("message_id", f"conversation {conversation.external_id!r} has no message "
                                            f"{message_id!r} (its messages: {ids}).")
    return message


def _kind(kind: str | None, message: Message) -> str:
    if not kind:
        raise CorrectionError("kind", "say which kind was missed, e.g. move.apology.")
    kind = kind.strip()
    if kind not in KINDS:
        raise CorrectionError("kind", f"unknown kind {kind!r}; use one of TAXONOMY.md's kinds: {', '.join(KINDS)}.")
    family = kind.split(".", 1)[0]
    if family == "move" and message.role is not Role.agent:
        raise CorrectionError("kind", f"{kind} is an agent move, but message {message.id!r} is the {message.role.value}'s.")
    if family in ("emotion", "concern", "risk") and message.role is not Role.customer:
        raise CorrectionError("kind", f"{kind} is a customer signal, but message {message.id!r} is the "
                                      f"{message.role.value}'s.")
    return kind


def _span(message: Message, c: CorrectionCreate) -> tuple[int, int]:
    text, size = message.text, len(message.text)
    if c.start is not None or c.end is not None:
        if c.start is None or c.end is None:
            missing = "start" if c.start is None else "end"
            raise CorrectionError(missing, "give both start and end (or only the words).")
        if c.start >= size:
            raise CorrectionError("start", f"{c.start} is past the end of message {message.id!r} ({size} characters).")
        if c.end > size:
            raise CorrectionError("end", f"{c.end} is past the end of message {message.id!r} ({size} characters).")
        if c.end <= c.start:
            raise CorrectionError("end", f"must be after start ({c.start}); offsets are end-exclusive.")
        if not text[c.start : c.end].strip():
            raise CorrectionError("start", f"{c.start}..{c.end} covers only blank space in message {message.id!r}.")
        if c.words is not None and c.words.strip() and text[c.start : c.end] != c.words.strip():
            raise CorrectionError("words", f"message {message.id!r} reads {text[c.start:c.end]!r} at "
                                           f"{c.start}..{c.end}, not {c.words.strip()!r}.")
        return c.start, c.end
    words = (c.words or "").strip()
    if not words:
        raise CorrectionError("words", "quote the exact words the detectors missed (or give start and end).")
    starts = _occurrences(text, words)
    if not starts:
        raise CorrectionError("words", f"message {message.id!r} does not contain {words!r}: quote the words "
                                       "exactly as written.")
    if c.occurrence is not None:
        if c.occurrence > len(starts):
            raise CorrectionError("occurrence", f"{words!r} appears {len(starts)} time"
                                                f"{'' if len(starts) == 1 else 's'} in message {message.id!r}, "
                                                f"not {c.occurrence}.")
        start = starts[c.occurrence - 1]
    elif len(starts) > 1:
        raise CorrectionError("words", f"{words!r} appears {len(starts)} times in message {message.id!r}: "
                                       f"give occurrence (1–{len(starts)}), more words, or start and end.")
    else:
        start = starts[0]
    return start, start + len(words)


def _occurrences(text: str, words: str) -> list[int]:
    out, at = [], text.find(words)
    while at >= 0:
        out.append(at)
        at = text.find(words, at + 1)
    return out


def _finding(analysis: Analysis, c: CorrectionCreate) -> Finding:
    findings = analysis.findings
    if c.finding is not None:
        if c.finding >= len(findings):
            raise CorrectionError("finding", f"conversation {analysis.conversation.external_id!r} has no finding "
                                             f"{c.finding} ({_count(len(findings))}).")
        f = findings[c.finding]
        for name, given, actual in (("message_id", c.message_id, f.span.message_id), ("kind", c.kind, f.kind),
                                    ("start", c.start, f.span.start), ("end", c.end, f.span.end)):
            if given is not None and given != actual:
                raise CorrectionError(name, f"finding {c.finding} has {name} {actual!r}, not {given!r}.")
        return f
    if c.message_id is None and c.kind is None and c.start is None and c.end is None:
        raise CorrectionError("finding", "say which finding is wrong: its index, or message_id, kind, start and end.")
    message = _message(analysis.conversation, c.message_id)
    if not c.kind:
        raise CorrectionError("kind", "say which finding is wrong: its kind, e.g. move.apology.")
    on_message = analysis.findings_for(message.id)
    if c.kind not in KINDS and all(f.kind != c.kind for f in on_message):
        raise CorrectionError("kind", f"unknown kind {c.kind!r}; use one of TAXONOMY.md's kinds: {', '.join(KINDS)}.")
    for name, value in (("start", c.start), ("end", c.end)):
        if value is None:
            raise CorrectionError(name, "give the finding's start and end (or its index as `finding`).")
    match = next((f for f in on_message if f.kind == c.kind and (f.span.start, f.span.end) == (c.start, c.end)), None)
    if match is None:
        found = ", ".join(f"{f.span.start}..{f.span.end}" for f in on_message if f.kind == c.kind) or "none"
        raise CorrectionError("finding", f"message {message.id!r} has no {c.kind} finding at {c.start}..{c.end} "
                                         f"(its {c.kind} findings: {found}); to add one, mark it missed.")
    return match


def _count(n: int) -> str:
    return "it has none" if n == 0 else f"it has {n}: 0–{n - 1}"


# -- training data --------------------------------------------------------------------------------
@dataclass
class ExportResult:
    written: int = 0
    skipped: list[str] = field(default_factory=list)  # why each correction left out was left out


def training_records(*, session: Session, since: datetime | None = None,
                     result: ExportResult | None = None) -> Iterator[dict]:
    """One training example per correction, oldest change first (format: docs/models/corrections.md).

    The text is the message as stored now. When it has changed since the coach marked it, the
    words are looked for again: found once, the offsets move with them; otherwise the correction
    is left out and the reason added to `result.skipped`."""
    result = result if result is not None else ExportResult()
    for c, conversation, message in repo.iter_labelled(session=session, since=since):
        where = f"correction {c.id} (conversation {conversation.source}/{conversation.external_id}, message {c.message_id})"
        if message is None:
            result.skipped.append(f"{where}: the message is no longer stored.")
            continue
        start, end = c.start, c.end
        if message.text[start:end] != c.evidence:
            starts = _occurrences(message.text, c.evidence)
            if len(starts) != 1:
                result.skipped.append(f"{where}: the message has changed and {c.evidence!r} is "
                                      f"{'no longer in it' if not starts else 'in it more than once'}.")
                continue
            start, end = starts[0], starts[0] + len(c.evidence)
        result.written += 1
        yield {
            "text": message.text, "role": message.role, "kind": c.kind, "start": start, "end": end,
            "label": 1 if c.verdict == "missed" else 0, "verdict": c.verdict, "evidence": c.evidence,
            "detector": c.detector, "detector_version": c.detector_version, "score": c.score,
            "conversation": conversation.external_id, "source": conversation.source, "message": c.message_id,
            "note": c.note, "who": c.who, "created_at": c.created_at.isoformat(), "updated_at": c.updated_at.isoformat(),
        }


def export_labels(*, session: Session, out: TextIO, since: datetime | None = None) -> ExportResult:
    """Write `training_records` as JSON Lines to `out`."""
    result = ExportResult()
    for record in training_records(session=session, since=since, result=result):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return result
