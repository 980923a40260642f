"""Server-rendered pages (Jinja2 + htmx), each the twin of a JSON route under /api."""

from heard.web.pages import conversations

__all__ = ["conversations"]
