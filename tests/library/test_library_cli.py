"""`heard case-file create|export|list|annotate`, `heard search` and `heard similar`."""

from __future__ import annotations

from typer.testing import CliRunner

from heard.cli import app


def test_case_file_cli_create_export_and_search(demo_sessions, tmp_path):
    url = str(demo_sessions.kw["bind"].url)
    runner = CliRunner()
    made = runner.invoke(app, ["case-file", "create", "2", "--title", "Transfers", "--lesson", "Own it.", "--tag", "cli",
                               "--database-url", url])
    assert made.exit_code == 0, made.output
    assert "/library/" in made.output
    out = tmp_path / "huddle.md"
    exported = runner.invoke(app, ["case-file", "export", "1", "2", "--format", "md", "-o", str(out), "--database-url", url])
    assert exported.exit_code == 0, exported.output
    assert out.read_text(encoding="utf-8").startswith("# 2 case files")
    html = runner.invoke(app, ["case-file", "export", "1", "--format", "html", "--redacted", "--database-url", url])
    assert html.exit_code == 0 and "<!doctype html>" in html.stdout and "Customer A" in html.stdout
    bad = runner.invoke(app, ["case-file", "export", "1", "--format", "pdf", "--database-url", url])
    assert bad.exit_code != 0
    found = runner.invoke(app, ["search", "charged twice", "--channel", "chat", "--database-url", url])
    assert found.exit_code == 0 and "billing-three-transfers" in found.stdout
    as_agent = runner.invoke(app, ["search", "telescope", "--role", "agent", "--team", "billing", "--database-url", url])
    assert as_agent.exit_code == 0 and "(redacted)\tOrder 1 still not shipped" in as_agent.stdout
    assert "Maya" not in as_agent.stdout and "birthday-gift-delay" not in as_agent.stdout
    assert runner.invoke(app, ["search", "Maya", "--role", "agent", "--team", "billing", "--database-url", url]).stdout == ""
    bad = runner.invoke(app, ["search", "charged", "--move", "charm", "--database-url", url])
    assert bad.exit_code != 0 and "move: 'charm' is not a finding kind" in str(bad.exception)


def test_case_file_cli_lists_as_the_viewer_may_see_and_annotates(demo_sessions):
    url = str(demo_sessions.kw["bind"].url)
    runner = CliRunner()
    coach = runner.invoke(app, ["case-file", "list", "--q", "telescope", "--database-url", url])
    assert coach.exit_code == 0, coach.output
    assert "The birthday telescope" in coach.stdout and "redacted" not in coach.stdout
    agent = runner.invoke(app, ["case-file", "list", "--role", "agent", "--team", "billing", "--database-url", url])
    assert agent.exit_code == 0 and "shared, redacted\tThe birthday telescope" in agent.stdout
    assert "A blind customer" not in agent.stdout  # tech-support's team-only case file
    assert runner.invoke(app, ["case-file", "list", "--role", "agent", "--q", "Maya", "--database-url", url]).stdout == ""

    noted = runner.invoke(app, ["case-file", "annotate", "1", "--message", "4", "--quote", "Let's make sure it's there by Saturday.",
                                "--note", "The reframe, again.", "--database-url", url])
    assert noted.exit_code == 0, noted.output
    assert "on “Let's make sure it's there by Saturday.” (4:" in noted.stdout and "/library/1#a-" in noted.stdout
    gap = runner.invoke(app, ["case-file", "annotate", "1", "--message", "2", "--gap", "--note", "Reply here.",
                              "--database-url", url])
    assert gap.exit_code == 0 and "after message 2" in gap.stdout
    wrong = runner.invoke(app, ["case-file", "annotate", "1", "--message", "4", "--quote", "not in the text",
                                "--note", "x", "--database-url", url])
    assert wrong.exit_code != 0 and "quote the words exactly" in str(wrong.exception)
    neither = runner.invoke(app, ["case-file", "annotate", "1", "--message", "4", "--note", "x", "--database-url", url])
    assert neither.exit_code == 2 and "--quote" in neither.output
    agents_may_not = runner.invoke(app, ["case-file", "annotate", "1", "--message", "2", "--gap", "--note", "x",
                                         "--role", "agent", "--database-url", url])
    assert agents_may_not.exit_code != 0 and "Only coaches and leads" in str(agents_may_not.exception)


def test_similar_cli_lists_the_closest_conversations_with_filters(demo_sessions):
    url = str(demo_sessions.kw["bind"].url)
    runner = CliRunner()
    found = runner.invoke(app, ["similar", "1", "--limit", "3", "--database-url", url])
    assert found.exit_code == 0, found.output
    rows = [line.split("\t") for line in found.stdout.splitlines()]
    assert len(rows) == 3 and all(r[0] != "1" for r in rows)
    assert [float(r[1]) for r in rows] == sorted((float(r[1]) for r in rows), reverse=True)
    chat = runner.invoke(app, ["similar", "1", "--channel", "chat", "--database-url", url])
    assert chat.exit_code == 0 and all(line.split("\t")[2] == "chat" for line in chat.stdout.splitlines())
    missing = runner.invoke(app, ["similar", "99999", "--database-url", url])
    assert missing.exit_code != 0 and "No conversation with id 99999" in str(missing.exception)
