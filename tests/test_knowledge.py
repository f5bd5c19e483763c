"""User packs and house facts named by the project configuration reach the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.knowledge.yaml_lines import PackError

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


def test_a_long_running_process_reads_an_edited_facts_file_again(tmp_path: Path) -> None:
    """The language server and the HTTP server keep one process: a fact corrected in place
    (same size, same modification time) is what the next check uses; an unchanged file is
    not read into a new pack."""
    import os
    from datetime import date

    from checker import engine
    from checker.options import Knowledge, Options
    from checker.source import read_text

    facts = tmp_path / "facts.yaml"
    facts.write_text("facts:\n  events:\n    - {entity: Pell Lock, event: opening, date: 2008-10-14}\n")
    spec = Knowledge(facts=(str(facts),))
    text = read_text("The Pell Lock opened on October 15, 2008.", published=date(2012, 1, 1))

    def flagged() -> list[str]:
        analyses = engine.analyze([text], Options(knowledge=spec))
        return [f.rule for f in engine.findings(analyses, spec=spec) if f.rule == "facts/contradiction"]

    assert flagged() == ["facts/contradiction"]
    assert engine.knowledge(spec) is engine.knowledge(spec)
    stat = os.stat(facts)
    facts.write_text(facts.read_text().replace("10-14", "10-15"))
    os.utime(facts, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert flagged() == []
    facts.unlink()
    with pytest.raises(PackError, match="facts.yaml"):  # removed: the loader's error, not a stale pack
        engine.knowledge(spec)
