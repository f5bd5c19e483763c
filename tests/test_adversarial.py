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
        {"severity": "fatal"},
        {"span": {"path": "elsewhere.md", "start": 0, "end": 4}},
        {"span": {"path": finding["span"]["path"], "start": 0, "end": 10**6}},
        {"rule": ["x"]},
        {"related": [{"span": finding["span"], "message": 5}]},
        {"message": {"a": {"b": {"c": [[[[[[[[1]]]]]]]]}}}},
        {"rule": "not a rule\x1b[2J"},
        {"extra": 1},
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
    fact = "facts:\n  events:\n    - {entity: Vell dam, event: opening, date: 2011-08-02}\n"
    facts = write(checkout, "facts.yaml", fact)
    write(checkout, "docs/page.md", "---\ndate: 2020-02-02\n---\nThe Vell dam opened on August 3, 2011.\n")
    assert rules(run("docs", "--format", "json")) == [("page.md", "facts/contradiction")]
    assert rules(run("docs", "--format", "json")) == [("page.md", "facts/contradiction")]
    stat = os.stat(facts)
    facts.write_text(facts.read_text().replace("08-02", "08-03"))
    os.utime(facts, ns=(stat.st_atime_ns, stat.st_mtime_ns))
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


# ---------------------------------------------------------------- 2. no crash loses the report


def assert_named_beside_the_good(result, bad: str, message: str) -> None:
    """Exit 2, the bad input named with ``message``, the good page still reported."""
    assert_clean(result)
    assert result.exit_code == 2, result.output
    assert f"chronolint: {bad}: {message}" in result.stderr.splitlines(), result.stderr
    assert rules(result) == FLAGGED


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.symlink_to("nowhere.md"), "broken symbolic link, not checked"),
        (lambda p: p.symlink_to(p.name), "symbolic link loop, not checked"),
        (lambda p: os.mkfifo(p), "not a regular file (a FIFO), not checked"),
    ],
    ids=["dangling-link", "link-loop", "fifo"],
)
def test_what_a_walked_folder_cannot_hold_as_a_file(checkout: Path, make, message: str) -> None:
    make(checkout / "docs/odd.md")
    for cache in ((), ("--no-cache",)):
        result = run("docs", "--format", "json", *cache)
        assert_named_beside_the_good(result, "docs/odd.md", message)


def test_a_file_deleted_during_the_run(checkout: Path) -> None:
    from checker.app.session import Session, Settings

    gone = write(checkout, "docs/gone.md", "Dated 5 May 2020.\n")
    errors = []
    session = Session(["docs"], Settings(no_cache=False), on_error=errors.append)
    gone.unlink()
    result = session.check()
    assert [(e.path, str(e)) for e in errors] == [("docs/gone.md", "no such file")]
    assert [(Path(f.span.path).name, f.rule) for f in result.findings] == FLAGGED


def test_standard_input_named_twice(checkout: Path) -> None:
    text = "On Friday, March 4, 2025, the council voted.\n"
    twice = CliRunner().invoke(app, ["check", "-", "-", "--format", "json", "--jobs", "1"], input=text)
    assert_clean(twice)
    assert twice.exit_code == 1 and [f["path"] for f in json.loads(twice.stdout)] == ["-"]
    named = CliRunner().invoke(app, ["check", "--stdin-filename", "docs/page.md", "-", "docs/page.md", "--format",
                                     "json", "--jobs", "1"], input=text)  # fmt: skip
    assert_clean(named)
    assert named.exit_code == 2 and rules(named) == FLAGGED
    assert "chronolint: docs/page.md: given twice" in named.stderr


def test_a_pack_constraint_on_an_unknown_event(checkout: Path) -> None:
    pack = "pack: ours\ndescription: d\ncurrent_to: 2026-01-01\nconstraints:\n  - id: vows-after-birth\n" \
           "    expr: vows >= birth\n    message: vows follow a birth\n"  # fmt: skip
    write(checkout, "ours.yaml", pack)
    write(checkout, ".chronolint.toml", 'packs = ["ours.yaml"]\n')
    result = run("docs", "--format", "json", "--no-cache")
    assert_clean(result)
    assert result.exit_code == 2
    assert "ours.yaml:5: unknown event type" in result.stderr


def test_a_killed_worker_names_its_files_and_the_run_goes_on(tmp_path: Path) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from checker.app import runner
    from checker.options import Options
    from checker.source import read_text

    pool = ProcessPoolExecutor(1)
    pool.submit(int).result()
    documents = [read_text(f"Page {i}, 2 May 2020.", path=f"p{i}.md") for i in range(3)]
    analyser = runner.Analyser(pool=pool)
    for document in documents:
        analyser.add(document, Options())
    for process in list(pool._processes.values()):
        process.kill()
    assert analyser.results() == []
    assert [(f.path, f.message) for f in analyser.failures] == [(d.path, runner.DIED) for d in documents]
    pool.shutdown()


def test_files_read_after_a_worker_died_are_named_too(tmp_path: Path) -> None:
    """A batch handed to a pool that already knows it is broken: submit itself raises, and that
    was a traceback (whether it happened hung on how soon the pool noticed the death)."""
    from concurrent.futures import ProcessPoolExecutor

    from checker.app import runner
    from checker.options import Options
    from checker.source import read_text

    pool = ProcessPoolExecutor(1)
    assert pool.submit(os._exit, 1).exception() is not None  # the pool is broken from here on
    documents = [read_text(f"Page {i}, 2 May 2020.", path=f"p{i}.md") for i in range(3)]
    analyser = runner.Analyser(pool=pool)
    for document in documents:
        analyser.add(document, Options())
    assert analyser.results() == []
    assert [(f.path, f.message) for f in analyser.failures] == [(d.path, runner.DIED) for d in documents]
    pool.shutdown()


def test_a_document_the_engine_fails_on_is_named_and_the_others_analysed(monkeypatch) -> None:
    from checker.app.tasks import Failure, Task, run_task
    from checker.options import Options
    from checker.source import read_text

    real = engine.analyze

    def fragile(documents, options):
        if any("poison" in d.text for d in documents):
            raise IndexError("tuple index out of range")
        return real(documents, options)

    monkeypatch.setattr(engine, "analyze", fragile)
    batch = [read_text("Seen on 2 May 2020.", path="a.md"), read_text("poison", path="b.md")]
    results = run_task(Task(tuple(batch), Options()))
    assert [type(r).__name__ for r in results] == ["Analysis", "Failure"]
    assert results[1] == Failure("b.md", "cannot be analysed (IndexError: tuple index out of range); not checked")


@pytest.mark.parametrize("address", ["nonsense:::", "http://127.0.0.1:9"])
def test_a_bad_dask_address_is_a_clear_error(checkout: Path, address: str) -> None:
    pytest.importorskip("distributed")
    result = run("docs", "--no-cache", "--dask-scheduler", address)
    assert_clean(result)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"chronolint: --dask-scheduler: {address!r} is not a Dask scheduler address")


def test_stdout_on_a_full_disk_is_exit_2(checkout: Path) -> None:
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "checker", "check", "docs", "--jobs", "1", "--no-cache"],
                              stdout=full, stderr=subprocess.PIPE, text=True, check=False)  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "cannot write the report to standard output: No space left on device" in done.stderr


def test_an_unexpected_exception_exits_2_in_one_line(capsys) -> None:
    from checker.app import crash_guard

    def broken() -> None:
        raise KeyError("\x1b[31mred")

    assert crash_guard.run(broken) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "\x1b" not in err
    assert err.startswith("chronolint: internal error: KeyError:")


# ---------------------------------------------------------------- 3. small inputs that hung


@pytest.mark.parametrize("run_of", [".,", "_", "-_", "?!.", "*_*"])
def test_runs_of_mixed_punctuation_reach_the_tokenizer_as_spaces(run_of: str) -> None:
    from checker.nlp.pipeline import defused

    text = "Held on May 4, 2020. " + run_of * 5000 + " Ended on May 9, 2020... --- ?!"
    blanked = defused(text)
    assert len(blanked) == len(text) and blanked.split() == ["Held", "on", "May", "4,", "2020.", "Ended", "on", "May",
                                                             "9,", "2020...", "---", "?!"]  # fmt: skip


def test_a_word_of_a_thousand_characters_is_no_prose_but_cjk_is_kept() -> None:
    from checker.nlp.pipeline import defused

    text = "Held on May 4, 2020. " + ":a" * 30_000 + " data:" + "QUJD" * 400 + " Ended."
    assert defused(text).split() == ["Held", "on", "May", "4,", "2020.", "Ended."]
    cjk = "2020年5月4日に開通した。" * 100  # written without spaces: kept
    assert defused(cjk) == cjk


def test_blank_lines_of_spaces_are_paragraph_breaks_in_linear_work() -> None:
    from checker.assertions import quoted_ranges

    assert quoted_ranges("    \n" * 50_000 + '"quoted"') == [(250_000, 250_007)]
    assert quoted_ranges('"a\n   \nb"') == []  # the trap: a blank line of spaces still ends the paragraph


def test_an_endless_list_of_dates_is_not_climbed_to_its_top(analyze) -> None:
    """Each date of "the 1990s and the 1990s and ..." would walk the whole list (quadratic); the
    climb is bounded, and a short list still reaches its verb (the trap)."""
    from checker.assertions import MAX_CONJUNCTS

    long = analyze("They visited in " + " and ".join(["the 1990s"] * (MAX_CONJUNCTS * 3)) + ".")
    short = analyze("The bridge opened in 1990 and 1991, and closed in 1995.")
    assert len(long.timexes) == MAX_CONJUNCTS * 3
    assert {a.trigger for a in short.assertions} >= {"opened", "closed"}


def test_unclosed_directives_and_endless_ignore_lines(checkout: Path) -> None:
    from checker.app import suppress
    from checker.source import read_text

    unclosed = read_text("<!-- chronolint-disable " * 20_000, path="a.md")
    assert suppress.directives(unclosed).directives == ()
    lines = read_text("chronolint: ignore\nOn May 4, 2020.\n" * 10_000, path="a.txt", fmt="text")
    found = suppress.directives(lines).directives
    assert len(found) == 10_000 and found[0].scope[0] == len("chronolint: ignore\n")
    assert found[-1].scope == (len(lines.source) - len("On May 4, 2020.\n"), len(lines.source) - 1)


def test_unclosed_tags_and_comments_in_html() -> None:
    from checker.source.html import html_prose

    page = "<p>Opened on <b>May 4, 2020</b>.</p>" + "<a href=" * 20_000
    assert html_prose(page).text.startswith("Opened on May 4, 2020.")
    assert html_prose("<p>x</p><!--" * 1 + "<!--" * 50_000).text.startswith("x")
    assert html_prose('<p title="a<b">kept</p>').text.strip() == "kept"  # the trap: a closed tag holding "<"


def test_a_rest_run_of_colons() -> None:
    from checker.source.rst import rst_prose

    text, _ = rst_prose(":a" * 100_000 + "\n\nSee :ref:`the opening` of May 4, 2020.\n")
    assert "of May 4, 2020." in text and ":ref:" not in text


def test_an_alias_bomb_under_the_date_key_is_named_in_a_few_words(checkout: Path) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi", strict=True)]
    write(
        checkout, "docs/page.md", "---\n" + "\n".join(levels) + "\ndate: *i\n---\nOn Friday, March 4, 2025, we met.\n"
    )
    result = run("docs", "--format", "json", "--no-cache")
    assert rules(result) == FLAGGED
    (warning,) = [line for line in result.stderr.splitlines() if "warning" in line]
    assert "cannot read [[[...]" in warning and len(warning) < 300


def test_a_long_metadata_string_is_no_date_and_never_reaches_dateparser(monkeypatch) -> None:
    from checker.source import dates

    def refuse(text: str, order: str) -> None:
        raise AssertionError("dateparser asked")

    monkeypatch.setattr(dates, "_dateparser", refuse)
    assert dates.parse_date("May 4 " * 50) is None
    assert dates.parse_date("2020-05-04") is not None


def test_http_reads_have_a_timeout() -> None:
    from checker.source import remote

    assert remote._options("s3") == {}
    pytest.importorskip("aiohttp")
    assert remote._options("https")["client_kwargs"]["timeout"].sock_read == remote.HTTP_TIMEOUT


# ---------------------------------------------------------------- 4. remote reads and stdin


class Trickle:
    """A body that arrives a few bytes per read, like chunked HTTP; ``endless`` never ends."""

    def __init__(self, body: bytes, endless: bool = False) -> None:
        self.body, self.at, self.endless = body, 0, endless

    def read(self, n: int = -1) -> bytes:
        if self.endless:
            return b"x" * min(n, 7)
        chunk = self.body[self.at : self.at + min(n, 7)]
        self.at += len(chunk)
        return chunk


def test_a_chunked_body_is_read_whole_and_an_endless_one_stops_at_the_limit() -> None:
    from checker.source.remote import read_all

    body = b"".join(b"line %d\n" % i for i in range(5000))
    assert read_all(Trickle(body), None) == body
    assert read_all(Trickle(body), len(body) + 1) == body
    assert len(read_all(Trickle(b"", endless=True), 1001)) == 1001  # one past 1000: refused by the caller


def test_max_file_size_applies_to_standard_input(checkout: Path) -> None:
    text = "On Friday, March 4, 2025, the council voted.\n" * 100
    result = CliRunner().invoke(app, ["check", "-", "--max-file-size", "1k", "--jobs", "1"], input=text)
    assert_clean(result)
    assert result.exit_code == 2
    assert "chronolint: -: larger than 1024 bytes (--max-file-size), not checked" in result.stderr


def test_redirect_loops_and_read_timeouts_are_worded() -> None:
    from checker.source.remote import _reason

    class TooManyRedirects(Exception):
        pass

    assert "redirects" in _reason(TooManyRedirects(("RequestInfo(...)", ()), "")) and "loop" in _reason(
        TooManyRedirects()
    )


# ---------------------------------------------------------------- 5. writes where they should not go


def test_output_never_overwrites_a_checked_input(checkout: Path) -> None:
    page = checkout / "docs/page.md"
    before = page.read_text()
    for target in ("docs/page.md", "./docs//page.md"):
        result = run("docs", "--output", target)
        assert_clean(result)
        assert result.exit_code == 2
        assert "is a file being checked; not overwriting it" in result.stderr
    assert page.read_text() == before


def test_a_report_that_fails_while_rendering_leaves_no_file(checkout: Path, monkeypatch) -> None:
    import checker.report

    def failing(name, report):
        raise RuntimeError("renderer broke")

    monkeypatch.setattr(checker.report, "render", failing)
    run("docs", "--output", "report.txt")
    assert not (checkout / "report.txt").exists()
    assert not [p for p in checkout.iterdir() if p.name.startswith(".chronolint-")]


def test_the_report_file_is_written_whole(checkout: Path) -> None:
    (checkout / "report.json").write_text("old")
    result = run("docs", "--output", "report.json", "--format", "json")
    assert result.exit_code == 1
    assert [f["rule"] for f in json.loads((checkout / "report.json").read_text())] == ["calendar/weekday-mismatch"]
    assert sorted(p.name for p in checkout.iterdir() if p.name.startswith(".")) == [".chronolint_cache"]


def test_diff_never_reaches_git_as_an_option(checkout: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    for args in (("init", "-q"), ("add", "docs"), ("-c", "user.name=t", "-c", "user.email=t@example.org", "commit",
                                                    "-q", "-m", "one")):  # fmt: skip
        subprocess.run(["git", *args], cwd=checkout, check=True, capture_output=True)
    (checkout / "docs/page.md").write_text("On Friday, March 4, 2025, the council voted.\nOn Monday, May 2, 2025.\n")
    for ref in ("--output=written.txt", "-p"):
        result = run("docs", f"--diff={ref}", "--no-cache")
        assert_clean(result)
        assert result.exit_code == 2 and "not a git ref" in result.stderr
    assert not (checkout / "written.txt").exists()
    assert run("docs", "--diff=HEAD", "--no-cache").exit_code == 1  # the trap: a real ref still works


# ---------------------------------------------------------------- 6. output injection


ESCAPE = "\x1b]0;owned\x07\x1b[2J"


def test_escape_sequences_in_text_and_names_are_shown_not_obeyed(checkout: Path) -> None:
    name = f"docs/bad{ESCAPE}\nname.md"
    write(checkout, name, f"On Friday, March 4, 2025, the {ESCAPE}council voted.\n")
    write(checkout, "docs/binary\x1b[31m.md", b"\x00\x01\x02")
    result = run("docs", "--no-cache")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\x1b" not in result.stderr
    assert "docs/bad\\x1b]0;owned\\x07\\x1b[2J\\x0aname.md:1:4: calendar/weekday-mismatch" in result.stdout
    assert "chronolint: docs/binary\\x1b[31m.md: binary file, not checked" in result.stderr
    # the underline still sits under the weekday and date on the escaped line
    lines = result.stdout.splitlines()
    shown = next(i for i, line in enumerate(lines) if "the \\x1b]0;owned" in line)
    assert lines[shown + 1].index("^") == lines[shown].index("Friday")


def test_junit_stays_well_formed_with_control_characters_in_a_path(checkout: Path) -> None:
    import xml.etree.ElementTree as ET

    write(checkout, "docs/a\x01b\x1b.md", "On Friday, March 4, 2025, the board met.\n")
    result = run("docs", "--format", "junit", "--no-cache")
    suites = ET.fromstring(result.stdout)
    assert sorted(s.get("name") for s in suites) == ["docs/a\\x01b\\x1b.md", "docs/page.md"]


# ---------------------------------------------------------------- 7. smaller defects


def test_lone_carriage_returns_count_as_line_breaks(checkout: Path) -> None:
    write(checkout, "docs/page.md", "First line.\rSecond line.\rOn Friday, March 4, 2025, they met.\r")
    (finding,) = json.loads(run("docs", "--format", "json", "--no-cache").stdout)
    assert (finding["line"], finding["column"]) == (3, 4)


def test_a_utf32_file_is_decoded(checkout: Path) -> None:
    import codecs

    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")):
        write(checkout, "docs/page.md", bom + "On Friday, March 4, 2025, they met.\n".encode(codec))
        (finding,) = json.loads(run("docs", "--format", "json", "--no-cache").stdout)
        assert (finding["rule"], finding["column"]) == ("calendar/weekday-mismatch", 4)


def test_a_configuration_with_a_utf8_bom_is_read(checkout: Path) -> None:
    (checkout / ".chronolint.toml").write_bytes(b'\xef\xbb\xbfignore = ["calendar"]\n')
    result = run("docs", "--format", "json", "--no-cache")
    assert_clean(result)
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_jobs_are_capped_at_the_cores() -> None:
    from checker.app import runner

    assert runner.capped_jobs(64) == runner.default_jobs()
    assert runner.capped_jobs(1) == 1
    assert runner.capped_jobs(None) == runner.default_jobs()


def test_a_worker_leaves_when_its_parent_is_gone(monkeypatch) -> None:
    from checker.app import runner

    class Left(Exception):
        pass

    def leave(code: int) -> None:
        raise Left(code)

    monkeypatch.setattr(runner.os, "_exit", leave)
    with pytest.raises(Left):
        runner._orphan_watch(os.getppid() + 1_000_000, every=0)


def test_prose_nested_past_the_limit_is_warned_about(checkout: Path) -> None:
    write(checkout, "docs/deep.md", "> " * 150 + "On Friday, March 4, 2025, they met.\n")
    write(checkout, "docs/shallow.md", "> " * 20 + "Nothing dated.\n")
    result = run("docs", "--no-cache")
    assert_clean(result)
    assert "chronolint: docs/deep.md: warning: text nested deeper than 100 levels" in result.stderr
    assert "shallow.md" not in result.stderr
