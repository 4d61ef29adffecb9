import type { AllyCriteria, BoxCriterion, NearCriterion, ThemeGroup } from './ally.filter';

/**
 * The planner of ally lists (DESIGN §11, step 3). Pure: from the criteria and the cheap
 * cardinalities read once per request (references), it picks the smallest starting set, or the
 * order's own index when nothing selective would beat reading that index in order, and names the
 * one query shape that runs it with the residual filters after it. Table-tested in ally.plan.test.ts.
 */

/** Where a query starts. `name-index`: the (sortName, id) range index in the page's order; `degree-index`: the stored degree's. */
export type AllyStart = 'chantier' | 'objective' | 'theme' | 'territory' | 'text' | 'near' | 'bbox' | 'name-index' | 'degree-index' | 'all';

/** Conditions applied to each candidate after the start, in the order the shape writes them. */
export const ALLY_RESIDUALS = [
  'kind',
  'organization-types',
  'theme-groups',
  'territories',
  'chantiers',
  'objectives',
  'signed-after',
  'signed-before',
  'near',
  'bbox',
  'text',
] as const;
export type AllyResidual = (typeof ALLY_RESIDUALS)[number];

export type AllyOrderField = 'NAME' | 'CHARTER_SIGNED_ON' | 'DEGREE' | 'CREATED_AT';

/** What the references query read (see references.ts), for the keys the criteria name. */
export interface AllyCardinalities {
  /** All allies in the graph (count store). */
  allies: number;
  /** The population of France (for a territory's share), or null when the country is not in the graph. */
  francePopulation: number | null;
  /** Theme slug → its tribe's size (WORKS_ON degree). */
  themes: Record<string, number>;
  /** Chantier slug → its contributors (CONTRIBUTES_TO degree). */
  chantiers: Record<string, number>;
  /** Objective code → contributions to the chantiers serving it (an upper bound of its allies). */
  objectives: Record<string, number>;
  /** Territory ref → its level and population; absent: not in the graph (so nothing is within it). */
  territories: Record<string, { level: string; population: number | null }>;
  /** Full-text query → allies hit. */
  texts: Record<string, number>;
}

/** The criteria as the shape's parameters: what the start consumed is left out of the residual lists. */
export interface AllyShapeCriteria extends Omit<AllyCriteria, 'named'> {
  start: string | string[] | null;
  startRole: string | null;
}

export interface AllyPlan {
  start: AllyStart;
  residuals: AllyResidual[];
  /** The criteria as parameters of the shape (`c` in the Cypher). */
  params: AllyShapeCriteria;
  /** Estimated size of the starting set (allies), for logs and tests. */
  estimate: number;
  /** True when the plan proves the answer empty without a query (a territory not in the graph). */
  empty: boolean;
}

/** Land area the allies spread over (km²; metropolitan France), for the share of a near/within filter. */
const AREA_KM2 = 550_000;
/**
 * A territory's share of allies when its population is unknown, by level: above the mean (an EPCI
 * holds 0.08% of the population on average, the largest métropoles 0.5% and more), since a share
 * guessed too high sends a page to the name index, which then reads far more rows than planned.
 */
const LEVEL_SHARE: Record<string, number> = { COMMUNE: 0.002, EPCI: 0.005, DEPARTEMENT: 0.02, REGION: 0.1, COUNTRY: 1 };
/** Allies act in several places as well as where they are based: a territory's share is scaled up by this. */
const ACTS_IN_FACTOR = 2;

function nearShare(n: NearCriterion): number {
  return Math.min(1, (Math.PI * n.radiusKm * n.radiusKm) / AREA_KM2);
}

function boxShare(b: BoxCriterion): number {
  const height = (b.north - b.south) * 111;
  const width = (((b.east - b.west) % 360) + 360) % 360 * 111 * Math.cos((((b.north + b.south) / 2) * Math.PI) / 180);
  return Math.min(1, Math.max(0, (height * width) / AREA_KM2));
}

/**
 * Relative costs for choosing between a start and the name index: a start row is expanded, kept and
 * sorted (START_COST); an index row pays each residual check (a territory is one read of the ally's
 * stored territoryRefs; an objective walks two hops). An index read whose share of matches was
 * overestimated reads far more rows than planned, while a start only sorts more, so the index must
 * win by INDEX_RISK.
 */
const START_COST = 3;
const INDEX_RISK = 2;
const RESIDUAL_COST: Record<Candidate['start'], number> = { chantier: 2, objective: 4, theme: 2, territory: 1, text: 1, near: 1, bbox: 1 };

interface Candidate {
  start: Exclude<AllyStart, 'name-index' | 'degree-index' | 'all'>;
  estimate: number;
  /** Which item of a list criterion it consumes. */
  index?: number;
}

/** Every starting set the criteria offer, with its estimated size. */
export function allyCandidates(c: AllyCriteria, card: AllyCardinalities): Candidate[] {
  const out: Candidate[] = [];
  const group = (g: ThemeGroup) => g.slugs.reduce((s, slug) => s + (card.themes[slug] ?? 0), 0);
  c.chantiers.forEach((s, index) => out.push({ start: 'chantier', estimate: card.chantiers[s] ?? 0, index }));
  c.objectives.forEach((o, index) => out.push({ start: 'objective', estimate: card.objectives[o] ?? 0, index }));
  c.themeGroups.forEach((g, index) => out.push({ start: 'theme', estimate: group(g), index }));
  c.territories.forEach((r, index) => {
    const t = card.territories[r];
    let estimate = 0;
    if (t) {
      const share = t.population != null && card.francePopulation ? t.population / card.francePopulation : (LEVEL_SHARE[t.level] ?? 1);
      estimate = Math.min(card.allies, Math.ceil(card.allies * share * ACTS_IN_FACTOR));
    }
    out.push({ start: 'territory', estimate, index });
  });
  if (c.text !== null) out.push({ start: 'text', estimate: card.texts[c.text] ?? 0 });
  if (c.near !== null) out.push({ start: 'near', estimate: Math.ceil(card.allies * nearShare(c.near)) });
  if (c.bbox !== null) out.push({ start: 'bbox', estimate: Math.ceil(card.allies * boxShare(c.bbox)) });
  return out;
}

/**
 * The plan of a page (`order` given, `limit` rows wanted) or of a count (`order` null).
 * The smallest candidate wins. With NAME order, reading the (sortName, id) index in order and
 * filtering as it goes costs about limit ÷ (share of allies matching); it wins when that is less
 * than the smallest start (so with nothing selective, always). The same for DEGREE with the stored
 * degree's (degreeX, id) index.
 */
export function planAllies(c: AllyCriteria, order: AllyOrderField | null, limit: number, card: AllyCardinalities): AllyPlan {
  const candidates = allyCandidates(c, card);
  const territoryMissing = c.territories.some((r) => !card.territories[r]);
  let best: Candidate | undefined;
  for (const cand of candidates) if (best === undefined || cand.estimate < best.estimate) best = cand;
  let start: AllyStart = best?.start ?? 'all';
  let estimate = best?.estimate ?? card.allies;
  if (order === 'NAME' || order === 'DEGREE') {
    const matching = candidates.reduce((m, cand) => m * (card.allies > 0 ? Math.min(1, cand.estimate / card.allies) : 0), card.allies);
    const rowsRead = Math.min(card.allies, (limit * card.allies) / Math.max(matching, 1));
    const indexCost = rowsRead * (1 + candidates.reduce((w, cand) => w + RESIDUAL_COST[cand.start], 0)) * INDEX_RISK;
    if (best === undefined || indexCost < best.estimate * START_COST) {
      start = order === 'NAME' ? 'name-index' : 'degree-index';
      estimate = card.allies;
      best = undefined;
    }
  }
  const consumed = (kind: Candidate['start'], index: number) => best !== undefined && best.start === kind && best.index === index;
  const themeGroups = c.themeGroups.filter((_, i) => !consumed('theme', i));
  const territories = c.territories.filter((_, i) => !consumed('territory', i));
  const chantiers = c.chantiers.filter((_, i) => !consumed('chantier', i));
  const objectives = c.objectives.filter((_, i) => !consumed('objective', i));
  const params: AllyShapeCriteria = {
    kind: c.kind,
    organizationTypes: c.organizationTypes,
    themeGroups,
    territories,
    chantiers,
    objectives,
    signedAfter: c.signedAfter,
    signedBefore: c.signedBefore,
    near: c.near,
    bbox: c.bbox,
    text: c.text,
    start: null,
    startRole: null,
  };
  if (best !== undefined) {
    const i = best.index ?? 0;
    if (best.start === 'chantier') params.start = c.chantiers[i];
    if (best.start === 'objective') params.start = c.objectives[i];
    if (best.start === 'theme') {
      params.start = c.themeGroups[i].slugs;
      params.startRole = c.themeGroups[i].role;
    }
    if (best.start === 'territory') params.start = c.territories[i];
    if (best.start === 'text') params.start = c.text;
  }
  const residuals: AllyResidual[] = [];
  if (c.kind !== null) residuals.push('kind');
  if (c.organizationTypes !== null) residuals.push('organization-types');
  if (themeGroups.length) residuals.push('theme-groups');
  if (territories.length) residuals.push('territories');
  if (chantiers.length) residuals.push('chantiers');
  if (objectives.length) residuals.push('objectives');
  if (c.signedAfter !== null) residuals.push('signed-after');
  if (c.signedBefore !== null) residuals.push('signed-before');
  if (c.near !== null && start !== 'near') residuals.push('near');
  if (c.bbox !== null && start !== 'bbox') residuals.push('bbox');
  if (c.text !== null && start !== 'text') residuals.push('text');
  return { start, residuals, params, estimate, empty: territoryMissing };
}
