"""Coaching in the terminal (Rich): the interactive practice behind `heard practice`, and the
tables behind `heard feedback list` and `heard debrief patterns`."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from sqlalchemy.orm import Session, sessionmaker

from heard.analyze.pipeline import Analyzer
from heard.analyze.scorecard import Scorecard
from heard.coach import practice
from heard.coach.practice import ENDINGS, LEFT_LINE, SETTLED_LINE, mood_label
from heard.model import HARMFUL_MOVES

STYLES = {"harmful": "bold red underline", "good": "bold green underline"}


def highlighted(text: str, findings: list[dict]) -> Text:
    """The reply with each finding's span styled: green for good moves, red for harmful ones."""
    out = Text(text)
    for f in findings:
        out.stylize(STYLES["harmful" if f["kind"] in HARMFUL_MOVES else "good"], f["start"], f["end"])
    return out


def _customer(console: Console, text: str, source: str, why: str | None) -> None:
    title = "Customer — reaction to your reply" if source == "reaction" else "Customer"
    console.print(Panel(Text(text), title=title, title_align="left", border_style="magenta" if source == "real" else "red"))
    if why:
        console.print(Text(why, style="dim"))


def _review(console: Console, turn) -> None:
    console.print(Panel(highlighted(turn.reply or "", turn.findings), title=f"You — score {turn.score:g}/100",
                        title_align="left", border_style="blue"))
    good = [f for f in turn.findings if f["kind"] not in HARMFUL_MOVES]
    bad = [f for f in turn.findings if f["kind"] in HARMFUL_MOVES]
    for f in good:
        console.print(Text.assemble(("  ✓ ", "green"), (f["kind"], "bold"), f"  “{f['evidence']}”"))
    for f in bad:
        console.print(Text.assemble(("  ⚠ ", "red"), (f["kind"], "bold red"), f"  “{f['evidence']}”"))
    for label in turn.missed:
        console.print(Text.assemble(("  ✗ missed: ", "yellow"), label))
    direction = ("calms down" if turn.calm_after > turn.calm_before
                 else "gets more upset" if turn.calm_after < turn.calm_before else "stays where they were")
    console.print(Text(f"The customer {direction}: {mood_label(turn.calm_before)} ({turn.calm_before}) → "
                       f"{mood_label(turn.calm_after)} ({turn.calm_after})", style="bold"))
    for c in turn.changes:
        console.print(f"  {c['delta']:+d} {c['kind']}: {c['reason']}", highlight=False)


def side_by_side(console: Console, comparison: practice.Comparison) -> None:
    table = Table(title="Side by side", show_lines=True, expand=True)
    table.add_column("The customer said", ratio=1)
    table.add_column("You replied", ratio=1)
    table.add_column("The real agent replied", ratio=1)
    for turn in comparison.turns:
        yours = Text()
        for r in turn.trainee:
            if len(yours):
                yours.append("\n\n")
            yours.append_text(highlighted(r.reply, r.findings))
            yours.append(f"\n(score {r.score:g})", style="dim")
        real = Text()
        if turn.real_review:
            real = highlighted(turn.real_reply, turn.real_review.as_json())
            real.append(f"\n(score {turn.real_review.score.total:g})", style="dim")
        table.add_row(turn.customer_text, yours or Text("skipped", style="dim"), real or Text("no reply", style="dim"))
    console.print(table)
    outcome = comparison.outcome or "not recorded"
    if comparison.satisfaction:
        outcome += f", CSAT {comparison.satisfaction}/5"
    console.print(f"Your score: {comparison.trainee_score.total:g}   Real agent's score: "
                  f"{comparison.real_score.total:g}   Real outcome: {outcome}", highlight=False)


def run_practice(*, sessions: sessionmaker[Session], conversation_id: int, trainee: str, analyzer: Analyzer,
                 scorecard: Scorecard, read_reply: Callable[[], str], console: Console) -> int:
    """Play a practice in the terminal; returns the saved attempt's id."""
    with sessions() as session:
        attempt = practice.start_practice(session=session, conversation_id=conversation_id, trainee=trainee,
                                          analyzer=analyzer)
        session.commit()
        console.print(f"Practice {attempt.id}: you are the agent. Customer calm starts at {attempt.calm}/10 "
                      f"({mood_label(attempt.calm)}).", highlight=False)
        while (waiting := practice.waiting_turn(attempt)) is not None:
            _customer(console, waiting.customer_text, waiting.source, waiting.why)
            attempt = practice.submit_reply(session=session, attempt_id=attempt.id, reply=read_reply(),
                                            analyzer=analyzer, scorecard=scorecard)
            session.commit()
            _review(console, waiting)
        line = {"settled": SETTLED_LINE, "customer_left": LEFT_LINE}.get(attempt.ending or "")
        if line:
            _customer(console, line, "reaction", None)
        title, why = ENDINGS[attempt.ending or "completed"]
        console.print(f"[bold]{title}.[/bold] {why}", highlight=False)
        side_by_side(console, practice.comparison_for(session=session, attempt=attempt, analyzer=analyzer,
                                                      scorecard=scorecard))
        return attempt.id


def print_feedback(*, sessions: sessionmaker[Session], agent: str | None, console: Console) -> None:
    from heard.coach import feedback as service

    with sessions() as session:
        rows = service.list_feedback(session=session, agent=agent)
        if not rows:
            console.print(f"No feedback{' for ' + agent if agent else ''} yet.")
            return
        for row in rows:
            evidence = service.evidence_of(session, row)
            table = Table(title=f"Feedback {row.id} for {row.agent} from {row.coach} — conversation {row.conversation_id}",
                          title_justify="left", expand=True)
            table.add_column("Rubric line")
            table.add_column("Rating")
            table.add_column("Note")
            table.add_column("About")
            for item in row.items:
                quote = evidence.get(item.position)
                table.add_row(item.label, service.RATINGS.get(item.rating or "", "—"), item.note,
                              f"“{quote}”" if quote else "")
            console.print(table)
            if row.summary:
                console.print(row.summary)


def print_patterns(*, sessions: sessionmaker[Session], last: int, console: Console) -> None:
    from heard.coach.debrief import patterns

    with sessions() as session:
        found = patterns(session=session, last=last)
    if not found.debriefs:
        console.print("No debriefs yet.")
        return
    console.print(f"Patterns across {found.debriefs} debrief{'' if found.debriefs == 1 else 's'}:")
    for title, pairs, style in (("Most-mentioned moves", found.moves, "green"), ("Most-mentioned misses", found.misses, "red")):
        table = Table(title=title, title_justify="left")
        table.add_column("Kind")
        table.add_column("Mentions", justify="right")
        table.add_column("")
        top = max((n for _, n in pairs), default=1)
        for kind, n in pairs:
            table.add_row(kind, str(n), Text("█" * max(1, round(n / top * 20)), style=style))
        console.print(table)
