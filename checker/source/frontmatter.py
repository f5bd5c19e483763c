"""Front matter (YAML between ``---`` lines, TOML between ``+++`` lines, or Hugo's JSON
object opening the file) and the publication date it states.

Front matter counts only at the very start of the file and only when its
YAML is a mapping, so a Markdown file that opens with a thematic break and a
setext heading is not mistaken for it. Datetimes give the date as written
(the author's local date), not the UTC date.
"""

from __future__ import annotations

import json
import reprlib
import tomllib
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from checker.source.dates import metadata_date

DEFAULT_PUBLISHED_KEYS: tuple[str, ...] = ("date", "published", "publishDate", "pubDate")

_FENCES = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}


class FrontMatterError(ValueError):
    """Front matter that cannot be read; the message is for the user."""


@dataclass(frozen=True)
class FrontMatter:
    kind: str  # "yaml", "toml" or "json"
    end: int  # offset just past the closing fence line
    data: dict[str, Any]


@dataclass(frozen=True)
class Stated:
    """The publication date metadata states, or why the value under a date key could not be read."""

    day: date | None
    problem: str | None = None


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML (libyaml's parser when PyYAML has it) that leaves timestamps as strings, so we
    parse (and report) them."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _load(kind: str, body: str) -> Any:
    """The front matter's data; the YAML and TOML parsers recurse, so deep nesting is an error too."""
    try:
        return _parse(kind, body)
    except RecursionError:
        raise FrontMatterError(f"front matter is nested too deeply to read as {kind.upper()}") from None


def _parse(kind: str, body: str) -> Any:
    if kind == "toml":
        try:
            return tomllib.loads(body)
        except tomllib.TOMLDecodeError as e:
            raise FrontMatterError(f"front matter is not valid TOML: {e}") from None
    try:
        return yaml.load(body, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        if "maximum nesting depth" in str(e):  # libyaml's own guard, where pure Python would recurse
            raise RecursionError from None
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise FrontMatterError(f"front matter is not valid YAML{where}: {problem}") from None


def _json_front_matter(source: str) -> FrontMatter | None:
    """Hugo's JSON front matter: an object at the very start of the file, then a line break."""
    try:
        data, end = json.JSONDecoder().raw_decode(source)
    except (ValueError, RecursionError):
        return None
    newline = source.find("\n", end)
    line_end = len(source) if newline < 0 else newline + 1
    if not isinstance(data, dict) or source[end:line_end].strip():
        return None
    return FrontMatter("json", line_end, data)


def split_front_matter(source: str) -> FrontMatter | None:
    """The front matter at the top of ``source``, or None if it has none."""
    if source.startswith("{"):
        return _json_front_matter(source)
    lines = source.splitlines(keepends=True)
    if not lines or lines[0].rstrip() not in _FENCES:
        return None
    kind, closers = _FENCES[lines[0].rstrip()]
    end = len(lines[0])
    for line in lines[1:]:
        if line.rstrip() in closers:
            body = source[len(lines[0]) : end]
            data = _load(kind, body)
            if data is None:
                data = {}
            if not isinstance(data, dict):
                return None
            return FrontMatter(kind, end + len(line), data)
        end += len(line)
    return None


def published_date(
    data: dict[str, Any], keys: tuple[str, ...], where: str = "front matter", date_order: str = "us"
) -> Stated:
    """The first of ``keys`` that holds a readable date (``where`` names the place in warnings).

    Booleans and empty values are skipped (Jekyll's ``published: false`` is a flag, not a
    date); a value that is not a date (Hugo's archetype ``'{{ .Date }}'``) is a problem,
    reported when no later key holds a date.
    """
    problem = None
    for key in keys:
        value = data.get(key)
        if value is None or isinstance(value, bool):
            continue
        day = metadata_date(value, date_order)
        if day is not None:
            return Stated(day)
        problem = problem or f"{where} {key!r}: cannot read {_SHOWN.repr(value)} as a date"
    return Stated(None, problem)


def _shown_repr() -> reprlib.Repr:
    """A bounded ``repr`` for messages: YAML aliases can make a value of a few lines a list of
    millions (shared, so cheap to hold, but its full ``repr`` would take minutes and gigabytes)."""
    shown = reprlib.Repr()
    shown.maxlevel, shown.maxlist, shown.maxdict, shown.maxstring, shown.maxother = 2, 4, 4, 80, 80
    return shown


_SHOWN = _shown_repr()
