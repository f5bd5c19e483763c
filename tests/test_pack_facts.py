"""Cross-checks the built-in packs' facts against independent datasets in ../shared/data/knowledge.

The packs were written by hand; these datasets (see each folder's SOURCE.md) are
read at test time only, never copied. Tests skip when ../shared is absent.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from checker.knowledge.loading import load_builtin, merge
from checker.knowledge.model import Pack, name_key

OFFICE = {"prez": "us-president", "viceprez": "us-vice-president"}


@pytest.fixture(scope="module")
def packs() -> Pack:
    return merge(load_builtin())


@pytest.fixture(scope="module")
def knowledge(shared: Path) -> Path:
    folder = shared / "data" / "knowledge"
    if not folder.is_dir():
        pytest.skip("../shared/data/knowledge is not present")
    return folder


def _same_birthday(ours: str, theirs: str) -> bool:
    """Equal, or the same day in the Julian calendar (Britain and its colonies until 1752)."""
    if ours == theirs:
        return True
    mine, other = date.fromisoformat(ours), date.fromisoformat(theirs)
    return mine < date(1752, 9, 14) and (mine - other).days == 11


def test_us_executive_terms_match_congress_legislators(packs: Pack, knowledge: Path) -> None:
    """Same people, birthdays and terms; a dataset date on one of our ``sworn_in`` days counts as the term start."""
    data = yaml.safe_load((knowledge / "congress-legislators" / "executive.yaml").read_text("utf-8"))
    ours = [p for p in packs.people if any(t.office in OFFICE.values() for t in p.terms)]
    current_to = max(t.known_to for p in ours for t in p.terms)
    assert len(ours) == len(data)
    for record in data:
        surname = record["name"]["last"].split()[-1]
        person = next(
            (
                p
                for p in ours
                if p.name.split()[-1] == surname and _same_birthday(str(p.born), record["bio"]["birthday"])
            ),
            None,
        )
        assert person is not None, record["name"]
        sworn = {d.isoformat(): t.start.isoformat() for t in person.terms for d in t.sworn_in}
        theirs = {
            (
                OFFICE[t["type"]],
                sworn.get(t["start"], t["start"]),
                None if date.fromisoformat(t["end"]) > current_to else sworn.get(t["end"], t["end"]),
                t["how"],
            )
            for t in record["terms"]
        }
        mine = {
            (t.office, t.start.isoformat(), t.end and t.end.isoformat(), t.how)
            for t in person.terms
            if t.office in OFFICE.values()
        }
        assert mine == theirs, person.name


def test_us_elections_follow_the_presidents_terms(packs: Pack) -> None:
    """Every elected presidential term starts right after an election its holder won."""
    won = {(e.winner, e.year) for e in packs.elections if e.office == "us-president"}
    for person in packs.people:
        for term in person.terms:
            if term.office == "us-president" and term.how == "election":
                year = term.start.year - 1 if term.start.year > 1789 else 1788
                assert (person.id, year) in won, (person.id, term.start)


def _uk_records(knowledge: Path) -> list[dict]:
    return json.loads((knowledge / "uk-prime-ministers" / "uk-prime-ministers.json").read_text("utf-8"))


def test_uk_prime_ministers_match_dataset(packs: Pack, knowledge: Path) -> None:
    """Tenures in the dataset's span (it ends with Johnson, open, in 2019) and the pack's coverage."""
    office = next(o for o in packs.offices if o.id == "uk-prime-minister")
    theirs = {
        (r["name"].split(",")[0].split()[-1], r["from"], r["to"])
        for r in _uk_records(knowledge)
        if r["from"] >= office.covered_from.isoformat()
    }
    ours = {
        (p.name.split()[-1], t.start.isoformat(), t.end and t.end.isoformat())
        for p in packs.people
        for t in p.terms
        if t.office == "uk-prime-minister" and t.start.isoformat() <= "2019-07-24"
    }
    ours = {(n, s, None if s == "2019-07-24" else e) for n, s, e in ours}
    assert ours == theirs


def _parlgov(knowledge: Path, table: str) -> list[dict]:
    with open(knowledge / "parlgov" / table, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_uk_general_elections_match_parlgov(packs: Pack, knowledge: Path) -> None:
    country = next(c["id"] for c in _parlgov(knowledge, "02__datacore__Country.csv") if c["name_short"] == "GBR")
    parliament = {
        c["id"]
        for c in _parlgov(knowledge, "01__datacore__Code.csv")
        if c["table_variable"] == "election_type" and c["short"] == "parliament"
    }
    theirs = {
        e["date"]
        for e in _parlgov(knowledge, "31__elections__Election.csv")
        if e["country"] == country and e["type"] in parliament and "1945-01-01" <= e["date"] <= "2023-06-26"
    }
    ours = {e.date.isoformat() for e in packs.elections if e.office == "uk-parliament" and e.date and e.year <= 2023}
    assert len(theirs) == 21
    assert ours == theirs


# ParlGov countries whose cabinets start on the head of government's first day; France's
# start when the government is formed, days or weeks after the prime minister's appointment.
CABINET_OFFICES = {
    "AUS": ("au-prime-minister", "9999-12-31"),
    "CAN": ("ca-prime-minister", "9999-12-31"),
    "DEU": ("de-chancellor", "9999-12-31"),
    "ITA": ("it-prime-minister", "9999-12-31"),
    "JPN": ("jp-prime-minister", "9999-12-31"),
    "TUR": ("tr-prime-minister", "2018-07-09"),  # the office was abolished that day
}


def _tenures(cabinets: list[dict]) -> set[tuple[str, str]]:
    """(surname, first day) of each run of cabinets led by the same person ("Abe III", "Trudeau J II")."""
    tenures, previous = set(), None
    for cabinet in sorted(cabinets, key=lambda c: c["start_date"]):
        surname = cabinet["name"].split()[0]
        if surname != previous:
            tenures.add((name_key(surname), cabinet["start_date"]))
        previous = surname
    return tenures


def test_heads_of_government_match_parlgov_cabinets(packs: Pack, knowledge: Path) -> None:
    countries = {c["id"]: c["name_short"] for c in _parlgov(knowledge, "02__datacore__Country.csv")}
    cabinets = _parlgov(knowledge, "41__cabinets__Cabinet.csv")
    for country, (office_id, abolished) in CABINET_OFFICES.items():
        office = packs.office(office_id)
        first, last = office.covered_from.isoformat(), min(abolished, "2023-06-26")
        theirs = _tenures([c for c in cabinets if countries[c["country"]] == country and c["start_date"] < last])
        theirs = {(n, d) for n, d in theirs if d >= first}
        ours = set()
        for person in packs.people:
            for term in person.terms:
                if term.office == office_id and first <= term.start.isoformat() < last:
                    keys = {name_key(a) for a in (person.name, *person.aliases)}
                    name = next((n for n, _ in theirs if n in keys), name_key(person.name))
                    ours.add((name, term.start.isoformat()))
        assert ours == theirs, country


def _wikidata(knowledge: Path) -> list[dict]:
    with open(knowledge / "world-leaders-wikidata-2022" / "wikidata.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_leaders_in_2022_match_wikidata(packs: Pack, knowledge: Path) -> None:
    """For every office of ours the extract has (matched by name), the same holders as of its snapshot.

    The extract (2022-10-10) lists holders in office during 2022, with years only.
    """
    snapshot = date(2022, 10, 10)
    rows = _wikidata(knowledge)
    compared = 0
    for office in packs.offices:
        label = office.name.casefold()
        theirs = {
            (name_key(r["officeholderLabel"]), int(r["start_year"]), int(r["end_year"]) if r["end_year"] else None)
            for r in rows
            if r["positionLabel"].casefold() == label
        }
        if not theirs or office.covered_from is None or office.covered_from.year > min(y for _, y, _ in theirs):
            continue
        ours = set()
        for person in packs.people:
            keys = {name_key(n) for n in (person.name, *person.aliases)}
            for t in person.terms:
                if t.office == office.id and t.start <= snapshot and (t.end is None or t.end >= date(2022, 1, 1)):
                    name = next((k for k, _, _ in theirs if k in keys), name_key(person.name))
                    ours.add((name, t.start.year, t.end.year if t.end and t.end <= snapshot else None))
        assert ours == theirs, office.id
        compared += 1
    assert compared >= 30
