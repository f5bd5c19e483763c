"""facts/contradiction and facts/title-anachronism through the real pipeline (spaCy, tagger, assertions)."""

from __future__ import annotations

import csv
import os
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from checker import engine, nlp, source
from checker.checks import facts as fact_checks
from checker.checks import titles as title_checks
from checker.knowledge import loading
from checker.model import Document, Finding

ISOT = Path("data/news/isot-reuters-politics-2017-sample/True.csv")


@pytest.fixture(scope="module", autouse=True)
def pipeline() -> None:
    """spaCy and the packs, loaded once for the module."""
    nlp.load()
    engine.knowledge()


def contradictions(text: str, published: date | None = None) -> list[Finding]:
    analysis = engine.analyze([source.read_text(text, published=published)])[0]
    return list(fact_checks.contradictions(analysis, engine.knowledge()))


def titles(text: str, published: date | None) -> list[Finding]:
    analysis = engine.analyze([source.read_text(text, published=published)])[0]
    return list(title_checks.title_anachronisms(analysis, engine.knowledge()))


def flagged(found: list[Finding], text: str) -> str:
    """The flagged stretch of ``text`` (the test documents are plain text: offsets are the text's)."""
    assert len(found) == 1, found
    return text[found[0].span.start : found[0].span.end]


# ---------------------------------------------------------------- facts/contradiction: flagged


@pytest.mark.parametrize(
    ("text", "span", "fact"),
    [
        (
            "Barack Obama was first elected president in 2004.",
            "elected president in 2004",
            "Barack Obama was first elected President of the United States on November 4, 2008 (us-politics pack)",
        ),
        (
            "Barack Obama was elected president in 2004.",
            "elected president in 2004",
            "elected President of the United States on November 4, 2008 and on November 6, 2012",
        ),
        (
            "Obama was elected president of the United States in 2004.",
            "elected president of the United States in 2004",
            "November 4, 2008",
        ),
        (
            "Theresa May became prime minister of Britain on July 14, 2016.",
            "became prime minister of Britain on July 14, 2016",
            "July 13, 2016",
        ),
        (
            "Joe Biden was elected vice president in 2016.",
            "elected vice president in 2016",
            "Joe Biden was elected Vice President of the United States on November 4, 2008",
        ),
        ("Lincoln was elected president in 1862.", "elected president in 1862", "November 6, 1860"),
        ("Trump won the presidency in 2012.", "won the presidency in 2012", "November 8, 2016"),
        (
            "Biden was inaugurated on January 21, 2021.",
            "inaugurated on January 21, 2021",
            "Joe Biden took office as President of the United States on January 20, 2021",
        ),
        (
            "Trump, sworn in for his second term in January 2021, promised change.",
            "sworn in for his second term in January 2021",
            "Donald Trump's second term as President of the United States began on January 20, 2025",
        ),
        (
            "Obama was sworn in for a second term on January 22, 2013.",
            "sworn in for a second term on January 22, 2013",
            "began on January 20, 2013, sworn in on January 21, 2013",
        ),
        ("Trump took office on January 20, 2016.", "took office on January 20, 2016", "January 20, 2017"),
        (
            "Biden became vice president on January 20, 2008.",
            "became vice president on January 20, 2008",
            "Vice President of the United States on January 20, 2009",
        ),
        (
            "Theresa May became prime minister on July 14, 2016.",
            "became prime minister on July 14, 2016",
            "Theresa May took office as Prime Minister of the United Kingdom on July 13, 2016 (uk-politics pack)",
        ),
        ("Obama was born in 1962.", "born in 1962", "Barack Obama was born on August 4, 1961 (us-politics pack)"),
        ("Mr. Trump was first elected president in 2012.", "elected president in 2012", "November 8, 2016"),
        (
            "Trump was sworn in at the White House on January 20, 2016.",
            "sworn in at the White House on January 20, 2016",
            "January 20, 2017",
        ),
        ("Abraham Lincoln was born on February 13, 1809.", "born on February 13, 1809", "February 12, 1809"),
        ("Boris Johnson was born in 1965.", "born in 1965", "Boris Johnson was born on June 19, 1964"),
        (
            "Queen Elizabeth II died on September 9, 2022.",
            "died on September 9, 2022",
            "Elizabeth II died on September 8, 2022",
        ),
        (
            "The U.S. presidential election was held on November 6, 2024.",
            "held on November 6, 2024",
            "Tuesday after the first Monday of November; the 2024 election was held on November 5, 2024",
        ),
        (
            "Americans voted in the midterm elections on November 9, 2022.",
            "voted in the midterm elections on November 9, 2022",
            "the 2022 election was held on November 8, 2022",
        ),
        (
            "The midterm elections, held on November 9, 2022, gave Republicans the House.",
            "held on November 9, 2022",
            "midterm elections are held on the Tuesday after the first Monday",
        ),
        (
            "Britain's general election was held on Friday, July 5, 2024.",
            "held on Friday, July 5, 2024",
            "Thursday; the 2024 election was held on July 4, 2024 (uk-politics pack)",
        ),
    ],
)
def test_contradictions_are_flagged_with_the_pack_fact(text: str, span: str, fact: str) -> None:
    found = contradictions(text)
    assert flagged(found, text) == span
    assert found[0].rule == "facts/contradiction" and found[0].severity == "error"
    assert fact in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        # the person is a surname linked to a full name met earlier
        "Barack Obama was born on August 4, 1961, in Honolulu. He was first elected president in 2004.",
        # the year is inferred from the publication date
        "Biden was inaugurated on January 21.",
        # the office comes from the context of the whole document, not the sentence
        "Republicans hope to win back the White House. The election was held on November 6, 2024.",
    ],
)
def test_inferred_pieces_lower_the_severity(text: str) -> None:
    found = contradictions(text, published=date(2021, 2, 10))
    assert [f.severity for f in found] == ["warning"]


def test_the_right_fact_stated_elsewhere_is_related() -> None:
    text = "Obama was first elected president in 2004. Barack Obama was first elected president in 2008."
    found = contradictions(text)
    assert flagged(found, text) == "elected president in 2004"
    assert [text[r.span.start : r.span.end] for r in found[0].related] == ["elected president in 2008"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Bush was elected president in 1992.", ("George H. W. Bush was elected", "George W. Bush was elected")),
        ("Bush, who took office as president in 2000, met the press.", ("January 20, 1989", "January 20, 2001")),
        ("Johnson was sworn in as president in 1962.", ("Andrew Johnson", "Lyndon B. Johnson")),
    ],
)
def test_ambiguous_surname_wrong_for_everyone_is_a_warning(text: str, names: tuple[str, ...]) -> None:
    (found,) = contradictions(text)
    assert found.severity == "warning" and "whoever is meant" in found.message
    assert all(n in found.message for n in names)
    assert "Boris Johnson" not in found.message


def test_ambiguous_surname_resolved_by_a_full_name() -> None:
    text = "George W. Bush took office in 2001. Bush was elected president in 1996."
    found = contradictions(text)
    assert flagged(found, text) == "elected president in 1996"
    assert "George W. Bush" in found[0].message and found[0].severity == "warning"


def test_house_facts_are_checked(tmp_path: Path) -> None:
    facts = tmp_path / "newsroom-facts.yaml"
    facts.write_text(
        "facts:\n  events:\n    - {entity: Acme bridge, aliases: [the Acme Bridge], event: opening, date: 2019-05-03}\n"
    )
    pack = loading.merge([*loading.load_builtin(), loading.load_facts(facts)])

    def check(text: str) -> list[Finding]:
        return list(fact_checks.contradictions(engine.analyze([source.read_text(text)])[0], pack))

    text = "Since the Acme bridge opened on May 5, 2019, crossings have doubled."
    found = check(text)
    assert flagged(found, text) == "opened on May 5, 2019"
    assert "Acme bridge: opening on May 3, 2019 (newsroom-facts pack)" in found[0].message
    assert check("The Acme bridge opened to traffic on May 3, 2019.") == []
    assert check("The Acme bridge opened in 2019.") == []
    assert check("The Zenith tunnel opened on May 5, 2019.") == []


def test_wired_into_the_engine() -> None:
    analyses = engine.analyze([source.read_text("Barack Obama was first elected president in 2004.")])
    assert [f.rule for f in engine.findings(analyses, rules={"facts/contradiction"})] == ["facts/contradiction"]


# ---------------------------------------------------------------- facts/contradiction: not flagged


@pytest.mark.parametrize(
    "text",
    [
        "Barack Obama was first elected president in 2008.",
        "Barack Obama was reelected in 2012.",
        "Barack Obama was re-elected president in 2012.",
        "Joe Biden was elected vice president in 2012.",
        "Donald Trump was first elected president in 2016.",
        "Donald Trump won the 2016 presidential election on November 8, 2016.",
        "Trump won the presidency in 2016.",
        # other offices than the pack's
        "Obama was elected to the Senate in 2004.",
        "Joe Biden was first elected to the Senate in 1972.",
        "Biden was sworn in as a senator on January 3, 1973.",
        "Obama was elected in 2004.",  # no office named: the Senate race that year
        "Obama was elected president of the Harvard Law Review in 1990.",
        "Boris Johnson was elected president of the Oxford Union in 1986.",
        # the right dates
        "Biden was inaugurated on January 20, 2021.",
        "Barack Obama was inaugurated on January 20, 2009.",
        "Obama was sworn in for a second term on January 21, 2013.",
        "Trump, sworn in for his second term in January 2025, promised change.",
        "Theresa May became prime minister on July 13, 2016.",
        "JD Vance was sworn in as vice president on January 20, 2025.",
        "Obama was born in 1961.",
        "Abraham Lincoln was born on February 12, 1809.",
        "Queen Elizabeth II died on September 8, 2022.",
        "The U.S. presidential election was held on November 5, 2024.",
        "The midterm elections, held on November 8, 2022, gave Republicans the House.",
        # after what the pack knows (current_to): unknown, not wrong
        "Trump was elected president in 2028.",
        # ambiguous surnames: without an office named, or with a date that fits one of them
        "Johnson was born in 1964.",
        "Johnson was born in 1950.",
        "Bush took office in 2000.",
        "Bush was elected president in 2000.",
        "Johnson was sworn in as president in 1963.",
        # no jurisdiction for a bare election
        "The election was held on November 6, 2024.",
        # not asserted
        "If Obama had been elected in 2004, things would differ.",
        "Obama was not elected president in 2004.",
        '"Obama was elected president in 2004," he joked.',
        "Obama was expected to be elected president in 2004.",
        # the date dates another event
        "On Nov. 18, 2016, 10 days after Trump won the presidential election, Copson received an email.",
        # a month without a year, resolved by the tagger
        "The tax bill was the first victory since Trump took office in January.",
        # people the packs do not know, even when their surname is a pack alias
        "Jane Doe was first elected president in 2004.",
        "Bill Clinton took office in 1993. Hillary Clinton was born in 1946.",
    ],
)
def test_consistent_or_undecidable_claims_are_not_flagged(text: str) -> None:
    assert contradictions(text, published=date(2017, 12, 20)) == []


def test_historical_present_chronology_is_not_flagged() -> None:
    text = "Timeline:\n\n* Jan. 20: Trump takes office, and Flynn becomes national security adviser."
    assert contradictions(text, published=date(2017, 12, 1)) == []


# ---------------------------------------------------------------- facts/title-anachronism: flagged


@pytest.mark.parametrize(
    ("text", "published", "span"),
    [
        ("President Obama told reporters on Tuesday that he was tired.", date(2019, 5, 10), "President Obama"),
        ("President Barack Obama said on Monday that the law would stand.", date(2018, 3, 7), "President Barack Obama"),
        ("President Obama says he is tired.", date(2019, 5, 10), "President Obama"),
        ("Prime Minister Theresa May met the king yesterday.", date(2023, 6, 1), "Prime Minister Theresa May"),
        (
            "The talks began in 2019. President Biden said on Friday that they failed.",
            date(2019, 8, 2),
            "President Biden",
        ),
        ("President Trump visited Ohio in 2015.", date(2016, 3, 1), "President Trump"),
        ("Chancellor Merkel spoke in Berlin on Monday.", date(2023, 3, 8), "Chancellor Merkel"),
        ("President Bush said on Tuesday that he was tired.", date(2019, 5, 10), "President Bush"),
    ],
)
def test_titles_out_of_office_are_flagged(text: str, published: date, span: str) -> None:
    found = titles(text, published)
    assert flagged(found, text) == span
    assert found[0].rule == "facts/title-anachronism" and found[0].severity == "warning"


def test_title_message_and_fix() -> None:
    text = "President Obama told reporters on Tuesday that he was tired."
    (found,) = titles(text, date(2019, 5, 10))
    assert "Barack Obama was not President of the United States at 'Tuesday' (May 7, 2019)" in found.message
    assert "in office January 20, 2009 to January 20, 2017 (us-politics pack)" in found.message
    assert found.fix is not None and found.fix.replacement == "Former President"
    assert text[found.fix.span.start : found.fix.span.end] == "President"


def test_fix_inside_a_sentence_is_lowercase() -> None:
    (found,) = titles("On Tuesday, President Obama told reporters that he was tired.", date(2019, 5, 10))
    assert found.fix is not None and found.fix.replacement == "former President"


def test_title_before_the_first_term_has_no_fix() -> None:
    (found,) = titles("President Trump visited Ohio in 2015.", date(2016, 3, 1))
    assert found.fix is None


@pytest.mark.parametrize(
    ("text", "published", "then", "replacement"),
    [
        (
            "President Biden told reporters on Tuesday that he was tired.",
            date(2014, 5, 10),
            "Joe Biden was Vice President of the United States then",
            "Vice President",
        ),
        (
            "Vice President Biden told reporters on Tuesday that he was tired.",
            date(2022, 5, 12),
            "Joe Biden was President of the United States then",
            "President",
        ),
    ],
)
def test_the_title_held_then_is_named_and_offered(text: str, published: date, then: str, replacement: str) -> None:
    (found,) = titles(text, published)
    assert found.message.endswith(then)
    assert found.fix is not None and found.fix.replacement == replacement


def test_a_dead_holder_gets_no_fix_and_every_realm_is_named() -> None:
    (found,) = titles("Queen Elizabeth opened the bridge on Tuesday.", date(2023, 6, 1))
    assert "Monarch of Canada or Monarch of the United Kingdom" in found.message
    assert found.message.endswith("Elizabeth II died on September 8, 2022")
    assert found.fix is None


def test_an_ex_holder_is_former_at_publication_whatever_the_event() -> None:
    (found,) = titles("President Obama was born in 1961 in Honolulu.", date(2019, 5, 10))
    assert found.fix is not None and found.fix.replacement == "Former President"


def test_ambiguous_surname_names_every_holder() -> None:
    (found,) = titles("President Bush said on Tuesday that he was tired.", date(2019, 5, 10))
    assert "neither George H. W. Bush nor George W. Bush was President" in found.message


# ---------------------------------------------------------------- facts/title-anachronism: not flagged


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("In 2010, President Obama signed the act.", date(2019, 5, 10)),
        ("Former President Obama told reporters on Tuesday that he was tired.", date(2019, 5, 10)),
        ("former President Barack Obama said on Monday that he was tired.", date(2019, 5, 10)),
        ("Then-President Obama signed the order on Tuesday.", date(2019, 5, 10)),
        ("then-President Barack Obama met him on Tuesday.", date(2019, 5, 10)),
        ("The late President Bush was remembered on Tuesday.", date(2019, 5, 10)),
        ("President-elect Trump met with donors on Friday.", date(2024, 12, 1)),
        ("President-elect Donald Trump met with donors on Friday.", date(2016, 12, 1)),
        ('"President Obama told us on Monday he would win," she said.', date(2019, 5, 10)),
        ("President Donald Trump said on Tuesday that taxes would fall.", date(2017, 11, 21)),
        ("President Trump said on Tuesday that tariffs would rise.", date(2025, 3, 5)),
        # a current holder's title for his past: house style, not an anachronism
        ("President Trump won the election in November 2016.", date(2017, 11, 10)),
        ("Prime Minister Theresa May said on Monday that talks would go on.", date(2017, 12, 4)),
        ("Vice President Mike Pence spoke on Tuesday.", date(2018, 2, 6)),
        # offices the packs do not cover, or that the person never held
        ("Chancellor Philip Hammond said on Monday that growth was slow.", date(2017, 11, 20)),
        ("Governor Smith said on Tuesday that the budget passed.", date(2019, 5, 10)),
        ("The Queen Elizabeth II Conference Centre opened on Monday.", date(2023, 6, 5)),
        # a name used as a name: ships, buildings
        ("HMS Queen Elizabeth sailed on Tuesday from Portsmouth.", date(2023, 6, 1)),
        ("The Queen Elizabeth sailed on Tuesday from Portsmouth.", date(2023, 6, 1)),
        # no time for the event: an undated past statement
        ("President Obama signed the Affordable Care Act.", date(2019, 5, 10)),
        # how history names the dead: their title during their lifetime
        ("President Lincoln was born on February 12, 1809, in Kentucky.", date(2020, 5, 10)),
        ("President Eisenhower, elected in 1952, warned of the military-industrial complex.", date(2020, 5, 10)),
        ("President Kennedy was assassinated on November 22, 1963.", date(2013, 11, 22)),
        ("President Obama was born in 1961 in Honolulu.", date(2010, 5, 10)),
        # a chronology whose dates leave the year out
        ("* Dec. 28: President Barack Obama signs an executive order.", date(2017, 12, 1)),
        # surname shared by two presidents, one of whom held office then
        ("President Bush said on Tuesday that the war would go on.", date(2005, 3, 9)),
    ],
)
def test_titles_in_office_or_qualified_are_not_flagged(text: str, published: date) -> None:
    assert titles(text, published) == []


def test_a_text_telling_later_events_was_written_later() -> None:
    """Its inauguration after the publication date is chronology/anachronism's finding, not a wrong title."""
    text = (
        "President Trump, who was reelected in November 2024 and sworn into his second term on "
        "January 20, 2025, vowed to act."
    )
    assert titles(text, date(2024, 12, 20)) == []
    found = titles("President Trump, who was reelected in November 2024, vowed on Friday to act.", date(2024, 12, 20))
    assert [f.rule for f in found] == ["facts/title-anachronism"]


def test_undated_documents_are_not_checked_for_titles() -> None:
    assert titles("President Obama told reporters on Tuesday that he was tired.", None) == []


def test_title_rule_wired_into_the_engine() -> None:
    text = "President Obama told reporters on Tuesday that he was tired."
    analyses = engine.analyze([source.read_text(text, published=date(2019, 5, 10))])
    assert [f.rule for f in engine.findings(analyses, rules={"facts/title-anachronism"})] == ["facts/title-anachronism"]


# ---------------------------------------------------------------- real news: no false positives


def _isot(shared: Path, step: int, published: date | None = None) -> list[Document]:
    """Every ``step``-th ISOT article (title, blank line, body), dated by its row or by ``published``."""
    path = shared / ISOT
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [
        source.read_text(
            f"{row['title']}\n\n{row['text']}",
            path=f"isot-{i}",
            fmt="text",
            published=published or datetime.strptime(row["date"].strip(), "%B %d, %Y").date(),
        )
        for i, row in enumerate(rows)
        if i % step == 0
    ]


FACT_RULES = {"facts/contradiction", "facts/title-anachronism"}


def test_isot_reuters_politics_sample_has_no_findings(shared: Path) -> None:
    """Reuters politics, Nov.-Dec. 2017: "President Donald Trump" hundreds of times, "former
    President Barack Obama", "Prime Minister Theresa May". Every 16th article by default (a few
    seconds); CHRONOLINT_FULL_SAMPLES=1 checks all 561."""
    documents = _isot(shared, 1 if os.environ.get("CHRONOLINT_FULL_SAMPLES") else 16)
    found = engine.findings(engine.analyze(documents), rules=FACT_RULES)
    assert [(f.span.path, f.message) for f in found] == []


def test_isot_redated_after_the_terms_is_flagged(shared: Path) -> None:
    """The same articles dated 2023-06-01 (Trump, Pence and May out of office): the rule does fire."""
    documents = _isot(shared, 10, published=date(2023, 6, 1))
    found = engine.findings(engine.analyze(documents), rules=FACT_RULES)
    assert found and all(f.rule == "facts/title-anachronism" for f in found)
    assert all(re.search(r"(Donald Trump|Mike Pence|Theresa May) was not", f.message) for f in found), found


# ---------------------------------------------------------------- pack rules between two events, count limits


@pytest.mark.parametrize(
    ("text", "span", "rule_words"),
    [
        # us-inauguration-january-20: a person the packs do not hold, the election stated in the text
        (
            "Mara Velk won the U.S. presidential election in November 1948 and was sworn in as U.S. president "
            "on January 27, 1949.",
            "sworn in as U.S. president on January 27, 1949",
            "January 20 of the year after",
        ),
        # ... and with nobody named, the pack's election of the year before
        (
            "The U.S. presidential inauguration was held on January 22, 1965.",
            "held on January 22, 1965",
            "January 20 of the year after",
        ),
        # us-inauguration-january-20-sunday (January 20, 1957 was a Sunday)
        (
            "That year the U.S. presidential inauguration fell on January 23, 1957.",
            "fell on January 23, 1957",
            "when January 20 is a Sunday",
        ),
        # us-inauguration-march-4
        (
            "The U.S. presidential inauguration took place in Washington on March 9, 1889.",
            "took place in Washington on March 9, 1889",
            "sworn in on March 4 of the year after",
        ),
        # us-inauguration-march-4-sunday (March 4, 1849 was a Sunday)
        (
            "The American president took the oath of office on March 8, 1849.",
            "took the oath of office on March 8, 1849",
            "when March 4 fell on a Sunday",
        ),
        # us-two-term-limit: an ordinal past the limit, and a third dated election of one person
        (
            "Dwight Eisenhower was elected to a third term as president in 1960.",
            "elected to a third term",
            "no one may be elected president more than twice",
        ),
        (
            "Orla Finch was elected U.S. president in 1968, reelected in 1972 and reelected again in 1976.",
            "reelected again in 1976",
            "this would be number 3",
        ),
    ],
)
def test_pack_rules_between_events_and_count_limits_are_evaluated(text: str, span: str, rule_words: str) -> None:
    found = contradictions(text, published=date(2020, 5, 4))
    assert span in flagged(found, text)
    assert rule_words in found[0].message and "(us-politics pack)" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Mara Velk won the U.S. presidential election in November 1948 and was sworn in as U.S. president on January 20, 1949.",
        "The U.S. presidential inauguration was held on January 20, 1965.",
        "That year the U.S. presidential inauguration fell on January 21, 1957.",
        "The U.S. presidential inauguration took place in Washington on March 4, 1889.",
        "The American president took the oath of office on March 5, 1849.",
        # a successor sworn in on the day a president died is no inauguration of an election's winner
        "The new U.S. president was sworn in on April 12, 1945.",
        # another country's president, and "presidential" with no country
        "Brazil's presidential inauguration was held on January 3, 2019.",
        "The presidential inauguration was held on January 22, 1965.",
        # the two-term limit: before the 22nd Amendment, within it, and for another office
        "Franklin Roosevelt was elected to a third term as president in 1940.",
        "Orla Finch was elected U.S. president in 1968 and reelected in 1972.",
        "Governor Orla Finch was elected to a third term in 1990.",
        # after what the pack knows
        "Orla Finch won the U.S. presidential election in November 2028 and was sworn in on January 27, 2029.",
    ],
)
def test_pack_rules_hold_or_do_not_apply(text: str) -> None:
    assert contradictions(text, published=date(2020, 5, 4)) == []


@pytest.mark.parametrize(
    ("page", "start", "text", "rules"),
    [
        # docs/packs.md's worked example: offices, place words, a rule and facts in one YAML file
        (
            "packs.md",
            "# rules/ruritania.yaml",
            "Ruritanian President Ada Vell spoke on March 3, 2014.\n\n"
            "Ada Vell was first elected president in 2006.\n\n"
            "The Ruritanian presidential election was held on Tuesday, April 10, 2001.\n",
            ["facts/contradiction", "facts/contradiction", "facts/title-anachronism"],
        ),
        # docs/architecture.md's shorter version of it
        (
            "architecture.md",
            "pack: ruritania",
            "Ruritanian President Ada Vell spoke on March 3, 2014.\n\nAda Vell was first elected president in 2006.\n",
            ["facts/contradiction", "facts/title-anachronism"],
        ),
    ],
)
def test_the_documented_country_pack_works_without_code(
    tmp_path: Path, page: str, start: str, text: str, rules: list[str]
) -> None:
    from checker.options import Knowledge, Options

    doc = (Path(__file__).resolve().parent.parent / "docs" / page).read_text("utf-8")
    example = doc[doc.index(start) :]
    pack = tmp_path / "ruritania.yaml"
    pack.write_text(example[: example.index("```")], "utf-8")
    spec = Knowledge(pack_files=(str(pack),))
    analyses = engine.analyze([source.read_text(text, published=date(2015, 1, 10))], Options(knowledge=spec))
    found = engine.findings(analyses, rules={"facts/contradiction", "facts/title-anachronism"}, spec=spec)
    assert sorted(f.rule for f in found) == rules
    assert all("(ruritania pack)" in f.message for f in found)


# ---------------------------------------------------------------- titles after a dateline, in the present perfect


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # the parse takes the dateline's place for the subject
        (
            "MANCHESTER (Reuters) - Prime Minister Boris Johnson said on Tuesday that rail fares would be frozen.",
            date(2018, 3, 8),
        ),
        (
            "OTTAWA, Feb. 2 (AP) -- Prime Minister Mark Carney told reporters on Friday that tariffs would stay.",
            date(2024, 2, 5),
        ),
        # present and present perfect with no date: the title is claimed at publication
        ("Vice President Kamala Harris has announced a tour of the Midwest.", date(2019, 9, 3)),
        ("Chancellor Olaf Scholz warns that the budget talks could fail.", date(2020, 10, 1)),
    ],
)
def test_titles_after_a_dateline_or_in_the_present_are_checked(text: str, published: date) -> None:
    assert len(titles(text, published)) == 1


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "MANCHESTER (Reuters) - Prime Minister Theresa May said on Tuesday that rail fares would be frozen.",
            date(2018, 3, 8),
        ),
        ("DENVER (AP) - Chancellor Olaf Scholz spoke on Monday; he visits Colorado next week.", date(2023, 5, 9)),
        ("Vice President Kamala Harris has announced a tour of the Midwest.", date(2022, 9, 3)),
        ("President Obama's library has opened in Chicago.", date(2019, 9, 3)),
        ("Former Chancellor Angela Merkel warns that the budget talks could fail.", date(2023, 10, 1)),
    ],
)
def test_titles_after_a_dateline_or_in_the_present_that_fit_are_not_flagged(text: str, published: date) -> None:
    assert titles(text, published) == []


# ---------------------------------------------------------------- tenures stated without an event verb


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("ROME (Reuters) - Giorgia Meloni, prime minister since March 2021, met farmers on Tuesday.", "March 2021"),
        ("Shinzo Abe, who was prime minister of Japan from 2012 to 2022, visited the shrine.", "2022"),
        ("Barack Obama served as president from 2007 to 2017.", "2007"),
        ("Olaf Scholz has been chancellor since 2019.", "2019"),
        ("Angela Merkel was chancellor from 2004 to 2021.", "2004"),
    ],
)
def test_stated_tenures_the_terms_rule_out_are_flagged(text: str, span: str) -> None:
    found = contradictions(text, published=date(2023, 6, 1))
    assert flagged(found, text) == span
    assert " to " in found[0].message and "pack)" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "ROME (Reuters) - Giorgia Meloni, prime minister since October 2022, met farmers on Tuesday.",
        "Barack Obama served as president from 2009 to 2017.",
        "Olaf Scholz has been chancellor since 2021.",
        # a tenure with a gap, ends in office: not a claim of continuity the pack can refute
        "Grover Cleveland served as president from 1885 to 1897.",
        # another office of the same title, and before the pack lists every holder
        "Barack Obama was president of the Harvard Law Review from 1990 to 1991.",
        "Helmut Schmidt was chancellor from 1969 to 1982.",
        # a person the pack does not hold, and a date after what it knows
        "Ada Brill, prime minister since 2011, resigned.",
        "Giorgia Meloni, prime minister from 2022 to 2027, is a character in the novel.",
        # quoted
        '"Olaf Scholz has been chancellor since 2019," the caption read.',
    ],
)
def test_stated_tenures_that_fit_or_cannot_be_told_are_not_flagged(text: str) -> None:
    assert contradictions(text, published=date(2023, 6, 1)) == []


# ---------------------------------------------------------------- elections as noun phrases; primaries are not general elections


@pytest.mark.parametrize(
    ("text", "span", "rule_words"),
    [
        ("Voters stayed home during the 2010 U.S. presidential election.", "2010", "years divisible by four"),
        (
            "Lincoln's rival in the American presidential election of 1858 was Douglas.",
            "1858",
            "years divisible by four",
        ),
        (
            "Ballots in Britain's general election of 13 June 2003 were counted overnight.",
            "13 June 2003",
            "held on a Thursday; the pack lists none in 2003",
        ),
    ],
)
def test_election_noun_phrases_are_tied_to_office_and_country(text: str, span: str, rule_words: str) -> None:
    found = contradictions(text, published=date(2020, 1, 2))
    assert span in flagged(found, text) and rule_words in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Voters stayed home during the 2012 U.S. presidential election.",
        "The 2014 U.S. presidential primary calendar was set early.",  # no such thing, but not a general election
        "The Republican presidential primary in New Hampshire was held on January 10, 2012.",
        "The U.S. presidential primary in Ohio was held on Tuesday, March 17, 2020.",
        "Colombia's presidential runoff was held on Sunday, June 19, 2022.",
        "A special election for the U.S. House seat was held on Saturday, June 8, 2019.",
        "The 2019 presidential election drew record turnout.",  # no country
        "Britain's general election of 1 May 1997 ended 18 years of Conservative government.",
    ],
)
def test_elections_that_fit_or_are_not_general_are_not_flagged(text: str) -> None:
    assert contradictions(text, published=date(2020, 1, 2)) == []


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Fumio Kishida was born in 1959 in Tokyo.", True),
        ("Fumio Kishida was born on July 29, 1957, in Tokyo.", False),
        ("Cyril Ramaphosa was born in Soweto in 1954.", True),
        ("Cyril Ramaphosa was born in Soweto in 1952.", False),
    ],
)
def test_birth_dates_of_g20_leaders_are_known(text: str, flag: bool) -> None:
    assert bool(contradictions(text, published=date(2023, 6, 1))) is flag


@pytest.mark.parametrize(
    ("text", "then"),
    [
        (
            "MOSCOW (Reuters) - President Dmitry Medvedev said on Friday that the budget would be cut.",
            "Dmitry Medvedev was Prime Minister of Russia then",
        ),
        ("Prime Minister Vladimir Putin met the governors on Friday.", "Vladimir Putin was President of Russia then"),
    ],
)
def test_swapped_roles_name_the_office_held_then(text: str, then: str) -> None:
    found = titles(text, date(2015, 3, 2))
    assert len(found) == 1 and then in found[0].message and found[0].fix is not None


@pytest.mark.parametrize(
    ("text", "published", "fix"),
    [
        (
            "Former Chancellor Olaf Scholz told reporters on Tuesday that gas prices would fall.",
            date(2023, 2, 9),
            "Chancellor",
        ),
        ("Protesters waited for former President Joe Biden, who visits Ohio today.", date(2022, 7, 1), "President"),
        ("Ex-Prime Minister Justin Trudeau has called for calm.", date(2019, 4, 4), "Prime Minister"),
    ],
)
def test_former_for_a_holder_in_office_then_and_when_written_is_flagged(text: str, published: date, fix: str) -> None:
    found = titles(text, published)
    assert len(found) == 1 and "was still" in found[0].message
    assert found[0].fix is not None and found[0].fix.replacement == fix


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Former Chancellor Angela Merkel told reporters on Tuesday that gas prices would fall.", date(2023, 2, 9)),
        ("Former President Donald Trump said on Monday that he would run again.", date(2022, 11, 16)),
        # in office at the event, out of it when written: "former" is the house style of the writer's day
        ("Former Prime Minister Boris Johnson said on July 1, 2022, that he would stay.", date(2023, 1, 5)),
        # the day power passed: both holders count as in office
        ("Former Chancellor Angela Merkel said on December 8, 2021, that she would rest.", date(2021, 12, 8)),
    ],
)
def test_former_for_someone_out_of_office_is_not_flagged(text: str, published: date) -> None:
    assert titles(text, published) == []


@pytest.mark.parametrize(
    ("text", "published", "flag"),
    [
        (
            "Kevin Rudd, Australia's prime minister, told parliament on Tuesday that the budget was sound.",
            date(2012, 5, 9),
            True,
        ),
        (
            "Kevin Rudd, Australia's prime minister, told parliament on Tuesday that the budget was sound.",
            date(2009, 5, 13),
            False,
        ),
        ("Jacques Chirac, the president of France, said on Friday that talks would go on.", date(1993, 4, 3), True),
        ("Jacques Chirac, then mayor of Paris, said on Friday that talks would go on.", date(1993, 4, 3), False),
        ("Jacques Chirac, a former prime minister, said on Friday that talks would go on.", date(1993, 4, 3), False),
    ],
)
def test_a_title_after_the_name_is_checked(text: str, published: date, flag: bool) -> None:
    found = titles(text, published)
    assert len(found) == int(flag)
    assert all(f.fix is None for f in found)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("The treaty was ratified on Tuesday by President Emmanuel Macron.", True),
        ("The treaty was ratified on Tuesday by President Jacques Chirac.", False),
        # the agent of another verb, after a comma
        ("The treaty was ratified on Tuesday, weeks after it was praised by President Nicolas Sarkozy.", False),
    ],
)
def test_a_titled_passive_agent_is_checked(text: str, flag: bool) -> None:
    assert len(titles(text, date(2006, 3, 2))) == int(flag)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # a bare surname in a text that names someone else of that name in full is not the pack person
        ("Edith Q. Polk taught chemistry in Ohio for forty years. Polk died in 1988.", False),
        ("The poet Dana Polk was born in Memphis. Polk was born in 1950.", False),
        # the pack person, named in full or by title, or the surname alone
        ("James K. Polk was elected in 1844. Polk died in 1850.", True),
        ("Historians still argue about Polk. Polk died in 1850.", True),
    ],
)
def test_a_surname_is_nobodys_when_the_text_names_another_bearer(text: str, flag: bool) -> None:
    assert bool(contradictions(text, published=date(2020, 1, 2))) is flag


def test_a_pronoun_for_a_namesake_of_a_pack_person_is_not_the_pack_person() -> None:
    """A life of someone else called Polk: "she" reaches the surname through the pronoun, and the
    pack's James K. Polk (died 1849) is never meant when the text names only Ada M. Polk in full."""
    text = (
        "Ada M. Polk\n\nAda M. Polk ( March 3 , 1931 – June 2 , 2016 ) was an American chemist .\n"
        "A prize was named for her in 2011 . [ 2 ]\n"
        "Polk received the 2013 Medal of the Society for Surface Chemistry . [ 3 ]\nShe died in 2016 . [ 4 ]\n"
    )
    assert contradictions(text, published=date(2019, 12, 31)) == []


# ---------------------------------------------------------------- titles: attachment, names, present tense, coverage


@pytest.mark.parametrize(
    ("text", "published", "span"),
    [
        # the name ends with its sentence, and the next sentence's first word is no part of it
        (
            "Markets were calm. The accord was signed on Monday by Prime Minister Justin Trudeau. Trade rose.",
            date(2012, 5, 2),
            "Prime Minister Justin Trudeau",
        ),
        (
            "Tariffs were discussed.\n\nAngela Merkel, the German chancellor, told reporters on Monday that the plan was sound.",
            date(2023, 3, 8),
            "Angela Merkel, the German chancellor",
        ),
        # particles and hyphenated given names
        (
            "Commission President Ursula von der Leyen said on Monday that the talks would go on.",
            date(2017, 6, 14),
            "Commission President Ursula von der Leyen",
        ),
        ("President Moon Jae-in met union leaders on Tuesday.", date(2014, 6, 10), "President Moon Jae-in"),
        (
            "President Park Geun-hye told lawmakers on Monday that the budget would pass.",
            date(2018, 6, 12),
            "President Park Geun-hye",
        ),
        # South Africa's presidency is covered from 1984 (the State Presidents)
        (
            "South African President Nelson Mandela said on Friday that sanctions must stay.",
            date(1990, 6, 16),
            "South African President Nelson Mandela",
        ),
        (
            "President P.W. Botha told parliament on Tuesday that he would stay.",
            date(1995, 6, 14),
            "President P.W. Botha",
        ),
        # the present tense with no date: the title is claimed on the publication date
        ("President Jacob Zuma insists the economy is recovering.", date(2019, 4, 4), "President Jacob Zuma"),
        ("Prime Minister Narendra Modi has promised new roads.", date(2012, 4, 4), "Prime Minister Narendra Modi"),
        ("President Emmanuel Macron has met the unions.", date(2011, 9, 14), "President Emmanuel Macron"),
        (
            "Prime Minister Matteo Renzi now says the reforms were rushed.",
            date(2019, 5, 8),
            "Prime Minister Matteo Renzi",
        ),
        # "former" for someone in office that day
        (
            "Former Prime Minister Jacques Chirac opened the exhibition on Thursday.",
            date(1987, 3, 30),
            "Former Prime Minister Jacques Chirac",
        ),
    ],
)
def test_titles_of_objects_agents_appositions_and_long_names_are_checked(text: str, published: date, span: str) -> None:
    assert flagged(titles(text, published), text) == span


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("President F. W. de Klerk said on Friday that sanctions must go.", date(1990, 6, 16)),
        ("State President P. W. Botha opened parliament on Friday.", date(1987, 1, 31)),
        (
            "Nelson Mandela, who became South Africa's president in 1994, said on Friday that he was tired.",
            date(2000, 6, 16),
        ),
        ("Foreign Minister Pik Botha said on Monday that Botha would not resign.", date(1987, 3, 16)),
        # impeached but not yet removed
        ("President Park Geun-hye said on Monday she would not resign.", date(2017, 3, 1)),
        (
            "Tony Blair, Britain's prime minister from 1997 to 2007, said on Friday that Brexit was a mistake.",
            date(2019, 6, 16),
        ),
        # the agent of the verb is someone else; the titled name's verb is undated
        ("The plan was praised on Monday by supporters of President Obama.", date(2018, 6, 16)),
        ("The plan was backed by Chancellor Merkel. Markets rose on Monday.", date(2023, 3, 8)),
        # history's present: the dead, and a date that sets the scene
        ("President Lincoln is remembered as the man who saved the Union.", date(2020, 6, 16)),
        ("President Kennedy remains a hero to many Americans.", date(2019, 12, 1)),
        ("In 2010, President Obama signs the law and the fight begins.", date(2018, 12, 1)),
        ("President Obama's aides say the law works.", date(2018, 12, 1)),
    ],
)
def test_titles_that_fit_their_time_or_name_history_are_not_flagged(text: str, published: date) -> None:
    assert titles(text, published) == []


@pytest.mark.parametrize(
    ("text", "published", "flag"),
    [
        # the title set off by commas before the name
        ("Germany's chancellor, Gerhard Schroeder, said on Monday that Greece must stay.", date(2015, 6, 12), True),
        ("The prime minister, David Cameron, said on Monday that the vote would go ahead.", date(2019, 6, 12), True),
        ("The prime minister, David Cameron, said on Monday that the vote would go ahead.", date(2015, 6, 12), False),
        # "former" in an apposition, for someone in office that day
        ("Angela Merkel, Germany's former chancellor, said on Monday that Greece must stay.", date(2015, 6, 12), True),
        ("The former chancellor, Angela Merkel, said on Monday that Greece must stay.", date(2015, 6, 12), True),
        (
            "Gerhard Schroeder, Germany's former chancellor, said on Monday that the pipeline was safe.",
            date(2019, 6, 12),
            False,
        ),
    ],
)
def test_titles_in_appositions_either_side_of_the_name(text: str, published: date, flag: bool) -> None:
    found = titles(text, published)
    assert len(found) == int(flag)
    assert all(f.fix is None for f in found)


def test_titled_names_are_found_at_word_starts_only_as_a_leading_word_boundary_would() -> None:

    from checker.checks import people

    titles = engine.knowledge().titles
    text = (
        "ExPresident Ola Berg spoke. Vice President Kamala Harris and President Joe Biden met;"
        " the_President Joe Biden, then Prime Minister Justin Trudeau.\nPresident Barack Obama"
    )
    bounded = re.compile(r"\b" + people._titled(titles).pattern)
    found = [(m.span(), m.groups()) for m in people.titled_names(titles, text)]
    assert found == [(m.span(), m.groups()) for m in bounded.finditer(text)]
    assert [groups[0] for _, groups in found] == ["Vice President", "President", "Prime Minister", "President"]
