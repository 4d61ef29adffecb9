// The territories `t` of $level within $within (the territory and everything PART_OF it), each
// checked upwards (a few steps): régions, départements and EPCIs (at most ~1,300 of them).
// Use as: // #include stats/level-territories  →  t
MATCH (t:Territory {level: $level})
WHERE EXISTS { (t)-[:PART_OF*0..]->(:Territory {ref: $within}) }
