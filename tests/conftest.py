"""Shared fixtures: spaCy is loaded once per test session, and so is the headless browser."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CHROMIUM = "/usr/bin/chromium"  # Debian's, driven by Playwright (no browser download)
BROWSER_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium through Playwright; tests that need it skip without it."""
    import os

    if not os.path.exists(CHROMIUM):
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The evaluation data folder beside the project; tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def analyze():
    """Run the real pipeline on a text: ``analyze(text, "2024-12-20")`` -> Analysis."""
    from datetime import date

    from checker import engine
    from checker.source import read_text

    def run(text: str, published: str | None = None, fmt: str = "text"):
        day = date.fromisoformat(published) if published else None
        (analysis,) = engine.analyze([read_text(text, published=day, fmt=fmt)])
        return analysis

    return run


@pytest.fixture(scope="session")
def check(analyze):
    """Findings of every rule on a text: ``check(text, "2024-12-20")`` -> [(rule, flagged text)]."""
    from checker import engine

    def run(text: str, published: str | None = None):
        analysis = analyze(text, published)
        return [(f.rule, text[f.span.start : f.span.end]) for f in engine.findings([analysis])]

    return run
