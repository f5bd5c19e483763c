"""The command line end to end: formats, exit codes, inputs, positions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

WRONG_WEEKDAY = "On Monday, March 4, 2025, the city council voted.\n"
FINDING_KEYS = [
    "path",
    "rule",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "offset",
    "end_offset",
    "related",
    "fix",
]


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None):
        return runner.invoke(app, list(args), input=stdin)

    return invoke


def write(tmp_path: Path, name: str, text: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return str(path)


def test_acceptance_weekday_mismatch_as_json(run, tmp_path: Path) -> None:
    path = write(tmp_path, "council.txt", WRONG_WEEKDAY)
    result = run("check", path, "--published", "2025-03-10", "--format", "json")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)
    assert list(finding) == FINDING_KEYS
    assert finding["rule"] == "calendar/weekday-mismatch"
    assert WRONG_WEEKDAY[finding["offset"] : finding["end_offset"]] == "Monday, March 4, 2025"
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (1, 4, 1, 25)
    assert finding["fix"]["replacement"] == "Tuesday"
    assert WRONG_WEEKDAY[finding["fix"]["offset"] : finding["fix"]["end_offset"]] == "Monday"
    assert finding["related"] == []


def test_no_findings_is_an_empty_array_and_exit_zero(run, tmp_path: Path) -> None:
    path = write(tmp_path, "ok.txt", "On Tuesday, March 4, 2025, the city council voted.\n")
    result = run("check", path, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_text_format_shows_location_rule_line_and_underline(run, tmp_path: Path) -> None:
    path = write(tmp_path, "council.txt", WRONG_WEEKDAY)
    result = run("check", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}:1:4: calendar/weekday-mismatch")
    assert WRONG_WEEKDAY.strip() in lines[1]
    assert lines[2].endswith(" " * 3 + "^" * len("Monday, March 4, 2025"))
    assert "\x1b[" not in result.stdout  # no colour when not a terminal


def test_fail_on_and_exit_zero(run, tmp_path: Path) -> None:
    # The year comes from the publication date, so the finding is a warning.
    path = write(tmp_path, "vote.txt", "The vote is on Tuesday (Jan. 21).\n")
    assert run("check", path, "--published", "2026-01-10").exit_code == 1
    assert run("check", path, "--published", "2026-01-10", "--fail-on", "error").exit_code == 0
    assert run("check", path, "--published", "2026-01-10", "--exit-zero").exit_code == 0


def test_front_matter_date_is_the_publication_date(run, tmp_path: Path) -> None:
    path = write(tmp_path, "post.md", "---\ntitle: Vote\ndate: 2026-01-10\n---\nThe vote is on Tuesday (Jan. 21).\n")
    (finding,) = json.loads(run("check", path, "--format", "json").stdout)
    assert "2026" in finding["message"] and finding["fix"]["replacement"] == "Wednesday"
    # --published wins over the front matter: January 21, 2025 was a Tuesday.
    assert json.loads(run("check", path, "--format", "json", "--published", "2025-01-10").stdout) == []


def test_markdown_positions_after_front_matter_and_code_map_to_the_file(run, tmp_path: Path) -> None:
    text = (
        "---\ndate: 2025-03-10\n---\n\n# Minutes\n\n```\nMonday, March 4, 2025 in code is not checked\n```\n\n"
        "Then `Monday, March 4, 2025` inline, and a [link](https://x.org/Monday-March-4-2025).\n\n"
        "    Monday, March 4, 2025 indented code\n\n"
        "<!-- Monday, March 4, 2025 in a comment -->\n\n"
        "Later, **on Monday, March 4, 2025**, the council voted.\n"
    )
    path = write(tmp_path, "minutes.md", text)
    (finding,) = json.loads(run("check", path, "--format", "json").stdout)
    assert text[finding["offset"] : finding["end_offset"]] == "Monday, March 4, 2025"
    line_no = text[: finding["offset"]].count("\n") + 1
    assert finding["line"] == line_no == 17
    assert finding["column"] == len("Later, **on ") + 1


def test_stdin(run) -> None:
    result = run("check", "-", "--published", "2025-03-10", "--format", "json", stdin=WRONG_WEEKDAY)
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)
    assert finding["path"] == "-"


def test_bad_inputs_are_named_and_do_not_stop_the_others(run, tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", WRONG_WEEKDAY)
    binary = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)))
    missing = str(tmp_path / "missing.md")
    result = run("check", binary, missing, good, "--format", "json")
    assert result.exit_code == 2
    assert [f["path"] for f in json.loads(result.stdout)] == [good]
    assert f"chronolint: {binary}: " in result.stderr and "binary" in result.stderr
    assert f"chronolint: {missing}: " in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_file(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path, "locked.md", WRONG_WEEKDAY)
    good = write(tmp_path, "good.md", WRONG_WEEKDAY)
    real_open = open

    def guarded_open(file, *args, **kwargs):  # tests run as root, where chmod 0 does not stop reads
        if str(file) == locked:
            raise PermissionError(13, "Permission denied", file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", guarded_open)
    result = run("check", locked, good, "--format", "json")
    assert result.exit_code == 2
    assert f"chronolint: {locked}: permission denied" in result.stderr
    assert [f["path"] for f in json.loads(result.stdout)] == [good]


def test_folders_are_walked(run, tmp_path: Path) -> None:
    write(tmp_path, "a.md", WRONG_WEEKDAY)
    (tmp_path / "node_modules").mkdir()
    write(tmp_path / "node_modules", "b.md", WRONG_WEEKDAY)
    write(tmp_path, "c.py", WRONG_WEEKDAY)
    result = run("check", str(tmp_path), "--format", "json")
    assert [Path(f["path"]).name for f in json.loads(result.stdout)] == ["a.md"]


def test_usage_errors_exit_two(run, tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", WRONG_WEEKDAY)
    result = run("check", path, "--published", "20 March")
    assert result.exit_code == 2 and "cannot read '20 March' as a date" in result.output
    assert run("check", path, "--format", "xml").exit_code == 2


def test_extract_shows_timexes(run, tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "---\ndate: 2024-12-20\n---\nTrump was sworn in on January 20, 2025.\n")
    (record,) = json.loads(run("extract", path).stdout)
    assert record["published"] == "2024-12-20" and record["published_source"] == "front-matter"
    (timex,) = record["timexes"]
    assert {k: timex[k] for k in ("text", "type", "value")} == {
        "text": "January 20, 2025",
        "type": "DATE",
        "value": "2025-01-20",
    }
    assert Path(path).read_text()[timex["offset"] : timex["end_offset"]] == "January 20, 2025"
    assert "assertions" in record


def test_extract_says_which_expression_a_narrative_value_counts_from(run, tmp_path: Path) -> None:
    story = (
        "Built in 1902, the mill grew in 1905, 1907 and 1909. In 1911 it opened a dam. On 3 June it burned. "
        "Nine days later it was rebuilt.\n"
    )
    path = write(tmp_path, "story.txt", story)
    (record,) = json.loads(run("extract", path, "--published", "2024-01-05").stdout)
    timexes = record["timexes"][-3:]
    assert [(t["text"], t["value"], t["anchor"], t["anchor_index"]) for t in timexes] == [
        ("1911", "1911", "explicit", None),
        ("3 June", "1911-06-03", "narrative", 4),
        ("Nine days later", "1911-06-12", "narrative", 5),
    ]


def test_rules_and_explain(run) -> None:
    listing = run("rules").stdout
    for rule in ("calendar/invalid-date", "calendar/weekday-mismatch", "facts/title-anachronism"):
        assert rule in listing
    page = run("explain", "calendar/weekday-mismatch")
    assert page.exit_code == 0 and "How to fix" in page.stdout
    unknown = run("explain", "calendar/nope")
    assert unknown.exit_code == 2 and "unknown rule" in unknown.stderr


def test_version(run) -> None:
    assert run("--version").stdout.startswith("chronolint ")


def test_the_console_script_exits_with_the_runs_code(tmp_path: Path) -> None:
    """``main`` leaves with os._exit: the code, stdout and stderr must still all come out."""
    import subprocess
    import sys

    page = tmp_path / "page.md"
    page.write_text("On Monday, March 4, 2025, the council voted.\n")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "checker", "check", *args, "--no-cache", "--jobs", "1"]
        return subprocess.run(command, capture_output=True, text=True, check=False, cwd=tmp_path)

    found = run(str(page), "--format", "json")
    assert found.returncode == 1 and json.loads(found.stdout)[0]["rule"] == "calendar/weekday-mismatch"
    assert run(str(page), "--exit-zero").returncode == 0
    missing = run(str(tmp_path / "missing.md"))
    assert missing.returncode == 2 and "missing.md: no such file or directory" in missing.stderr
    assert run("--no-such-option").returncode == 2


def test_rules_show_each_pack_constraint_with_its_kind(run) -> None:
    """Which part of the engine evaluates each constraint: order (the network), rule, count."""
    listing = run("rules").stdout
    order_line = next(line for line in listing.splitlines() if line.split()[:1] == ["death-after-birth"])
    assert order_line.split()[1] == "order"
    listed = json.loads(run("rules", "--format", "json").stdout)
    assert [r["id"] for r in listed["rules"]][:2] == ["arithmetic/age", "arithmetic/duration"]
    constraints = {c["id"]: c for pack in listed["packs"] for c in pack["constraints"]}
    assert constraints["death-after-birth"]["kind"] == "order"
    assert constraints["us-election-day"]["kind"] == "rule"
    assert constraints["us-two-term-limit"]["kind"] == "count"
    assert {c["kind"] for c in constraints.values()} <= {"order", "rule", "count"}
    assert all(set(c) >= {"expr", "when", "count", "max", "same", "office", "message"} for c in constraints.values())


def _loaded_after(args: list[str], modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh interpreter has imported after running the command."""
    code = (
        "import sys, io, contextlib\n"
        "from checker.cli import app\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        app({args!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"print(','.join(m for m in {modules!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    return [m for m in done.stdout.strip().split(",") if m]


def test_help_loads_neither_spacy_nor_rich_markdown() -> None:
    """``--help`` is plain click help: no spaCy, no sympy, no rich (typer's rich help imports
    rich.markdown and markdown-it, a third of the command's start)."""
    assert _loaded_after(["--help"], ("spacy", "sympy", "rich", "checker.report")) == []


def test_checking_an_article_under_the_bundled_packs_loads_no_sympy() -> None:
    """The bundled packs' constraints come normalised (expressions/normalised.json): sympy, a third
    of a one-file check's start, loads only for an expression of a user's own pack."""
    example = str(Path(__file__).resolve().parent.parent / "examples" / "coalition-strikes-article.md")
    assert _loaded_after(["check", example, "--published", "2024-12-20", "--no-cache"], ("sympy",)) == []


def test_rules_does_not_load_spacy() -> None:
    """The catalogue and the packs' constraint kinds come from the packs alone."""
    assert _loaded_after(["rules"], ("spacy", "thinc", "checker.engine")) == []


def test_one_small_file_loads_no_worker_pool_nor_other_formats_readers(tmp_path: Path) -> None:
    """A single file is analysed in this process; what only folder walks, pools or other formats
    need stays unloaded (cold start)."""
    article = tmp_path / "one.md"
    article.write_text("On Monday, March 4, 2025, the council met.\n", encoding="utf-8")
    unused = ("concurrent.futures.process", "pathspec", "checker.source.html", "checker.source.rst",
              "checker.source.docx")  # fmt: skip
    assert _loaded_after(["check", "--no-cache", str(article)], (*unused, "spacy")) == ["spacy"]
