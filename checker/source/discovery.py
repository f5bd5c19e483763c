"""Which files to check: explicit files always, directories walked like git would.

Directories are walked in sorted order, depth first. Skipped: hidden folders,
``node_modules``, ``__pycache__``, virtualenvs (``venv``, ``.venv``, ``env``,
or any folder holding ``pyvenv.cfg``), symlinked folders (no loops), a Hugo site's
``archetypes/`` and ``themes/`` (beside its ``hugo.toml`` or ``config.*``), and what
``.gitignore`` files exclude: those in the walked folders and, when the walk
starts inside a git work tree, those in the folders above it up to the
repository root, each applied relative to its own folder with deeper files
taking precedence, as git does. ``exclude`` holds gitignore-style patterns
matched relative to each walked root.

A URL (``s3://bucket/docs``, ``memory://``...) goes through fsspec
(checker.source_remote): a folder URL is listed recursively and walked by the
same rules (sorted; hidden folders, the names above, folders holding
``pyvenv.cfg`` and ``exclude`` skipped) except ``.gitignore`` files, which
belong to local trees; files come back as URLs under the one given.
"""

from __future__ import annotations

import errno
import os
import posixpath
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.source import InputError, is_url
from checker.source.remote import files_under

if TYPE_CHECKING:
    import pathspec

DEFAULT_EXTENSIONS: tuple[str, ...] = (".md", ".markdown", ".txt")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", ".venv", "env"})
STDIN = "-"
# A Hugo site's templates: archetypes hold `date: '{{ .Date }}'` and themes ship their own example sites.
HUGO_TEMPLATE_DIRS = frozenset({"archetypes", "themes"})
HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
                "config.json", os.path.join("config", "_default"))  # fmt: skip


@dataclass(frozen=True)
class _Ignore:
    """One .gitignore (or the exclude option) and the absolute folder it applies from."""

    base: str
    spec: pathspec.PathSpec

    def verdict(self, path: str, is_dir: bool) -> bool | None:
        """For an absolute path: True if ignored, False if re-included (``!pattern``), None if no rule matched."""
        prefix = self.base.rstrip(os.sep) + os.sep
        if not path.startswith(prefix):
            return None
        rel = path[len(prefix) :].replace(os.sep, "/")
        return self.spec.check_file(rel + "/" if is_dir else rel).include


def gitignore_spec(lines: Iterable[str]) -> pathspec.PathSpec:
    """Patterns read as git reads them; pathspec loads only for folder walks and globs, not for named files."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _load_gitignore(folder: str) -> _Ignore | None:
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as f:
            return _Ignore(os.path.abspath(folder), gitignore_spec(f))
    except OSError:
        return None


def _ancestor_ignores(root: str) -> list[_Ignore]:
    """The .gitignore files above ``root`` up to its git repository's top, outermost first."""
    ignores: list[_Ignore] = []
    folder = os.path.abspath(root)
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return []  # not in a git work tree: only the walked folders' files count
        folder = parent
        ignore = _load_gitignore(folder)
        if ignore is not None:
            ignores.insert(0, ignore)
    return ignores


def _ignored(path: str, is_dir: bool, ignores: Sequence[_Ignore], exclude: _Ignore) -> bool:
    """The exclude option always wins; among .gitignore files the deepest match does, as in git."""
    if exclude.verdict(path, is_dir):
        return True
    for ignore in reversed(ignores):
        verdict = ignore.verdict(path, is_dir)
        if verdict is not None:
            return verdict
    return False


def _skipped_dir(entry: os.DirEntry[str]) -> bool:
    return (
        entry.name.startswith(".")
        or entry.name in SKIPPED_DIRS
        or entry.is_symlink()
        or os.path.exists(os.path.join(entry.path, "pyvenv.cfg"))
        or (entry.name in HUGO_TEMPLATE_DIRS and hugo_site(os.path.dirname(entry.path)))
    )


def hugo_site(folder: str) -> bool:
    """Whether ``folder`` is the top of a Hugo site (it holds a Hugo configuration)."""
    return any(os.path.exists(os.path.join(folder, name)) for name in HUGO_CONFIGS)


def _walk(
    folder: str, extensions: tuple[str, ...], ignores: list[_Ignore], exclude: _Ignore
) -> Iterator[str | InputError]:
    own = _load_gitignore(folder)
    if own is not None:
        ignores = [*ignores, own]
    absolute = os.path.abspath(folder)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        yield InputError(folder, f"cannot list folder: {e.strerror or e}")
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False  # a link loop: reported as a file that cannot be read
        full = os.path.join(absolute, entry.name)
        if is_dir:
            if not _skipped_dir(entry) and not _ignored(full, True, ignores, exclude):
                yield from _walk(entry.path, extensions, ignores, exclude)
        elif entry.name.lower().endswith(extensions) and not _ignored(full, False, ignores, exclude):
            problem = _not_regular(entry.path)
            yield os.path.normpath(entry.path) if problem is None else InputError(os.path.normpath(entry.path), problem)


def _not_regular(path: str) -> str | None:
    """Why a file found in a folder cannot be read as one (a FIFO would block the run), or None.
    Named on the command line, a pipe is read (``check <(curl ...)``)."""
    try:
        info = os.stat(path)
    except OSError as e:
        if os.path.islink(path):
            return "symbolic link loop, not checked" if e.errno == errno.ELOOP else "broken symbolic link, not checked"
        return f"cannot read: {e.strerror or e}"
    if stat.S_ISREG(info.st_mode):
        return None
    kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "a device"
    return f"not a regular file ({kind}), not checked"


def _kept_remote(rel: str, extensions: tuple[str, ...], venvs: set[str], exclude: pathspec.PathSpec) -> bool:
    """Whether a file found below a folder URL is checked, by the local walk's rules."""
    if exclude.match_file(rel):
        return False
    folders = rel.split("/")[:-1]
    if any(name.startswith(".") or name in SKIPPED_DIRS for name in folders):
        return False
    if any("/".join(folders[: depth + 1]) in venvs for depth in range(len(folders))):
        return False
    return rel.lower().endswith(extensions)


def _walk_url(url: str, extensions: tuple[str, ...], exclude: pathspec.PathSpec) -> list[str | InputError]:
    """A file URL as given; a folder URL's files as URLs under it, in the local walk's order."""
    try:
        found = files_under(url)
    except InputError as error:
        return [error]
    if found is None:
        return [url]
    venvs = {posixpath.dirname(rel) for rel in found if posixpath.basename(rel) == "pyvenv.cfg"}
    base = url if url.endswith("/") else url + "/"
    kept = sorted((r for r in found if _kept_remote(r, extensions, venvs, exclude)), key=lambda r: r.split("/"))
    return [base + rel for rel in kept]


def discover(
    paths: Sequence[str],
    *,
    extensions: Sequence[str] = DEFAULT_EXTENSIONS,
    exclude: Sequence[str] = (),
) -> Iterator[str | InputError]:
    """Files to check, in order, each once; a missing path yields an InputError.

    Explicit files are yielded as given, whatever their extension; ``-``
    (stdin) passes through; files found in folders come normalized
    (``./docs/a.md`` as ``docs/a.md``); URLs keep the form they were given in.
    """
    suffixes = tuple(e.lower() for e in extensions)
    seen: set[str] = set()
    for path in paths:
        if path == STDIN:
            if STDIN not in seen:  # `check - -`: standard input is read once
                seen.add(STDIN)
                yield path
            continue
        found: Iterable[str | InputError]
        if is_url(path):
            found = _walk_url(path, suffixes, gitignore_spec(exclude))
        elif os.path.isdir(path):
            excluded = _Ignore(os.path.abspath(path), gitignore_spec(exclude))
            found = _walk(path, suffixes, _ancestor_ignores(path), excluded)
        elif os.path.lexists(path):
            found = [path]
        else:
            found = [InputError(path, "no such file or directory")]
        for item in found:
            if isinstance(item, str):
                key = item if is_url(item) else os.path.abspath(item)
                if key in seen:
                    continue
                seen.add(key)
            yield item
