import json

from typer.testing import CliRunner

from heard.cli import app

runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "200"})


def invoke(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


def test_import_reports_bad_records_and_keeps_the_good(data_dir, tmp_path):
    db = f"sqlite:///{tmp_path}/h.db"
    report = tmp_path / "report.json"
    path = data_dir / "native" / "broken.jsonl"
    result = invoke("import", path, "--database-url", db, "--report", report)
    assert result.exit_code == 0, result.output
    assert "2 conversations (4 messages) read: 2 new, 0 updated, 0 unchanged; 5 bad records." in result.output
    assert f"{path}, record line 3, field 'messages.0.role'" in result.output
    written = json.loads(report.read_text())
    assert written["counts"]["created"] == 2 and len(written["errors"]) == 5
    assert written["errors"][2] == {"path": str(path), "record": "line 4", "field": "external_id",
                                    "reason": "Field required",
                                    "message": f"{path}, record line 4, field 'external_id': Field required"}


def test_import_twice_changes_nothing(data_dir, tmp_path):
    args = ("import", data_dir / "native" / "good.jsonl", "--database-url", f"sqlite:///{tmp_path}/h.db",
            "--report", tmp_path / "r.json")
    invoke(*args)
    result = invoke(*args)
    assert result.exit_code == 0
    assert "0 new, 0 updated, 2 unchanged" in result.output


def test_import_fails_when_nothing_could_be_read(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{nope\n")
    result = invoke("import", bad, "--database-url", f"sqlite:///{tmp_path}/h.db", "--report", tmp_path / "r.json")
    assert result.exit_code == 1
    assert "record line 1: not valid JSON" in result.output


def test_analyze_analyses_only_what_changed(data_dir, tmp_path):
    db = f"sqlite:///{tmp_path}/h.db"
    invoke("import", data_dir / "native" / "good.jsonl", "--database-url", db, "--report", tmp_path / "r.json")
    first = invoke("analyze", "--database-url", db)
    again = invoke("analyze", "--database-url", db)
    assert first.exit_code == 0 and "2 conversations analysed" in first.output
    assert "0 conversations analysed" in again.output


def test_analyze_rejects_an_unknown_detector(tmp_path):
    result = invoke("analyze", "--database-url", f"sqlite:///{tmp_path}/h.db", "--detectors", "nope")
    assert result.exit_code != 0
    assert "Unknown detector(s) 'nope'" in str(result.exception) + result.output


def test_detect_writes_one_line_per_input_line(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "role": "agent", "text": "Hello"}\n\n{"id": "b", "role": "boss", "text": "x"}\n')
    result = invoke("detect", source)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert "findings" in lines[0]
    assert lines[1]["error"].startswith("line 3: field 'role' must be one of")


def test_demo_serves_as_a_coach_so_the_birthday_story_shows_with_its_findings(tmp_path, monkeypatch):
    """`heard demo` (what `make demo` runs) serves with default role coach: the person exploring sees
    every conversation; an agent's view is one "Viewing as" switch away."""
    import uvicorn
    from fastapi.testclient import TestClient

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: served.update(app=app, **kwargs))
    monkeypatch.delenv("HEARD_DEFAULT_ROLE", raising=False)
    monkeypatch.chdir(tmp_path)  # the import report is written here
    result = invoke("demo", "--database-url", f"sqlite:///{tmp_path}/demo.db", "--port", 8765)
    assert result.exit_code == 0, result.output
    assert served["port"] == 8765 and "viewing as coach" in result.output
    with TestClient(served["app"]) as client:
        story = client.get("/api/conversations", params={"q": "birthday-gift-delay"}).json()
        assert story["count"] == 1
        cid = story["data"][0]["id"]
        page = client.get(f"/conversations/{cid}")
        assert page.status_code == 200 and page.text.count('<mark class="finding') >= 3
        assert client.get(f"/api/conversations/{cid}").json()["findings"]
        assert client.get("/api/conversations", headers={"X-Heard-Role": "agent"}).json()["count"] == 0


def test_serve_takes_a_default_role(monkeypatch, tmp_path):
    import uvicorn

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: served.update(app=app))
    monkeypatch.delenv("HEARD_DEFAULT_ROLE", raising=False)
    db = f"sqlite:///{tmp_path}/s.db"
    assert invoke("serve", "--database-url", db).exit_code == 0
    assert served["app"].state.settings.default_role == "agent"
    assert invoke("serve", "--database-url", db, "--default-role", "Lead").exit_code == 0
    assert served["app"].state.settings.default_role == "lead"
    bad = invoke("serve", "--database-url", db, "--default-role", "boss")
    assert bad.exit_code == 2 and "use agent, coach or lead" in bad.output
