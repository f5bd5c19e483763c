"""Knowledge as plain data: event types, constraints, offices, terms, people, elections and
house facts, merged into one Pack with the lookups the stages make (triggers, people by name,
terms by office). Built by checker.knowledge.loading from YAML; never executed."""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class When:
    """A date known to the day, the month or the year (None parts are unknown)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        if self.day:
            return self.earliest
        if self.month:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p]
        return "-".join(parts)


@dataclass(frozen=True)
class EventType:
    """An event type: the phrases that announce it and the roles of its participants."""

    id: str
    description: str = ""
    once: bool = False
    once_for: tuple[str, ...] = ()  # roles whose one filler makes a recurring event one occurrence
    triggers: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    roles: Mapping[str, str] = field(default_factory=dict)
    offices: tuple[str, ...] = ()
    counted_from: tuple[str, ...] = ()  # the events its anniversaries count from (``anniversary``)
    source: str = ""


@dataclass(frozen=True)
class Constraint:
    """A relation between event types: an expression (``expr``) or a count limit (``count``/``max``)."""

    id: str
    message: str
    expr: str | None = None
    when: str | None = None
    count: str | None = None
    max: int | None = None
    same: tuple[str, ...] = ()
    office: str | None = None
    pack: str = ""
    source: str = ""


@dataclass(frozen=True)
class Office:
    id: str
    name: str
    jurisdiction: str
    titles: tuple[str, ...] = ()
    covered_from: date | None = None
    known_to: date | None = None
    source: str = ""

    def listed(self, day: date) -> bool:
        """Is every holder of the office on ``day`` in the pack (covered_from..current_to)?"""
        return (
            self.covered_from is not None
            and self.covered_from <= day
            and (self.known_to is None or day <= self.known_to)
        )


@dataclass(frozen=True)
class Jurisdiction:
    """A country (or union) offices belong to, and the words that place a text there
    ("U.S.", "American", "Congress" for the United States)."""

    name: str
    words: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Term:
    """One term in office. ``end`` None: still in office on ``known_to`` (the pack's current_to).

    ``sworn_in`` lists the days of an oath or inauguration ceremony that differ from
    ``start`` (Monroe's term began March 4, 1821, a Sunday; he was sworn in on the 5th).
    """

    person: str
    office: str
    start: date
    end: date | None
    how: str
    sworn_in: tuple[date, ...] = ()
    known_to: date | None = None
    note: str = ""
    source: str = ""

    def covers(self, day: date) -> bool | None:
        """True in office that day, False not, None unknown (after what the pack knows)."""
        if day < self.start:
            return False
        if self.end is not None:
            return day <= self.end
        return True if self.known_to is None or day <= self.known_to else None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    born: When | None = None
    died: When | None = None
    terms: tuple[Term, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Election:
    office: str
    year: int
    date: date | None = None
    kind: str = "general"
    winner: str | None = None
    running_mate: str | None = None
    party: str = ""
    note: str = ""
    source: str = ""


@dataclass(frozen=True)
class Fact:
    """A dated event of a named entity, e.g. a publisher's "Acme bridge opened 2019-05-03"."""

    entity: str
    event: str
    when: When
    aliases: tuple[str, ...] = ()
    note: str = ""
    pack: str = ""
    source: str = ""


@dataclass(frozen=True)
class TriggerMatch:
    start: int
    end: int
    event: str


@dataclass(frozen=True)
class Pack:
    """One pack, or several merged by ``merge``; the lookups the engine needs are methods."""

    id: str
    description: str = ""
    current_to: date | None = None
    requires: tuple[str, ...] = ()
    events: tuple[EventType, ...] = ()
    constraints: tuple[Constraint, ...] = ()
    offices: tuple[Office, ...] = ()
    people: tuple[Person, ...] = ()
    elections: tuple[Election, ...] = ()
    facts: tuple[Fact, ...] = ()
    jurisdictions: tuple[Jurisdiction, ...] = ()
    title_forms: Mapping[str, str] = field(default_factory=dict)
    other_offices: tuple[str, ...] = ()
    honorifics: tuple[str, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()  # groups of trigger phrases that name one event
    source: str = ""

    @cached_property
    def titles(self) -> frozenset[str]:
        """Every office title, as written."""
        return frozenset(t for o in self.offices for t in o.titles)

    @cached_property
    def title_words(self) -> frozenset[str]:
        """The words of the office titles, as name keys."""
        return frozenset(w for t in self.titles for w in name_key(t).split())

    @cached_property
    def _events(self) -> dict[str, EventType]:
        return {e.id: e for e in self.events}

    @cached_property
    def _triggers(self) -> dict[tuple[str, ...], str]:
        """Each trigger's event type; a synonym group joins the type of its first typed phrase
        (a phrase that is already another type's trigger keeps that type)."""
        own = {words(t): e.id for e in self.events for t in e.triggers}
        joined = {}
        for group in self.synonyms:
            typed = next((own[words(p)] for p in group if words(p) in own), None)
            joined.update({words(p): typed for p in group if typed is not None})
        return {**joined, **own}

    @cached_property
    def _senses(self) -> dict[tuple[str, ...], str]:
        """The head (first phrase) of each synonym group that no event type claims."""
        return {
            words(p): group[0]
            for group in self.synonyms
            if not any(words(q) in self._triggers for q in group)
            for p in group
        }

    def sense_for(self, phrase: str) -> str | None:
        """The synonym group an untyped trigger belongs to ("ship" -> "release"), for event identity."""
        return self._senses.get(words(phrase))

    @cached_property
    def _forms(self) -> dict[tuple[str, ...], str]:
        return {words(t): e.id for e in self.events for t in e.forms}

    @cached_property
    def _offices(self) -> dict[str, Office]:
        return {o.id: o for o in reversed(self.offices)}  # the first definition wins

    @cached_property
    def _people(self) -> dict[str, Person]:
        return {p.id: p for p in self.people}

    @cached_property
    def _aliases(self) -> dict[str, tuple[Person, ...]]:
        return _index((name_key(a), p) for p in self.people for a in {p.name, *p.aliases})

    @cached_property
    def _titles(self) -> dict[str, tuple[Office, ...]]:
        return _index((name_key(t), o) for o in self.offices for t in {o.name, *o.titles})

    @cached_property
    def _elections(self) -> dict[tuple[str, int], tuple[Election, ...]]:
        return _index(((e.office, e.year), e) for e in self.elections)

    @cached_property
    def _facts(self) -> dict[str, tuple[Fact, ...]]:
        return _index((name_key(a), f) for f in self.facts for a in {f.entity, *f.aliases})

    @cached_property
    def _places(self) -> dict[str, re.Pattern[str]]:
        words: dict[str, list[str]] = {}
        for j in self.jurisdictions:
            words.setdefault(j.name, []).extend(j.words)
        names = {o.jurisdiction for o in self.offices} | set(words)
        return {n: re.compile("|".join(word_pattern(w) for w in [n, *words.get(n, ())])) for n in names}

    def place(self, jurisdiction: str) -> re.Pattern[str]:
        """The jurisdiction's name or one of its words, as whole words ("U.S." also as "U. S.")."""
        return self._places.get(jurisdiction) or re.compile(word_pattern(jurisdiction))

    @cached_property
    def other_office_words(self) -> re.Pattern[str] | None:
        """Words for offices no pack office is titled with ("senator", "governor"): a claim naming
        one is not about a pack office. A word that is a pack title is left out."""
        own = {name_key(t) for t in self.titles}
        kept = sorted((w for w in set(self.other_offices) if name_key(w) not in own), key=len, reverse=True)
        return re.compile("|".join(word_pattern(w) for w in kept), re.IGNORECASE) if kept else None

    @cached_property
    def honorific_keys(self) -> frozenset[str]:
        return frozenset(name_key(h) for h in self.honorifics)

    def event_type(self, event_id: str) -> EventType | None:
        return self._events.get(event_id)

    def event_for(self, phrase: str) -> EventType | None:
        """The event type a trigger or form announces ("sworn in" -> inauguration)."""
        event_id = self._triggers.get(words(phrase)) or self._forms.get(words(phrase))
        return self._events[event_id] if event_id else None

    def find_triggers(self, tokens: Sequence[tuple[str, str]]) -> list[TriggerMatch]:
        """Longest matches over ``(text, lemma)`` word tokens (punctuation removed).

        ``triggers`` match the lemmas ("inaugurate" matches "was inaugurated");
        ``forms`` match the lowercase text ("born", which spaCy lemmatizes to "bear").
        """
        lemmas = tuple(lemma.lower() for _, lemma in tokens)
        texts = tuple(text.lower() for text, _ in tokens)
        longest = max((len(k) for k in [*self._triggers, *self._forms]), default=0)
        found, i = [], 0
        while i < len(tokens):
            match = next(
                (
                    TriggerMatch(i, i + n, index[seq[i : i + n]])
                    for n in range(min(longest, len(tokens) - i), 0, -1)
                    for seq, index in ((lemmas, self._triggers), (texts, self._forms))
                    if seq[i : i + n] in index
                ),
                None,
            )
            found += [match] if match else []
            i = match.end if match else i + 1
        return found

    def people_named(self, alias: str) -> tuple[Person, ...]:
        """Everyone a name may denote ("Bush" is two presidents): callers decide on ambiguity."""
        return self._aliases.get(name_key(alias), ())

    def person(self, person_id: str) -> Person | None:
        return self._people.get(person_id)

    def offices_titled(self, title: str) -> tuple[Office, ...]:
        return self._titles.get(name_key(title), ())

    def terms_on(self, person_id: str, day: date) -> tuple[Term, ...]:
        """The terms a person was serving on ``day`` (an open term after current_to is left out)."""
        person = self._people.get(person_id)
        return tuple(t for t in person.terms if t.covers(day)) if person else ()

    def holds(self, person_id: str, office_id: str, day: date) -> bool | None:
        """Did the person hold the office that day? None when the pack cannot tell."""
        person, office = self._people.get(person_id), self._offices.get(office_id)
        if person is None or office is None:
            return None
        covered = {t.covers(day) for t in person.terms if t.office == office_id}
        if True in covered:
            return True
        return False if None not in covered and office.listed(day) else None

    def holders(self, office_id: str, day: date) -> tuple[Person, ...]:
        return tuple(p for p in self.people if any(t.office == office_id and t.covers(day) for t in p.terms))

    def office(self, office_id: str) -> Office | None:
        return self._offices.get(office_id)

    def elections_for(self, office_id: str, year: int) -> tuple[Election, ...]:
        return self._elections.get((office_id, year), ())

    def elections_of(self, person_id: str) -> tuple[Election, ...]:
        """The elections a person won, as winner or running mate, in date order."""
        won = (e for e in self.elections if person_id in (e.winner, e.running_mate))
        return tuple(sorted(won, key=lambda e: (e.year, e.date or date(e.year, 1, 1))))

    def facts_about(self, entity: str) -> tuple[Fact, ...]:
        return self._facts.get(name_key(entity), ())


def words(phrase: str) -> tuple[str, ...]:
    """A trigger phrase as lowercase words; hyphens separate words ("swearing-in")."""
    return tuple(re.split(r"[\s\-]+", phrase.strip().lower()))


def name_key(name: str) -> str:
    """Names compare without case, accents, periods, hyphens or extra spaces ("Erdoğan" = "erdogan";
    "Moon Jae-in" = "Moon Jae in", as the parse gives a participant)."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(bare.replace(".", " ").replace("-", " ").casefold().split())


def word_pattern(word: str) -> str:
    """A word or phrase of pack data as a regex: whole words, an optional plural "s", spaces
    after periods optional ("U.S." = "U. S."), a final period needing no word boundary."""
    parts = [re.escape(p) for p in word.split()]
    body = r"\s+".join(parts).replace(r"\.", r"\.\s?")
    if body.endswith(r"\.\s?"):
        body = body[: -len(r"\s?")]
    start = r"\b" if word[:1].isalnum() else ""
    end = r"(?:s)?\b" if word[-1:].isalnum() else ""
    return f"(?:{start}{body}{end})"


def _index(pairs: Iterable[tuple[Any, Any]]) -> dict[Any, tuple[Any, ...]]:
    out: dict[Any, tuple[Any, ...]] = {}
    for key, value in pairs:
        if value not in out.get(key, ()):
            out[key] = out.get(key, ()) + (value,)
    return out
