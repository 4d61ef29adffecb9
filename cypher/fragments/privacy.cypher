// @visible
// DESIGN §3, the one visibility predicate: may the viewer see `node`? A person whose `public` is not
// true only with $canSeePrivate. Written into a query as @visible(variable) (src/auth/visibility.ts).
($canSeePrivate OR NOT node:Person OR node.public = true)
