"""Constraints as difference constraints (``lo <= t_j - t_i <= hi``) for the temporal network."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from checker.knowledge.expressions.trees import (
    FLIPPED,
    Constraint,
    Relation,
    Tree,
    coefficient,
    terms,
    years_in_days,
)


@dataclass(frozen=True)
class Difference:
    """``lo <= t_j - t_i <= hi`` in days; ``i`` None means day 0 (``lo``/``hi`` are dates)."""

    i: str | None
    j: str
    lo: int | None
    hi: int | None


def _is_day(tree: Tree) -> bool:
    return isinstance(tree, str) and "." not in tree


def _linear_parts(expr: Tree) -> tuple[dict[str, int], Fraction, Fraction] | None:
    """``expr`` as sum(coefficient * day) + [k_lo, k_hi], or None if it is not that."""
    coefficients: dict[str, int] = {}
    k_lo = k_hi = Fraction(0)
    for term in terms(expr):
        c, rest = coefficient(term)
        if rest == 1:
            k_lo, k_hi = k_lo + c, k_hi + c
        elif _is_day(rest):
            coefficients[rest] = coefficients.get(rest, 0) + c
        elif isinstance(rest, tuple) and rest[0] == "years" and isinstance(rest[1], int):
            lo, hi = sorted(c * v for v in years_in_days(rest[1]))
            k_lo, k_hi = k_lo + lo, k_hi + hi
        else:
            return None
    return {k: v for k, v in coefficients.items() if v}, k_lo, k_hi


def _linear(relations: tuple[Relation, ...]) -> tuple[Difference, ...] | None:
    """Every relation as a difference constraint, or None if one is not."""
    differences = [_difference(r) for r in relations]
    return None if any(d is None for d in differences) else tuple(differences)


def _difference(relation: Relation) -> Difference | None:
    parts = _linear_parts(relation.expr)
    if parts is None or relation.op == "!=":
        return None
    coefficients, k_lo, k_hi = parts
    positive = sorted(n for n, c in coefficients.items() if c > 0)
    negative = sorted(n for n, c in coefficients.items() if c < 0)
    if len(positive) > 1 or len(negative) > 1 or not coefficients:
        return None
    if len(positive) == len(negative) == 1 and coefficients[positive[0]] != -coefficients[negative[0]]:
        return None
    op = relation.op
    if not positive:  # -a*x + k op 0  ->  a*x - k op' 0
        positive, k_lo, k_hi, op = negative, -k_hi, -k_lo, FLIPPED[op]
        negative = []
    scale = abs(coefficients[positive[0]])
    lo, hi = _solved_range(op, -k_hi / scale, -k_lo / scale)
    return Difference(negative[0] if negative else None, positive[0], lo, hi)


def _solved_range(op: str, c_lo: Fraction, c_hi: Fraction) -> tuple[int | None, int | None]:
    """Integer values x may take when ``x op c`` for some c in [c_lo, c_hi]."""
    return {
        "<=": (None, math.floor(c_hi)),
        "<": (None, math.ceil(c_hi) - 1),
        ">=": (math.ceil(c_lo), None),
        ">": (math.floor(c_lo) + 1, None),
        "==": (math.ceil(c_lo), math.floor(c_hi)),
        "!=": (None, None),
    }[op]


def linearize(constraint: Constraint) -> list[Difference] | None:
    """The constraint as difference constraints for the temporal network, or None.

    Constants stated as intervals (``years(3)``) give the loosest bounds, so a
    difference never excludes a value the constraint allows.
    """
    differences = _differences(constraint)
    return None if differences is None else list(differences)


@lru_cache(maxsize=1024)
def _differences(constraint: Constraint) -> tuple[Difference, ...] | None:
    return _linear(constraint.relations)
