"""Find detectors through the `heard.detectors` entry-point group and order them by `requires`.

Heard's own detectors are registered in pyproject.toml the same way a team's plug-in is:

    [project.entry-points."heard.detectors"]
    my_detector = "my_package.detectors:MyDetector"
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib.metadata import entry_points

from heard.analyze.detector import Detector
from heard.errors import MissingRequirement, UnknownDetector

GROUP = "heard.detectors"


@cache
def available_detectors() -> dict[str, type[Detector]]:
    """Every installed detector class by its registered name."""
    classes = {}
    for ep in entry_points(group=GROUP):
        cls = ep.load()
        classes[cls.info.name] = cls
    return dict(sorted(classes.items()))


def build_detectors(
    names: Sequence[str] | None = None, *, available: dict[str, type[Detector]] | None = None
) -> list[Detector]:
    """Instantiate the named detectors (all installed ones by default), ordered so that every
    detector runs after those providing what it requires."""
    available = available_detectors() if available is None else available
    chosen = list(available) if names is None else list(names)
    unknown = [n for n in chosen if n not in available]
    if unknown:
        raise UnknownDetector(
            f"Unknown detector(s) {', '.join(map(repr, unknown))}. "
            f"Installed detectors: {', '.join(available)}."
        )
    return [available[name]() for name in _ordered(chosen, available)]


def _ordered(names: list[str], available: dict[str, type[Detector]]) -> list[str]:
    ordered: list[str] = []
    pending = list(names)
    while pending:
        ready = [n for n in pending if _satisfied(available[n], ordered, available)]
        if not ready:
            name = pending[0]
            missing = [
                r for r in available[name].info.requires
                if not any(available[o].info.assigns(r) for o in names)
            ]
            raise MissingRequirement(
                f"Detector {name!r} requires {', '.join(map(repr, missing or available[name].info.requires))}, "
                "which no detector in this pipeline provides. Add a detector that assigns it "
                "to analyze.detectors in your configuration."
            )
        ordered.extend(ready)
        pending = [n for n in pending if n not in ready]
    return ordered


def _satisfied(cls: type[Detector], done: list[str], available: dict[str, type[Detector]]) -> bool:
    return all(any(available[d].info.assigns(r) for d in done) for r in cls.info.requires)
