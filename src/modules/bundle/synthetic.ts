import type {
  Bundle,
  BundleAffiliation,
  BundleAlly,
  BundleChantier,
  BundleCommunity,
  BundleEvent,
  BundleResource,
  BundleTerritory,
  BundleTheme,
  ChantierStatus,
  EventKind,
  OrganizationType,
} from './bundle.types';
import { officialCentre } from '../territory/geography';
import { CANONICAL_TERRITORY_REF } from '../../graph/territory-grammar';
import { RESOURCE_KINDS, type RelationshipType as ModelRelationshipType } from '../../graph/model';

/**
 * Deterministic synthetic bundles for tests and benchmarks (DESIGN §10).
 *
 * Everything is obviously synthetic (names start with "Synth", slugs with `synth-`, e-mails and URLs
 * under example.org) except the territories, which are real metropolitan communes of the COG so that
 * territory filters, statistics and the import's PART_OF chain behave as on real data. The graph is
 * skewed on purpose: a few allies, chantiers, communities and events are hubs, as in real alliances,
 * because uniform random graphs hide the slow paths (big neighbourhoods, heavy collaborator sets).
 */
export interface SyntheticOptions {
  /** Number of allies, 1..MAX_SYNTHETIC_ALLIES; every other count is derived from it. */
  allies: number;
  /** Any integer in 0..2^32-1; the same seed (and allies) always gives a deep-equal bundle. */
  seed: number;
}

/** Guards against a typo asking for a bundle that cannot fit in memory. */
export const MAX_SYNTHETIC_ALLIES = 2_000_000;

// ---------------------------------------------------------------------------------------------
// Seeded PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), state seeded by a
// splitmix32-style mixer so that neighbouring seeds give unrelated streams.

class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 16; i++) this.u32();
  }

  /** Uniform unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Draws from `[value, weight]` pairs. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let x = this.float() * total;
    for (const [value, w] of table) {
      x -= w;
      if (x < 0) return value;
    }
    return table[table.length - 1][0];
  }

  /**
   * A rank in [0, n) skewed towards 0: a share of draws follow a power law (density ∝ x^(1/k - 1)),
   * the rest are uniform so that the long tail still takes part. Rank 0 is the biggest hub.
   */
  skewedRank(n: number): number {
    if (this.float() < HUB_DRAW_SHARE) return Math.min(n - 1, Math.floor(n * Math.pow(this.float(), HUB_EXPONENT)));
    return this.int(n);
  }
}

/** Share of skewed draws, and how sharply they concentrate on the top ranks. */
const HUB_DRAW_SHARE = 0.4;
const HUB_EXPONENT = 2.5;
/** Pareto tail index of group sizes (chantiers, communities, events): < 2, so a few groups are huge. */
const GROUP_SIZE_ALPHA = 1.3;

// ---------------------------------------------------------------------------------------------
// Official geography (COG, @etalab/decoupage-administratif), loaded once per process.

interface CogCommune {
  code: string;
  nom: string;
  type: string;
  zone: string;
  departement: string;
  region: string;
  population?: number;
}
interface CogArea {
  code: string;
  nom: string;
}
interface Geography {
  /** Metropolitan `commune-actuelle` entries, in the package's order. */
  communes: CogCommune[];
  /** Running population sum over `communes`, for population-weighted draws (cities host more allies). */
  cumulative: Float64Array;
  departements: Map<string, string>;
  regions: Map<string, string>;
}

let geography: Geography | undefined;

function loadGeography(): Geography {
  if (geography) return geography;
  // require, not import: a static import of an 8 MB JSON file would make tsc type it.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const all = require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[];
  const deps = require('@etalab/decoupage-administratif/data/departements.json') as CogArea[];
  const regs = require('@etalab/decoupage-administratif/data/regions.json') as CogArea[];
  /* eslint-enable @typescript-eslint/no-require-imports */
  const communes = all.filter((c) => c.type === 'commune-actuelle' && c.zone === 'metro');
  const cumulative = new Float64Array(communes.length);
  let sum = 0;
  communes.forEach((c, i) => {
    sum += Math.max(1, c.population ?? 1);
    cumulative[i] = sum;
  });
  geography = {
    communes,
    cumulative,
    departements: new Map(deps.map((d) => [d.code, d.nom])),
    regions: new Map(regs.map((r) => [r.code, r.nom])),
  };
  return geography;
}

function drawCommune(rng: Rng, geo: Geography): CogCommune {
  const x = rng.float() * geo.cumulative[geo.cumulative.length - 1];
  let lo = 0;
  let hi = geo.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (geo.cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return geo.communes[lo];
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: synthetic names built on real French transition words, so full-text search has
// something to rank ("energie" finds "Synth Énergie 007").

const THEME_WORDS = [
  'Énergie', 'Alimentation', 'Mobilité', 'Habitat', 'Eau', 'Biodiversité', 'Déchets', 'Économie circulaire',
  'Gouvernance', 'Santé', 'Culture', 'Éducation', 'Agriculture', 'Forêt', 'Numérique', 'Emploi', 'Finance',
  'Climat', 'Implication citoyenne', 'Coopération',
] as const;

/** The words of themes by index, for descriptions: "énergie, eau". */
const themeWords = (indices: number[]): string =>
  indices.map((t) => THEME_WORDS[t % THEME_WORDS.length].toLowerCase()).join(', ');

const ORGANIZATION_TYPES: readonly (readonly [OrganizationType, number])[] = [
  ['ASSOCIATION', 25], ['LOCAL_AUTHORITY', 15], ['COOPERATIVE', 10], ['COMPANY', 10], ['CONSULTANCY', 10],
  ['NETWORK', 8], ['PUBLIC_AGENCY', 5], ['RESEARCH_EDUCATION', 5], ['STATE_SERVICE', 4], ['MEDIA', 3],
  ['OTHER', 3], ['FOUNDATION', 2],
];
const ORGANIZATION_LABELS: Record<OrganizationType, string> = {
  LOCAL_AUTHORITY: 'Collectivité', STATE_SERVICE: "Service de l'État", PUBLIC_AGENCY: 'Agence publique',
  NETWORK: 'Réseau', ASSOCIATION: 'Association', COOPERATIVE: 'Coopérative', COMPANY: 'Entreprise',
  CONSULTANCY: "Bureau d'études", RESEARCH_EDUCATION: 'Laboratoire', MEDIA: 'Média', FOUNDATION: 'Fondation',
  OTHER: 'Structure',
};
const CHANTIER_STATUSES: readonly (readonly [ChantierStatus, number])[] = [
  ['PROPOSED', 15], ['VALIDATED', 30], ['ACTIVE', 35], ['COMPLETED', 15], ['ABANDONED', 5],
];
const EVENT_KINDS: readonly (readonly [EventKind, number])[] = [
  ['ASSEMBLY', 2], ['WORKSHOP', 4], ['WEBINAR', 3], ['TRAINING', 2], ['OTHER', 1],
];
const AFFILIATION_ROLES = ['directeur·rice', 'chargé·e de mission', 'président·e', 'membre', 'bénévole'] as const;

/**
 * Where an ally of seat `c` sits: its commune's centre (../territory/geography.ts) moved by a small
 * deterministic jitter (up to ±0.02° of latitude, ±0.03° of longitude: 2–3 km), so that the allies
 * of one town do not all stack on one point; a commune without a known centre (under 1,000
 * inhabitants) uses its département's centre with a wider jitter (±0.15°/±0.2°: still in it).
 * `u` and `v` are uniform draws in [0, 1).
 */
function nearSeat(c: CogCommune, u: number, v: number): { latitude: number; longitude: number } {
  const own = officialCentre(`commune:${c.code}`);
  const centre = own ?? officialCentre(`departement:${c.departement}`) ?? FRANCE_CENTRE;
  const [dLat, dLon] = own ? [0.02, 0.03] : [0.15, 0.2];
  return { latitude: round5(centre.latitude + (2 * u - 1) * dLat), longitude: round5(centre.longitude + (2 * v - 1) * dLon) };
}
/** Only when the geography has no centre at all for a département (it has one for each). */
const FRANCE_CENTRE = { latitude: 46.6, longitude: 2.4 };
const SIGNING_PERIOD = ['2019-12-01', '2026-06-30'] as const;
const ACTIVITY_PERIOD = ['2020-01-01', '2026-06-30'] as const;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

function drawDay(rng: Rng, from: string, to: string): number {
  return rng.between(dayNumber(from), dayNumber(to));
}

/**
 * Group sizes drawn from a Pareto law so that a few groups are hubs, each clamped to [min, max], and
 * scaled so that they sum to about `total` (what the capped hubs cannot take goes to the others).
 */
function groupSizes(rng: Rng, groups: number, total: number, min: number, max: number): number[] {
  const weights = new Float64Array(groups);
  for (let i = 0; i < groups; i++) weights[i] = Math.pow(1 - rng.float(), -1 / GROUP_SIZE_ALPHA);
  let scale = 0;
  for (let pass = 0; pass < 8; pass++) {
    let free = 0;
    let capped = 0;
    for (let i = 0; i < groups; i++) {
      if (pass > 0 && weights[i] * scale >= max) capped++;
      else free += weights[i];
    }
    const next = Math.max(0, total - capped * max) / free;
    if (next === scale || !Number.isFinite(next)) break;
    scale = next;
  }
  const sizes = new Array<number>(groups);
  for (let i = 0; i < groups; i++) sizes[i] = Math.min(max, Math.max(min, Math.round(weights[i] * scale)));
  return sizes;
}

/** Largest chantier or community: a hub, yet not a majority of the alliance (5%, at least 100 allies). */
const hubCap = (allies: number): number => Math.min(allies, Math.max(100, Math.round(allies / 20)));

/**
 * Up to `count` distinct values from `draw`. Bounded attempts keep it linear even when `count` is
 * close to the number of possible values (small bundles); the result may then be shorter.
 */
function distinct(count: number, draw: () => number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (let attempts = 0; out.length < count && attempts < count * 4 + 16; attempts++) {
    const x = draw();
    if (!seen.has(x)) {
      seen.add(x);
      out.push(x);
    }
  }
  return out;
}

/** A random permutation of 0..n-1 (Fisher–Yates): rank → index, so hubs are spread over the ids. */
function permutation(rng: Rng, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

function newOrganization(rng: Rng, number: string): BundleAlly {
  const type = rng.weighted(ORGANIZATION_TYPES);
  const ally: BundleAlly = {
    slug: `synth-ally-${number}`,
    name: `Synth ${ORGANIZATION_LABELS[type]} ${number}`,
    kind: 'ORGANIZATION',
    organizationType: type,
  };
  if (rng.chance(0.4)) ally.website = `https://example.org/synth/ally-${number}`;
  return ally;
}

function checkOptions(opts: SyntheticOptions): void {
  if (!Number.isInteger(opts.allies) || opts.allies < 1 || opts.allies > MAX_SYNTHETIC_ALLIES) {
    throw new RangeError(`allies must be an integer in 1..${MAX_SYNTHETIC_ALLIES}, got ${opts.allies}`);
  }
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer in 0..4294967295, got ${opts.seed}`);
  }
}

/**
 * Builds a valid, self-contained bundle (every slug, code and territory reference resolves inside it,
 * territory refs are canonical `level:code`) with `allies` allies and, derived from it: max(20, n/50)
 * themes (some subthemes), n/10 chantiers, n/100 learning communities, max(3, n/5000) events, n/20
 * resources, one charter with 4 objectives, and about 10 relationships per ally in total.
 * Linear in `allies` (100k allies take a few seconds). Pure: same options → deep-equal result.
 */
export function generateSyntheticBundle(opts: SyntheticOptions): Bundle {
  checkOptions(opts);
  const rng = new Rng(opts.seed);
  const geo = loadGeography();
  const n = opts.allies;

  const territories = new Map<string, BundleTerritory>();
  const useCommune = (c: CogCommune): string => {
    const ref = `commune:${c.code}`;
    if (!territories.has(ref)) {
      const t: BundleTerritory = { ref, name: c.nom };
      if (c.population !== undefined) t.population = c.population;
      territories.set(ref, t);
    }
    return ref;
  };
  const useArea = (level: 'departement' | 'region', code: string): string => {
    const ref = `${level}:${code}`;
    if (!territories.has(ref)) {
      const name = (level === 'departement' ? geo.departements : geo.regions).get(code);
      territories.set(ref, name === undefined ? { ref } : { ref, name });
    }
    return ref;
  };

  // Charter and objectives.
  const charter = { slug: 'synth-charte', title: "Synth Charte d'alliance", adoptedOn: SIGNING_PERIOD[0] };
  const objectiveCodes = ['1', '2', '3', '4'];
  const objectives = objectiveCodes.map((code) => ({
    code,
    title: `Synth objectif ${code}`,
    description: `Objectif synthétique n° ${code} de la charte, pour les tests et les bancs d'essai.`,
  }));

  // Themes: the first fifth are roots; later ones often hang under an earlier theme (no cycle possible).
  const themeCount = Math.max(20, Math.round(n / 50));
  const themes: BundleTheme[] = [];
  for (let i = 0; i < themeCount; i++) {
    const word = THEME_WORDS[i % THEME_WORDS.length];
    const theme: BundleTheme = {
      slug: `synth-theme-${pad(i + 1, 3)}`,
      name: `Synth ${word} ${pad(i + 1, 3)}`,
      description: `Thème synthétique : ${word.toLowerCase()}.`,
    };
    if (i >= Math.ceil(themeCount / 5) && rng.chance(0.6)) theme.parent = themes[rng.int(i)].slug;
    themes.push(theme);
  }
  const drawTheme = (): number => rng.skewedRank(themeCount);

  // Allies.
  const allies: BundleAlly[] = new Array(n);
  const organizations: number[] = [];
  for (let i = 0; i < n; i++) {
    const number = pad(i + 1, 5);
    const isOrganization = rng.chance(0.6);
    const seat = drawCommune(rng, geo);
    const ally: BundleAlly = isOrganization
      ? newOrganization(rng, number)
      : { slug: `synth-ally-${number}`, name: `Synth Personne ${number}`, kind: 'PERSON', public: !rng.chance(0.15) };
    if (ally.kind === 'PERSON' && rng.chance(0.3)) ally.email = `synth-${number}@example.org`;
    ally.location = nearSeat(seat, rng.float(), rng.float());
    ally.basedIn = useCommune(seat);
    const actsIn = new Set<string>();
    const actsInCount = rng.weighted([[0, 35], [1, 45], [2, 20]] as const);
    for (let k = 0; k < actsInCount; k++) {
      const x = rng.float();
      if (x < 0.55) actsIn.add(useCommune(drawCommune(rng, geo)));
      else if (x < 0.85) actsIn.add(useArea('departement', seat.departement));
      else actsIn.add(useArea('region', seat.region));
    }
    if (actsIn.size > 0) ally.actsIn = [...actsIn];
    ally.charterSignedOn = isoDay(drawDay(rng, SIGNING_PERIOD[0], SIGNING_PERIOD[1]));
    const themeIdx = distinct(rng.between(1, 3), drawTheme);
    ally.themes = themeIdx.map((t) => ({ theme: themes[t].slug, role: rng.chance(0.03) ? 'LEAD' : 'MEMBER' }));
    ally.description = `Allié synthétique, actif sur ${themeWords(themeIdx)}.`;
    allies[i] = ally;
    if (isOrganization) organizations.push(i);
  }

  // Popularity ranks: the same allies are hubs everywhere (chantiers, communities, events, authorship).
  const popularity = permutation(rng, n);
  const drawAlly = (): number => popularity[rng.skewedRank(n)];
  const organizationRank = permutation(rng, organizations.length);
  const drawOrganization = (): number => organizations[organizationRank[rng.skewedRank(organizations.length)]];

  // Affiliations of persons to organisations.
  const affiliations: BundleAffiliation[] = [];
  if (organizations.length > 0) {
    for (let i = 0; i < n; i++) {
      if (allies[i].kind !== 'PERSON' || !rng.chance(0.6)) continue;
      for (const o of distinct(rng.chance(0.8) ? 1 : 2, drawOrganization)) {
        const affiliation: BundleAffiliation = { person: allies[i].slug, organization: allies[o].slug };
        if (rng.chance(0.7)) affiliation.role = rng.pick(AFFILIATION_ROLES);
        affiliations.push(affiliation);
      }
    }
  }

  // Events (few, large).
  const eventCount = Math.max(3, Math.round(n / 5000));
  const events: BundleEvent[] = [];
  const eventSizes = groupSizes(rng, eventCount, 0.8 * n, Math.min(n, 5), n);
  for (let e = 0; e < eventCount; e++) {
    const number = pad(e + 1, 3);
    const start = drawDay(rng, ACTIVITY_PERIOD[0], ACTIVITY_PERIOD[1]);
    const online = rng.chance(0.4);
    const event: BundleEvent = {
      slug: `synth-event-${number}`,
      title: `Synth Rencontre ${number}`,
      kind: rng.weighted(EVENT_KINDS),
      startsOn: isoDay(start),
      endsOn: isoDay(start + rng.int(3)),
      online,
    };
    if (!online) event.venue = `Synth Lieu ${number}, ${drawCommune(rng, geo).nom}`;
    const speakers = rng.between(1, 3);
    event.participants = distinct(eventSizes[e], drawAlly).map((a, k) => ({
      ally: allies[a].slug,
      role: k === 0 ? 'ORGANIZER' : k <= speakers ? 'SPEAKER' : 'PARTICIPANT',
    }));
    events.push(event);
  }

  // Chantiers: sizes follow a Pareto law (hub chantiers), participants are drawn by popularity.
  const chantierCount = Math.max(1, Math.round(n / 10));
  const chantiers: BundleChantier[] = [];
  const chantierSizes = groupSizes(rng, chantierCount, 2.7 * n, Math.min(n, 2), hubCap(n));
  for (let c = 0; c < chantierCount; c++) {
    const number = pad(c + 1, 4);
    const kind = rng.chance(0.15) ? 'FLAGSHIP' : 'COLLECTIVE';
    const status = rng.weighted(CHANTIER_STATUSES);
    const launched = drawDay(rng, ACTIVITY_PERIOD[0], ACTIVITY_PERIOD[1]);
    const themeIdx = distinct(rng.between(1, 3), drawTheme);
    const chantier: BundleChantier = {
      slug: `synth-chantier-${number}`,
      title: `Synth Chantier ${number}`,
      summary: `Chantier synthétique sur ${themeWords(themeIdx)}.`,
      kind,
      status,
      launchedOn: isoDay(launched),
    };
    if (status !== 'PROPOSED') chantier.validatedOn = isoDay(launched + rng.int(180));
    if (rng.chance(0.3)) chantier.website = `https://example.org/synth/chantier-${number}`;
    chantier.objectives = distinct(rng.between(1, 2), () => rng.int(objectiveCodes.length)).map((o) => objectiveCodes[o]);
    chantier.themes = themeIdx.map((t) => themes[t].slug);
    chantier.territories = [...new Set([useCommune(drawCommune(rng, geo)), ...(rng.chance(0.4) ? [useCommune(drawCommune(rng, geo))] : [])])];
    if (rng.chance(0.2)) chantier.events = [events[rng.int(eventCount)].slug];
    const referents = kind === 'FLAGSHIP' ? 1 : rng.between(1, 2);
    chantier.participants = distinct(chantierSizes[c], drawAlly).map((a, k) => {
      const role = k >= referents ? 'MEMBER' : kind === 'FLAGSHIP' ? 'CARRIER' : 'REFERENT';
      return rng.chance(0.5)
        ? { ally: allies[a].slug, role, since: isoDay(launched + rng.int(365)) }
        : { ally: allies[a].slug, role };
    });
    chantiers.push(chantier);
  }

  // Learning communities.
  const communityCount = Math.max(1, Math.round(n / 100));
  const communities: BundleCommunity[] = [];
  const communitySizes = groupSizes(rng, communityCount, 0.6 * n, Math.min(n, 3), hubCap(n));
  for (let k = 0; k < communityCount; k++) {
    const number = pad(k + 1, 4);
    const themeIdx = distinct(rng.between(1, 2), drawTheme);
    communities.push({
      slug: `synth-communaute-${number}`,
      name: `Synth Communauté apprenante ${number}`,
      description: `Communauté apprenante synthétique sur ${themeWords(themeIdx)}.`,
      themes: themeIdx.map((t) => themes[t].slug),
      members: distinct(communitySizes[k], drawAlly).map((a, m) => ({
        ally: allies[a].slug,
        role: m === 0 ? 'LEAD' : 'MEMBER',
      })),
    });
  }

  // Resources.
  const resourceCount = Math.max(1, Math.round(n / 20));
  const resources: BundleResource[] = [];
  for (let r = 0; r < resourceCount; r++) {
    const number = pad(r + 1, 5);
    const resource: BundleResource = {
      slug: `synth-ressource-${number}`,
      title: `Synth Ressource ${number}`,
      kind: rng.pick(RESOURCE_KINDS),
      url: `https://example.org/synth/ressource-${number}`,
      publishedOn: isoDay(drawDay(rng, ACTIVITY_PERIOD[0], ACTIVITY_PERIOD[1])),
      authors: distinct(rng.between(1, 3), drawAlly).map((a) => allies[a].slug),
    };
    const themeIdx = distinct(rng.int(3), drawTheme);
    if (themeIdx.length > 0) resource.themes = themeIdx.map((t) => themes[t].slug);
    if (rng.chance(0.25)) resource.event = events[rng.int(eventCount)].slug;
    resources.push(resource);
  }

  return {
    format: 'archipel-bundle',
    version: 1,
    charter,
    objectives,
    themes,
    territories: [...territories.values()],
    allies,
    affiliations,
    chantiers,
    events,
    resources,
    communities,
  };
}

// ---------------------------------------------------------------------------------------------
// Bundle-wide checks and statistics, for the generator's tests, its CLI summary and the demo bundle.

/** The graph relationships a bundle creates (DESIGN §2), PART_OF excepted: the import derives it. */
export type RelationshipType = Exclude<ModelRelationshipType, 'PART_OF'>;

/** Counts the relationships `bundle` would create once imported, per type and in total. */
export function countRelationships(bundle: Bundle): Record<RelationshipType, number> & { total: number } {
  const c = {
    SIGNED: 0, MEMBER_OF: 0, BASED_IN: 0, ACTS_IN: 0, WORKS_ON: 0, CONTRIBUTES_TO: 0, SERVES: 0, OBJECTIVE_OF: 0,
    ADDRESSES: 0, LOCATED_IN: 0, PRESENTED_AT: 0, TOOK_PART_IN: 0, AUTHORED: 0, ABOUT: 0, FROM_EVENT: 0,
    MEMBER_OF_COMMUNITY: 0, SUBTHEME_OF: 0, total: 0,
  };
  for (const a of bundle.allies ?? []) {
    if (a.charterSignedOn !== undefined && bundle.charter) c.SIGNED++;
    if (a.basedIn !== undefined) c.BASED_IN++;
    c.ACTS_IN += a.actsIn?.length ?? 0;
    c.WORKS_ON += a.themes?.length ?? 0;
  }
  if (bundle.charter) c.OBJECTIVE_OF = bundle.objectives?.length ?? 0;
  c.MEMBER_OF = bundle.affiliations?.length ?? 0;
  for (const t of bundle.themes ?? []) if (t.parent !== undefined) c.SUBTHEME_OF++;
  for (const ch of bundle.chantiers ?? []) {
    c.CONTRIBUTES_TO += ch.participants?.length ?? 0;
    c.SERVES += ch.objectives?.length ?? 0;
    c.ADDRESSES += ch.themes?.length ?? 0;
    c.LOCATED_IN += ch.territories?.length ?? 0;
    c.PRESENTED_AT += ch.events?.length ?? 0;
  }
  for (const e of bundle.events ?? []) c.TOOK_PART_IN += e.participants?.length ?? 0;
  for (const r of bundle.resources ?? []) {
    c.AUTHORED += r.authors?.length ?? 0;
    c.ABOUT += r.themes?.length ?? 0;
    if (r.event !== undefined) c.FROM_EVENT++;
  }
  for (const k of bundle.communities ?? []) {
    c.MEMBER_OF_COMMUNITY += k.members?.length ?? 0;
    c.ABOUT += k.themes?.length ?? 0;
  }
  c.total = Object.entries(c).reduce((sum, [key, v]) => (key === 'total' ? sum : sum + v), 0);
  return c;
}

/** `level:code` in lower case with a level prefix: the only territory form a generated or demo bundle uses. */
export { CANONICAL_TERRITORY_REF };

/**
 * Everything in `bundle` that would not resolve inside the bundle itself, one message per problem
 * with its JSON pointer: duplicate keys, unknown slugs or objective codes, non-canonical territory refs,
 * an affiliation whose person or organisation has the wrong kind, duplicate participants, members or
 * themes, and cycles among theme parents. Territories need not be declared (the import creates them
 * from the COG), but declared ones must be canonical and unique. An empty array means self-contained.
 */
export function bundleReferenceProblems(bundle: Bundle): string[] {
  const problems: string[] = [];
  const keys = <T>(items: T[] | undefined, key: (t: T) => string, place: string): Set<string> => {
    const seen = new Set<string>();
    (items ?? []).forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) problems.push(`${place}/${i}: duplicate "${k}"`);
      seen.add(k);
    });
    return seen;
  };
  const allies = keys(bundle.allies, (a) => a.slug, '/allies');
  const themes = keys(bundle.themes, (t) => t.slug, '/themes');
  keys(bundle.chantiers, (c) => c.slug, '/chantiers');
  const events = keys(bundle.events, (e) => e.slug, '/events');
  keys(bundle.resources, (r) => r.slug, '/resources');
  keys(bundle.communities, (k) => k.slug, '/communities');
  keys(bundle.territories, (t) => t.ref, '/territories');
  const objectives = keys(bundle.objectives, (o) => o.code, '/objectives');
  const kinds = new Map((bundle.allies ?? []).map((a) => [a.slug, a.kind]));

  const known = (set: Set<string>, what: string, value: string, place: string): void => {
    if (!set.has(value)) problems.push(`${place}: unknown ${what} "${value}"`);
  };
  const territory = (ref: string, place: string): void => {
    if (!CANONICAL_TERRITORY_REF.test(ref)) problems.push(`${place}: territory ref "${ref}" is not canonical level:code`);
  };
  const unique = (values: string[], place: string): void => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (seen.has(v)) problems.push(`${place}/${i}: duplicate "${v}"`);
      seen.add(v);
    });
  };

  (bundle.territories ?? []).forEach((t, i) => {
    territory(t.ref, `/territories/${i}/ref`);
    (t.parents ?? []).forEach((p, j) => territory(p, `/territories/${i}/parents/${j}`));
  });
  const parents = new Map<string, string>();
  (bundle.themes ?? []).forEach((t, i) => {
    if (t.parent === undefined) return;
    known(themes, 'theme', t.parent, `/themes/${i}/parent`);
    parents.set(t.slug, t.parent);
  });
  for (const start of parents.keys()) {
    const path = new Set<string>([start]);
    for (let p = parents.get(start); p !== undefined; p = parents.get(p)) {
      if (path.has(p)) {
        problems.push(`/themes: parent cycle through "${start}"`);
        break;
      }
      path.add(p);
    }
  }
  (bundle.allies ?? []).forEach((a, i) => {
    if (a.basedIn !== undefined) territory(a.basedIn, `/allies/${i}/basedIn`);
    (a.actsIn ?? []).forEach((r, j) => territory(r, `/allies/${i}/actsIn/${j}`));
    unique(a.actsIn ?? [], `/allies/${i}/actsIn`);
    (a.themes ?? []).forEach((t, j) => known(themes, 'theme', t.theme, `/allies/${i}/themes/${j}/theme`));
    unique((a.themes ?? []).map((t) => t.theme), `/allies/${i}/themes`);
  });
  (bundle.affiliations ?? []).forEach((f, i) => {
    if (kinds.get(f.person) !== 'PERSON') problems.push(`/affiliations/${i}/person: "${f.person}" is not a person of the bundle`);
    if (kinds.get(f.organization) !== 'ORGANIZATION') {
      problems.push(`/affiliations/${i}/organization: "${f.organization}" is not an organisation of the bundle`);
    }
  });
  unique((bundle.affiliations ?? []).map((f) => `${f.person} -> ${f.organization}`), '/affiliations');
  (bundle.chantiers ?? []).forEach((c, i) => {
    const at = `/chantiers/${i}`;
    (c.objectives ?? []).forEach((o, j) => known(objectives, 'objective', o, `${at}/objectives/${j}`));
    (c.themes ?? []).forEach((t, j) => known(themes, 'theme', t, `${at}/themes/${j}`));
    (c.events ?? []).forEach((e, j) => known(events, 'event', e, `${at}/events/${j}`));
    (c.territories ?? []).forEach((r, j) => territory(r, `${at}/territories/${j}`));
    (c.participants ?? []).forEach((p, j) => known(allies, 'ally', p.ally, `${at}/participants/${j}/ally`));
    unique(c.objectives ?? [], `${at}/objectives`);
    unique(c.themes ?? [], `${at}/themes`);
    unique(c.events ?? [], `${at}/events`);
    unique(c.territories ?? [], `${at}/territories`);
    unique((c.participants ?? []).map((p) => p.ally), `${at}/participants`);
  });
  (bundle.events ?? []).forEach((e, i) => {
    (e.participants ?? []).forEach((p, j) => known(allies, 'ally', p.ally, `/events/${i}/participants/${j}/ally`));
    unique((e.participants ?? []).map((p) => p.ally), `/events/${i}/participants`);
  });
  (bundle.resources ?? []).forEach((r, i) => {
    (r.authors ?? []).forEach((a, j) => known(allies, 'ally', a, `/resources/${i}/authors/${j}`));
    (r.themes ?? []).forEach((t, j) => known(themes, 'theme', t, `/resources/${i}/themes/${j}`));
    if (r.event !== undefined) known(events, 'event', r.event, `/resources/${i}/event`);
    unique(r.authors ?? [], `/resources/${i}/authors`);
    unique(r.themes ?? [], `/resources/${i}/themes`);
  });
  (bundle.communities ?? []).forEach((k, i) => {
    (k.themes ?? []).forEach((t, j) => known(themes, 'theme', t, `/communities/${i}/themes/${j}`));
    (k.members ?? []).forEach((m, j) => known(allies, 'ally', m.ally, `/communities/${i}/members/${j}/ally`));
    unique(k.themes ?? [], `/communities/${i}/themes`);
    unique((k.members ?? []).map((m) => m.ally), `/communities/${i}/members`);
  });
  return problems;
}
