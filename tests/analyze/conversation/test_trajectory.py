"""emotion_trajectory: the customer's emotion message by message, as a signed valence."""

from __future__ import annotations

from heard.analyze.signals.emotion import EmotionDetector
from heard.analyze.trajectory import TrajectoryPoint, emotion_trajectory, valence
from heard.model import Analysis, Finding, Span


def test_trajectory_orders_points_and_signs_valence(make_conversation):
    conversation = make_conversation(turns=[
        ("customer", "I've been transferred three times and I'm so fed up."),
        ("agent", "This sounds exhausting. I'll fix it myself today."),
        ("customer", "How long will the refund take?"),
        ("customer", "Thank you so much!"),
    ])
    analysis = Analysis(conversation, tuple(EmotionDetector().detect(conversation)))
    points = emotion_trajectory(analysis)
    assert [(p.message_id, p.label, p.intensity, p.valence) for p in points] == [
        ("m1", "frustration", 3, -3), ("m3", "neutral", None, 0), ("m4", "gratitude", 2, 2)]
    assert points[0].sent_at == conversation.messages[0].sent_at
    assert isinstance(points[0], TrajectoryPoint)


def test_trajectory_keeps_the_first_emotion_of_a_message(make_conversation):
    conversation = make_conversation(customer="Phew.")
    findings = (
        Finding("emotion.relief", Span("m1", 0, 4), 0.9, "emotion", "1", "", intensity=1),
        Finding("emotion.joy", Span("m1", 0, 4), 0.5, "other", "1", "", intensity=3),
        Finding("concern.money", Span("m1", 0, 4), 0.5, "concerns", "1", ""),
    )
    (point,) = emotion_trajectory(Analysis(conversation, findings))
    assert (point.label, point.valence) == ("relief", 1)


def test_trajectory_valence_by_label():
    assert [valence(label, 2) for label in ("anger", "confusion", "relief", "joy")] == [-2, -2, 2, 2]
    assert valence("neutral", None) == 0
