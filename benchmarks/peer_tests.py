"""Recall and false positives on other checkers' own date examples (../shared/data/peer-tests).

The examples are LanguageTool's English date rules and textlint's weekday rule, each a short
text labelled ``error`` with the span the peer marks (see that folder's SOURCE.md; read at run
time, never copied). Conventions, from SOURCE.md and issue 12:

- yearless weekday rows (``DATE_WEEKDAY_WITHOUT_YEAR`` and every textlint row, some of which
  are yearless) are checked with the publication date 2014-09-01, so a yearless date falls in
  2014, the peer's "current year" (2014 shares 2025's calendar, textlint's pinned year);
- ``DATE_FUTURE_VERB_PAST`` and ``DATE_NEW_YEAR`` are checked with 2014-01-01, the "today"
  LanguageTool's own tests pin;
- the date-independent rows (``DATE_WEEKDAY``, ``INVALID_DATE``, ``YEAR_20001``) have none.

An error example is found when a warning or error finding overlaps its span; a correct
example with any warning or error finding is a false positive. ``DATE_NEW_YEAR`` flags a date
of last year written in January (a guess that the writer forgot the new year): that is no
inconsistency in the text, so it is scored but kept out of the in-scope total.

Each example is written to its own file, one folder per publication-date group, and each
group is checked by one ``chronolint check FOLDER --format json --no-cache`` (three runs).

    python benchmarks/peer_tests.py [--cli CMD] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import data_root  # noqa: E402

SCORED = ("warning", "error")
OUT_OF_SCOPE = {"LT DATE_NEW_YEAR"}
# Correct-labelled rows that SOURCE.md ("Odd examples") itself says are wrong as dates: a
# weekday wrong under both d/m and m/d readings (1), a wrong weekday the peer rule skips (2),
# and a future-tense plan for a date already past under the pinned "today" (3). A finding on
# one of these is listed apart, as a disputed label, not as a false positive.
DISPUTED_TEXT = ("will inform the client on", "we will inform the client.")
DISPUTED_LINES = {"lt-089", "lt-090", "lt-129", "lt-130", "lt-133", "lt-134", "lt-166", "lt-167", "lt-170", "lt-171"}


def disputed(ex: Example) -> bool:
    return ex.key in DISPUTED_LINES or any(t in ex.text for t in DISPUTED_TEXT)


@dataclass(frozen=True)
class Example:
    key: str  # file stem, e.g. lt-107 (the 1-based line of the source file)
    rule: str
    family: str
    text: str
    error: bool
    span: tuple[int, int] | None
    published: str | None


def family_of(source: str, rule: str, text: str) -> str:
    if source == "lt":
        return "LT " + rule.split("[", 1)[0]
    return "textlint " + ("en" if text.isascii() else "ja")


def published_for(source: str, rule: str) -> str | None:
    base = rule.split("[", 1)[0]
    if source == "tl" or base == "DATE_WEEKDAY_WITHOUT_YEAR":
        return "2014-09-01"
    if base in ("DATE_FUTURE_VERB_PAST", "DATE_NEW_YEAR"):
        return "2014-01-01"
    return None


def load(folder: Path) -> list[Example]:
    out: list[Example] = []
    for source, name in (("lt", "languagetool-date-examples.jsonl"), ("tl", "textlint-weekday-examples.jsonl")):
        for n, line in enumerate((folder / name).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            span = tuple(row["span"]) if row.get("span") else None
            out.append(
                Example(
                    f"{source}-{n:03d}",
                    row["rule"],
                    family_of(source, row["rule"], row["text"]),
                    row["text"],
                    bool(row["error"]),
                    span,
                    published_for(source, row["rule"]),
                )
            )
    return out


def default_cli() -> str:
    beside = Path(sys.executable).with_name("chronolint")
    return str(beside) if beside.exists() else "chronolint"


def run_group(cli: str, examples: list[Example], published: str | None, work: Path) -> dict[str, list[dict]]:
    """Findings per example key, from one check of a folder holding every example of the group."""
    folder = work / (published or "undated")
    folder.mkdir()
    for ex in examples:
        with open(folder / f"{ex.key}.txt", "w", encoding="utf-8", newline="") as fh:
            fh.write(ex.text)
    cmd = [cli, "check", str(folder), "--format", "json", "--no-cache", "--jobs", "1"]
    if published:
        cmd += ["--published", published]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        print(f"  check exited {proc.returncode}: {proc.stderr.strip()[-400:]}", file=sys.stderr)
    findings = json.loads(proc.stdout) if proc.stdout.strip() else []
    per: dict[str, list[dict]] = defaultdict(list)
    for f in findings:
        per[Path(f["path"]).stem].append(f)
    return per


def overlaps(f: dict, span: tuple[int, int]) -> bool:
    start = f.get("offset")
    if start is None:
        return False
    end = f.get("end_offset") or start + 1
    return start < span[1] and span[0] < max(end, start + 1)


def describe(f: dict, text: str) -> str:
    return f"{f['rule']} [{f['severity']}] {text[f['offset'] : f['end_offset']]!r}: {f['message']}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default=default_cli(), help="command that runs the checker")
    parser.add_argument("--verbose", action="store_true", help="print every example's findings")
    opts = parser.parse_args(argv)

    root = data_root()
    if root is None or not (root / "peer-tests").is_dir():
        print("no ../shared/data/peer-tests (set CHRONOLINT_DATA)", file=sys.stderr)
        return 2
    examples = load(root / "peer-tests")
    groups: dict[str | None, list[Example]] = defaultdict(list)
    for ex in examples:
        groups[ex.published].append(ex)

    findings: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="chronolint-peer-") as tmp:
        for published, members in groups.items():
            findings.update(run_group(opts.cli, members, published, Path(tmp)))

    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    fps: list[tuple[Example, list[dict]]] = []
    disputes: list[tuple[Example, list[dict]]] = []
    misses: list[Example] = []
    for ex in examples:
        scored = [f for f in findings.get(ex.key, []) if f.get("severity") in SCORED]
        if opts.verbose:
            print(f"{ex.key} {ex.rule} error={ex.error} published={ex.published} {ex.text!r}")
            for f in findings.get(ex.key, []):
                print(f"    {describe(f, ex.text)}")
        if ex.error:
            totals[ex.family] += 1
            if any(overlaps(f, ex.span) for f in scored):
                hits[ex.family] += 1
            else:
                misses.append(ex)
        else:
            correct[ex.family] += 1
            if scored:
                (disputes if disputed(ex) else fps).append((ex, scored))

    print("recall per family (error examples found / error examples; correct examples; false positives):")
    fp_count = Counter(ex.family for ex, _ in fps)
    print("  (fp excludes the disputed rows listed below)")
    for fam in sorted(set(totals) | set(correct)):
        t, h = totals[fam], hits[fam]
        rate = f"{h / t:.2f}" if t else "  - "
        note = "  (out of scope: no inconsistency in the text)" if fam in OUT_OF_SCOPE else ""
        print(f"  {fam:32} {h:3}/{t:<3} {rate}   correct {correct[fam]:3}  fp {fp_count[fam]}{note}")

    def total(fams: set[str]) -> tuple[int, int]:
        return sum(hits[f] for f in fams), sum(totals[f] for f in fams)

    everything = set(totals)
    english = {f for f in everything if f != "textlint ja"}
    in_scope = english - OUT_OF_SCOPE
    for label, fams in (
        ("overall, all rows", everything),
        ("English rows", english),
        ("English rows, in scope (no DATE_NEW_YEAR)", in_scope),
    ):
        h, t = total(fams)
        print(f"{label}: {h}/{t} = {h / t:.2f}")
    print(
        f"false positives: {len(fps)} of {sum(correct.values())} correct examples "
        f"(in scope: {sum(1 for ex, _ in fps if ex.family not in OUT_OF_SCOPE)}); "
        f"plus {len(disputes)} finding(s) on rows whose 'correct' label SOURCE.md disputes"
    )
    for tag, rows in (("FP", fps), ("DISPUTED", disputes)):
        for ex, fs in rows:
            print(f"  {tag} {ex.key} {ex.rule} (published {ex.published}) {ex.text!r}")
            for f in fs:
                print(f"      {describe(f, ex.text)}")
    print(f"misses: {len(misses)}")
    for ex in misses:
        s, e = ex.span
        print(f"  MISS {ex.key} {ex.rule} (published {ex.published}) {ex.text!r}  span {ex.text[s:e]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
