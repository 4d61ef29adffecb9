// How many nodes are related to each parent ($asks: {key, label, id}) through $types, incoming, with the
// conditions of related-page-in: the totalCount of a paged relation, run only when selected.
UNWIND $asks AS ask
CALL (ask) {
  // #include node/parent
}
RETURN ask.key AS parent, COUNT {
  MATCH (p)<-[r:$any($types)]-(m)
  WHERE ($role IS NULL OR r.role = $role)
    AND ($targetLabel IS NULL OR $targetLabel IN labels(m))
    AND ($level IS NULL OR m.level = $level)
    AND @visible(m)
} AS total
