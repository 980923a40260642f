"""FastAPI dependencies as `Annotated` aliases: declare `session: SessionDep` and get one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from heard.analyze.pipeline import Analyzer
from heard.analyze.scorecard import Scorecard
from heard.config import Settings


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
    """The app's Analyzer, built once from `settings.detector_names` on first use."""
    state = request.app.state
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
