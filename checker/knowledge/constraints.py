"""Which part of the engine evaluates a pack constraint: its *kind*, read from its shape.

Every constraint the schema accepts must run somewhere, or the loader rejects it with the
reason (docs/packs.md, "Constraints"). The kinds and who evaluates them:

* ``order``: two event types in a plain order or difference ("death >= birth",
  "inauguration.date - election.date <= 90"), with no ``when`` and no office: the temporal
  network (checker.reasoning.timeline) ties same-participant mentions with it.
* ``rule``: a calendar rule over one event type ("weekday(election.date) == 3") or between
  two of the same participant ("inauguration.date == date(election.year + 1, 1, 20)"),
  possibly limited by ``when`` and an office: facts/contradiction evaluates it over the
  claim's interval (checker.checks.facts), the partner event read from the text or the pack.
* ``count``: at most ``max`` events of one type per participant ("elected at most twice"):
  facts/contradiction counts the ordinal a claim states ("a third term") and the distinct
  occurrences a text dates for one person.

Fields are the parts of an event's day (``.date``, ``.year``, ``.month``, ``.day``,
``.weekday``); a number field (``age.value``) runs only if a stage binds it (BOUND_FIELDS).
"""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from checker.knowledge.expressions.linear import linearize
from checker.knowledge.expressions.names import events
from checker.knowledge.expressions.normalised import parse
from checker.knowledge.model import Constraint

if TYPE_CHECKING:
    from checker.knowledge.expressions.linear import Difference

Kind = Literal["order", "rule", "count"]
DAY_FIELDS = frozenset({"date", "year", "month", "day", "weekday"})
# Number fields some stage binds, per event type; none yet (arithmetic/age computes ages itself).
BOUND_FIELDS: dict[str, frozenset[str]] = {}


class Unevaluated(ValueError):
    """A constraint no part of the engine would evaluate; the message says why."""


@lru_cache(maxsize=1024)
def fields(text: str) -> frozenset[tuple[str, str]]:
    """The ``event.field`` pairs an expression names, from its syntax alone."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return frozenset()
    return frozenset(
        (n.value.id, n.attr) for n in ast.walk(tree) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
    )


def _unbound(text: str) -> str | None:
    """The first number field of ``text`` that no stage binds, as written."""
    for event, name in sorted(fields(text)):
        if name not in DAY_FIELDS and name not in BOUND_FIELDS.get(event, frozenset()):
            return f"{event}.{name}"
    return None


def order_difference(expr: str) -> Difference | None:
    """The single difference between two event days ``expr`` states, if it is one: what the
    temporal network takes (checker.reasoning.timeline)."""
    differences = linearize(parse(expr))
    return differences[0] if differences and len(differences) == 1 and differences[0].i is not None else None


def kind(c: Constraint) -> Kind:
    """The kind of a constraint (see the module docstring); raises Unevaluated when none fits."""
    texts = [t for t in (c.expr, c.when) if t]
    for text in texts:
        unbound = _unbound(text)
        if unbound:
            fields_ = ".date, .year, .month, .day, .weekday"
            raise Unevaluated(f"no stage of the engine binds the number field {unbound} (fields are {fields_})")
    if c.count is not None:
        if not c.same:
            raise Unevaluated("a count limit needs scope.same: whose events are counted")
        if c.when and events(c.when) - {c.count}:
            raise Unevaluated(f"the `when` of a count limit may only name the counted event ({c.count})")
        return "count"
    named = events(c.expr or "")
    when_named = events(c.when) if c.when else frozenset()
    if len(named) > 2 or len(named | when_named) > 2:
        raise Unevaluated("a constraint relates at most two event types")
    if not named:
        raise Unevaluated("the expression names no event type")
    if len(named) == 2 and c.when is None and c.office is None and order_difference(c.expr or "") is not None:
        return "order"
    if len(named | when_named) == 2 and not c.same:
        raise Unevaluated("a rule between two event types needs scope.same: which participant they share")
    if len(named) == 2 and not (fields(c.expr or "") or c.when or c.office):
        raise Unevaluated("an order between two events must be one difference (a <= b, b - a <= 90)")
    return "rule"


def order(c: Constraint) -> Difference | None:
    """The one difference of a constraint of kind ``order``; None for any other kind."""
    try:
        if kind(c) != "order":
            return None
    except Unevaluated:
        return None
    return order_difference(c.expr or "")


@lru_cache(maxsize=64)
def kinds(constraints: tuple[Constraint, ...], wanted: Kind) -> tuple[Constraint, ...]:
    """The constraints of one kind, in pack order (the loader has rejected the rest); asked for
    every claim a rule reads, hence remembered per pack."""
    out = []
    for c in constraints:
        try:
            if kind(c) == wanted:
                out.append(c)
        except Unevaluated:
            continue
    return tuple(out)
