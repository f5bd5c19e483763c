"""``arithmetic/age``: an age ("aged 72", "the 75-year-old", "Smith, 45,") that does not fit
a birth date at the dates of its sentence or, for a present age, the publication date.

Only what cannot be true is flagged: a year-level date leaves its days open, and an unknown
birthday allows two ages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from checker.checks.registry import check, rule
from checker.checks.windows import (
    Window,
    flat_text,
    sentence_bounds,
    sentence_of,
    window_of,
    written_in_full,
)
from checker.model import Analysis, Assertion, Finding, Related, Timex
from checker.timex.lexicon import NUMBERS, alt, number_value

AGE = rule("arithmetic/age", "error", "An age that does not fit the birth date.")


# Ages in words: "seventy", "twenty-one" (not "a", "a dozen": "died at a hospital").
_NUMBER_WORD = alt(w for w, n in NUMBERS.items() if 0 < n < 125 and w.split()[0] not in ("a", "an", "couple", "dozen"))
_AGE_MOD = r"(?:(?P<mod>about|around|approximately|roughly|nearly|almost|over|under|more\s+than|less\s+than|at\s+least|just)\s+)?"
_NOT_AN_AGE = (
    r"(?![\d,.:]\d|\s*(?:%|percent|[ap]\.?m\b|o['’]clock|(?:and|or)\s+(?:older|over|up|above|younger|under)|to\s+\d|-\d|"
    r"and\s+\d|in\s+the\s+(?:morning|afternoon|evening)|[A-Z]))"
)
_NAME = r"(?P<name>(?:[A-Z](?:[\w'’-]*|\.)\s+){0,3}[A-Z][\w'’-]*)"
_NOT_NAMES = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|In|On|At|By|"
    r"For|And|But|No|Page|Chapter|Vol|Section|Article|Route|Highway|Room|Flight|Table|Figure|Game|Week|Level)$"
)
AGE_FORMS = re.compile(
    "|".join(
        (
            # "aged 72", "at the age of 72", "at age 72", "died Tuesday at 72", "turned 50": the age at its event
            (
                rf"\b(?:(?P<kw1>aged\s+|at\s+(?:the\s+)?age\s+(?:of\s+)?|turn(?:ed|s)\s+)|"
                rf"(?:died|dies)\b[^.;:!?\d]{{0,30}}?(?:\d[^.;:!?]{{0,15}}?)?(?P<kw2>\bat\s+(?:the\s+age\s+of\s+)?))"
                rf"{_AGE_MOD}(?P<n1>\d{{1,3}}|{_NUMBER_WORD})\b{_NOT_AN_AGE}"
            ),
            # "the 75-year-old", "75 years old": an age now (or at the event)
            rf"\b{_AGE_MOD.replace('mod', 'mod2')}(?P<n2>\d{{1,3}}|{_NUMBER_WORD})[\s-]+years?[\s-]+old\b",
            # "Smith, 45," and "Smith (45)": the news apposition
            rf"{_NAME.replace('name', 'name3')},\s+(?P<n3>\d{{1,3}}),(?!\d)",
            rf"{_NAME.replace('name', 'name4')}\s+\((?P<n4>\d{{1,3}})\)",
        )
    ),
)
AGE_MODS = {"about": (-2, 2), "around": (-2, 2), "approximately": (-2, 2), "roughly": (-2, 2), "nearly": (-2, 0),
            "almost": (-2, 0), "just": (-1, 1), "over": (0, 200), "more than": (0, 200), "at least": (0, 200),
            "under": (-200, 0), "less than": (-200, 0)}  # fmt: skip
# Nouns for other people: a birth told of "her father" is not the birth of the person whose age it is.
OTHER_PEOPLE = frozenset({
    "father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "parent", "parents", "child",
    "children", "grandfather", "grandmother", "grandson", "granddaughter", "uncle", "aunt", "nephew", "niece",
    "cousin", "partner", "boyfriend", "girlfriend", "baby", "predecessor", "successor",
})  # fmt: skip
CREATION_TRIGGERS = frozenset({"built", "constructed", "erected", "founded", "established", "opened", "completed"})


@dataclass(frozen=True)
class Age:
    """An age as written: where, the years it allows, who it belongs to (a name or a noun phrase)."""

    start: int
    end: int
    label: str  # how the message names it: "'at the age of 72'", "Smith's age, 45"
    low: int
    high: int
    person: str | None
    now: bool  # the news apposition and "N-year-old": the publication date may be meant


def ages(text: str) -> Iterator[Age]:
    """Every age written in ``text`` ("aged 72", "the 75-year-old", "Smith, 45,", "Smith (45)")."""
    for m in AGE_FORMS.finditer(text):
        form = next(k for k in "1234" if m[f"n{k}"] is not None)
        n = number_value(m[f"n{form}"])
        if n is None or not 0 < n < 125:
            continue
        mod = m["mod"] if form == "1" else m["mod2"] if form == "2" else None
        lo, hi = AGE_MODS.get(" ".join(mod.lower().split()), (0, 0)) if mod else (0, 0)
        person = _age_person(text, m, form)
        if form in "34" and person is None:
            continue
        if form in "34":
            start, end, label = m.start(f"n{form}"), m.end(f"n{form}"), f"{person}'s age, {n},"
        else:  # "died on June 1, 2020, at 72": the age is "at 72"
            start, end = (m.start("kw2") if form == "1" and m["kw1"] is None else m.start()), m.end()
            label = repr(text[start:end].strip())
        yield Age(start, end, label, max(n + lo, 0), n + hi, person, form != "1")


def _age_person(text: str, m: re.Match[str], form: str) -> str | None:
    """Whose age: the name in apposition, or "N-year-old" with the noun after it ("10 year old bridge")."""
    if form in "34":
        name = m[f"name{form}"]
        words = name.split()
        while words and _NOT_NAMES.match(words[0]):
            words = words[1:]
        return " ".join(words) if words and not _NOT_NAMES.match(words[-1]) else None
    if form == "2" and "-" in m[0]:
        noun = re.match(r"\s+([a-z]+)\b", text[m.end() :])
        number = " ".join(re.split(r"[\s-]+", m[0].strip()))
        return f"{number} {noun[1]}" if noun else number
    return None


def _same(a: str, b: str) -> bool:
    """Two mentions of one person or thing: the words of one begin or end the other ("Smith" and
    "John Smith", "75 year old" and "75 year old grandmother"), or a lone surname is among the other's
    words ("Hadid" and "Zaha Hadid DBE"). Two different full names differ ("John Smith", "Jane Smith")."""
    short, long = sorted((_norm(a).split(), _norm(b).split()), key=len)
    if not short:
        return False
    if long[: len(short)] == short or long[-len(short) :] == short:
        return True
    return len(short) == 1 and a[:1].isupper() and b[:1].isupper() and short[0] in long


def _norm(s: str) -> str:
    return " ".join(re.split(r"[\s-]+", s.lower())).strip()


@dataclass(frozen=True)
class Birth:
    assertion: Assertion
    timex: Timex
    sentence: int


def _births(analysis: Analysis, bounds: list[tuple[int, int]]) -> list[Birth]:
    found = []
    for a in analysis.assertions:
        t = analysis.timexes[a.timex]
        creation = a.trigger.lower() in CREATION_TRIGGERS or a.event == "founding"
        asserted = (a.event == "birth" or creation) and a.modality == "asserted" and a.polarity == "positive"
        written = t.fields.year is not None and window_of(t) is not None and t.granularity in ("day", "month", "year")
        if asserted and written:
            found.append(Birth(a, t, sentence_of(bounds, a.trigger_start)))
    return found


def _whose(birth: Birth) -> str | None:
    a = birth.assertion
    return a.participant("object") or a.participant("subject")


def _is_creation(birth: Birth) -> bool:
    return birth.assertion.event != "birth"


_ANOTHER = re.compile(r"\b(?:and|with|whose|while|but|or)\s+(?:his|her|their|its|the|a|an|[A-Z])|\b[A-Z][\w'’-]*")


def _someone_between(text: str, age: Age, birth: Assertion) -> bool:
    """Whether another person may stand between an age and a birth the parse left without a subject
    ("Smith, 45, and his son, born in 2000"): a conjoined phrase, a kin word, or another name."""
    lo, hi = sorted((age.end, birth.trigger_start)) if birth.trigger_start > age.start else (birth.trigger_end, age.start)
    own = set((age.person or "").split())
    for m in _ANOTHER.finditer(text, lo, hi):
        word = m[0]
        if not word[0].isupper() or word not in own and not _NOT_NAMES.match(word):
            return True
    return any(w in OTHER_PEOPLE for w in _norm(text[lo:hi]).split())


def _linked(text: str, age: Age, birth: Birth, sentence: int) -> bool:
    """Whether a birth is the birth of the person (or thing) whose age is given.

    In the same sentence, unless the birth is told of someone else ("her father"); a
    built/founded date only for the very thing of the "N-year-old". In a nearby sentence,
    only by name ("John Smith was born ..." / "Smith, 45,").
    """
    whose = _whose(birth)
    if _is_creation(birth):
        return birth.sentence == sentence and age.person is not None and whose is not None and _same(age.person, whose)
    if birth.sentence == sentence:
        if whose is None or "participant" in birth.assertion.inferred:
            return not _someone_between(text, age, birth.assertion)
        if age.person is not None:
            return _same(age.person, whose)
        return not any(w in OTHER_PEOPLE for w in _norm(whose).split())
    return (
        -3 <= birth.sentence - sentence <= 1
        and age.person is not None
        and whose is not None
        and whose[:1].isupper()
        and _same(age.person, whose)
    )


def age_range(born: Window, at: Window) -> tuple[int, int]:
    """The ages in whole years someone born on a day of ``born`` can have on a day of ``at``."""

    def years(b: date, d: date) -> int:
        return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

    return years(born[1], at[0]), years(born[0], at[1])


# Between an age and a date of another clause: "won the title in 1990 and retired aged 50".
_CLAUSE_BREAK = re.compile(r";|\b(?:and|but|while|whereas|before|after|until|when|then|since|later)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Moment:
    """A day (or days) the age may be given for."""

    days: Window
    timex: Timex | None  # None: the publication date


def _moments(analysis: Analysis, age: Age, birth: Birth, bounds: list[tuple[int, int]]) -> list[Moment]:
    """The dates of the age's clause (its event), and for a present age the publication date.

    "aged 40" with no date in its clause is an age at some undated event: nothing to measure.
    """
    lo, hi = bounds[sentence_of(bounds, age.start)]
    text = analysis.document.text
    moments = [
        Moment(days, t)
        for t in analysis.timexes
        if lo <= t.start < hi and t is not birth.timex and t.type in ("DATE", "TIME")
        and (days := window_of(t)) is not None and t.granularity != "vague"
        and not _CLAUSE_BREAK.search(text, min(t.end, age.end), max(t.start, age.start))
    ]
    published = analysis.document.stated_published
    if published is not None and age.now:
        moments.append(Moment((published, published), None))
    return moments


def _plainly(timex: Timex | None) -> bool:
    return timex is None or timex.anchor in ("explicit", "dct")


def _subject_of(analysis: Analysis, sentence: tuple[int, int], age: Age) -> str | None:
    """Whose age "aged 72" is: the participant of the last dated event before it in its sentence
    ("She died on March 31, 2016, at the age of 65": her, as the parse linked the pronoun)."""
    events = [a for a in analysis.assertions if sentence[0] <= a.trigger_start < age.start and a.event != "birth"]
    return next((p for a in reversed(events) if (p := a.participant("subject") or a.participant("object"))), None)


def _closest_births(text: str, age: Age, births: list[Birth], sentence: int) -> list[Birth]:
    """The births linked to an age, from the nearest sentence that has any, nearest first."""
    linked = [b for b in births if _linked(text, age, b, sentence)]
    if not linked:
        return []
    nearest = min(abs(b.sentence - sentence) for b in linked)
    return sorted((b for b in linked if abs(b.sentence - sentence) == nearest), key=lambda b: abs(b.assertion.trigger_start - age.start))


@check(AGE)
def age_findings(analysis: Analysis) -> Iterator[Finding]:
    text = analysis.document.text
    bounds = sentence_bounds(text)
    births = _births(analysis, bounds)
    if not births:
        return
    doc = analysis.document
    for age in ages(text):
        sentence = sentence_of(bounds, age.start)
        if age.person is None:
            age = replace(age, person=_subject_of(analysis, bounds[sentence], age))
        candidates = [(b, _moments(analysis, age, b, bounds)) for b in _closest_births(text, age, births, sentence)]
        candidates = [(b, moments) for b, moments in candidates if moments]
        # Two births in reach ("Smith, 45, and Jones, 50, born in 1980 and 1975"): flag only if neither fits.
        if not candidates or any(_age_fits(age, age_range(_born(b), m.days)) for b, moments in candidates for m in moments):
            continue
        birth, moments = candidates[0]
        moment = moments[0]
        low, high = age_range(_born(birth), moment.days)
        possible = str(low) if low == high else f"{low} or {high}" if high == low + 1 else f"{low} to {high}"
        when = _when(moment)
        explicit = birth.sentence == sentence and written_in_full(birth.timex) and all(_plainly(m.timex) for m in moments)
        related = [Related(doc.source_span(birth.timex.start, birth.timex.end), f"born {flat_text(birth.timex)}")]
        if moment.timex is not None:
            related.append(Related(doc.source_span(moment.timex.start, moment.timex.end), f"the age is given at {when}"))
        yield AGE.finding(
            f"{age.label} does not fit the birth date {flat_text(birth.timex)}: the age at {when} is {possible}",
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


def _born(birth: Birth) -> Window:
    born = window_of(birth.timex)
    assert born is not None  # births are kept only with a day interval
    return born


def _age_fits(age: Age, possible: tuple[int, int]) -> bool:
    return age.low <= possible[1] and possible[0] <= age.high

