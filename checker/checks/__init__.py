"""The checks: one module per rule family. Each rule takes an Analysis (and, for the
knowledge rules, the merged Pack; for the corpus rules, every Analysis of the run) and
yields Findings; none reads the raw text again or reaches back into an earlier stage."""


def quoted(text: str) -> str:
    """Text of the document quoted in a message, on one line (a date may wrap across lines)."""
    return repr(" ".join(text.split()))
