"""Split a message's text into segments so that every finding can be highlighted on its exact span.

Findings may overlap, nest, touch or cross. `segments` cuts the text at every span boundary; each
segment lists the findings that cover it, outermost first (earliest start, then longest), so a
template can render one `<mark>` per finding per segment, nested in the same order everywhere,
and every finding stays a distinct element on exactly its own characters.

Offsets are Python string indices (code points), the same as `Span.start`/`Span.end`. A span that
is empty, reversed, negative, past the end of the text or not an integer is ignored: the text is
still shown whole, and nothing is highlighted that the span cannot honestly point at.

The function is pure and knows nothing about HTML: the template escapes each segment's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Segment", "segments"]


@dataclass(frozen=True)
class Segment:
    """Characters `start`..`end` of the text, covered by `findings` (indices into the list given
    to `segments`, outermost first). `opens` are the findings whose span begins here."""

    start: int
    end: int
    text: str
    findings: tuple[int, ...] = ()
    opens: tuple[int, ...] = ()

    @property
    def highlighted(self) -> bool:
        return bool(self.findings)


def _bounds(item: Any) -> tuple[object, object]:
    """(start, end) of a Finding (via its span), a Span, or a (start, end) pair."""
    span = getattr(item, "span", item)
    if hasattr(span, "start") and hasattr(span, "end"):
        return span.start, span.end
    start, end = item
    return start, end


def _valid(start: object, end: object, length: int) -> bool:
    return (
        isinstance(start, int) and isinstance(end, int)
        and not isinstance(start, bool) and not isinstance(end, bool)
        and 0 <= start < end <= length
    )


def segments(text: str, findings: Sequence[Any]) -> list[Segment]:
    """Cut `text` into consecutive segments at every valid span boundary; joined, their texts
    are `text` again. Plain stretches come back as segments with no findings."""
    if not text:
        return []
    spans: list[tuple[int, int, int]] = []
    for index, item in enumerate(findings):
        try:
            start, end = _bounds(item)
        except (TypeError, ValueError):
            continue
        if _valid(start, end, len(text)):
            spans.append((start, end, index))  # type: ignore[arg-type]
    spans.sort(key=lambda s: (s[0], -s[1], s[2]))
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = tuple(i for start, end, i in spans if start <= a and end >= b)
        opens = tuple(i for start, _end, i in spans if start == a)
        out.append(Segment(a, b, text[a:b], covering, opens))
    return out
