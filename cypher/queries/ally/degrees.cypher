// The degree of allies (by element id): their relationships to nodes the viewer may see.
UNWIND $eids AS eid
MATCH (a:Ally) WHERE elementId(a) = eid AND @visible(a)
RETURN eid, COUNT { (a)--(m) WHERE @visible(m) } AS degree
