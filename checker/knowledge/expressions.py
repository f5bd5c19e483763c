"""Rule-pack constraint expressions: parsed safely, held as sympy, checked by intervals.

A pack writes constraints over event fields, e.g. ``inauguration > election``,
``inauguration.date - election.date <= 90`` or
``inauguration.date == date(election.year + 1, 1, 20)``. The text is parsed
with ``ast`` and only a whitelist of node types is turned into sympy
expressions (never ``eval``, never ``sympify`` on text), so loading a pack
runs no code.

Meaning of names (all times are days, ``date.toordinal()``):

* ``death`` or ``death.date``: the day of the event ``death``;
* ``death.year`` / ``.month`` / ``.day`` / ``.weekday``: parts of that day
  (weekday 0 = Monday, as ``datetime.weekday()``);
* any other ``event.field`` (``age.value``): a number the caller binds;
* ``date(y, m, d)``: a day; ``year(d)``, ``month(d)``, ``day(d)``,
  ``weekday(d)``: parts of a day; ``days(n)``: n days; ``years(n)``: the days
  n calendar years can span (an interval: leap days). A constant date must
  exist; one built from fields that runs past the end of its month
  (``date(birth.year + 18, 2, 29)``) counts as the month's last day.

sympy normalises each comparison to ``expression op 0`` so common terms
cancel. A comparison that reduces to a difference of two days and a constant
is ``linearize``d for the temporal network; any constraint can be
``evaluate``d over integer intervals, deciding only what holds (or fails)
for every value in them, and ``implied_bounds`` solves one for a single
field (the inauguration's day from the election's year) so the engine can
put it in the network as a domain.
"""

from __future__ import annotations

import ast
import calendar
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import lru_cache

import sympy

from checker.knowledge.expression_names import FUNCTIONS

Interval = tuple[int, int]
Bindings = Mapping[str, tuple[int | None, int | None]]
Evaluator = Callable[[Bindings], Interval | None]

MAX_LENGTH = 500
MIN_DAY, MAX_DAY = date.min.toordinal(), date.max.toordinal()

_COMPARISONS: dict[type, str] = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
}
_FLIPPED = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
_HOLDS: dict[str, Callable[[int, int], bool]] = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt,
    "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}
_OPERATOR_TEXT = {ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}
_NOT_ALLOWED = {
    ast.Div: "'/' is not allowed (use // for whole-number division)",
    ast.Pow: "'**' is not allowed",
    ast.BoolOp: "'and'/'or' are only allowed between comparisons",
    ast.Compare: "a comparison is only allowed at the top level",
    ast.Subscript: "indexing is not allowed",
    ast.Lambda: "lambda is not allowed",
    ast.IfExp: "conditional expressions are not allowed",
    ast.NamedExpr: "':=' is not allowed",
    ast.Starred: "'*' unpacking is not allowed",
    ast.JoinedStr: "f-strings are not allowed",
}


class ExpressionError(ValueError):
    """A constraint that is not in the expression language; ``column`` is 1-based."""

    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.column = column


@dataclass(frozen=True)
class Difference:
    """``lo <= t_j - t_i <= hi`` in days; ``i`` None means day 0 (``lo``/``hi`` are dates)."""

    i: str | None
    j: str
    lo: int | None
    hi: int | None


@dataclass(frozen=True)
class Relation:
    """``expr op 0``, ``expr`` being sympy's expansion of ``left - right``."""

    op: str
    expr: sympy.Expr


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
    differences: tuple[Difference, ...] | None = field(compare=False, repr=False)
    _evaluators: tuple[Evaluator, ...] = field(compare=False, repr=False)
    _isolated: tuple[tuple[str, str, Evaluator], ...] = field(compare=False, repr=False)


# ------------------------------------------------------------------ calendar


def _to_date(day: int) -> date:
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


def _make_date(y: int, m: int, d: int) -> int:
    try:
        return date(y, m, d).toordinal()
    except (ValueError, OverflowError) as exc:
        raise ExpressionError(f"date({y}, {m}, {d}) is not a valid date: {exc}") from None


def _floordiv(a: int, b: int) -> int:
    if b == 0:
        raise ExpressionError("division by zero")
    return a // b


def _mod(a: int, b: int) -> int:
    if b == 0:
        raise ExpressionError("modulo by zero")
    return a % b


def _sympy_function(name: str, nargs: int, fold: Callable[..., int] | None) -> type:
    """A sympy function that folds to an Integer when all its arguments are integers."""
    def eval_(cls: type, *args: sympy.Expr) -> sympy.Expr | None:
        if fold is not None and all(a.is_Integer for a in args):
            return sympy.Integer(fold(*map(int, args)))
        return None
    return type(name, (sympy.Function,), {"nargs": nargs, "eval": classmethod(eval_)})


YEAR = _sympy_function("year", 1, lambda d: _to_date(d).year)
MONTH = _sympy_function("month", 1, lambda d: _to_date(d).month)
DAY = _sympy_function("day", 1, lambda d: _to_date(d).day)
WEEKDAY = _sympy_function("weekday", 1, lambda d: _to_date(d).weekday())
DATE = _sympy_function("date", 3, _make_date)
YEARS = _sympy_function("years", 1, None)
FLOORDIV = _sympy_function("floordiv", 2, _floordiv)
MOD = _sympy_function("mod", 2, _mod)
_PARTS = {"year": YEAR, "month": MONTH, "day": DAY, "weekday": WEEKDAY}


# ------------------------------------------------------------------ parsing


@lru_cache(maxsize=1024)
def parse(text: str) -> Constraint:
    """Parse a constraint; raise ExpressionError saying what is not allowed."""
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the expression is longer than {MAX_LENGTH} characters")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"invalid syntax: {exc.msg}", exc.offset) from None
    except (RecursionError, MemoryError, ValueError):
        raise ExpressionError("the expression is nested too deeply or is not text") from None
    try:
        relations = tuple(_relations(tree.body))
    except RecursionError:
        raise ExpressionError("the expression is nested too deeply") from None
    symbols = sorted({s.name for r in relations for s in r.expr.free_symbols})
    return Constraint(
        text=text,
        relations=relations,
        events=tuple(sorted({s.split(".")[0] for s in symbols})),
        fields=tuple(symbols),
        differences=_linear(relations),
        _evaluators=tuple(_compile(r.expr) for r in relations),
        _isolated=tuple(_isolations(relations)),
    )


def _relations(node: ast.expr) -> list[Relation]:
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        return [r for value in node.values for r in _relations(value)]
    if isinstance(node, ast.BoolOp):
        raise _error(node, "'or' is not allowed: a constraint is a conjunction; "
                           "write one constraint per case")
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        raise _error(node, "'not' is not allowed: write the opposite comparison")
    if not isinstance(node, ast.Compare):
        _build(node)  # a disallowed part is the more useful message
        raise _error(node, "a constraint must be a comparison (==, !=, <, <=, >, >=)")
    relations = []
    sides = [node.left, *node.comparators]
    for left, op, right in zip(sides, node.ops, sides[1:]):
        symbol = _COMPARISONS.get(type(op))
        if symbol is None:
            raise _error(node, f"the comparison '{_OPERATOR_TEXT.get(type(op), '?')}' is not allowed")
        relations.append(_relation(node, symbol, sympy.expand(_build(left) - _build(right))))
    return relations


def _relation(node: ast.expr, op: str, expr: sympy.Expr) -> Relation:
    if expr.is_Integer:
        truth = "true" if _HOLDS[op](int(expr), 0) else "false"
        raise _error(node, f"the comparison is always {truth}, whatever the dates")
    return Relation(op, expr)


def _build(node: ast.expr) -> sympy.Expr:
    """The sympy expression of one whitelisted arithmetic node."""
    match node:
        case ast.Constant(value=bool() | float() | complex() | str() | bytes() | None):
            raise _error(node, f"only whole numbers are allowed as constants, not {node.value!r}")
        case ast.Constant(value=int() as value):
            return sympy.Integer(value)
        case ast.Name(id=name):
            if name in FUNCTIONS:
                raise _error(node, f"'{name}' is a function: call it, as in {name}(...)")
            return _symbol(node, name)
        case ast.Attribute(value=ast.Name(id=event), attr=attr):
            if event in FUNCTIONS:
                raise _error(node, f"'{event}' is a function, not an event")
            if attr == "date":
                return _symbol(node, event)
            if attr in _PARTS:
                return _PARTS[attr](_symbol(node, event))
            return _symbol(node, f"{event}.{_name(node, attr)}")
        case ast.Attribute():
            raise _error(node, "only one level of fields is allowed (event.field)")
        case ast.BinOp(left=left, op=op, right=right):
            return _folding(node, _binary, node, op, _build(left), _build(right))
        case ast.UnaryOp(op=ast.USub(), operand=operand):
            return -_build(operand)
        case ast.Call():
            return _folding(node, _call, node)
    raise _error(node, _NOT_ALLOWED.get(type(node), f"'{_source(node)}' is not allowed"))


def _folding(node: ast.expr, build: Callable[..., sympy.Expr], *args: object) -> sympy.Expr:
    """Run ``build``; give errors from folding constants (date(2023, 2, 30)) a column."""
    try:
        return build(*args)
    except ExpressionError as exc:
        if exc.column is not None:
            raise
        raise _error(node, str(exc)) from None


def _binary(node: ast.BinOp, op: ast.operator, left: sympy.Expr, right: sympy.Expr) -> sympy.Expr:
    if isinstance(op, ast.FloorDiv | ast.Mod) and right == 0:
        raise _error(node, "division by zero")
    match op:
        case ast.Add():
            return left + right
        case ast.Sub():
            return left - right
        case ast.Mult():
            return left * right
        case ast.FloorDiv():
            return FLOORDIV(left, right)
        case ast.Mod():
            return MOD(left, right)
    raise _error(node, _NOT_ALLOWED.get(type(op), f"the operator in '{_source(node)}' is not allowed"))


def _call(node: ast.Call) -> sympy.Expr:
    name = node.func.id if isinstance(node.func, ast.Name) else _source(node.func)
    if name not in FUNCTIONS:
        raise _error(node, f"calls to '{name}' are not allowed "
                           f"(allowed: {', '.join(sorted(FUNCTIONS))})")
    if node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
        raise _error(node, f"{name}() takes plain positional arguments")
    if len(node.args) != FUNCTIONS[name]:
        raise _error(node, f"{name}() takes {FUNCTIONS[name]} argument(s), not {len(node.args)}")
    args = [_build(a) for a in node.args]
    if name == "days":
        return args[0]
    if name == "years":
        return YEARS(args[0])
    if name == "date":
        return DATE(*args)
    return _PARTS[name](args[0])


def _symbol(node: ast.AST, name: str) -> sympy.Symbol:
    return sympy.Symbol(_name(node, name), integer=True)


def _name(node: ast.AST, name: str) -> str:
    if name.startswith("_"):
        raise _error(node, f"names starting with '_' are not allowed: '{name}'")
    return name


def _source(node: ast.AST) -> str:
    try:
        return ast.unparse(node)
    except (AttributeError, ValueError, TypeError):  # operator nodes have no source form
        return type(node).__name__


def _error(node: ast.AST, message: str) -> ExpressionError:
    column = getattr(node, "col_offset", None)
    return ExpressionError(message, None if column is None else column + 1)


# ------------------------------------------------------------------ linear forms


def _is_day(symbol: sympy.Expr) -> bool:
    return isinstance(symbol, sympy.Symbol) and "." not in symbol.name


def _linear_parts(expr: sympy.Expr) -> tuple[dict[str, int], Fraction, Fraction] | None:
    """``expr`` as sum(coefficient * day) + [k_lo, k_hi], or None if it is not that."""
    coefficients: dict[str, int] = {}
    k_lo = k_hi = Fraction(0)
    for term in sympy.Add.make_args(expr):
        coefficient, rest = term.as_coeff_Mul()
        c = int(coefficient)
        if rest == 1:
            k_lo, k_hi = k_lo + c, k_hi + c
        elif _is_day(rest):
            coefficients[rest.name] = coefficients.get(rest.name, 0) + c
        elif isinstance(rest, YEARS) and rest.args[0].is_Integer:
            lo, hi = sorted(c * v for v in years_in_days(int(rest.args[0])))
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
        positive, k_lo, k_hi, op = negative, -k_hi, -k_lo, _FLIPPED[op]
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
    return None if constraint.differences is None else list(constraint.differences)


# ------------------------------------------------------------------ interval evaluation


def evaluate(constraint: Constraint, bindings: Bindings) -> bool | None:
    """False if the constraint fails for every value in the bound intervals,
    True if it holds for every value, None if undecided (or a field is unbound).
    """
    result: bool | None = True
    for relation, evaluator in zip(constraint.relations, constraint._evaluators):
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
    holds = _HOLDS[op]
    if holds(hi, 0) and holds(lo, 0):
        return True
    if not holds(hi, 0) and not holds(lo, 0):
        return False
    return None


def implied_bounds(constraint: Constraint, name: str, bindings: Bindings
                   ) -> tuple[int | None, int | None]:
    """The values field ``name`` may take given the other fields' intervals (None = open).

    Solves each relation where ``name`` appears alone with coefficient +-1:
    ``inauguration.date == date(election.year + 1, 1, 20)`` gives
    inauguration's day from election's, ``age.value <= age.year - birth.year``
    the largest possible age. ``name``'s own binding is not used. Bounds are
    loose where the others are uncertain, never too tight.
    """
    lo: int | None = None
    hi: int | None = None
    for isolated, op, other in constraint._isolated:
        value = other(bindings) if isolated == name else None
        if value is None:
            continue
        r_lo, r_hi = _solved_range(op, Fraction(value[0]), Fraction(value[1]))
        lo = r_lo if lo is None else (lo if r_lo is None else max(lo, r_lo))
        hi = r_hi if hi is None else (hi if r_hi is None else min(hi, r_hi))
    return lo, hi


def _isolations(relations: tuple[Relation, ...]) -> list[tuple[str, str, Evaluator]]:
    """(name, op, rest) for each relation solvable as ``name op rest``.

    The relation's expression is already expanded, so a field that can be
    solved for is a term of the sum on its own, with coefficient +-1.
    """
    found = []
    for relation in relations:
        terms = sympy.Add.make_args(relation.expr)
        for symbol in sorted(relation.expr.free_symbols, key=lambda s: s.name):
            alone = [t for t in terms if t == symbol or t == -symbol]
            others = [t for t in terms if t not in alone]
            if len(alone) != 1 or any(t.has(symbol) for t in others):
                continue
            if alone[0] == symbol:  # symbol + rest op 0  ->  symbol op -rest
                found.append((symbol.name, relation.op, _negated(_compile(sympy.Add(*others)))))
            else:  # -symbol + rest op 0  ->  symbol op' rest
                found.append((symbol.name, _FLIPPED[relation.op], _compile(sympy.Add(*others))))
    return found


def _negated(evaluator: Evaluator) -> Evaluator:
    def value(bindings: Bindings) -> Interval | None:
        inner = evaluator(bindings)
        return None if inner is None else (-inner[1], -inner[0])
    return value


def _compile(expr: sympy.Expr) -> Evaluator:
    """A function from bindings to an interval enclosing every value of ``expr``."""
    if expr.is_Integer:
        value = int(expr)
        return lambda _b: (value, value)
    if isinstance(expr, sympy.Symbol):
        return _binding(expr.name)
    args = [_compile(a) for a in expr.args]
    if isinstance(expr, sympy.Add):
        return _fold(args, _add)
    if isinstance(expr, sympy.Mul):
        return _fold(args, _multiply)
    if isinstance(expr, sympy.Pow) and expr.exp.is_Integer and expr.exp > 0:
        return _fold([args[0]] * int(expr.exp), _multiply)
    combine = _INTERVAL_FUNCTIONS.get(type(expr))
    if combine is None:
        raise ExpressionError(f"cannot evaluate '{expr}'")
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
    return _to_date(d[0]), _to_date(d[1])


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


_INTERVAL_FUNCTIONS: dict[type, Callable[..., Interval | None]] = {
    YEAR: _interval_year, MONTH: _interval_month, DAY: _interval_day,
    WEEKDAY: _interval_weekday, DATE: _interval_date, YEARS: _interval_years,
    FLOORDIV: _interval_floordiv, MOD: _interval_mod,
}
