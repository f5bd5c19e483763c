"""Project configuration: ``[tool.chronolint]`` in ``pyproject.toml`` or a ``.chronolint.toml``.

The nearest configuration above a checked file applies to it, as in ruff: in
each folder from the file's upwards, a ``.chronolint.toml`` (top-level keys)
wins over a ``pyproject.toml`` holding a ``[tool.chronolint]`` table; a
``pyproject.toml`` without that table is passed over. ``--config FILE`` names
one file for every input. Paths (``facts``, ``packs`` files) and globs
(``include``, ``exclude``) are relative to the configuration's folder.

Configuration is data: it is parsed with tomllib and checked key by key; an
unknown key or a bad value is a ConfigError naming the file, the key and,
when it can be found, the line. Nothing in it is ever executed.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.checks.registry import rules
from checker.model import SEVERITY_RANK
from checker.source import DEFAULT_PUBLISHED_KEYS, is_url
from checker.source.discovery import gitignore_spec

if TYPE_CHECKING:
    import pathspec

CONFIG_NAME = ".chronolint.toml"
PYPROJECT = "pyproject.toml"
DEFAULT_INCLUDE: tuple[str, ...] = ("*.md", "*.markdown", "*.txt")
DATE_ORDERS = ("us", "international")
LEVELS = tuple(SEVERITY_RANK)


class ConfigError(Exception):
    """A configuration that cannot be used; ``str()`` is ``file:line: key: message``."""

    def __init__(self, file: str, key: str | None, message: str, line: int | None = None) -> None:
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {key}: {message}" if key else f"{where}: {message}")
        self.file, self.key, self.line = file, key, line


def known_rules() -> tuple[str, ...]:
    """Every rule id a configuration may name (the registry, the suppression note included)."""
    return tuple(rules())


def _specificity(selector: str, rule: str) -> int:
    """2 for the rule's own id, 1 for its pack prefix, -1 for no match."""
    if selector == rule:
        return 2
    return 1 if rule.startswith(selector + "/") else -1


def _best(selectors: Sequence[str], rule: str) -> int:
    return max((_specificity(s, rule) for s in selectors), default=-1)


@dataclass(frozen=True)
class Config:
    """The settings for the files under one configuration (all defaults: no file).

    ``packs`` holds built-in pack ids (None: all of them), ``pack_files`` and
    ``facts`` absolute paths, ready for ``checker.packs.assemble``.
    """

    file: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    packs: tuple[str, ...] | None = None
    pack_files: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    published_keys: tuple[str, ...] = DEFAULT_PUBLISHED_KEYS
    date_order: str | None = None
    fail_on: str | None = None

    @property
    def root(self) -> str:
        """The folder paths and globs are relative to (the working folder without a file)."""
        return os.path.dirname(os.path.abspath(self.file)) if self.file else os.getcwd()

    def enabled(self, rule: str) -> bool:
        """Like ruff: the most specific of ``select`` (all when unset) and ``ignore`` wins; a tie ignores."""
        selected = 0 if self.select is None else _best(self.select, rule)
        return selected >= 0 and selected > _best(self.ignore, rule)

    def with_rules(self, select: Sequence[str] | None = None, ignore: Sequence[str] = ()) -> Config:
        """This configuration with a rule selection on top (as ruff does): ``select`` replaces, ``ignore`` adds."""
        if select is None and not ignore:
            return self
        chosen = self.select if select is None else tuple(select)
        return replace(self, select=chosen, ignore=(*self.ignore, *ignore))

    def level(self, rule: str, default: str) -> str:
        """The severity for ``rule``: the most specific ``severity`` entry, else ``default``."""
        scored = [(_specificity(k, rule), v) for k, v in self.severity.items()]
        best = max(scored, default=(-1, default))
        return best[1] if best[0] >= 0 else default

    def walks_into(self, path: str) -> bool:
        """Whether a file found in a folder walk is checked: matches ``include``, not ``exclude``.

        A URL lies in no configuration's folder: its globs match what follows the protocol
        (``bucket/docs/a.md``), so unanchored ones (``*.md``, ``drafts/``) are those that apply.
        """
        if is_url(path):
            rel = path.split("://", 1)[1].lstrip("/")
        else:
            rel = os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        return _spec(self.include).match_file(rel) and not _spec(self.exclude).match_file(rel)


@cache
def _spec(patterns: tuple[str, ...]) -> pathspec.PathSpec:
    return gitignore_spec(patterns)


# ---------------------------------------------------------------- reading


def _line(text: str, pattern: str, after: int = 0) -> int | None:
    """The first line of ``text`` after line ``after`` matching ``pattern`` (a regex), 1-based."""
    for number, line in enumerate(text.splitlines(), 1):
        if number > after and re.search(pattern, line):
            return number
    return None


@dataclass(frozen=True)
class _Source:
    """One configuration file being validated: its name, text and table prefix."""

    file: str
    text: str
    table: str  # "tool.chronolint" in pyproject.toml, "" in .chronolint.toml

    def _header(self, *parts: str) -> str:
        return rf"^\s*\[\s*{re.escape('.'.join(p for p in (self.table, *parts) if p))}\s*\]"

    def error(self, key: str, message: str, needle: str | None = None) -> ConfigError:
        """An error for ``key``, on the line of the table that holds ``needle`` (a value) or the key."""
        start = (_line(self.text, self._header()) or 1) - 1 if self.table else 0
        key_re = rf"^\s*(?:[\"']{re.escape(key)}[\"']|{re.escape(key)})\s*="
        line = _line(self.text, re.escape(needle), start) if needle else None
        line = line or _line(self.text, key_re, start) or _line(self.text, self._header(key), start)
        return ConfigError(self.file, key, message, line)


def _strings(source: _Source, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise source.error(key, "expected a list of strings")
    return tuple(value)


def unknown_selectors(selectors: Sequence[str]) -> list[str]:
    """The selectors (rule ids or pack prefixes) that name no known rule."""
    return [s for s in selectors if not any(_specificity(s, r) >= 0 for r in known_rules())]


def _rule_selectors(source: _Source, key: str, value: Any) -> tuple[str, ...]:
    selectors = _strings(source, key, value)
    for selector in unknown_selectors(selectors):
        raise source.error(key, f"unknown rule or pack {selector!r} (see `chronolint rules`)", selector)
    return selectors


def _choice(source: _Source, key: str, value: Any, choices: Sequence[str]) -> str:
    if value not in choices:
        raise source.error(key, f"expected one of {', '.join(map(repr, choices))}, not {value!r}")
    return value


def _severity(source: _Source, key: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise source.error(key, "expected a table of rule = level")
    for rule, level in value.items():
        _rule_selectors(source, key, [rule])
        if level not in LEVELS:
            raise source.error(key, f"level of {rule!r} must be one of {', '.join(map(repr, LEVELS))}, not {level!r}")
    return dict(value)


def _relative_file(source: _Source, key: str, item: str) -> str:
    path = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(source.file)), item))
    if not os.path.isfile(path):
        raise source.error(key, f"no such file {item!r} (paths are relative to the configuration)", item)
    return path


def _facts(source: _Source, key: str, value: Any) -> tuple[str, ...]:
    from checker.knowledge.loading import load_facts  # packs (and jsonschema) load only when configured
    from checker.knowledge.yaml_lines import PackError

    paths = tuple(_relative_file(source, key, item) for item in _strings(source, key, value))
    for path in paths:
        try:
            load_facts(path)
        except PackError as e:
            raise source.error(key, f"bad facts file: {e}", os.path.basename(path)) from None
    return paths


def _packs(source: _Source, key: str, value: Any) -> dict[str, tuple[str, ...]]:
    """Built-in pack ids (``packs``) apart from pack files relative to the configuration (``pack_files``)."""
    from checker.knowledge.loading import builtin_names, load_pack
    from checker.knowledge.yaml_lines import PackError

    names, files = [], []
    for item in _strings(source, key, value):
        if item in builtin_names():
            names.append(item)
            continue
        if "/" not in item and not item.endswith((".yaml", ".yml")):
            raise source.error(key, f"no built-in pack {item!r} (have: {', '.join(builtin_names())})", item)
        path = _relative_file(source, key, item)
        try:
            load_pack(path)
        except PackError as e:
            raise source.error(key, f"bad pack file: {e}", item) from None
        files.append(path)
    return {"packs": tuple(names), "pack_files": tuple(files)}


_Parser = Callable[[_Source, str, Any], Any]
_KEYS: dict[str, tuple[str, _Parser]] = {
    "select": ("select", _rule_selectors),
    "ignore": ("ignore", _rule_selectors),
    "severity": ("severity", _severity),
    "packs": ("", _packs),
    "facts": ("facts", _facts),
    "include": ("include", _strings),
    "exclude": ("exclude", _strings),
    "published-keys": ("published_keys", _strings),
    "date-order": ("date_order", lambda s, k, v: _choice(s, k, v, DATE_ORDERS)),
    "fail-on": ("fail_on", lambda s, k, v: _choice(s, k, v, LEVELS)),
}


def _table(file: str, data: dict[str, Any], in_pyproject: bool) -> dict[str, Any] | None:
    if not in_pyproject:
        return data
    tool = data.get("tool", {})
    table = tool.get("chronolint") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(file, "tool.chronolint", "expected a table")
    return table


def _parse(file: str) -> Config | None:
    """The configuration in ``file``; None for a pyproject.toml without ``[tool.chronolint]``."""
    try:
        text = Path(file).read_text("utf-8-sig")  # a BOM (Windows editors) is not part of the TOML
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(file, None, f"cannot read: {getattr(e, 'strerror', None) or e}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(file, None, f"not valid TOML: {e}") from None
    except RecursionError:
        raise ConfigError(file, None, "not valid TOML: nested too deeply") from None
    in_pyproject = os.path.basename(file) == PYPROJECT
    table = _table(file, data, in_pyproject)
    if table is None:
        return None
    source = _Source(file, text, "tool.chronolint" if in_pyproject else "")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KEYS:
            raise source.error(key, f"unknown key (known: {', '.join(_KEYS)})")
        name, parse = _KEYS[key]
        parsed = parse(source, key, value)
        values.update(parsed if not name else {name: parsed})
    return Config(file=file, **values)


def load(file: str) -> Config:
    """The configuration in ``file`` (``--config``); a pyproject.toml must hold ``[tool.chronolint]``."""
    config = _parse(file)
    if config is None:
        raise ConfigError(file, None, "no [tool.chronolint] table")
    return config


class Resolver:
    """Finds the configuration of each file, reading every folder's candidates once."""

    def __init__(self, forced: Config | None = None) -> None:
        self._forced = forced
        self._by_folder: dict[str, Config] = {}

    def for_path(self, path: str) -> Config:
        """The configuration for ``path``: a file's nearest; the working folder's for ``-`` (stdin)
        and for URLs, which have no local folder."""
        if self._forced is not None:
            return self._forced
        target = os.path.abspath("." if path == "-" or is_url(path) else path)
        return self._for_folder(target if os.path.isdir(target) else os.path.dirname(target))

    def _for_folder(self, folder: str) -> Config:
        if folder in self._by_folder:
            return self._by_folder[folder]
        config = self._here(folder)
        if config is None:
            parent = os.path.dirname(folder)
            config = Config() if parent == folder else self._for_folder(parent)
        self._by_folder[folder] = config
        return config

    @staticmethod
    def _here(folder: str) -> Config | None:
        for name in (CONFIG_NAME, PYPROJECT):
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                config = _parse(candidate)
                if config is not None:
                    return config
        return None
