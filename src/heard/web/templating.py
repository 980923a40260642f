"""Jinja2 set-up and the small presentation vocabulary shared by templates and the JSON API.

Autoescaping is on for every template, and conversation text only ever reaches a page through
`{{ … }}`: nothing from a conversation is marked safe.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.responses import Response

from heard.model import HARMFUL_MOVES

TEMPLATES = Path(__file__).with_name("templates")

# Pages load only their own static files; even if escaping ever failed, no inline script runs.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

LISTENING = frozenset({"move.name_feeling", "move.reflect_concern", "move.invite_more", "move.reframe", "move.pause"})
OWNERSHIP = frozenset({"move.ownership", "move.offer_choices", "move.checkpoint", "move.apology", "move.closure"})
EMOTIONS = ("anger", "frustration", "anxiety", "sadness", "disappointment", "confusion",
            "relief", "gratitude", "joy", "neutral")

KIND_LABELS = {
    "move.name_feeling": "Named the feeling",
    "move.reflect_concern": "Reflected the concern",
    "move.reframe": "Reframed to the outcome",
    "move.ownership": "Took ownership",
    "move.offer_choices": "Offered choices",
    "move.checkpoint": "Timed checkpoint",
    "move.invite_more": "Invited more",
    "move.apology": "Specific apology",
    "move.closure": "Closure",
    "move.pause": "Pause to listen",
    "move.defensive": "Defensive",
    "move.non_apology": "Non-apology",
    "move.overpromise": "Overpromise",
    "move.generic": "Generic reply",
    "move.overtalk": "Overtalk",
    "risk.churn": "Churn risk",
    "promise.kept": "Promise kept",
    "promise.missed": "Promise missed",
    "promise.open": "Promise open",
    "conversation.loop": "Loop: reflect → reframe → path",
    "conversation.recovery": "Recovery moment",
    "conversation.transfer": "Transfer",
}


def group_of(kind: str) -> str:
    """The colour family of a kind: listening, ownership, harmful, signal, promise, conversation."""
    if kind in HARMFUL_MOVES:
        return "harmful"
    if kind in OWNERSHIP:
        return "ownership"
    family = kind.split(".", 1)[0]
    if family == "move":
        return "listening" if kind in LISTENING or kind not in OWNERSHIP else "ownership"
    if family in {"emotion", "concern", "risk", "loyalty"}:
        return "signal"
    if family in {"promise", "conversation"}:
        return family
    return "other"


def label_of(kind: str) -> str:
    if kind in KIND_LABELS:
        return KIND_LABELS[kind]
    family, _, rest = kind.partition(".")
    name = (rest or family).replace("_", " ")
    if family == "concern":
        return f"Concern: {name}"
    if family == "loyalty":
        return f"Loyalty: {name}"
    return name[:1].upper() + name[1:]


def css_class(kind: str) -> str:
    """`move.name_feeling` → `move-name_feeling` (kinds are [a-z_.]; anything else becomes '-')."""
    return "".join(c if c.isalnum() or c in "_-" else "-" for c in kind)


def fmt_time(value: datetime | None) -> str:
    if value is None:
        return ""
    return f"{value.day} {value:%b %Y, %H:%M} {value.tzname() or ''}".strip()


def fmt_seconds(value: float | None) -> str:
    if value is None:
        return ""
    total = int(value)
    return f"{total // 60}:{total % 60:02d}"


def fmt_points(value: float) -> str:
    return f"{value:g}"


def collapse_runs(emotions: list) -> list:
    """Consecutive repeats of one emotion shown once (the strongest), so a row reads as a path."""
    out: list = []
    for e in emotions:
        if out and out[-1].label == e.label:
            if (e.intensity or 0) > (out[-1].intensity or 0):
                out[-1] = e
            continue
        out.append(e)
    return out


def make_templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(time=fmt_time, seconds=fmt_seconds, points=fmt_points, kind_class=css_class,
                       kind_label=label_of, kind_group=group_of, collapse_runs=collapse_runs)
    env.globals.update(EMOTIONS=EMOTIONS)
    return Jinja2Templates(env=env)


def render(request: Request, name: str, context: dict, *, status_code: int = 200,
           headers: dict | None = None) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    response = templates.TemplateResponse(request, name, context, status_code=status_code, headers=headers)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Vary"] = "HX-Request"
    return response
