"""The ``chronolint`` command: check, extract, rules, explain.

``check`` reads each file with its nearest configuration (checker.config),
runs the enabled rules, drops what inline directives suppress
(checker.suppress) and, with ``--diff``/``--baseline``, what a change did not
add (checker.diff), then writes one of the report formats.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings; 2 usage, configuration
or input error (named on stderr; after an input error the other files are still checked).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer
from typer.core import TyperGroup

from checker import __version__
from checker.options import DEFAULT_CACHE_DIR, DEFAULT_MAX_FILE_SIZE

if TYPE_CHECKING:  # the stages load when a command runs, not for --help (cold start)
    from checker.app.session import Result
    from checker.source import InputError

BOOLEAN_WORDS = {**dict.fromkeys(("true", "yes", "on", "1"), True), **dict.fromkeys(("false", "no", "off", "0"), False)}
BOOLEAN_FLAGS = ("--exit-zero", "--no-cache", "--fix", "--dry-run")


def flag_values(args: list[str]) -> list[str]:
    """``--exit-zero true``, ``--exit-zero=false``: a flag followed by a yes/no word takes it as its
    value, as CI templates write it, rather than reading ``true`` as a path."""
    out: list[str] = []
    i = 0
    while i < len(args):
        name, eq, value = args[i].partition("=")
        if args[i] == "--":
            out += args[i:]
            break
        if name in BOOLEAN_FLAGS and eq and value.lower() in BOOLEAN_WORDS:
            out += [name] if BOOLEAN_WORDS[value.lower()] else []
            i += 1
        elif args[i] in BOOLEAN_FLAGS and i + 1 < len(args) and args[i + 1].lower() in BOOLEAN_WORDS:
            out += [args[i]] if BOOLEAN_WORDS[args[i + 1].lower()] else []
            i += 2
        else:
            out.append(args[i])
            i += 1
    return out


class _Group(TyperGroup):
    """The command group, with yes/no values for flags (:func:`flag_values`)."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:  # noqa: ANN001 - click's signature
        return super().parse_args(ctx, flag_values(list(args)))


app = typer.Typer(
    cls=_Group,
    name="chronolint",
    help="Checks the dates a text states against each other, the calendar and its publication date.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # click's plain help: typer's rich help imports rich.markdown, a third of --help
)

HANDFUL = 8  # more files than this get a progress bar (on a terminal)


class Format(str, Enum):
    text = "text"
    json = "json"
    json_lines = "json-lines"
    sarif = "sarif"
    github = "github"
    junit = "junit"
    html = "html"


class ExtractFormat(str, Enum):
    text = "text"
    json = "json"


class Level(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class DateOrder(str, Enum):
    us = "us"
    international = "international"


def _published(value: str | None, date_order: DateOrder | None) -> date | None:
    """``--published``: ``today`` or a date in any form metadata may use, read under ``--date-order``."""
    from checker.source.dates import DateError, option_date

    if value is None:
        return None
    try:
        return option_date(value, date_order.value if date_order else "us")
    except DateError as e:
        raise typer.BadParameter(str(e), param_hint="'--published'") from None


def _selectors(values: list[str] | None, option: str) -> tuple[str, ...] | None:
    """``--select a,b --select c``: rule ids or pack prefixes, each known."""
    from checker.app.config import unknown_selectors

    if values is None:
        return None
    selectors = tuple(s.strip() for v in values for s in v.split(",") if s.strip())
    unknown = unknown_selectors(selectors)
    if unknown:
        raise typer.BadParameter(f"unknown rule or pack {unknown[0]!r} (see `chronolint rules`)", param_hint=option)
    return selectors


PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files or folders to check (in folders: .md, .markdown, .txt, or the configuration's include); "
        "'-' reads standard input; URLs such as s3://bucket/docs or gs://... are read through fsspec "
        "(pip install 'chronolint[remote]' and the protocol's package, e.g. s3fs)."
    ),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published", metavar="DATE",
        help="Publication date (2024-12-20, 20/12/2024 under --date-order, December 20, 2024, today); "
        "else the metadata's date, else a date in the file name, else none.",
    ),
]  # fmt: skip
SelectOpt = Annotated[
    list[str] | None,
    typer.Option("--select", metavar="RULES", help="Check only these rules or packs (comma-separated; replaces the "
                 "configuration's select)."),
]  # fmt: skip
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option("--ignore", metavar="RULES", help="Do not check these rules or packs (comma-separated; added to the "
                 "configuration's ignore)."),
]  # fmt: skip
DateOrderOpt = Annotated[
    DateOrder | None,
    typer.Option(
        "--date-order",
        help="How to read 01/05/2024: us (January 5) or international (1 May). "
        "Unstated, January 5 with 1 May possible: such a date is flagged only when both readings are wrong.",
    ),
]
ConfigOpt = Annotated[
    str | None,
    typer.Option("--config", metavar="FILE", help="Use this configuration for every file instead of the nearest one."),
]
_SIZE = re.compile(r"(\d+)\s*([kmg]?)i?b?", re.IGNORECASE)


def _byte_size(value: str | int) -> int:
    """``5242880``, ``512k``, ``10MB`` or ``1GiB`` as bytes (k, M, G are powers of 1024)."""
    match = _SIZE.fullmatch(str(value).strip())
    if match is None:
        raise typer.BadParameter(f"{value!r} is not a size such as 5000000, 512k or 10MB")
    return int(match[1]) * 1024 ** " kmg".index(match[2].lower() or " ")


MaxFileSizeOpt = Annotated[
    int,
    typer.Option(
        "--max-file-size", metavar="SIZE", parser=_byte_size,
        help="Refuse files larger than SIZE bytes (512k, 10MB...); the others are still checked.",
    ),
]  # fmt: skip
StdinNameOpt = Annotated[
    str | None,
    typer.Option(
        "--stdin-filename", metavar="NAME", help="Name for standard input: its format, configuration and reported path."
    ),
]


def _error(message: str) -> None:
    """One unwrapped line on stderr, so editors and CI logs can parse it (control characters and
    terminal escapes from file names shown, not obeyed)."""
    from checker.report.safe import printable

    print(f"chronolint: {printable(message)}", file=sys.stderr)


def _input_error(error: InputError) -> None:
    _error(f"{error.path}: {error}")


def _warning(path: str, message: str) -> None:
    _error(f"{path}: warning: {message}")


@contextmanager
def _progress(total: int) -> Iterator[Callable[[str, int], None]]:
    """``advance(phase, n)`` drives a bar on stderr when it is a terminal and the run is long
    (rich.progress is imported only then)."""
    if total <= HANDFUL or not sys.stderr.isatty():
        yield lambda phase, n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description:<9}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        tasks = {phase: bar.add_task(phase, total=total) for phase in ("Reading", "Checking")}
        yield lambda phase, n: bar.advance(tasks[phase], n)


def _emit(output_format: Format, result: Result, output: str | None) -> None:
    """Write the report to stdout, or to ``output`` and say so on stderr."""
    from rich.console import Console

    from checker.app import output as output_to
    from checker.report import Report, render

    report = Report(
        result.findings, result.positions, [d.path for d in result.inputs.documents], result.analyses or (),
        result.fails, color=output is None and Console().is_terminal, unread=result.inputs.errors,
        notes=result.published_notes(),
    )  # fmt: skip
    rendered = render(output_format.value, report)
    try:
        if output is None:
            output_to.write_stdout(rendered)
        else:
            output_to.write_file(output, rendered)
    except output_to.OutputError as e:
        _error(str(e))
        raise typer.Exit(2) from None
    if output is None:
        return
    count = f"{len(result.findings)} finding{'s' if len(result.findings) != 1 else ''}"
    _error(f"wrote the {output_format.value} report ({count}) to {output}")


@app.command()
def check(
    paths: PathsArg,
    published: PublishedOpt = None,
    output_format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout.")
    ] = None,
    fail_on: Annotated[
        Level | None,
        typer.Option(
            "--fail-on", help="Lowest severity that makes the exit code 1 (default: the config's, else warning)."
        ),
    ] = None,
    date_order: DateOrderOpt = None,
    config_file: ConfigOpt = None,
    diff_ref: Annotated[
        str | None,
        typer.Option(
            "--diff", metavar="REF", help="Report only findings on lines changed since git REF (e.g. origin/main)."
        ),
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option(
            "--baseline", metavar="FILE", help="Ignore the findings listed in FILE (an earlier --format json)."
        ),
    ] = None,
    stdin_filename: StdinNameOpt = None,
    max_file_size: MaxFileSizeOpt = DEFAULT_MAX_FILE_SIZE,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes for the analysis (default and most: the cores)."),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the analysis cache.")] = False,
    cache_dir: Annotated[
        str, typer.Option("--cache-dir", metavar="DIR", help="Where the analysis cache lives.")
    ] = DEFAULT_CACHE_DIR,
    dask_scheduler: Annotated[
        str | None,
        typer.Option(
            "--dask-scheduler",
            metavar="ADDRESS",
            help="Analyse on a Dask cluster (needs the chronolint[dask] extra), e.g. tcp://10.0.0.5:8786.",
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero",
            help="Exit 0 even when there are findings (input errors still exit 2); "
            "`--exit-zero true|false` is read as the flag's value.",
        ),
    ] = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix", help="Apply the fixes that follow from the text alone (a wrong weekday) and report what is left."
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="With --fix: print the changes as a diff instead of writing them.")
    ] = False,
) -> None:
    """Check files for dates that contradict each other, the calendar or the publication date."""
    from checker.app import output as output_to
    from checker.app import runner
    from checker.app.config import ConfigError
    from checker.app.diff import DiffError
    from checker.app.distributed import ClusterError
    from checker.app.session import Session, Settings
    from checker.app.tasks import RunError

    if dry_run and not fix:
        raise typer.BadParameter("goes only with --fix", param_hint="'--dry-run'")
    settings = Settings(
        published=_published(published, date_order), date_order=date_order.value if date_order else None,
        config_file=config_file, stdin_filename=stdin_filename, max_file_size=max_file_size,
        jobs=runner.capped_jobs(jobs), no_cache=no_cache, cache_dir=cache_dir, scheduler=dask_scheduler,
        diff_ref=diff_ref, baseline=baseline, fail_on=fail_on.value if fail_on else None,
        select=_selectors(select, "'--select'"), ignore=_selectors(ignore, "'--ignore'") or (),
    )  # fmt: skip
    try:
        session = Session(paths, settings, on_error=_input_error, progress=_progress, on_warning=_warning)
        if output is not None:
            output_to.refuse_inputs(output, session.candidates)
        result = session.check(
            need_analyses=output_format is Format.html, quick=output_format not in (Format.html, Format.junit)
        )
    except (ConfigError, DiffError, ClusterError, RunError, output_to.OutputError) as e:
        _error(str(e))
        raise typer.Exit(2) from None
    if fix:
        result = _fix(result, dry_run)
    if not (fix and dry_run):
        _emit(output_format, result, output)
    if result.inputs.errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if any(map(result.fails, result.findings)) and not exit_zero else 0)


def _fix(result: Result, dry_run: bool) -> Result:
    """Apply (or, dry, print as a diff) the certain fixes; the result keeps the findings not fixed."""
    from checker.app import fix as fixes
    from checker.model import Finding
    from checker.source import InputError

    planned = fixes.plan(result.findings, {d.path: d.source for d in result.inputs.documents})
    count = sum(len(p.findings) for p in planned)
    files = f"{len(planned)} file{'s' if len(planned) != 1 else ''}"
    if dry_run:
        sys.stdout.write("".join(p.diff() for p in planned))
        _error(f"would fix {count} finding{'s' if count != 1 else ''} in {files} (run --fix without --dry-run)")
        return result
    if not planned:
        _error("nothing to fix: no finding has a certain fix")
        return result
    done: set[Finding] = set()
    errors = 0
    for fixed in planned:
        try:
            fixes.write(fixed)
            done.update(fixed.findings)
        except InputError as error:
            _input_error(error)
            errors += 1
    _error(f"fixed {len(done)} finding{'s' if len(done) != 1 else ''} in {len(planned) - errors} of {files}")
    left = [f for f in result.findings if f not in done]
    inputs = replace(result.inputs, errors=result.inputs.errors + errors)
    return replace(result, findings=left, inputs=inputs)


@app.command()
def extract(
    paths: PathsArg,
    published: PublishedOpt = None,
    output_format: Annotated[ExtractFormat, typer.Option("--format", help="Output format.")] = ExtractFormat.json,
    date_order: DateOrderOpt = None,
    config_file: ConfigOpt = None,
    stdin_filename: StdinNameOpt = None,
    max_file_size: MaxFileSizeOpt = DEFAULT_MAX_FILE_SIZE,
) -> None:
    """Show the analysis behind the findings: time expressions and dated assertions."""
    from rich.console import Console

    from checker.app.config import ConfigError
    from checker.app.session import Session, Settings
    from checker.app.tasks import RunError
    from checker.report.json import extract_record
    from checker.report.text import render_extract_text

    settings = Settings(
        published=_published(published, date_order), date_order=date_order.value if date_order else None,
        config_file=config_file, stdin_filename=stdin_filename, max_file_size=max_file_size,
    )  # fmt: skip
    try:
        analyses, inputs = Session(paths, settings, on_error=_input_error, on_warning=_warning).extract()
    except (ConfigError, RunError) as e:
        _error(str(e))
        raise typer.Exit(2) from None
    if output_format is ExtractFormat.json:
        print(json.dumps([extract_record(a) for a in analyses], indent=2, ensure_ascii=False))
    else:
        console = Console(highlight=False, soft_wrap=True)
        for analysis in analyses:
            render_extract_text(analysis, console)
    raise typer.Exit(2 if inputs.errors else 0)


def _optional(module: str, extra: str, needs: str):
    """A front end that needs an optional extra; without it, how to install it (exit 2)."""
    import importlib

    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as e:
        if not (e.name or "").startswith(needs):
            raise
        _error(f"this command needs {needs}: pip install 'chronolint[{extra}]'")
        raise typer.Exit(2) from None


@app.command()
def lsp() -> None:
    """Run the language server on standard input and output (for editors; see docs/editors.md)."""
    _optional("checker.app.lsp", "lsp", "pygls").serve_stdio()


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port (0: any free one).")] = 8081,
    config_file: ConfigOpt = None,
    max_chars: Annotated[
        int, typer.Option("--max-text-size", min=1, metavar="CHARS", help="Longest text a request may send.")
    ] = 200_000,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds a check may take.")] = 30.0,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Checks run at once.")] = 1,
    queue: Annotated[int, typer.Option("--queue", min=0, help="Checks that may wait (503 beyond).")] = 16,
    verbose: Annotated[bool, typer.Option("--verbose", help="Log every request on stderr.")] = False,
) -> None:
    """Serve LanguageTool's API (/v2/check), a JSON API (/api/check) and a page for editors (/)."""
    from checker.app.config import ConfigError, Resolver, load
    from checker.app.serve import Limits
    from checker.app.serve import serve as run

    try:
        config = load(config_file) if config_file else Resolver().for_path(".")
    except ConfigError as e:
        _error(str(e))
        raise typer.Exit(2) from None
    limits = Limits(max_chars=max_chars, timeout=timeout, workers=workers, queue=queue)
    try:
        run(host, port, config, limits, verbose, ready=lambda s: _error(f"serving on http://{host}:{s.server_port}/"))
    except OSError as e:
        _error(f"cannot listen on {host}:{port}: {e.strerror or e}")
        raise typer.Exit(2) from None


@app.command("rules")
def list_rules(
    output_format: Annotated[ExtractFormat, typer.Option("--format", help="Output format.")] = ExtractFormat.text,
) -> None:
    """List the rule catalogue (id, default severity, summary) and the built-in packs' constraints
    with their kind (order: the temporal network; rule, count: facts/contradiction)."""
    from checker.checks.registry import rules
    from checker.knowledge.loading import load_builtin

    catalogue = [{"id": r.id, "severity": r.severity, "summary": r.summary} for r in rules().values()]
    packs = [_pack_entry(pack) for pack in load_builtin()]
    if output_format is ExtractFormat.json:
        print(json.dumps({"rules": catalogue, "packs": packs}, indent=2))
        return
    width = max(len(r["id"]) for r in catalogue)
    for r in catalogue:
        print(f"{r['id']:<{width}}  {r['severity']:<7}  {r['summary']}")
    inner = max((len(c["id"]) for pack in packs for c in pack["constraints"]), default=0)
    for pack in packs:
        current = f", current to {pack['current_to']}" if pack["current_to"] else ""
        print(f"\npack {pack['id']}{current}: {pack['description']}")
        for c in pack["constraints"]:
            print(f"  {c['id']:<{inner}}  {c['kind']:<5}  {c['message']}")


def _pack_entry(pack) -> dict[str, object]:  # noqa: ANN001 - a knowledge.model.Pack, imported by the command
    """A built-in pack as ``rules --format json`` shows it: each constraint with its kind and terms."""
    from checker.knowledge.constraints import Unevaluated, kind

    def kind_of(c) -> str:  # noqa: ANN001 - a Constraint
        try:
            return kind(c)
        except Unevaluated:  # the loader rejects these in user packs; a built-in one would be a bug
            return "unevaluated"

    terms = ("expr", "when", "count", "max", "office")
    return {
        "id": pack.id,
        "description": pack.description,
        "current_to": pack.current_to.isoformat() if pack.current_to else None,
        "constraints": [
            {
                "id": c.id,
                "kind": kind_of(c),
                "message": c.message,
                **{t: getattr(c, t) for t in terms},
                "same": list(c.same),
            }
            for c in pack.constraints
        ],  # fmt: skip
    }


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. calendar/weekday-mismatch.")]) -> None:
    """Print a rule's documentation."""
    from rich.console import Console

    from checker.checks.registry import documentation, rules

    page = documentation(rule_id)
    if page is None:
        known = ", ".join(rules())
        _error(f"unknown rule {rule_id!r}; known rules: {known}")
        raise typer.Exit(2)
    console = Console()
    if console.is_terminal:
        from rich.markdown import (
            Markdown,  # only for this command: a tenth of the CLI's import time
        )

        console.print(Markdown(page))
    else:
        sys.stdout.write(page)  # as written: pipes and editors get the Markdown itself


def _version(value: bool) -> None:
    if value:
        print(f"chronolint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Checks the dates a text states against each other, the calendar and its publication date."""


def main() -> None:
    """The console script. It leaves without tearing the interpreter down: freeing the model's
    and the packs' objects one by one is a fifth of a one-file run, and the OS frees them at once.
    A crash is one line and exit 2 (checker.app.crash_guard), never a traceback read as findings."""
    from checker.app import crash_guard

    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads: see checker.app.runner
    code = crash_guard.run(app)
    os._exit(code)
