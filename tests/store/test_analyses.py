from datetime import datetime, timezone

from heard.analyze.detector import DetectorInfo
from heard.errors import DetectorFailed
from heard.model import Analysis, Finding, Span
from heard.store.analyses import detector_runs, load_analysis, save_analysis
from heard.store.conversations import find_conversation, import_conversations, to_model

DUE = datetime(2026, 3, 7, 15, 0, tzinfo=timezone.utc)


def test_save_analysis_round_trips_findings_and_detector_runs(sessions, make_conversation):
    conversation = make_conversation(customer="I'm so worried", agent="I'll update you by 3 pm tomorrow.")
    findings = (
        Finding("emotion.anxiety", Span("m1", 8, 15), 0.8, "emotion", "1", "worry cue", intensity=2),
        Finding("move.checkpoint", Span("m2", 0, 33), 0.9, "checkpoint", "2", "timed update", due_at=DUE),
    )
    infos = [DetectorInfo("emotion", "1", ("emotion",)), DetectorInfo("checkpoint", "2", ("move.checkpoint",))]
    with sessions() as session:
        import_conversations(session=session, conversations=[conversation])
        row = find_conversation(session=session, source="test", external_id="c1")
        save_analysis(session=session, row=row, analysis=Analysis(to_model(row), findings), score=72.5,
                      detectors=infos, failures=[DetectorFailed("emotion", "c1", ValueError("boom"))])
        session.commit()
    with sessions() as session:
        row = find_conversation(session=session, source="test", external_id="c1")
        assert load_analysis(session=session, row=row).findings == findings
        assert row.score == 72.5 and row.analyzed_at is not None
        runs = {(r.detector, r.detector_version): r.error for r in detector_runs(session=session, row=row)}
        assert runs == {("emotion", "1"): "ValueError('boom')", ("checkpoint", "2"): None}


def test_save_analysis_replaces_the_previous_findings(sessions, make_conversation):
    conversation = make_conversation(customer="Hello")
    old = (Finding("emotion.neutral", Span("m1", 0, 5), 0.5, "emotion", "1", "no cue"),)
    with sessions() as session:
        import_conversations(session=session, conversations=[conversation])
        row = find_conversation(session=session, source="test", external_id="c1")
        for findings in (old, ()):
            save_analysis(session=session, row=row, analysis=Analysis(conversation, findings), score=None, detectors=[])
        session.commit()
        assert load_analysis(session=session, row=row).findings == ()
