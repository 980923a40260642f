"""JSON API routers, one per resource: the twins of the web pages."""

from heard.web.api import conversations, detect

__all__ = ["conversations", "detect"]
