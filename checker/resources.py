"""Where the built-in rule packs and rule docs live, installed or in a source checkout.

The wheel ships ``rules/`` as the package ``checker.packs`` and ``docs/rules/`` as
``checker.ruledocs``; a source checkout (tests, editable installs) reads the folders
themselves.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
_PACKAGES = {"checker.packs": ("rules",), "checker.ruledocs": ("docs", "rules")}


def data_dir(package: str) -> Traversable:
    """The folder of ``checker.packs`` or ``checker.ruledocs``."""
    try:
        return resources.files(package)
    except ModuleNotFoundError:
        return _CHECKOUT.joinpath(*_PACKAGES[package])


def packs_dir() -> Traversable:
    return data_dir("checker.packs")


def rule_docs_dir() -> Traversable:
    return data_dir("checker.ruledocs")
