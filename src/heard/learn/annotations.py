"""Hand labels on STC-3 turns: in-domain training data, joined to their text at training time.

`annotations/stc3_customer.jsonl` and `annotations/stc3_agent.jsonl` hold one record per turn:

    {"source_id": "<dialogue id>#<turn>", "labels": ["concern.money"], "spans": {"concern.money": [12, 40]},
     "emotion": "frustration", "intensity": 2}

`spans` gives, per label, the characters of the turn's text that carry it (the text is the turn's
utterances joined by spaces, as everywhere else). The text itself is read from the STC-3 release in
../shared/data: its Weibo text has no stated licence, so it is not copied into Heard.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from heard.analyze.text import sentence_spans
from heard.errors import InvalidRecord, MissingRequirement, json_object

FOLDER = Path(__file__).parent / "annotations"
EMOTIONS = ("anger", "frustration", "anxiety", "sadness", "disappointment", "confusion", "relief",
            "gratitude", "joy", "neutral")
KINDS = {
    "agent": frozenset(f"move.{k}" for k in (
        "name_feeling", "reflect_concern", "reframe", "ownership", "offer_choices", "checkpoint", "invite_more",
        "apology", "closure", "defensive", "non_apology", "overpromise", "generic")),
    "customer": frozenset(("concern.deadline_event", "concern.accessibility", "concern.repeat_contact",
                           "concern.money", "concern.business_impact", "concern.invisible", "risk.churn")),
}


@dataclass(frozen=True)
class Annotation:
    source_id: str
    labels: frozenset[str]
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    emotion: str | None = None
    intensity: int | None = None

    @property
    def dialogue(self) -> str:
        return self.source_id.split("#", 1)[0]


def path_for(role: str) -> Path:
    return FOLDER / f"stc3_{role}.jsonl"


def read_annotations(path: Path, role: str) -> list[Annotation]:
    """Every record of `path`; a bad one raises InvalidRecord naming the file, line and field."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            out.append(_parse(path, n, line, role))
    return out


def _parse(path: Path, n: int, line: str, role: str) -> Annotation:
    def bad(reason: str, name: str | None = None) -> InvalidRecord:
        return InvalidRecord(reason, path=str(path), record=f"line {n}", field=name)

    r = json_object(line, path=str(path), record=f"line {n}")
    sid = r.get("source_id")
    if not isinstance(sid, str) or "#" not in sid:
        raise bad("must be '<dialogue id>#<turn>'", "source_id")
    labels = r.get("labels")
    if not isinstance(labels, list) or not all(isinstance(k, str) for k in labels):
        raise bad("must be a list of kinds", "labels")
    unknown = sorted(set(labels) - KINDS[role])
    if unknown:
        raise bad(f"unknown {role} kind(s) {', '.join(unknown)}", "labels")
    spans = r.get("spans", {})
    if not isinstance(spans, dict) or set(spans) - set(labels):
        raise bad("must map labels of this record to [start, end]", "spans")
    for kind, se in spans.items():
        if not (isinstance(se, list) and len(se) == 2 and all(isinstance(x, int) for x in se) and 0 <= se[0] < se[1]):
            raise bad(f"{kind}: must be [start, end] with 0 <= start < end", "spans")
    emotion, intensity = r.get("emotion"), r.get("intensity")
    if role == "customer":
        if emotion not in EMOTIONS:
            raise bad(f"must be one of {', '.join(EMOTIONS)}", "emotion")
        if not (intensity is None if emotion == "neutral" else intensity in (1, 2, 3)):
            raise bad("must be 1-3, or null for neutral", "intensity")
    return Annotation(sid, frozenset(labels), {k: (se[0], se[1]) for k, se in spans.items()}, emotion, intensity)


def stc3_texts(shared: Path) -> dict[str, str]:
    """Every STC-3 turn's text in the shared release, by '<dialogue id>#<turn>'."""
    path = shared / "stc3" / "train_data_en.json"
    return {f"{d['id']}#{t}": " ".join(u for u in turn["utterances"] if u).strip()
            for d in json.loads(path.read_text(encoding="utf-8")) for t, turn in enumerate(d["turns"])}


def joined(shared: Path, role: str) -> list[tuple[Annotation, str]]:
    """This role's annotations with their text ([] when there is no annotation file). Without the
    STC-3 release the labels have no text: that is an error, not a smaller training set."""
    path = path_for(role)
    if not path.is_file():
        return []
    release = shared / "stc3" / "train_data_en.json"
    if not release.is_file():
        raise MissingRequirement(f"{path.name} labels STC-3 turns, but the STC-3 release is not at {release}")
    texts = stc3_texts(shared)
    out = []
    for a in read_annotations(path, role):
        text = texts.get(a.source_id)
        if text is None:
            raise InvalidRecord("no such turn in the STC-3 release", path=str(path), record=a.source_id, field="source_id")
        for kind, (_, end) in a.spans.items():
            if end > len(text):
                raise InvalidRecord(f"{kind}: span ends past the turn's {len(text)} characters",
                                    path=str(path), record=a.source_id, field="spans")
        out.append((a, text))
    return out


def labelled_sentences(pairs: list[tuple[Annotation, str]]) -> list[tuple[set[str], str]]:
    """Each turn's sentences, a sentence labelled with every kind whose span overlaps it (a label
    without a span marks every sentence of its turn)."""
    out = []
    for a, text in pairs:
        for s, e in sentence_spans(text):
            if e - s < 3:
                continue
            kinds = {k for k in a.labels if k not in a.spans or (a.spans[k][0] < e and s < a.spans[k][1])}
            out.append((kinds, text[s:e]))
    return out
