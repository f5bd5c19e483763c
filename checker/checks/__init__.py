"""The checks: one module per rule family. Each rule takes an Analysis (and, for the
knowledge rules, the merged Pack; for the corpus rules, every Analysis of the run) and
yields Findings; none reads the raw text again or reaches back into an earlier stage."""
