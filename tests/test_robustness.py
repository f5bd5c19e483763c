"""Adversarial inputs: each is refused with one clear line, or checked, never a traceback.

Binary files, bad encodings, huge files, deep nesting, very long lines, strings built to
make the tagger's regexes backtrack, and packs, configurations and front matter that are
malformed or try to run code. No test bounds the time it takes (a busy machine would turn
it red): benchmarks/backtracking.py and benchmarks/scaling.py measure how time and memory grow
with the input.
"""

from __future__ import annotations

import codecs
import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks import backtracking
from benchmarks.backtracking import FAMILIES
from checker import nlp, timex
from checker.cli import app

WRONG_WEEKDAY = "On Monday, March 4, 2025, the council voted.\n"
FLAGGED = "Monday, March 4, 2025"
DEFAULT_LIMIT = 5 * 1024 * 1024


ISOLATED = ("--jobs", "1", "--no-cache")  # in this process, and no cache left in the working folder


def run(command: str, *args: str):
    return CliRunner().invoke(app, [command, *args, *(ISOLATED if command == "check" else ())])


def write(folder: Path, name: str, content: str | bytes) -> str:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


def assert_clean(result) -> None:
    """No traceback and no exception other than the exit."""
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def check_in_subprocess(path: str) -> subprocess.CompletedProcess[str]:
    """``chronolint check --format json PATH`` in its own process."""
    command = [sys.executable, "-m", "checker", "check", path, "--format", "json", *ISOLATED]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def findings(result) -> list[dict]:
    return json.loads(result.stdout)


def assert_refused_beside_good(tmp_path: Path, name: str, content: bytes, message: str, *options: str) -> None:
    """The bad file named on stderr with ``message``, exit 2, and the good file next to it still checked."""
    bad = write(tmp_path, name, content)
    good = write(tmp_path, "good.txt", WRONG_WEEKDAY)
    result = run("check", bad, good, "--format", "json", *options)
    assert_clean(result)
    assert result.exit_code == 2
    assert f"chronolint: {bad}: {message}" in result.stderr.splitlines()
    assert [(f["path"], f["rule"]) for f in findings(result)] == [(good, "calendar/weekday-mismatch")]


# ---------------------------------------------------------------- binary files and encodings


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10" + bytes(range(256)),
        random.Random(7).randbytes(4096),
        WRONG_WEEKDAY.encode() + b"\0" + WRONG_WEEKDAY.encode(),
        b"\x7fELF\x02\x01\x01" + bytes(64),
    ],
    ids=["png", "random-bytes", "nul-in-text", "elf"],
)
def test_binary_files_are_refused(tmp_path: Path, content: bytes) -> None:
    assert_refused_beside_good(tmp_path, "data.md", content, "binary file, not checked")


@pytest.mark.parametrize(
    ("content", "byte", "offset"),
    [
        ("café on March 4, 2025".encode("latin-1"), 0xE9, 3),
        (WRONG_WEEKDAY.encode() + "é".encode()[:1], 0xC3, len(WRONG_WEEKDAY)),  # cut inside a character
        (b"On \xc0\xafMonday", 0xC0, 3),  # overlong encoding of "/"
        (b"On \xed\xa0\x80 Monday", 0xED, 3),  # an encoded surrogate
        (codecs.BOM_UTF8 + b"On \xff Monday", 0xFF, 6),  # offsets count the BOM's bytes
    ],
    ids=["latin-1", "truncated", "overlong", "surrogate", "after-bom"],
)
def test_invalid_utf8_names_the_byte(tmp_path: Path, content: bytes, byte: int, offset: int) -> None:
    message = f"not valid UTF-8 (byte 0x{byte:02x} at offset {offset}); save it as UTF-8"
    assert_refused_beside_good(tmp_path, "latin.md", content, message)


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF16_LE + WRONG_WEEKDAY.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + WRONG_WEEKDAY.encode("utf-16-be"),
        codecs.BOM_UTF8 + WRONG_WEEKDAY.encode("utf-8"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-8-sig"],
)
def test_byte_order_marks_are_decoded_and_offsets_count_characters(tmp_path: Path, encoded: bytes) -> None:
    path = write(tmp_path, "bom.txt", encoded)
    result = run("check", path, "--format", "json")
    assert_clean(result)
    (finding,) = findings(result)
    assert WRONG_WEEKDAY[finding["offset"] : finding["end_offset"]] == FLAGGED
    assert (finding["line"], finding["column"], finding["end_column"]) == (1, 4, 25)


@pytest.mark.parametrize(
    "content",
    [codecs.BOM_UTF16_LE + "On Monday".encode("utf-16-le") + b"\x00", codecs.BOM_UTF16_LE + b"O\x00\x00\xd8 \x00"],
    ids=["odd-length", "lone-surrogate"],
)
def test_invalid_utf16_is_refused(tmp_path: Path, content: bytes) -> None:
    bad = write(tmp_path, "wide.txt", content)
    result = run("check", bad, "--format", "json")
    assert_clean(result)
    assert result.exit_code == 2 and result.stderr.startswith(f"chronolint: {bad}: invalid UTF-16 at byte ")


# ---------------------------------------------------------------- file size


def sparse_file(folder: Path, name: str, size: int) -> str:
    """A file of ``size`` bytes that starts with prose; the rest is a hole, so it costs no disk or time."""
    path = folder / name
    with path.open("wb") as f:
        f.write(WRONG_WEEKDAY.encode())
        f.seek(size - 1)
        f.write(b"\n")
    return str(path)


def test_a_50_mb_file_is_refused_by_default_and_the_others_checked(tmp_path: Path) -> None:
    big = sparse_file(tmp_path, "archive.md", 50 * 1024 * 1024)
    good = write(tmp_path, "good.md", WRONG_WEEKDAY)
    for command in ("check", "extract"):
        result = run(command, big, good, "--format", "json")
        assert_clean(result)
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [
            f"chronolint: {big}: larger than {DEFAULT_LIMIT} bytes (--max-file-size), not checked"
        ]
        assert [r["path"] for r in findings(result)] == [good]


def test_max_file_size_raised_lets_the_file_be_read(tmp_path: Path) -> None:
    big = sparse_file(tmp_path, "archive.md", 6 * 1024 * 1024)  # mostly NUL bytes: read, then found binary
    result = run("check", big, "--format", "json", "--max-file-size", "7MB")
    assert_clean(result)
    assert result.stderr.splitlines() == [f"chronolint: {big}: binary file, not checked"]


@pytest.mark.parametrize(
    ("option", "limit"),
    [("599", 599), ("512k", 512 * 1024), ("1K", 1024), ("10MB", 10 * 1024**2), ("2 MiB", 2 * 1024**2),
     ("1GiB", 1024**3), ("0", 0)],
)  # fmt: skip
def test_max_file_size_units(tmp_path: Path, option: str, limit: int) -> None:
    path = write(tmp_path, "page.md", WRONG_WEEKDAY * 15)  # 675 bytes
    result = run("check", path, "--format", "json", "--max-file-size", option)
    assert_clean(result)
    if limit < 675:
        assert result.exit_code == 2
        assert f"larger than {limit} bytes (--max-file-size)" in result.stderr
    else:
        assert result.exit_code == 1 and len(findings(result)) == 15


@pytest.mark.parametrize("option", ["ten", "-5", "5 TB", "1.5MB", ""])
def test_max_file_size_rejects_nonsense(tmp_path: Path, option: str) -> None:
    path = write(tmp_path, "page.md", WRONG_WEEKDAY)
    result = run("check", path, "--max-file-size", option)
    assert_clean(result)
    assert result.exit_code == 2 and "--max-file-size" in result.output


def test_a_long_text_of_filler_is_checked(tmp_path: Path) -> None:
    """The finding at its end survives (the 1M-character case is timed in benchmarks/scaling.py)."""
    path = write(tmp_path, "long.txt", "x " * 60_000 + WRONG_WEEKDAY)
    done = check_in_subprocess(path)
    assert "Traceback" not in done.stderr, done.stderr[-300:]
    assert done.returncode == 1 and [f["rule"] for f in json.loads(done.stdout)] == ["calendar/weekday-mismatch"]


# ---------------------------------------------------------------- deep nesting and long lines

SENTENCE = "On Monday, March 4, 2025, the council voted."
# Pages nested past markdown-it's nesting limit (100) lose their innermost prose, but must not crash.
DEEP_PAGES = {
    "5000-quotes": ">" * 5000 + " " + SENTENCE,
    "5000-lists": "- " * 5000 + SENTENCE,
    "3000-ordered-lists": "1. " * 3000 + SENTENCE,
    "quotes-in-lists": "> - " * 2500 + SENTENCE,
    "5000-html": "<div>" * 5000 + "\n\n" + SENTENCE + "\n\n" + "</div>" * 5000,
    "1000-links": "[" * 1000 + SENTENCE + "](x)" * 1000,
    "1000-growing-quotes": "".join(">" * i + " x\n" for i in range(1, 1000)) + "\n" + SENTENCE,
    "600-indented-items": "".join("  " * i + "- x\n" for i in range(600)) + "\n" + SENTENCE,
}
# Within the limit the innermost sentence is still checked.
NESTED_PAGES = {
    "40-lists": "- " * 40 + SENTENCE,
    "90-quotes": "> " * 90 + SENTENCE,
    "20-quoted-lists": "> 1. " * 20 + SENTENCE,
    "30-indented-items": "".join("  " * i + "- x\n" for i in range(30)) + "  " * 30 + "- " + SENTENCE,
}


def extract_quickly(tmp_path: Path, page: str) -> list[dict]:
    """``extract`` on ``page`` as Markdown: no crash, exit 0; the timexes."""
    path = write(tmp_path, "deep.md", page + "\n")
    result = run("extract", path)
    assert_clean(result)
    assert result.exit_code == 0
    (record,) = findings(result)
    return record["timexes"]


@pytest.mark.parametrize("page", list(DEEP_PAGES.values()), ids=list(DEEP_PAGES))
def test_deeply_nested_markdown(tmp_path: Path, page: str) -> None:
    for t in extract_quickly(tmp_path, page):
        assert page[t["offset"] : t["end_offset"]] == t["text"]


@pytest.mark.parametrize("page", list(NESTED_PAGES.values()), ids=list(NESTED_PAGES))
def test_nested_markdown_within_the_limit_is_checked(tmp_path: Path, page: str) -> None:
    stated = [t for t in extract_quickly(tmp_path, page) if t["text"] == FLAGGED]
    assert [page[t["offset"] : t["end_offset"]] for t in stated] == [FLAGGED]


def test_long_runs_of_punctuation(tmp_path: Path) -> None:
    page = "*" * 8000 + SENTENCE + "*" * 8000 + "\n\n" + "(" * 8000 + "\n\n" + '"' * 8000 + "\n"
    path = write(tmp_path, "stars.md", page)
    done = check_in_subprocess(path)
    assert done.returncode == 1 and "Traceback" not in done.stderr


def soundly_tagged(text: str) -> list:
    """The tagger's output on ``text``, after checking every offset against the text."""
    found = timex.tag(nlp.tokenizer()(text), None)
    assert all(0 <= t.start < t.end <= len(text) and text[t.start : t.end] == t.text for t in found)
    return found


def test_a_100k_character_line_in_the_tagger() -> None:
    line = ("the council met on March 4, 2025, and again " * 2300)[:100_000]
    found = soundly_tagged(line)
    assert len(found) == line.count("March 4, 2025")


def test_a_100k_character_line_is_checked(tmp_path: Path) -> None:
    line = ("The council met and talked about the budget for a while " * 1800)[:99_950] + " " + SENTENCE
    path = write(tmp_path, "line.txt", line + "\n")
    done = check_in_subprocess(path)
    assert "Traceback" not in done.stderr
    (finding,) = json.loads(done.stdout)
    assert (finding["line"], finding["column"]) == (1, line.index(FLAGGED) + 1)


def test_a_long_table_of_dates_is_checked(tmp_path: Path) -> None:
    """150 rows here; 1,500 and more are timed in benchmarks/scaling.py."""
    rows = "".join(f"| March {i % 28 + 1}, {2000 + i % 25} | Released version 1.{i} |\n" for i in range(150))
    path = write(tmp_path, "changelog.md", "| Date | Change |\n|---|---|\n" + rows)
    done = check_in_subprocess(path)
    assert "Traceback" not in done.stderr and done.returncode in (0, 1)


# ---------------------------------------------------------------- regex backtracking


@pytest.mark.parametrize("family", list(FAMILIES))
def test_backtracking_bait_is_tagged_in_linear_time(family: str) -> None:
    """100k characters of each family are tagged soundly (benchmarks/backtracking.py times them)."""
    soundly_tagged(FAMILIES[family](100_000))


def test_the_benchmark_measures_each_text_once_per_process(monkeypatch) -> None:
    """A best of warm re-checks against one cold check once made linear work look superlinear."""
    measured: list[tuple[str, int]] = []

    def counting(name: str, size: int) -> float:
        measured.append((name, size))
        return float(size)

    monkeypatch.setattr(backtracking, "warm_up", lambda: None)
    monkeypatch.setitem(backtracking.GROUPS, "tagger", ("tagger family", counting, ["may may", "ago"]))
    out = io.StringIO()
    backtracking.child(backtracking.plan(["tagger"], [10, 100]), out)
    assert measured == [("may may", 10), ("may may", 100), ("ago", 10), ("ago", 100)]
    assert [json.loads(line) for line in out.getvalue().splitlines()][1] == ["tagger", "may may", 100, 100.0]


def test_a_run_that_prints_nothing_for_the_timeout_is_a_hang_and_no_other_starts(capsys) -> None:
    cells = [("hostile", "fast", 10), ("hostile", "slow", 10)]
    stalls = 'print(\'["hostile", "fast", 10, 2.0]\', flush=True); import time; time.sleep(60)'
    # the timeout bounds the wait for a line, so it must outlast a busy machine starting Python
    runs, hung = backtracking.measure(cells, [sys.executable, "-c", stalls], repeat=3, timeout=3.0)
    assert (runs, hung) == ({cells[0]: [2.0], cells[1]: []}, cells[1])
    backtracking._table("hostile family", cells, runs, hung)
    assert capsys.readouterr().out.splitlines()[1:] == [f"{'fast':<24}{'2.0':>11}", f"{'slow':<24}{'hang':>11}"]


def test_the_benchmark_runs_end_to_end() -> None:
    done = subprocess.run(
        [sys.executable, "benchmarks/backtracking.py", "--only", "tagger", "--sizes", "10", "100", "--repeat", "1"],
        capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent, check=True,
    )  # fmt: skip
    assert len(done.stdout.splitlines()) == 2 + len(FAMILIES) and "no hang" in done.stdout


def test_iso_date_times_are_tagged() -> None:
    """They once crashed the resolver (a candidate kind with no resolver)."""
    text = "Posted 2025-03-10T09:30:00Z, updated 2025-02-30T10:00."
    first, second = soundly_tagged(text)
    assert (first.type, first.value, first.text) == ("TIME", "2025-03-10T09:30", "2025-03-10T09:30:00Z")
    assert not second.valid


# ---------------------------------------------------------------- packs, facts, configurations, front matter

EVIL_TAG = "!!python/object/apply:os.system"


def evil_yaml(marker: Path) -> str:
    return f'pack: evil\ndescription: {EVIL_TAG} ["touch {marker}"]\n'


def configured(tmp_path: Path, config: str) -> tuple[str, str]:
    """A folder with ``.chronolint.toml`` holding ``config`` and a page to check; (config path, page)."""
    return write(tmp_path, ".chronolint.toml", config), write(tmp_path, "page.md", WRONG_WEEKDAY)


def refused_config(page: str) -> str:
    """stderr of a run stopped by its configuration (exit 2, no traceback, nothing reported)."""
    result = run("check", page, "--format", "json")
    assert_clean(result)
    assert result.exit_code == 2 and result.stdout == ""
    return result.stderr


@pytest.mark.parametrize("key", ["packs", "facts"])
def test_yaml_tags_in_packs_never_run(tmp_path: Path, key: str) -> None:
    marker = tmp_path / "MARKER"
    write(tmp_path, "evil.yaml", evil_yaml(marker))
    config, page = configured(tmp_path, f'{key} = ["evil.yaml"]\n')
    stderr = refused_config(page)
    assert not marker.exists()
    assert stderr.startswith(f"chronolint: {config}:1: {key}: ")
    assert f"evil.yaml:2: YAML tag {EVIL_TAG} is not allowed" in stderr


def test_yaml_tags_in_front_matter_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "MARKER"
    page = write(tmp_path, "post.md", f'---\ndate: {EVIL_TAG} ["touch {marker}"]\n---\n{WRONG_WEEKDAY}')
    result = run("check", page, "--format", "json")
    assert_clean(result)
    assert not marker.exists()
    assert result.exit_code == 2 and result.stderr.startswith(f"chronolint: {page}: front matter is not valid YAML")


@pytest.mark.parametrize(
    ("pack", "line", "message"),
    [
        ("pack: bad\ndescription: x\nevents:\n  birth: [unclosed\n", 5, "malformed YAML"),
        ("pack: bad\n\tdescription: tab\n", 2, "malformed YAML"),
        ("pack: bad\nevents: &e {}\nmore: *e\n", 2, "anchors and aliases are not supported"),
        ("pack: bad\npack: twice\n", 2, "duplicate key 'pack'"),
        ("- a list\n- not a pack\n", 1, "a pack is a mapping"),
    ],
    ids=["unclosed", "tab", "alias", "duplicate", "not-a-mapping"],
)
def test_malformed_packs_are_named_with_their_line(tmp_path: Path, pack: str, line: int, message: str) -> None:
    write(tmp_path, "bad.yaml", pack)
    config, page = configured(tmp_path, 'packs = ["bad.yaml"]\n')
    stderr = refused_config(page)
    assert stderr.startswith(f"chronolint: {config}:1: packs: bad pack file: {tmp_path / 'bad.yaml'}:{line}: ")
    assert message in stderr and len(stderr.splitlines()) == 1


def test_unknown_config_key(tmp_path: Path) -> None:
    config, page = configured(tmp_path, 'select = ["calendar"]\nfrobnicate = 3\n')
    assert refused_config(page).startswith(f"chronolint: {config}:2: frobnicate: unknown key (known: select, ")


def test_malformed_toml_config_names_file_and_line(tmp_path: Path) -> None:
    config, page = configured(tmp_path, 'select = ["calendar"\nignore = 3\n')
    stderr = refused_config(page)
    assert stderr.startswith(f"chronolint: {config}: not valid TOML: ") and "line 2" in stderr


@pytest.mark.parametrize(
    ("front", "kind"),
    [(f"---\ndate: {'[' * 5000}{']' * 5000}\n---\n", "YAML"), (f"+++\ndate = {'[' * 5000}{']' * 5000}\n+++\n", "TOML")],
    ids=["yaml", "toml"],
)
def test_front_matter_nested_thousands_deep(tmp_path: Path, front: str, kind: str) -> None:
    message = f"front matter is nested too deeply to read as {kind}"
    assert_refused_beside_good(tmp_path, "deep.md", (front + WRONG_WEEKDAY).encode(), message)


def test_front_matter_alias_bomb_is_cheap(tmp_path: Path) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    levels += [f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi")]
    page = write(tmp_path, "bomb.md", "---\n" + "\n".join(levels) + "\ndate: 2025-03-10\n---\n" + WRONG_WEEKDAY)
    result = run("check", page, "--format", "json")
    assert_clean(result)
    assert result.exit_code == 1 and [f["rule"] for f in findings(result)] == ["calendar/weekday-mismatch"]


def test_pack_nested_thousands_deep(tmp_path: Path) -> None:
    write(tmp_path, "deep.yaml", f"pack: deep\ndescription: {'[' * 5000}{']' * 5000}\n")
    _, page = configured(tmp_path, 'packs = ["deep.yaml"]\n')
    assert "deep.yaml" in refused_config(page)


def test_config_nested_thousands_deep(tmp_path: Path) -> None:
    config, page = configured(tmp_path, f"select = {'[' * 5000}{']' * 5000}\n")
    assert refused_config(page).startswith(f"chronolint: {config}")
