"""Text helpers shared by readers. One public function: `html_to_text(html) -> str`.

Built on the standard library's `html.parser`: tags are dropped, entities decoded, block
elements (<p>, <div>, <li>, <br>, headings, table rows …) become line breaks, and the
contents of <script>, <style>, <head> and <template> are left out. Runs of spaces inside a
line collapse to one; more than one blank line in a row collapses to one. Text that is not
HTML comes back unchanged apart from that whitespace tidying, so callers can pass any body.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

__all__ = ["html_to_text"]

_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
    }
)
_SKIP = frozenset({"script", "style", "head", "template", "title"})
_SPACES = re.compile(r"[ \t\f\v\r\u00a0]+")  # not \n: line breaks carry the block structure
_BLANK_LINES = re.compile(r"\n{3,}")
_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|/[a-zA-Z][a-zA-Z0-9]*\s*|!--.*?--)>", re.S)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("- ")
        elif tag in {"td", "th"}:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK and tag != "li":  # the next <li> (or </ul>) breaks the line
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            # Source newlines inside HTML are layout, not content: they read as spaces.
            self.parts.append(data.replace("\r\n", " ").replace("\n", " "))


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment (or of plain text, tidied)."""
    if not _TAG.search(html):
        # No markup: line breaks are content; only decode entities such as &amp;.
        return _tidy(unescape(html))
    parser = _TextCollector()
    parser.feed(html)
    parser.close()
    return _tidy("".join(parser.parts))
