"""Front matter (YAML between ``---`` lines, TOML between ``+++`` lines) and
the publication date it states.

Front matter counts only at the very start of the file and only when its
YAML is a mapping, so a Markdown file that opens with a thematic break and a
setext heading is not mistaken for it. Datetimes give the date as written
(the author's local date), not the UTC date.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import yaml

DEFAULT_PUBLISHED_KEYS: tuple[str, ...] = ("date", "published", "publishDate", "pubDate")

_FENCES = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]\S.*)?")
_FORMATS = (
    "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
    "%d %B %Y", "%d %b %Y", "%d %B, %Y", "%d %b, %Y",
    "%Y/%m/%d", "%Y.%m.%d",
)  # fmt: skip
_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_ORDINAL = re.compile(r"(\d)(st|nd|rd|th)\b", re.IGNORECASE)


class FrontMatterError(ValueError):
    """Front matter that cannot be read; the message is for the user."""


@dataclass(frozen=True)
class FrontMatter:
    kind: str  # "yaml" or "toml"
    end: int  # offset just past the closing fence line
    data: dict[str, Any]


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


def split_front_matter(source: str) -> FrontMatter | None:
    """The front matter at the top of ``source``, or None if it has none."""
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


def parse_date(value: str) -> date | None:
    """A calendar date from the usual ways front matter writes one, else None."""
    text = " ".join(value.split())
    iso = _ISO.fullmatch(text)
    if iso:
        try:
            return date(*map(int, iso.groups()))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date()  # RFC 2822, as in RSS pubDate
    except (TypeError, ValueError, IndexError):
        pass
    text = _ORDINAL.sub(r"\1", _WEEKDAY.sub("", text))
    text = re.sub(r"(?<=[A-Za-z])\.", "", text).replace("Sept ", "Sep ")
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def published_date(data: dict[str, Any], keys: tuple[str, ...], where: str = "front matter") -> date | None:
    """The first of ``keys`` that holds a date (``where`` names the place in errors).

    Booleans and empty values are skipped (Jekyll's ``published: false`` is a
    flag, not a date); any other value that is not a date is an error.
    """
    for key in keys:
        value = data.get(key)
        if value is None or isinstance(value, bool):
            continue
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        parsed = parse_date(value) if isinstance(value, str) else None
        if parsed is None:
            raise FrontMatterError(
                f"{where} {key!r}: cannot read {value!r} as a date "
                "(write it as YYYY-MM-DD)"
            )
        return parsed
    return None
