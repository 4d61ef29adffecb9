import type { ChantierCriteria } from './chantier.filter';

/**
 * The planner of chantier lists (DESIGN §11, step 3). Pure, table-tested (chantier.plan.test.ts):
 * the smallest starting set among the objective's chantiers, a theme's, a territory's subtree, an
 * ally's contributions and the full-text hits wins; with TITLE order, the (sortTitle, id) index
 * read in order wins when filtering it as it goes is cheaper (always when nothing is selective).
 */
export type ChantierStart = 'objective' | 'theme' | 'territory' | 'participant' | 'text' | 'title-index' | 'all';

export const CHANTIER_RESIDUALS = ['status', 'kind', 'objectives', 'theme-groups', 'territories', 'participants', 'text'] as const;
export type ChantierResidual = (typeof CHANTIER_RESIDUALS)[number];

export type ChantierOrderField = 'TITLE' | 'VALIDATED_ON' | 'CREATED_AT';

export interface ChantierCardinalities {
  chantiers: number;
  francePopulation: number | null;
  /** Objective code → chantiers serving it. */
  objectives: Record<string, number>;
  /** Theme slug → chantiers addressing it. */
  themes: Record<string, number>;
  /** Territory ref → level and population; absent: not in the graph. */
  territories: Record<string, { level: string; population: number | null }>;
  /** Ally slug → chantiers it contributes to; absent: unknown or not visible. */
  participants: Record<string, number>;
  /** Full-text query → chantiers hit. */
  texts: Record<string, number>;
}

export interface ChantierShapeCriteria extends Omit<ChantierCriteria, 'named'> {
  start: string | string[] | null;
}

export interface ChantierPlan {
  start: ChantierStart;
  residuals: ChantierResidual[];
  params: ChantierShapeCriteria;
  estimate: number;
  empty: boolean;
}

const LEVEL_SHARE: Record<string, number> = { COMMUNE: 0.002, EPCI: 0.01, DEPARTEMENT: 0.02, REGION: 0.1, COUNTRY: 1 };

interface Candidate {
  start: Exclude<ChantierStart, 'title-index' | 'all'>;
  estimate: number;
  index?: number;
}

export function chantierCandidates(c: ChantierCriteria, card: ChantierCardinalities): Candidate[] {
  const out: Candidate[] = [];
  c.objectives.forEach((o, index) => out.push({ start: 'objective', estimate: card.objectives[o] ?? 0, index }));
  c.themeGroups.forEach((g, index) => out.push({ start: 'theme', estimate: g.slugs.reduce((s, t) => s + (card.themes[t] ?? 0), 0), index }));
  c.territories.forEach((r, index) => {
    const t = card.territories[r];
    const share = !t ? 0 : t.population != null && card.francePopulation ? t.population / card.francePopulation : (LEVEL_SHARE[t.level] ?? 1);
    out.push({ start: 'territory', estimate: Math.ceil(card.chantiers * Math.min(1, share * 2)), index });
  });
  c.participants.forEach((s, index) => out.push({ start: 'participant', estimate: card.participants[s] ?? 0, index }));
  if (c.text !== null) out.push({ start: 'text', estimate: card.texts[c.text] ?? 0 });
  return out;
}

/** The plan of a page (`order` given) or of a count (`order` null); see the module comment. */
export function planChantiers(c: ChantierCriteria, order: ChantierOrderField | null, limit: number, card: ChantierCardinalities): ChantierPlan {
  const candidates = chantierCandidates(c, card);
  let best: Candidate | undefined;
  for (const cand of candidates) if (best === undefined || cand.estimate < best.estimate) best = cand;
  let start: ChantierStart = best?.start ?? 'all';
  let estimate = best?.estimate ?? card.chantiers;
  if (order === 'TITLE') {
    const matching = candidates.reduce((m, cand) => m * (card.chantiers > 0 ? Math.min(1, cand.estimate / card.chantiers) : 0), card.chantiers);
    const indexCost = Math.min(card.chantiers, (limit * card.chantiers) / Math.max(matching, 1));
    if (best === undefined || indexCost < best.estimate) {
      start = 'title-index';
      estimate = card.chantiers;
      best = undefined;
    }
  }
  const consumed = (kind: Candidate['start'], i: number) => best !== undefined && best.start === kind && best.index === i;
  const params: ChantierShapeCriteria = {
    status: c.status,
    kind: c.kind,
    objectives: c.objectives.filter((_, i) => !consumed('objective', i)),
    themeGroups: c.themeGroups.filter((_, i) => !consumed('theme', i)),
    territories: c.territories.filter((_, i) => !consumed('territory', i)),
    participants: c.participants.filter((_, i) => !consumed('participant', i)),
    text: c.text,
    start: null,
  };
  if (best !== undefined) {
    const i = best.index ?? 0;
    params.start = {
      objective: () => c.objectives[i],
      theme: () => c.themeGroups[i].slugs,
      territory: () => c.territories[i],
      participant: () => c.participants[i],
      text: () => c.text,
    }[best.start]();
  }
  const residuals: ChantierResidual[] = [];
  if (c.status !== null) residuals.push('status');
  if (c.kind !== null) residuals.push('kind');
  if (params.objectives.length) residuals.push('objectives');
  if (params.themeGroups.length) residuals.push('theme-groups');
  if (params.territories.length) residuals.push('territories');
  if (params.participants.length) residuals.push('participants');
  if (c.text !== null && start !== 'text') residuals.push('text');
  const empty = c.territories.some((r) => !card.territories[r]);
  return { start, residuals, params, estimate, empty };
}
