"""The rule catalogue (rules/catalogue.yaml) and each rule's documentation (docs/rules)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from checker.model import Severity
from checker.resources import packs_dir, rule_docs_dir


@dataclass(frozen=True)
class RuleInfo:
    id: str
    severity: Severity
    summary: str


@lru_cache(maxsize=None)
def catalogue() -> dict[str, RuleInfo]:
    """Every rule id known to the engine, in catalogue order."""
    raw = yaml.safe_load(packs_dir().joinpath("catalogue.yaml").read_text("utf-8"))
    return {r["id"]: RuleInfo(r["id"], r["severity"], r["summary"]) for r in raw["rules"]}


def documentation(rule_id: str) -> str | None:
    """The Markdown page of a rule, or None for an unknown id."""
    if rule_id not in catalogue():
        return None
    page = rule_docs_dir()
    for part in f"{rule_id}.md".split("/"):
        page = page.joinpath(part)
    return page.read_text("utf-8") if page.is_file() else None
