"""Reporters: findings (and, for HTML, the analyses) rendered for people and machines.

Every format is one module with one function, ``render(report) -> str``, registered in
:data:`FORMATS` and imported only when used. A :class:`Report` carries everything a format
may show; no reporter computes anything a rule decides.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.report.positions import Positions

if TYPE_CHECKING:
    from checker.model import Analysis, Finding

# format name -> module of checker.report whose ``render`` writes it
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json",
    "json-lines": "json_lines",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
}


def _fails_at_warning(finding: Finding) -> bool:
    return finding.severity != "info"


@dataclass(frozen=True)
class Report:
    """One run's findings and what a format needs to place and judge them."""

    findings: Sequence[Finding]
    positions: Positions
    paths: Sequence[str] = ()  # every checked file, with or without findings (JUnit lists them all)
    analyses: Sequence[Analysis] = ()  # the HTML report draws each document's timeline
    fails: Callable[[Finding], bool] = _fails_at_warning  # whether a finding fails the run
    root: str = field(default="")  # the folder CI paths are relative to ("": the git work tree or working folder)
    color: bool = False  # text: terminal colours
    unread: int = 0  # inputs that could not be read (named on stderr): the summary must not sound clean
    notes: Sequence[tuple[str, str]] = ()  # (path, note): publication dates not stated but inferred or taken


def render(name: str, report: Report) -> str:
    """``report`` in the format ``name`` (a key of :data:`FORMATS`)."""
    module = importlib.import_module(f"checker.report.{FORMATS[name]}")
    return module.render(report)
