// Which references of a network filter ($f) do not exist, so the API can name the bad argument.
CALL () {
  WITH coalesce($f.themes, []) AS slugs
  OPTIONAL MATCH (t:Theme) WHERE t.slug IN slugs
  WITH slugs, collect(t.slug) AS found
  RETURN [s IN slugs WHERE NOT s IN found] AS unknownThemes,
    $f.chantier IS NULL OR EXISTS { MATCH (:Chantier {slug: $f.chantier}) } AS chantierExists,
    $f.objective IS NULL OR EXISTS { MATCH (:CharterObjective {code: $f.objective}) } AS objectiveExists,
    $f.territory IS NULL OR EXISTS { MATCH (:Territory {ref: $f.territory}) } AS territoryExists
}
