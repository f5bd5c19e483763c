"""User packs and house facts named by the project configuration reach the rules."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app

FACTS = """\
description: Dates our newsroom has confirmed.
facts:
  events:
    - entity: Acme bridge
      event: opening
      date: 2019-05-03
"""


def test_house_facts_from_the_configuration_are_checked(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "facts.yaml").write_text(FACTS)
    (tmp_path / "pyproject.toml").write_text('[tool.chronolint]\nfacts = ["facts.yaml"]\n')
    (tmp_path / "a.md").write_text("The Acme bridge opened on May 5, 2019, to great fanfare.\n")
    (tmp_path / "b.md").write_text("The Acme bridge opened on May 3, 2019, to great fanfare.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "a.md", "b.md", "--format", "json"])
    facts = [f for f in json.loads(result.stdout) if f["rule"] == "facts/contradiction"]
    assert [f["path"] for f in facts] == ["a.md"]
    assert "May 3, 2019" in facts[0]["message"]


def test_without_the_facts_file_nothing_is_known(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.md").write_text("The Acme bridge opened on May 5, 2019, to great fanfare.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "a.md", "--format", "json"])
    assert json.loads(result.stdout) == []
