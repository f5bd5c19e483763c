"""Precision and recall of the rules on real news.

Precision: warning-or-error findings per 10k words on the published articles in
../shared/data/news (clean text, so every finding is a candidate false alarm;
each one is listed for a verdict). Recall: faults injected into copies of the
same articles, one per copy, from templates per rule; a fault is found when a
finding of that rule overlaps the injected sentence.

    python benchmarks/news_precision.py [--limit N] [--inject N] [--list]

Prints numbers; never fails.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import Article, news  # noqa: E402

from checker import engine  # noqa: E402
from checker.source import read_text  # noqa: E402

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SUBJECTS = ("The ministry", "The company", "The committee", "Local officials", "The agency", "The union")
PAST_VERBS = (
    "announced the plan",
    "signed the agreement",
    "approved the budget",
    "opened the new office",
    "released its report",
    "confirmed the decision",
)
FUTURE_VERBS = (
    "announce the plan",
    "sign the agreement",
    "vote on the budget",
    "open the new office",
    "release its report",
    "hold a hearing",
)
PEOPLE = ("Maria Lindqvist", "Tomasz Adamski", "Helen Okafor", "Rafael Mendes", "Grace Whitfield")


def spell(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


@dataclass(frozen=True)
class Fault:
    rule: str
    sentence: str


Injector = Callable[[random.Random, date], Fault]


def anachronism(rng: random.Random, pub: date) -> Fault:
    later = pub + timedelta(days=rng.randint(40, 900))
    return Fault("chronology/anachronism", f"{rng.choice(SUBJECTS)} {rng.choice(PAST_VERBS)} on {spell(later)}.")


def stale_future(rng: random.Random, pub: date) -> Fault:
    earlier = pub - timedelta(days=rng.randint(40, 900))
    return Fault(
        "chronology/stale-future", f"{rng.choice(SUBJECTS)} will {rng.choice(FUTURE_VERBS)} on {spell(earlier)}."
    )


def weekday(rng: random.Random, pub: date) -> Fault:
    day = pub - timedelta(days=rng.randint(1, 400))
    wrong = WEEKDAYS[(day.weekday() + rng.randint(1, 6)) % 7]
    return Fault(
        "calendar/weekday-mismatch",
        f"On {wrong}, {spell(day)}, {rng.choice(SUBJECTS).lower()} {rng.choice(PAST_VERBS)}.",
    )


def invalid(rng: random.Random, pub: date) -> Fault:
    month, day = rng.choice([("February", 30), ("April", 31), ("June", 31), ("September", 31), ("November", 31)])
    return Fault(
        "calendar/invalid-date",
        f"{rng.choice(SUBJECTS)} {rng.choice(PAST_VERBS)} on {month} {day}, {pub.year - rng.randint(1, 3)}.",
    )


def reversed_range(rng: random.Random, pub: date) -> Fault:
    end = pub.year - rng.randint(1, 10)
    return Fault("chronology/order", f"From {end + rng.randint(2, 6)} to {end}, the program ran at a loss.")


def death_before_birth(rng: random.Random, pub: date) -> Fault:
    born = pub.year - rng.randint(40, 90)
    who = rng.choice(PEOPLE)
    return Fault("chronology/order", f"{who} was born in {born}. {who} died in {born - rng.randint(3, 20)}.")


def conflicting(rng: random.Random, pub: date) -> Fault:
    who = rng.choice(PEOPLE)
    born = date(pub.year - rng.randint(30, 80), rng.randint(1, 12), rng.randint(1, 28))
    other = born + timedelta(days=rng.choice([-1, 1]) * rng.randint(2, 400))
    return Fault(
        "chronology/conflicting-dates",
        f"{who} was born on {spell(born)}. Records show that {who} was born on {spell(other)}.",
    )


def duration(rng: random.Random, pub: date) -> Fault:
    start = pub.year - rng.randint(8, 20)
    gap = rng.randint(2, 5)
    words = {2: "Two", 3: "Three", 4: "Four", 5: "Five"}[gap]
    return Fault(
        "arithmetic/duration",
        f"The plant opened in {start}. {words} years later, in {start + gap + rng.randint(2, 4)}, it closed.",
    )


def age(rng: random.Random, pub: date) -> Fault:
    born = pub.year - rng.randint(40, 80)
    died = born + rng.randint(50, 90)
    stated = died - born + rng.choice([-1, 1]) * rng.randint(3, 9)
    return Fault(
        "arithmetic/age", f"{rng.choice(PEOPLE)}, who was born in {born}, died in {died} at the age of {stated}."
    )


INJECTORS: tuple[Injector, ...] = (
    anachronism,
    stale_future,
    weekday,
    invalid,
    reversed_range,
    death_before_birth,
    conflicting,
    duration,
    age,
)


def inject(article: Article, fault: Fault, rng: random.Random) -> tuple[str, int, int]:
    """The article with the fault's sentence inserted at a paragraph break; returns text and its span."""
    paragraphs = article.text.split("\n\n")
    at = rng.randint(1, max(1, len(paragraphs)))
    before = "\n\n".join(paragraphs[:at])
    start = len(before) + 2
    text = before + "\n\n" + fault.sentence + ("\n\n" + "\n\n".join(paragraphs[at:]) if paragraphs[at:] else "")
    return text, start, start + len(fault.sentence)


def precision(articles: list[Article], show: bool) -> None:
    words = sum(len(a.text.split()) for a in articles)
    start = time.perf_counter()
    documents = [read_text(a.text, path=a.name, published=a.dct, fmt="text") for a in articles]
    analyses = engine.analyze(documents)
    found = [f for f in engine.findings(analyses) if f.severity in ("warning", "error")]
    elapsed = time.perf_counter() - start
    print(f"precision: {len(articles)} articles, {words:,} words, {elapsed:.0f} s")
    print(f"  warning-or-error findings: {len(found)} = {len(found) / words * 10_000:.2f} per 10k words")
    for rule, count in sorted(Counter(f.rule for f in found).items()):
        print(f"    {rule}: {count}")
    if show:
        texts = {d.path: d.source for d in documents}
        for f in found:
            src = texts[f.span.path]
            context = src[max(0, f.span.start - 60) : f.span.end + 60].replace("\n", " ")
            print(f"  - {f.span.path} {f.rule} [{f.severity}] {f.message}\n      ...{context}...")


def recall(articles: list[Article], per_rule: int, seed: int, show_misses: bool) -> None:
    rng = random.Random(seed)
    dated = [a for a in articles if a.dct is not None]
    cases: list[tuple[Fault, str, int, int]] = []
    documents = []
    for injector in INJECTORS:
        for k in range(per_rule):
            article = rng.choice(dated)
            fault = injector(rng, article.dct)
            text, start, end = inject(article, fault, rng)
            name = f"{injector.__name__}-{k}-{article.name}"
            documents.append(read_text(text, path=name, published=article.dct, fmt="text"))
            cases.append((fault, name, start, end))
    started = time.perf_counter()
    found = defaultdict(list)
    for analysis in engine.analyze(documents):
        for f in engine.findings([analysis]):
            found[f.span.path].append(f)
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for fault, name, start, end in cases:
        totals[fault.rule] += 1
        hit = any(f.rule == fault.rule and f.span.start < end and f.span.end > start for f in found[name])
        hits[fault.rule] += hit
        if show_misses and not hit:
            print(f"  missed {fault.rule}: {fault.sentence}")
    print(f"recall on injected faults ({len(cases)} copies, {time.perf_counter() - started:.0f} s):")
    for rule in sorted(totals):
        print(f"    {rule}: {hits[rule]}/{totals[rule]} = {hits[rule] / totals[rule]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--inject", type=int, default=30, help="injected faults per rule template")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--list", action="store_true", help="print every finding on the clean articles")
    parser.add_argument("--misses", action="store_true", help="print every injected fault that was not found")
    options = parser.parse_args()
    articles = list(news())[: options.limit]
    precision(articles, options.list)
    recall(articles, options.inject, options.seed, options.misses)


if __name__ == "__main__":
    main()
