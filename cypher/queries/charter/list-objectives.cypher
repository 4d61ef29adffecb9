// Every Charter objective, by code (numeric codes in numeric order).
MATCH (o:CharterObjective)
RETURN o {.*, _eid: elementId(o), _labels: labels(o)} AS node
ORDER BY size(o.code), o.code
