// One French full-text index over every searchable label, on the stored `searchText` (written by the
// import: folded words of names, titles, descriptions, a territory's INSEE code and a commune's
// postal codes, elisions removed; see src/modules/search/search-text.ts). standard-folding folds
// again whatever a graph written by an older import holds.
CREATE FULLTEXT INDEX search_all IF NOT EXISTS
FOR (n:Ally|Chantier|Theme|Territory|Resource|Event|LearningCommunity)
ON EACH [n.searchText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};
