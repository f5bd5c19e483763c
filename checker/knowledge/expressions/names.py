"""What a constraint expression names, read from its syntax alone.

Loading packs and choosing which constraints can apply only need the event
types an expression mentions; checker.expressions (sympy) is imported only when
an expression is validated or evaluated, which keeps sympy out of most
start-ups.
"""

from __future__ import annotations

import ast
from functools import lru_cache

# The functions of the expression language and their argument counts.
FUNCTIONS = {"date": 3, "day": 1, "days": 1, "month": 1, "weekday": 1, "year": 1, "years": 1}


@lru_cache(maxsize=1024)
def events(text: str) -> frozenset[str]:
    """The event types ``text`` names ("inauguration.date - election.date" -> both); empty when
    it does not parse (validation reports that)."""
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return frozenset()
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    return frozenset(
        n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and id(n) not in called and n.id not in FUNCTIONS
    )
