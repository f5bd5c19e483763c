"""Report only what a change adds: ``--diff REF`` (lines changed since a git ref) and
``--baseline FILE`` (findings accepted earlier, from ``--format json``).

``git diff -U0 REF -- FILE`` lists the changed lines of a tracked file; a file
git does not track is new, so all its lines count as changed. A finding counts
as changed when any line of its span is. Baseline entries are matched by file,
rule and message (not by line, which moves as text is added above), each entry
accepting one finding.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections import Counter
from collections.abc import Iterable, Sequence

from checker.model import Finding
from checker.report.positions import Positions

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)
ALL_LINES = None


class DiffError(Exception):
    """git could not compare against the ref, or the baseline cannot be read; ``str()`` says why."""


def _git(folder: str, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=folder, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False,
        )  # fmt: skip
    except FileNotFoundError:
        raise DiffError("--diff needs git, which is not installed") from None


def hunk_lines(diff: str) -> set[int]:
    """New-side line numbers of ``git diff -U0`` hunks (a count of 0 is a pure deletion)."""
    lines: set[int] = set()
    for m in _HUNK.finditer(diff):
        start, count = int(m[1]), 1 if m[2] is None else int(m[2])
        lines.update(range(start, start + count))
    return lines


def commit_of(folder: str, ref: str) -> str:
    """The commit ``ref`` names, as a hash: what reaches ``git diff`` is never an option
    (``--diff=--output=FILE`` would make git write FILE)."""
    if ref.startswith("-") or not ref.strip():
        raise DiffError(f"--diff {ref!r}: not a git ref")
    result = _git(folder, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    commit = result.stdout.strip()
    if result.returncode != 0 or not re.fullmatch(r"[0-9a-f]{40,64}", commit):
        raise DiffError(f"--diff {ref}: not a commit git knows here")
    return commit


def changed_lines(path: str, ref: str) -> set[int] | None:
    """Lines of ``path`` changed since ``ref``; None (every line) for a file git does not track."""
    folder, name = os.path.split(os.path.abspath(path))
    if _git(folder, "ls-files", "--error-unmatch", "--", name).returncode != 0:
        return ALL_LINES
    result = _git(folder, "diff", "-U0", "--no-color", "--no-ext-diff", commit_of(folder, ref), "--", name)
    if result.returncode != 0:
        message = result.stderr.strip().splitlines()[0] if result.stderr.strip() else "git diff failed"
        raise DiffError(f"--diff {ref}: {message}")
    return hunk_lines(result.stdout)


def _touches(finding: Finding, lines: set[int] | None, positions: Positions) -> bool:
    if lines is ALL_LINES:
        return True
    region = positions.region(finding.span)
    return any(n in lines for n in range(region["line"], region["end_line"] + 1))


def only_changed(findings: Sequence[Finding], ref: str, positions: Positions) -> list[Finding]:
    """The findings on lines changed since ``ref`` (standard input counts as all new)."""
    by_path: dict[str, set[int] | None] = {}
    kept = []
    for finding in findings:
        path = finding.span.path
        if path not in by_path:
            by_path[path] = ALL_LINES if path == "-" or not os.path.isfile(path) else changed_lines(path, ref)
        if _touches(finding, by_path[path], positions):
            kept.append(finding)
    return kept


def _key(path: str, rule: str, message: str) -> tuple[str, str, str]:
    return (os.path.normpath(path), rule, message)


def load_baseline(file: str) -> Counter[tuple[str, str, str]]:
    """The accepted findings of a ``--format json`` output, counted by (path, rule, message)."""
    try:
        with open(file, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        raise DiffError(f"{file}: cannot read baseline: {e.strerror or e}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise DiffError(f"{file}: not a JSON baseline: {e}") from None
    if not isinstance(data, list) or not all(
        isinstance(d, dict) and all(isinstance(d.get(k), str) for k in ("path", "rule", "message")) for d in data
    ):
        raise DiffError(f"{file}: a baseline is the JSON array `chronolint check --format json` prints")
    return Counter(_key(d["path"], d["rule"], d["message"]) for d in data)


def without_baseline(findings: Iterable[Finding], baseline: Counter[tuple[str, str, str]]) -> list[Finding]:
    """The findings the baseline does not account for."""
    left = Counter(baseline)
    kept = []
    for finding in findings:
        key = _key(finding.span.path, finding.rule, finding.message)
        if left[key] > 0:
            left[key] -= 1
        else:
            kept.append(finding)
    return kept
