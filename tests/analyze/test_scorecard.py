from dataclasses import replace

import pytest

from heard.analyze.scorecard import Scorecard
from heard.errors import ConfigError
from heard.model import Analysis, Finding, Span


def finding(kind, message_id="m2", **extra):
    return Finding(kind, Span(message_id, 0, 4), 0.9, "rule", "1", f"found {kind}", **extra)


def points(score):
    return {p.item: (p.earned, p.applicable) for p in score.points}


def test_score_counts_only_applicable_items(make_conversation):
    conversation = make_conversation(customer="How do I reset my password?", agent="I'll send the link now.")
    analysis = Analysis(conversation, (finding("emotion.neutral", "m1"), finding("move.ownership")))
    score = Scorecard.load().score(analysis)
    # upset- and concern-only items are not applicable; ownership earns 15 of ownership+choices+invite (30)
    assert points(score)["name_feeling"] == (0.0, False)
    assert points(score)["ownership"] == (15.0, True)
    assert score.total == 50.0


def test_score_links_every_point_to_its_evidence(make_conversation):
    conversation = make_conversation(customer="This is the third time!", agent="That sounds exhausting.")
    feeling = finding("move.name_feeling")
    analysis = Analysis(conversation, (finding("emotion.frustration", "m1", intensity=3), feeling))
    earned = next(p for p in Scorecard.load().score(analysis).points if p.item == "name_feeling")
    assert earned.earned == 15 and earned.evidence == (feeling,)


def test_score_ignores_agent_moves_found_on_customer_messages(make_conversation):
    conversation = make_conversation(customer="I'll handle it myself", agent="ok")
    analysis = Analysis(conversation, (finding("move.ownership", "m1"),))
    assert points(Scorecard.load().score(analysis))["ownership"] == (0.0, True)


def test_score_subtracts_costs_and_stays_within_bounds(make_conversation):
    conversation = replace(make_conversation(customer="Where is it?", agent="As I already said, wait."), outcome="resolved")
    analysis = Analysis(conversation, tuple(finding(k) for k in
                        ("move.defensive", "move.non_apology", "move.generic", "promise.missed")))
    assert Scorecard.load().score(analysis).total == 0.0


def test_load_names_file_and_field_of_a_bad_rubric(tmp_path):
    path = tmp_path / "team.yaml"
    path.write_text("name: Team\nearn:\n  - id: x\n    label: X\n    kinds: [move.apology]\n    points: -1\n")
    with pytest.raises(ConfigError, match=r"team.yaml, field 'earn.0.points': Input should be greater than 0"):
        Scorecard.load(path)


def test_load_rejects_an_unknown_condition(tmp_path):
    path = tmp_path / "team.yaml"
    path.write_text("name: Team\nearn:\n  - {id: x, label: X, kinds: [move.apology], points: 5, when: sunny}\n")
    with pytest.raises(ConfigError, match=r"Unknown 'when' condition\(s\) \['sunny'\]"):
        Scorecard.load(path)
