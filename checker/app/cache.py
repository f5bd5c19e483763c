"""The analysis cache: one JSON file per analysed text, like ruff's ``.ruff_cache``.

The key hashes everything an analysis depends on: the engine (version, code and
built-in packs), the text
and its format, the publication date given, the engine options and the contents of
the pack and facts files named. Entries are JSON, never pickle, so a cache folder
that came with a repository cannot run code; a damaged entry is a miss.
Cross-document rules still see every file: what is cached per file is its analysis
(time expressions and dated assertions); a whole run's findings are cached apart, under
a key of all its files and configurations, so an unchanged re-run does not load the
NLP stack or the packs at all.

A cache folder is untrusted input (a pull request can commit one): every key depends on the
resolved folder and working directory, so entries made in another checkout miss; every entry is
checked against the model's types (checker.app.records) and anything odd is a miss; a folder
that is a symbolic link, or holds files that are not a chronolint cache (``--cache-dir docs``),
is refused (:attr:`Cache.problem`) and nothing is read from or written into it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from checker import __version__
from checker.app import records
from checker.app.records import BadRecord
from checker.knowledge.loading import file_digests
from checker.model import Age, Analysis, Assertion, Document, Extent, Finding, Measure, PublishedSource, Timex
from checker.options import DEFAULT_CACHE_DIR, Options
from checker.resources import packs_dir

DEFAULT_DIR = DEFAULT_CACHE_DIR
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# chronolint cache\n"
_MISS = (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError)


def refusal(directory: Path) -> str | None:
    """Why ``directory`` cannot hold the cache, or None. It may be absent, empty, or a folder this
    tool tagged (``CACHEDIR.TAG``); a symbolic link or a folder of other files is refused, so that a
    link committed in a repository or ``--cache-dir docs`` never receives a file."""
    if directory.is_symlink():
        return "the cache folder is a symbolic link; not using the cache (remove the link or pass --cache-dir)"
    if not directory.exists():
        return None
    if not directory.is_dir():
        return "the cache folder is not a folder; not using the cache (pass another --cache-dir)"
    tag = directory / "CACHEDIR.TAG"
    try:
        entries = os.listdir(directory)
        tagged = not entries or (tag.is_file() and not tag.is_symlink() and tag.read_text("utf-8", "replace") == TAG)
    except OSError as e:
        return f"cannot use the cache folder ({e.strerror or e}); not using the cache"
    if not tagged:
        return "the cache folder holds files that are not a chronolint cache; not using it (pass another --cache-dir)"
    return None


class Cache:
    def __init__(self, directory: str | os.PathLike[str] = DEFAULT_DIR) -> None:
        self.directory = Path(directory)
        self.problem = refusal(self.directory)  # None: usable
        self.root = os.path.realpath(self.directory)
        self._salt = f"{self.root}\0{os.path.realpath(os.getcwd())}"

    def key(self, document: Document, options: Options) -> str:
        digest = hashlib.sha256()
        for part in (
            _engine_fingerprint(),
            self._salt,
            document.format,
            str(document.published),
            document.published_source,
            repr(options),
            *_file_digests(options),
            document.text,
        ):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def run_key(self, items: Iterable[tuple[Document, Options, str]]) -> str:
        """The key of a whole run's findings: every file's key, path and configuration (``repr``)."""
        digest = hashlib.sha256()
        for document, options, config in items:
            record = f"{self.key(document, options)}\0{document.path}\0{config}\0"
            digest.update(record.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def load(self, key: str, document: Document) -> Analysis | None:
        """The cached analysis of ``document``, or None (absent or unreadable)."""
        data = self._read(self.directory / key[:2] / f"{key}.json")
        try:
            return None if data is None else decode(data, document)
        except _MISS:
            return None

    def _read(self, path: Path) -> Any:
        """An entry's JSON, or None: absent, unreadable, a link, or the folder refused."""
        if self.problem is not None or path.is_symlink():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except _MISS:
            return None

    def load_findings(self, key: str, documents: Sequence[Document]) -> tuple[list[Finding], list[Document]] | None:
        """A whole run's findings, when nothing it depends on changed (the rules need not run), and
        the documents dated as the analysis dated them."""
        data = self._read(self.directory / "runs" / f"{key}.json")
        lengths = {d.path: max(len(d.text), len(d.source)) for d in documents}
        try:
            dated = [_dated(d, data["dates"][d.path]) for d in documents]
            return [records.finding(record, lengths) for record in data["findings"]], dated
        except _MISS:
            return None

    def load_unchanged(
        self, states: Sequence[str], paths: Sequence[str]
    ) -> tuple[list[Finding], list[Document]] | None:
        """Findings of a run whose files (``paths``) are unchanged (by ``stat``), with every file
        checked (the sources of just those the findings point into, for positions)."""
        data = self._read(self.directory / "unchanged" / f"{self._states_key(states)}.json")
        try:
            sources = data["sources"]
            if list(data["dates"]) != list(paths) or not set(sources) <= set(paths):
                raise BadRecord("not this run's files")
            if not all(isinstance(text, str) for text in sources.values()):
                raise BadRecord("a source that is not text")
            documents = [
                _dated(Document(path, sources.get(path, ""), sources.get(path, "")), meta)
                for path, meta in data["dates"].items()
            ]
            lengths = {path: len(text) for path, text in sources.items()}
            return [records.finding(record, lengths) for record in data["findings"]], documents
        except _MISS:
            return None

    def store_unchanged(self, states: Sequence[str], found: Sequence[Finding], documents: Sequence[Document]) -> None:
        """Keep the findings, every file's date, and the sources of the files the findings point into."""
        paths = {f.span.path for f in found} | {r.span.path for f in found for r in f.related}
        sources = {d.path: d.source for d in documents if d.path in paths}
        record = {"findings": [asdict(f) for f in found], "sources": sources, "dates": _dates(documents)}
        self._write(self.directory / "unchanged" / f"{self._states_key(states)}.json", record)

    def _states_key(self, states: Sequence[str]) -> str:
        digest = hashlib.sha256(f"{_engine_fingerprint()}\0{self._salt}\0".encode("utf-8", "surrogatepass"))
        for state in states:
            digest.update(state.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def store(self, key: str, analysis: Analysis) -> None:
        self._write(self.directory / key[:2] / f"{key}.json", encode(analysis))

    def store_findings(self, key: str, found: Sequence[Finding], documents: Sequence[Document]) -> None:
        record = {"findings": [asdict(f) for f in found], "dates": _dates(documents)}
        self._write(self.directory / "runs" / f"{key}.json", record)

    def _write(self, path: Path, data: Any) -> None:
        """Write atomically; a cache that cannot be written is skipped, never an error. Nothing is
        written into a refused folder, nor through a link inside it."""
        if self.problem is not None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if os.path.realpath(path.parent) != os.path.join(self.root, os.path.relpath(path.parent, self.directory)):
                return
            self._mark()
            with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8", suffix=".tmp") as f:
                json.dump(data, f)
            os.replace(f.name, path)
        except OSError:
            pass

    def _mark(self) -> None:
        """Tell git and backup tools to leave the folder alone."""
        ignore = self.directory / ".gitignore"
        if not ignore.exists() and not ignore.is_symlink():
            _create(self.directory / "CACHEDIR.TAG", TAG)
            _create(ignore, "# Automatically created by chronolint.\n*\n")


def _create(path: Path, text: str) -> None:
    """Write a small file, never through a symbolic link."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)


@cache
def _engine_fingerprint() -> str:
    """The version and a hash of the engine's code and built-in packs: a changed engine misses the cache."""
    digest = hashlib.sha256(__version__.encode())
    for path in engine_files():
        digest.update(path.read_bytes())
    return digest.hexdigest()


def engine_files() -> list[Path]:
    """What an analysis is computed by: every module of the checker package (all stages), its word
    tables (``checker/timex/*.yaml``) and the built-in packs."""
    engine = Path(__file__).resolve().parents[1]
    code = sorted(engine.rglob("*.py")) + sorted(engine.rglob("*.yaml"))
    return code + sorted(Path(str(packs_dir())).glob("*.yaml"))


def _file_digests(options: Options) -> list[str]:
    """Hashes of the pack and facts files an analysis reads (their names are in the options)."""
    return file_digests((*options.knowledge.pack_files, *options.knowledge.facts))


def _dates(documents: Sequence[Document]) -> dict[str, dict[str, Any]]:
    """Each document's publication date, where it came from and its reading warnings, by path."""
    return {
        d.path: {
            "published": d.published.isoformat() if d.published else None,
            "published_source": d.published_source,
            "warnings": list(d.warnings),
        }
        for d in documents
    }


def _dated(document: Document, meta: Any) -> Document:
    """``document`` dated as a cache entry says (checked: a date, a known source, text warnings)."""
    if not isinstance(meta, dict) or set(meta) != {"published", "published_source", "warnings"}:
        raise BadRecord("not a file's date")
    return replace(document, published=records.build(date | None, meta["published"]),
                   published_source=records.build(PublishedSource, meta["published_source"]),
                   warnings=records.build(tuple[str, ...], meta["warnings"]))  # fmt: skip


def encode(analysis: Analysis) -> dict[str, Any]:
    return {
        "published": analysis.document.published.isoformat() if analysis.document.published else None,
        "published_source": analysis.document.published_source,
        "timexes": [_plain(asdict(t)) for t in analysis.timexes],
        "assertions": [_plain(asdict(a)) for a in analysis.assertions],
        "sentences": analysis.sentences,
        "quotes": analysis.quotes,
        "ages": [asdict(a) for a in analysis.ages],
        "measures": [_plain_measure(m) for m in analysis.measures],
    }


def decode(data: Any, document: Document) -> Analysis:
    """An analysis read back; :class:`BadRecord` unless every value fits the model and the text."""
    if not isinstance(data, dict) or set(data) != set(_ENCODED):
        raise BadRecord("not an analysis")
    values = {name: records.build(tp, data[name]) for name, tp in _ENCODED.items()}
    dated = replace(document, published=values["published"], published_source=values["published_source"])
    analysis = Analysis(dated, values["timexes"], values["assertions"], sentences=values["sentences"],
                        quotes=values["quotes"], ages=values["ages"], measures=values["measures"])  # fmt: skip
    _check_extents(analysis)
    return analysis


_ENCODED: dict[str, Any] = {
    "published": date | None, "published_source": PublishedSource, "timexes": tuple[Timex, ...],
    "assertions": tuple[Assertion, ...], "sentences": tuple[Extent, ...], "quotes": tuple[Extent, ...],
    "ages": tuple[Age, ...], "measures": tuple[Measure, ...],
}  # fmt: skip


def _check_extents(analysis: Analysis) -> None:
    """Every offset inside the text, every index inside its list."""
    length, count = len(analysis.document.text), len(analysis.timexes)
    for start, end in (*analysis.sentences, *analysis.quotes):
        records.within(start, end, length)
    for timex in analysis.timexes:
        records.within(timex.start, timex.end, length)
        if any(i is not None and not 0 <= i < count for i in (timex.link, timex.anchor_index)):
            raise BadRecord("a link to no time expression")
    for assertion in analysis.assertions:
        records.within(assertion.trigger_start, assertion.trigger_end, length)
        if not 0 <= assertion.timex < count:
            raise BadRecord("an assertion of no time expression")
    for age in analysis.ages:
        records.within(age.start, age.end, length)
        if not all(0 <= i < count for i in (*age.births, *age.moments)):
            raise BadRecord("an age of no time expression")
    for measure in analysis.measures:
        for timex in filter(None, (measure.claim, measure.target, measure.anchor)):
            records.within(timex.start, timex.end, length)


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in record.items()}


def _plain_measure(m: Measure) -> dict[str, Any]:
    timexes = {
        k: None if t is None else _plain(asdict(t))
        for k, t in (("claim", m.claim), ("target", m.target), ("anchor", m.anchor))
    }
    days = {k: [d.isoformat() for d in getattr(m, k)] for k in ("window", "start")}
    return {**timexes, **days, "explicit": m.explicit, "kind": m.kind, "base": m.base}
