"""`heard case-file create|export` and `heard search`."""

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
