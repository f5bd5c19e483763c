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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from checker import __version__
from checker.app import runner, suppress
from checker.app.cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from checker.app.cache import Cache
from checker.app.config import Config, ConfigError, Resolver, load
from checker.app.diff import DiffError, load_baseline, only_changed, without_baseline
from checker.app.distributed import ClusterError
from checker.checks.catalogue import catalogue, documentation
from checker.model import SEVERITY_RANK, Analysis, Document, Finding
from checker.options import Knowledge, Options
from checker.report.ci import render_github, render_junit
from checker.report.html import render_html
from checker.report.json import extract_record, render_json, render_json_lines
from checker.report.paths import project_root
from checker.report.positions import Positions
from checker.report.sarif import render_sarif
from checker.report.text import render_extract_text, render_text
from checker.source import (
    InputError,
    format_for_path,
    is_url,
    read_bytes,
    read_path,
    read_text,
)
from checker.source.discovery import STDIN, discover

app = typer.Typer(
    name="chronolint",
    help="Checks the dates a text states against each other, the calendar and its publication date.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

HANDFUL = 8  # more files than this get a progress bar (on a terminal)
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024  # larger files are refused: parsing them would take minutes and gigabytes


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


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files or folders to check (in folders: .md, .markdown, .txt, or the configuration's include); "
        "'-' reads standard input; URLs such as s3://bucket/docs or gs://... are read through fsspec "
        "(pip install 'chronolint\\[remote]' and the protocol's package, e.g. s3fs)."
    ),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published", metavar="YYYY-MM-DD", help="Publication date; else the front matter's date, else none."
    ),
]
DateOrderOpt = Annotated[
    DateOrder | None,
    typer.Option("--date-order", help="How to read 01/05/2024: us (January 5, the default) or international (1 May)."),
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
    """One unwrapped line on stderr, so editors and CI logs can parse it."""
    print(f"chronolint: {message}", file=sys.stderr)


@dataclass(frozen=True)
class Inputs:
    """What was read: the documents, the configuration of each, and how many inputs failed."""

    documents: list[Document]
    configs: dict[str, Config]
    errors: int


@contextmanager
def _progress(total: int) -> Iterator[Callable[[str, int], None]]:
    """``advance(phase, n)`` drives a bar on stderr when it is a terminal and the run is long."""
    if total <= HANDFUL or not sys.stderr.isatty():
        yield lambda phase, n: None
        return
    columns = (TextColumn("{task.description:<9}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        tasks = {phase: bar.add_task(phase, total=total) for phase in ("Reading", "Checking")}
        yield lambda phase, n: bar.advance(tasks[phase], n)


def _read_stdin(published: date | None, config: Config, name: str | None) -> Document:
    if name is None:
        return read_text(sys.stdin.read(), published=published, published_keys=config.published_keys)
    data = sys.stdin.buffer.read()
    return read_bytes(
        data, path=name, published=published, fmt=format_for_path(name), published_keys=config.published_keys
    )


def _candidates(paths: Sequence[str], resolver: Resolver) -> list[str | InputError]:
    """Named files always; files found in folders when their configuration includes them."""
    named = set(paths)
    found = discover(paths, extensions=("",))  # every file; each configuration's include decides
    return [i for i in found if isinstance(i, InputError) or i in named or resolver.for_path(i).walks_into(i)]


def _read_file(path: str, published: date | None, config: Config, max_bytes: int) -> Document:
    """One file; a regular file larger than ``max_bytes`` is refused before it is read (a URL
    while it is read: asking its size first would cost a round trip)."""
    if not is_url(path) and os.path.isfile(path) and os.path.getsize(path) > max_bytes:
        raise InputError(path, f"larger than {max_bytes} bytes (--max-file-size), not checked")
    return read_path(path, published=published, published_keys=config.published_keys, max_bytes=max_bytes)


def _read_all(
    items: Sequence[str | InputError], published: date | None, resolver: Resolver, stdin_name: str | None,
    max_bytes: int, advance: Callable[[str, int], None], on_read: Callable[[Document, Config], None],
) -> Inputs:  # fmt: skip
    """Read every input, handing each document to ``on_read``; report each unreadable one on stderr
    and count them."""
    documents: list[Document] = []
    configs: dict[str, Config] = {}
    errors = 0
    for item in items:
        try:
            if isinstance(item, InputError):
                raise item
            config = resolver.for_path((stdin_name or STDIN) if item == STDIN else item)
            document = (
                _read_stdin(published, config, stdin_name)
                if item == STDIN
                else _read_file(item, published, config, max_bytes)
            )
            documents.append(document)
            configs[document.path] = config
            on_read(document, config)
        except InputError as error:
            _error(f"{error.path}: {error}")
            errors += 1
        advance("Reading", 1)
    return Inputs(documents, configs, errors)


def engine_options(config: Config, cli_order: DateOrder | None) -> Options:
    """What a file's configuration (and the options) change about its analysis."""
    return Options(
        date_order=cli_order.value if cli_order else config.date_order or "us",
        knowledge=knowledge_of(config),
    )


def knowledge_of(config: Config) -> Knowledge:
    return Knowledge(config.packs, config.pack_files, config.facts)


def run_rules(analyses: Iterable[Analysis], configs: dict[str, Config]) -> tuple[list[Finding], list[Analysis]]:
    """Every rule some configuration enables, over all analyses (each as it comes; the corpus rules
    over all at once, so rules may compare documents), then per document: its configuration's
    selection, its suppressions, its levels. Returns the findings and the analyses."""
    from checker import (
        engine,  # the rules and packs load only when findings are computed
    )

    wanted = [rule_id for rule_id in engine.implemented_rules() if any(c.enabled(rule_id) for c in configs.values())]
    by_path: dict[str, list[Finding]] = {}
    spec = Knowledge.union(knowledge_of(c) for c in configs.values())
    seen: list[Analysis] = []
    for finding in engine.findings(_remembered(analyses, seen), wanted, spec):
        by_path.setdefault(finding.span.path, []).append(finding)
    found: list[Finding] = []
    for analysis in seen:
        path = analysis.document.path
        config = configs[path]
        checked = [rule_id for rule_id in wanted if config.enabled(rule_id)]
        mine = [f for f in by_path.get(path, []) if config.enabled(f.rule)]
        kept, unused = suppress.apply(mine, suppress.directives(analysis.document), checked=checked)
        if config.enabled(suppress.UNUSED_RULE):
            kept += unused
        found += [replace(f, severity=config.level(f.rule, f.severity)) for f in kept]
    return sorted(found, key=lambda f: (f.span.path, f.span.start, f.span.end, f.rule)), seen


def _remembered(items: Iterable[Analysis], into: list[Analysis]) -> Iterator[Analysis]:
    for item in items:
        into.append(item)
        yield item


def _findings(
    inputs: Inputs, cli_order: DateOrder | None, run: RunOptions, analyser: runner.Analyser, need_analyses: bool
) -> tuple[list[Finding], list[Analysis] | None]:
    """The run's findings, and the analyses when computed or needed (the HTML report draws them).

    When no file, configuration or engine changed, the findings come from the cache and
    nothing is analysed: the NLP stack and the packs are not even loaded.
    """
    cache = None if run.no_cache else Cache(run.cache_dir)
    key = cache.run_key(
        (d, engine_options(inputs.configs[d.path], cli_order), repr(inputs.configs[d.path])) for d in inputs.documents
    ) if cache else ""  # fmt: skip
    found = cache.load_findings(key) if cache else None
    if found is not None:
        return found, analyser.results() if need_analyses else None
    found, analyses = run_rules(analyser.stream(), inputs.configs)
    if cache:
        cache.store_findings(key, found)
    return found, analyses


def _fails(configs: dict[str, Config], cli_fail_on: Level | None) -> Callable[[Finding], bool]:
    """Whether a finding fails the run: ``--fail-on``, else its file's ``fail-on``, else warning."""

    def fails(finding: Finding) -> bool:
        config = configs.get(finding.span.path)
        threshold = cli_fail_on.value if cli_fail_on else (config.fail_on if config else None) or "warning"
        return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[threshold]

    return fails


def _positions(documents: Sequence[Document]) -> Positions:
    return Positions({d.path: d.source for d in documents})


def _render(
    output_format: Format, found: list[Finding], inputs: Inputs, analyses: list[Analysis] | None,
    fails: Callable[[Finding], bool],
) -> str:  # fmt: skip
    """The report in a machine format (text is written straight to a console)."""
    positions = _positions(inputs.documents)
    if output_format is Format.json:
        return render_json(found, positions) + "\n"
    if output_format is Format.json_lines:
        return render_json_lines(found, positions)
    if output_format is Format.sarif:
        return render_sarif(found, positions, project_root()) + "\n"
    if output_format is Format.github:
        return render_github(found, positions, project_root())
    if output_format is Format.junit:
        return render_junit(found, positions, [d.path for d in inputs.documents], fails)
    return render_html(analyses or [], found, positions)


def _emit(
    output_format: Format, found: list[Finding], inputs: Inputs, analyses: list[Analysis] | None,
    fails: Callable[[Finding], bool], output: str | None,
) -> None:  # fmt: skip
    """Write the report to stdout, or to ``output`` and say so on stderr."""
    positions = _positions(inputs.documents)
    if output is None:
        if output_format is Format.text:
            render_text(found, positions, Console(highlight=False, soft_wrap=True))
        else:
            sys.stdout.write(_render(output_format, found, inputs, analyses, fails))
        return
    try:
        with open(output, "w", encoding="utf-8") as target:
            if output_format is Format.text:
                render_text(found, positions, Console(file=target, highlight=False, soft_wrap=True, no_color=True))
            else:
                target.write(_render(output_format, found, inputs, analyses, fails))
    except OSError as e:
        _error(f"{output}: cannot write the report: {e.strerror or e}")
        raise typer.Exit(2) from None
    count = f"{len(found)} finding{'s' if len(found) != 1 else ''}"
    _error(f"wrote the {output_format.value} report ({count}) to {output}")


def _only_new(found: list[Finding], inputs: Inputs, diff_ref: str | None, baseline: str | None) -> list[Finding]:
    """Drop findings on lines unchanged since ``diff_ref`` and findings the baseline accepts."""
    if diff_ref is not None:
        found = only_changed(found, diff_ref, _positions(inputs.documents))
    if baseline is not None:
        found = without_baseline(found, load_baseline(baseline))
    return found


@dataclass(frozen=True)
class RunOptions:
    """How the analysis runs: processes, cache, cluster."""

    jobs: int = 1
    no_cache: bool = True
    cache_dir: str = DEFAULT_CACHE_DIR
    scheduler: str | None = None


def _discover(paths: Sequence[str], config_file: str | None) -> tuple[Resolver, list[str | InputError]]:
    resolver = Resolver(load(config_file) if config_file else None)
    return resolver, _candidates(paths, resolver)


@contextmanager
def _session(
    found: tuple[Resolver, list[str | InputError]], published: str | None, stdin_name: str | None, max_bytes: int,
    run: RunOptions, cli_order: DateOrder | None,
) -> Iterator[tuple[Inputs, runner.Analyser]]:  # fmt: skip
    """Reading, inside a progress bar; each document goes to the analysis as soon as it is read,
    and the worker processes start (and load the model) before the first one is."""
    resolver, candidates = found
    with (
        runner.workers(run.jobs if run.scheduler is None else 1, len(candidates)) as pool,
        _progress(len(candidates)) as advance,
    ):
        cache = None if run.no_cache else Cache(run.cache_dir)
        analyser = runner.Analyser(jobs=run.jobs, cache=cache, advance=advance, scheduler=run.scheduler, pool=pool)
        inputs = _read_all(
            candidates, _published(published), resolver, stdin_name, max_bytes, advance,
            lambda document, config: analyser.add(document, engine_options(config, cli_order)),
        )  # fmt: skip
        yield inputs, analyser


def _file_states(found: tuple[Resolver, list[str | InputError]], settings: str) -> list[str] | None:
    """What an unchanged re-run must see unchanged, from ``stat`` alone (as ruff does): each
    file's path, modification time, size and configuration. None when stdin, a URL (remote
    stores have no dependable modification time; the per-file cache still applies) or an
    error is in."""
    resolver, candidates = found
    states = [settings]
    for item in candidates:
        if isinstance(item, InputError) or item == STDIN or is_url(item):
            return None
        info = os.stat(item)
        states.append(f"{item}\0{info.st_mtime_ns}\0{info.st_size}\0{resolver.for_path(item)!r}")
    return states


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
        typer.Option("--jobs", "-j", min=1, help="Worker processes for the analysis (default: the number of cores)."),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the analysis cache.")] = False,
    cache_dir: Annotated[
        str, typer.Option("--cache-dir", metavar="DIR", help="Where the analysis cache lives.")
    ] = DEFAULT_CACHE_DIR,
    dask_scheduler: Annotated[
        str | None,
        typer.Option(
            "--dask-scheduler", metavar="ADDRESS",
            help="Analyse on a Dask cluster (needs the chronolint\\[dask] extra), e.g. tcp://10.0.0.5:8786.",
        ),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings (input errors still exit 2).")
    ] = False,
) -> None:
    """Check files for dates that contradict each other, the calendar or the publication date."""
    try:
        run = RunOptions(jobs or runner.default_jobs(), no_cache, cache_dir, dask_scheduler)
        files = _discover(paths, config_file)
        quick = None if no_cache or output_format in (Format.html, Format.junit) else Cache(cache_dir)
        settings = f"{published}\0{date_order}\0{max_file_size}"
        states = _file_states(files, settings) if quick else None
        hit = quick.load_unchanged(states) if quick and states else None
        analyses = None
        if hit is not None:
            found, documents = hit
            inputs = Inputs(documents, {d.path: files[0].for_path(d.path) for d in documents}, 0)
        else:
            with _session(files, published, stdin_filename, max_file_size, run, date_order) as (inputs, analyser):
                found, analyses = _findings(inputs, date_order, run, analyser, need_analyses=output_format is Format.html)
            if quick and states and not inputs.errors:
                quick.store_unchanged(states, found, inputs.documents)
        found = _only_new(found, inputs, diff_ref, baseline)
    except (ConfigError, DiffError, ClusterError) as e:
        _error(str(e))
        raise typer.Exit(2) from None
    fails = _fails(inputs.configs, fail_on)
    _emit(output_format, found, inputs, analyses, fails, output)
    if inputs.errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if any(map(fails, found)) and not exit_zero else 0)


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
    try:
        found = _discover(paths, config_file)
        with _session(found, published, stdin_filename, max_file_size, RunOptions(), date_order) as (inputs, analyser):
            analyses = analyser.results()
    except ConfigError as e:
        _error(str(e))
        raise typer.Exit(2) from None
    if output_format is ExtractFormat.json:
        print(json.dumps([extract_record(a) for a in analyses], indent=2, ensure_ascii=False))
    else:
        console = Console(highlight=False, soft_wrap=True)
        for analysis in analyses:
            render_extract_text(analysis, console)
    raise typer.Exit(2 if inputs.errors else 0)


@app.command("rules")
def list_rules() -> None:
    """List the rule catalogue (id, default severity, summary) and the built-in packs' constraints."""
    from checker.knowledge.packs import load_builtin

    width = max(map(len, catalogue()))
    for info in catalogue().values():
        print(f"{info.id:<{width}}  {info.severity:<7}  {info.summary}")
    for pack in load_builtin():
        current = f", current to {pack.current_to}" if pack.current_to else ""
        print(f"\npack {pack.id}{current}: {pack.description}")
        for constraint in pack.constraints:
            print(f"  {constraint.id:<{width - 2}}  {constraint.message}")


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. calendar/weekday-mismatch.")]) -> None:
    """Print a rule's documentation."""
    page = documentation(rule_id)
    if page is None:
        known = ", ".join(catalogue())
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
    and the packs' objects one by one is a fifth of a one-file run, and the OS frees them at once."""
    try:
        app()
        code: object = 0
    except SystemExit as done:
        code = done.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code if isinstance(code, int) else 0 if code is None else 1)
