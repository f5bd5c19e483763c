"""Rule packs: event vocabularies, constraints, offices and facts, loaded from YAML data.

A pack is data only. YAML is composed into nodes (never constructed into Python
objects, so no tag can run code) and every value keeps the line it came from: a
schema error, a bad date or an unparsable expression is reported as
``file:line: message`` (PackError). See docs/packs.md for the format.
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, cached_property
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from checker.knowledge import expression_names
from checker.resources import packs_dir

if TYPE_CHECKING:
    import jsonschema

KeyPath = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}


class PackError(ValueError):
    """A pack that cannot be used; ``str()`` is ``file:line: message``."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file, self.line, self.message = file, line, message
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")


# ---------------------------------------------------------------- data classes


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
    triggers: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    roles: Mapping[str, str] = field(default_factory=dict)
    offices: tuple[str, ...] = ()
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
        return self.covered_from is not None and self.covered_from <= day and (self.known_to is None or day <= self.known_to)


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
        return {words(t): e.id for e in self.events for t in e.triggers}

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
    """Names compare without case, accents, periods or extra spaces ("Erdoğan" = "erdogan")."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(bare.replace(".", " ").casefold().split())


def _index(pairs: Iterable[tuple[Any, Any]]) -> dict[Any, tuple[Any, ...]]:
    out: dict[Any, tuple[Any, ...]] = {}
    for key, value in pairs:
        if value not in out.get(key, ()):
            out[key] = out.get(key, ()) + (value,)
    return out


# ---------------------------------------------------------------- YAML with line numbers


@dataclass(frozen=True)
class _Doc:
    """A parsed YAML file: plain data plus the line of every key and item."""

    file: str
    data: Any
    lines: Mapping[KeyPath, int]

    def line(self, path: Sequence[str | int]) -> int | None:
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def error(self, path: Sequence[str | int], message: str) -> PackError:
        return PackError(self.file, self.line(path), message)


# libyaml's composer when PyYAML was built with it: the same nodes and marks, five times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_yaml(text: str, file: str) -> _Doc:
    """Compose YAML with the safe resolver and convert nodes by hand: no constructor runs."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        context = f" ({exc.context} at line {exc.context_mark.line + 1})" if exc.context and exc.context_mark else ""
        raise PackError(file, mark.line + 1 if mark else None, f"malformed YAML: {exc.problem or exc}{context}") from None
    except yaml.YAMLError as exc:
        raise PackError(file, None, f"malformed YAML: {exc}") from None
    except RecursionError:
        raise PackError(file, None, "nested too deeply") from None
    if root is None:
        raise PackError(file, 1, "empty file")
    lines: dict[KeyPath, int] = {}
    try:
        return _Doc(file, _convert(root, (), lines, set(), file), lines)
    except RecursionError:
        raise PackError(file, None, "nested too deeply") from None


def _convert(node: Node, path: KeyPath, lines: dict[KeyPath, int], seen: set[int], file: str) -> Any:
    line = node.start_mark.line + 1
    lines.setdefault(path, line)
    if id(node) in seen:
        raise PackError(file, line, "YAML anchors and aliases are not supported in packs")
    seen.add(id(node))
    if isinstance(node, ScalarNode) and node.tag in _SCALAR_TAGS:
        return _scalar(node, file)
    if isinstance(node, SequenceNode) and node.tag == f"{_TAG}seq":
        return [_convert(item, path + (i,), lines, seen, file) for i, item in enumerate(node.value)]
    if isinstance(node, MappingNode) and node.tag == f"{_TAG}map":
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                raise PackError(file, key_node.start_mark.line + 1, "mapping keys must be plain words")
            key = key_node.value
            if key in out:
                raise PackError(file, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, path + (key,), lines, seen, file)
        return out
    raise PackError(file, line, f"YAML tag {node.tag.replace(_TAG, '!!')} is not allowed: packs are plain data")


def _scalar(node: ScalarNode, file: str) -> Any:
    """Plain scalars as YAML 1.1 reads them, except timestamps, which stay text (checked later)."""
    kind = node.tag[len(_TAG) :]
    if kind in ("str", "timestamp"):
        return node.value
    if kind == "null":
        return None
    try:
        return _SCALARS[kind](node)
    except ValueError as exc:
        raise PackError(file, node.start_mark.line + 1, f"bad {kind} value {node.value!r}: {exc}") from None


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALARS = {
    "int": _CONSTRUCTOR.construct_yaml_int,
    "float": _CONSTRUCTOR.construct_yaml_float,
    "bool": _CONSTRUCTOR.construct_yaml_bool,
}


# ---------------------------------------------------------------- validation


def _schema() -> dict[str, Any]:
    return json.loads(packs_dir().joinpath("pack.schema.json").read_text("utf-8"))


@cache
def _validator(definition: str) -> jsonschema.protocols.Validator:
    """A validator for ``pack`` or ``house`` (a definition of the schema)."""
    schema = dict(_schema(), **{"$ref": f"#/$defs/{definition}"})
    import jsonschema  # only where a pack is validated

    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _schema_errors(doc: _Doc, definition: str) -> list[PackError]:
    errors = sorted(_validator(definition).iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path)))
    return [_describe(doc, e) for e in errors]


def _describe(doc: _Doc, error: jsonschema.ValidationError) -> PackError:
    """A schema error in the pack's terms, at the line of the key or item at fault."""
    path = list(error.absolute_path)
    where = ".".join(map(str, path)) or "top level"
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        return doc.error(path + extra[:1], f"unknown key {extra[0]!r} in {where}" if extra else error.message)
    if error.validator == "oneOf" and path and path[-2:-1] == ["constraints"]:
        return doc.error(path, f"{where}: a constraint has either `expr` or both `count` and `max`")
    if error.validator == "oneOf" and error.context:
        return _describe(doc, next((e for e in error.context if e.validator != "type"), error.context[0]))
    if "propertyNames" in error.relative_schema_path:
        return doc.error(path + [error.instance], f"{error.instance!r} in {where} is not a valid name ({error.message})")
    if error.validator == "format" or (error.validator == "pattern" and "[0-9]{4}" in error.validator_value):
        forms = "YYYY-MM-DD, YYYY-MM or YYYY" if "?" in str(error.validator_value) else "YYYY-MM-DD"
        return doc.error(path, f"{where}: {error.instance!r} is not a valid date ({forms})")
    return doc.error(path, f"{where}: {error.message}")


def _when(doc: _Doc, path: KeyPath, text: str | int) -> When:
    parts = [int(p) for p in str(text).split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise doc.error(path, f"{'.'.join(map(str, path))}: {text!r} is not a valid date: {exc}") from None
    return When(*parts)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _check_expressions(doc: _Doc, constraints: Sequence[Mapping[str, Any]]) -> None:
    """Every constraint expression must be in the expression language (checker.expressions)."""
    from checker.knowledge import (
        expressions,  # sympy: only where a pack's expressions are checked
    )

    for i, c in enumerate(constraints):
        for key in ("expr", "when"):
            if key not in c:
                continue
            try:
                expressions.parse(c[key])
            except expressions.ExpressionError as exc:
                column = f" (column {exc.column})" if exc.column else ""
                raise doc.error(("constraints", i, key), f"constraints.{i}.{key}: {exc}{column}: {c[key]}") from None


# ---------------------------------------------------------------- building


def _where(doc: _Doc, path: Sequence[str | int]) -> str:
    return f"{doc.file}:{doc.line(path)}"


def _build(doc: _Doc, default_id: str, validate: bool) -> Pack:
    data = doc.data
    pack_id = data.get("pack", default_id)
    current_to = _day(data.get("current_to"))
    facts = data.get("facts", {})
    if validate:
        _check_expressions(doc, data.get("constraints", []))
    pack = Pack(
        id=pack_id,
        description=data.get("description", ""),
        current_to=current_to,
        requires=tuple(data.get("requires", ())),
        events=tuple(_event(doc, k, v) for k, v in data.get("events", {}).items()),
        constraints=tuple(_constraint(doc, i, c, pack_id) for i, c in enumerate(data.get("constraints", []))),
        offices=tuple(_office(doc, k, v, current_to) for k, v in data.get("offices", {}).items()),
        people=tuple(_person(doc, k, v, current_to) for k, v in facts.get("people", {}).items()),
        elections=tuple(_election(doc, i, e) for i, e in enumerate(facts.get("elections", []))),
        facts=tuple(_fact(doc, i, f, pack_id) for i, f in enumerate(facts.get("events", []))),
        source=doc.file,
    )
    _check_local(doc, pack)
    return pack


def _event(doc: _Doc, key: str, raw: Mapping[str, Any]) -> EventType:
    return EventType(
        id=key,
        description=raw.get("description", ""),
        once=bool(raw.get("once", False)),
        triggers=tuple(raw.get("triggers", ())),
        forms=tuple(raw.get("forms", ())),
        roles=dict(raw.get("roles", {})),
        offices=tuple(raw.get("offices", ())),
        source=_where(doc, ("events", key)),
    )


def _constraint(doc: _Doc, i: int, raw: Mapping[str, Any], pack_id: str) -> Constraint:
    scope = raw.get("scope", {})
    return Constraint(
        id=raw["id"],
        message=raw["message"],
        expr=raw.get("expr"),
        when=raw.get("when"),
        count=raw.get("count"),
        max=raw.get("max"),
        same=tuple(scope.get("same", ())),
        office=scope.get("office"),
        pack=pack_id,
        source=_where(doc, ("constraints", i)),
    )


def _office(doc: _Doc, key: str, raw: Mapping[str, Any], current_to: date | None) -> Office:
    return Office(
        id=key,
        name=raw["name"],
        jurisdiction=raw["jurisdiction"],
        titles=tuple(raw.get("titles", ())),
        covered_from=_day(raw.get("covered_from")),
        known_to=current_to,
        source=_where(doc, ("offices", key)),
    )


def _person(doc: _Doc, key: str, raw: Mapping[str, Any], current_to: date | None) -> Person:
    path = ("facts", "people", key)
    terms = tuple(
        Term(
            person=key,
            office=t["office"],
            start=date.fromisoformat(t["start"]),
            end=_day(t["end"]),
            how=t["how"],
            sworn_in=tuple(date.fromisoformat(d) for d in t.get("sworn_in", ())),
            known_to=current_to,
            note=t.get("note", ""),
            source=_where(doc, path + ("terms", i)),
        )
        for i, t in enumerate(raw.get("terms", []))
    )
    for i, t in enumerate(terms):
        if t.end is not None and t.end < t.start:
            raise doc.error(path + ("terms", i), f"term of {key} ends ({t.end}) before it starts ({t.start})")
    return Person(
        id=key,
        name=raw["name"],
        aliases=tuple(raw.get("aliases", ())),
        born=_when(doc, path + ("born",), raw["born"]) if "born" in raw else None,
        died=_when(doc, path + ("died",), raw["died"]) if "died" in raw else None,
        terms=terms,
        source=_where(doc, path),
    )


def _election(doc: _Doc, i: int, raw: Mapping[str, Any]) -> Election:
    election = Election(
        office=raw["office"],
        year=raw["year"],
        date=_day(raw.get("date")),
        kind=raw.get("kind", "general"),
        winner=raw.get("winner"),
        running_mate=raw.get("running_mate"),
        party=raw.get("party", ""),
        note=raw.get("note", ""),
        source=_where(doc, ("facts", "elections", i)),
    )
    if election.date and election.date.year != election.year:
        raise doc.error(("facts", "elections", i, "date"), f"election date {election.date} is not in year {election.year}")
    return election


def _fact(doc: _Doc, i: int, raw: Mapping[str, Any], pack_id: str) -> Fact:
    path = ("facts", "events", i)
    return Fact(
        entity=raw["entity"],
        event=raw["event"],
        when=_when(doc, path + ("date",), raw["date"]),
        aliases=tuple(raw.get("aliases", ())),
        note=raw.get("note", ""),
        pack=pack_id,
        source=_where(doc, path),
    )


def _check_local(doc: _Doc, pack: Pack) -> None:
    """Checks the schema cannot express: one event per trigger, birth before death."""
    for kind in ("triggers", "forms"):
        seen: dict[tuple[str, ...], str] = {}
        for event in pack.events:
            for phrase in getattr(event, kind):
                other = seen.setdefault(words(phrase), event.id)
                if other != event.id:
                    raise doc.error(("events", event.id, kind), f"{phrase!r} is in the {kind} of both {other} and {event.id}")
    for person in pack.people:
        if person.born and person.died and person.died.latest < person.born.earliest:
            raise doc.error(("facts", "people", person.id, "died"), f"{person.id} dies before being born")


def check_references(pack: Pack) -> None:
    """Every office, event type and person a (merged) pack names must be defined in it."""
    offices = {o.id for o in pack.offices}
    events = {e.id for e in pack.events}
    people = {p.id for p in pack.people}
    refs: list[tuple[str, str, set[str], str]] = []
    refs += [(t.source, t.office, offices, "office") for p in pack.people for t in p.terms]
    refs += [(e.source, o, offices, "office") for e in pack.events for o in e.offices]
    refs += [(e.source, e.office, offices, "office") for e in pack.elections]
    refs += [(e.source, who, people, "person") for e in pack.elections for who in (e.winner, e.running_mate) if who]
    refs += [(f.source, f.event, events, "event type") for f in pack.facts]
    refs += [(c.source, c.office, offices, "office") for c in pack.constraints if c.office]
    refs += [(c.source, c.count, events, "event type") for c in pack.constraints if c.count]
    refs += [
        (c.source, name, events, "event type")
        for c in pack.constraints
        for text in (c.expr, c.when)
        if text
        for name in sorted(expression_names.events(text))
    ]
    for source, name, known, kind in refs:
        if name not in known:
            file, _, line = source.rpartition(":")
            raise PackError(file, int(line) if line.isdigit() else None, f"unknown {kind} {name!r}")


# ---------------------------------------------------------------- public API


def _read(path: Path | Traversable, definition: str, display: str | None = None, validate: bool = True) -> Pack:
    """A pack file, checked against the schema and the expression language unless ``validate``
    is False: the built-in packs are, by the test suite (tests/test_packs.py), not on every
    start (the schema and sympy are a third of a cold start)."""
    file = display or str(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(file, None, f"cannot read: {exc}") from None
    doc = _parse_yaml(text, file)
    if not isinstance(doc.data, dict):
        raise PackError(file, 1, "a pack is a mapping of keys (pack, description, ...)")
    errors = _schema_errors(doc, definition) if validate else []
    if errors:
        raise errors[0]
    return _build(doc, Path(file).stem, validate)


def load_pack(path: str | Path) -> Pack:
    """A rule pack file, validated; raises PackError (``file:line: message``)."""
    return _read(Path(path), "pack")


def load_facts(path: str | Path) -> Pack:
    """A house facts file (facts and offices only; ``pack`` defaults to the file name)."""
    return _read(Path(path), "house")


def builtin_names() -> list[str]:
    """The ids of the packs shipped with chronolint."""
    return sorted(p.name[: -len(".yaml")] for p in packs_dir().iterdir() if _is_pack_file(p.name))


def _is_pack_file(name: str) -> bool:
    return name.endswith(".yaml")


@cache
def _builtin(name: str) -> Pack:
    """A built-in pack, read once per process (packs are immutable)."""
    return _read(packs_dir().joinpath(f"{name}.yaml"), "pack", f"rules/{name}.yaml", validate=False)


def load_builtin(names: Iterable[str] | None = None) -> list[Pack]:
    """Built-in packs by id (all when None), with the packs they require, dependencies first."""
    available = builtin_names()
    wanted = list(names) if names is not None else available
    loaded: dict[str, Pack] = {}

    def visit(name: str, chain: tuple[str, ...]) -> None:
        if name in chain:
            raise PackError(f"{name}.yaml", None, f"packs require each other: {' -> '.join(chain + (name,))}")
        if name in loaded:
            return
        if name not in available:
            raise PackError(f"{name}.yaml", None, f"no built-in pack {name!r} (have: {', '.join(available)})")
        pack = _builtin(name)
        for required in pack.requires:
            visit(required, chain + (name,))
        loaded[name] = pack

    for name in wanted:
        visit(name, ())
    packs = list(loaded.values())
    check_references(merge(packs))
    return packs


def assemble(
    names: Iterable[str] | None = None,
    pack_files: Iterable[str | Path] = (),
    facts_files: Iterable[str | Path] = (),
) -> Pack:
    """Built-in packs (all when ``names`` is None), user packs and house facts files,
    with the built-in packs they require, merged and reference-checked: what a run uses."""
    extra = [load_pack(p) for p in pack_files] + [load_facts(p) for p in facts_files]
    own = {p.id for p in extra}
    for pack in extra:
        unknown = [r for r in pack.requires if r not in own and r not in builtin_names()]
        if unknown:
            raise PackError(pack.source, None, f"requires unknown pack {unknown[0]!r} (built-in: {', '.join(builtin_names())})")
    wanted = list(builtin_names() if names is None else names)
    wanted += sorted({r for p in extra for r in p.requires} - own - set(wanted))
    world = merge([*load_builtin(wanted), *extra])
    check_references(world)
    return world


def merge(packs: Sequence[Pack]) -> Pack:
    """One pack with everything: events of the same id pool their triggers, roles and offices."""
    events: dict[str, EventType] = {}
    for event in (e for p in packs for e in p.events):
        old = events.get(event.id)
        events[event.id] = event if old is None else replace(
            old,
            description=old.description or event.description,
            once=old.once or event.once,
            triggers=old.triggers + tuple(t for t in event.triggers if t not in old.triggers),
            forms=old.forms + tuple(t for t in event.forms if t not in old.forms),
            roles={**event.roles, **old.roles},
            offices=old.offices + tuple(o for o in event.offices if o not in old.offices),
        )
    dates = [p.current_to for p in packs if p.current_to]
    return Pack(
        id="+".join(p.id for p in packs),
        description="merged packs",
        current_to=min(dates) if dates else None,
        requires=(),
        events=tuple(events.values()),
        constraints=tuple(c for p in packs for c in p.constraints),
        offices=tuple(o for p in packs for o in p.offices),
        people=_merge_people(x for p in packs for x in p.people),
        elections=tuple(e for p in packs for e in p.elections),
        facts=tuple(f for p in packs for f in p.facts),
    )


def _merge_people(people: Iterable[Person]) -> tuple[Person, ...]:
    """A person in several packs (a monarch of several realms) becomes one, with all terms."""
    merged: dict[str, Person] = {}
    for person in people:
        old = merged.get(person.id)
        merged[person.id] = person if old is None else replace(
            old,
            aliases=old.aliases + tuple(a for a in person.aliases if a not in old.aliases),
            born=old.born or person.born,
            died=old.died or person.died,
            terms=old.terms + person.terms,
        )
    return tuple(merged.values())
