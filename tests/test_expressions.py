"""Rule-pack expressions: the whitelist parser, linear forms, interval evaluation."""

from __future__ import annotations

import itertools
import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from checker.knowledge.expressions import language, normalised, trees
from checker.knowledge.expressions import names as expression_names
from checker.knowledge.expressions.intervals import evaluate, implied_bounds
from checker.knowledge.expressions.linear import Difference, linearize
from checker.knowledge.expressions.normalised import parse
from checker.knowledge.expressions.trees import Constraint, ExpressionError, years_in_days
from checker.knowledge.loading import load_builtin


def day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def on(text: str) -> tuple[int, int]:
    return day(text), day(text)


def between(first: str, last: str) -> tuple[int, int]:
    return day(first), day(last)


def in_year(year: int) -> tuple[int, int]:
    return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()


# --- parsing -------------------------------------------------------------------------


PACK_EXPRESSIONS = [
    "inauguration.date - election.date <= 90",
    "inauguration.year == election.year + 1",
    "age == year(event) - year(birth)",
    "inauguration.date == date(election.year + 1, 1, 20)",
    "inauguration > election",
    "death >= birth",
    "start <= end",
    "weekday(election.date) == 1",
    "age.value >= age.year - birth.year - 1",
    "death - birth <= years(130)",
    "election.year % 4 == 0 and election.month == 11",
    "term_end - term_start <= days(4 * 365 + 1)",
]


@pytest.mark.parametrize("text", PACK_EXPRESSIONS)
def test_pack_expressions_parse(text):
    constraint = parse(text)
    assert isinstance(constraint, Constraint)
    assert constraint.text == text
    assert constraint.relations


@pytest.mark.parametrize("text", PACK_EXPRESSIONS)
def test_names_from_the_syntax_are_the_events(text):
    """Packs load without sympy: the syntax alone must name the same event types."""
    assert expression_names.events(text) == set(parse(text).events)


def test_names_of_every_builtin_constraint():
    for pack in load_builtin():
        for constraint in pack.constraints:
            for text in filter(None, (constraint.expr, constraint.when)):
                assert expression_names.events(text) == set(parse(text).events), text


def test_names_of_text_that_does_not_parse():
    assert expression_names.events("death >") == frozenset()


def test_fields_and_events():
    constraint = parse("age.value >= age.year - birth.year - 1")
    assert constraint.fields == ("age", "age.value", "birth")
    assert constraint.events == ("age", "birth")


def test_bare_name_is_the_date():
    assert parse("death >= birth").relations == parse("death.date >= birth.date").relations


def test_common_terms_cancel():
    (relation,) = parse("x.year + 1 == y.year + 1 + 0").relations
    assert relation.expr == ("+", ("*", -1, ("year", "y")), ("year", "x"))


def test_the_bundled_expressions_table_is_what_sympy_makes_of_the_packs():
    """Regenerate with ``python -m checker.knowledge.expressions.normalised`` after editing a pack."""
    written = (Path(normalised.__file__).parent / normalised.TABLE).read_text(encoding="utf-8")
    stale = "expressions/normalised.json is stale: run python -m checker.knowledge.expressions.normalised"
    assert json.loads(written) == normalised.build(), stale
    assert normalised.table(), "the table loads"


def test_an_expression_of_ones_own_is_parsed_by_sympy_to_the_same_trees():
    assert "burial >= death" not in normalised.table()
    assert parse("burial >= death").relations == language.parse("burial >= death").relations
    for text, found in normalised.table().items():
        assert found == language.parse(text), text


@pytest.mark.parametrize("data", [[], ["+", 1], ["eval", "x"], ["year", "x", "y"], True, 1.5, {"+": 1}, ["^", "x"]])
def test_a_table_entry_that_is_no_tree_is_refused(data):
    with pytest.raises(ValueError):
        trees.from_data(data)


def test_tree_arithmetic_writes_terms_as_sympy_does():
    assert trees.negated("x") == ("*", -1, "x") and trees.negated(("*", -1, "x")) == "x"
    assert trees.coefficient(("*", 3, "x", "y")) == (3, ("*", "x", "y")) and trees.coefficient(7) == (7, 1)
    assert trees.total([]) == 0 and trees.total(["x"]) == "x" and trees.total(["x", 1]) == ("+", "x", 1)


def test_chained_comparison_is_a_conjunction():
    assert len(parse("a < b <= c").relations) == 2


def test_parse_is_cached():
    assert parse("death >= birth") is parse("death >= birth")


NOT_ALLOWED = [
    ("__import__('os')", "calls to '__import__' are not allowed"),
    ("__import__('os').system('ls') == 0", "are not allowed"),
    ("open('x') == 1", "calls to 'open' are not allowed"),
    ("x.y.z > 1", "only one level of fields"),
    ("x.__class__ > 1", "names starting with '_' are not allowed"),
    ("_x > 1", "names starting with '_' are not allowed"),
    ("x + 1", "a constraint must be a comparison"),
    ("x", "a constraint must be a comparison"),
    ("x > 1 or y < 2", "'or' is not allowed"),
    ("not x > y", "'not' is not allowed"),
    ("x in y", "the comparison 'in' is not allowed"),
    ("x is y", "the comparison 'is' is not allowed"),
    ("x > 1.5", "only whole numbers are allowed as constants, not 1.5"),
    ("x > 'a'", "only whole numbers are allowed as constants, not 'a'"),
    ("x > True", "only whole numbers"),
    ("x ** 2 > 1", "'**' is not allowed"),
    ("x / 2 > 1", "'/' is not allowed (use // for whole-number division)"),
    ("x // 0 > 1", "division by zero"),
    ("x % 0 > 1", "division by zero"),
    ("+x > 1", "is not allowed"),
    ("~x > 1", "is not allowed"),
    ("x << 1 > 1", "is not allowed"),
    ("x[0] > 1", "indexing is not allowed"),
    ("[x] > 1", "is not allowed"),
    ("(lambda: 1)() > 1", "calls to"),
    ("lambda: 1", "lambda is not allowed"),
    ("(x if y else z) > 1", "conditional expressions are not allowed"),
    ("(x := 1) > 0", "':=' is not allowed"),
    ("f'{x}' > 1", "f-strings are not allowed"),
    ("date > x", "'date' is a function"),
    ("year.month > x", "'year' is a function"),
    ("year(x, y) > 1", "year() takes 1 argument(s), not 2"),
    ("date(2020, 1) > x", "date() takes 3 argument(s), not 2"),
    ("date(year=2020, month=1, day=1) > x", "plain positional arguments"),
    ("date(*x) > y", "plain positional arguments"),
    ("date(2023, 2, 29) > x", "date(2023, 2, 29) is not a valid date"),
    ("x > date(99999999999999999999999, 1, 1)", "is not a valid date"),
    ("x == x", "always true"),
    ("x.year + 1 < x.year", "always false"),
    ("x > (", "invalid syntax"),
    ("x >", "invalid syntax"),
    ("", "invalid syntax"),
    ("import os", "invalid syntax"),
    ("x > 1; y > 2", "invalid syntax"),
    ("x > " + "(" * 201 + "1" + ")" * 201, "too many nested parentheses"),
    ("x > 1\x00", "null bytes"),
    ("x > " + "1 + " * 200 + "1", "longer than 500 characters"),
]


@pytest.mark.parametrize("text, message", NOT_ALLOWED)
def test_not_allowed(text, message):
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    assert message in str(caught.value)


def test_error_column_points_at_the_offending_part():
    with pytest.raises(ExpressionError) as caught:
        parse("death >= birth + f(x)")
    assert caught.value.column == 18
    with pytest.raises(ExpressionError) as caught:
        parse("x > date(2023, 2, 30)")
    assert caught.value.column == 5


def test_parse_never_runs_code(monkeypatch):
    import builtins

    def refuse(*_args, **_kwargs):
        raise AssertionError("eval called")

    monkeypatch.setattr(builtins, "eval", refuse)
    monkeypatch.setattr(builtins, "exec", refuse)
    parse.cache_clear()
    assert parse("inauguration.date == date(election.year + 1, 1, 20)").relations


# --- linear forms ----------------------------------------------------------------------


LINEAR = [
    ("inauguration.date - election.date <= 90", [Difference("election", "inauguration", None, 90)]),
    ("inauguration > election", [Difference("election", "inauguration", 1, None)]),
    ("death >= birth", [Difference("birth", "death", 0, None)]),
    ("start <= end", [Difference("end", "start", None, 0)]),
    ("a == b + 7", [Difference("b", "a", 7, 7)]),
    ("a - b != 3", None),
    ("2 * a - 2 * b <= 5", [Difference("b", "a", None, 2)]),
    ("2 * a - 2 * b >= 5", [Difference("b", "a", 3, None)]),
    ("2 * a == 2 * b + 1", [Difference("b", "a", 1, 0)]),  # impossible in whole days
    ("a - 2 * b <= 5", None),
    ("a + b <= 5", None),
    ("a - b - c <= 5", None),
    ("age.value >= 0", None),  # a number, not a day
    ("a.year < b.year", None),
    ("x >= date(2020, 1, 1)", [Difference(None, "x", day("2020-01-01"), None)]),
    ("-x >= -date(2020, 1, 1)", [Difference(None, "x", None, day("2020-01-01"))]),
    (
        "date(2020, 1, 1) <= x < date(2021, 1, 1)",
        [Difference(None, "x", day("2020-01-01"), None), Difference(None, "x", None, day("2020-12-31"))],
    ),
    ("a < b < c", [Difference("b", "a", None, -1), Difference("c", "b", None, -1)]),
    ("a < b and a.month == 1", None),
    ("death - birth <= years(130)", [Difference("birth", "death", None, years_in_days(130)[1])]),
    ("death - birth >= years(1)", [Difference("birth", "death", 365, None)]),
    ("b - a == years(4)", [Difference("a", "b", 1460, 1461)]),
    ("b - a == days(10) + 1", [Difference("a", "b", 11, 11)]),
]


@pytest.mark.parametrize("text, expected", LINEAR)
def test_linearize(text, expected):
    assert linearize(parse(text)) == expected


def _difference_holds(d: Difference, values: dict[str, int]) -> bool:
    gap = values[d.j] - (0 if d.i is None else values[d.i])
    return (d.lo is None or gap >= d.lo) and (d.hi is None or gap <= d.hi)


@pytest.mark.parametrize("text", [t for t, e in LINEAR if e and "years" not in t])
def test_linear_form_is_equivalent(text):
    constraint = parse(text)
    differences = linearize(constraint)
    rnd = random.Random(text)
    base = day("2020-01-01")
    for _ in range(300):
        values = {name: base + rnd.randint(-400, 400) for name in constraint.fields}
        bindings = {name: (v, v) for name, v in values.items()}
        assert evaluate(constraint, bindings) == all(_difference_holds(d, values) for d in differences)


# --- evaluation -----------------------------------------------------------------------


def test_inauguration_on_the_calendar_rule():
    rule = parse("inauguration.date == date(election.year + 1, 1, 20)")
    assert evaluate(rule, {"inauguration": on("2021-01-20"), "election": on("2020-11-03")}) is True
    assert evaluate(rule, {"inauguration": on("2021-01-21"), "election": on("2020-11-03")}) is False
    assert evaluate(rule, {"inauguration": in_year(2021), "election": on("2020-11-03")}) is None
    assert evaluate(rule, {"inauguration": on("2021-01-20"), "election": in_year(2020)}) is True
    assert evaluate(rule, {"inauguration": on("2021-01-20"), "election": between("2019-06-01", "2020-11-03")}) is None


def test_election_weekday():
    tuesday = parse("weekday(election.date) == 1")
    assert evaluate(tuesday, {"election": on("2024-11-05")}) is True
    assert evaluate(tuesday, {"election": on("2024-11-06")}) is False
    assert evaluate(tuesday, {"election": between("2024-11-06", "2024-11-08")}) is False  # Wed-Fri
    # Sat-Mon wraps round the week: not one interval, so left undecided (never wrong)
    assert evaluate(tuesday, {"election": between("2024-11-02", "2024-11-04")}) is None
    assert evaluate(tuesday, {"election": between("2024-11-01", "2024-11-30")}) is None


def _us_election_day(year: int) -> date:
    first_monday = date(year, 11, 1) + timedelta(days=(7 - date(year, 11, 1).weekday()) % 7)
    return first_monday + timedelta(days=1)


ELECTION_DAY = (
    "election.date >= date(election.year, 11, 2) and "
    "election.date <= date(election.year, 11, 8) and weekday(election.date) == 1"
)


@pytest.mark.parametrize("year", range(1848, 2101, 4))
def test_us_election_day_rule_over_the_calendar(year):
    rule = parse(ELECTION_DAY)
    held = _us_election_day(year)
    assert evaluate(rule, {"election": on(held.isoformat())}) is True
    for wrong in (held - timedelta(days=1), held + timedelta(days=1), held + timedelta(days=7)):
        assert evaluate(rule, {"election": on(wrong.isoformat())}) is False
    assert evaluate(rule, {"election": in_year(year)}) is None


def test_conditions_on_constants_of_the_year():
    """A pack's 'when': the Sunday rule for inaugurations depends on the year only."""
    sunday = parse("election.year >= 1936 and weekday(date(election.year + 1, 1, 20)) == 6")
    assert evaluate(sunday, {"election": in_year(2012)}) is True  # 2013-01-20 was a Sunday
    assert evaluate(sunday, {"election": in_year(2020)}) is False
    assert evaluate(sunday, {"election": between("2012-01-01", "2016-12-31")}) is None


def test_age_from_years():
    rule = parse("age == year(event) - year(birth)")
    bindings = {"age": (72, 72), "event": on("2020-06-01"), "birth": on("1950-03-02")}
    assert evaluate(rule, bindings) is False  # 70
    assert evaluate(rule, {**bindings, "age": (70, 70)}) is True
    assert evaluate(rule, {**bindings, "age": (69, 71)}) is None


def test_age_within_a_year_of_the_year_difference():
    """'the 75-year-old, born in 1942' in 2024: 81 or 82, never 75."""
    low = parse("age.value >= age.year - birth.year - 1")
    high = parse("age.value <= age.year - birth.year")
    bindings = {"age.value": (75, 75), "age": on("2024-03-01"), "birth": in_year(1942)}
    assert evaluate(low, bindings) is False
    assert evaluate(high, bindings) is True
    ok = {**bindings, "age.value": (81, 81)}
    assert evaluate(low, ok) is True and evaluate(high, ok) is True


def test_order_constraints():
    rule = parse("inauguration > election")
    assert evaluate(rule, {"inauguration": in_year(2021), "election": in_year(2020)}) is True
    assert evaluate(rule, {"inauguration": in_year(2019), "election": in_year(2020)}) is False
    assert evaluate(rule, {"inauguration": in_year(2020), "election": in_year(2020)}) is None


def test_never_flags_what_could_be_true():
    rule = parse("inauguration.date - election.date <= 90")
    assert evaluate(rule, {"inauguration": in_year(2021), "election": in_year(2020)}) is None
    assert evaluate(rule, {"inauguration": in_year(2022), "election": in_year(2020)}) is False


def test_unbound_field_is_undecided():
    rule = parse("death >= birth")
    assert evaluate(rule, {"death": on("2020-01-01")}) is None
    assert evaluate(rule, {"death": on("2020-01-01"), "birth": (None, day("2019-01-01"))}) is None


def test_conjunction_fails_if_any_part_fails():
    rule = parse("election.year % 4 == 0 and election.month == 11")
    assert evaluate(rule, {"election": on("2024-11-05")}) is True
    assert evaluate(rule, {"election": on("2023-11-07")}) is False
    assert evaluate(rule, {"election": in_year(2023)}) is False
    assert evaluate(rule, {"election": in_year(2024)}) is None


def test_month_and_day_parts():
    rule = parse("x.month == 5 and x.day == 3")
    assert evaluate(rule, {"x": on("2019-05-03")}) is True
    assert evaluate(rule, {"x": on("2019-05-05")}) is False
    assert evaluate(rule, {"x": between("2019-05-01", "2019-05-31")}) is None
    assert evaluate(rule, {"x": between("2019-06-01", "2019-07-31")}) is False


def test_dates_before_the_calendar_are_undecided():
    assert evaluate(parse("x.year > 2000"), {"x": (-500, -10)}) is None


# --- soundness against brute force ----------------------------------------------------------


SOUNDNESS = [
    "inauguration.date == date(election.year + 1, 1, 20)",
    "inauguration.year == election.year + 1",
    "weekday(a) == 1",
    "a.month * 100 + a.day >= b.month * 100 + b.day",
    "a.day == b.day and a.month != b.month",
    "a // 7 - b // 7 <= 1",
    "a % 7 == b % 7",
    "years(n.value) <= a - b",
    "a - b < years(2)",
    "date(a.year, a.month, 1) + days(40) > b",
    "age.value == year(a) - year(b) - 1",
    "n.value * n.value - a.day >= 0",
]


def _brute_force(constraint: Constraint, bindings: dict[str, tuple[int, int]]) -> set[bool]:
    names = list(bindings)
    outcomes = set()
    for combo in itertools.product(*(range(lo, hi + 1) for lo, hi in bindings.values())):
        point = {n: (v, v) for n, v in zip(names, combo)}
        outcomes.add(evaluate(constraint, point))
    return outcomes


@pytest.mark.parametrize("text", SOUNDNESS)
def test_evaluate_is_sound(text):
    """False only if false everywhere, True only if true everywhere."""
    constraint = parse(text)
    rnd = random.Random(text)
    for _ in range(60):
        bindings = {}
        for name in constraint.fields:
            if "." in name:
                lo = rnd.randint(-3, 5)
            else:
                lo = day("2019-12-20") + rnd.randint(-800, 800)
            bindings[name] = (lo, lo + rnd.choice([0, 0, 1, 3, 12, 40]))
        if sum(hi - lo for lo, hi in bindings.values()) > 120:
            continue
        everywhere = _brute_force(constraint, bindings)
        verdict = evaluate(constraint, bindings)
        if verdict is not None:
            assert everywhere == {verdict}, (bindings, everywhere)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 10, 99, 100, 101, 130, 400, -3])
def test_years_in_days_matches_the_calendar(n):
    lo, hi = years_in_days(n)
    seen = set()
    start = date(1890, 1, 1)
    for offset in range(0, 146097, 13):
        first = start + timedelta(days=offset)
        if (first.month, first.day) == (2, 29) or not 1 <= first.year + n <= 9999:
            continue
        later = first.replace(year=first.year + n)
        seen.add((later - first).days)
    assert min(seen) == lo and max(seen) == hi


def test_years_in_days_small_values():
    assert years_in_days(0) == (0, 0)
    assert years_in_days(1) == (365, 366)
    assert years_in_days(4) == (1460, 1461)
    assert years_in_days(-1) == (-366, -365)


# --- solving for one field ---------------------------------------------------------------


def test_implied_inauguration_day():
    rule = parse("inauguration.date == date(election.year + 1, 1, 20)")
    assert implied_bounds(rule, "inauguration", {"election": on("2020-11-03")}) == on("2021-01-20")
    assert implied_bounds(rule, "inauguration", {"election": between("2019-06-01", "2020-11-03")}) == between(
        "2020-01-20", "2021-01-20"
    )
    assert implied_bounds(rule, "election", {"inauguration": on("2021-01-20")}) == (None, None)
    assert implied_bounds(rule, "inauguration", {}) == (None, None)


def test_implied_age_range():
    low = parse("age.value >= age.year - birth.year - 1")
    high = parse("age.value <= age.year - birth.year")
    bindings = {"age": on("2024-03-01"), "birth": in_year(1942)}
    assert implied_bounds(low, "age.value", bindings) == (81, None)
    assert implied_bounds(high, "age.value", bindings) == (None, 82)


def test_implied_order_bounds():
    rule = parse("inauguration > election and inauguration - election <= 90")
    assert implied_bounds(rule, "inauguration", {"election": on("2020-11-03")}) == (
        day("2020-11-04"),
        day("2020-11-03") + 90,
    )
    assert implied_bounds(rule, "election", {"inauguration": on("2021-01-20")}) == (
        day("2021-01-20") - 90,
        day("2021-01-19"),
    )


@pytest.mark.parametrize("text", SOUNDNESS + PACK_EXPRESSIONS)
def test_implied_bounds_are_sound(text):
    """Every value that satisfies the constraint lies within the implied bounds."""
    constraint = parse(text)
    rnd = random.Random(text)
    for name in constraint.fields:
        others = [f for f in constraint.fields if f != name]
        for _ in range(20):
            bindings = {}
            for other in others:
                lo = rnd.randint(-3, 90) if "." in other else day("2020-06-01") + rnd.randint(-500, 500)
                bindings[other] = (lo, lo + rnd.choice([0, 1, 5]))
            lo, hi = implied_bounds(constraint, name, bindings)
            centre = lo if lo is not None else hi if hi is not None else day("2020-06-01")
            for value in range(centre - 40, centre + 41):
                point = {**bindings, name: (value, value)}
                if evaluate(constraint, point) is True:
                    assert (lo is None or value >= lo) and (hi is None or value <= hi)


def test_a_remainder_by_a_field_that_may_be_zero_is_undecided():
    """``x % y`` with y bound to exactly 0 (or a range through 0) decides nothing, and does not divide by zero."""
    constraint = parse("election.year % cycle.value == 0")
    for divisor in ((0, 0), (-1, 3)):
        assert evaluate(constraint, {"election": (738000, 738000), "cycle.value": divisor}) is None
    assert evaluate(constraint, {"election": (738000, 738000), "cycle.value": (4, 4)}) is not None
