"""The arithmetic facts of an analysis (ages, measured offsets and spans), added once its time
expressions and assertions are known. They read only the text, the timexes and the assertions,
so a cached analysis gets them again without a parse."""

from __future__ import annotations

from dataclasses import replace

from checker.assertions import ages, measures
from checker.model import Analysis


def complete(analysis: Analysis) -> Analysis:
    """The analysis with its ages and measures."""
    return replace(analysis, ages=ages.find(analysis), measures=measures.find(analysis))
