"""The rule registry is the one declaration of every rule: pages, listings and findings agree with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker import engine
from checker.checks import registry
from checker.cli import app
from checker.source import read_text

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


def test_every_rule_has_its_page_and_every_page_its_rule() -> None:
    pages = {str(p.relative_to(DOCS).with_suffix("")) for p in DOCS.rglob("*.md")}
    assert pages == set(registry.rules())


def test_each_page_is_titled_with_its_id_and_default_severity() -> None:
    for rule in registry.rules().values():
        page = registry.documentation(rule.id)
        assert page is not None and page.startswith(f"# {rule.id}\n"), rule.id
        assert f"**Default severity:** {rule.severity}" in page, rule.id


def test_the_rules_command_lists_the_registry() -> None:
    listed = CliRunner().invoke(app, ["rules"]).stdout.split("\n\npack ")[0].splitlines()
    assert [line.split()[0] for line in listed] == list(registry.rules())
    for line, rule in zip(listed, registry.rules().values()):
        assert line.split(None, 2)[1:] == [rule.severity, rule.summary]


def test_every_check_reports_declared_rules_only() -> None:
    declared = set(registry.rules().values())
    for check in registry.checks():
        assert check.rules and set(check.rules) <= declared, check.function.__name__


def test_a_rule_cannot_be_declared_twice() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        registry.rule("calendar/invalid-date", "error", "again")


def test_findings_carry_a_registered_id() -> None:
    text = "On Monday, March 4, 2025, the council met. The deadline was February 30, 2025.\n"
    found = engine.findings(engine.analyze([read_text(text)]))
    assert {f.rule for f in found} == {"calendar/weekday-mismatch", "calendar/invalid-date"}
    assert {f.rule for f in found} <= set(registry.rules())


def test_every_engine_package_is_in_the_wheel() -> None:
    """pyproject lists the packages by hand (two are folders outside checker/): none may be missing."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(root).parts) for p in (root / "checker").rglob("__init__.py")}
    assert found <= listed
