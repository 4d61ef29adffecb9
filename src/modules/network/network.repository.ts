import DataLoader from 'dataloader';
import { Context, loader } from '../../context';
import { cypherQuery } from '../../db/cypher-registry';
import { BadUserInputError } from '../../errors/app-errors';
import { Connection, PageRequest, toConnection } from '../../common/relay';
import { keysetParams, NodeRow, privacyParams } from '../node/node.repository';
import { compareContexts } from './collaboration';

const collaboratorsPage = cypherQuery('network/collaborators-page');

export interface CollaboratorRow {
  ally: NodeRow;
  weight: number;
  via: NodeRow[];
}

interface CollaboratorsResult {
  themeExists: boolean;
  total: number;
  rows: { sortKey: string; id: string; item: CollaboratorRow }[];
}

/** The order of Ally.collaborators, as written in cursors. */
export const COLLABORATORS_ORDER = 'WEIGHT:DESC';

/** A page of an ally's collaborators, batched across the parent allies of one request level. */
export async function collaboratorsConnection(ctx: Context, ally: NodeRow, theme: string | null, req: PageRequest): Promise<Connection<CollaboratorRow>> {
  const name = `collaborators:${JSON.stringify([theme, req])}`;
  const batch = loader(ctx, name, () =>
    new DataLoader<string, CollaboratorsResult>(async (eids) => {
      const rows = await ctx.db.read<{ parent: string; themeExists: boolean; total: number; rows: (CollaboratorRow & { sortKey: string; id: string })[] }>(
        collaboratorsPage,
        { eids, theme, ...keysetParams(req, false), ...privacyParams(ctx) },
      );
      const map = new Map(rows.map((r) => [r.parent, r]));
      return eids.map((eid) => {
        const r = map.get(eid);
        return {
          themeExists: r?.themeExists ?? true,
          total: r?.total ?? 0,
          rows: (r?.rows ?? []).map((x) => ({ sortKey: x.sortKey, id: x.id, item: { ally: x.ally, weight: x.weight, via: [...x.via].sort(compareContexts) } })),
        };
      });
    }),
  );
  const result = await batch.load(ally._eid);
  if (!result.themeExists) throw new BadUserInputError(`theme: unknown theme "${theme}"`, 'theme');
  return toConnection(result.rows, req, async () => result.total);
}
