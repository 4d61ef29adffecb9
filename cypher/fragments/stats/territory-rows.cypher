// The rows of territoryStats, one per territory `t` in scope with its counts, by code.
// Use as: // #include stats/territory-rows  →  rows
WITH t, allies, organizations, persons, chantiers ORDER BY t.code
RETURN collect({territory: t {.*, _eid: elementId(t), _labels: labels(t)}, allies: allies, organizations: organizations, persons: persons, chantiers: chantiers}) AS rows
