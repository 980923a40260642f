"""`heard …` — thin wrappers that check arguments and call the services."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from heard.config import Settings
from heard.errors import HeardError

app = typer.Typer(help="Heard: empathy case files from real support conversations.", no_args_is_help=True)
console = Console(stderr=True)

DatabaseOption = Annotated[Optional[str], typer.Option("--database-url", help="SQLAlchemy URL (default: HEARD_DATABASE_URL or sqlite:///heard.db).")]


DefaultRoleOption = Annotated[Optional[str], typer.Option(
    "--default-role", help="The role of requests that name none: agent, coach or lead "
                           "(default: HEARD_DEFAULT_ROLE or agent; a placeholder for sign-in).")]


def _role(value: str) -> str:
    role = value.strip().lower()
    if role not in ("agent", "coach", "lead"):
        raise typer.BadParameter(f"{value!r}: use agent, coach or lead.", param_hint="--default-role")
    return role


def _settings(database_url: str | None) -> Settings:
    return Settings(database_url=database_url) if database_url else Settings()


def _sessions(settings: Settings):
    from heard.store.db import open_store

    return open_store(settings.database_url)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=console)


@app.command("import")
def import_cli(
    path: Annotated[Path, typer.Argument(exists=True, help="A file, a folder or a zip of exports.")],
    format: Annotated[Optional[str], typer.Option(help="Skip sniffing and use this reader.")] = None,
    report: Annotated[Path, typer.Option(help="Where to write the import report (JSON).")] = Path("import-report.json"),
    database_url: DatabaseOption = None,
) -> None:
    """Import conversations; bad records are reported by file, record and field."""
    from heard.importing import import_path

    sessions = _sessions(_settings(database_url))
    with _progress() as progress:
        task = progress.add_task("Importing", total=None, rate="")

        def update(r):
            elapsed = progress.tasks[task].elapsed or 1e-9
            progress.update(task, completed=r.conversations, rate=f"{r.messages / elapsed:,.0f} messages/s")

        result = import_path(path, sessions, format=format, on_progress=update)
    report.write_text(result.to_json(), encoding="utf-8")
    c = result.counts
    console.print(f"{result.conversations} conversations ({result.messages} messages) read: "
                  f"{c.created} new, {c.updated} updated, {c.unchanged} unchanged; {len(result.errors)} bad records.")
    for error in result.errors[:20]:
        console.print(f"  [red]✗[/red] {error['message']}", markup=True, highlight=False)
    if len(result.errors) > 20:
        console.print(f"  … and {len(result.errors) - 20} more")
    console.print(f"Report written to {report}")
    if result.errors and not result.conversations:
        raise typer.Exit(1)


@app.command("analyze")
def analyze_cli(
    everything: Annotated[bool, typer.Option("--all", help="Re-analyse every conversation, not only changed ones.")] = False,
    detectors: Annotated[Optional[str], typer.Option(help="Comma-separated detector names (default: all installed).")] = None,
    scorecard: Annotated[Optional[Path], typer.Option(exists=True, help="A rubric YAML (default: HEARD_SCORECARD or Heard's).")] = None,
    database_url: DatabaseOption = None,
) -> None:
    """Run the detectors over stored conversations and score them."""
    from heard.analyze import run
    from heard.analyze.scorecard import Scorecard

    settings = _settings(database_url)
    names = Settings(detectors=detectors).detector_names if detectors else settings.detector_names
    card = Scorecard.load(scorecard or settings.scorecard)
    with _progress() as progress:
        task = progress.add_task("Analysing", total=None, rate="")
        result = run.run(_sessions(settings), detector_names=names, scorecard=card, everything=everything,
                         on_progress=lambda done, total: progress.update(task, completed=done, total=total))
    console.print(f"{result.analysed} conversations analysed, {result.findings} findings.")
    for failure in result.failures[:20]:
        console.print(f"  [red]✗[/red] {failure}", highlight=False)


@app.command("detect")
def detect_cli(
    file: Annotated[Optional[Path], typer.Argument(help="JSON Lines input (default: standard input).")] = None,
    detectors: Annotated[Optional[str], typer.Option(help="Comma-separated detector names.")] = None,
) -> None:
    """Stream JSON Lines {id, role, text, context?} in, one result line out per input line."""
    from heard.analyze.detect import detect_lines, dumps
    from heard.analyze.pipeline import Analyzer

    analyzer = Analyzer.from_names(Settings(detectors=detectors).detector_names)
    source = open(file, encoding="utf-8") if file else sys.stdin
    with source:
        for result in detect_lines(source, analyzer):
            sys.stdout.write(dumps(result) + "\n")


@app.command("serve")
def serve_cli(
    host: str = "127.0.0.1",
    port: int = 8000,
    database_url: DatabaseOption = None,
    default_role: DefaultRoleOption = None,
) -> None:
    """Serve the web UI and JSON API."""
    import uvicorn

    from heard.web.app import create_app

    settings = _settings(database_url)
    if default_role:
        settings = settings.model_copy(update={"default_role": _role(default_role)})
    console.print(f"Heard is serving {settings.database_url} at [bold]http://{host}:{port}[/bold] "
                  f"(viewing as {settings.default_role} unless a request says otherwise; Ctrl+C to stop)")
    uvicorn.run(create_app(settings, warm_up=True), host=host, port=port, log_level="warning")


@app.command("demo")
def demo_cli(
    serve: Annotated[bool, typer.Option(help="Serve the web UI after loading.")] = True,
    port: int = 8000,
    database_url: DatabaseOption = None,
    default_role: Annotated[str, typer.Option(
        "--default-role", help="The role of requests that name none: the demo explores as a coach "
                               "(switch with \"Viewing as\").")] = "coach",
) -> None:
    """Load the bundled demo conversations, analyse them and serve the web UI (as a coach)."""
    from heard.demo import DEMO_CONVERSATIONS

    default_role = _role(default_role)

    import_cli(DEMO_CONVERSATIONS, format="native", report=Path("import-report.json"), database_url=database_url)
    analyze_cli(everything=False, detectors=None, scorecard=None, database_url=database_url)
    from heard.library.demo import load_demo_case_files

    created = load_demo_case_files(_sessions(_settings(database_url)))
    console.print(f"{created} demo case files added to the library.")
    if serve:
        serve_cli(host="127.0.0.1", port=port, database_url=database_url, default_role=default_role)


# -- coaching: practice, feedback, debriefs ----------------------------------------------------
@app.command("practice")
def practice_cli(
    conversation_id: Annotated[Optional[int], typer.Argument(help="The conversation to role-play (see `heard serve`, /practice).")] = None,
    case_file: Annotated[Optional[int], typer.Option("--case-file", help="Practise on this case file's conversation instead.")] = None,
    trainee: Annotated[str, typer.Option(help="Who is practising (saved with the attempt).")] = "trainee",
    database_url: DatabaseOption = None,
) -> None:
    """Role-play a real conversation: answer each customer turn, see what your reply did, and compare."""
    from heard.analyze.pipeline import Analyzer
    from heard.analyze.scorecard import Scorecard
    from heard.coach.practice import practice_conversation_id
    from heard.coach.terminal import run_practice

    if (conversation_id is None) == (case_file is None):
        raise typer.BadParameter("give a conversation id or --case-file ID (one of them)", param_hint="CONVERSATION_ID")
    settings = _settings(database_url)
    sessions = _sessions(settings)
    if case_file is not None:
        with sessions() as session:
            conversation_id = practice_conversation_id(session, case_file_id=case_file)
    out = Console(highlight=False)

    def read_reply() -> str:
        return typer.prompt("Your reply")

    run_practice(sessions=sessions, conversation_id=conversation_id, trainee=trainee,
                 analyzer=Analyzer.from_names(settings.detector_names), scorecard=Scorecard.load(settings.scorecard),
                 read_reply=read_reply, console=out)


feedback_app = typer.Typer(help="Shadowing feedback: coaches' notes on agents' conversations.", no_args_is_help=True)
app.add_typer(feedback_app, name="feedback")


@feedback_app.command("list")
def feedback_list_cli(
    agent: Annotated[Optional[str], typer.Option(help="Only the feedback this agent received.")] = None,
    database_url: DatabaseOption = None,
) -> None:
    """List feedback, newest first, each rubric line with its rating, note and quoted words."""
    from heard.coach.terminal import print_feedback

    print_feedback(sessions=_sessions(_settings(database_url)), agent=agent, console=Console(highlight=False))


@feedback_app.command("add")
def feedback_add_cli(
    conversation_id: Annotated[int, typer.Argument(help="The agent's conversation.")],
    coach: Annotated[str, typer.Option(help="Who gives the feedback.")],
    item: Annotated[Optional[list[str]], typer.Option("--item", help="A rubric line as LINE:RATING:NOTE (rating strength, "
                                                                        "work_on or not_seen; NOTE optional). Repeat for more.")] = None,
    summary: Annotated[Optional[str], typer.Option(help="A few words for the agent.")] = None,
    agent: Annotated[Optional[str], typer.Option(help="Whose feedback (default: the conversation's agent).")] = None,
    database_url: DatabaseOption = None,
) -> None:
    """Save shadowing feedback, line by line of the scorecard (the form at /feedback/new also takes spans)."""
    from pydantic import ValidationError

    from heard.analyze.scorecard import Scorecard
    from heard.coach.feedback import FeedbackCreate, create_feedback

    items = []
    for raw in item or []:
        line, _, rest = raw.partition(":")
        rating, _, note = rest.partition(":")
        items.append({"item": line.strip(), "rating": rating.strip() or None, "note": note.strip()})
    settings = _settings(database_url)
    try:
        body = FeedbackCreate.model_validate({"conversation_id": conversation_id, "coach": coach, "agent": agent,
                                              "summary": summary, "items": items})
    except ValidationError as error:
        first = error.errors()[0]
        raise typer.BadParameter(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}", param_hint="--item") from None
    with _sessions(settings)() as session:
        row = create_feedback(session=session, feedback_in=body, scorecard=Scorecard.load(settings.scorecard))
        session.commit()
        typer.echo(f"Feedback {row.id} for {row.agent} saved: /feedback/{row.id}")


debrief_app = typer.Typer(help="Debriefs after tense conversations.", no_args_is_help=True)
app.add_typer(debrief_app, name="debrief")


@debrief_app.command("patterns")
def debrief_patterns_cli(
    last: Annotated[int, typer.Option(min=1, help="How many recent debriefs to count over.")] = 50,
    database_url: DatabaseOption = None,
) -> None:
    """The most-mentioned moves and misses across recent debriefs."""
    from heard.coach.terminal import print_patterns

    print_patterns(sessions=_sessions(_settings(database_url)), last=last, console=Console(highlight=False))


@debrief_app.command("order")
def debrief_order_cli(
    participants: Annotated[list[str], typer.Argument(help="Who is here.")],
    database_url: DatabaseOption = None,
) -> None:
    """Who speaks first: quiet voices first (fewest words in recent debriefs), with the prompts."""
    from heard.coach.debrief import PROMPTS, QUIET_WINDOW, speaking_order

    with _sessions(_settings(database_url))() as session:
        order = speaking_order(session=session, participants=participants)
    for n, (participant, words) in enumerate(order, 1):
        typer.echo(f"{n}. {participant} ({words} word{'' if words == 1 else 's'} in the last {QUIET_WINDOW} debriefs)")
    typer.echo("")
    for key, label in (("worked", "What worked"), ("felt_off", "What felt off"), ("try_next", "What I'd try next time")):
        typer.echo(f"{label}: {PROMPTS[key]}")
# -- end coaching --


# -- the library: case files and search ------------------------------------------------------------
case_file_app = typer.Typer(help="Case files: curated conversations with a lesson and coach notes.", no_args_is_help=True)
app.add_typer(case_file_app, name="case-file")
RoleOption = Annotated[str, typer.Option("--role", help="Viewing as agent, coach or lead (placeholder for sign-in).")]


@case_file_app.command("create")
def case_file_create_cli(
    conversation_id: Annotated[int, typer.Argument(help="The analysed conversation's id.")],
    title: Annotated[str, typer.Option(help="A short title.")],
    lesson: Annotated[str, typer.Option(help="The lesson, in a few lines.")] = "",
    tag: Annotated[Optional[list[str]], typer.Option("--tag", help="A tag (repeat for more).")] = None,
    shared: Annotated[bool, typer.Option("--shared/--team", help="Share beyond the team (others see it redacted).")] = False,
    role: RoleOption = "coach",
    database_url: DatabaseOption = None,
) -> None:
    """Turn a conversation into a case file."""
    from heard.library.case_files import create_case_file
    from heard.library.models import CaseFileCreate
    from heard.privacy.roles import Viewer

    with _sessions(_settings(database_url))() as session:
        row = create_case_file(session=session, viewer=Viewer.parse(role), case_file_in=CaseFileCreate(
            conversation_id=conversation_id, title=title, lesson=lesson, tags=tag or [],
            visibility="shared" if shared else "team"))
        session.commit()
        typer.echo(f"Case file {row.id} created: /library/{row.id}")


@case_file_app.command("export")
def case_file_export_cli(
    ids: Annotated[list[int], typer.Argument(help="Case-file ids.")],
    format: Annotated[str, typer.Option("--format", help="html or md.")] = "html",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (default: standard output).")] = None,
    redacted: Annotated[bool, typer.Option(help="Replace names and numbers by placeholders.")] = False,
    role: RoleOption = "coach",
    database_url: DatabaseOption = None,
) -> None:
    """Export case files as one self-contained HTML page or as Markdown, for a team huddle."""
    from heard.library.case_files import view_case_file
    from heard.library.export import export_case_files
    from heard.privacy.roles import Viewer

    if format not in ("html", "md"):
        raise typer.BadParameter("use html or md", param_hint="--format")
    viewer = Viewer.parse(role)
    with _sessions(_settings(database_url))() as session:
        views = [view_case_file(session=session, case_file_id=i, viewer=viewer, redact=redacted) for i in ids]
        body = export_case_files(views, fmt=format)  # type: ignore[arg-type]
    if output:
        output.write_text(body, encoding="utf-8")
        console.print(f"{len(ids)} case file{'' if len(ids) == 1 else 's'} written to {output}")
    else:
        sys.stdout.write(body)


TeamOption = Annotated[Optional[str], typer.Option("--team", help="The viewer's team (agents see other teams' shared case files redacted).")]


# the library's filters, as options of `case-file list`, `search` and `similar`
MoveFilter = Annotated[Optional[str], typer.Option(help="Only conversations with this finding, e.g. move.name_feeling.")]
EmotionFilter = Annotated[Optional[str], typer.Option(help="Only conversations where the customer shows this emotion.")]
ChannelFilter = Annotated[Optional[str], typer.Option(help="Only this channel.")]
TagFilter = Annotated[Optional[str], typer.Option(help="Only conversations with this tag (or case-file tag).")]
OutcomeFilter = Annotated[Optional[str], typer.Option(help="Only this outcome.")]


@case_file_app.command("list")
def case_file_list_cli(
    q: Annotated[Optional[str], typer.Option("--q", help="Words in the title, the lesson or the messages.")] = None,
    tag: Annotated[Optional[str], typer.Option(help="Only case files with this tag.")] = None,
    move: MoveFilter = None,
    emotion: Annotated[Optional[str], typer.Option(help="Only where the customer shows this emotion.")] = None,
    channel: ChannelFilter = None,
    outcome: OutcomeFilter = None,
    role: RoleOption = "coach",
    team: TeamOption = None,
    database_url: DatabaseOption = None,
) -> None:
    """List the case files this viewer may open (id, channel, visibility, title)."""
    from heard.library.case_files import list_case_files
    from heard.library.search import finding_kind, matching_conversation_ids
    from heard.privacy.roles import Viewer
    from heard.store.case_files import CaseFileFilters

    viewer = Viewer.parse(role, team)
    move = finding_kind(move) if move else None
    with _sessions(_settings(database_url))() as session:
        ids = matching_conversation_ids(session=session, query=q) if q else ()
        listed = list_case_files(session=session, viewer=viewer, limit=500, filters=CaseFileFilters(
            q=q, q_conversation_ids=ids, tag=tag, move=move, emotion=emotion, channel=channel, outcome=outcome))
        for c in listed.data:
            shown = f"{c.visibility}, redacted" if c.redacted else c.visibility
            typer.echo(f"{c.id}\t{c.conversation.channel}\t{shown}\t{c.title}")
    console.print(f"{listed.count} case file{'' if listed.count == 1 else 's'}.")


@case_file_app.command("annotate")
def case_file_annotate_cli(
    case_file_id: Annotated[int, typer.Argument(help="The case file's id.")],
    message: Annotated[str, typer.Option(help="The message id the note is on (or after, with --gap).")],
    note: Annotated[str, typer.Option(help="The coach's note.")],
    quote: Annotated[Optional[str], typer.Option(help="The exact words of the message the note is about.")] = None,
    occurrence: Annotated[int, typer.Option(min=1, help="Which appearance of a repeated quote.")] = 1,
    gap: Annotated[bool, typer.Option("--gap", help="A note on the moment after the message (a missed chance).")] = False,
    role: RoleOption = "coach",
    database_url: DatabaseOption = None,
) -> None:
    """Add a coach's note on the exact words of a message (--quote), or on the gap after it (--gap)."""
    from heard.library.case_files import add_annotation
    from heard.library.models import AnnotationCreate
    from heard.privacy.roles import Viewer

    if gap == bool(quote):
        raise typer.BadParameter("give --quote WORDS, or --gap (one of them)", param_hint="--quote")
    with _sessions(_settings(database_url))() as session:
        row = add_annotation(session=session, case_file_id=case_file_id, viewer=Viewer.parse(role), annotation_in=AnnotationCreate(
            kind="gap" if gap else "span", message_id=message, quote=quote, occurrence=occurrence, body=note))
        session.commit()
        where = f"after message {row.message_id}" if row.kind == "gap" else f"on “{row.quote}” ({row.message_id}:{row.start}-{row.end})"
        typer.echo(f"Note {row.id} added {where}: /library/{case_file_id}#a-{row.id}")


@app.command("similar")
def similar_cli(
    conversation_id: Annotated[int, typer.Argument(help="The conversation to find others like.")],
    channel: ChannelFilter = None,
    move: MoveFilter = None,
    emotion: EmotionFilter = None,
    tag: TagFilter = None,
    outcome: OutcomeFilter = None,
    limit: int = 10,
    database_url: DatabaseOption = None,
) -> None:
    """Conversations closest in meaning to this one (sentence embeddings, nothing downloaded)."""
    from heard.library.search import SearchFilters, similar_conversations

    filters = SearchFilters(move=move, emotion=emotion, channel=channel, tag=tag, outcome=outcome)
    with _sessions(_settings(database_url))() as session:
        hits = similar_conversations(session=session, conversation_id=conversation_id, filters=filters, limit=limit)
        session.commit()  # keep the embeddings computed on the way
        for hit in hits:
            c = hit.conversation
            typer.echo(f"{c.id}\t{hit.similarity:.2f}\t{c.channel}\t{c.external_id}\t{c.subject or ''}")
    console.print(f"{len(hits)} similar conversation{'' if len(hits) == 1 else 's'}.")


@app.command("search")
def search_cli(
    query: Annotated[str, typer.Argument(help="Words that must all appear in one message.")],
    channel: ChannelFilter = None,
    move: MoveFilter = None,
    emotion: EmotionFilter = None,
    tag: TagFilter = None,
    outcome: OutcomeFilter = None,
    limit: int = 20,
    role: Annotated[Optional[str], typer.Option("--role", help="Search as agent, coach or lead (default: everything, "
                                                               "as a trusted local user).")] = None,
    team: TeamOption = None,
    database_url: DatabaseOption = None,
) -> None:
    """Full-text search over message text (FTS5 on SQLite, tsvector on PostgreSQL)."""
    from heard.library.search import SearchFilters, search
    from heard.privacy.roles import Viewer

    filters = SearchFilters(move=move, emotion=emotion, channel=channel, tag=tag, outcome=outcome)
    viewer = Viewer.parse(role, team) if role or team else None
    with _sessions(_settings(database_url))() as session:
        hits = search(session=session, query=query, filters=filters, limit=limit, viewer=viewer)
        for hit in hits:
            c = hit.conversation
            shown = f"{c.id}\t{c.channel}\t(redacted)" if hit.redacted else f"{c.id}\t{c.channel}\t{c.external_id}"
            typer.echo(f"{shown}\t{hit.subject or ''}")
            for message_id, snippet in hit.snippets[:2]:
                typer.echo(f"\tmessage {message_id}: {snippet}")
    console.print(f"{len(hits)} conversation{'' if len(hits) == 1 else 's'} found.")


# -- corrections and evaluation ------------------------------------------------------------------

# heard.learn.evaluate.SPLITS, spelt out so that `heard --help` does not load the evaluation
EVAL_SPLITS = ("support", "support-taxonomy", "support-blind", "support-blind-taxonomy", "support-decisions",
               "support-decisions-taxonomy", "support-dev-agent", "support-dev-customer", "stc3-training", "goemotions", "esconv",
               "epitome")


def _since(value: str | None):
    from datetime import datetime, timezone

    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD (or an ISO time).", param_hint="--since") from None
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed


@app.command("export-labels")
def export_labels_cli(
    out: Annotated[str, typer.Option("--out", "-o", help="File to write, or - for standard output.")] = "-",
    since: Annotated[Optional[str], typer.Option(help="Only corrections made or changed on or after this date (UTC).")] = None,
    format: Annotated[str, typer.Option("--format", help="jsonl (one JSON object per line).")] = "jsonl",
    database_url: DatabaseOption = None,
) -> None:
    """Write coaches' corrections as training data, one JSON line each.

    Label 1 for words marked missed, 0 for a finding marked wrong; the format is described in
    docs/models/corrections.md."""
    from heard.coach.corrections import export_labels

    if format != "jsonl":
        raise typer.BadParameter(f"{format!r}: only jsonl is written.", param_hint="--format")
    start = _since(since)
    with _sessions(_settings(database_url))() as session:
        if out == "-":
            result = export_labels(session=session, out=sys.stdout, since=start)
        else:
            with open(out, "w", encoding="utf-8") as handle:
                result = export_labels(session=session, out=handle, since=start)
    for reason in result.skipped[:20]:
        console.print(f"  [yellow]skipped[/yellow] {reason}", highlight=False)
    if len(result.skipped) > 20:
        console.print(f"  … and {len(result.skipped) - 20} more skipped")
    where = "standard output" if out == "-" else out
    console.print(f"{result.written} label{'' if result.written == 1 else 's'} written to {where}"
                  + (f"; {len(result.skipped)} skipped." if result.skipped else "."), highlight=False)


@app.command("eval")
def eval_cli(
    shared_data: Annotated[Optional[Path], typer.Argument(
        help="The shared data folder (default: HEARD_SHARED_DATA, else ../shared/data).", show_default=False)] = None,
    labels: Annotated[Optional[Path], typer.Option(exists=True, dir_okay=False, help="A labelled JSONL file for the "
                      "support split (default: Heard's hand-labelled support validation set).")] = None,
    split: Annotated[Optional[list[str]], typer.Option("--split", help="Only this split (repeat for more): "
                     + ", ".join(EVAL_SPLITS) + ".")] = None,
) -> None:
    """Per kind precision / recall / F1, macro-F1 and ECE on every labelled split available."""
    import os

    unknown = [s for s in split or () if s not in EVAL_SPLITS]
    if unknown:
        raise typer.BadParameter(f"unknown split {unknown[0]!r}: use {', '.join(EVAL_SPLITS)}.", param_hint="--split")
    folder = shared_data or Path(os.environ.get("HEARD_SHARED_DATA") or Path.cwd().parent / "shared" / "data")
    needs_folder = any(not s.startswith("support") for s in split or EVAL_SPLITS)  # support* are files in tests/data
    if needs_folder and not folder.is_dir():
        console.print(f"[red]Error:[/red] the shared data folder {folder} does not exist. Pass it as SHARED_DATA, "
                      "set HEARD_SHARED_DATA, or evaluate only the labels file with --split support.", highlight=False)
        raise typer.Exit(2)
    from heard.learn.evaluate import run_eval

    with console.status("Evaluating (loading the models, then every split)…"):
        report = run_eval(folder, labels=labels, splits=split or None)
    sys.stdout.write(report)
# -- end corrections and evaluation --


def main() -> None:
    try:
        app()
    except HeardError as error:
        console.print(f"[red]Error:[/red] {error}", highlight=False)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
