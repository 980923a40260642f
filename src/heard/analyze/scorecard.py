"""Score a conversation against a rubric (YAML), every point linked to the findings behind it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError

from heard.errors import ConfigError
from heard.model import Analysis, Finding, Role

DEFAULT_SCORECARD = Path(__file__).with_name("default_scorecard.yaml")
NEGATIVE_EMOTIONS = frozenset({"anger", "frustration", "anxiety", "sadness", "disappointment", "confusion"})

CONDITIONS: dict[str, Callable[[Analysis], bool]] = {
    "customer_upset": lambda a: any(f.kind.split(".", 1)[1] in NEGATIVE_EMOTIONS for f in a.of_kind("emotion")),
    "customer_concern": lambda a: bool(a.of_kind("concern") or a.of_kind("risk")),
    "promise_made": lambda a: bool(a.of_kind("move.checkpoint")),
    "resolved": lambda a: (a.conversation.outcome or "") in {"resolved", "retained"},
}


class RubricItem(BaseModel):
    id: str
    label: str
    kinds: list[str] = Field(min_length=1)
    points: float = Field(gt=0)
    when: str | None = None


class Rubric(BaseModel):
    name: str
    earn: list[RubricItem]
    cost: list[RubricItem] = []


@dataclass(frozen=True)
class ScorePoint:
    """One rubric line: what it is worth, what it got, and the evidence."""

    item: str
    label: str
    points: float
    earned: float
    applicable: bool
    evidence: tuple[Finding, ...]
    is_cost: bool = False


@dataclass(frozen=True)
class Score:
    rubric: str
    total: float
    points: tuple[ScorePoint, ...]


class Scorecard:
    def __init__(self, rubric: Rubric):
        unknown = {i.when for i in rubric.earn + rubric.cost if i.when and i.when not in CONDITIONS}
        if unknown:
            raise ConfigError(f"Unknown 'when' condition(s) {sorted(unknown)}; use one of {sorted(CONDITIONS)}.")
        self.rubric = rubric

    @classmethod
    def load(cls, path: Path | str | None = None) -> Scorecard:
        """The rubric at `path`, or Heard's default."""
        path = Path(path or DEFAULT_SCORECARD)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            return cls(Rubric.model_validate(data))
        except OSError as error:
            raise ConfigError(f"Cannot read scorecard {path}: {error.strerror}.") from None
        except yaml.YAMLError as error:
            raise ConfigError(f"Scorecard {path} is not valid YAML: {error}") from None
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(map(str, first["loc"]))
            raise ConfigError(f"Scorecard {path}, field {where!r}: {first['msg']}.") from None

    def score(self, analysis: Analysis) -> Score:
        agent_ids = {m.id for m in analysis.conversation.iter_messages(Role.agent)}
        earn = [self._point(i, analysis, agent_ids, is_cost=False) for i in self.rubric.earn]
        cost = [self._point(i, analysis, agent_ids, is_cost=True) for i in self.rubric.cost]
        possible = sum(p.points for p in earn if p.applicable)
        earned = sum(p.earned for p in earn)
        total = (earned / possible * 100 if possible else 100) - sum(p.earned for p in cost)
        return Score(self.rubric.name, round(max(0.0, min(100.0, total)), 1), tuple(earn + cost))

    @staticmethod
    def _point(item: RubricItem, analysis: Analysis, agent_ids: set[str], *, is_cost: bool) -> ScorePoint:
        applicable = item.when is None or CONDITIONS[item.when](analysis)
        evidence = tuple(
            f for f in analysis.findings
            if f.kind in item.kinds and (f.family != "move" or f.span.message_id in agent_ids)
        ) if applicable else ()
        return ScorePoint(item.id, item.label, item.points, item.points if evidence else 0.0, applicable,
                          evidence, is_cost)
