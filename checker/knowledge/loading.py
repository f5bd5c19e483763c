"""Loading packs: a YAML file (checker.knowledge.yaml_lines) validated against the JSON Schema
(rules/pack.schema.json) and built into a Pack (checker.knowledge.model); the built-in packs,
user packs and house facts merged into the one Pack a run reasons with. See docs/packs.md."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.knowledge.constraints import Unevaluated
from checker.knowledge.constraints import kind as constraint_kind
from checker.knowledge.expressions import names as expression_names
from checker.knowledge.model import (
    Constraint,
    Election,
    EventType,
    Fact,
    Jurisdiction,
    Office,
    Pack,
    Person,
    Term,
    When,
    words,
)
from checker.knowledge.yaml_lines import KeyPath, LinedYaml, PackError, parse_yaml
from checker.resources import packs_dir

if TYPE_CHECKING:
    import jsonschema


def _schema() -> dict[str, Any]:
    return json.loads(packs_dir().joinpath("pack.schema.json").read_text("utf-8"))


@cache
def _validator(definition: str) -> jsonschema.protocols.Validator:
    """A validator for ``pack`` or ``house`` (a definition of the schema)."""
    schema = dict(_schema(), **{"$ref": f"#/$defs/{definition}"})
    import jsonschema  # only where a pack is validated

    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _schema_errors(doc: LinedYaml, definition: str) -> list[PackError]:
    errors = sorted(_validator(definition).iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path)))
    return [_describe(doc, e) for e in errors]


def _describe(doc: LinedYaml, error: jsonschema.ValidationError) -> PackError:
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
        return doc.error(
            path + [error.instance], f"{error.instance!r} in {where} is not a valid name ({error.message})"
        )
    if error.validator == "format" or (error.validator == "pattern" and "[0-9]{4}" in error.validator_value):
        forms = "YYYY-MM-DD, YYYY-MM or YYYY" if "?" in str(error.validator_value) else "YYYY-MM-DD"
        return doc.error(path, f"{where}: {error.instance!r} is not a valid date ({forms})")
    return doc.error(path, f"{where}: {error.message}")


def _when(doc: LinedYaml, path: KeyPath, text: str | int) -> When:
    parts = [int(p) for p in str(text).split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise doc.error(path, f"{'.'.join(map(str, path))}: {text!r} is not a valid date: {exc}") from None
    return When(*parts)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _check_expressions(doc: LinedYaml, constraints: Sequence[Mapping[str, Any]]) -> None:
    """Every constraint expression must be in the expression language (checker.knowledge.expressions)."""
    from checker.knowledge.expressions.normalised import parse
    from checker.knowledge.expressions.trees import ExpressionError

    for i, c in enumerate(constraints):
        for key in ("expr", "when"):
            if key not in c:
                continue
            try:
                parse(c[key])
            except ExpressionError as exc:
                column = f" (column {exc.column})" if exc.column else ""
                raise doc.error(("constraints", i, key), f"constraints.{i}.{key}: {exc}{column}: {c[key]}") from None


def _check_kinds(doc: LinedYaml, pack: Pack) -> None:
    """Every constraint must be of a kind some stage evaluates (checker.knowledge.constraints)."""
    for i, c in enumerate(pack.constraints):
        try:
            constraint_kind(c)
        except Unevaluated as exc:
            raise doc.error(("constraints", i), f"constraints.{i} ({c.id}) would never be evaluated: {exc}") from None


# ---------------------------------------------------------------- building


def _where(doc: LinedYaml, path: Sequence[str | int]) -> str:
    return f"{doc.file}:{doc.line(path)}"


def _build(doc: LinedYaml, default_id: str, validate: bool) -> Pack:
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
        jurisdictions=tuple(
            Jurisdiction(k, tuple(v.get("words", ())), _where(doc, ("jurisdictions", k)))
            for k, v in data.get("jurisdictions", {}).items()
        ),
        title_forms={k.lower(): v for k, v in data.get("title_forms", {}).items()},
        other_offices=tuple(data.get("other_offices", ())),
        honorifics=tuple(data.get("honorifics", ())),
        synonyms=tuple(tuple(group) for group in data.get("synonyms", ())),
        source=doc.file,
    )
    _check_local(doc, pack)
    if validate:
        _check_kinds(doc, pack)
    return pack


def _event(doc: LinedYaml, key: str, raw: Mapping[str, Any]) -> EventType:
    return EventType(
        id=key,
        description=raw.get("description", ""),
        once=bool(raw.get("once", False)),
        once_for=tuple(raw.get("once_for", ())),
        triggers=tuple(raw.get("triggers", ())),
        forms=tuple(raw.get("forms", ())),
        roles=dict(raw.get("roles", {})),
        offices=tuple(raw.get("offices", ())),
        counted_from=tuple(raw.get("counted_from", ())),
        source=_where(doc, ("events", key)),
    )


def _constraint(doc: LinedYaml, i: int, raw: Mapping[str, Any], pack_id: str) -> Constraint:
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


def _office(doc: LinedYaml, key: str, raw: Mapping[str, Any], current_to: date | None) -> Office:
    return Office(
        id=key,
        name=raw["name"],
        jurisdiction=raw["jurisdiction"],
        titles=tuple(raw.get("titles", ())),
        covered_from=_day(raw.get("covered_from")),
        known_to=current_to,
        source=_where(doc, ("offices", key)),
    )


def _person(doc: LinedYaml, key: str, raw: Mapping[str, Any], current_to: date | None) -> Person:
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


def _election(doc: LinedYaml, i: int, raw: Mapping[str, Any]) -> Election:
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
        raise doc.error(
            ("facts", "elections", i, "date"), f"election date {election.date} is not in year {election.year}"
        )
    return election


def _fact(doc: LinedYaml, i: int, raw: Mapping[str, Any], pack_id: str) -> Fact:
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


def _check_local(doc: LinedYaml, pack: Pack) -> None:
    """Checks the schema cannot express: one event per trigger, birth before death."""
    for kind in ("triggers", "forms"):
        seen: dict[tuple[str, ...], str] = {}
        for event in pack.events:
            for phrase in getattr(event, kind):
                other = seen.setdefault(words(phrase), event.id)
                if other != event.id:
                    raise doc.error(
                        ("events", event.id, kind), f"{phrase!r} is in the {kind} of both {other} and {event.id}"
                    )
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
    refs += [(e.source, o, events, "event type") for e in pack.events for o in e.counted_from]
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
    defined: dict[str, str] = {}
    for office in pack.offices:
        first = defined.setdefault(office.id, office.source)
        if first != office.source:
            file, _, line = office.source.rpartition(":")
            raise PackError(
                file, int(line) if line.isdigit() else None, f"office {office.id!r} is already defined at {first}"
            )
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
    doc = parse_yaml(text, file)
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


def file_digests(paths: Iterable[str | Path]) -> list[str]:
    """A hash of each file's contents ("missing" when it cannot be read): what a pack or facts
    file says, however its time and size were kept across an edit."""
    digests = []
    for path in paths:
        try:
            digests.append(hashlib.sha256(Path(path).read_bytes()).hexdigest())
        except OSError:
            digests.append("missing")
    return digests


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
            raise PackError(
                pack.source, None, f"requires unknown pack {unknown[0]!r} (built-in: {', '.join(builtin_names())})"
            )
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
        events[event.id] = (
            event
            if old is None
            else replace(
                old,
                description=old.description or event.description,
                once=old.once or event.once,
                once_for=old.once_for + tuple(r for r in event.once_for if r not in old.once_for),
                triggers=old.triggers + tuple(t for t in event.triggers if t not in old.triggers),
                forms=old.forms + tuple(t for t in event.forms if t not in old.forms),
                roles={**event.roles, **old.roles},
                offices=old.offices + tuple(o for o in event.offices if o not in old.offices),
                counted_from=old.counted_from + tuple(o for o in event.counted_from if o not in old.counted_from),
            )
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
        jurisdictions=tuple(j for p in packs for j in p.jurisdictions),
        title_forms={k: v for p in reversed(packs) for k, v in p.title_forms.items()},
        other_offices=tuple(dict.fromkeys(w for p in packs for w in p.other_offices)),
        honorifics=tuple(dict.fromkeys(w for p in packs for w in p.honorifics)),
        synonyms=tuple(g for p in packs for g in p.synonyms),
    )


def _merge_people(people: Iterable[Person]) -> tuple[Person, ...]:
    """A person in several packs (a monarch of several realms) becomes one, with all terms."""
    merged: dict[str, Person] = {}
    for person in people:
        old = merged.get(person.id)
        merged[person.id] = (
            person
            if old is None
            else replace(
                old,
                aliases=old.aliases + tuple(a for a in person.aliases if a not in old.aliases),
                born=old.born or person.born,
                died=old.died or person.died,
                terms=old.terms + person.terms,
            )
        )
    return tuple(merged.values())
