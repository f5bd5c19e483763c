"""Constraints evaluated over integer intervals: deciding only what holds (or fails) for every
value in them, and solving one for a single field (``implied_bounds``)."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from functools import lru_cache

from checker.knowledge.expressions.linear import _solved_range
from checker.knowledge.expressions.trees import (
    FLIPPED,
    HOLDS,
    MAX_DAY,
    MIN_DAY,
    Bindings,
    Constraint,
    Evaluator,
    ExpressionError,
    Interval,
    Relation,
    Tree,
    leaves,
    negated,
    terms,
    to_date,
    total,
    years_in_days,
)


def evaluate(constraint: Constraint, bindings: Bindings) -> bool | None:
    """False if the constraint fails for every value in the bound intervals,
    True if it holds for every value, None if undecided (or a field is unbound).
    """
    result: bool | None = True
    for relation, evaluator in zip(constraint.relations, _evaluators(constraint)):
        holds = _decide(relation.op, evaluator(bindings))
        if holds is False:
            return False
        if holds is None:
            result = None
    return result


def _decide(op: str, value: Interval | None) -> bool | None:
    if value is None:
        return None
    lo, hi = value
    if op == "==":
        return True if lo == hi == 0 else (False if lo > 0 or hi < 0 else None)
    if op == "!=":
        return False if lo == hi == 0 else (True if lo > 0 or hi < 0 else None)
    holds = HOLDS[op]
    if holds(hi, 0) and holds(lo, 0):
        return True
    if not holds(hi, 0) and not holds(lo, 0):
        return False
    return None


def implied_bounds(constraint: Constraint, name: str, bindings: Bindings) -> tuple[int | None, int | None]:
    """The values field ``name`` may take given the other fields' intervals (None = open).

    Solves each relation where ``name`` appears alone with coefficient +-1:
    ``inauguration.date == date(election.year + 1, 1, 20)`` gives
    inauguration's day from election's, ``age.value <= age.year - birth.year``
    the largest possible age. ``name``'s own binding is not used. Bounds are
    loose where the others are uncertain, never too tight.
    """
    lo: int | None = None
    hi: int | None = None
    for isolated, op, other in _isolations(constraint.relations):
        value = other(bindings) if isolated == name else None
        if value is None:
            continue
        r_lo, r_hi = _solved_range(op, Fraction(value[0]), Fraction(value[1]))
        lo = r_lo if lo is None else (lo if r_lo is None else max(lo, r_lo))
        hi = r_hi if hi is None else (hi if r_hi is None else min(hi, r_hi))
    return lo, hi


@lru_cache(maxsize=1024)
def _evaluators(constraint: Constraint) -> tuple[Evaluator, ...]:
    """One interval function per relation, compiled once per constraint."""
    return tuple(_compile(r.expr) for r in constraint.relations)


@lru_cache(maxsize=1024)
def _isolations(relations: tuple[Relation, ...]) -> tuple[tuple[str, str, Evaluator], ...]:
    """(name, op, rest) for each relation solvable as ``name op rest``.

    The relation's expression is already expanded, so a field that can be
    solved for is a term of the sum on its own, with coefficient +-1.
    """
    found = []
    for relation in relations:
        parts = terms(relation.expr)
        for name in sorted(set(leaves(relation.expr))):
            alone = [t for t in parts if t in (name, negated(name))]
            others = [t for t in parts if t not in alone]
            if len(alone) != 1 or any(name in leaves(t) for t in others):
                continue
            if alone[0] == name:  # name + rest op 0  ->  name op -rest
                found.append((name, relation.op, _negated(_compile(total(others)))))
            else:  # -name + rest op 0  ->  name op' rest
                found.append((name, FLIPPED[relation.op], _compile(total(others))))
    return tuple(found)


def _negated(evaluator: Evaluator) -> Evaluator:
    def value(bindings: Bindings) -> Interval | None:
        inner = evaluator(bindings)
        return None if inner is None else (-inner[1], -inner[0])

    return value


def _compile(expr: Tree) -> Evaluator:
    """A function from bindings to an interval enclosing every value of ``expr``."""
    if isinstance(expr, int):
        return lambda _b: (expr, expr)
    if isinstance(expr, str):
        return _binding(expr)
    head, *rest = expr
    args = [_compile(a) for a in rest]
    if head == "+":
        return _fold(args, _add)
    if head == "*":
        return _fold(args, _multiply)
    if head == "^" and isinstance(rest[1], int) and rest[1] > 0:
        return _fold([args[0]] * rest[1], _multiply)
    combine = _INTERVAL_FUNCTIONS.get(head)
    if combine is None:
        raise ExpressionError(f"cannot evaluate the node '{head}'")
    return _apply(args, combine)


def _binding(name: str) -> Evaluator:
    def value(bindings: Bindings) -> Interval | None:
        bound = bindings.get(name)
        if bound is None or bound[0] is None or bound[1] is None:
            return None
        return bound  # type: ignore[return-value]

    return value


def _fold(args: list[Evaluator], combine: Callable[[Interval, Interval], Interval]) -> Evaluator:
    def value(bindings: Bindings) -> Interval | None:
        total = args[0](bindings)
        for arg in args[1:]:
            if total is None:
                return None
            other = arg(bindings)
            total = None if other is None else combine(total, other)
        return total

    return value


def _apply(args: list[Evaluator], combine: Callable[..., Interval | None]) -> Evaluator:
    def value(bindings: Bindings) -> Interval | None:
        values = [a(bindings) for a in args]
        return None if None in values else combine(*values)

    return value


def _add(a: Interval, b: Interval) -> Interval:
    return a[0] + b[0], a[1] + b[1]


def _multiply(a: Interval, b: Interval) -> Interval:
    corners = (a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1])
    return min(corners), max(corners)


def _interval_floordiv(a: Interval, b: Interval) -> Interval | None:
    if b[0] <= 0 <= b[1]:
        return None
    corners = [x // y for x in a for y in b]
    return min(corners), max(corners)


def _interval_mod(a: Interval, b: Interval) -> Interval | None:
    if b[0] <= 0 <= b[1]:
        return None  # a divisor that may be 0: undecided, as for floordiv
    if b[0] == b[1] and a[0] // b[0] == a[1] // b[0]:
        return a[0] % b[0], a[1] % b[0]
    if b[0] > 0:
        return 0, b[1] - 1
    if b[1] < 0:
        return b[0] + 1, 0
    return None


def _day_range(d: Interval) -> tuple[date, date] | None:
    if d[1] < MIN_DAY or d[0] > MAX_DAY:
        return None
    return to_date(d[0]), to_date(d[1])


def _interval_year(d: Interval) -> Interval | None:
    days = _day_range(d)
    return None if days is None else (days[0].year, days[1].year)


def _interval_month(d: Interval) -> Interval | None:
    days = _day_range(d)
    if days is None:
        return None
    first, last = days
    return (first.month, last.month) if first.year == last.year else (1, 12)


def _interval_day(d: Interval) -> Interval | None:
    days = _day_range(d)
    if days is None:
        return None
    first, last = days
    same_month = (first.year, first.month) == (last.year, last.month)
    return (first.day, last.day) if same_month else (1, 31)


def _interval_weekday(d: Interval) -> Interval | None:
    days = _day_range(d)
    if days is None:
        return None
    first = days[0].weekday()
    last = first + (days[1] - days[0]).days
    return (first, last) if last <= 6 else (0, 6)


def _interval_date(y: Interval, m: Interval, d: Interval) -> Interval | None:
    """Days of every date(y, m, d) in the box; (y, m, d) orders days lexicographically.

    Out-of-range parts are clipped, and a day past its month's end counts as
    the month's last day (the box's corners then bound every date in it).
    """
    y_lo, y_hi = max(y[0], 1), min(y[1], 9999)
    m_lo, m_hi = max(m[0], 1), min(m[1], 12)
    d_lo, d_hi = max(d[0], 1), min(d[1], 31)
    if y_lo > y_hi or m_lo > m_hi or d_lo > d_hi:
        return None
    first = date(y_lo, m_lo, min(d_lo, calendar.monthrange(y_lo, m_lo)[1]))
    last = date(y_hi, m_hi, min(d_hi, calendar.monthrange(y_hi, m_hi)[1]))
    return first.toordinal(), last.toordinal()


def _interval_years(n: Interval) -> Interval:
    return years_in_days(n[0])[0], years_in_days(n[1])[1]


_INTERVAL_FUNCTIONS: dict[str, Callable[..., Interval | None]] = {
    "year": _interval_year,
    "month": _interval_month,
    "day": _interval_day,
    "weekday": _interval_weekday,
    "date": _interval_date,
    "years": _interval_years,
    "floordiv": _interval_floordiv,
    "mod": _interval_mod,
}
