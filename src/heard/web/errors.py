"""One error handler for the whole app.

Every error — Heard's own (`heard.errors`, which carry an HTTP `status`), request validation,
unknown routes, and anything unexpected — goes through `handle_error`. Under /api it answers in
datasette's shape, `{"ok": false, "error": "...", "errors": ["..."], "status": N}`; for pages it
renders a friendly HTML page with the same words.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from heard.errors import HeardError
from heard.web.templating import render

log = logging.getLogger(__name__)

TITLES = {400: "That request didn't work", 404: "Not found", 405: "Not allowed here",
          422: "Some values need fixing", 500: "Something went wrong"}


def describe(request: Request, exc: Exception) -> tuple[int, str, list[str]]:
    """(status, error, errors) for any exception."""
    if isinstance(exc, RequestValidationError):
        errors = [_validation_message(e) for e in exc.errors()]
        error = errors[0] if len(errors) == 1 else f"{len(errors)} values in the request need fixing."
        return 422, error, errors
    if isinstance(exc, HeardError):
        return exc.status, str(exc), [str(exc)]
    if isinstance(exc, StarletteHTTPException):
        if exc.status_code == 404 and exc.detail in (None, "Not Found"):
            error = f"There is nothing at {request.url.path}."
        else:
            error = str(exc.detail)
        return exc.status_code, error, [error]
    log.exception("Unhandled error on %s", request.url.path, exc_info=exc)
    error = "Something went wrong on our side; the error has been logged."
    return 500, error, [error]


def _validation_message(error: dict) -> str:
    where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "body", "path")) or "request"
    return f"{where}: {error.get('msg', 'invalid value')}"


def wants_json(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


async def handle_error(request: Request, exc: Exception) -> Response:
    status, error, errors = describe(request, exc)
    headers = getattr(exc, "headers", None) if isinstance(exc, StarletteHTTPException) else None
    if wants_json(request):
        return JSONResponse({"ok": False, "error": error, "errors": errors, "status": status},
                            status_code=status, headers=headers)
    context = {"status": status, "title": TITLES.get(status, "That didn't work"), "error": error, "errors": errors}
    return render(request, "error.html", context, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    for exc_class in (HeardError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(exc_class, handle_error)
