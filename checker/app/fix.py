"""``check --fix``: apply the fixes that follow from the text alone, or show them as a diff.

Only ``certain`` fixes are applied (a weekday corrected from a fully written date), never a
guess ("Former President" is an editor's call). Fixes are applied from the end of each file
so earlier offsets hold; one that overlaps another is left for the next run. A file is
written back only if it still holds what was checked, in its own encoding and byte-order
mark; standard input, URLs and DOCX (whose source is rebuilt from the document) are not
written.
"""

from __future__ import annotations

import codecs
import difflib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from checker.model import Finding, Fix
from checker.source import InputError, decode, is_url

UNWRITABLE_FORMATS = (".docx",)


@dataclass(frozen=True)
class Fixed:
    """One file's new text and the findings whose fixes made it."""

    path: str
    before: str
    after: str
    findings: tuple[Finding, ...]

    def diff(self) -> str:
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"a/{self.path}", tofile=f"b/{self.path}",
        )  # fmt: skip
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def fixable(path: str) -> bool:
    """Whether a checked input can be written back."""
    return path != "-" and not is_url(path) and not path.lower().endswith(UNWRITABLE_FORMATS)


def apply_fixes(source: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """``source`` with the non-overlapping ``fixes`` applied, and the ones applied."""
    applied: list[Fix] = []
    start_of_last = len(source) + 1
    text = source
    for fix in sorted(fixes, key=lambda f: (f.span.start, f.span.end), reverse=True):
        if fix.span.end > start_of_last or fix.span.end > len(source):
            continue
        text = text[: fix.span.start] + fix.replacement + text[fix.span.end :]
        start_of_last = fix.span.start
        applied.append(fix)
    return text, applied


def plan(findings: Sequence[Finding], sources: Mapping[str, str]) -> list[Fixed]:
    """The files the certain fixes change, in path order."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        fix = finding.fix
        if fix is not None and fix.certain and fix.span.path == finding.span.path and fixable(finding.span.path):
            by_path.setdefault(finding.span.path, []).append(finding)
    fixed = []
    for path in sorted(by_path):
        after, applied = apply_fixes(sources[path], [f.fix for f in by_path[path] if f.fix])
        done = tuple(f for f in by_path[path] if f.fix in applied)
        if done:
            fixed.append(Fixed(path, sources[path], after, done))
    return fixed


def write(fixed: Fixed) -> None:
    """Write a fixed file back in its encoding; an InputError when it changed since it was checked."""
    try:
        with open(fixed.path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise InputError(fixed.path, f"cannot read it again to fix it: {e.strerror or e}") from None
    if decode(data, fixed.path) != fixed.before:
        raise InputError(fixed.path, "changed since it was checked, not fixed")
    bom, codec = _encoding(data)
    tmp = f"{fixed.path}.chronolint-fix"
    try:
        with open(tmp, "wb") as f:
            f.write(bom + fixed.after.encode(codec))
        os.replace(tmp, fixed.path)
    except OSError as e:
        raise InputError(fixed.path, f"cannot write the fix: {e.strerror or e}") from None


def _encoding(data: bytes) -> tuple[bytes, str]:
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return bom, codec
    return (codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""), "utf-8"
