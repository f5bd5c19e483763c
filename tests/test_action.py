"""The composite GitHub Action: its shape, and its check step run as the runner would run it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_a_composite_action_that_installs_checks_and_uploads_sarif():
    assert ACTION["runs"]["using"] == "composite"
    steps = ACTION["runs"]["steps"]
    assert [s.get("uses", s.get("name")) for s in steps] == [
        "actions/setup-python@v5", "Install chronolint", "Check", "github/codeql-action/upload-sarif@v3",
        "Fail on findings",
    ]  # fmt: skip
    assert set(ACTION["inputs"]) == {"paths", "args", "install", "python-version", "sarif", "sarif-file"}
    for step in steps:  # inputs reach scripts through the environment, never pasted into the code
        assert "${{" not in step.get("run", ""), step["name"]
    install = next(s for s in steps if s.get("name") == "Install chronolint")["run"]
    assert '"$ACTION_PATH"' in install and '"$INSTALL"' in install


def test_the_check_step_annotates_writes_sarif_and_reports_the_exit_code(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("---\ndate: 2025-03-10\n---\nOn Monday, March 4, 2025, they met.\n")
    output = tmp_path / "github_output"
    env = {**os.environ, "PATHS": "docs", "ARGS": "--no-cache --fail-on error", "SARIF": "true",
           "SARIF_FILE": "out.sarif", "GITHUB_OUTPUT": str(output),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}  # fmt: skip
    done = subprocess.run(["bash", str(ROOT / ".github" / "chronolint-action.sh")], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert re.search(r"^::error file=docs/a.md,line=4,.*calendar/weekday-mismatch", done.stdout, re.MULTILINE)
    assert '"ruleId": "calendar/weekday-mismatch"' in (tmp_path / "out.sarif").read_text()
    assert output.read_text() == "exit-code=1\n"
