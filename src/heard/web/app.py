"""`create_app(settings)`: the FastAPI app serving Heard's pages and their JSON twins under /api.

There is no module-level app: every app (a test's, `heard serve`'s) is built from its own
Settings, opens its own store and loads its own scorecard. The Analyzer behind /api/detect is
built on first use and cached on `app.state`, once per app.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from heard.analyze.scorecard import Scorecard
from heard.config import Settings
from heard.store.db import open_store
from heard.web import api, pages
from heard.web.api import debriefs as debriefs_api
from heard.web.api import feedback as feedback_api
from heard.web.api import practice as practice_api
from heard.web.pages import coach as coach_pages
from heard.web.api import case_files as case_files_api
from heard.web.api import corrections as corrections_api
from heard.web.api import search as search_api
from heard.web.pages import library as library_pages
from heard.web.deps import app_analyzer, whole_characters
from heard.web.errors import install_error_handlers
from heard.web.templating import make_templates

STATIC = Path(__file__).with_name("static")


def create_app(settings: Settings, *, warm_up: bool = False) -> FastAPI:
    """Open the store at `settings.database_url` (migrating it), load the scorecard and wire the
    routers. `warm_up` (for `heard serve`): on start-up, load the models and the redaction
    pipeline in the background, so the first practice or redacted page does not wait for them."""
    app = FastAPI(
        lifespan=_warming if warm_up else None,
        title="Heard",
        summary="Empathy case files from customer-support conversations.",
        description=(
            "Every page of Heard's web UI has a JSON twin here. Errors always come back as "
            '`{"ok": false, "error": "...", "errors": [...], "status": N}`.'
        ),
        version="0.1.0",
        docs_url=None,  # served below from the package's own files: FastAPI's default uses a CDN
        redoc_url=None,
        dependencies=[Depends(whole_characters)],
    )
    app.state.settings = settings
    app.state.sessions = open_store(settings.database_url)
    app.state.scorecard = Scorecard.load(settings.scorecard)
    app.state.analyzer = None
    app.state.analyzer_lock = threading.Lock()
    app.state.templates = make_templates()
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_path), name="swagger")  # before /static
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_api_route("/docs", _docs, include_in_schema=False, response_class=HTMLResponse)
    app.include_router(api.conversations.router)
    app.include_router(api.detect.router)
    app.include_router(pages.conversations.router)
    app.include_router(debriefs_api.router)
    app.include_router(feedback_api.router)
    app.include_router(practice_api.router)
    app.include_router(coach_pages.router)
    app.include_router(case_files_api.router)
    app.include_router(corrections_api.router)
    app.include_router(search_api.router)
    app.include_router(library_pages.router)
    install_error_handlers(app)
    return app


@asynccontextmanager
async def _warming(app: FastAPI) -> AsyncIterator[None]:
    threading.Thread(target=_warm, args=(app,), name="heard-warm-up", daemon=True).start()
    yield


def _warm(app: FastAPI) -> None:
    """Build the Analyzer and run it once (its models load on first use), then spaCy for redaction."""
    from heard.model import Channel, Conversation, Message, Role
    from heard.privacy.redact import get_redactor

    app_analyzer(app).analyze(Conversation("warm-up", "0", Channel.chat, (Message("1", Role.customer, "Hello."),)))
    get_redactor().detect(["Hello, I am Ada."])


def _docs() -> HTMLResponse:
    """OpenAPI explorer, working offline."""
    return get_swagger_ui_html(
        openapi_url="/openapi.json", title="Heard API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js", swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url="/static/swagger/favicon-32x32.png",
    )
