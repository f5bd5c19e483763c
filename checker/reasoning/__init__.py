"""Reasoning: a temporal constraint network (difference constraints with conflict sets)
over the dated assertions of every checked file, the pack constraints linearised into it,
and what follows: conflicts, order, an undated document's earliest publication date."""
