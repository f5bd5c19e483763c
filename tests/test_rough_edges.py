"""The rough edges of issue 14, each pinned: suppression reasons, emphasis inside dates, one-line
messages, flag values, the summary, --select/--ignore, --fix, the meta-rule in the catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import engine
from checker.app import suppress
from checker.cli import app, flag_values
from checker.model import Finding, Span
from checker.report.text import summary
from checker.source import read_text

WRONG = "On Monday, March 4, 2025, the council voted.\n"  # March 4, 2025 was a Tuesday


@pytest.fixture()
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _findings(text: str, fmt: str, published: str = "2025-03-10") -> list[Finding]:
    from datetime import date

    document = read_text(text, published=date.fromisoformat(published), fmt=fmt)
    return engine.findings(engine.analyze([document]))


# ---------------------------------------------------------------- suppression reasons


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("chronolint: ignore[calendar] -- the minutes say Monday\n" + WRONG, "text"),
        ("# chronolint: ignore -- quoted from the source\n" + WRONG, "text"),
        (WRONG.rstrip("\n") + " chronolint: ignore[calendar/weekday-mismatch] -- as printed\n", "text"),
        ("<!-- chronolint-disable-next-line calendar -- the minutes say Monday -->\n" + WRONG, "markdown"),
        ("Intro. <!-- chronolint-disable-next-line calendar -- why -->\n" + WRONG, "markdown"),
    ],
)
def test_a_suppression_with_a_reason_suppresses(text, fmt):
    document = read_text(text, published=None, fmt=fmt)
    at = text.rindex("Monday")
    found = [Finding("calendar/weekday-mismatch", "error", "m", Span("-", at, at + 6))]
    kept, unused = suppress.apply(found, suppress.directives(document))
    assert (kept, unused) == ([], [])


def test_an_unused_directive_with_a_reason_is_removed_whole():
    text = "chronolint: ignore[calendar] -- no longer needed\nOn Tuesday, March 4, 2025, it rained.\n"
    _, (unused,) = suppress.apply([], suppress.directives(read_text(text, fmt="text")))
    assert text[unused.span.start : unused.span.end] == "chronolint: ignore[calendar] -- no longer needed"


# ---------------------------------------------------------------- emphasis and inline tags


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("On **Monday**, March 4, 2025, the council voted.\n", "markdown"),
        ("On _Monday_, March 4, 2025, the council voted.\n", "markdown"),
        ("On *Monday*, **March 4, 2025**, the council voted.\n", "markdown"),
        ("On Monday, March **4**, 2025, the council voted.\n", "markdown"),
        ("On ~~Sunday~~ Monday, March 4, 2025, the council voted.\n", "markdown"),
        ("On <b>Monday</b>, March 4, 2025, the council voted.\n", "markdown"),
        ("<p>On <strong>Monday</strong>, <em>March</em> 4, 2025, the council voted.</p>\n", "html"),
    ],
)
def test_emphasis_and_inline_tags_are_transparent_to_dates(text, fmt):
    (finding,) = _findings(text, fmt)
    assert finding.rule == "calendar/weekday-mismatch"
    assert finding.fix is not None and text[finding.fix.span.start : finding.fix.span.end] == "Monday"
    assert finding.fix.certain


# ---------------------------------------------------------------- one-line messages


def test_a_date_wrapped_across_lines_gives_a_one_line_message():
    text = "The president was sworn into his\nsecond term on January\n20, 2025, officials said.\n"
    (finding,) = _findings(text, "text", "2024-12-20")
    assert finding.rule == "chronology/anachronism"
    assert "\n" not in finding.message and "\\n" not in finding.message
    assert "'sworn into his second term'" in finding.message and "January 20, 2025" in finding.message


# ---------------------------------------------------------------- flags


def test_flag_values():
    assert flag_values(["check", "--exit-zero", "true", "a.md"]) == ["check", "--exit-zero", "a.md"]
    assert flag_values(["check", "--exit-zero", "false", "a.md"]) == ["check", "a.md"]
    assert flag_values(["check", "--exit-zero=yes", "--no-cache=0", "a.md"]) == ["check", "--exit-zero", "a.md"]
    assert flag_values(["check", "--exit-zero", "docs/"]) == ["check", "--exit-zero", "docs/"]
    assert flag_values(["check", "--", "--exit-zero", "true"]) == ["check", "--", "--exit-zero", "true"]


def test_exit_zero_true_is_the_flags_value(run, tmp_path):
    path = _write(tmp_path, "a.txt", WRONG)
    assert run("check", "--no-cache", "--published", "2025-03-10", "--exit-zero", "true", path).exit_code == 0
    assert run("check", "--no-cache", "--published", "2025-03-10", "--exit-zero", "false", path).exit_code == 1
    assert run("check", "--no-cache", "--published", "2025-03-10", path, "--exit-zero=true").exit_code == 0


# ---------------------------------------------------------------- the summary


def test_summary_counts_severities_and_files():
    def f(path: str, severity: str) -> Finding:
        return Finding("calendar/weekday-mismatch", severity, "m", Span(path, 0, 1))

    found = [f("a.md", "error"), f("a.md", "warning"), f("b.md", "error")]
    assert summary(found, 14) == "Found 3 findings (2 errors, 1 warning) in 2 of 14 files."
    assert summary([f("a.md", "info")], 1) == "Found 1 finding (1 info) in 1 file."
    assert summary([], 3) == "No findings in 3 files."
    assert summary([], 0, unread=1) == "Nothing checked: 1 input could not be read (see above)."


def test_no_findings_is_never_said_beside_an_input_error(run, tmp_path):
    result = run("check", "--no-cache", str(tmp_path / "missing.md"))
    assert result.exit_code == 2 and "No findings" not in result.output
    assert "missing.md: no such file or directory" in result.stderr
    ok = _write(tmp_path, "ok.txt", "Nothing dated here.\n")
    result = run("check", "--no-cache", ok, str(tmp_path / "missing.md"))
    assert result.exit_code == 2 and "1 input could not be read" in result.stdout


def test_the_text_report_says_where_an_unstated_date_came_from(run, tmp_path):
    posts = tmp_path / "_posts"
    posts.mkdir()
    named = _write(posts, "2025-03-10-council.md", WRONG)
    inferred = _write(tmp_path, "undated.txt", "The bridge opened on May 3, 2019.\n")
    result = run("check", "--no-cache", named, inferred)
    assert f"note: {named}: publication date 2025-03-10 taken from the file name" in result.stdout
    assert f"note: {inferred}: no publication date stated; 2019-05-03 inferred" in result.stdout


def test_an_unreadable_date_is_a_warning_naming_the_file(run, tmp_path):
    path = _write(tmp_path, "post.md", "---\ndate: '{{ .Date }}'\n---\n" + WRONG)
    result = run("check", "--no-cache", path)
    assert result.exit_code == 1 and "calendar/weekday-mismatch" in result.stdout  # still checked
    assert f"{path}: warning: front matter 'date': cannot read '{{{{ .Date }}}}' as a date" in result.stderr


# ---------------------------------------------------------------- --select / --ignore


def test_select_and_ignore_on_the_command_line(run, tmp_path):
    path = _write(tmp_path, "a.txt", WRONG + "He will be sworn in on January 20, 2021.\n")
    base = ("check", "--no-cache", "--published", "2025-03-10", "--format", "json", path)
    rules = lambda result: sorted({f["rule"] for f in __import__("json").loads(result.stdout)})  # noqa: E731
    assert rules(run(*base)) == ["calendar/weekday-mismatch", "chronology/stale-future"]
    assert rules(run(*base, "--select", "calendar")) == ["calendar/weekday-mismatch"]
    assert rules(run(*base, "--ignore", "calendar/weekday-mismatch,chronology/order")) == ["chronology/stale-future"]
    bad = run(*base, "--select", "calendar/nope")
    assert bad.exit_code == 2 and "unknown rule or pack 'calendar/nope'" in bad.output


# ---------------------------------------------------------------- --fix


def test_fix_applies_only_certain_fixes_and_dry_run_shows_a_diff(run, tmp_path):
    text = "---\ndate: 2019-06-12\n---\n" + WRONG + "President Obama told reporters on Tuesday that it was safe.\n"
    path = _write(tmp_path, "a.md", text)
    dry = run("check", "--no-cache", "--fix", "--dry-run", path)
    assert dry.exit_code == 1
    assert "-On Monday, March 4, 2025" in dry.stdout and "+On Tuesday, March 4, 2025" in dry.stdout
    assert "Former" not in dry.stdout  # a title fix is an editor's call, not certain
    assert Path(path).read_text(encoding="utf-8") == text  # a dry run writes nothing
    fixed = run("check", "--no-cache", "--fix", path)
    assert "fixed 1 finding in 1 of 1 file" in fixed.stderr
    assert Path(path).read_text(encoding="utf-8") == text.replace("On Monday", "On Tuesday")
    assert "weekday-mismatch" not in fixed.stdout and "facts/title-anachronism" in fixed.stdout
    assert run("check", "--dry-run", path).exit_code == 2


# ---------------------------------------------------------------- the meta-rule


def test_explain_knows_the_unused_suppression_rule(run):
    result = run("explain", "chronolint/unused-suppression")
    assert result.exit_code == 0 and "# chronolint/unused-suppression" in result.stdout
    assert "chronolint/unused-suppression" in run("rules").stdout


def test_lsp_without_pygls_says_how_to_install_it(run, monkeypatch):
    import importlib

    real = importlib.import_module

    def missing(name: str, *args):
        if name == "checker.app.lsp":
            raise ModuleNotFoundError("No module named 'pygls'", name="pygls")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", missing)
    result = run("lsp")
    assert result.exit_code == 2 and "pip install 'chronolint[lsp]'" in result.stderr
