"""The expression language: Python syntax parsed with ``ast`` and only whitelisted nodes
turned into sympy (never ``eval``, never ``sympify`` on text), so loading a pack runs no code.
The calendar functions (``year(d)``, ``date(y, m, d)``...) are sympy functions that fold to
integers when their arguments are integers."""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import date
from functools import lru_cache

import sympy

from checker.knowledge.expressions.names import FUNCTIONS
from checker.knowledge.expressions.trees import HOLDS, Constraint, ExpressionError, Relation, Tree, constraint, to_date

MAX_LENGTH = 500
_COMPARISONS: dict[type, str] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
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


YEAR = _sympy_function("year", 1, lambda d: to_date(d).year)
MONTH = _sympy_function("month", 1, lambda d: to_date(d).month)
DAY = _sympy_function("day", 1, lambda d: to_date(d).day)
WEEKDAY = _sympy_function("weekday", 1, lambda d: to_date(d).weekday())
DATE = _sympy_function("date", 3, _make_date)
YEARS = _sympy_function("years", 1, None)
FLOORDIV = _sympy_function("floordiv", 2, _floordiv)
MOD = _sympy_function("mod", 2, _mod)
_PARTS = {"year": YEAR, "month": MONTH, "day": DAY, "weekday": WEEKDAY}
_FUNCTION_NAMES = frozenset(f.__name__ for f in (YEAR, MONTH, DAY, WEEKDAY, DATE, YEARS, FLOORDIV, MOD))


@lru_cache(maxsize=1024)
def parse(text: str) -> Constraint:
    """Parse a constraint with sympy; raise ExpressionError saying what is not allowed. (Callers
    use :func:`checker.knowledge.expressions.normalised.parse`, which knows the bundled packs'.)"""
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
    return constraint(text, relations)


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
        truth = "true" if HOLDS[op](int(expr), 0) else "false"
        raise _error(node, f"the comparison is always {truth}, whatever the dates")
    return Relation(op, tree(expr))


_NODES = {sympy.Add: "+", sympy.Mul: "*", sympy.Pow: "^"}


def tree(expr: sympy.Expr) -> Tree:
    """A sympy expression as a plain tree (checker.knowledge.expressions.trees)."""
    if expr.is_Integer:
        return int(expr)
    if isinstance(expr, sympy.Symbol):
        return expr.name
    head = _NODES.get(type(expr)) or type(expr).__name__
    if head not in _FUNCTION_NAMES and head not in _NODES.values():
        raise ExpressionError(f"cannot evaluate '{expr}'")
    return (head, *(tree(a) for a in expr.args))


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
