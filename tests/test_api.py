"""The library API: the README's example runs as written, and ``import checker`` loads nothing else."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import checker
from checker.source import InputError

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_readme_example_runs():
    section = README.read_text(encoding="utf-8").split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)[1]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own documentation
    assert out.getvalue().splitlines() == [
        "calendar/weekday-mismatch error June 4, 2019 is a Tuesday, not a Monday",
        "  flagged: Monday, June 4, 2019",
        "  fix: Tuesday",
    ]


def test_check_text_takes_dates_paths_and_configurations(tmp_path):
    text = "On Monday, March 4, 2025, the council met.\n"
    assert [f.rule for f in checker.check_text(text, published=date(2025, 3, 10))] == ["calendar/weekday-mismatch"]
    (tmp_path / ".chronolint.toml").write_text('ignore = ["calendar"]\n', encoding="utf-8")
    assert checker.check_text(text, path=str(tmp_path / "a.md")) == []  # the nearest configuration
    html = "<p>On <b>Monday</b>, March 4, 2025, they met.</p>"
    (finding,) = checker.check_text(html, path="page.html")
    assert html[finding.fix.span.start : finding.fix.span.end] == "Monday"


def test_check_paths(tmp_path):
    (tmp_path / "a.md").write_text("On Monday, March 4, 2025, the council met.\n", encoding="utf-8")
    (finding,) = checker.check_paths([str(tmp_path)])
    assert finding.span.path == str(tmp_path / "a.md")
    with pytest.raises(InputError, match="no such file"):
        checker.check_paths([str(tmp_path / "missing.md")])
    seen: list[InputError] = []
    assert checker.check_paths([str(tmp_path / "missing.md")], on_error=seen.append) == [] and len(seen) == 1


def test_import_checker_stays_cheap():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, checker; print(' '.join(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    heavy = [m for m in loaded if m.split(".")[0] in ("spacy", "numpy", "yaml", "dateparser", "typer", "rich")]
    assert heavy == [] and "checker.engine" not in loaded
