"""Cache entries read back as the model's dataclasses, every value checked against its type.

A cache folder may come from anywhere (a pull request can commit one), so an entry is
untrusted input: anything that is not exactly what :func:`encode` would have written
(a wrong shape, a wrong type, a severity or publication source outside its ``Literal``,
an offset outside its text, nesting deeper than the model's) is a :class:`BadRecord`,
which the cache treats as a miss. The checks follow the dataclasses' own type hints, so
a field added to the model is checked without an edit here.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from datetime import date
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from checker import model

T = TypeVar("T")
MAX_DEPTH = 8  # the model's deepest value (Finding -> related -> Related -> Span) is 4 levels down
RULE_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*(?:/[a-z0-9][a-z0-9_.-]*)+")


class BadRecord(ValueError):
    """A cache entry that does not match the model: the cache treats it as a miss."""


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, vars(model))


def build(tp: Any, value: Any, depth: int = 0) -> Any:
    """``value`` (decoded JSON) as a value of type ``tp``, or :class:`BadRecord`."""
    if depth > MAX_DEPTH:
        raise BadRecord("nested too deep")
    origin = get_origin(tp)
    if dataclasses.is_dataclass(tp):
        return _dataclass(tp, value, depth)
    if origin in (Union, types.UnionType):
        for option in get_args(tp):
            try:
                return build(option, value, depth)
            except BadRecord:
                continue
        raise BadRecord(f"{value!r:.40} is none of {tp}")
    if origin is Literal:
        if isinstance(value, str) and value in get_args(tp):
            return value
        raise BadRecord(f"{value!r:.40} is not one of {get_args(tp)}")
    if origin is tuple:
        return _tuple(get_args(tp), value, depth)
    return _scalar(tp, value)


def _scalar(tp: Any, value: Any) -> Any:
    if tp is type(None) and value is None:
        return None
    if tp in (int, str, bool) and type(value) is tp:
        return value
    if tp is date and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise BadRecord(f"{value!r:.40} is not a date") from None
    raise BadRecord(f"{value!r:.40} is not {getattr(tp, '__name__', tp)}")


def _tuple(args: tuple[Any, ...], value: Any, depth: int) -> tuple[Any, ...]:
    if not isinstance(value, list):
        raise BadRecord("not a list")
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(build(args[0], item, depth + 1) for item in value)
    if len(value) != len(args):
        raise BadRecord(f"{len(value)} items where {len(args)} belong")
    return tuple(build(arg, item, depth + 1) for arg, item in zip(args, value))


def _dataclass(cls: type[T], value: Any, depth: int) -> T:
    if not isinstance(value, dict):
        raise BadRecord(f"a {cls.__name__} is not an object")
    hints = _hints(cls)
    known = {f.name: f for f in dataclasses.fields(cls) if f.init}
    if not set(value) <= set(known):
        raise BadRecord(f"unknown fields in a {cls.__name__}: {sorted(set(value) - set(known))[:3]}")
    missing = [n for n, f in known.items() if n not in value and _required(f)]
    if missing:
        raise BadRecord(f"a {cls.__name__} without {missing[0]}")
    return cls(**{name: build(hints[name], item, depth + 1) for name, item in value.items()})


def _required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def finding(value: Any, lengths: typing.Mapping[str, int]) -> model.Finding:
    """A cached finding; its spans must lie in a file of this run (``lengths``: path -> characters)."""
    found = build(model.Finding, value)
    if not RULE_ID.fullmatch(found.rule):
        raise BadRecord(f"{found.rule!r:.40} is not a rule id")
    spans = [found.span, *(r.span for r in found.related), *([found.fix.span] if found.fix else [])]
    for span in spans:
        within(span.start, span.end, lengths.get(span.path), span.path)
    return found


def within(start: int, end: int, length: int | None, where: str = "the text") -> None:
    """An extent must lie inside its text (``length`` None: the text is not in this run)."""
    if length is None:
        raise BadRecord(f"{where!r:.60} is not checked in this run")
    if not 0 <= start <= end <= length:
        raise BadRecord(f"[{start}, {end}) is outside {where!r:.60}")
