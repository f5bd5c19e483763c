"""``chronolint/unused-suppression``: an inline suppression that silenced no finding. It is
reported by the application after the suppressions are applied (checker.app.suppress), not
by a check; it is declared here so the registry lists it with the others."""

from __future__ import annotations

from checker.checks.registry import rule

UNUSED_SUPPRESSION = rule("chronolint/unused-suppression", "info", "An inline suppression that silenced no finding.")
