"""Heard's web UI and JSON API: `create_app(settings)` builds the FastAPI app."""

from heard.web.app import create_app

__all__ = ["create_app"]
