"""What an attacker (or an unlucky user) can hand the checker, each defect of an adversarial run
pinned: a cache committed in a pull request, files that vanish or never end, hostile names and
texts, writes aimed outside the report and the cache. Each case is a clear message naming the
file, with the other files still reported; a crash exits 2, never 1 (CI reads 1 as findings).
No test bounds the time it takes: benchmarks/backtracking.py measures how work grows.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import engine
from checker.app.cache import TAG, Cache
from checker.cli import app

def run(*args: str, jobs: str = "1"):
    return CliRunner().invoke(app, ["check", *args, "--jobs", jobs])


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def assert_clean(result) -> None:
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def rules(result) -> list[tuple[str, str]]:
    return [(Path(f["path"]).name, f["rule"]) for f in json.loads(result.stdout)]


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with one page that has a wrong weekday (the run is inside it)."""
    folder = tmp_path / "repo"
    write(folder, "docs/page.md", "On Friday, March 4, 2025, the council voted.\n")
    monkeypatch.chdir(folder)
    return folder


FLAGGED = [("page.md", "calendar/weekday-mismatch")]


# ---------------------------------------------------------------- 1. the cache is untrusted


def test_a_cache_made_in_another_checkout_is_not_trusted(checkout: Path, tmp_path: Path, monkeypatch) -> None:
    """A cache made (or crafted) elsewhere and committed misses: every key depends on the resolved root."""
    assert rules(run("docs", "--format", "json")) == FLAGGED
    # the same run in a second checkout finds the page clean, and its cache is carried over
    other = tmp_path / "other"
    write(other, "docs/page.md", "On Friday, March 7, 2025, the council voted.\n")
    monkeypatch.chdir(other)
    assert rules(run("docs", "--format", "json")) == []
    cache = other / ".chronolint_cache"
    os.system(f"rm -rf {checkout / '.chronolint_cache'} && cp -a {cache} {checkout}/")
    page = checkout / "docs/page.md"
    os.utime(page, ns=(os.stat(other / "docs/page.md").st_mtime_ns,) * 2)
    monkeypatch.chdir(checkout)
    assert rules(run("docs", "--format", "json")) == FLAGGED


def planted(entry: dict) -> list[dict]:
    """Variations of one cached finding, each wrong in one way."""
    finding = entry["findings"][0]
    bad = []
    for change in (
        {"severity": "fatal"}, {"span": {"path": "elsewhere.md", "start": 0, "end": 4}},
        {"span": {"path": finding["span"]["path"], "start": 0, "end": 10**6}}, {"rule": ["x"]},
        {"related": [{"span": finding["span"], "message": 5}]}, {"message": {"a": {"b": {"c": [[[[[[[[1]]]]]]]]}}}},
        {"rule": "not a rule\x1b[2J"}, {"extra": 1},
    ):
        bad.append({**entry, "findings": [{**finding, **change}]})
    bad.append({**entry, "findings": [finding, {"rule": "x"}]})
    bad.append({**entry, "dates": []})
    bad.append([entry])
    bad.append({"findings": "[" * 50})
    return bad


@pytest.mark.parametrize("tier", ["unchanged", "runs"])
def test_crafted_cache_entries_are_misses(checkout: Path, tier: str) -> None:
    """Wrong shape, deep nesting, unknown path or severity: a miss (the file is checked again), never a
    crash and never a planted finding."""
    assert rules(run("docs", "--format", "json")) == FLAGGED
    if tier == "runs":
        for entry in (checkout / ".chronolint_cache/unchanged").glob("*.json"):
            entry.unlink()
    (path,) = (checkout / ".chronolint_cache" / tier).glob("*.json")
    original = json.loads(path.read_text())
    variants = [json.dumps(v) for v in planted(original)] + ["[" * 100_000 + "]" * 100_000, "{", "\x00"]
    for variant in variants:
        path.write_text(variant)
        result = run("docs", "--format", "json")
        assert_clean(result)
        assert result.exit_code == 1 and rules(result) == FLAGGED, variant[:200]


def test_crafted_analysis_entries_are_misses(checkout: Path) -> None:
    assert rules(run("docs", "--format", "json")) == FLAGGED
    cache = checkout / ".chronolint_cache"
    for tier in ("unchanged", "runs"):
        for entry in (cache / tier).glob("*.json"):
            entry.unlink()
    (path,) = cache.glob("??/*.json")
    original = json.loads(path.read_text())
    timex = original["timexes"][0]
    for change in ({"timexes": [{**timex, "start": -1}]}, {"timexes": [{**timex, "earliest": "yesterday"}]},
                   {"timexes": [{**timex, "link": 99}]}, {"timexes": [{**timex, "fields": [1]}]},
                   {"assertions": [{"id": 0}]}, {"sentences": [[0]]}, {"published_source": "oracle"},
                   {"timexes": [{**timex, "valid": 1}]}):  # fmt: skip
        path.write_text(json.dumps({**original, **change}))
        result = run("docs", "--format", "json")
        assert_clean(result)
        assert rules(result) == FLAGGED, change


def test_an_edited_facts_file_misses_the_unchanged_run_entry(checkout: Path) -> None:
    """The stat-keyed entry of an unchanged run also depends on the facts files and packs named:
    a fact corrected (same size, same time) drops the stale finding."""
    write(checkout, ".chronolint.toml", 'facts = ["facts.yaml"]\n')
    facts = write(checkout, "facts.yaml", "facts:\n  events:\n    - {entity: Vell dam, event: opening, date: 2011-08-02}\n")
    write(checkout, "docs/page.md", "---\ndate: 2020-02-02\n---\nThe Vell dam opened on August 3, 2011.\n")
    assert rules(run("docs", "--format", "json")) == [("page.md", "facts/contradiction")]
    assert rules(run("docs", "--format", "json")) == [("page.md", "facts/contradiction")]
    stat = os.stat(facts)
    facts.write_text(facts.read_text().replace("08-02", "08-03"))
    os.utime(facts, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    engine.knowledge.cache_clear()  # a new process would load the packs again
    assert rules(run("docs", "--format", "json")) == []


@pytest.mark.parametrize("kind", ["foreign", "symlink", "file"])
def test_a_cache_folder_that_is_not_a_cache_is_refused(checkout: Path, tmp_path: Path, kind: str) -> None:
    """``--cache-dir docs`` or a committed link: a clear message, nothing written there, still checked."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = {"foreign": "docs", "symlink": ".chronolint_cache", "file": "docs/page.md"}[kind]
    if kind == "symlink":
        (checkout / target).symlink_to(elsewhere)
    before = sorted(p.name for p in (checkout / "docs").iterdir())
    for _ in range(2):
        result = run("docs", "--format", "json", "--cache-dir", target)
        assert_clean(result)
        assert rules(result) == FLAGGED
        assert f"chronolint: {target}: warning: the cache folder" in result.stderr
    assert sorted(p.name for p in (checkout / "docs").iterdir()) == before
    assert list(elsewhere.iterdir()) == []


def test_a_link_inside_a_tagged_cache_is_not_followed(checkout: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    cache = checkout / ".chronolint_cache"
    write(cache, "CACHEDIR.TAG", TAG)
    (cache / "unchanged").symlink_to(elsewhere)
    (cache / "runs").symlink_to(elsewhere)
    (cache / ".gitignore").symlink_to(elsewhere / "gitignore")
    for _ in range(2):
        assert rules(run("docs", "--format", "json")) == FLAGGED
    assert list(elsewhere.iterdir()) == []


def test_the_own_cache_folder_is_reused(checkout: Path) -> None:
    """The trap: a folder this tool made is a cache (tagged), and is read back."""
    run("docs", "--format", "json")
    cache = Cache(checkout / ".chronolint_cache")
    assert cache.problem is None and (checkout / ".chronolint_cache/CACHEDIR.TAG").read_text() == TAG
    assert Cache(checkout / "absent").problem is None
