"""The expression language: Python syntax parsed with ``ast`` and only whitelisted nodes
turned into sympy (never ``eval``, never ``sympify`` on text), so loading a pack runs no code.
The calendar functions (``year(d)``, ``date(y, m, d)``...) are sympy functions that fold to
integers when their arguments are integers."""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import sympy

from checker.knowledge.expressions.names import FUNCTIONS

Interval = tuple[int, int]
Bindings = Mapping[str, tuple[int | None, int | None]]
Evaluator = Callable[[Bindings], Interval | None]

MAX_LENGTH = 500
MIN_DAY, MAX_DAY = date.min.toordinal(), date.max.toordinal()

_COMPARISONS: dict[type, str] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
}
_FLIPPED = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
_HOLDS: dict[str, Callable[[int, int], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
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
    )


def _relations(node: ast.expr) -> list[Relation]:
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        return [r for value in node.values for r in _relations(value)]
    if isinstance(node, ast.BoolOp):
        raise _error(node, "'or' is not allowed: a constraint is a conjunction; write one constraint per case")
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
        raise _error(node, f"calls to '{name}' are not allowed (allowed: {', '.join(sorted(FUNCTIONS))})")
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
