"""The pack loader: built-in packs validate, malformed packs are rejected with file:line, lookups work."""

from __future__ import annotations

import json
from datetime import date
from itertools import pairwise
from pathlib import Path

import jsonschema
import pytest

from checker.knowledge.loading import (
    assemble,
    builtin_names,
    check_references,
    load_builtin,
    load_facts,
    load_pack,
    merge,
)
from checker.knowledge.model import Pack, When
from checker.knowledge.yaml_lines import PackError

RULES = Path(__file__).resolve().parent.parent / "rules"

MINIMAL = """\
pack: demo
description: A demo pack.
current_to: 2024-01-01
"""


@pytest.fixture(scope="module")
def everything() -> Pack:
    return merge(load_builtin())


def write(tmp_path: Path, text: str, name: str = "demo.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rejected(path: Path, loader=load_pack) -> PackError:
    with pytest.raises(PackError) as caught:
        loader(path)
    return caught.value


# ---------------------------------------------------------------- built-in packs


def test_schema_is_a_valid_json_schema() -> None:
    schema = json.loads((RULES / "pack.schema.json").read_text("utf-8"))
    jsonschema.validators.validator_for(schema).check_schema(schema)


def test_builtin_names() -> None:
    assert builtin_names() == ["core", "g20", "politics", "uk-politics", "us-politics"]


@pytest.mark.parametrize("name", ["core", "politics", "us-politics", "uk-politics", "g20"])
def test_every_builtin_pack_loads(name: str) -> None:
    pack = load_pack(RULES / f"{name}.yaml")
    assert pack.id == name
    assert pack.description and pack.current_to


def test_load_builtin_puts_required_packs_first() -> None:
    assert [p.id for p in load_builtin(["us-politics"])] == ["core", "politics", "us-politics"]
    assert [p.id for p in load_builtin()] == ["core", "politics", "g20", "uk-politics", "us-politics"]


def test_unknown_builtin_pack() -> None:
    with pytest.raises(PackError, match="no built-in pack 'fr-politics'"):
        load_builtin(["fr-politics"])


def test_builtin_people_are_consistent(everything: Pack) -> None:
    """Terms in order, within a life, and no two holders of a single-holder office at once (beyond a handover day)."""
    for person in everything.people:
        for term in person.terms:
            assert term.end is None or term.start <= term.end, person.id
            assert person.born is None or person.born.latest < term.start, person.id
            assert person.died is None or term.end is None or term.end <= person.died.latest, person.id
            assert person.died is None or term.end is not None, person.id
    for office in everything.offices:
        terms = sorted((t for p in everything.people for t in p.terms if t.office == office.id), key=lambda t: t.start)
        for before, after in pairwise(terms):
            assert before.end is not None and before.end <= after.start, (before, after)


def test_offices_are_listed_without_gaps_from_covered_from(everything: Pack) -> None:
    """``covered_from`` promises a complete list: holders follow each other (an acting holder may
    fill up to two months, as in South Korea in 2025), except the vice presidency, long vacant before 1967."""
    for office in everything.offices:
        if office.covered_from is None:
            continue
        terms = sorted((t for p in everything.people for t in p.terms if t.office == office.id), key=lambda t: t.start)
        listed = [t for t in terms if t.start >= office.covered_from]
        assert listed and listed[0].start == office.covered_from, office.id
        if office.id != "us-vice-president":
            for before, after in pairwise(listed):
                assert (after.start - before.end).days <= 61, (office.id, before, after)


def test_builtin_election_winners_hold_office_afterwards(everything: Pack) -> None:
    for election in everything.elections:
        if election.winner and election.date:
            winner = everything.person(election.winner)
            assert winner is not None
            assert any(t.end is None or t.end > election.date for t in winner.terms), election


def test_us_running_mates_became_vice_president(everything: Pack) -> None:
    """Each running mate (before 1804, the runner-up) began a vice-presidential term after the election."""
    for election in everything.elections:
        if election.office == "us-president":
            mate = everything.person(election.running_mate)
            starts = [t.start.year for t in mate.terms if t.office == "us-vice-president"]
            assert election.year + 1 in starts or (election.year == 1788 and 1789 in starts), election


def test_uk_election_winners_lead_the_next_government(everything: Pack) -> None:
    """The winner is prime minister within a month of polling day (results took three weeks in 1945)."""
    for election in everything.elections:
        if election.office == "uk-parliament":
            days = [date.fromordinal(election.date.toordinal() + n) for n in range(1, 31)]
            assert any(everything.holds(election.winner, "uk-prime-minister", d) for d in days), election


def test_us_election_dates_follow_the_calendar_rule(everything: Pack) -> None:
    for election in everything.elections:
        if election.office in ("us-president", "us-congress") and election.date:
            assert election.date.weekday() == 1 and 2 <= election.date.day <= 8 and election.date.month == 11


# ---------------------------------------------------------------- lookups


def test_trigger_lookups(everything: Pack) -> None:
    assert everything.event_for("sworn in").id == "inauguration"
    assert everything.event_for("Swearing-in").id == "inauguration"
    assert everything.event_for("win the election").id == "election"
    assert everything.event_for("pass away").id == "death"
    assert everything.event_for("born").id == "birth"
    assert everything.event_for("walk") is None


def test_find_triggers_uses_lemmas_and_forms(everything: Pack) -> None:
    tokens = [
        ("He", "he"),
        ("was", "be"),
        ("born", "bear"),
        ("and", "and"),
        ("later", "later"),
        ("sworn", "swear"),
        ("in", "in"),
        ("after", "after"),
        ("he", "he"),
        ("found", "find"),
    ]
    found = everything.find_triggers(tokens)
    assert [(m.start, m.end, m.event) for m in found] == [(2, 3, "birth"), (5, 7, "inauguration")]


def test_people_by_alias(everything: Pack) -> None:
    assert [p.id for p in everything.people_named("Barack H. Obama")] == ["barack-obama"]
    assert [p.id for p in everything.people_named("obama")] == ["barack-obama"]
    assert {p.id for p in everything.people_named("Bush")} == {"george-h-w-bush", "george-w-bush"}
    assert [p.id for p in everything.people_named("Erdogan")] == ["recep-tayyip-erdogan"]
    assert everything.people_named("Nobody Atall") == ()


def test_offices_held(everything: Pack) -> None:
    assert everything.holds("barack-obama", "us-president", date(2010, 6, 1)) is True
    assert everything.holds("barack-obama", "us-president", date(2019, 6, 1)) is False
    assert everything.holds("donald-trump", "us-president", date(2022, 6, 1)) is False
    assert everything.holds("donald-trump", "us-president", date(2026, 1, 1)) is True
    assert everything.holds("donald-trump", "us-president", date(2028, 1, 1)) is None  # after current_to
    assert everything.holds("winston-churchill", "uk-prime-minister", date(1900, 1, 1)) is None  # before records
    assert everything.holds("keir-starmer", "uk-prime-minister", date(2024, 7, 5)) is True
    assert everything.holds("keir-starmer", "us-president", date(2025, 1, 1)) is False
    assert (
        everything.holds("keir-starmer", "uk-prime-minister", date(2026, 1, 1)) is None
    )  # uk-politics ends 2025-06-30
    assert everything.holds("boris-johnson", "uk-prime-minister", date(2026, 1, 1)) is None
    assert everything.holds("nobody", "us-president", date(2020, 1, 1)) is None
    assert [t.office for t in everything.terms_on("joe-biden", date(2014, 1, 1))] == ["us-vice-president"]
    assert {p.id for p in everything.holders("us-president", date(2021, 1, 20))} == {"donald-trump", "joe-biden"}


def test_elections_and_titles(everything: Pack) -> None:
    (election,) = everything.elections_for("us-president", 2008)
    assert (election.winner, election.running_mate, election.date) == ("barack-obama", "joe-biden", date(2008, 11, 4))
    assert everything.elections_for("us-president", 2009) == ()
    assert [(e.year, e.office) for e in everything.elections_of("joe-biden")] == [
        (2008, "us-president"),
        (2012, "us-president"),
        (2020, "us-president"),
    ]
    assert "us-president" in {o.id for o in everything.offices_titled("President")}
    assert [o.id for o in everything.offices_titled("German Chancellor")] == ["de-chancellor"]


def test_sworn_in_days(everything: Pack) -> None:
    term = next(t for t in everything.person("barack-obama").terms if t.start == date(2013, 1, 20))
    assert term.sworn_in == (date(2013, 1, 21),)


def test_partial_dates() -> None:
    assert (When(2019).earliest, When(2019).latest) == (date(2019, 1, 1), date(2019, 12, 31))
    assert When(2024, 2).latest == date(2024, 2, 29)
    assert str(When(2019, 5, 3)) == "2019-05-03"


# ---------------------------------------------------------------- house facts


HOUSE = """\
description: Dates our newsroom has confirmed.
facts:
  events:
    - entity: Acme bridge
      aliases: [the Acme Bridge, Acme River bridge]
      event: opening
      date: 2019-05-03
    - entity: Acme Corp
      event: founding
      date: 1952
"""


def test_house_facts(tmp_path: Path) -> None:
    pack = load_facts(write(tmp_path, HOUSE, "newsroom.yaml"))
    assert pack.id == "newsroom"
    (fact,) = pack.facts_about("the acme bridge")
    assert (fact.event, fact.when.earliest, fact.when.latest) == ("opening", date(2019, 5, 3), date(2019, 5, 3))
    assert pack.facts_about("Acme Corp")[0].when.latest == date(1952, 12, 31)
    check_references(merge([*load_builtin(["core"]), pack]))


def test_house_facts_reject_vocabularies(tmp_path: Path) -> None:
    error = rejected(write(tmp_path, HOUSE + "events:\n  launch: {triggers: [launch]}\n"), load_facts)
    assert str(error).endswith("demo.yaml:11: unknown key 'events' in top level")


def test_house_facts_name_unknown_event_type(tmp_path: Path) -> None:
    pack = load_facts(write(tmp_path, HOUSE.replace("event: founding", "event: launch")))
    with pytest.raises(PackError, match=r"demo.yaml:8: unknown event type 'launch'"):
        check_references(merge([*load_builtin(["core"]), pack]))


def test_assemble_adds_required_builtin_packs(tmp_path: Path) -> None:
    extra = write(
        tmp_path, MINIMAL + "requires: [politics]\nconstraints:\n  - {id: x, message: m, expr: inauguration > birth}\n"
    )
    house = write(tmp_path, HOUSE, "newsroom.yaml")
    world = assemble(["core"], [extra], [house])
    assert world.id == "core+politics+demo+newsroom"
    assert world.facts_about("Acme bridge") and world.event_for("sworn in")


def test_assemble_rejects_unknown_requirement(tmp_path: Path) -> None:
    extra = write(tmp_path, MINIMAL + "requires: [fr-politics]\n")
    with pytest.raises(PackError, match=r"demo.yaml: requires unknown pack 'fr-politics'"):
        assemble(["core"], [extra])


# ---------------------------------------------------------------- malformed packs


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (MINIMAL + "events:\n  birth: {triggers: [born\n", 6, "expected ',' or ']'"),
        (MINIMAL + "event:\n  birth: {}\n", 4, "unknown key 'event' in top level"),
        (MINIMAL + "events:\n  birth:\n    trigers: [born]\n", 6, "unknown key 'trigers' in events.birth"),
        (
            MINIMAL + "events:\n  birth:\n    triggers: born\n",
            6,
            "events.birth.triggers: 'born' is not of type 'array'",
        ),
        (MINIMAL.replace("2024-01-01", "2024-02-30"), 3, "'2024-02-30' is not a valid date"),
        (MINIMAL.replace("2024-01-01", "'2024-1-1'"), 3, "current_to: '2024-1-1' is not a valid date (YYYY-MM-DD)"),
        (
            MINIMAL + "facts:\n  events:\n    - {entity: X, event: opening, date: 2019-5-3}\n",
            6,
            "facts.events.0.date: '2019-5-3' is not a valid date (YYYY-MM-DD, YYYY-MM or YYYY)",
        ),
        (
            MINIMAL + "facts:\n  people:\n    p:\n      name: P\n"
            "      terms: [{office: o, start: 2020-01-01, end: soon, how: election}]\n",
            8,
            "facts.people.p.terms.0.end: 'soon' is not a valid date (YYYY-MM-DD)",
        ),
        (
            MINIMAL + "facts:\n  events:\n    - {entity: X, event: opening, date: 2019-13}\n",
            6,
            "'2019-13' is not a valid date",
        ),
        (
            MINIMAL + "constraints:\n  - {id: x, message: m, expr: death >>= birth}\n",
            5,
            "constraints.0.expr: invalid syntax",
        ),
        (MINIMAL + "constraints:\n  - id: x\n    message: m\n    expr: __import__('os')\n", 7, "constraints.0.expr"),
        (MINIMAL + "constraints:\n  - {id: x, message: m, expr: a > b or a < b}\n", 5, "'or' is not allowed"),
        (MINIMAL + "constraints:\n  - {id: x, message: m}\n", 5, "either `expr` or both `count` and `max`"),
        (MINIMAL + "events:\n  Birth: {}\n", 5, "'Birth' in events is not a valid name ('Birth' does not match"),
        (MINIMAL + "events:\n  birth: {}\n  birth: {}\n", 6, "duplicate key 'birth'"),
        (
            MINIMAL + "events:\n  a: {triggers: [go]}\n  b: {triggers: [go]}\n",
            6,
            "'go' is in the triggers of both a and b",
        ),
        (MINIMAL + "x: &a [1]\ny: *a\n", 4, "anchors and aliases are not supported"),
        ("- just\n- a list\n", 1, "a pack is a mapping"),
        ("", 1, "empty file"),
        (MINIMAL.replace("pack: demo\n", ""), 1, "'pack' is a required property"),
        (
            MINIMAL + "offices:\n  o: {name: O, jurisdiction: J}\nfacts:\n  people:\n    p:\n      name: P\n"
            "      terms: [{office: o, start: 2020-01-01, end: 2019-01-01, how: election}]\n",
            10,
            "term of p ends (2019-01-01) before it starts (2020-01-01)",
        ),
        (MINIMAL + "facts:\n  elections:\n    - {office: o, year: 2020, date: 2021-01-05}\n", 6, "not in year 2020"),
    ],
)
def test_malformed_pack_is_rejected_with_file_and_line(
    tmp_path: Path, text: str, line: int | None, message: str
) -> None:
    path = write(tmp_path, text)
    error = rejected(path)
    assert error.file == str(path)
    assert error.line == line
    assert message in error.message
    assert str(error).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_python_tags_are_rejected_without_running(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = MINIMAL + f"description2: !!python/object/apply:os.system ['touch {marker}']\n"
    error = rejected(write(tmp_path, text))
    assert (error.line, error.message) == (
        4,
        "YAML tag !!python/object/apply:os.system is not allowed: packs are plain data",
    )
    assert not marker.exists()


def test_unknown_office_reference(tmp_path: Path) -> None:
    text = (
        MINIMAL
        + "facts:\n  people:\n    p:\n      name: P\n      terms:\n        - {office: mayor, start: 2020-01-01, end: null, how: election}\n"
    )
    pack = load_pack(write(tmp_path, text))
    with pytest.raises(PackError, match=r"demo.yaml:9: unknown office 'mayor'"):
        check_references(pack)


def test_unknown_event_in_expression(tmp_path: Path) -> None:
    text = MINIMAL + "constraints:\n  - {id: x, message: m, expr: coronation > birth}\n"
    pack = load_pack(write(tmp_path, text))
    with pytest.raises(PackError, match=r"demo.yaml:5: unknown event type 'coronation'"):
        check_references(merge([*load_builtin(["core"]), pack]))


def test_unreadable_file(tmp_path: Path) -> None:
    error = rejected(tmp_path / "missing.yaml")
    assert str(error).startswith(f"{tmp_path / 'missing.yaml'}: cannot read")


# ---------------------------------------------------------------- every accepted constraint runs


def test_every_builtin_constraint_has_a_kind_the_engine_evaluates(everything: Pack) -> None:
    from checker.knowledge.constraints import kind

    found = {c.id: kind(c) for c in everything.constraints}
    assert found["death-after-birth"] == "order"
    assert found["us-election-day"] == "rule"
    assert found["us-inauguration-march-4-sunday"] == "rule"
    assert found["us-two-term-limit"] == "count"
    assert "us-term-four-years" not in found


@pytest.mark.parametrize(
    ("constraint", "reason"),
    [
        ("{id: x, message: m, expr: age.value >= 0}", "no stage of the engine binds the number field age.value"),
        ("{id: x, message: m, count: election, max: 2}", "a count limit needs scope.same"),
        (
            "{id: x, message: m, expr: 'death.date - birth.date <= 40000', when: birth.year > 1900}",
            "a rule between two event types needs scope.same",
        ),
        ("{id: x, message: m, expr: 'death > birth and closing > opening'}", "at most two event types"),
        ("{id: x, message: m, expr: 'death != birth', scope: {same: [person]}}", "must be one difference"),
    ],
)
def test_constraints_no_stage_evaluates_are_rejected(tmp_path: Path, constraint: str, reason: str) -> None:
    error = rejected(write(tmp_path, MINIMAL + f"constraints:\n  - {constraint}\n"))
    assert (error.line, reason in error.message) == (5, True), error.message
    assert "would never be evaluated" in error.message


def test_a_country_pack_adds_offices_and_place_words_without_code(tmp_path: Path) -> None:
    text = MINIMAL + (
        "requires: [politics]\n"
        "jurisdictions:\n  Ruritania:\n    words: [Ruritanian, Strelsau]\n"
        "title_forms: {regency: regent}\n"
        "other_offices: [burgomaster]\n"
        "offices:\n  ru-regent:\n    name: Regent of Ruritania\n    titles: [Regent]\n    jurisdiction: Ruritania\n"
    )
    world = assemble(["uk-politics", "us-politics"], [write(tmp_path, text)])
    assert world.place("Ruritania").search("the Ruritanian court") and not world.place("Ruritania").search("Rome")
    assert world.title_forms["regency"] == "regent" and world.title_forms["presidency"] == "president"
    assert world.other_office_words.search("elected burgomaster")
    assert world.place("United Kingdom").search("Tories won") and world.place("United States").search("U. S. troops")


def test_an_office_id_defined_twice_is_rejected(tmp_path: Path) -> None:
    text = MINIMAL + "offices:\n  de-chancellor: {name: Chancellor of Freedonia, jurisdiction: Freedonia}\n"
    with pytest.raises(
        PackError, match=r"demo.yaml:5: office 'de-chancellor' is already defined at rules/g20.yaml:\d+"
    ):
        assemble(None, [write(tmp_path, text)])


def test_the_leaders_in_office_at_current_to_have_birth_dates(everything: Pack) -> None:
    """The arithmetic rules read these for "the 71-year-old chancellor"; monarchs by title only are exempt."""
    offices = {o.id for o in everything.offices if o.titles and "monarch" not in o.id and "emperor" not in o.id}
    missing = [
        p.id
        for p in everything.people
        if any(t.office in offices and t.end is None for t in p.terms) and p.born is None
    ]
    assert missing == []
