"""Ages: every age a text states ("aged 72", "the 75-year-old", "Smith, 45,", "He was 85.",
"At 19, ..."), with whose it is, the births it may be measured against and the dates of its
event, found once for the Analysis (``Analysis.ages``) and judged by ``arithmetic/age``.

Only links a careful reader makes are kept: a birth in the age's sentence unless told of someone
else ("her father"), a birth elsewhere only through the same name, a creation date only for the
very thing of a "10-year-old bridge".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from checker.assertions.windows import Bounds, sentence_bounds, sentence_of, window_of
from checker.model import Age, Analysis, Assertion, Timex
from checker.timex.lexicon import NUMBERS, alt, number_value

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
# The six forms, each with words a text must hold for it to match anywhere in it. A text is scanned
# for the forms it may hold only (the same matches: this scan is the analysis's costliest); those
# most texts hold ask nothing (each other set of forms is another regex to compile), and
# every form begins at a word's start or at a capital (a name): the lookahead turns away the other
# positions before the forms are tried at each (a third of the scan).
_FORMS = (
    # "aged 72", "at the age of 72", "at age 72", "died Tuesday at 72", "turned 50": the age at its event
    (
        rf"\b(?:(?P<kw1>aged\s+|at\s+(?:the\s+)?age\s+(?:of\s+)?|turn(?:ed|s)\s+)|"
        rf"(?:died|dies)\b[^.;:!?\d]{{0,30}}?(?:\d[^.;:!?]{{0,15}}?)?(?P<kw2>\bat\s+(?:the\s+age\s+of\s+)?))"
        rf"{_AGE_MOD}(?P<n1>\d{{1,3}}|{_NUMBER_WORD})\b{_NOT_AN_AGE}",
        None,
    ),
    # "the 75-year-old", "75 years old": an age now (or at the event)
    (
        rf"\b{_AGE_MOD.replace('mod', 'mod2')}(?P<n2>\d{{1,3}}|{_NUMBER_WORD})[\s-]+years?[\s-]+old\b",
        r"years?[\s-]+old",
    ),
    # "Smith, 45," and "Smith (45)": the news apposition
    (rf"{_NAME.replace('name', 'name3')},\s+(?P<n3>\d{{1,3}}),(?!\d)", r",\s+\d{1,3},"),
    (rf"{_NAME.replace('name', 'name4')}\s+\((?P<n4>\d{{1,3}})\)", r"\(\d{1,3}\)"),
    # "He was 85." / "she is 40 when": a copular age closing its clause, of the person told of
    (
        rf"\b(?P<pron5>[Hh]e|[Ss]he)\s+(?P<verb5>was|is|had\s+been)\s+{_AGE_MOD.replace('mod', 'mod5')}"
        rf"(?P<n5>\d{{1,3}}|{_NUMBER_WORD})(?=\s*(?:[.;!]|,?\s+when\b|\s+at\s+the\s+time\b|,\s+(?:in|on)\s))",
        None,
    ),
    # "At 19, Smith scored", "In 1934, at 30, Volkov won": a fronted age at the event of its sentence
    (rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=,\s))(?P<kw6>[Aa]t\s+)(?P<n6>\d{{1,3}}|{_NUMBER_WORD}),", None),
)
_HELD = [re.compile(words) if words else None for _, words in _FORMS]


@lru_cache(maxsize=64)
def _scan(forms: tuple[int, ...]) -> re.Pattern[str]:
    return re.compile(r"(?=\b|[A-Z])(?:" + ("|".join(_FORMS[i][0] for i in forms) or "(?!)") + ")")


def age_forms(text: str) -> re.Pattern[str]:
    """The scan for the forms ``text`` may hold (a match's groups are its form's)."""
    return _scan(tuple(i for i, held in enumerate(_HELD) if held is None or held.search(text)))


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


# A name and a comma just before "aged 30": the news apposition, an age now ("Patel, aged 30, of Leicester").
_NAMED_BEFORE = re.compile(r"[A-Z][\w'’.-]*,\s*$")
# The name right after "28-year-old": "28-year-old Maria Lopez".
_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)")


# "would have turned 100", "could be 40": an age no one claims.
_COUNTERFACTUAL = re.compile(r"\b(?:would|could|might|should)(?:n['’]t)?\s+(?:have\s+)?(?:been\s+)?$", re.IGNORECASE)


def written(text: str) -> Iterator[Age]:
    """Every age written in ``text``, with the years it allows and whose it is when the words say."""
    for m in age_forms(text).finditer(text):
        form = next(k for k in "123456" if m.groupdict().get(f"n{k}") is not None)
        n = number_value(m[f"n{form}"])
        if n is None or not 0 < n < 125:
            continue
        mod = m.groupdict().get({"1": "mod", "2": "mod2", "5": "mod5"}.get(form, "-"))
        lo, hi = AGE_MODS.get(" ".join(mod.lower().split()), (0, 0)) if mod else (0, 0)
        person = _age_person(text, m, form)
        if form in "34" and person is None or _COUNTERFACTUAL.search(text, max(0, m.start() - 30), m.start()):
            continue
        if form in "34":
            start, end, label = m.start(f"n{form}"), m.end(f"n{form}"), f"{person}'s age, {n},"
        else:  # "died on June 1, 2020, at 72": the age is "at 72"
            start = m.start("kw2") if form == "1" and m["kw1"] is None else m.start()
            end = m.end(f"n{form}") if form in "56" else m.end()
            label = repr(text[start:end].strip())
        named = person is not None and person[:1].isupper()
        yield Age(start, end, label, max(n + lo, 0), n + hi, person, _now(text, m, form), named=named)


def _now(text: str, m: re.Match[str], form: str) -> bool:
    """Whether the age may be meant at publication: the news apposition, "N-year-old", "he is 40"."""
    if form == "1":
        return (
            m["kw1"] is not None
            and m["kw1"].lower().startswith("aged")
            and bool(_NAMED_BEFORE.search(text, 0, m.start()))
        )
    if form == "5":
        return m["verb5"] == "is"
    return form != "6"


def _age_person(text: str, m: re.Match[str], form: str) -> str | None:
    """Whose age: the name in apposition, or "N-year-old" with the name or noun after it
    ("28-year-old Maria Lopez", "10 year old bridge")."""
    if form in "34":
        return _trimmed(m[f"name{form}"])
    if form == "6":  # "At 19, Luca Benedetti, born ...": the subject after it
        name = _NAME_AFTER.match(text, m.end())
        return _trimmed(name[1]) if name else None
    if form == "2" and "-" in m[0]:
        name = _NAME_AFTER.match(text, m.end())
        if name and (trimmed := _trimmed(name[1])) is not None:
            return trimmed
        noun = re.match(r"\s+([a-z]+)\b", text[m.end() :])
        number = " ".join(re.split(r"[\s-]+", m[0].strip()))
        return f"{number} {noun[1]}" if noun else number
    return None


def _trimmed(name: str) -> str | None:
    """A name without the month, weekday or function words the pattern took with it."""
    words = name.split()
    while words and _NOT_NAMES.match(words[0]):
        words = words[1:]
    return " ".join(words) if words and (len(words) > 1 or not _NOT_NAMES.match(words[-1])) else None


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
    """Lowercase words, without a number the parse left in a name ("grace de vries 75")."""
    return " ".join(w for w in re.split(r"[\s-]+", s.lower()) if not w.isdigit()).strip()


@dataclass(frozen=True)
class Birth:
    index: int  # its date, in the Analysis' timexes
    assertion: Assertion
    timex: Timex
    sentence: int
    fronted: bool  # "Born in Cork in 1950, Smith ...": the birth of the main clause's subject


def _births(analysis: Analysis, bounds: Bounds) -> list[Birth]:
    """Dated births (and creations) the text asserts, a life span's first day among them."""
    found = []
    for a in analysis.assertions:
        t = analysis.timexes[a.timex]
        creation = a.trigger.lower() in CREATION_TRIGGERS or a.event == "founding"
        asserted = (a.event == "birth" or creation) and a.modality == "asserted" and a.polarity == "positive"
        written = t.fields.year is not None and window_of(t) is not None and t.granularity in ("day", "month", "year")
        if asserted and written:
            sentence = sentence_of(bounds, a.trigger_start)
            fronted = not analysis.document.text[bounds[sentence][0] : a.trigger_start].strip(' \t\n"“(')
            found.append(Birth(a.timex, a, t, sentence, fronted))
    return found


def _name_keys(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """What a name may be the short side of in :func:`_same`: its prefixes, its suffixes, its words."""
    return (
        {words[:k] for k in range(1, len(words) + 1)} | {words[k:] for k in range(len(words))} | {(w,) for w in words}
    )


@dataclass(frozen=True)
class _Births:
    """The births of a text by sentence, and by name those an age of a later sentence may be linked
    to (looked up by the words of the names): each age looks up its own instead of trying every
    birth (a text of many ages and births was quadratic)."""

    by_sentence: dict[int, list[tuple[int, Birth]]]  # (position in the text's births, birth)
    by_name: dict[str, list[Birth]]  # named, not creations, in sentence order
    as_long: dict[tuple[str, ...], set[str]]  # key -> names it is the short side of
    as_short: dict[tuple[str, ...], set[str]]  # a name's words -> the names
    bearers: dict[tuple[str, str], bool] = field(default_factory=dict)  # _one_bearer, once per pair

    @classmethod
    def of(cls, births: Sequence[Birth]) -> _Births:
        by_sentence: dict[int, list[tuple[int, Birth]]] = {}
        by_name: dict[str, list[Birth]] = {}
        for n, b in enumerate(births):
            by_sentence.setdefault(b.sentence, []).append((n, b))
            whose = _whose(b)
            if whose is not None and whose[:1].isupper() and not _is_creation(b):
                by_name.setdefault(whose, []).append(b)
        as_long: dict[tuple[str, ...], set[str]] = {}
        as_short: dict[tuple[str, ...], set[str]] = {}
        for name, named in by_name.items():
            named.sort(key=lambda b: b.sentence)
            words = tuple(_norm(name).split())
            as_short.setdefault(words, set()).add(name)
            for key in _name_keys(words):
                as_long.setdefault(key, set()).add(name)
        return cls(by_sentence, by_name, as_long, as_short)

    def same_names(self, person: str) -> set[str]:
        """The names of births that :func:`_same` holds one with ``person``."""
        words = tuple(_norm(person).split())
        if not words:
            return set()
        names = set(self.as_long.get(words, ()))
        for key in _name_keys(words):
            names |= self.as_short.get(key, set())
        return {name for name in names if _same(person, name)}

    def one_bearer(self, text: str, surname: str, whose: str) -> bool:
        if (surname, whose) not in self.bearers:
            self.bearers[surname, whose] = _one_bearer(text, surname, whose)
        return self.bearers[surname, whose]


def _whose(birth: Birth) -> str | None:
    a = birth.assertion
    return a.participant("object") or a.participant("subject")


def _is_creation(birth: Birth) -> bool:
    return birth.assertion.event != "birth"


_ANOTHER = re.compile(r"\b(?:and|with|whose|while|but|or)\s+(?:his|her|their|its|the|a|an|[A-Z])|\b[A-Z][\w'’-]*")


def _someone_between(text: str, age: Age, birth: Assertion) -> bool:
    """Whether another person may stand between an age and a birth the parse left without a subject
    ("Smith, 45, and his son, born in 2000"): a conjoined phrase, a kin word, or another name."""
    lo, hi = (
        sorted((age.end, birth.trigger_start)) if birth.trigger_start > age.start else (birth.trigger_end, age.start)
    )
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
    only by name ("John Smith was born ..." / "Smith, 45,"); any sentence before, by full name,
    by a surname no one else bears, or by the surname of the life span a biography opens with
    ("Daniel Bernoulli (8 February 1700 – 17 March 1782) was ..." then "Bernoulli died at 84").
    """
    whose = _whose(birth)
    if _is_creation(birth):
        return birth.sentence == sentence and age.person is not None and whose is not None and _same(age.person, whose)
    if birth.sentence == sentence:
        if whose is None and birth.fronted:
            return not any(w in OTHER_PEOPLE for w in _norm(text[birth.assertion.trigger_end : age.start]).split())
        if whose is None or "participant" in birth.assertion.inferred:
            return not _someone_between(text, age, birth.assertion)
        if age.person is not None:
            return _same(age.person, whose)
        return not any(w in OTHER_PEOPLE for w in _norm(whose).split())
    if age.person is None or whose is None or not whose[:1].isupper() or not _same(age.person, whose):
        return False
    # A full name is the same person anywhere before; so is a surname no one else bears.
    full = len(age.person.split()) > 1 and len(whose.split()) > 1
    subject = birth.assertion.trigger == "(" and birth.sentence < 3  # a biography's opening life span
    return (
        -3 <= birth.sentence - sentence <= 1
        or (full or subject or _one_bearer(text, age.person, whose))
        and birth.sentence < sentence
    )


def _one_bearer(text: str, surname: str, whose: str) -> bool:
    """Whether every full name ending in this surname is this person's ("Nadia Mensah", not also
    "Kofi Mensah"; "Zaha Hadid" and "Dame Zaha Mohammad Hadid" are one)."""
    words = whose.split()
    if len(words) < 2 or len(surname.split()) != 1 or surname not in words:
        return False
    bearers = {
        m[1] for m in re.finditer(rf"\b([A-Z][\w'’-]+)\s+{re.escape(surname)}\b", text) if not _NOT_NAMES.match(m[1])
    }
    return bearers <= set(words)


# Between an age and a date of another clause: "won the title in 1990 and retired aged 50".
_CLAUSE_BREAK = re.compile(r";|\b(?:and|but|while|whereas|before|after|until|when|then|since|later)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Offsets:
    """Items' offsets in ascending order with their indices: the items in a range by a binary
    search (each age asks for its sentence's dates and events; a long text has thousands of ages)."""

    offsets: list[int]
    indices: list[int]

    @classmethod
    def of(cls, offsets: Sequence[int]) -> _Offsets:
        order = sorted(range(len(offsets)), key=offsets.__getitem__)
        return cls([offsets[i] for i in order], order)

    def within(self, lo: int, hi: int) -> list[int]:
        """Indices of the items at ``lo <= offset < hi``, in index order."""
        return sorted(self.indices[bisect.bisect_left(self.offsets, lo) : bisect.bisect_left(self.offsets, hi)])


def _subject_of(analysis: Analysis, sentence: tuple[int, int], age: Age, triggers: _Offsets) -> str | None:
    """Whose age "aged 72" is: the participant of the last dated event before it in its sentence
    ("She died on March 31, 2016, at the age of 65": her, as the parse linked the pronoun)."""
    before = (analysis.assertions[i] for i in triggers.within(sentence[0], age.start))
    events = [a for a in before if a.event != "birth"]
    return next((p for a in reversed(events) if (p := a.participant("subject") or a.participant("object"))), None)


def _closest_births(text: str, age: Age, births: _Births, sentence: int) -> list[Birth]:
    """The births linked to an age, from the nearest sentence that has any, nearest first: the
    sentences :func:`_linked` reaches without a name one by one, then by name the nearest before."""
    linked: list[tuple[int, Birth]] = []
    for d in range(4):
        near = [
            *births.by_sentence.get(sentence - d, []),
            *(births.by_sentence.get(sentence + 1, []) if d == 1 else []),
        ]
        if linked := [(n, b) for n, b in near if _linked(text, age, b, sentence)]:
            break
    else:
        far = _nearest_named(text, age, births, sentence - 3)
        far_births = births.by_sentence.get(far, []) if far is not None else []
        linked = [(n, b) for n, b in far_births if _linked(text, age, b, sentence)]
    return sorted(
        (b for _, b in sorted(linked, key=lambda nb: nb[0])), key=lambda b: abs(b.assertion.trigger_start - age.start)
    )


def _nearest_named(text: str, age: Age, births: _Births, before: int) -> int | None:
    """The last sentence before ``before`` with a birth :func:`_linked` links by name: of the same
    name, by a full name or a surname no one else bears, or a biography's opening life span."""
    if age.person is None:
        return None
    found = []
    for name in births.same_names(age.person):
        named = births.by_name[name]
        full = len(age.person.split()) > 1 and len(name.split()) > 1
        if full or births.one_bearer(text, age.person, name):
            k = bisect.bisect_left(named, before, key=lambda b: b.sentence)
            found += [named[k - 1].sentence] if k else []
        else:
            found += [b.sentence for b in named if b.sentence < min(3, before) and b.assertion.trigger == "("]
    return max(found, default=None)


# After "the 63-year-old": a verb or a person noun, so the phrase stands for someone named before.
_STANDS_FOR_SOMEONE = re.compile(
    r"\s*(?:[,.;:)]|—|–|$|(?:said|says|told|added|is|was|has|had|will|would|who|remains|died|won|became|"
    r"man|woman|star|singer|actor|actress|player|veteran|politician|leader|author|writer|executive|founder)\b)"
)
# Two capitalised words: a full name, someone else the age might be of.
_FULL_NAME = re.compile(r"\b[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+\b")


def _stands_for_someone(text: str, age: Age) -> bool:
    """ "the 63-year-old said", "He was 85.": the age of a person named earlier in the text."""
    words = text[age.start : age.end]
    if re.match(r"[Hh]e\b|[Ss]he\b", words):
        return True
    return (
        bool(re.search(r"\bthe\s+$", text[max(0, age.start - 5) : age.start], re.IGNORECASE))
        and bool(re.search(r"years?[\s-]+old$", words))
        and bool(_STANDS_FOR_SOMEONE.match(text, age.end))
    )


def _antecedent(analysis: Analysis, age: Age) -> str | None:
    """The person last named before the age in a dated statement, when no other full name comes
    between ("Maria Lopez was born in 1961. ... The 63-year-old said")."""
    text = analysis.document.text
    before = [a for a in analysis.assertions if a.trigger_start < age.start]
    for a in reversed(before):
        person = a.participant("subject") or a.participant("object")
        if person is None or not person[:1].isupper():
            continue
        others = [m[0] for m in _FULL_NAME.finditer(text, a.trigger_start, age.start) if not _same(m[0], person)]
        return None if any(not _NOT_NAMES.match(o.split()[0]) for o in others) else person
    return None


def _moments(analysis: Analysis, age: Age, bounds: Bounds, births: frozenset[int], dates: _Offsets) -> tuple[int, ...]:
    """The dates of the age's clause (its event); for "He was 85." with none, the last date of the
    sentence before, the event just told ("died on Saturday at his home. He was 85.").

    "aged 40" with no date in its clause is an age at some undated event: nothing to measure.
    """
    text = analysis.document.text
    here = sentence_of(bounds, age.start)

    def dated(i: int, t: Timex, lo: int, hi: int) -> bool:
        return (lo <= t.start < hi and i not in births and t.type in ("DATE", "TIME")
                and window_of(t) is not None and t.granularity != "vague")  # fmt: skip

    lo, hi = bounds[here]
    found = tuple(
        i for i in dates.within(lo, hi)
        if dated(i, t := analysis.timexes[i], lo, hi)
        and not _CLAUSE_BREAK.search(text, min(t.end, age.end), max(t.start, age.start))
    )  # fmt: skip
    copular = (
        re.match(r"[Hh]e\b|[Ss]he\b", text[age.start : age.end]) is not None and " is " not in text[age.start : age.end]
    )
    if found or not copular or here == 0:
        return found
    lo, hi = bounds[here - 1]
    before = [i for i in dates.within(lo, hi) if dated(i, analysis.timexes[i], lo, hi)]
    return tuple(before[-1:])


_AT_DEATH = re.compile(r"\b(?:died|dies|death|passed\s+away)\b[^.;:!?]{0,40}$", re.IGNORECASE)
# The name a sentence opens with, before its verb: "Hadid died aged 62".
_OPENING_NAME = re.compile(
    r"\s*((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?!(?:on|in|at|of|for|by|to|from|with|after|before|during)\b)[a-z]"
)  # not "Born on 5 May 1985, the goalkeeper": a fronted participle, no name


def _opening_subject(text: str, sentence: tuple[int, int], age: Age) -> str | None:
    """The name a sentence opens with, when no other capitalised word stands before the age."""
    m = _OPENING_NAME.match(text, sentence[0], age.start)
    name = _trimmed(m[1]) if m else None
    if (
        m is None
        or name is None
        or any(not _NOT_NAMES.match(w) for w in re.findall(r"\b[A-Z][\w'’-]*", text[m.end(1) : age.start]))
    ):
        return None
    return name


def _deaths(analysis: Analysis, person: str) -> tuple[int, ...]:
    """The dates of this person's death that the text states (a death sentence or a life span)."""
    return tuple(
        a.timex for a in analysis.assertions
        if a.event == "death" and a.modality == "asserted" and (who := a.participant("subject") or a.participant("object"))
        and who[:1].isupper() and _same(person, who)
    )  # fmt: skip


def find(analysis: Analysis) -> tuple[Age, ...]:
    """Every age of the analysed text with its person, births and event dates, in text order."""
    text = analysis.document.text
    bounds = sentence_bounds(text)
    births = _Births.of(_births(analysis, bounds))
    triggers = _Offsets.of([a.trigger_start for a in analysis.assertions])
    dates = _Offsets.of([t.start for t in analysis.timexes])
    found = []
    for age in written(text):
        sentence = sentence_of(bounds, age.start)
        if age.person is None or _stands_for_someone(text, age):
            person = _subject_of(analysis, bounds[sentence], age, triggers)
            if person is None and _stands_for_someone(text, age):
                person = _antecedent(analysis, age)
            age = replace(age, person=person or _opening_subject(text, bounds[sentence], age))
        linked = _closest_births(text, age, births, sentence)
        moments = _moments(analysis, age, bounds, frozenset(b.index for b in linked), dates)
        if not moments and age.person and _AT_DEATH.search(text, bounds[sentence][0], age.start):
            moments = _deaths(analysis, age.person)[:1]
        found.append(replace(
            age, births=tuple(b.index for b in linked), moments=moments,
            near=bool(linked) and linked[0].sentence == sentence,
        ))  # fmt: skip
    return tuple(found)
