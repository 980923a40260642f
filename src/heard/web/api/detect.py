"""`POST /api/detect`: one message in, its findings (and the customer's emotion) out.

The same contract as `heard detect` (see heard.analyze.detect), over HTTP.
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from heard.analyze.detect import detect_message
from heard.model import Role
from heard.web.deps import AnalyzerDep

router = APIRouter(prefix="/api", tags=["detect"])


class DetectIn(BaseModel):
    id: str | int | None = Field(None, description="Your id for the message; echoed back.")
    role: Role
    text: str
    context: str | None = Field(None, description="The previous message, from the other side.")


class DetectedFinding(BaseModel):
    kind: str
    start: int
    end: int
    score: float
    rationale: str


class DetectedEmotion(BaseModel):
    label: str
    intensity: int | None = None


class DetectOut(BaseModel):
    id: str | int | None = None
    findings: list[DetectedFinding]
    emotion: DetectedEmotion | None = Field(None, description="Customer messages only; absent when none was found.")


@router.post("/detect", response_model=DetectOut, response_model_exclude_unset=True, summary="Detect in one message")
def detect(message: DetectIn, analyzer: AnalyzerDep) -> dict:
    """Run the app's detectors over one message (with the previous one as context) and return
    what they found, exactly as `heard detect` would for this line."""
    return detect_message(message.model_dump(exclude_none=True), analyzer)
