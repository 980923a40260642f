"""`heard detect`: a streaming JSON-Lines filter, the integration contract for other tools.

In:  {"id": "...", "role": "agent"|"customer", "text": "...", "context": "previous message"?}
Out: {"id": "...", "findings": [{"kind", "start", "end", "score", "rationale"}],
      "emotion": {"label", "intensity"}}   (emotion on customer messages only)

One line out per line in, in order, with constant memory. A bad line gets an "error" field
naming the line and field instead of findings.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from heard.analyze.pipeline import Analyzer
from heard.model import Channel, Conversation, Message, Role, unpaired_surrogate

MESSAGE_FAMILIES = {"move", "concern", "risk", "loyalty"}


def detect_lines(lines: Iterable[str], analyzer: Analyzer) -> Iterator[dict]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield detect_line(line, analyzer, number)


def detect_line(line: str, analyzer: Analyzer, number: int) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return {"id": None, "error": f"line {number}: not valid JSON ({error.msg})"}
    problem = _problem(record)
    if problem:
        return {"id": record.get("id") if isinstance(record, dict) else None, "error": f"line {number}: {problem}"}
    return detect_message(record, analyzer)


def _problem(record: object) -> str | None:
    if not isinstance(record, dict):
        return "expected a JSON object"
    if not isinstance(record.get("text"), str):
        return "field 'text' must be a string"
    if record.get("role") not in {r.value for r in Role}:
        return f"field 'role' must be one of {', '.join(r.value for r in Role)}"
    if "context" in record and not isinstance(record["context"], (str, type(None))):
        return "field 'context' must be a string"
    for name in ("text", "context"):
        if isinstance(record.get(name), str) and (escape := unpaired_surrogate(record[name])):
            return f"field {name!r} is not Unicode (an unpaired surrogate escape {escape})"
    return None


def detect_message(record: dict, analyzer: Analyzer) -> dict:
    role = Role(record["role"])
    target = Message(id="target", role=role, text=record["text"])
    messages = (target,)
    if record.get("context"):
        other = Role.customer if role is not Role.customer else Role.agent
        messages = (Message(id="context", role=other, text=record["context"]), target)
    conversation = Conversation(source="detect", external_id=str(record.get("id")), channel=Channel.chat,
                                messages=messages)
    findings = [f for f in analyzer.analyze(conversation).findings_for("target")]
    out: dict = {
        "id": record.get("id"),
        "findings": [
            {"kind": f.kind, "start": f.span.start, "end": f.span.end, "score": f.score, "rationale": f.rationale}
            for f in findings if f.family in MESSAGE_FAMILIES
        ],
    }
    emotion = next((f for f in findings if f.family == "emotion"), None)
    if role is Role.customer and emotion is not None:
        out["emotion"] = {"label": emotion.kind.split(".", 1)[1], "intensity": emotion.intensity}
    return out


def dumps(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False)
