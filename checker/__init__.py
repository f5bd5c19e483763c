"""chronolint: checks the dates a text states against each other, the calendar and its publication date.

The library API (the engine loads on the first call, so ``import checker`` stays cheap)::

    import checker
    findings = checker.check_text("On Monday, March 4, 2025, the council met.", published="2025-03-10")
    findings = checker.check_paths(["docs/"])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.model import Finding
    from checker.source.errors import InputError

__version__ = "0.1.0"
__all__ = ["__version__", "check_paths", "check_text"]


def _published(published: date | str | None, date_order: str) -> date | None:
    """A date, or a string in any form ``--published`` takes (``2024-12-20``, ``20/12/2024``, ``today``)."""
    if published is None or isinstance(published, date):
        return published
    from checker.source.dates import option_date

    return option_date(published, date_order)


def check_text(
    text: str,
    *,
    published: date | str | None = None,
    path: str = "-",
    date_order: str | None = None,
    config: str | None = None,
) -> list[Finding]:
    """The findings of one text, as ``chronolint check`` would give them for a file at ``path``.

    ``path`` gives the format (``.md``, ``.html``, ``.rst``, anything else plain text; ``-``:
    Markdown) and the configuration (the nearest ``.chronolint.toml`` or ``pyproject.toml``
    above it, or the ``config`` file). ``published`` wins over the text's own metadata.
    Offsets in each finding's ``span`` are code points into ``text``.
    """
    from checker.app.config import Resolver, load
    from checker.app.session import check_document
    from checker.source import format_for_path, read_text

    configuration = Resolver(load(config) if config else None).for_path(path)
    order = date_order or configuration.date_order or "us"
    fmt = "markdown" if path == "-" else format_for_path(path)
    document = read_text(text, path=path, published=_published(published, order), fmt=fmt,
                         published_keys=configuration.published_keys, date_order=order)  # fmt: skip
    return check_document(document, configuration, date_order)[0]


def _raise(error: InputError) -> None:
    raise error


def check_paths(
    paths: Sequence[str],
    *,
    published: date | str | None = None,
    date_order: str | None = None,
    config: str | None = None,
    jobs: int = 1,
    on_error: Callable[[InputError], None] = _raise,
) -> list[Finding]:
    """The findings of files, folders and URLs, as ``chronolint check PATH...`` gives them.

    An input that cannot be read calls ``on_error`` with a ``checker.source.InputError`` naming
    it; the default raises it. Nothing is cached and nothing is written.
    """
    from checker.app.session import Session, Settings

    settings = Settings(published=_published(published, date_order or "us"), date_order=date_order,
                        config_file=config, jobs=jobs, no_cache=True)  # fmt: skip
    return Session(list(paths), settings, on_error=on_error).check().findings
