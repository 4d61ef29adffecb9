import DataLoader from 'dataloader';
import { Context, loader } from '../../context';
import { cypherQuery } from '../../db/cypher-registry';
import { BadUserInputError } from '../../errors/app-errors';
import { Connection, PageRequest, PagedRow, toConnection } from '../../common/relay';
import { keysetParams, NodeRow, privacyParams } from '../node/node.repository';
import { SortDirection } from '../node/node.types';
import { assertKnownThemes, territoryArgument, textArgument } from '../ally/ally.repository';
import { ChantierFilter, ChantierOrder, ChantierOrderField } from './chantier.inputs';

const findChantiers = cypherQuery('chantier/find-chantiers');

export interface ChantierScope {
  territory?: string;
  theme?: string;
  objective?: string;
}

interface ChantiersResult {
  key: string;
  total: number;
  rows: PagedRow<NodeRow>[];
  unknownThemes: string[];
  objectiveExists: boolean;
  participantExists: boolean;
}

function chantierFilterParams(f: ChantierFilter | undefined, argument: string) {
  return {
    objective: f?.objective ?? null,
    themes: f?.themes?.length ? f.themes : null,
    territory: f?.territory != null ? territoryArgument(f.territory, `${argument}.territory`) : null,
    status: f?.status?.length ? f.status : null,
    kind: f?.kind ?? null,
    participant: f?.participant ?? null,
    text: f?.text != null ? textArgument(f.text, `${argument}.text`) : null,
  };
}

/** A page of chantiers for a scope, batched across the scopes of one request level. */
export async function chantiersConnection(
  ctx: Context,
  scope: ChantierScope,
  filter: ChantierFilter | undefined,
  order: ChantierOrder | undefined,
  req: PageRequest,
  argument = 'filter',
): Promise<Connection<NodeRow>> {
  const f = chantierFilterParams(filter, argument);
  const field = order?.field ?? ChantierOrderField.TITLE;
  const desc = order?.direction === SortDirection.DESC;
  const batch = loader(ctx, `chantiers:${JSON.stringify([f, field, desc, req])}`, () =>
    new DataLoader<string, ChantiersResult>(async (scopeKeys) => {
      const scopes = scopeKeys.map((k) => ({ key: k, territory: null, theme: null, objective: null, ...JSON.parse(k) }));
      const rows = await ctx.db.read<ChantiersResult>(findChantiers, { scopes, f, order: field, ...keysetParams(req, desc), ...privacyParams(ctx) });
      const map = new Map(rows.map((r) => [r.key, r]));
      return scopeKeys.map((k) => map.get(k)!);
    }),
  );
  const result = await batch.load(JSON.stringify(scope));
  await assertKnownThemes(result.unknownThemes, argument, ctx.db);
  if (!result.objectiveExists) throw new BadUserInputError(`${argument}.objective: unknown Charter objective "${filter?.objective}"`, `${argument}.objective`);
  if (!result.participantExists) throw new BadUserInputError(`${argument}.participant: unknown ally "${filter?.participant}"`, `${argument}.participant`);
  return toConnection(result.rows, req, async () => result.total);
}

export function chantierOrderKey(order: ChantierOrder | undefined): string {
  return `${order?.field ?? ChantierOrderField.TITLE}:${order?.direction === SortDirection.DESC ? 'DESC' : 'ASC'}`;
}
