"""Case-file services: roles, anchors, redacted views, the demo library."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from heard.errors import NotFound
from heard.library import case_files as service
from heard.library.anchors import InvalidAnchor
from heard.library.demo import load_demo_case_files
from heard.library.models import AnnotationCreate, CaseFileCreate, CaseFileUpdate
from heard.privacy.roles import InvalidViewer, NotAllowed, Viewer
from heard.store.conversations import find_conversation
from heard.store.library_tables import CaseFileRow

COACH, AGENT = Viewer.parse("coach"), Viewer.parse("agent")


def _conversation_id(session, external_id):
    return find_conversation(session=session, source="heard-demo", external_id=external_id).id


def _case_file(session, title):
    return session.scalar(select(CaseFileRow).where(CaseFileRow.title.startswith(title)))


def test_demo_case_files_anchor_every_quote_on_its_exact_words(demo_sessions):
    with demo_sessions() as session:
        rows = session.scalars(select(CaseFileRow)).all()
        assert len(rows) >= 6 and any("to learn from" in [t.tag for t in r.tags] for r in rows)
        for row in rows:
            view = service.view_case_file(session=session, case_file_id=row.id, viewer=COACH)
            assert view.annotations, row.title
            for a in view.annotations:
                if a.kind == "span":
                    assert a.evidence == a.row.quote and a.evidence
        assert load_demo_case_files(demo_sessions) == 0  # loading again adds nothing


def test_demo_loading_fails_loudly_when_a_quote_no_longer_matches(demo_sessions, tmp_path):
    broken = tmp_path / "case_files.yaml"
    broken.write_text("- conversation: refund-terms-defensive\n  title: Broken\n  annotations:\n"
                      "    - message: '2'\n      quote: words that are not there\n      note: x\n", encoding="utf-8")
    with pytest.raises(Exception, match="case file 1.*refund-terms-defensive.*words that are not there"):
        load_demo_case_files(demo_sessions, broken)


def test_coach_makes_a_case_file_with_span_and_gap_annotations(demo_sessions):
    with demo_sessions() as session:
        conversation_id = _conversation_id(session, "lost-photos-non-apology")
        row = service.create_case_file(session=session, viewer=COACH, case_file_in=CaseFileCreate(
            conversation_id=conversation_id, title="Grief first", lesson="Name the loss.", tags=["Grief"],
            annotations=[AnnotationCreate(message_id="1", quote="I can't stop crying", body="The feeling to name."),
                         AnnotationCreate(kind="gap", message_id="1", body="Here was the chance.")]))
        session.commit()
        detail = service.read_case_file(session=session, case_file_id=row.id, viewer=COACH)
        assert detail.redacted is False and detail.tags == ["grief"] and detail.team == "tech-support"
        span, gap = detail.annotations
        assert (span.kind, span.message_id, span.evidence) == ("span", "1", "I can't stop crying")
        message = next(m for m in detail.messages if m.id == "1")
        assert message.text[span.start:span.end] == "I can't stop crying"
        assert (gap.kind, gap.message_id, gap.next_message_id, gap.evidence) == ("gap", "1", "2", None)


@pytest.mark.parametrize("annotation, error", [
    (dict(message_id="99", quote="x"), "has no message '99'"),
    (dict(message_id="2", quote="Not in this message"), "does not contain 'Not in this message'"),
    (dict(message_id="2", start=5, end=500), "does not fit message '2'"),
    (dict(message_id="2", start=0, end=5, quote="Nope!"), "not 'Nope!'"),
    (dict(kind="gap", message_id="1", next_message_id="3"), "the message after '1' is '2'"),
])
def test_when_an_anchor_does_not_match_then_the_error_names_the_fix(demo_sessions, annotation, error):
    with demo_sessions() as session:
        row = _case_file(session, "To learn from: quoting")
        with pytest.raises(InvalidAnchor, match=error):
            service.add_annotation(session=session, case_file_id=row.id, viewer=COACH,
                                   annotation_in=AnnotationCreate(body="note", **annotation))
        session.rollback()


def test_agents_may_not_curate(demo_sessions):
    with demo_sessions() as session:
        row = _case_file(session, "The birthday telescope")
        with pytest.raises(NotAllowed, match="coaches and leads"):
            service.update_case_file(session=session, case_file_id=row.id, viewer=AGENT,
                                     case_file_in=CaseFileUpdate(title="x"))
        with pytest.raises(NotAllowed):
            service.add_annotation(session=session, case_file_id=row.id, viewer=AGENT,
                                   annotation_in=AnnotationCreate(kind="gap", message_id="1", body="x"))


def test_viewer_roles_parse_and_reject_unknown():
    assert Viewer.parse(None) == Viewer.parse("agent")
    assert Viewer.parse(" Lead ", "orders").team == "orders"
    with pytest.raises(InvalidViewer, match="agent, coach, lead"):
        Viewer.parse("admin")


def test_agents_of_other_teams_see_shared_case_files_redacted_with_spans_moved(demo_sessions):
    with demo_sessions() as session:
        row = _case_file(session, "The birthday telescope")  # shared, team orders
        coach = service.view_case_file(session=session, case_file_id=row.id, viewer=COACH)
        agent = service.view_case_file(session=session, case_file_id=row.id, viewer=AGENT)
        same_team = service.view_case_file(session=session, case_file_id=row.id, viewer=Viewer.parse("agent", "orders"))
        assert not coach.redacted and not same_team.redacted and agent.redacted
        text = agent.analysis.conversation.get_message("4").text
        assert "Maya" not in text and "Jordan" not in text and "Hi Customer A, I'm Agent B" in text
        assert "Maya" not in agent.public.lesson and "Customer A" in agent.public.lesson
        assert agent.public.conversation.subject.startswith("Order 1 still not shipped")
        assert agent.analysis.conversation.get_message("4").author == "Agent B"
        # the same annotation points at the same words, moved onto the redacted text
        before = {a.id: a.evidence for a in coach.annotations}
        after = {a.id: a.evidence for a in agent.annotations}
        moved = [i for i in before if before[i] and "Ada" in before[i]]
        assert moved and all(after[i] == before[i].replace("Ada", "Person C") for i in moved)
        # every finding still covers the same words: identical where no placeholder entered them
        placeholders = ("Customer ", "Agent ", "Person ", "Order ", "Card ", "Place ", "Email ", "Phone ", "Address ")
        unchanged = 0
        for f_coach, f_agent in zip(coach.analysis.findings, agent.analysis.findings):
            assert f_coach.kind == f_agent.kind
            words = agent.analysis.conversation.get_message(f_agent.span.message_id).text[f_agent.span.start:f_agent.span.end]
            original = coach.analysis.conversation.get_message(f_coach.span.message_id).text[f_coach.span.start:f_coach.span.end]
            assert words
            if not any(p in words for p in placeholders):
                assert words == original
                unchanged += 1
        assert unchanged > len(coach.analysis.findings) // 2


def test_team_only_case_files_of_other_teams_are_not_found_for_agents(demo_sessions):
    with demo_sessions() as session:
        row = _case_file(session, "A blind customer")  # team tech-support
        with pytest.raises(NotFound):
            service.view_case_file(session=session, case_file_id=row.id, viewer=AGENT)
        assert service.view_case_file(session=session, case_file_id=row.id, viewer=Viewer.parse("agent", "tech-support"))
        listed = service.list_case_files(session=session, viewer=AGENT)
        assert row.id not in [c.id for c in listed.data] and all(c.visibility == "shared" for c in listed.data)
        assert all(c.redacted for c in listed.data)


def test_an_agent_searching_the_library_matches_what_they_see_not_what_was_redacted(demo_sessions):
    from heard.library.search import matching_conversation_ids
    from heard.store.case_files import CaseFileFilters

    def titles(session, viewer, q):
        ids = matching_conversation_ids(session=session, query=q)
        listed = service.list_case_files(session=session, viewer=viewer,
                                         filters=CaseFileFilters(q=q, q_conversation_ids=ids))
        assert listed.count == len(listed.data)
        return [c.title for c in listed.data]

    with demo_sessions() as session:
        telescope = "The birthday telescope"
        # a coach finds it by the customer's name (title, lesson or messages)
        assert any(t.startswith(telescope) for t in titles(session, COACH, "Maya"))
        # an agent of another team sees it redacted, so the name finds nothing; its topic still does
        assert not any("telescope" in t for t in titles(session, AGENT, "Maya"))
        assert not any("telescope" in t for t in titles(session, AGENT, "48213"))
        assert any(t.startswith(telescope) for t in titles(session, AGENT, "telescope"))
        assert any(t.startswith(telescope) for t in titles(session, AGENT, "chargeback"))
        # the case file's own team sees the real words, and finds it by name
        assert any(t.startswith(telescope) for t in titles(session, Viewer.parse("agent", "orders"), "Maya"))
