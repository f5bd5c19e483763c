"""The command in CI: issue 6's acceptance case, --output, --diff, --baseline, --stdin-filename, progress."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import cli
from checker.checks.registry import rules
from checker.cli import app

SENTENCE = "On Monday, March 4, 2025, the council voted."
DIRECTIVE = "<!-- chronolint-disable-next-line calendar/weekday-mismatch -->"
WEEKDAY = "calendar/weekday-mismatch"


@pytest.fixture()
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Runs the command from inside ``tmp_path``, as a user in that folder would."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    return lambda *args, stdin=None: runner.invoke(app, list(args), input=stdin)


@pytest.fixture()
def acceptance(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(f"{SENTENCE}\n{DIRECTIVE}\n{SENTENCE}\n", encoding="utf-8")
    return tmp_path


def test_acceptance_sarif_one_result_at_line_1(run, acceptance: Path) -> None:
    result = run("check", "a.md", "--format", "sarif")
    assert result.exit_code == 1
    (sarif_run,) = json.loads(result.stdout)["runs"]
    (finding,) = sarif_run["results"]
    assert finding["ruleId"] == WEEKDAY
    location = finding["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "a.md"
    assert location["region"]["startLine"] == 1


def test_acceptance_github_one_annotation_at_line_1(run, acceptance: Path) -> None:
    result = run("check", "a.md", "--format", "github")
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert line.startswith("::error file=a.md,line=1,col=4,endLine=1,endColumn=25,title=calendar/weekday-mismatch")


def test_acceptance_html_output_file(run, acceptance: Path) -> None:
    result = run("check", "a.md", "--format", "html", "--output", "report.html")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "report.html" in result.stderr
    page = (acceptance / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('class="seg hl sev-error') == 1


def test_acceptance_config_ignore_gives_empty_json(run, acceptance: Path) -> None:
    (acceptance / "pyproject.toml").write_text(f'[tool.chronolint]\nignore = ["{WEEKDAY}"]\n', encoding="utf-8")
    result = run("check", "a.md", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_unused_suppression_is_reported_as_info(run, tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text(f"{DIRECTIVE}\nOn Tuesday, March 4, 2025, the council voted.\n", encoding="utf-8")
    result = run("check", "ok.md", "--format", "json")
    (finding,) = json.loads(result.stdout)
    assert (finding["rule"], finding["severity"], finding["line"]) == ("chronolint/unused-suppression", "info", 1)
    assert result.exit_code == 0  # info does not fail at the default --fail-on warning


def test_every_format_can_go_to_a_file(run, acceptance: Path) -> None:
    for fmt in ("text", "json", "json-lines", "sarif", "github", "junit", "html"):
        result = run("check", "a.md", "--format", fmt, "-o", f"out.{fmt}")
        assert result.exit_code == 1, fmt
        assert result.stdout == ""
        written = (acceptance / f"out.{fmt}").read_text(encoding="utf-8")
        assert "weekday" in written, fmt
    assert "\x1b[" not in (acceptance / "out.text").read_text(encoding="utf-8")


def test_unwritable_output_is_a_usage_error(run, acceptance: Path) -> None:
    result = run("check", "a.md", "--output", str(acceptance / "missing" / "report.json"), "--format", "json")
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_stdin_filename_gives_format_path_and_configuration(run, tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / ".chronolint.toml").write_text('severity = {calendar = "info"}\n', encoding="utf-8")
    page = f"<html><body><p>{SENTENCE}</p><script>var x = '{SENTENCE}';</script></body></html>"
    result = run("check", "-", "--stdin-filename", "site/page.html", "--format", "json", stdin=page)
    (finding,) = json.loads(result.stdout)
    assert finding["path"] == "site/page.html" and finding["severity"] == "info"
    assert page[finding["offset"] : finding["end_offset"]] == "Monday, March 4, 2025"
    assert result.exit_code == 0


def test_files_checked_together_are_compared_and_configured_apart(run, tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text("The Acme bridge opened to traffic on May 3, 2019.\n", encoding="utf-8")
    (tmp_path / "blog").mkdir()
    (tmp_path / "blog" / "two.md").write_text(
        "Since the Acme bridge opened on May 5, 2019, crossings have doubled.\n", encoding="utf-8"
    )
    found = json.loads(run("check", "one.md", "blog/two.md", "--format", "json").stdout)
    assert [(f["path"], f["rule"], f["related"][0]["path"]) for f in found] == [
        ("blog/two.md", "chronology/conflicting-dates", "one.md"),
        ("one.md", "chronology/conflicting-dates", "blog/two.md"),
    ]
    (tmp_path / "blog" / ".chronolint.toml").write_text('ignore = ["chronology"]\n', encoding="utf-8")
    found = json.loads(run("check", "one.md", "blog/two.md", "--format", "json").stdout)
    assert [(f["path"], f["related"][0]["path"]) for f in found] == [("one.md", "blog/two.md")]


# ---------------------------------------------------------------- --diff and --baseline


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "root")
    (tmp_path / "old.md").write_text(f"{SENTENCE}\n\nUnrelated prose.\n", encoding="utf-8")
    _git(tmp_path, "add", "old.md")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "old")
    return tmp_path


def test_diff_keeps_only_findings_on_changed_lines(run, repo: Path) -> None:
    (repo / "old.md").write_text(f"{SENTENCE}\n\nFriday 5 December 2024 was added.\n", encoding="utf-8")
    (repo / "new.md").write_text(f"{SENTENCE}\n", encoding="utf-8")  # untracked: every line is new
    everything = json.loads(run("check", "old.md", "new.md", "--format", "json").stdout)
    assert [(f["path"], f["line"]) for f in everything] == [("new.md", 1), ("old.md", 1), ("old.md", 3)]
    result = run("check", "old.md", "new.md", "--format", "json", "--diff", "HEAD")
    assert [(f["path"], f["line"]) for f in json.loads(result.stdout)] == [("new.md", 1), ("old.md", 3)]
    assert result.exit_code == 1


def test_diff_with_no_changes_passes(run, repo: Path) -> None:
    result = run("check", "old.md", "--format", "json", "--diff", "HEAD")
    assert json.loads(result.stdout) == [] and result.exit_code == 0


def test_diff_against_an_unknown_ref_is_a_usage_error(run, repo: Path) -> None:
    result = run("check", "old.md", "--diff", "no-such-branch")
    assert result.exit_code == 2
    assert "no-such-branch" in result.stderr and "Traceback" not in result.stderr


def test_baseline_ignores_accepted_findings_even_when_lines_move(run, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"{SENTENCE}\n", encoding="utf-8")
    baseline = run("check", "a.md", "--format", "json", "-o", "baseline.json")
    assert baseline.exit_code == 1
    (tmp_path / "a.md").write_text(f"Intro.\n\n{SENTENCE}\n\nFriday 5 December 2024 was added.\n", encoding="utf-8")
    result = run("check", "a.md", "--format", "json", "--baseline", "baseline.json")
    assert [f["line"] for f in json.loads(result.stdout)] == [5]


def test_bad_baseline_is_a_usage_error(run, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"{SENTENCE}\n", encoding="utf-8")
    (tmp_path / "baseline.json").write_text('{"not": "a list"}', encoding="utf-8")
    result = run("check", "a.md", "--baseline", "baseline.json")
    assert result.exit_code == 2 and "baseline" in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- rule documentation


def test_every_rule_has_a_full_page(run) -> None:
    for rule in rules():
        result = run("explain", rule)
        assert result.exit_code == 0, rule
        for section in (
            "# " + rule,
            "## What it flags",
            "## Why",
            "## Examples",
            "## How to fix",
            "## How to suppress",
        ):
            assert section in result.stdout, (rule, section)
        assert rule in result.stdout.split("## How to suppress")[1], rule


# ---------------------------------------------------------------- progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_long_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    with cli._progress(cli.HANDFUL) as advance:
        advance("Reading", cli.HANDFUL)
    assert terminal.getvalue() == ""
    with cli._progress(cli.HANDFUL + 1) as advance:
        advance("Reading", cli.HANDFUL + 1)
        advance("Checking", cli.HANDFUL + 1)
    assert "Checking" in terminal.getvalue()
    piped = io.StringIO()
    monkeypatch.setattr("sys.stderr", piped)
    with cli._progress(100) as advance:
        advance("Reading", 100)
    assert piped.getvalue() == ""


def test_no_progress_output_in_captured_runs(run, tmp_path: Path) -> None:
    for i in range(cli.HANDFUL + 2):
        (tmp_path / f"p{i}.md").write_text("No dates here.\n", encoding="utf-8")
    result = run("check", ".", "--format", "junit")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.count("<testsuite ") == cli.HANDFUL + 2
