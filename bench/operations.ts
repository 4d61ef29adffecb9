/**
 * The operations of `npm run bench`: one table, one entry per operation, each with what it asks of the
 * three servers and how to read the answer's slugs, which must be the same for all three before any
 * timing (bench/bench.ts checks it).
 *
 * To add an operation:
 *   1. write the floor's Cypher in bench/floor/<file>.cypher (parameterised, with the privacy rule);
 *   2. if the library needs a field Archipel's model has and type-defs.graphql lacks, add it there;
 *   3. add an entry to OPERATIONS below: a name, a title, the Archipel query and variables, the library
 *      query and variables, the floor file and parameters, and one `slugs` reader per server that turns
 *      each answer into the same list of strings (slugs in answer order, nested lists too; sort a list
 *      only where the API does not promise an order);
 *   4. run `npm run bench -- --scale S --only <name>`: the check fails loudly until the three agree.
 * References the operations need (a hub ally, a theme, a région…) come from `References`, picked from
 * the generated bundle so that they exist at every scale and seed (bench/references.ts).
 */

export type Data = Record<string, unknown>;

export interface References {
  /** The visible ally taking part in the most chantiers. */
  hubAlly: string;
  /** The theme with the most members. */
  hubTheme: string;
  /** The région of the count and theme-within-region operations (region:84, as in issue #10). */
  region: string;
  /** A département holding allies, whose EPCIs all lie inside it (see bench/references.ts). */
  departement: string;
  /** The Charter objective served by the most chantiers. */
  objective: string;
  /** Who works with whom (issue #11), read from the store once it runs (bench/references.ts: collaborationReferences). */
  network?: NetworkReferences;
}

export interface NetworkReferences {
  /** The visible ally in the middle of those in a chantier, by number of chantiers (then slug). */
  medianAlly: string;
  /** The visible ally farthest from medianAlly in the collaboration graph, at most 6 collaborations away, and how far. */
  farAlly: string;
  farHops: number;
  /** A search text (several thousand hits at L, many tied in score) and its Lucene query (toSearchQuery). */
  searchText: string;
  searchQuery: string;
}

/** A GraphQL request: its query and variables; `prepare` computes variables from earlier answers (a cursor). */
export interface GraphQLRequest {
  query: string;
  variables?: Data;
  prepare?: (gql: (query: string, variables?: Data) => Promise<Data>) => Promise<Data>;
}

export interface Operation {
  /** Short, stable: a CLI filter (`--only`) and the key in the results' JSON. */
  name: string;
  /** What a reader of the results table sees. */
  title: string;
  archipel: GraphQLRequest;
  library: GraphQLRequest;
  /** bench/floor/<file>.cypher with these parameters (integers are sent as Cypher integers). */
  floor: { file: string; params: Data };
  /** Each server's answer (GraphQL `data`, or the floor's rows) as the list of strings that must match. */
  slugs: { archipel(data: Data): string[]; library(data: Data): string[]; floor(rows: Data[]): string[] };
}

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are read by shape, checked by comparison

const NON_EPCI = ['COMMUNE', 'DEPARTEMENT', 'REGION', 'COUNTRY'];

/** How many PART_OF steps a territory of this level is above the communes (within = down to them). */
const DEPTH: Record<string, number> = { commune: 0, epci: 1, departement: 1, region: 2, country: 3 };

/**
 * The library's `where` for "a territory within `ref`": it is `ref`, or it is not an EPCI and one of
 * its parents is within `ref` (the administrative tree: an EPCI is PART_OF every département of its
 * communes, so walking through one would leave the département). Nested relationship filters, as a
 * library user writes them; the depth is bounded by the level of `ref`.
 */
export function libraryTerritoryWithin(ref: string, depth = DEPTH[ref.split(':')[0]] ?? 3): Data {
  if (depth === 0) return { ref: { eq: ref } };
  return { OR: [{ ref: { eq: ref } }, { level: { in: NON_EPCI }, parents: { some: libraryTerritoryWithin(ref, depth - 1) } }] };
}

/** The library's `where` for "an ally based or acting within `ref`". */
export const libraryAllyWithin = (ref: string): Data => {
  const t = libraryTerritoryWithin(ref);
  return { OR: [{ basedIn: { some: t } }, { actsIn: { some: t } }] };
};

const BY_NAME = '[{ sortName: ASC }, { id: ASC }]';
const BY_TITLE_EDGE = '[{ node: { sortTitle: ASC } }, { node: { id: ASC } }]';
const BY_NAME_EDGE = '[{ node: { sortName: ASC } }, { node: { id: ASC } }]';

const sorted = (xs: string[]): string[] => [...xs].sort();
const names = (rows: Any[]): string[] => rows.map((a) => a.slug as string);

/** A card as slugs: the ally, its seat, its themes (no promised order: sorted), its chantiers in order. */
const cardSlugs = (a: Any, seat: Any, themes: [string, string][], chantiers: [string, string][]): string[] =>
  a ? [a.slug, `seat ${seat?.ref ?? '-'}`, ...sorted(themes.map(([role, slug]) => `theme ${role} ${slug}`)), ...chantiers.map(([role, slug]) => `chantier ${role} ${slug}`)] : ['(none)'];

/** An ally of a list with its themes (sorted) and chantiers (in order), as slugs. */
const allySlugs = (slug: string, themes: [string, string][], chantiers: [string, string][]): string[] => [
  slug,
  ...sorted(themes.map(([role, t]) => `  theme ${role} ${t}`)),
  ...chantiers.map(([role, c]) => `  chantier ${role} ${c}`),
];

/** A global id (base64 of "Type:id") as its raw id, for comparing with the library's and the floor's ids. */
const rawId = (globalId: string): string => {
  const text = Buffer.from(globalId, 'base64').toString('utf8');
  return text.slice(text.indexOf(':') + 1);
};

/** A collaborator as a slug: the ally, its weight, the ids of the shared contexts (sorted: the library and the floor promise no order). */
const collaboratorSlug = (slug: string, weight: number, via: string[]): string => `${slug} ${weight} ${sorted(via).join(',')}`;

const NETWORK_MAX_NODES = 2000;

/** Who works with whom (issue #11): collaborators, a path, a network, search, statistics. */
function networkOperations(r: References, n: NetworkReferences): Operation[] {
  const collaborators = (name: string, slug: string, what: string): Operation => ({
    name,
    title: `the first 20 collaborators of ${what} ${slug}, by weight, with the shared contexts`,
    archipel: {
      query: `query Collaborators($slug: String!) { ally(slug: $slug) { collaborators(first: 20) { edges { node { weight ally { slug } via { id } } } } } }`,
      variables: { slug },
    },
    library: {
      query: `query Collaborators($slug: String!) { allies(where: { slug: { eq: $slug } }) { collaborators(first: 20) { slug weight via } } }`,
      variables: { slug },
    },
    floor: { file: 'collaborators', params: { slug, limit: 20 } },
    slugs: {
      archipel: (d: Any) => (d.ally?.collaborators.edges ?? []).map((e: Any) => collaboratorSlug(e.node.ally.slug, e.node.weight, e.node.via.map((v: Any) => rawId(v.id)))),
      library: (d: Any) => (d.allies[0]?.collaborators ?? []).map((c: Any) => collaboratorSlug(c.slug, c.weight, c.via)),
      floor: (rows: Any[]) => rows.map((c: Any) => collaboratorSlug(c.slug, c.weight, c.via)),
    },
  });
  return [
    collaborators('collaborators-median', n.medianAlly, 'the median ally'),
    collaborators('collaborators-hub', r.hubAlly, 'the hub ally'),
    {
      name: 'collaboration-path',
      // The chain itself is not compared: Archipel breaks ties by name, SHORTEST 1 by whatever it meets first.
      title: `collaborationPath(maxHops: 6) ${n.medianAlly} → ${n.farAlly} (${n.farHops} collaborations; the number of hops is compared)`,
      archipel: {
        query: 'query Path($from: String!, $to: String!) { collaborationPath(from: $from, to: $to, maxHops: 6) { hops steps { ally { slug } via { id } } } }',
        variables: { from: n.medianAlly, to: n.farAlly },
      },
      library: {
        query: 'query Path($from: String!, $to: String!) { collaborationPath(from: $from, to: $to) { hops slugs } }',
        variables: { from: n.medianAlly, to: n.farAlly },
      },
      floor: { file: 'collaboration-path', params: { from: n.medianAlly, to: n.farAlly } },
      slugs: {
        archipel: (d: Any) => [`hops ${d.collaborationPath?.hops ?? '-'}`],
        library: (d: Any) => [`hops ${d.collaborationPath?.hops ?? '-'}`],
        floor: (rows: Any[]) => [`hops ${rows[0]?.hops ?? '-'}`],
      },
    },
    {
      name: 'network-theme',
      // Archipel also computes Louvain communities (asked) on what it keeps; the others only the pairs.
      title: `network(filter: { themes: [${r.hubTheme}] }, maxNodes: ${NETWORK_MAX_NODES}, projection: COLLABORATION) with communities (allies and kept nodes are compared)`,
      archipel: {
        query: `query ThemeNetwork($theme: String!) { network(filter: { themes: [$theme] }, maxNodes: ${NETWORK_MAX_NODES}, projection: COLLABORATION) {
          truncated totalNodes nodes { id degree community } edges { source target weight } communities { id size label } } }`,
        variables: { theme: r.hubTheme },
      },
      library: {
        query: `query ThemeNetwork($theme: String!) { themeNetwork(theme: $theme, maxNodes: ${NETWORK_MAX_NODES}) { total read edges } }`,
        variables: { theme: r.hubTheme },
      },
      floor: { file: 'network-theme', params: { theme: r.hubTheme, maxNodes: NETWORK_MAX_NODES } },
      slugs: {
        archipel: (d: Any) => [`allies ${d.network.totalNodes}`, `nodes ${d.network.nodes.length}`],
        library: (d: Any) => [`allies ${d.themeNetwork.total}`, `nodes ${Math.min(d.themeNetwork.total, NETWORK_MAX_NODES)}`],
        floor: (rows: Any[]) => [`allies ${rows[0].total}`, `nodes ${Math.min(rows[0].total, NETWORK_MAX_NODES)}`],
      },
    },
    {
      name: 'search',
      title: `search(text: "${n.searchText}", first: 20) over every type`,
      archipel: { query: 'query Search($text: String!) { search(text: $text, first: 20) { score node { id } } }', variables: { text: n.searchText } },
      library: { query: 'query Search($query: String!) { search(query: $query, first: 20) { id score } }', variables: { query: n.searchQuery } },
      floor: { file: 'search', params: { query: n.searchQuery, limit: 20 } },
      slugs: {
        archipel: (d: Any) => d.search.map((h: Any) => rawId(h.node.id)),
        library: (d: Any) => d.search.map((h: Any) => h.id),
        floor: (rows: Any[]) => rows.map((h: Any) => h.id),
      },
    },
    {
      name: 'region-stats',
      title: 'territoryStats(level: REGION): allies, organisations, persons, chantiers per région',
      archipel: { query: 'query RegionStats { territoryStats(level: REGION) { territory { code } allies organizations persons chantiers } }' },
      library: { query: 'query RegionStats { regionStats { code allies organizations persons chantiers } }' },
      floor: { file: 'region-stats', params: {} },
      slugs: {
        archipel: (d: Any) => d.territoryStats.map((s: Any) => `${s.territory.code} ${s.allies} ${s.organizations} ${s.persons} ${s.chantiers}`),
        library: (d: Any) => d.regionStats.map((s: Any) => `${s.code} ${s.allies} ${s.organizations} ${s.persons} ${s.chantiers}`),
        floor: (rows: Any[]) => rows.map((s: Any) => `${s.code} ${s.allies} ${s.organizations} ${s.persons} ${s.chantiers}`),
      },
    },
  ];
}

/** Every operation; those of who works with whom only once their references were read from the store. */
export function operations(r: References): Operation[] {
  return [...baseOperations(r), ...(r.network ? networkOperations(r, r.network) : [])];
}

/** The names of the operations of who works with whom (for --only before the store runs). */
export const NETWORK_OPERATIONS = ['collaborators-median', 'collaborators-hub', 'collaboration-path', 'network-theme', 'search', 'region-stats'];

function baseOperations(r: References): Operation[] {
  return [
    {
      name: 'card',
      title: `an ally card (seat, themes, chantiers): ${r.hubAlly}`,
      archipel: {
        query: `query Card($slug: String!) { ally(slug: $slug) { slug name kind description website
          basedIn { ref name level } themes { role theme { slug name } }
          chantiers(first: 20) { edges { node { role since chantier { slug title status } } } } } }`,
        variables: { slug: r.hubAlly },
      },
      library: {
        query: `query Card($slug: String!) { allies(where: { slug: { eq: $slug } }) { slug name kind description website
          basedIn { ref name level } themesConnection { edges { properties { role } node { slug name } } }
          chantiersConnection(first: 20, sort: ${BY_TITLE_EDGE}) { edges { properties { role since } node { slug title status } } } } }`,
        variables: { slug: r.hubAlly },
      },
      floor: { file: 'card', params: { slug: r.hubAlly } },
      slugs: {
        archipel: (d: Any) => cardSlugs(d.ally, d.ally?.basedIn, (d.ally?.themes ?? []).map((t: Any) => [t.role, t.theme.slug]),
          (d.ally?.chantiers.edges ?? []).map((e: Any) => [e.node.role, e.node.chantier.slug])),
        library: (d: Any) => {
          const a = d.allies[0];
          return cardSlugs(a, a?.basedIn[0], (a?.themesConnection.edges ?? []).map((e: Any) => [e.properties.role, e.node.slug]),
            (a?.chantiersConnection.edges ?? []).map((e: Any) => [e.properties.role, e.node.slug]));
        },
        floor: (rows: Any[]) => cardSlugs(rows[0], rows[0]?.basedIn, (rows[0]?.themes ?? []).map((t: Any) => [t.role, t.theme.slug]),
          (rows[0]?.chantiers ?? []).map((c: Any) => [c.role, c.chantier.slug])),
      },
    },
    {
      name: 'theme-in-region',
      title: `50 allies of ${r.hubTheme} within ${r.region}, by name, with themes and chantiers`,
      archipel: {
        query: `query ThemeInRegion($theme: String!, $region: String!) {
          allies(first: 50, filter: { themes: [$theme], territory: $region }) { edges { node { slug name
            themes { role theme { slug } } chantiers(first: 20) { edges { node { role chantier { slug title } } } } } } } }`,
        variables: { theme: r.hubTheme, region: r.region },
      },
      library: {
        query: `query ThemeInRegion($where: AllyWhere!) { allies(where: $where, limit: 50, sort: ${BY_NAME}) { slug name
          themesConnection { edges { properties { role } node { slug } } }
          chantiersConnection(first: 20, sort: ${BY_TITLE_EDGE}) { edges { properties { role } node { slug title } } } } }`,
        variables: { where: { AND: [{ themes: { some: { slug: { eq: r.hubTheme } } } }, libraryAllyWithin(r.region)] } },
      },
      floor: { file: 'theme-in-region', params: { theme: r.hubTheme, region: r.region } },
      slugs: {
        archipel: (d: Any) => d.allies.edges.flatMap((e: Any) => allySlugs(e.node.slug, e.node.themes.map((t: Any) => [t.role, t.theme.slug]),
          e.node.chantiers.edges.map((c: Any) => [c.node.role, c.node.chantier.slug]))),
        library: (d: Any) => d.allies.flatMap((a: Any) => allySlugs(a.slug, a.themesConnection.edges.map((t: Any) => [t.properties.role, t.node.slug]),
          a.chantiersConnection.edges.map((c: Any) => [c.properties.role, c.node.slug]))),
        floor: (rows: Any[]) => rows.flatMap((a: Any) => allySlugs(a.slug, a.themes.map((t: Any) => [t.role, t.theme.slug]),
          a.chantiers.map((c: Any) => [c.role, c.chantier.slug]))),
      },
    },
    {
      name: 'objective-chantiers',
      title: `objective ${r.objective}'s first 50 chantiers with participants`,
      archipel: {
        query: `query ObjectiveChantiers($code: String!) { charterObjective(code: $code) { code
          chantiers(first: 50) { edges { node { slug title participants(first: 20) { edges { node { role ally { slug name } } } } } } } } }`,
        variables: { code: r.objective },
      },
      library: {
        query: `query ObjectiveChantiers($code: String!) { charterObjectives(where: { code: { eq: $code } }) { code
          chantiers(limit: 50, sort: [{ sortTitle: ASC }, { id: ASC }]) { slug title
            participantsConnection(first: 20, sort: ${BY_NAME_EDGE}) { edges { properties { role } node { slug name } } } } } }`,
        variables: { code: r.objective },
      },
      floor: { file: 'objective-chantiers', params: { code: r.objective } },
      slugs: {
        archipel: (d: Any) => d.charterObjective.chantiers.edges.flatMap((e: Any) => [e.node.slug,
          ...e.node.participants.edges.map((p: Any) => `  ${p.node.role} ${p.node.ally.slug}`)]),
        library: (d: Any) => d.charterObjectives[0].chantiers.flatMap((c: Any) => [c.slug,
          ...c.participantsConnection.edges.map((p: Any) => `  ${p.properties.role} ${p.node.slug}`)]),
        floor: (rows: Any[]) => rows.flatMap((c: Any) => [c.slug, ...c.participants.map((p: Any) => `  ${p.role} ${p.ally.slug}`)]),
      },
    },
    {
      name: 'departement-page',
      title: `the first 20 allies within ${r.departement}, by name`,
      archipel: {
        query: 'query DepartementPage($ref: String!) { allies(first: 20, filter: { territory: $ref }) { edges { node { slug name } } } }',
        variables: { ref: r.departement },
      },
      library: {
        query: `query DepartementPage($where: AllyWhere!) { allies(where: $where, limit: 20, sort: ${BY_NAME}) { slug name } }`,
        variables: { where: libraryAllyWithin(r.departement) },
      },
      floor: { file: 'allies-within', params: { ref: r.departement, limit: 20 } },
      slugs: {
        archipel: (d: Any) => d.allies.edges.map((e: Any) => e.node.slug),
        library: (d: Any) => names(d.allies),
        floor: names,
      },
    },
    {
      name: 'page-1',
      title: 'the first page of 20 allies by name',
      archipel: { query: 'query Page1 { allies(first: 20) { edges { node { slug name } } pageInfo { endCursor hasNextPage } } }' },
      library: { query: `query Page1 { allies(limit: 20, sort: ${BY_NAME}) { slug name } }` },
      floor: { file: 'allies-by-name', params: { offset: 0, limit: 20 } },
      slugs: { archipel: (d: Any) => d.allies.edges.map((e: Any) => e.node.slug), library: (d: Any) => names(d.allies), floor: names },
    },
    {
      name: 'page-2',
      title: 'the page after it (cursor for Archipel, offset for the others)',
      archipel: {
        query: 'query Page2($after: String!) { allies(first: 20, after: $after) { edges { node { slug name } } pageInfo { endCursor hasNextPage } } }',
        prepare: async (gql) => {
          const d: Any = await gql('query Page1 { allies(first: 20) { pageInfo { endCursor } } }');
          if (!d.allies.pageInfo.endCursor) throw new Error('the first page of allies has no end cursor');
          return { after: d.allies.pageInfo.endCursor };
        },
      },
      library: { query: `query Page2 { allies(limit: 20, offset: 20, sort: ${BY_NAME}) { slug name } }` },
      floor: { file: 'allies-by-name', params: { offset: 20, limit: 20 } },
      slugs: { archipel: (d: Any) => d.allies.edges.map((e: Any) => e.node.slug), library: (d: Any) => names(d.allies), floor: names },
    },
    {
      name: 'region-count',
      title: `territory(ref: "${r.region}") { allies { totalCount } }`,
      archipel: {
        query: 'query RegionCount($ref: String!) { territory(ref: $ref) { ref allies { totalCount } } }',
        variables: { ref: r.region },
      },
      library: {
        query: 'query RegionCount($where: AllyWhere!) { alliesConnection(where: $where) { totalCount } }',
        variables: { where: libraryAllyWithin(r.region) },
      },
      floor: { file: 'count-within', params: { ref: r.region } },
      slugs: {
        archipel: (d: Any) => [`count ${d.territory.allies.totalCount}`],
        library: (d: Any) => [`count ${d.alliesConnection.totalCount}`],
        floor: (rows: Any[]) => [`count ${rows[0].totalCount}`],
      },
    },
    {
      name: 'by-degree',
      title: 'the first 20 allies by degree (orderBy: DEGREE DESC)',
      archipel: {
        query: 'query ByDegree { allies(first: 20, orderBy: { field: DEGREE, direction: DESC }) { edges { node { slug name degree } } } }',
      },
      library: { query: 'query ByDegree { allies(limit: 20, sort: [{ degree: DESC }, { id: DESC }]) { slug name degree } }' },
      floor: { file: 'allies-by-degree', params: { limit: 20 } },
      slugs: {
        archipel: (d: Any) => d.allies.edges.map((e: Any) => `${e.node.slug} ${e.node.degree}`),
        library: (d: Any) => d.allies.map((a: Any) => `${a.slug} ${a.degree}`),
        floor: (rows: Any[]) => rows.map((a: Any) => `${a.slug} ${a.degree}`),
      },
    },
  ];
}
