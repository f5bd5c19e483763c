"""URLs as inputs, through fsspec: its in-memory filesystem stands in for s3:// and gs://."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.app.config import Config, Resolver
from checker.cli import app
from checker.source import InputError, is_url
from checker.source.discovery import discover

fsspec = pytest.importorskip("fsspec")

WRONG_WEEKDAY = "On Monday, March 4, 2025, the bridge opened.\n"
POST = f"---\ndate: 2025-03-10\n---\n{WRONG_WEEKDAY}"


@pytest.fixture(autouse=True)
def memory() -> Iterator:
    """fsspec's memory filesystem, emptied before and after each test (its store is global)."""
    fs = fsspec.filesystem("memory")

    def empty() -> None:
        fs.store.clear()
        fs.pseudo_dirs[:] = [""]

    empty()
    yield fs
    empty()


def put(fs, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        fs.pipe(name, text if isinstance(text, bytes) else text.encode("utf-8"))


def run(*args: str):
    """``chronolint ARGS`` in-process, one worker, no cache unless asked for."""
    extra = [] if "--cache-dir" in args else ["--no-cache"]
    return CliRunner().invoke(app, [*args, "-j", "1", *extra])


def assert_clean(result) -> None:
    assert "Traceback" not in result.output and "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def test_is_url() -> None:
    for url in ("s3://bucket/docs", "gs://b/a.md", "memory://", "file:///tmp/a.md", "simplecache::s3://b/a"):
        assert is_url(url), url
    for path in ("docs/a.md", "/tmp/a.md", "-", "C:\\docs\\a.md", "./x://y", "notes: a://b.md"):
        assert not is_url(path), path


def test_folder_url_finding_keeps_the_url_as_path(memory) -> None:
    put(memory, {"/docs/bridge.md": POST, "/docs/calm.md": "---\ndate: 2025-03-10\n---\nNothing dated here.\n"})
    result = run("check", "memory://docs", "--format", "json")
    assert_clean(result)
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)
    assert finding["path"] == "memory://docs/bridge.md"
    assert finding["rule"] == "calendar/weekday-mismatch"
    assert finding["fix"]["replacement"] == "Tuesday"
    assert POST[finding["offset"] : finding["end_offset"]] == "Monday, March 4, 2025"


def test_folder_url_checks_only_the_included_extensions(memory) -> None:
    put(memory, {
        "/site/a.md": WRONG_WEEKDAY, "/site/b.txt": WRONG_WEEKDAY,
        "/site/script.py": f"# {WRONG_WEEKDAY}", "/site/data.json": json.dumps(WRONG_WEEKDAY),
    })  # fmt: skip
    result = run("check", "memory://site/", "--format", "json", "--published", "2025-03-10")
    assert_clean(result)
    assert [f["path"] for f in json.loads(result.stdout)] == ["memory://site/a.md", "memory://site/b.txt"]


def test_folder_url_walk_is_sorted_and_skips_like_the_local_walk(memory) -> None:
    put(memory, {name: "x" for name in (
        "/w/b.md", "/w/a.md", "/w/sub/c.markdown", "/w/sub/z.py", "/w/a/deep.txt", "/w/.hidden/h.md",
        "/w/node_modules/n.md", "/w/env/e.md", "/w/tools/pyvenv.cfg", "/w/tools/t.md", "/w/.notes.md",
    )})  # fmt: skip
    assert list(discover(["memory://w"])) == [
        "memory://w/.notes.md", "memory://w/a/deep.txt", "memory://w/a.md", "memory://w/b.md",
        "memory://w/sub/c.markdown",
    ]  # fmt: skip


def test_folder_url_honours_exclude(memory) -> None:
    put(memory, {"/w/a.md": "x", "/w/drafts/b.md": "x", "/w/sub/c.md": "x", "/w/sub/old.md": "x"})
    assert list(discover(["memory://w"], exclude=["drafts/", "old.md"])) == ["memory://w/a.md", "memory://w/sub/c.md"]


def test_urls_take_the_working_folder_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".chronolint.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = Resolver().for_path("s3://bucket/docs/a.md")
    assert config.file == str(tmp_path / ".chronolint.toml")
    assert config.walks_into("s3://bucket/docs/a.md")
    assert not config.walks_into("s3://bucket/docs/drafts/b.md")
    assert not Config().walks_into("s3://bucket/docs/script.py")


def test_file_url_is_checked_whatever_its_extension_and_listed_once(memory) -> None:
    put(memory, {"/d/post.html": "<p>x</p>", "/d/a.md": "x"})
    assert list(discover(["memory://d/post.html", "memory://d", "memory://d/a.md"])) == [
        "memory://d/post.html", "memory://d/a.md",
    ]  # fmt: skip


def test_missing_url_is_named_and_the_other_inputs_still_checked(memory, tmp_path: Path) -> None:
    local = tmp_path / "council.md"
    local.write_text(WRONG_WEEKDAY, encoding="utf-8")
    result = run("check", "memory://nowhere/a.md", str(local), "--format", "json", "--published", "2025-03-10")
    assert_clean(result)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["chronolint: memory://nowhere/a.md: no such file or directory"]
    assert [f["path"] for f in json.loads(result.stdout)] == [str(local)]


def test_max_file_size_refuses_a_url(memory) -> None:
    put(memory, {"/big/a.md": WRONG_WEEKDAY + "x" * 2000, "/big/b.md": WRONG_WEEKDAY})
    result = run("check", "memory://big", "--format", "json", "--published", "2025-03-10", "--max-file-size", "1k")
    assert_clean(result)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["chronolint: memory://big/a.md: larger than 1024 bytes, not checked"]
    assert [f["path"] for f in json.loads(result.stdout)] == ["memory://big/b.md"]


def test_unknown_protocol_is_a_clear_error() -> None:
    result = run("check", "nosuchproto://x/a.md")
    assert_clean(result)
    assert result.exit_code == 2
    message = "unknown protocol 'nosuchproto' (not an fsspec filesystem)"
    assert result.stderr.strip() == f"chronolint: nosuchproto://x/a.md: {message}"


def test_missing_protocol_package_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = importlib.import_module("fsspec.registry")
    backend = {"class": "chronolint_absent_backend.FileSystem", "err": "Install chronolint_absent_backend"}
    monkeypatch.setitem(registry.known_implementations, "absentfs", backend)
    result = run("check", "absentfs://bucket/docs")
    assert_clean(result)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "chronolint: absentfs://bucket/docs: reading absentfs:// URLs needs chronolint_absent_backend: "
        "pip install chronolint_absent_backend"
    )


def test_without_fsspec_a_url_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)
    monkeypatch.setitem(sys.modules, "fsspec.core", None)
    (error,) = discover(["s3://bucket/docs"])
    assert isinstance(error, InputError)
    assert str(error) == "reading s3:// URLs needs fsspec: pip install 'chronolint[remote]'"


def test_file_url_of_a_local_file_and_folder(tmp_path: Path) -> None:
    (tmp_path / "bridge.md").write_text(POST, encoding="utf-8")
    url = tmp_path.as_uri()
    for target in (f"{url}/bridge.md", url):
        result = run("check", target, "--format", "json")
        assert_clean(result)
        assert [f["path"] for f in json.loads(result.stdout)] == [f"{url}/bridge.md"], target


def test_sarif_locates_a_url_absolutely(memory) -> None:
    put(memory, {"/docs/bridge.md": POST})
    result = run("check", "memory://docs", "--format", "sarif")
    (location,) = json.loads(result.stdout)["runs"][0]["results"][0]["locations"]
    assert location["physicalLocation"]["artifactLocation"] == {"uri": "memory://docs/bridge.md"}


def test_unchanged_rerun_cache_is_not_used_for_urls(memory, tmp_path: Path) -> None:
    """Remote files have no dependable mtime: an edit must show on the next run."""
    cache = str(tmp_path / "cache")
    put(memory, {"/docs/bridge.md": POST})
    assert run("check", "memory://docs", "--format", "json", "--cache-dir", cache).exit_code == 1
    assert run("check", "memory://docs", "--format", "json", "--cache-dir", cache).exit_code == 1
    put(memory, {"/docs/bridge.md": POST.replace("Monday", "Tuesday")})
    result = run("check", "memory://docs", "--format", "json", "--cache-dir", cache)
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_local_paths_do_not_import_fsspec(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(WRONG_WEEKDAY, encoding="utf-8")
    code = (
        "import sys; import checker.cli; from checker.source.discovery import discover; from checker.source import read_path\n"
        f"(path,) = discover([{str(tmp_path)!r}]); read_path(path)\n"
        "assert 'fsspec' not in sys.modules, 'fsspec imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
