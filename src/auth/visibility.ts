import type { Viewer } from './viewer';

/**
 * DESIGN §3 in one place: who may see a node. The Cypher form is the fragment `@visible` of
 * cypher/fragments/privacy.cypher, which the Cypher registry writes into every query that says
 * `@visible(variable)`; this is the same rule in TypeScript, for code that holds nodes (tests'
 * reference filters, exports). A test proves every query that returns or counts allies applies it.
 */
export function isVisibleTo(viewer: Pick<Viewer, 'canSeePrivate'>, node: { labels: readonly string[]; public?: unknown }): boolean {
  return viewer.canSeePrivate || !node.labels.includes('Person') || node.public === true;
}
