"""What a run may change about the analysis: plain settings, importable without the NLP stack."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Knowledge:
    """Which packs a run reasons with: built-in ids (None: all), pack files, house facts files."""

    names: tuple[str, ...] | None = None
    pack_files: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()

    @staticmethod
    def union(specs: Iterable[Knowledge]) -> Knowledge:
        """Everything any of the specs asks for (files checked together reason together)."""
        specs = list(specs) or [Knowledge()]
        names = None if any(s.names is None for s in specs) else tuple(sorted({n for s in specs for n in s.names}))
        files = tuple(dict.fromkeys(f for s in specs for f in s.pack_files))
        facts = tuple(dict.fromkeys(f for s in specs for f in s.facts))
        return Knowledge(names, files, facts)


@dataclass(frozen=True)
class Options:
    """What a run may change about the analysis (from the command line or a config).

    ``date_order`` is None when neither states it: 04/07/2025 is then read as April 7, and
    July 4 stays possible.
    """

    date_order: str | None = None
    batch_size: int = 32
    knowledge: Knowledge = Knowledge()


# Defaults the command line shows in --help, here so that --help loads none of the stages.
DEFAULT_CACHE_DIR = ".chronolint_cache"
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024  # larger files are refused: parsing them would take minutes and gigabytes
