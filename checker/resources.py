"""Where the built-in rule packs and rule docs live, installed or in a source checkout.

The wheel ships ``rules/`` as the package ``checker.builtin_packs`` and ``docs/rules/`` as
``checker.rule_docs``; a source checkout (tests, editable installs) reads the folders
themselves.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
_PACKAGES = {"checker.builtin_packs": ("rules",), "checker.rule_docs": ("docs", "rules")}


def data_dir(package: str) -> Traversable:
    """The folder of ``checker.builtin_packs`` or ``checker.rule_docs``."""
    try:
        return resources.files(package)
    except ModuleNotFoundError:
        return _CHECKOUT.joinpath(*_PACKAGES[package])


def packs_dir() -> Traversable:
    return data_dir("checker.builtin_packs")


def rule_docs_dir() -> Traversable:
    return data_dir("checker.rule_docs")
