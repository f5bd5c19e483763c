"""One run of the checker over a set of inputs: the application behind every front end.

A :class:`Session` reads the inputs (each with its nearest configuration), hands each
document to the analysis as soon as it is read (worker processes start before the first
is), runs every rule some configuration enables, then per file applies that file's rule
selection, suppressions and severities, and finally ``--diff`` and the baseline. Three
cache tiers save three kinds of re-run: untouched files (by ``stat``, nothing read),
touched but unchanged files (the run's findings by content, nothing analysed), and edited
files (per-file analyses). The CLI turns a :class:`Result` into a report and an exit code.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date

from checker.app import runner, suppress
from checker.app.cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from checker.app.cache import Cache, file_digests
from checker.app.config import Config, Resolver, load
from checker.app.diff import load_baseline, only_changed, without_baseline
from checker.app.tasks import RunError
from checker.model import SEVERITY_RANK, Analysis, Document, Finding
from checker.options import DEFAULT_MAX_FILE_SIZE, Knowledge, Options
from checker.report.positions import Positions
from checker.source import (
    InputError,
    format_for_path,
    is_url,
    read_bytes,
    read_path,
)
from checker.source.discovery import STDIN, discover
from checker.source.remote import read_all

Progress = Callable[[str, int], None]  # (phase, n): "Reading" or "Checking", n more done
ErrorSink = Callable[[InputError], None]
WarningSink = Callable[[str, str], None]  # (path, message): read and checked, but something to tell


def _nothing(phase: str, n: int) -> None:
    """The progress callback that shows nothing."""


@dataclass(frozen=True)
class Settings:
    """What a run was asked for (command-line options; None: each file's configuration decides)."""

    published: date | None = None
    date_order: str | None = None
    config_file: str | None = None
    stdin_filename: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    jobs: int = 1
    no_cache: bool = True
    cache_dir: str = DEFAULT_CACHE_DIR
    scheduler: str | None = None
    diff_ref: str | None = None
    baseline: str | None = None
    fail_on: str | None = None
    select: tuple[str, ...] | None = None  # replaces each configuration's select
    ignore: tuple[str, ...] = ()  # added to each configuration's ignore

    def applied(self, config: Config) -> Config:
        """A file's configuration with the command line's rule selection on top."""
        return config.with_rules(self.select, self.ignore)


@dataclass(frozen=True)
class Inputs:
    """What was read: the documents, the configuration of each, and how many inputs failed."""

    documents: list[Document]
    configs: dict[str, Config]
    errors: int

    @property
    def positions(self) -> Positions:
        return Positions({d.path: d.source for d in self.documents})


@dataclass(frozen=True)
class Result:
    """A finished run: its findings (filtered and levelled per file), what was read, and the
    analyses when they were computed or asked for."""

    findings: list[Finding]
    inputs: Inputs
    analyses: list[Analysis] | None
    settings: Settings = field(default_factory=Settings)

    @property
    def positions(self) -> Positions:
        return self.inputs.positions

    def published_notes(self) -> list[tuple[str, str]]:
        """(path, note) for each file whose publication date no metadata states, for the text report."""
        documents = [a.document for a in self.analyses] if self.analyses else self.inputs.documents
        return [(d.path, note) for d in documents if (note := published_note(d)) is not None]

    def fails(self, finding: Finding) -> bool:
        """Whether a finding fails the run: ``--fail-on``, else its file's ``fail-on``, else warning."""
        config = self.inputs.configs.get(finding.span.path)
        threshold = self.settings.fail_on or (config.fail_on if config else None) or "warning"
        return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[threshold]


def published_note(document: Document) -> str | None:
    """What the text report says about a publication date that was not stated in the metadata."""
    if document.published_source == "file-name":
        return f"publication date {document.published} taken from the file name"
    if document.published_source == "inferred":
        return (
            f"no publication date stated; {document.published} inferred as the earliest its past-tense "
            "statements allow (chronology/anachronism and chronology/stale-future need a stated one: "
            "--published or a front matter date)"
        )
    return None


def engine_options(config: Config, date_order: str | None) -> Options:
    """What a file's configuration (and the options) change about its analysis."""
    return Options(date_order=date_order or config.date_order, knowledge=knowledge_of(config))


def knowledge_of(config: Config) -> Knowledge:
    return Knowledge(config.packs, config.pack_files, config.facts)


def run_rules(analyses: Iterable[Analysis], configs: dict[str, Config]) -> tuple[list[Finding], list[Analysis]]:
    """Every rule some configuration enables, over all analyses (each as it comes; the corpus rules
    over all at once, so rules may compare documents), then per document: its configuration's
    selection, its suppressions, its levels. Returns the findings and the analyses."""
    from checker import (
        engine,  # the rules and packs load only when findings are computed
    )
    from checker.knowledge.yaml_lines import PackError

    wanted = [rule_id for rule_id in engine.implemented_rules() if any(c.enabled(rule_id) for c in configs.values())]
    by_path: dict[str, list[Finding]] = {}
    spec = Knowledge.union(knowledge_of(c) for c in configs.values())
    seen: list[Analysis] = []
    try:
        for finding in engine.findings(_remembered(analyses, seen), wanted, spec):
            by_path.setdefault(finding.span.path, []).append(finding)
    except PackError as e:
        raise RunError(str(e)) from None
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


def check_document(
    document: Document, config: Config | None = None, date_order: str | None = None
) -> tuple[list[Finding], Analysis]:
    """One document held in memory (an editor's buffer, a request, a library call): its findings
    under its configuration, as ``check`` gives them, and the analysis behind them."""
    from checker import engine

    config = config or Config()
    (analysis,) = engine.analyze([document], engine_options(config, date_order))
    found, _ = run_rules([analysis], {document.path: config})
    return found, analysis


def _remembered(items: Iterable[Analysis], into: list[Analysis]) -> Iterator[Analysis]:
    for item in items:
        into.append(item)
        yield item


class Session:
    """The inputs of one run, found and configured; :meth:`check` and :meth:`extract` run it."""

    def __init__(
        self, paths: Sequence[str], settings: Settings = Settings(), *, on_error: ErrorSink = lambda error: None,
        progress: Callable[[int], contextmanager] | None = None, on_warning: WarningSink = lambda path, message: None,
    ) -> None:  # fmt: skip
        self.settings = settings
        self.resolver = _Configs(Resolver(load(settings.config_file) if settings.config_file else None), settings)
        self.candidates = self._candidates(paths)
        self._on_error = on_error
        self._on_warning = on_warning
        self._progress = progress
        self._cache: Cache | None = None

    def cache(self, run: Settings | None = None) -> Cache | None:
        """The run's cache (one, told about once when its folder is refused), or None."""
        s = run or self.settings
        if s.no_cache:
            return None
        if self._cache is None:
            self._cache = Cache(s.cache_dir)
            if self._cache.problem:
                self._on_warning(s.cache_dir, self._cache.problem)
        return None if self._cache.problem else self._cache

    def _candidates(self, paths: Sequence[str]) -> list[str | InputError]:
        """Named files always; files found in folders when their configuration includes them."""
        named = set(paths)
        found = discover(paths, extensions=("",))  # every file; each configuration's include decides
        return [i for i in found if isinstance(i, InputError) or i in named or self.resolver.for_path(i).walks_into(i)]

    def check(self, *, need_analyses: bool = False, quick: bool = True) -> Result:
        """Findings of every input. ``quick``: an unchanged re-run (by ``stat``) is answered from the
        cache without reading anything (not for reports that need what was read)."""
        s = self.settings
        cache = None if not quick or need_analyses else self.cache()
        states = self._file_states() if cache else None
        hit = cache.load_unchanged(states, self._paths()) if cache and states else None
        if hit is not None:
            found, documents = hit
            for document in documents:
                self._warn(document)
            inputs = Inputs(documents, {d.path: self.resolver.for_path(d.path) for d in documents}, 0)
            return Result(self._only_new(found, inputs), inputs, None, s)
        with self._analysis() as (inputs, analyser):
            found, analyses, dated = self._findings(inputs, analyser, need_analyses)
        inputs = self._without_failures(inputs, analyser)
        inputs = replace(inputs, documents=[dated.get(d.path, d) for d in inputs.documents])
        if cache and states and not inputs.errors:
            cache.store_unchanged(states, found, inputs.documents)
        return Result(self._only_new(found, inputs), inputs, analyses, s)

    def extract(self) -> tuple[list[Analysis], Inputs]:
        """The analyses behind the findings (never cached: ``extract`` shows what the engine computes now)."""
        with self._analysis(replace(self.settings, jobs=1, no_cache=True)) as (inputs, analyser):
            analyses = analyser.results()
            return analyses, self._without_failures(inputs, analyser)

    def _without_failures(self, inputs: Inputs, analyser: runner.Analyser) -> Inputs:
        """Each document the analysis failed on reported (by name) and counted as an input error."""
        failed = {f.path for f in analyser.failures}
        for failure in analyser.failures:
            self._on_error(InputError(failure.path, failure.message))
        documents = [d for d in inputs.documents if d.path not in failed]
        return replace(inputs, documents=documents, errors=inputs.errors + len(failed))

    def _findings(
        self, inputs: Inputs, analyser: runner.Analyser, need_analyses: bool
    ) -> tuple[list[Finding], list[Analysis] | None, dict[str, Document]]:
        """The run's findings, the analyses when computed or needed (the HTML report draws them),
        and the documents as the analysis dated them (an inferred publication date), by path.

        When no file, configuration or engine changed, the findings come from the cache and
        nothing is analysed: the NLP stack and the packs are not even loaded.
        """
        s = self.settings
        cache = self.cache()
        key = cache.run_key(
            (d, engine_options(inputs.configs[d.path], s.date_order), repr(inputs.configs[d.path]))
            for d in inputs.documents
        ) if cache else ""  # fmt: skip
        hit = cache.load_findings(key, inputs.documents) if cache else None
        if hit is not None:
            found, documents = hit
            return found, analyser.results() if need_analyses else None, {d.path: d for d in documents}
        found, analyses = run_rules(analyser.stream(), inputs.configs)
        documents = [a.document for a in analyses]
        if cache and not analyser.failures:
            cache.store_findings(key, found, documents)
        return found, analyses, {d.path: d for d in documents}

    @contextmanager
    def _analysis(self, run: Settings | None = None) -> Iterator[tuple[Inputs, runner.Analyser]]:
        """Reading, inside a progress bar; each document goes to the analysis as soon as it is read,
        and the worker processes start (and load the model) before the first one is."""
        s = run or self.settings
        with (
            runner.workers(s.jobs if s.scheduler is None else 1, len(self.candidates), self._size()) as pool,
            (self._progress or _silent)(len(self.candidates)) as advance,
        ):
            cache = self.cache(s)
            analyser = runner.Analyser(jobs=s.jobs, cache=cache, advance=advance, scheduler=s.scheduler, pool=pool)
            inputs = self._read_all(advance, lambda d, config: analyser.add(d, engine_options(config, s.date_order)))
            yield inputs, analyser

    def _size(self) -> int:
        """The bytes of the local files to check, for the number of workers (URLs count as none)."""
        return sum(
            _size(item) for item in self.candidates if isinstance(item, str) and item != STDIN and not is_url(item)
        )

    def _read_all(self, advance: Progress, on_read: Callable[[Document, Config], None]) -> Inputs:
        """Read every input, handing each document to ``on_read``; report each unreadable one and count them."""
        documents: list[Document] = []
        configs: dict[str, Config] = {}
        errors = 0
        for item in self.candidates:
            try:
                if isinstance(item, InputError):
                    raise item
                config = self.resolver.for_path((self.settings.stdin_filename or STDIN) if item == STDIN else item)
                document = self._read_stdin(config) if item == STDIN else self._read_file(item, config)
                if document.path in configs:
                    raise InputError(document.path, "given twice (standard input is named so by --stdin-filename); "
                                     "checked once")  # fmt: skip
                self._warn(document)
                documents.append(document)
                configs[document.path] = config
                on_read(document, config)
            except InputError as error:
                self._on_error(error)
                errors += 1
            advance("Reading", 1)
        return Inputs(documents, configs, errors)

    def _warn(self, document: Document) -> None:
        for message in document.warnings:
            self._on_warning(document.path, message)

    def _reading(self, config: Config) -> dict:
        """How a file with this configuration is read: the date given, its date keys and date order."""
        date_order = self.settings.date_order or config.date_order or "us"
        return {"published": self.settings.published, "published_keys": config.published_keys, "date_order": date_order}

    def _read_stdin(self, config: Config) -> Document:
        """Standard input, under ``--max-file-size`` like a file (read up to one byte past it)."""
        name = self.settings.stdin_filename
        limit = self.settings.max_file_size
        data = read_all(sys.stdin.buffer, limit + 1)
        if len(data) > limit:
            raise InputError(name or STDIN, f"larger than {limit} bytes (--max-file-size), not checked")
        fmt = "markdown" if name is None else format_for_path(name)
        return read_bytes(data, path=name or STDIN, fmt=fmt, **self._reading(config))

    def _read_file(self, path: str, config: Config) -> Document:
        """One file; a regular file larger than the limit is refused before it is read (a URL
        while it is read: asking its size first would cost a round trip)."""
        max_bytes = self.settings.max_file_size
        if not is_url(path) and _size(path) > max_bytes:
            raise InputError(path, f"larger than {max_bytes} bytes (--max-file-size), not checked")
        return read_path(path, max_bytes=max_bytes, **self._reading(config))

    def _file_states(self) -> list[str] | None:
        """What an unchanged re-run must see unchanged, from ``stat`` alone (as ruff does): each
        file's path, modification time, size and configuration. None when stdin, a URL (remote
        stores have no dependable modification time; the per-file cache still applies) or an
        error is in."""
        s = self.settings
        states = [f"{s.published}\0{s.date_order}\0{s.max_file_size}"]
        knowledge: set[str] = set()
        for item in self.candidates:
            if isinstance(item, InputError) or item == STDIN or is_url(item):
                return None
            try:
                info = os.stat(item)
            except OSError:
                return None  # a dangling link, a loop: reading it reports why
            config = self.resolver.for_path(item)
            knowledge.update((*config.pack_files, *config.facts))
            states.append(f"{item}\0{info.st_mtime_ns}\0{info.st_size}\0{config!r}")
        named = sorted(knowledge)
        return states + [f"{path}\0{digest}" for path, digest in zip(named, file_digests(named), strict=True)]

    def _paths(self) -> list[str]:
        """The paths of the inputs as read (an unchanged run's entry must name exactly these)."""
        return [item for item in self.candidates if isinstance(item, str)]

    def _only_new(self, found: list[Finding], inputs: Inputs) -> list[Finding]:
        """Drop findings on lines unchanged since ``--diff`` and findings the baseline accepts."""
        if self.settings.diff_ref is not None:
            found = only_changed(found, self.settings.diff_ref, inputs.positions)
        if self.settings.baseline is not None:
            found = without_baseline(found, load_baseline(self.settings.baseline))
        return found


def _size(path: str) -> int:
    """A regular file's size; 0 for anything else (a pipe, a file gone: reading it tells)."""
    try:
        info = os.stat(path)
    except OSError:
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


class _Configs:
    """The configuration of each file, with the command line's rule selection applied."""

    def __init__(self, resolver: Resolver, settings: Settings) -> None:
        self._resolver, self._settings = resolver, settings

    def for_path(self, path: str) -> Config:
        return self._settings.applied(self._resolver.for_path(path))


@contextmanager
def _silent(total: int) -> Iterator[Progress]:
    yield _nothing
