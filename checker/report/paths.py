"""Paths relative to the repository, for CI tools.

CI tools (GitHub annotations, SARIF uploads) want paths relative to the
repository root, whatever folder chronolint ran from; ``repo_path`` gives
them, falling back to the working folder outside a git work tree.
"""

from __future__ import annotations

import os

from checker.source import is_url


def project_root(start: str | None = None) -> str:
    """The git work tree holding ``start`` (the working folder), else ``start`` itself."""
    folder = os.path.abspath(start or os.getcwd())
    probe = folder
    while not os.path.exists(os.path.join(probe, ".git")):
        parent = os.path.dirname(probe)
        if parent == probe:
            return folder
        probe = parent
    return probe


def repo_path(path: str, root: str) -> str:
    """``path`` relative to ``root`` with forward slashes; absolute when it lies outside; URLs as given."""
    if path == "-" or is_url(path):
        return path
    absolute = os.path.abspath(path)
    rel = os.path.relpath(absolute, root)
    return (absolute if rel.startswith("..") else rel).replace(os.sep, "/")
