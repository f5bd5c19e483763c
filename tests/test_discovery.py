"""Which files get checked."""

from __future__ import annotations

import os

import pytest

from checker.source import InputError
from checker.source.discovery import discover


def make(root, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content)


def found(paths, root, **kwargs) -> list[str]:
    """Discovered files, relative to ``root``, with / separators."""
    out = []
    for item in discover([str(p) for p in paths], **kwargs):
        assert not isinstance(item, InputError), item
        out.append(os.path.relpath(item, root).replace(os.sep, "/"))
    return out


@pytest.fixture
def tree(tmp_path):
    make(
        tmp_path,
        {
            "a.md": "",
            "b.markdown": "",
            "c.txt": "",
            "d.py": "",
            "E.MD": "",
            "sub/z.md": "",
            "sub/deeper/y.txt": "",
            ".hidden/h.md": "",
            "node_modules/pkg/readme.md": "",
            "__pycache__/x.md": "",
            "venv/v.md": "",
            ".venv/v.md": "",
            "env/v.md": "",
            "myenv/pyvenv.cfg": "",
            "myenv/lib/v.md": "",
        },
    )
    return tmp_path


def test_walks_sorted_with_default_extensions_and_skips(tree):
    assert found([tree], tree) == ["E.MD", "a.md", "b.markdown", "c.txt", "sub/deeper/y.txt", "sub/z.md"]


def test_extensions_option(tree):
    assert found([tree], tree, extensions=(".py",)) == ["d.py"]


def test_explicit_files_always_checked_and_stdin_passes(tree):
    items = list(discover([str(tree / "d.py"), "-", str(tree / ".hidden/h.md")]))
    assert items == [str(tree / "d.py"), "-", str(tree / ".hidden/h.md")]


def test_missing_path_is_yielded_as_error_and_others_go_on(tree):
    items = list(discover([str(tree / "nope"), str(tree / "a.md")]))
    assert isinstance(items[0], InputError)
    assert items[0].path == str(tree / "nope")
    assert "no such file" in str(items[0])
    assert items[1] == str(tree / "a.md")


def test_each_file_once(tree):
    assert found([tree / "sub", tree / "sub/z.md", tree / "sub"], tree) == ["sub/deeper/y.txt", "sub/z.md"]


def test_gitignore_root_and_nested(tmp_path):
    make(
        tmp_path,
        {
            ".gitignore": "build/\n*.txt\n!keep.txt\n/top.md\n",
            "top.md": "",
            "keep.txt": "",
            "drop.txt": "",
            "build/b.md": "",
            "docs/top.md": "",
            "docs/.gitignore": "draft-*.md\n!keep.txt\n",
            "docs/draft-1.md": "",
            "docs/final.md": "",
            "docs/notes.txt": "",
            "docs/keep.txt": "",
            "docs/sub/.gitignore": "!draft-2.md\n",
            "docs/sub/draft-2.md": "",
            "docs/sub/draft-3.txt": "",
        },
    )
    assert found([tmp_path], tmp_path) == [
        "docs/final.md",
        "docs/keep.txt",
        "docs/sub/draft-2.md",
        "docs/top.md",
        "keep.txt",
    ]


def test_gitignore_above_walked_folder_applies_inside_a_repository(tmp_path):
    make(tmp_path, {".gitignore": "docs/gen/\n", "docs/a.md": "", "docs/gen/g.md": ""})
    (tmp_path / ".git").mkdir()
    assert found([tmp_path / "docs"], tmp_path) == ["docs/a.md"]


def test_gitignore_above_walked_folder_ignored_outside_a_repository(tmp_path):
    make(tmp_path, {".gitignore": "docs/gen/\n", "docs/a.md": "", "docs/gen/g.md": ""})
    assert found([tmp_path / "docs"], tmp_path) == ["docs/a.md", "docs/gen/g.md"]


def test_exclude_patterns_win_over_gitignore_negation(tmp_path):
    make(tmp_path, {".gitignore": "!*.md\n", "a.md": "", "drafts/b.md": "", "c/old.md": ""})
    assert found([tmp_path], tmp_path, exclude=["drafts/", "old.md"]) == ["a.md"]


def test_walked_paths_are_normalized(tree, monkeypatch):
    monkeypatch.chdir(tree)
    assert list(discover(["./sub/"])) == ["sub/deeper/y.txt", "sub/z.md"]
    assert list(discover(["./a.md"])) == ["./a.md"]


def test_a_hugo_sites_archetypes_and_themes_are_skipped(tmp_path):
    site = tmp_path / "site"
    for rel in ("content/posts/a.md", "archetypes/default.md", "themes/t/exampleSite/content/b.md"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("x\n", encoding="utf-8")
    assert [os.path.relpath(p, site) for p in discover([str(site)])] == [
        os.path.join("archetypes", "default.md"),
        os.path.join("content", "posts", "a.md"),
        os.path.join("themes", "t", "exampleSite", "content", "b.md"),
    ]  # fmt: skip  -- not a Hugo site yet: nothing skipped
    (site / "hugo.toml").write_text('title = "x"\n', encoding="utf-8")
    assert [os.path.relpath(p, site) for p in discover([str(site)])] == [os.path.join("content", "posts", "a.md")]
    named = discover([str(site / "archetypes" / "default.md"), str(site / "themes")])
    assert len(list(named)) == 2  # named on the command line: checked
