"""``arithmetic/age``: an age ("aged 72", "the 75-year-old", "Smith, 45,", "He was 85.") that
does not fit a birth date at the dates of its clause or, for a present age, the publication date.

The ages, whose they are, the births they may be measured against and the dates of their event
are found once by ``checker.assertions.ages`` and carried on the Analysis. The birth is the
text's own; failing that, a pack's birth date of the one person the name denotes.

Only what cannot be true is flagged: a year-level date leaves its days open, and an unknown
birthday allows two ages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from checker.assertions.windows import Window, flat_text, window_of, written_in_full
from checker.checks.registry import check, rule
from checker.knowledge.model import Pack
from checker.model import Age, Analysis, Finding, Related, Timex

AGE = rule("arithmetic/age", "error", "An age that does not fit the birth date.")


def age_range(born: Window, at: Window) -> tuple[int, int]:
    """The ages in whole years someone born on a day of ``born`` can have on a day of ``at``."""

    def years(b: date, d: date) -> int:
        return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

    return years(born[1], at[0]), years(born[0], at[1])


@dataclass(frozen=True)
class Moment:
    """A day (or days) the age may be given for."""

    days: Window
    timex: Timex | None  # None: the publication date


@dataclass(frozen=True)
class Born:
    """A birth an age is measured against: its days, the text's expression (None: a pack's), and
    whether it is written in full in the age's own sentence."""

    days: Window
    timex: Timex | None
    words: str
    plain: bool


def _moments(analysis: Analysis, age: Age) -> list[Moment]:
    moments = [Moment(days, analysis.timexes[i]) for i in age.moments if (days := window_of(analysis.timexes[i]))]
    published = analysis.document.stated_published
    if published is not None and age.now:
        moments.append(Moment((published, published), None))
    return moments


def _text_births(analysis: Analysis, age: Age) -> list[Born]:
    found = []
    for index in age.births:
        timex = analysis.timexes[index]
        days = window_of(timex)
        if days is not None:
            found.append(Born(days, timex, flat_text(timex), age.near and written_in_full(timex)))
    return found


def _pack_births(pack: Pack | None, age: Age) -> list[Born]:
    """The birth date a pack holds for the one person a full name denotes ("Joe Biden", "President
    Joe Biden": the title before the name is dropped)."""
    if pack is None or not age.named or age.person is None:
        return []  # a name the parse linked ("she", "the 71-year-old") is too loose for a pack's fact
    words = age.person.split()
    people = next((p for k in range(len(words) - 1) if (p := pack.people_named(" ".join(words[k:])))), ())
    if len(people) != 1 or people[0].born is None:
        return []
    born = people[0].born
    return [
        Born((born.earliest, born.latest), None, f"{born} ({people[0].name}, as the packs hold)", born.day is not None)
    ]


def _plainly(timex: Timex | None) -> bool:
    return timex is None or timex.anchor in ("explicit", "dct")


@check(AGE, scope="knowledge")
def age_findings(analysis: Analysis, pack: Pack | None = None) -> Iterator[Finding]:
    doc = analysis.document
    for age in analysis.ages:
        moments = _moments(analysis, age)
        births = _text_births(analysis, age) or _pack_births(pack, age)
        if not moments or not births:
            continue
        # Two births in reach ("Smith, 45, and Jones, 50, born in 1980 and 1975"): flag only if neither fits.
        if any(_age_fits(age, age_range(b.days, m.days)) for b in births for m in moments):
            continue
        birth, moment = births[0], moments[0]
        low, high = age_range(birth.days, moment.days)
        possible = str(low) if low == high else f"{low} or {high}" if high == low + 1 else f"{low} to {high}"
        when = _when(moment)
        explicit = birth.plain and all(_plainly(m.timex) for m in moments)
        related = []
        if birth.timex is not None:
            related.append(Related(doc.source_span(birth.timex.start, birth.timex.end), f"born {birth.words}"))
        if moment.timex is not None:
            related.append(
                Related(doc.source_span(moment.timex.start, moment.timex.end), f"the age is given at {when}")
            )
        yield AGE.finding(
            f"{age.label} does not fit the birth date {birth.words}: the age at {when} is {possible}",
            doc.source_span(age.start, age.end),
            severity="error" if explicit else "warning",
            related=related,
        )


def _when(moment: Moment) -> str:
    """The date an age was measured at, with its day when the text leaves the year out ("Tuesday")."""
    if moment.timex is None:
        return f"publication ({moment.days[0].isoformat()})"
    words = flat_text(moment.timex)
    return words if moment.timex.fields.year is not None else f"{words} ({moment.days[0].isoformat()})"


def _age_fits(age: Age, possible: tuple[int, int]) -> bool:
    return age.low <= possible[1] and possible[0] <= age.high
