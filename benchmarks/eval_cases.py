"""Recall and false positives on the independent hand-written cases (../shared/eval).

Runs ``../shared/eval/run_cases.py`` (read at run time, never copied) against this
project's command line, one ``check`` process per case, and prints its per-rule
recall, its false positives per trap category and a one-line summary.

    python benchmarks/eval_cases.py [--only ID_SUBSTRING] [--verbose] [--cli CMD] [--workers N]

The default command is the ``chronolint`` beside the running interpreter (the
venv's). Prints numbers; exits 0 whatever the score (2 when the suite is missing).
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import data_root  # noqa: E402


def default_cli() -> str:
    beside = Path(sys.executable).with_name("chronolint")
    return str(beside) if beside.exists() else "chronolint"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default=default_cli(), help="command that runs the checker")
    parser.add_argument("--only", metavar="ID_SUBSTRING", help="only the cases whose id contains this")
    parser.add_argument("--verbose", action="store_true", help="print every case and its findings")
    parser.add_argument("--workers", type=int, default=1, help="cases run at once (default 1)")
    parser.add_argument("--args", default="--jobs 1 --no-cache", help="extra `check` arguments")
    parser.add_argument("--eval-dir", type=Path, default=None, help="folder of run_cases.py and cases.yaml")
    opts = parser.parse_args(argv)

    root = data_root()
    folder = opts.eval_dir or (root.parent / "eval" if root else None)
    if folder is None or not (folder / "run_cases.py").is_file():
        print("no ../shared/eval/run_cases.py (set CHRONOLINT_DATA or --eval-dir)", file=sys.stderr)
        return 2
    cmd = [
        sys.executable,
        str(folder / "run_cases.py"),
        "--cli",
        opts.cli,
        "--args",
        opts.args,
        "--workers",
        str(opts.workers),
    ]
    if opts.only:
        cmd += ["--only", opts.only]
    if opts.verbose:
        cmd.append("--verbose")
    print("$ " + " ".join(shlex.quote(c) for c in cmd), flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    if proc.stderr.strip():
        sys.stderr.write(proc.stderr)
    summary = re.search(r"^recall=([\d.]+) \((\d+)/(\d+)\) fp=(\d+) cases=(\d+)$", proc.stdout, re.M)
    if summary:
        recall, hits, total, fps, cases = summary.groups()
        print(f"\neval cases: recall {hits}/{total} = {float(recall):.2f}, {fps} false positive(s), {cases} cases")
    else:
        print(f"\nno summary line from run_cases.py (exit {proc.returncode})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
