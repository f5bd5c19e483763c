"""Knowledge: rule packs and house facts (YAML, schema-validated, never executed) as plain
data (event vocabularies, people, offices, terms, elections, constraints), and the
constraint-expression language the packs write their rules in."""
