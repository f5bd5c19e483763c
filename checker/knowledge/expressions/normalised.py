"""Parsing a constraint, with the bundled packs' expressions normalised ahead of time.

sympy takes a third of a second to import, as long as the rest of a one-file check besides
spaCy. The expressions of the packs in ``rules/`` are therefore parsed once, when they are
written, into ``normalised.json`` (plain trees, read as JSON: no code); :func:`parse` takes
an expression from there and loads sympy only for one it does not hold (a user's own
pack). ``tests/test_expressions.py`` fails when the file is not what sympy makes of the
packs now; ``python -m checker.knowledge.expressions.normalised`` writes it again.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources

from checker.knowledge.expressions.trees import OPERATORS, Constraint, Relation, constraint, from_data, to_data

TABLE = "normalised.json"


@lru_cache(maxsize=1024)
def parse(text: str) -> Constraint:
    """A constraint; raise ExpressionError saying what is not in the language."""
    found = table().get(text)
    if found is not None:
        return found
    from checker.knowledge.expressions.language import parse as normalise  # sympy

    return normalise(text)


@cache
def table() -> dict[str, Constraint]:
    """The bundled expressions and their relations; empty if the file is missing or not well formed
    (then sympy parses each: slower, the same result)."""
    try:
        data = json.loads(resources.files(__package__).joinpath(TABLE).read_text(encoding="utf-8"))
        return {text: constraint(text, _relations(rows)) for text, rows in data["expressions"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _relations(rows: list) -> tuple[Relation, ...]:
    if not rows or any(not isinstance(r, list) or len(r) != 2 or r[0] not in OPERATORS for r in rows):
        raise ValueError("a relation is [operator, tree]")
    return tuple(Relation(op, from_data(tree)) for op, tree in rows)


def build() -> dict:
    """What sympy makes of every constraint expression of the bundled packs (the file's contents)."""
    from checker.knowledge.expressions.language import parse as normalise
    from checker.knowledge.loading import load_builtin

    texts = sorted({t for pack in load_builtin() for c in pack.constraints for t in (c.expr, c.when) if t})
    return {"expressions": {t: [[r.op, to_data(r.expr)] for r in normalise(t).relations] for t in texts}}


def _json(data: dict) -> str:
    """One expression a line, so that a pack's change shows as a change of its lines."""
    rows = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(data["expressions"].items()))
    return '{"expressions": {\n' + rows + "\n}}\n"


def main() -> None:
    path = resources.files(__package__).joinpath(TABLE)
    with resources.as_file(path) as file:
        file.write_text(_json(build()), encoding="utf-8")
        print(f"wrote {file}")


if __name__ == "__main__":
    main()
