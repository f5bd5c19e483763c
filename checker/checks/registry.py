"""The rule registry: every rule declared once, like ruff's.

A check module declares each rule it reports with :func:`rule` (id, default severity,
one-line summary) and registers the function that finds them with :func:`check`:

    WEEKDAY = rule("calendar/weekday-mismatch", "error", "A weekday stated with a date it does not fall on.")

    @check(WEEKDAY)
    def weekday_mismatches(analysis: Analysis) -> Iterator[Finding]:
        ...
        yield WEEKDAY.finding(message, span, fix=fix)

The id is typed once, in the declaration; findings are made through it. ``chronolint rules``,
``explain``, the configuration's rule selectors, SARIF's rule list and the engine all read
this registry, and the tests check that every rule has its page in ``docs/rules/<id>.md``.
Check modules are found by walking this package, so a new module needs no other edit.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from checker.model import Finding, Fix, Related, Severity, Span
from checker.resources import rule_docs_dir

if TYPE_CHECKING:
    from checker.knowledge.model import Pack
    from checker.model import Analysis

Scope = Literal["document", "knowledge", "corpus", "meta"]


@dataclass(frozen=True)
class Rule:
    """A rule id (a public contract), its default severity and its summary."""

    id: str
    severity: Severity
    summary: str

    def finding(
        self, message: str, span: Span, *, severity: Severity | None = None, related: Iterable[Related] = (),
        fix: Fix | None = None,
    ) -> Finding:  # fmt: skip
        """A finding of this rule (at its default severity unless one is given)."""
        return Finding(self.id, severity or self.severity, message, span, tuple(related), fix)


DocumentCheck = Callable[["Analysis"], Iterable[Finding]]
KnowledgeCheck = Callable[["Analysis", "Pack"], Iterable[Finding]]
CorpusCheck = Callable[[Sequence["Analysis"], "Pack"], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """A function that reports ``rules``: over one analysis (``document``), one analysis and the
    packs (``knowledge``), or every analysis of the run at once (``corpus``)."""

    rules: tuple[Rule, ...]
    scope: Scope
    function: Callable[..., Iterable[Finding]]


_RULES: dict[str, Rule] = {}
_CHECKS: list[Check] = []


def rule(rule_id: str, severity: Severity, summary: str) -> Rule:
    """Declare a rule; an id declared twice is a programming error."""
    if rule_id in _RULES:
        raise ValueError(f"rule {rule_id!r} is declared twice")
    declared = _RULES[rule_id] = Rule(rule_id, severity, summary)
    return declared


def check(*rules: Rule, scope: Scope = "document") -> Callable[[Callable[..., Iterable[Finding]]], Callable]:
    """Register the decorated function as the check that reports ``rules``."""

    def register(function: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        _CHECKS.append(Check(rules, scope, function))
        return function

    return register


@lru_cache(maxsize=1)
def _loaded() -> None:
    """Import every module of checker.checks, so each declares its rules."""
    import checker.checks

    for module in pkgutil.iter_modules(checker.checks.__path__):
        importlib.import_module(f"checker.checks.{module.name}")


def rules() -> dict[str, Rule]:
    """Every rule, by id, sorted by id."""
    _loaded()
    return {rule_id: _RULES[rule_id] for rule_id in sorted(_RULES)}


def checks() -> list[Check]:
    """Every registered check, in the order the modules declared them."""
    _loaded()
    return list(_CHECKS)


def documentation(rule_id: str) -> str | None:
    """The Markdown page of a rule (``docs/rules/<id>.md``), or None for an unknown id."""
    if rule_id not in rules():
        return None
    page = rule_docs_dir()
    for part in f"{rule_id}.md".split("/"):
        page = page.joinpath(part)
    return page.read_text("utf-8") if page.is_file() else None
