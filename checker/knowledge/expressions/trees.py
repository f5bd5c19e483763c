"""Parsed constraints as plain data, which the evaluation (intervals.py, linear.py) walks
without sympy: sympy normalises an expression once (language.py), and its result is a tree
of integers, field names and tuples.

A tree is an ``int``; a ``str``, the name of a field ("election" for its day, "age.value");
or a tuple whose first item names the node: ``("+", *terms)``, ``("*", *factors)``
(a number first, as sympy orders them), ``("^", base, exponent)``, or a calendar function
``("year", day)``, ``("date", y, m, d)``, ``("years", n)``, ``("floordiv", a, b)``...
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

Tree = int | str | tuple
Interval = tuple[int, int]
Bindings = Mapping[str, tuple[int | None, int | None]]
Evaluator = Callable[[Bindings], Interval | None]

MIN_DAY, MAX_DAY = date.min.toordinal(), date.max.toordinal()
OPERATORS = frozenset({"==", "!=", "<", "<=", ">", ">="})
FLIPPED = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
HOLDS: dict[str, Callable[[int, int], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
# The nodes of a tree and how many arguments each takes (None: any number, at least two).
NODES: dict[str, int | None] = {
    "+": None, "*": None, "^": 2, "year": 1, "month": 1, "day": 1, "weekday": 1, "date": 3,
    "years": 1, "floordiv": 2, "mod": 2,
}  # fmt: skip


class ExpressionError(ValueError):
    """A constraint that is not in the expression language; ``column`` is 1-based."""

    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.column = column


@dataclass(frozen=True)
class Relation:
    """``expr op 0``, ``expr`` being sympy's expansion of ``left - right``, as a tree."""

    op: str
    expr: Tree


@dataclass(frozen=True)
class Constraint:
    """A parsed constraint: a conjunction of relations.

    ``events`` are the event names mentioned, ``fields`` the names a caller
    may bind for ``evaluate`` (event names for days, ``event.field`` for
    numbers), both sorted.
    """

    text: str
    relations: tuple[Relation, ...]
    events: tuple[str, ...]
    fields: tuple[str, ...]


def constraint(text: str, relations: tuple[Relation, ...]) -> Constraint:
    """The constraint of ``text`` whose relations are these, its events and fields read from them."""
    names = sorted({name for r in relations for name in leaves(r.expr)})
    return Constraint(text, relations, tuple(sorted({n.split(".")[0] for n in names})), tuple(names))


def leaves(tree: Tree) -> Iterator[str]:
    """The field names in a tree."""
    if isinstance(tree, str):
        yield tree
    elif isinstance(tree, tuple):
        for arg in tree[1:]:
            yield from leaves(arg)


def terms(tree: Tree) -> tuple[Tree, ...]:
    """The terms of a sum (a tree that is no sum is its only term)."""
    return tree[1:] if isinstance(tree, tuple) and tree[0] == "+" else (tree,)


def total(parts: list[Tree]) -> Tree:
    """The sum of ``parts`` as a tree."""
    return 0 if not parts else parts[0] if len(parts) == 1 else ("+", *parts)


def coefficient(term: Tree) -> tuple[int, Tree]:
    """A term as its number and the rest (1 for a bare number), as sympy's ``as_coeff_Mul``."""
    if isinstance(term, int):
        return term, 1
    if isinstance(term, tuple) and term[0] == "*" and isinstance(term[1], int):
        rest = term[2:]
        return term[1], rest[0] if len(rest) == 1 else ("*", *rest)
    return 1, term


def negated(tree: Tree) -> Tree:
    """``-tree``, as sympy writes it (a product with -1 first)."""
    number, rest = coefficient(tree)
    return -number if rest == 1 else ("*", -number, rest) if number != -1 else rest


def from_data(data: object) -> Tree:
    """A tree from its JSON form (lists for tuples); ValueError if it is no tree."""
    if isinstance(data, bool) or not isinstance(data, int | str | list) or data == []:
        raise ValueError(f"not an expression tree: {data!r}")
    if not isinstance(data, list):
        return data
    head, *args = data
    arity = NODES.get(head) if isinstance(head, str) else None
    if head not in NODES or (len(args) != arity if arity is not None else len(args) < 2):
        raise ValueError(f"not an expression node: {head!r} with {len(args)} argument(s)")
    return (head, *(from_data(a) for a in args))


def to_data(tree: Tree) -> object:
    """A tree's JSON form."""
    return [tree[0], *(to_data(a) for a in tree[1:])] if isinstance(tree, tuple) else tree


def to_date(day: int) -> date:
    return date.fromordinal(min(max(day, MIN_DAY), MAX_DAY))


def _leap_years_before(year: int) -> int:
    y = year - 1
    return y // 4 - y // 100 + y // 400


@lru_cache(maxsize=256)
def years_in_days(n: int) -> Interval:
    """The fewest and most days that n calendar years can span (n may be negative)."""
    if n < 0:
        lo, hi = years_in_days(-n)
        return -hi, -lo
    leaps = [_leap_years_before(y + n) - _leap_years_before(y) for y in range(1, 401)]
    return 365 * n + min(leaps), 365 * n + max(leaps)
