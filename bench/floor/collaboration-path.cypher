// The shortest chain of collaborations between two allies (ally → chantier, learning community or
// membership → ally …), through allies an anonymous reader may see, at most 6 collaborations (12
// relationships): its allies in order and the number of collaborations.
MATCH (x:Ally {slug: $from}), (y:Ally {slug: $to})
MATCH p = SHORTEST 1 (x)(()-[:CONTRIBUTES_TO|MEMBER_OF_COMMUNITY|MEMBER_OF]-(n WHERE NOT n:Person OR n.public = true)){1,12}(y)
WITH [n IN nodes(p) WHERE n:Ally] AS allies
RETURN size(allies) - 1 AS hops, [a IN allies | a.slug] AS slugs
