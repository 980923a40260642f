"""`heard eval` on a tiny labelled fixture; missing ../shared splits are skipped with a reason."""

from pathlib import Path

from heard.learn.evaluate import ece, prf, run_eval, score_multilabel, score_single

FIXTURE = Path(__file__).parents[1] / "data" / "labels" / "tiny_fixture.jsonl"


def test_metrics():
    assert prf([True, True, False, False], [True, False, True, False]) == (0.5, 0.5, 0.5, 2)
    assert ece([1.0, 1.0], [True, True]) == 0.0
    assert abs(ece([0.8, 0.8, 0.8, 0.8, 0.8], [True, True, True, True, False])) < 1e-9
    s = score_single(("a", "b"), ["a", "b", "b"], [("a", 0.9), ("a", 0.6), ("b", 0.7)])
    assert s.per_kind["a"][:3] == (0.5, 1.0, 2 / 3) and s.per_kind["b"][:3] == (1.0, 0.5, 2 / 3)


def test_macro_f1_comes_with_a_bootstrap_interval_that_narrows_with_more_messages():
    gold = ["a", "b", "b", "a", "b"] * 4
    pred = [("a", 0.9), ("b", 0.8), ("a", 0.6), ("a", 0.7), ("b", 0.9)] * 4
    small = score_single(("a", "b"), gold, pred)
    lo, hi = small.macro_ci
    assert lo < small.macro_f1 < hi and 0 <= lo and hi <= 1
    assert score_single(("a", "b"), gold, pred).macro_ci == (lo, hi)  # a fixed seed: reproducible
    big = score_single(("a", "b"), gold * 25, pred * 25)
    assert abs(big.macro_f1 - small.macro_f1) < 1e-9 and big.macro_ci[1] - big.macro_ci[0] < (hi - lo) / 3
    perfect = score_multilabel(("x", "y"), [{"x"}, {"y"}, set()] * 5, [{"x": 1.0}, {"y": 1.0}, {}] * 5)
    assert perfect.macro_f1 == 1.0 and perfect.macro_ci == (1.0, 1.0)


def test_eval_prints_every_row_on_a_tiny_fixture(tmp_path):
    report = run_eval(tmp_path / "no-shared-here", labels=FIXTURE)
    for row in ("VADER", "NRCLex", "rules ", "model ", "rules+models"):
        assert row in report
    assert "95% CI" in report
    assert "agent moves (n=2)" in report and "customer emotion (primary label) (n=3)" in report
    for split in ("goemotions", "esconv", "epitome"):
        assert f"## {split}: skipped" in report


def test_eval_on_shared_goemotions(shared_data):
    report = run_eval(shared_data, splits=["goemotions"])
    assert "28 labels" in report and "Heard's 10 labels" in report


def test_eval_reports_the_agent_dev_set_beside_the_labels(tmp_path):
    report = run_eval(tmp_path / "no-shared-here", labels=FIXTURE, splits=["support-dev-agent"])
    assert "## support dev (agent) — agent moves (n=204)" in report and "optimistic" in report
    elsewhere = tmp_path / "labels.jsonl"
    elsewhere.write_text(FIXTURE.read_text())
    assert "## support-dev-agent: skipped" in run_eval(tmp_path, labels=elsewhere, splits=["support-dev-agent"])


def test_eval_reports_the_customer_dev_set_beside_the_labels(tmp_path):
    report = run_eval(tmp_path / "no-shared-here", labels=FIXTURE, splits=["support-dev-customer"])
    assert "## support dev (customer) — customer concerns (n=194)" in report
    assert "## support dev (customer) — customer emotion (primary label) (n=194)" in report and "optimistic" in report
    elsewhere = tmp_path / "labels.jsonl"
    elsewhere.write_text(FIXTURE.read_text())
    assert "## support-dev-customer: skipped" in run_eval(tmp_path, labels=elsewhere, splits=["support-dev-customer"])


def test_eval_reports_the_blind_check_beside_the_labels(tmp_path):
    report = run_eval(tmp_path / "no-shared-here", labels=FIXTURE, splits=["support-blind"])
    assert "## support blind check (round 19; never tuned on) — agent moves (n=200)" in report
    assert "## support blind check (round 19; never tuned on) — customer concerns (n=128)" in report
    assert "— customer emotion (primary label) (n=128)" in report
    elsewhere = tmp_path / "labels.jsonl"
    elsewhere.write_text(FIXTURE.read_text())
    assert "## support-blind: skipped" in run_eval(tmp_path, labels=elsewhere, splits=["support-blind"])


def test_eval_reports_the_sets_decisions_were_made_on_apart(tmp_path):
    report = run_eval(tmp_path / "no-shared-here", labels=FIXTURE, splits=["support-decisions"])
    assert "## support decision sets (blind, then used for decisions: gates, blend weights, examples, hand labels)" in report
    assert "agent moves (n=1747)" in report and "customer concerns (n=2115)" in report


def test_eval_reports_the_same_tweets_labelled_from_the_taxonomy_alone(tmp_path):
    report = run_eval(tmp_path / "no-shared-here", labels=FIXTURE,
                      splits=["support-blind-taxonomy", "support-decisions-taxonomy"])
    assert "## support blind check (round 19), labelled again from TAXONOMY.md alone — customer concerns (n=128)" in report
    assert "## support decision sets, labelled again from TAXONOMY.md alone — customer concerns (n=2115)" in report
    assert "agent moves (n=1747)" in report


def test_eval_reports_a_labels_file_twin_labelled_from_the_taxonomy_alone(tmp_path):
    customers = "".join(line + "\n" for line in FIXTURE.read_text().splitlines() if '"customer"' in line)
    (tmp_path / "mine.jsonl").write_text(customers)
    assert "## support-taxonomy: skipped" in run_eval(tmp_path, labels=tmp_path / "mine.jsonl", splits=["support-taxonomy"])
    (tmp_path / "mine_taxonomy.jsonl").write_text(customers)
    report = run_eval(tmp_path, labels=tmp_path / "mine.jsonl", splits=["support-taxonomy"])
    assert "## labels mine.jsonl, labelled again from TAXONOMY.md alone — customer concerns (n=3)" in report


def test_eval_of_a_customer_only_file_names_it_and_prints_no_empty_table(tmp_path):
    customers = tmp_path / "mine.jsonl"
    customers.write_text("".join(line + "\n" for line in FIXTURE.read_text().splitlines() if '"customer"' in line))
    report = run_eval(tmp_path, labels=customers, splits=["support"])
    assert "## labels mine.jsonl — customer concerns (n=3)" in report
    assert "agent moves" not in report and "nan" not in report


def test_bad_labelled_records_are_named_and_the_good_ones_still_scored(tmp_path):
    good = FIXTURE.read_text().splitlines()
    bad = [
        '{"role": "customer", "text": "broken',  # not JSON
        '["a", "list"]',
        '{"role": "bot", "text": "hello", "labels": []}',
        '{"role": "customer", "text": "", "labels": [], "emotion": "neutral"}',
        '{"role": "customer", "text": "I was charged twice", "labels": ["concern.moneyy"], "emotion": "anger"}',
        '{"role": "agent", "text": "Sorry!", "labels": ["concern.money"]}',  # a customer kind on an agent message
        '{"role": "customer", "text": "Thanks", "labels": [], "emotion": "grateful"}',
        '{"role": "customer", "text": "Grr", "labels": "concern.money", "emotion": "anger"}',
        '{"role": "customer", "text": "Grr", "labels": [], "emotion": "anger", "intensity": 7}',
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(good[:2] + bad + good[2:]) + "\n")
    report = run_eval(tmp_path, labels=path, splits=["support"])
    assert "## labels mixed.jsonl: 9 labelled records left out (the others are scored)" in report
    for line, field, reason in ((3, None, "not valid JSON"), (4, None, "expected a JSON object"),
                                (5, "role", "must be agent or customer"), (6, "text", "missing or empty"),
                                (7, "labels", "unknown kind 'concern.moneyy'"),
                                (8, "labels", "'concern.money' is not a kind of agent messages"),
                                (9, "emotion", "must be one of"), (10, "labels", "must be a list of kinds"),
                                (11, "intensity", "must be 1, 2, 3 or null")):
        where = f"{path}, record line {line}" + (f", field {field!r}" if field else "")
        assert f"- {where}: {reason}" in report
    n_agent = sum('"agent"' in g for g in good)
    assert f"agent moves (n={n_agent})" in report and f"customer emotion (primary label) (n={len(good) - n_agent})" in report


def test_every_committed_label_file_is_valid():
    from heard.learn.evaluate import read_support_labels

    for path in sorted(FIXTURE.parent.glob("*.jsonl")):
        records, problems = read_support_labels(path)
        assert records and problems == [], path.name


def test_the_stc3_training_turns_are_read_by_the_rules_only(tmp_path):
    """The move and concern heads train on these turns: only the rules are scored on their labels;
    the emotion head never sees them, so emotion gets every row."""
    from heard.learn.evaluate import build_analyzer, eval_stc3_training
    records = [
        {"role": "agent", "text": "Hello! Little Bo has recorded your problem and transferred it to the relevant staff. "
                                  "Please pay attention to our calls.", "labels": ["move.generic"], "emotion": None},
        {"role": "agent", "text": "We are very sorry for the inconvenience.", "labels": ["move.apology"], "emotion": None},
        {"role": "customer", "text": "I called 10010 three times and nobody fixed my line!",
         "labels": ["concern.repeat_contact"], "emotion": "frustration"},
        {"role": "customer", "text": "How do I change my package?", "labels": [], "emotion": "neutral"},
    ]
    moves, concerns, emotion = eval_stc3_training(records, build_analyzer(False), build_analyzer(True))
    assert moves.startswith("\n## STC-3 training turns — agent moves (n=2) — training data of the move and concern heads")
    for table in (moves, concerns):
        assert "\nrules " in table and "rules+models" not in table
    assert "rules+models" in emotion and "the emotion head never sees them" in emotion
    assert "## stc3-training: skipped" in run_eval(tmp_path, labels=FIXTURE, splits=["stc3-training"])
