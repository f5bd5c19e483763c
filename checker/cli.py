"""The ``chronolint`` command: check, extract, rules, explain.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings; 2 usage or input error
(named on stderr; the other files are still checked).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from rich.markdown import Markdown

from checker import __version__, engine
from checker.catalogue import catalogue, documentation
from checker.discovery import discover
from checker.model import Document
from checker.report import Positions, extract_record, render_extract_text, render_json, render_text
from checker.source import InputError, read_path, read_text

app = typer.Typer(
    name="chronolint",
    help="Checks the dates a text states against each other, the calendar and its publication date.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
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
    typer.Argument(help="Files or folders to check (.md, .markdown, .txt in folders); '-' reads standard input."),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", metavar="YYYY-MM-DD", help="Publication date; else the front matter's date, else none."),
]
DateOrderOpt = Annotated[
    DateOrder, typer.Option("--date-order", help="How to read 01/05/2024: us (January 5) or international (1 May).")
]


def _error(message: str) -> None:
    """One unwrapped line on stderr, so editors and CI logs can parse it."""
    print(f"chronolint: {message}", file=sys.stderr)


def _read_all(paths: list[str], published: date | None) -> tuple[list[Document], int]:
    """Read every input; report each unreadable one on stderr and count them."""
    documents: list[Document] = []
    errors = 0
    for item in discover(paths):
        try:
            if isinstance(item, InputError):
                raise item
            documents.append(
                read_text(sys.stdin.read(), published=published) if item == "-" else read_path(item, published=published)
            )
        except InputError as error:
            _error(f"{error.path}: {error}")
            errors += 1
    return documents, errors


@app.command()
def check(
    paths: PathsArg,
    published: PublishedOpt = None,
    output_format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
    fail_on: Annotated[Level, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")] = Level.warning,
    date_order: DateOrderOpt = DateOrder.us,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings (input errors still exit 2).")
    ] = False,
) -> None:
    """Check files for dates that contradict each other, the calendar or the publication date."""
    documents, errors = _read_all(paths, _published(published))
    analyses = engine.analyze(documents, engine.Options(date_order=date_order.value))
    found = engine.findings(analyses)
    positions = Positions({d.path: d.source for d in documents})
    if output_format is Format.json:
        print(render_json(found, positions))
    else:
        render_text(found, positions, Console(highlight=False, soft_wrap=True))
    if errors:
        raise typer.Exit(2)
    raise typer.Exit(1 if engine.at_or_above(found, fail_on.value) and not exit_zero else 0)


@app.command()
def extract(
    paths: PathsArg,
    published: PublishedOpt = None,
    output_format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.json,
    date_order: DateOrderOpt = DateOrder.us,
) -> None:
    """Show the analysis behind the findings: time expressions and dated assertions."""
    documents, errors = _read_all(paths, _published(published))
    analyses = engine.analyze(documents, engine.Options(date_order=date_order.value))
    if output_format is Format.json:
        print(json.dumps([extract_record(a) for a in analyses], indent=2, ensure_ascii=False))
    else:
        console = Console(highlight=False, soft_wrap=True)
        for analysis in analyses:
            render_extract_text(analysis, console)
    raise typer.Exit(2 if errors else 0)


@app.command("rules")
def list_rules() -> None:
    """List the rule catalogue: id, default severity, summary."""
    implemented = set(engine.implemented_rules())
    width = max(map(len, catalogue()))
    for info in catalogue().values():
        status = "" if info.id in implemented else " (planned)"
        print(f"{info.id:<{width}}  {info.severity:<7}  {info.summary}{status}")


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. calendar/weekday-mismatch.")]) -> None:
    """Print a rule's documentation."""
    page = documentation(rule_id)
    if page is None:
        known = ", ".join(catalogue())
        _error(f"unknown rule {rule_id!r}; known rules: {known}")
        raise typer.Exit(2)
    console = Console()
    console.print(Markdown(page) if console.is_terminal else page, markup=False)


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
    app()
