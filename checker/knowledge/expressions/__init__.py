"""Rule-pack constraint expressions: parsed safely, normalised by sympy, checked by intervals.

names.py reads the event names an expression mentions from its syntax alone; language.py
parses the whitelisted syntax into sympy and hands back plain trees (trees.py);
normalised.py holds the bundled packs' expressions already so parsed (normalised.json), and
is where callers parse; linear.py turns a comparison into difference constraints for the
temporal network; intervals.py evaluates any constraint over integer intervals. Only
language.py imports sympy (a third of a second): a check under the bundled packs never does.

A pack writes constraints over event fields, e.g. ``inauguration > election``,
``inauguration.date - election.date <= 90`` or
``inauguration.date == date(election.year + 1, 1, 20)``. The text is parsed
with ``ast`` and only a whitelist of node types is turned into sympy
expressions (never ``eval``, never ``sympify`` on text), so loading a pack
runs no code.

Meaning of names (all times are days, ``date.toordinal()``):

* ``death`` or ``death.date``: the day of the event ``death``;
* ``death.year`` / ``.month`` / ``.day`` / ``.weekday``: parts of that day
  (weekday 0 = Monday, as ``datetime.weekday()``);
* any other ``event.field`` (``age.value``): a number the caller binds;
* ``date(y, m, d)``: a day; ``year(d)``, ``month(d)``, ``day(d)``,
  ``weekday(d)``: parts of a day; ``days(n)``: n days; ``years(n)``: the days
  n calendar years can span (an interval: leap days). A constant date must
  exist; one built from fields that runs past the end of its month
  (``date(birth.year + 18, 2, 29)``) counts as the month's last day.

sympy normalises each comparison to ``expression op 0`` so common terms
cancel. A comparison that reduces to a difference of two days and a constant
is ``linearize``d for the temporal network; any constraint can be
``evaluate``d over integer intervals, deciding only what holds (or fails)
for every value in them, and ``implied_bounds`` solves one for a single
field (the inauguration's day from the election's year) so the engine can
put it in the network as a domain.
"""
