"""The arithmetic facts of an analysis (ages, measured offsets, spans and anniversaries), added
once its time expressions and assertions are known: they read the text, the timexes, the
assertions and, for anniversaries, which events the packs count them from."""

from __future__ import annotations

from dataclasses import replace

from checker.assertions import ages, anniversaries, measures
from checker.knowledge.model import Pack
from checker.model import Analysis


def counted_from(pack: Pack) -> frozenset[str]:
    """The event types an anniversary counts from (``counted_from`` of the packs' event types)."""
    return frozenset(o for e in pack.events for o in e.counted_from)


def complete(analysis: Analysis, pack: Pack) -> Analysis:
    """The analysis with its ages and measures."""
    found = measures.find(analysis) + tuple(anniversaries.find(analysis, counted_from(pack)))
    return replace(analysis, ages=ages.find(analysis), measures=tuple(sorted(found, key=lambda m: m.claim.start)))
