import { createHash } from 'node:crypto';
import type { Context } from '../../context';
import { composedQuery } from '../../db/cypher-registry';
import { LABELS } from '../../graph/model';

/**
 * What the exports' validators derive from: the store's id, its node and relationship counts, and the
 * latest `updatedAt`. The one write path (bundle sync, src/modules/bundle/sync-engine.ts) sets
 * `updatedAt` on every node it creates or changes — its properties or the relationships it owns — and
 * deletes no node, so any write changes this tuple; counts catch what `updatedAt` could not (a wipe and
 * a re-import of the same data).
 *
 * Reading it costs the count store (constant time) and, per label of the graph model, one entry of
 * its `updatedAt` range index read in descending order (cypher/migrations/V0009): a few milliseconds
 * whatever the size of the graph. (It read the property of every node before: 0.2–0.5 s at 100k
 * allies, paid before an export's first byte.) The labels are the model's, fixed identifiers; the
 * query takes no parameter.
 *
 * Why not a transaction id: Neo4j Community 5 exposes none to Cypher (`SHOW DATABASES` yields a null
 * `lastCommittedTxn`, JMX has no transactions bean).
 */
export const storeVersionQuery = composedQuery<Record<string, never>, { store: string; nodes: number; relationships: number; lastModified: string | null }>(
  'export/store-version',
  () => [
    'CALL db.info() YIELD id',
    'CALL () {',
    '  MATCH (n) RETURN count(n) AS nodes',
    '}',
    'CALL () {',
    '  MATCH ()-[r]->() RETURN count(r) AS relationships',
    '}',
    // The union yields no row on an empty graph: max() over it, in its own subquery, still yields one (null).
    'CALL () {',
    '  CALL () {',
    LABELS.map(
      ({ label }) => `    MATCH (n:${label}) WHERE n.updatedAt IS NOT NULL RETURN n.updatedAt AS at ORDER BY n.updatedAt DESC LIMIT 1`,
    ).join('\n    UNION ALL\n'),
    '  }',
    '  RETURN max(at) AS lastModified',
    '}',
    'RETURN id AS store, nodes, relationships, toString(lastModified) AS lastModified',
  ],
  {},
);

export interface StoreVersion {
  /** Opaque: changes whenever the graph does. */
  tag: string;
  /** The latest write (updatedAt), for Last-Modified; null on an empty graph. */
  lastModified: Date | null;
}

export async function readStoreVersion(ctx: Context): Promise<StoreVersion> {
  const [r] = await ctx.db.read(storeVersionQuery, {});
  const tag = `${r.store}:${r.nodes}:${r.relationships}:${r.lastModified ?? ''}`;
  return { tag, lastModified: r.lastModified ? new Date(r.lastModified) : null };
}

/**
 * A weak ETag for one representation: the store version, the export, its normalised parameters and
 * the base URL its links are made of. Weak: the same data, not the same bytes promised (FA2's floats).
 */
export function etagOf(version: StoreVersion, parts: string[]): string {
  return `W/"${createHash('sha1').update([version.tag, ...parts].join('\n')).digest('base64url').slice(0, 27)}"`;
}

/**
 * True when the client's copy is current (RFC 9110 §13.1): If-None-Match decides when given
 * (weak comparison; `*` matches), else If-Modified-Since against the last write, at HTTP's
 * one-second precision.
 */
export function notModified(headers: { 'if-none-match'?: string; 'if-modified-since'?: string }, etag: string, lastModified: Date | null): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    const opaque = (t: string) => t.trim().replace(/^W\//, '');
    return inm.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
  }
  const ims = headers['if-modified-since'];
  if (ims === undefined || lastModified === null) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
