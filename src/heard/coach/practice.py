"""Role-play practice on a real conversation: the customer's turns are replayed to a trainee,
each reply is analysed at once, and a small, transparent state model decides how the customer
reacts.

The customer state model, in full (docs/coaching.md and the practice page show the same table):

- The customer has a **calm** level from 0 (gone) to 10 (calm). It starts at
  `5 + valence` of the real customer's first emotion (−3 for strong anger … +3 for strong joy).
- Each reply moves calm by the sum of `CALM_RULES[kind].delta` over the kinds found in it (each
  kind counted once); a reply in which no agent move is found at all moves it by `NO_MOVE`.
- What the customer says next (`choose_next`), in order:
  1. the reply was harmful (a harmful move, or no move at all) and the customer has not yet
     reacted on this turn: a short written reaction that escalates with the customer's own earlier
     words, and the trainee answers again;
  2. calm 0: the customer gives up and leaves (the practice ends);
  3. no real customer turns left: the practice is complete;
  4. the first remaining real customer turn whose mood (`5 + valence`) is within `FIT` of calm —
     turns written in answer to a much better or worse real reply are skipped;
  5. none fits and the customer is calmer than the next real turn: the customer settles (ends);
     more upset: one written nudge per turn, then the next real turn regardless.

**Who may practise on what** follows the library's rules (`heard.library.case_files.
readable_conversations`): coaches and leads practise on anything; an agent on their team's
conversations and case files (the real words) and on case files shared beyond their team, shown
**redacted** — the customer's turns, the written reactions quoting them, the real agent's replies
in the side-by-side, even the trainee's own replies, all with the same placeholders as the case
file. Another team's team-only material is not found for them. Attempts are always saved with the
real words; redaction happens when they are shown (`PracticeRedaction`), so a coach reviewing an
agent's attempt sees what was really said.

Everything here is plain functions over the store and the model: no HTTP. The web pages, the
JSON API and `heard practice` call `start_practice`, `submit_reply` and `comparison_for`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache

from sqlalchemy.orm import Session

from heard.analyze.pipeline import Analyzer
from heard.analyze.scorecard import Score, Scorecard
from heard.analyze.trajectory import valence
from heard.errors import HeardError, NotFound
from heard.model import Analysis, Conversation, Finding, Message, Role
from heard.privacy.roles import Viewer, ViewerRole
from heard.store import coaching, conversations
from heard.store.coach_tables import PracticeAttemptRow, PracticeTurnRow

__all__ = [
    "CALM_RULES", "FIT", "NO_MOVE", "Change", "Comparison", "CustomerTurn", "PracticeClosed", "PracticeError",
    "PracticeRedaction", "ReplyReview", "Script", "ShownTurn", "Step", "attempt_access", "build_script", "calm_changes",
    "choose_next", "compare", "comparison_for", "default_analyzer", "get_attempt", "list_attempts", "redaction_for", "mood_label", "practice_conversation_id",
    "practice_sources", "review_reply", "script_from_analysis", "start_practice", "submit_reply",
]

CALM_MIN, CALM_MAX = 0, 10
FIT = 3  # a real customer turn fits when its mood is within FIT of the simulated calm


@dataclass(frozen=True)
class CalmRule:
    delta: int
    reason: str


# Which findings calm the customer or upset them, and why. Kinds not listed leave calm alone.
CALM_RULES: dict[str, CalmRule] = {
    "move.name_feeling": CalmRule(+2, "You named how the customer feels, so they feel heard."),
    "move.reflect_concern": CalmRule(+2, "You reflected the concern behind the message: they know you understood what is at stake."),
    "move.ownership": CalmRule(+2, "You took ownership: someone is carrying their case now."),
    "move.offer_choices": CalmRule(+2, "You offered choices: the customer gets some control back."),
    "move.apology": CalmRule(+1, "You apologised specifically for our part."),
    "move.checkpoint": CalmRule(+1, "You said when they will hear from you next."),
    "move.reframe": CalmRule(+1, "You turned the talk toward the outcome they want."),
    "move.invite_more": CalmRule(+1, "You invited them to say more."),
    "move.closure": CalmRule(+1, "You closed the loop on what happened and what changed."),
    "move.defensive": CalmRule(-3, "The reply sounds defensive: blame, policy or 'as I already said'."),
    "move.non_apology": CalmRule(-2, "A non-apology ('sorry you feel that way') blames the customer's feelings."),
    "move.generic": CalmRule(-2, "The reply reads like a form letter: no name, no next step, no time."),
    "move.overpromise": CalmRule(-1, "A guarantee nobody can keep sounds hollow to an upset customer."),
    "move.overtalk": CalmRule(-1, "Speaking over the customer tells them they are not being heard."),
}
NO_MOVE = CalmRule(-1, "Nothing in the reply acknowledged the customer or moved the case forward.")

MOODS = ((2, "furious"), (4, "upset"), (6, "uneasy"), (8, "calmer"), (10, "calm"))

# Which written reaction an unhelpful reply gets: the first trigger found, in this order.
REACTIONS: dict[str, str] = {
    "move.defensive": "I'm not asking whose fault it is. I told you: “{quote}” And that's your answer?",
    "move.non_apology": "Don't be sorry about how I feel. I said: “{quote}” What are you going to do about it?",
    "move.generic": "Is anyone actually reading my messages? I wrote: “{quote}”",
    "move.overpromise": "Can you really promise that? I've heard promises before. Remember: “{quote}”",
    "move.overtalk": "Please let me finish. I was saying: “{quote}”",
    "none": "That doesn't tell me anything. Again: “{quote}”",
}
PRESS = "I still don't know what happens now. I said: “{quote}”"
SETTLED_LINE = "Okay. Thank you, that's what I needed to hear."
LEFT_LINE = "Forget it. I'm done talking to you people."
ENDINGS = {
    "completed": ("Practice complete", "No real customer turns are left."),
    "settled": ("The customer settled", "The customer is calmer than the real customer was on any turn left, so they settle."),
    "customer_left": ("The customer left", "Calm reached 0 after the customer had already pushed back once: they gave up."),
}


class PracticeError(HeardError):
    """A practice request that cannot be carried out as asked (no reply text, nothing to practise on)."""

    status = 400


class PracticeClosed(PracticeError):
    """A reply was sent to a practice attempt that has already ended."""

    status = 409


def mood_label(calm: int) -> str:
    return next(label for top, label in MOODS if calm <= top)


def clamp(calm: int) -> int:
    return max(CALM_MIN, min(CALM_MAX, calm))


# -- the script: the real conversation as customer turns ---------------------------------------------
@dataclass(frozen=True)
class CustomerTurn:
    """One real customer turn (consecutive customer messages) and the real agent reply after it."""

    index: int
    messages: tuple[Message, ...]
    real_reply: tuple[Message, ...]
    mood: int
    emotion: str | None

    @property
    def text(self) -> str:
        return "\n\n".join(m.text for m in self.messages)

    @property
    def reply_text(self) -> str:
        return "\n\n".join(m.text for m in self.real_reply)


@dataclass(frozen=True)
class Script:
    conversation: Conversation
    analysis: Analysis  # the real conversation, analysed with the practice's Analyzer
    turns: tuple[CustomerTurn, ...]

    def quote(self, upto: int) -> str:
        """The customer's own earlier words to escalate with: the sentence holding their first
        concern (or churn risk), else their first negative emotion, else their first sentence."""
        ids = [m.id for t in self.turns[: upto + 1] for m in t.messages]
        found = [f for f in self.analysis.findings if f.span.message_id in ids]
        picks = ([f for f in found if f.family in {"concern", "risk"}]
                 or [f for f in found if f.family == "emotion" and valence(f.kind.split(".", 1)[1], f.intensity) < 0])
        if picks:
            first = min(picks, key=lambda f: (ids.index(f.span.message_id), f.span.start))
            return _sentence(self.conversation.get_message(first.span.message_id).text, first.span.start)
        return _sentence(self.turns[0].messages[0].text, 0) if self.turns else ""


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _sentence(text: str, at: int) -> str:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > at:
            return text[start : m.start()].strip()
        start = m.end()
    return text[start:].strip()


def build_script(conversation: Conversation, analyzer: Analyzer) -> Script:
    """Cut a real conversation into customer turns, each with the real agent's reply (bots and
    system lines are left out) and the customer's mood from their first emotion."""
    return script_from_analysis(analyzer.analyze(conversation))


def script_from_analysis(analysis: Analysis) -> Script:
    """`build_script` on an analysis already made (a redacted one, say)."""
    conversation = analysis.conversation
    groups: list[tuple[list[Message], list[Message]]] = []
    for message in conversation.messages:
        if message.role is Role.customer:
            if not groups or groups[-1][1]:
                groups.append(([], []))
            groups[-1][0].append(message)
        elif message.role is Role.agent and groups:
            groups[-1][1].append(message)
    turns = []
    for index, (said, reply) in enumerate(groups):
        emotion = next((f for m in said for f in analysis.findings_for(m.id) if f.family == "emotion"), None)
        label = emotion.kind.split(".", 1)[1] if emotion else None
        mood = 5 + (valence(label, emotion.intensity) if emotion else 0)
        turns.append(CustomerTurn(index, tuple(said), tuple(reply), mood, label))
    return Script(conversation, analysis, tuple(turns))


# -- the state model --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    kind: str  # a finding kind, or "none" when no agent move was found
    delta: int
    reason: str


def calm_changes(kinds: Sequence[str]) -> list[Change]:
    """How a reply with findings of these kinds moves calm, one line per kind, with the reason."""
    changes = [Change(k, CALM_RULES[k].delta, CALM_RULES[k].reason) for k in dict.fromkeys(kinds) if k in CALM_RULES]
    if not any(k.startswith("move.") for k in kinds):
        changes.append(Change("none", NO_MOVE.delta, NO_MOVE.reason))
    return changes


@dataclass(frozen=True)
class Step:
    """What the customer does next: `real` (a real turn), `reaction` (a written reaction, same
    turn), or an ending: `completed`, `settled`, `customer_left`."""

    kind: str
    real_turn: int
    text: str
    why: str
    skipped: tuple[int, ...] = ()

    @property
    def ends(self) -> bool:
        return self.kind in ENDINGS


def _trigger(changes: Sequence[Change]) -> str | None:
    found = {c.kind for c in changes}
    return next((k for k in REACTIONS if k in found), None)


def choose_next(script: Script, *, real_turn: int, calm: int, changes: Sequence[Change], reacted: bool) -> Step:
    """The state model's rules 1–5 (see the module docstring), after a reply to `real_turn`.
    `reacted`: the customer has already answered a reply on this turn with a written reaction."""
    quote = script.quote(real_turn)
    trigger = _trigger(changes)
    if trigger and not reacted:
        why = ("No agent move was found in the reply" if trigger == "none"
               else f"The reply had a harmful move ({trigger})")
        return Step("reaction", real_turn, REACTIONS[trigger].format(quote=quote),
                    f"{why}, so the customer pushes back with their own earlier words.")
    if calm <= CALM_MIN:
        return Step("customer_left", real_turn, LEFT_LINE, ENDINGS["customer_left"][1])
    remaining = script.turns[real_turn + 1 :]
    if not remaining:
        return Step("completed", real_turn, "", ENDINGS["completed"][1])
    for turn in remaining:
        if abs(turn.mood - calm) <= FIT:
            skipped = tuple(t.index for t in remaining if t.index < turn.index)
            why = f"The real customer's turn {turn.index + 1} (mood {turn.mood}) fits a customer at calm {calm}."
            if skipped:
                why += (" Skipped turn(s) " + ", ".join(str(i + 1) for i in skipped)
                        + ": the real customer was far more or less upset there than yours is now.")
            return Step("real", turn.index, turn.text, why, skipped)
    following = remaining[0]
    if calm > following.mood:
        return Step("settled", real_turn, SETTLED_LINE, ENDINGS["settled"][1])
    if not reacted:
        return Step("reaction", real_turn, PRESS.format(quote=quote),
                    f"Your customer (calm {calm}) is more upset than the real one was next (mood {following.mood}): "
                    "they press for an answer first.")
    return Step("real", following.index, following.text,
                f"The real customer's turn {following.index + 1} comes next: one reaction per turn, then the practice moves on.")


# -- reviewing a reply ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReplyReview:
    """A reply analysed with the practice's Analyzer and scored with the Scorecard."""

    findings: tuple[Finding, ...]  # on the reply
    evidence: tuple[str, ...]  # the words each finding rests on, in the same order
    score: Score
    missed: tuple[str, ...]  # rubric lines that applied and were not earned
    # where each reply message starts in the reply's text (messages joined by a blank line)
    offsets: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> list[dict]:
        """Each finding with its span on the reply's whole text (`CustomerTurn.reply_text`)."""
        out = []
        for f, e in zip(self.findings, self.evidence):
            shift = self.offsets.get(f.span.message_id, 0)
            out.append({"kind": f.kind, "start": f.span.start + shift, "end": f.span.end + shift, "evidence": e,
                        "score": f.score, "rationale": f.rationale})
        return out


REPLY_FAMILIES = {"move", "conversation"}


def review_reply(*, history: Sequence[tuple[str, str]], customer_text: str, reply: str, channel,
                 analyzer: Analyzer, scorecard: Scorecard) -> ReplyReview:
    """Analyse `reply` as the last agent message of a mini-conversation (the earlier
    (customer, reply) pairs of this practice, then `customer_text`), so detectors that read the
    customer's words or earlier replies work; score the last exchange with the Scorecard."""
    messages: list[Message] = []
    for i, (said, answered) in enumerate(history):
        messages += [Message(f"c{i}", Role.customer, said), Message(f"a{i}", Role.agent, answered)]
    n = len(history)
    customer, agent = Message(f"c{n}", Role.customer, customer_text), Message(f"a{n}", Role.agent, reply)
    mini = Conversation(source="practice", external_id="practice", channel=channel, messages=(*messages, customer, agent))
    analysis = analyzer.analyze(mini)
    return _review(analysis, customer, agent, scorecard)


def _review(analysis: Analysis, customer: Message | Sequence[Message], agent: Message | Sequence[Message],
            scorecard: Scorecard) -> ReplyReview:
    said = (customer,) if isinstance(customer, Message) else tuple(customer)
    answered = (agent,) if isinstance(agent, Message) else tuple(agent)
    ids = {m.id for m in said + answered}
    answer_ids = {m.id for m in answered}
    exchange = Analysis(
        conversation=Conversation(source="practice", external_id="exchange", channel=analysis.conversation.channel,
                                  messages=said + answered),
        findings=tuple(f for f in analysis.findings if f.span.message_id in ids),
    )
    score = scorecard.score(exchange)
    on_reply = tuple(f for f in exchange.findings if f.span.message_id in answer_ids and f.family in REPLY_FAMILIES)
    texts = {m.id: m.text for m in answered}
    missed = tuple(p.label for p in score.points if not p.is_cost and p.applicable and not p.earned)
    offsets, at = {}, 0
    for m in answered:
        offsets[m.id] = at
        at += len(m.text) + len("\n\n")
    return ReplyReview(on_reply, tuple(texts[f.span.message_id][f.span.start : f.span.end] for f in on_reply),
                       score, missed, offsets)


# -- the analyzer ---------------------------------------------------------------------------------
@lru_cache(maxsize=4)
def default_analyzer(names: tuple[str, ...] | None = None) -> Analyzer:
    """The Analyzer for practice outside the web app (the app caches its own): built once."""
    return Analyzer.from_names(list(names) if names else None)


# -- where practice material comes from, and who may see it -----------------------------------------
@dataclass(frozen=True)
class PracticeSource:
    """Something to practise on: a case file or an analysed conversation. `redacted`: this viewer
    sees it with placeholders."""

    conversation_id: int
    title: str
    detail: str
    case_file_id: int | None = None
    redacted: bool = False


def attempt_access(session: Session, *, conversation_id: int, viewer: Viewer | None) -> bool:
    """True when `viewer` sees practice on this conversation redacted; NotFound when it is not
    there for them. `viewer=None` is a trusted caller (the CLI): the real words."""
    from heard.library.case_files import conversation_access

    return conversation_access(session=session, conversation_id=conversation_id, viewer=viewer)


def practice_conversation_id(session: Session, *, conversation_id: int | None = None,
                             case_file_id: int | None = None, viewer: Viewer | None = None) -> int:
    """The conversation to practise on: the one behind a case file, or one given directly —
    checked against the viewer (a case file they may not open, or another team's conversation,
    is NotFound)."""
    from heard.store import case_files

    if case_file_id is not None:
        row = case_files.get_case_file(session=session, case_file_id=case_file_id)
        if viewer is not None and not viewer.may_open(team=row.team, visibility=row.visibility):
            raise NotFound(f"No case file with id {case_file_id}.")
        return row.conversation_id
    if conversation_id is None:
        raise PracticeError("Say which conversation (conversation_id) or case file (case_file_id) to practise on.")
    attempt_access(session, conversation_id=conversation_id, viewer=viewer)
    return conversation_id


def practice_sources(session: Session, *, viewer: Viewer | None = None, limit: int = 100) -> list[PracticeSource]:
    """Case files first, then the analysed conversations — those the viewer may practise on,
    titled as they may see them (another team's shared case file by its redacted title)."""
    from heard.library.case_files import list_case_files, readable_conversations

    trusted = viewer or Viewer(ViewerRole.lead)
    listing = list_case_files(session=session, viewer=trusted, limit=limit)
    sources = [PracticeSource(c.conversation.id, c.title, "case file · redacted" if c.redacted else "case file", c.id,
                              c.redacted) for c in listing.data]
    readable = readable_conversations(session=session, viewer=trusted)
    rows, _ = conversations.list_conversations(session=session, limit=limit)
    sources += [PracticeSource(r.id, r.subject or r.external_id,
                               " · ".join(x for x in (r.channel, r.customer, r.agent) if x))
                for r in rows if readable is None or readable.get(r.id) is False]
    return sources


def list_attempts(session: Session, *, viewer: Viewer | None = None, trainee: str | None = None,
                  conversation_id: int | None = None) -> list[PracticeAttemptRow]:
    """Attempts, oldest first, on conversations the viewer may see."""
    from heard.library.case_files import readable_conversations

    attempts = coaching.list_attempts(session=session, trainee=trainee, conversation_id=conversation_id)
    readable = readable_conversations(session=session, viewer=viewer) if viewer is not None else None
    return [a for a in attempts if readable is None or a.conversation_id in readable]


# -- the service: start, reply, view -------------------------------------------------------------------
def _script_for(session: Session, conversation_id: int, analyzer: Analyzer) -> Script:
    row = conversations.get_conversation(session=session, conversation_id=conversation_id)
    return build_script(conversations.to_model(row), analyzer)


def start_practice(*, session: Session, conversation_id: int, trainee: str, analyzer: Analyzer,
                   viewer: Viewer | None = None) -> PracticeAttemptRow:
    """A new attempt on a conversation; its first real customer turn is waiting for a reply."""
    attempt_access(session, conversation_id=conversation_id, viewer=viewer)
    script = _script_for(session, conversation_id, analyzer)
    if not script.turns:
        raise PracticeError(f"Conversation {conversation_id} has no customer messages to practise on.")
    first = script.turns[0]
    attempt = coaching.create_attempt(session=session, conversation_id=conversation_id, trainee=trainee.strip() or "trainee",
                                      calm=clamp(first.mood))
    why = (f"The customer's first message, as the real customer wrote it. Calm starts at {clamp(first.mood)}: "
           f"5 + the valence of their {first.emotion or 'neutral'} tone.")
    coaching.add_practice_turn(session=session, attempt=attempt, real_turn=0, source="real",
                               customer_text=first.text, why=why)
    return attempt


def submit_reply(*, session: Session, attempt_id: int, reply: str, analyzer: Analyzer,
                 scorecard: Scorecard, viewer: Viewer | None = None) -> PracticeAttemptRow:
    """Analyse the trainee's reply to the waiting customer turn, move calm, and add what the
    customer says next (or end the attempt)."""
    attempt = get_attempt(session, attempt_id=attempt_id, viewer=viewer)
    if attempt.status != "open":
        raise PracticeClosed(f"Practice attempt {attempt_id} has ended; start a new one to practise again.")
    reply = reply.strip()
    if not reply:
        raise PracticeError("Write a reply to the customer first.")
    script = _script_for(session, attempt.conversation_id, analyzer)
    turn = attempt.turns[-1]
    history = [(t.customer_text, t.reply or "") for t in attempt.turns[:-1]]
    review = review_reply(history=history, customer_text=turn.customer_text, reply=reply,
                          channel=script.conversation.channel, analyzer=analyzer, scorecard=scorecard)
    changes = calm_changes([f.kind for f in review.findings])
    before = attempt.calm
    after = clamp(before + sum(c.delta for c in changes))
    turn.reply, turn.replied_at = reply, datetime.now(timezone.utc)
    turn.findings, turn.score = review.as_json(), review.score.total
    turn.calm_before, turn.calm_after = before, after
    turn.changes = [{"kind": c.kind, "delta": c.delta, "reason": c.reason} for c in changes]
    turn.missed = list(review.missed)
    attempt.calm = after
    reacted = any(t.source == "reaction" and t.real_turn == turn.real_turn for t in attempt.turns)
    step = choose_next(script, real_turn=turn.real_turn, calm=after, changes=changes, reacted=reacted)
    if step.ends:
        _finish(attempt, step.kind, script, analyzer, scorecard)
    else:
        coaching.add_practice_turn(session=session, attempt=attempt, real_turn=step.real_turn,
                                   source="real" if step.kind == "real" else "reaction",
                                   customer_text=step.text, why=step.why)
    session.flush()
    return attempt


def _finish(attempt: PracticeAttemptRow, ending: str, script: Script, analyzer: Analyzer, scorecard: Scorecard) -> None:
    comparison = compare(attempt, script, analyzer, scorecard)
    attempt.status, attempt.ending, attempt.finished_at = "finished", ending, datetime.now(timezone.utc)
    attempt.score, attempt.real_score = comparison.trainee_score.total, comparison.real_score.total


def get_attempt(session: Session, *, attempt_id: int, viewer: Viewer | None = None) -> PracticeAttemptRow:
    """The attempt, if the viewer may see its conversation (else NotFound, like an unknown id)."""
    attempt = coaching.get_attempt(session=session, attempt_id=attempt_id)
    try:
        attempt_access(session, conversation_id=attempt.conversation_id, viewer=viewer)
    except NotFound:
        raise NotFound(f"No practice attempt with id {attempt_id}.") from None
    return attempt


# -- the side-by-side -------------------------------------------------------------------------------
@dataclass(frozen=True)
class TraineeReply:
    customer_text: str
    source: str
    reply: str
    score: float | None
    findings: list[dict]


@dataclass(frozen=True)
class ComparedTurn:
    index: int
    customer_text: str
    mood: int
    trainee: list[TraineeReply]
    real_reply: str
    real_review: ReplyReview | None


@dataclass(frozen=True)
class Comparison:
    turns: list[ComparedTurn]
    trainee_score: Score
    real_score: Score
    outcome: str | None
    satisfaction: int | None
    skipped: list[int] = field(default_factory=list)


def compare(attempt: PracticeAttemptRow, script: Script, analyzer: Analyzer, scorecard: Scorecard,
            redaction: PracticeRedaction | None = None) -> Comparison:
    """The trainee's replies beside the real agent's, turn by turn, both scored with the same
    Scorecard (the trainee's whole practice, and the real conversation up to the same turn).
    With a `redaction`, every text (and span) in it is the redacted one; the scores are the same."""
    replied = [t for t in attempt.turns if t.reply]
    shown_script = redaction.script if redaction else script
    by_turn: dict[int, list[TraineeReply]] = {}
    for t in replied:
        shown = redaction.turn(t) if redaction else ShownTurn.of(t)
        by_turn.setdefault(t.real_turn, []).append(TraineeReply(shown.customer_text, t.source, shown.reply or "", t.score,
                                                                list(shown.findings)))
    reached = max((t.real_turn for t in attempt.turns), default=0)
    turns = []
    for turn in shown_script.turns[: reached + 1]:
        review = (_review(shown_script.analysis, turn.messages, turn.real_reply, scorecard) if turn.real_reply else None)
        turns.append(ComparedTurn(turn.index, turn.text, turn.mood, by_turn.get(turn.index, []), turn.reply_text, review))
    # the trainee's whole practice, analysed as one conversation
    messages: list[Message] = []
    for i, t in enumerate(replied):
        messages += [Message(f"c{i}", Role.customer, t.customer_text), Message(f"a{i}", Role.agent, t.reply or "")]
    trainee = Conversation(source="practice", external_id=str(attempt.id), channel=script.conversation.channel,
                           messages=tuple(messages))
    trainee_score = scorecard.score(analyzer.analyze(trainee))
    # the real conversation up to the end of the same turn, with its real outcome kept out of the
    # score (the trainee's practice has no outcome either)
    real_ids = {m.id for turn in script.turns[: reached + 1] for m in (*turn.messages, *turn.real_reply)}
    real = Conversation(source=script.conversation.source, external_id=script.conversation.external_id,
                        channel=script.conversation.channel,
                        messages=tuple(m for m in script.conversation.messages if m.id in real_ids))
    real_score = scorecard.score(Analysis(real, tuple(f for f in script.analysis.findings if f.span.message_id in real_ids)))
    skipped = sorted(set(range(reached + 1)) - set(by_turn))
    return Comparison(turns, trainee_score, real_score, script.conversation.outcome, script.conversation.satisfaction,
                      skipped)


def comparison_for(*, session: Session, attempt: PracticeAttemptRow, analyzer: Analyzer, scorecard: Scorecard,
                   redaction: PracticeRedaction | None = None) -> Comparison:
    script = redaction.real_script if redaction else _script_for(session, attempt.conversation_id, analyzer)
    return compare(attempt, script, analyzer, scorecard, redaction)


def waiting_turn(attempt: PracticeAttemptRow) -> PracticeTurnRow | None:
    """The customer turn waiting for the trainee's reply (None once the attempt has ended)."""
    last = attempt.turns[-1] if attempt.turns else None
    return last if attempt.status == "open" and last is not None and last.reply is None else None


# -- showing an attempt redacted -----------------------------------------------------------------------
@dataclass(frozen=True)
class ShownTurn:
    """A saved practice turn's texts as one viewer sees them."""

    customer_text: str
    reply: str | None
    findings: tuple[dict, ...]

    @classmethod
    def of(cls, turn: PracticeTurnRow) -> ShownTurn:
        return cls(turn.customer_text, turn.reply, tuple(turn.findings or ()))


class PracticeRedaction:
    """An attempt as an agent of another team sees it: the real conversation redacted with
    Presidio (`heard.privacy.redact`, the same placeholders as its case file: "Customer A",
    "Order 1"), findings moved onto the redacted words; every saved text of the attempt — the
    customer's turns, the reactions quoting them and the trainee's replies with the findings on
    them — redacted with the same placeholders.

    The attempt is stored with the real words (a coach reviewing it sees what was said); only what
    is shown is redacted."""

    def __init__(self, real_script: Script, attempt: PracticeAttemptRow) -> None:
        from heard.privacy.redact import redact_analysis

        self.real_script = real_script
        red = redact_analysis(real_script.analysis)
        self.conversation = red.analysis.conversation
        self.script = script_from_analysis(red.analysis)
        # a real customer turn is shown exactly as in the redacted thread
        known = {real.text: shown.text for real, shown in zip(real_script.turns, self.script.turns)}
        texts = [t.customer_text for t in attempt.turns if t.customer_text not in known]
        replies = [t.reply for t in attempt.turns if t.reply]
        done = red.redactor.redact_texts(texts + replies, red.placeholders) if texts or replies else []
        known.update((original, text) for original, (text, _, _) in zip(texts, done))
        maps = {t.position: m for t, m in zip([t for t in attempt.turns if t.reply], done[len(texts):])}
        self._turns: dict[int, ShownTurn] = {}
        for t in attempt.turns:
            reply, findings = t.reply, tuple(t.findings or ())
            if t.position in maps:
                reply, offsets, _ = maps[t.position]
                findings = tuple(_moved(f, offsets, reply) for f in findings)
            self._turns[t.position] = ShownTurn(known[t.customer_text], reply, findings)

    def turn(self, turn: PracticeTurnRow) -> ShownTurn:
        return self._turns[turn.position]


def _moved(finding: dict, offsets, text: str) -> dict:
    start, end = offsets.start(finding["start"]), offsets.end(finding["end"])
    end = max(end, start + 1) if finding["end"] > finding["start"] else end
    return {**finding, "start": start, "end": end, "evidence": text[start:end]}


def redaction_for(session: Session, *, attempt: PracticeAttemptRow, analyzer: Analyzer,
                  viewer: Viewer | None) -> PracticeRedaction | None:
    """The redaction to show this attempt with, or None when the viewer sees the real words
    (NotFound when the attempt is not there for them)."""
    try:
        redacted = attempt_access(session, conversation_id=attempt.conversation_id, viewer=viewer)
    except NotFound:
        raise NotFound(f"No practice attempt with id {attempt.id}.") from None
    return PracticeRedaction(_script_for(session, attempt.conversation_id, analyzer), attempt) if redacted else None
