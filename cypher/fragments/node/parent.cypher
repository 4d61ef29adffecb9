// The parent node of an ask ({label, id}): one unique-index seek on the label's id, the label
// checked against a fixed list (a dynamic label, `(p:$(ask.label))`, would scan every node); an
// ally parent only when visible (the loader that read it checked already: this keeps it so).
MATCH (p:Ally {id: ask.id}) WHERE ask.label = 'Ally' AND @visible(p) RETURN p
UNION MATCH (p:Territory {id: ask.id}) WHERE ask.label = 'Territory' RETURN p
UNION MATCH (p:Theme {id: ask.id}) WHERE ask.label = 'Theme' RETURN p
UNION MATCH (p:Chantier {id: ask.id}) WHERE ask.label = 'Chantier' RETURN p
UNION MATCH (p:Charter {id: ask.id}) WHERE ask.label = 'Charter' RETURN p
UNION MATCH (p:CharterObjective {id: ask.id}) WHERE ask.label = 'CharterObjective' RETURN p
UNION MATCH (p:Event {id: ask.id}) WHERE ask.label = 'Event' RETURN p
UNION MATCH (p:Resource {id: ask.id}) WHERE ask.label = 'Resource' RETURN p
UNION MATCH (p:LearningCommunity {id: ask.id}) WHERE ask.label = 'LearningCommunity' RETURN p
