// How many nodes of one label ($label, whitelisted) the root list holds, optionally of territory
// $level: the totalCount of list-page, run only when selected (count store reads when unfiltered).
CALL () {
  MATCH (n:Theme) WHERE $label = 'Theme' RETURN count(n) AS total
  UNION ALL MATCH (n:Territory) WHERE $label = 'Territory' AND ($level IS NULL OR n.level = $level) RETURN count(n) AS total
  UNION ALL MATCH (n:Event) WHERE $label = 'Event' RETURN count(n) AS total
  UNION ALL MATCH (n:Resource) WHERE $label = 'Resource' RETURN count(n) AS total
  UNION ALL MATCH (n:LearningCommunity) WHERE $label = 'LearningCommunity' RETURN count(n) AS total
  UNION ALL MATCH (n:CharterObjective) WHERE $label = 'CharterObjective' RETURN count(n) AS total
}
RETURN sum(total) AS total
