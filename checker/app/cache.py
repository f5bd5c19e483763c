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
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from checker import __version__
from checker.model import (
    Age,
    Analysis,
    Assertion,
    DateFields,
    Document,
    Finding,
    Fix,
    Measure,
    Related,
    Span,
    Timex,
)
from checker.options import Options
from checker.resources import packs_dir

DEFAULT_DIR = ".chronolint_cache"
_DATE_FIELDS = ("earliest", "latest", "alternative")


class Cache:
    def __init__(self, directory: str | os.PathLike[str] = DEFAULT_DIR) -> None:
        self.directory = Path(directory)

    def key(self, document: Document, options: Options) -> str:
        digest = hashlib.sha256()
        for part in (_engine_fingerprint(), document.format, str(document.published), document.published_source,
                     repr(options), *_file_digests(options), document.text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return digest.hexdigest()

    def run_key(self, items: Iterable[tuple[Document, Options, str]]) -> str:
        """The key of a whole run's findings: every file's key, path and configuration (``repr``)."""
        digest = hashlib.sha256()
        for document, options, config in items:
            digest.update(f"{self.key(document, options)}\0{document.path}\0{config}\0".encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def load(self, key: str, document: Document) -> Analysis | None:
        """The cached analysis of ``document``, or None (absent or unreadable)."""
        try:
            data = json.loads((self.directory / key[:2] / f"{key}.json").read_text(encoding="utf-8"))
            return decode(data, document)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def load_findings(self, key: str, documents: Sequence[Document]) -> tuple[list[Finding], list[Document]] | None:
        """A whole run's findings, when nothing it depends on changed (the rules need not run), and
        the documents dated as the analysis dated them."""
        try:
            data = json.loads((self.directory / "runs" / f"{key}.json").read_text(encoding="utf-8"))
            dated = [_dated(d, data["dates"][d.path]) for d in documents]
            return [_finding(record) for record in data["findings"]], dated
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def load_unchanged(self, states: Sequence[str]) -> tuple[list[Finding], list[Document]] | None:
        """Findings of a run whose files are unchanged (by ``stat``), with every file checked (the
        sources of just those the findings point into, for positions)."""
        try:
            data = json.loads((self.directory / "unchanged" / f"{_states_key(states)}.json").read_text("utf-8"))
            sources = data["sources"]
            documents = [
                _dated(Document(path, sources.get(path, ""), sources.get(path, "")), meta)
                for path, meta in data["dates"].items()
            ]
            return [_finding(record) for record in data["findings"]], documents
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store_unchanged(self, states: Sequence[str], found: Sequence[Finding], documents: Sequence[Document]) -> None:
        """Keep the findings, every file's date, and the sources of the files the findings point into."""
        paths = {f.span.path for f in found} | {r.span.path for f in found for r in f.related}
        sources = {d.path: d.source for d in documents if d.path in paths}
        record = {"findings": [asdict(f) for f in found], "sources": sources, "dates": _dates(documents)}
        self._write(self.directory / "unchanged" / f"{_states_key(states)}.json", record)

    def store(self, key: str, analysis: Analysis) -> None:
        self._write(self.directory / key[:2] / f"{key}.json", encode(analysis))

    def store_findings(self, key: str, found: Sequence[Finding], documents: Sequence[Document]) -> None:
        record = {"findings": [asdict(f) for f in found], "dates": _dates(documents)}
        self._write(self.directory / "runs" / f"{key}.json", record)

    def _write(self, path: Path, data: Any) -> None:
        """Write atomically; a cache that cannot be written is skipped, never an error."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._mark()
            with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8", suffix=".tmp") as f:
                json.dump(data, f)
            os.replace(f.name, path)
        except OSError:
            pass

    def _mark(self) -> None:
        """Tell git and backup tools to leave the folder alone."""
        ignore = self.directory / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Automatically created by chronolint.\n*\n", encoding="utf-8")
            (self.directory / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n# chronolint cache\n", encoding="utf-8"
            )


@lru_cache(maxsize=None)
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


def _states_key(states: Sequence[str]) -> str:
    digest = hashlib.sha256(_engine_fingerprint().encode())
    for state in states:
        digest.update(state.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _file_digests(options: Options) -> list[str]:
    """Hashes of the pack and facts files an analysis reads (their names are in the options)."""
    paths = (*options.knowledge.pack_files, *options.knowledge.facts)
    return [hashlib.sha256(Path(p).read_bytes()).hexdigest() if Path(p).is_file() else "missing" for p in paths]


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


def _dated(document: Document, meta: dict[str, Any]) -> Document:
    published = date.fromisoformat(meta["published"]) if meta["published"] else None
    return replace(document, published=published, published_source=meta["published_source"],
                   warnings=tuple(meta["warnings"]))  # fmt: skip


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


def decode(data: dict[str, Any], document: Document) -> Analysis:
    published = date.fromisoformat(data["published"]) if data["published"] else None
    dated = replace(document, published=published, published_source=data["published_source"])
    return Analysis(
        dated, tuple(_timex(t) for t in data["timexes"]), tuple(_assertion(a) for a in data["assertions"]),
        sentences=_extents(data["sentences"]), quotes=_extents(data["quotes"]),
        ages=tuple(_age(a) for a in data["ages"]), measures=tuple(_measure(m) for m in data["measures"]),
    )  # fmt: skip


def _extents(pairs: list[list[int]]) -> tuple[tuple[int, int], ...]:
    return tuple((int(start), int(end)) for start, end in pairs)


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in record.items()}


def _span(record: dict[str, Any]) -> Span:
    return Span(record["path"], record["start"], record["end"])


def _finding(record: dict[str, Any]) -> Finding:
    fix = record["fix"]
    return Finding(
        rule=record["rule"],
        severity=record["severity"],
        message=record["message"],
        span=_span(record["span"]),
        related=tuple(Related(_span(r["span"]), r["message"]) for r in record["related"]),
        fix=None if fix is None else Fix(fix["replacement"], _span(fix["span"]), fix.get("certain", False)),
    )


def _timex(record: dict[str, Any]) -> Timex:
    values = {k: record[k] for k in (f.name for f in fields(Timex))}
    values.update({k: date.fromisoformat(values[k]) if values[k] else None for k in _DATE_FIELDS})
    values["fields"] = DateFields(**values["fields"])
    return Timex(**values)


def _age(record: dict[str, Any]) -> Age:
    values = {k: record[k] for k in (f.name for f in fields(Age))}
    values.update(births=tuple(values["births"]), moments=tuple(values["moments"]))
    return Age(**values)


def _plain_measure(m: Measure) -> dict[str, Any]:
    timexes = {k: None if t is None else _plain(asdict(t)) for k, t in (("claim", m.claim), ("target", m.target), ("anchor", m.anchor))}
    days = {k: [d.isoformat() for d in getattr(m, k)] for k in ("window", "start")}
    return {**timexes, **days, "explicit": m.explicit, "kind": m.kind, "base": m.base}


def _measure(record: dict[str, Any]) -> Measure:
    def days(pair: list[str]) -> tuple[date, date]:
        return date.fromisoformat(pair[0]), date.fromisoformat(pair[1])

    anchor = record["anchor"]
    return Measure(_timex(record["claim"]), days(record["window"]), _timex(record["target"]),
                   None if anchor is None else _timex(anchor), record["explicit"], record["kind"], record["base"],
                   days(record["start"]))  # fmt: skip


def _assertion(record: dict[str, Any]) -> Assertion:
    values = {k: record[k] for k in (f.name for f in fields(Assertion))}
    values["participants"] = tuple(tuple(pair) for pair in values["participants"])
    values["inferred"] = tuple(values["inferred"])
    return Assertion(**values)
