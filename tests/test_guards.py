"""Guards that keep the docs, the public names and the tests true to the code."""

import json
import re
from pathlib import Path

from typer.testing import CliRunner

import heard
from heard.analyze.registry import available_detectors
from heard.cli import app

ROOT = Path(__file__).parents[1]


def test_public_names_are_sorted_and_importable():
    assert heard.__all__ == sorted(heard.__all__)
    assert all(getattr(heard, name) is not None for name in heard.__all__)


def test_every_detector_has_a_docs_section():
    docs = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    undocumented = [name for name in available_detectors() if not re.search(rf"^#+ .*`{name}`", docs, re.M)]
    assert undocumented == []


def test_every_detector_has_tests():
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py"))
    untested = [name for name, cls in available_detectors().items() if cls.__name__ not in tests]
    assert untested == []


def test_readme_detect_example_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = re.search(r"^echo '(.+)' \| heard detect$", readme, re.M).group(1)
    result = CliRunner().invoke(app, ["detect"], input=line + "\n")
    assert result.exit_code == 0
    out = json.loads(result.output)
    assert out["id"] == 1 and "move.name_feeling" in [f["kind"] for f in out["findings"]]
