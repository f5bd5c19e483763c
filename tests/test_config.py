"""Configuration: discovery (nearest wins), every key, and errors that name file, key and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.app.config import Config, ConfigError, Resolver, load
from checker.cli import app

SENTENCE = "On Monday, March 4, 2025, the council voted.\n"
WEEKDAY = "calendar/weekday-mismatch"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


def findings(result) -> list[tuple[str, str, str]]:
    return [(Path(f["path"]).name, f["rule"], f["severity"]) for f in json.loads(result.stdout)]


# ---------------------------------------------------------------- discovery


def test_nearest_configuration_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", f'[tool.chronolint]\nignore = ["{WEEKDAY}"]\n')
    write(tmp_path / "docs" / ".chronolint.toml", 'fail-on = "error"\n')
    write(tmp_path / "docs" / "api" / "pyproject.toml", "[project]\nname = 'x'\n")  # no table: passed over
    resolver = Resolver()
    top = resolver.for_path(str(tmp_path / "a.md"))
    deep = resolver.for_path(str(tmp_path / "docs" / "api" / "b.md"))
    assert top.file == str(tmp_path / "pyproject.toml") and not top.enabled(WEEKDAY)
    assert deep.file == str(tmp_path / "docs" / ".chronolint.toml")
    assert deep.enabled(WEEKDAY) and deep.fail_on == "error"  # configurations do not merge, as in ruff


def test_dot_chronolint_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.chronolint]\ndate-order = "us"\n')
    write(tmp_path / ".chronolint.toml", 'date-order = "international"\n')
    assert Resolver().for_path(str(tmp_path / "a.md")).date_order == "international"


def test_no_configuration_means_defaults(tmp_path: Path) -> None:
    assert Resolver().for_path(str(tmp_path / "a.md")) == Config()
    assert Config().enabled(WEEKDAY) and Config().fail_on is None and Config().date_order is None


def test_config_option_overrides_discovery(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", SENTENCE)
    write(tmp_path / "pyproject.toml", f'[tool.chronolint]\nignore = ["{WEEKDAY}"]\n')
    write(tmp_path / "ci" / "strict.toml", f'select = ["{WEEKDAY}"]\n')
    assert findings(run("check", "a.md", "--format", "json")) == []
    result = run("check", "a.md", "--format", "json", "--config", "ci/strict.toml")
    assert findings(result) == [("a.md", WEEKDAY, "error")]


# ---------------------------------------------------------------- rule selection and levels


def test_select_and_ignore_most_specific_wins() -> None:
    config = Config(select=("calendar/invalid-date",), ignore=("calendar",))
    assert config.enabled("calendar/invalid-date") and not config.enabled(WEEKDAY)
    assert not Config(select=("calendar",), ignore=("calendar",)).enabled(WEEKDAY)  # a tie ignores
    assert not Config(select=("calendar",)).enabled("chronology/order")
    assert Config(ignore=("chronology",)).enabled(WEEKDAY)


def test_severity_override_most_specific_wins() -> None:
    config = Config(severity={"calendar": "info", WEEKDAY: "warning"})
    assert config.level(WEEKDAY, "error") == "warning"
    assert config.level("calendar/invalid-date", "error") == "info"
    assert config.level("chronology/order", "error") == "error"


def test_severity_and_fail_on_from_config(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", SENTENCE)
    write(tmp_path / ".chronolint.toml", f'fail-on = "error"\n[severity]\n"{WEEKDAY}" = "warning"\n')
    result = run("check", "a.md", "--format", "json")
    assert findings(result) == [("a.md", WEEKDAY, "warning")]
    assert result.exit_code == 0  # a warning is below the configured fail-on
    assert run("check", "a.md", "--fail-on", "warning").exit_code == 1  # the option wins


def test_date_order_from_config_and_option(run, tmp_path: Path) -> None:
    write(
        tmp_path / "a.txt", "The vote was on Tuesday, 04/03/2025.\n"
    )  # April 3 (US) was a Thursday; 4 March a Tuesday
    assert findings(run("check", "a.txt", "--format", "json")) == []  # no order stated: 4 March fits
    assert findings(run("check", "a.txt", "--format", "json", "--date-order", "us")) == [("a.txt", WEEKDAY, "error")]
    write(tmp_path / ".chronolint.toml", 'date-order = "us"\n')
    assert findings(run("check", "a.txt", "--format", "json")) == [("a.txt", WEEKDAY, "error")]
    assert findings(run("check", "a.txt", "--format", "json", "--date-order", "international")) == []  # the option wins


def test_published_keys(run, tmp_path: Path) -> None:
    write(tmp_path / "post.md", "---\nreleased: 2026-01-10\n---\nThe vote is on Tuesday (Jan. 21).\n")
    assert findings(run("check", "post.md", "--format", "json")) == []  # no year: nothing to check
    write(tmp_path / ".chronolint.toml", 'published-keys = ["released"]\n')
    assert findings(run("check", "post.md", "--format", "json")) == [("post.md", WEEKDAY, "warning")]


def test_include_and_exclude_apply_to_folder_walks_only(run, tmp_path: Path) -> None:
    write(tmp_path / "docs" / "a.md", SENTENCE)
    write(tmp_path / "docs" / "b.rst", SENTENCE)
    write(tmp_path / "docs" / "drafts" / "c.md", SENTENCE)
    write(tmp_path / "docs" / "d.txt", SENTENCE)
    write(tmp_path / ".chronolint.toml", 'include = ["*.md", "*.rst"]\nexclude = ["docs/drafts/"]\n')
    walked = sorted(name for name, _, _ in findings(run("check", "docs", "--format", "json")))
    assert walked == ["a.md", "b.rst"]
    named = findings(run("check", "docs/drafts/c.md", "docs/d.txt", "--format", "json"))
    assert sorted(name for name, _, _ in named) == ["c.md", "d.txt"]  # files named are always checked


# ---------------------------------------------------------------- errors


def error_of(tmp_path: Path, name: str, text: str) -> ConfigError:
    path = write(tmp_path / name, text)
    with pytest.raises(ConfigError) as caught:
        load(str(path))
    return caught.value


def test_unknown_key_names_file_key_and_line(tmp_path: Path) -> None:
    error = error_of(
        tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.chronolint]\nselect = []\nignored = []\n'
    )
    assert (error.key, error.line) == ("ignored", 6)
    assert str(error).startswith(f"{tmp_path / 'pyproject.toml'}:6: ignored: unknown key")


def test_bad_values_name_the_key(tmp_path: Path) -> None:
    cases = {
        'select = "calendar"\n': ("select", "list of strings"),
        'ignore = ["calendar/nope"]\n': ("ignore", "unknown rule"),
        'date-order = "european"\n': ("date-order", "'us', 'international'"),
        'fail-on = "fatal"\n': ("fail-on", "'error'"),
        '[severity]\n"calendar/weekday-mismatch" = "loud"\n': ("severity", "level"),
        'packs = ["no-such-pack"]\n': ("packs", "no built-in pack"),
        'facts = ["house/facts.yaml"]\n': ("facts", "no such file"),
        "exclude = [1]\n": ("exclude", "list of strings"),
    }
    for text, (key, words) in cases.items():
        error = error_of(tmp_path, ".chronolint.toml", text)
        assert error.key == key and words in str(error), text
        assert error.line is not None, text


def test_value_error_points_at_the_line_of_the_value(tmp_path: Path) -> None:
    error = error_of(tmp_path, ".chronolint.toml", 'ignore = [\n  "calendar",\n  "chronology/nope",\n]\n')
    assert error.line == 3


def test_invalid_toml_and_missing_table(tmp_path: Path) -> None:
    assert "not valid TOML" in str(error_of(tmp_path, ".chronolint.toml", "select = [\n"))
    assert "no [tool.chronolint] table" in str(error_of(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n"))


def test_facts_and_packs_are_resolved_against_the_configuration(tmp_path: Path) -> None:
    write(
        tmp_path / "house" / "facts.yaml",
        "facts:\n  events:\n    - {entity: Acme bridge, event: opening, date: 2019-05-03}\n",
    )
    config = load(str(write(tmp_path / ".chronolint.toml", 'facts = ["house/facts.yaml"]\npacks = ["core"]\n')))
    assert config.facts == (str(tmp_path / "house" / "facts.yaml"),) and config.packs == ("core",)
    assert config.pack_files == () and Config().packs is None


def test_bad_facts_file_is_reported_with_its_own_line(tmp_path: Path) -> None:
    write(tmp_path / "facts.yaml", "pack: house\nfacts: 3\n")
    error = error_of(tmp_path, ".chronolint.toml", 'facts = ["facts.yaml"]\n')
    assert error.key == "facts" and "facts.yaml" in str(error) and "bad facts file" in str(error)


def test_cli_reports_configuration_errors_without_traceback(run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", SENTENCE)
    write(tmp_path / "pyproject.toml", '[tool.chronolint]\nselct = ["calendar"]\n')
    result = run("check", "a.md")
    assert result.exit_code == 2
    assert "pyproject.toml:2: selct: unknown key" in result.stderr and "Traceback" not in result.stderr
    assert run("check", "a.md", "--config", "missing.toml").exit_code == 2


def test_each_file_gets_its_own_configuration_in_one_run(run, tmp_path: Path) -> None:
    write(tmp_path / "news" / "a.md", SENTENCE)
    write(tmp_path / "blog" / "b.md", SENTENCE)
    write(tmp_path / "blog" / ".chronolint.toml", f'ignore = ["{WEEKDAY}"]\n')
    write(tmp_path / "news" / ".chronolint.toml", '[severity]\ncalendar = "warning"\n')
    result = run("check", "news", "blog", "--format", "json")
    assert findings(result) == [("a.md", WEEKDAY, "warning")]
