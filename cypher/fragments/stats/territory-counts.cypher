// The counts of territoryStats for each territory `t` in scope, walked downwards: the allies based
// or acting within it (each once; organisations and persons) with the network filter ($f) and the
// viewer's privacy, and the chantiers located within it that match the filter's chantier
// conditions; then one list of rows by code. An aggregation without a grouping key returns its row
// even when nothing matched (a territory with no ally counts 0), so the walks are plain MATCHes,
// and each ally is made distinct before it is filtered (once per ally, not per path).
// Use as: (t in scope) // #include stats/territory-counts  →  rows
// #include stats/territory-ally-counts
// #include stats/territory-chantier-counts
// #include stats/territory-rows
