"""FastAPI dependencies as `Annotated` aliases: declare `session: SessionDep` and get one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from heard.analyze.pipeline import Analyzer
from heard.analyze.scorecard import Scorecard
from heard.config import Settings
from heard.model import unpaired_surrogate


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_scorecard(request: Request) -> Scorecard:
    return request.app.state.scorecard


def get_templates(request: Request) -> Jinja2Templates:
    return request.app.state.templates


def get_analyzer(request: Request) -> Analyzer:
    return app_analyzer(request.app)


def app_analyzer(app) -> Analyzer:
    """The app's Analyzer, built once from `settings.detector_names` on first use."""
    state = app.state
    if state.analyzer is None:
        with state.analyzer_lock:
            if state.analyzer is None:
                state.analyzer = Analyzer.from_names(state.settings.detector_names)
    return state.analyzer


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ScorecardDep = Annotated[Scorecard, Depends(get_scorecard)]
TemplatesDep = Annotated[Jinja2Templates, Depends(get_templates)]
AnalyzerDep = Annotated[Analyzer, Depends(get_analyzer)]


async def whole_characters(request: Request) -> None:
    """Every route: a JSON body holding half a surrogate pair ("\\udc00" — JSON allows it, no
    database stores it, no tokenizer reads it) is a 422 naming the field."""
    if "json" not in request.headers.get("content-type", ""):
        return
    body = await request.body()  # FastAPI has read it already: this is the cached copy
    if b"\\ud" not in body.lower():
        return
    try:
        found = _first_unpaired(json.loads(body), ())
    except ValueError:
        return  # not JSON: the route's own validation says so
    if found:
        where, escape = found
        raise RequestValidationError([{"loc": ("body", *where), "type": "value_error",
                                       "msg": f"not Unicode (an unpaired surrogate escape {escape})"}])


def _first_unpaired(value: Any, where: tuple) -> tuple[tuple, str] | None:
    if isinstance(value, str):
        escape = unpaired_surrogate(value)
        return (where, escape) if escape else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if found := _first_unpaired(item, (*where, key)):
            return found
    return None
