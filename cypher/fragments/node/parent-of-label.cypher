// The parent node of an ask ({id}) when every parent of the statement has the one label {{PARENT}}
// (written by src/modules/node/node.repository.ts, a label of the graph model, never client text):
// one unique-index seek, where node/parent, for parents of any label, unions a seek per label (nine
// seeks per ask, and a text that plans twice as long). An ally parent only when visible.

// @match
MATCH (p:{{PARENT}} {id: ask.id}) WHERE @visible(p) RETURN p
