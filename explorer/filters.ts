/**
 * The explorer's selection, one definition for the page's address, its GraphQL variables and its
 * export links: the query parameters are the exports' own (DESIGN §5, issue #12), so
 * `/explorer?theme=energie&territory=region:32` and `/export/allies.geojson?theme=energie&territory=region:32`
 * select the same allies. Pure (no DOM): unit-tested in test/unit/explorer-filters.test.ts.
 */

export type AllyKind = 'ORGANIZATION' | 'PERSON';
export const ALLY_KINDS: readonly AllyKind[] = ['ORGANIZATION', 'PERSON'];

export interface Filters {
  /** Theme slugs (any of them). */
  themes: string[];
  /** A territory ref ("region:32", "departement:62", "commune:62528"). */
  territory: string | null;
  /** A Charter objective code ("2"). */
  objective: string | null;
  kind: AllyKind | null;
}

export const NO_FILTERS: Filters = { themes: [], territory: null, objective: null, kind: null };

const text = (v: string | null): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

/** The selection a query string names; unknown parameters are ignored, an unknown kind is dropped. */
export function filtersFromQuery(query: string): Filters {
  const p = new URLSearchParams(query);
  const themes = [...new Set(p.getAll('theme').map((t) => t.trim()).filter(Boolean))];
  const kind = text(p.get('kind'));
  return {
    themes,
    territory: text(p.get('territory')),
    objective: text(p.get('objective')),
    kind: ALLY_KINDS.includes(kind as AllyKind) ? (kind as AllyKind) : null,
  };
}

/** The query string of a selection, without `?`, parameters in a fixed order (empty when nothing is selected). */
export function filtersToQuery(f: Filters): string {
  const p = new URLSearchParams();
  for (const t of f.themes) p.append('theme', t);
  if (f.territory) p.set('territory', f.territory);
  if (f.objective) p.set('objective', f.objective);
  if (f.kind) p.set('kind', f.kind);
  return p.toString();
}

/** GraphQL `NetworkFilter` (network, territoryStats), or null for everyone. */
export function networkFilter(f: Filters): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  if (f.themes.length) out.themes = f.themes;
  if (f.territory) out.territory = f.territory;
  if (f.objective) out.objective = f.objective;
  if (f.kind) out.kinds = [f.kind];
  return Object.keys(out).length ? out : null;
}

export interface ExportLink {
  label: string;
  /** What a user opens it with. */
  hint: string;
  href: string;
}

/** The level of the territory-stats link (the CSV needs one): départements, a coordinator's usual scale. */
export const STATS_LEVEL = 'DEPARTEMENT';

const EXPORTS: readonly { path: string; label: string; hint: string; extra?: string }[] = [
  { path: '/export/allies.geojson', label: 'Alliés (GeoJSON)', hint: 'MapLibre, Leaflet, uMap, Kepler.gl, QGIS' },
  { path: '/export/chantiers.geojson', label: 'Chantiers (GeoJSON)', hint: 'MapLibre, Leaflet, uMap, Kepler.gl, QGIS' },
  { path: '/export/network.gexf', label: 'Réseau (GEXF)', hint: 'Gephi' },
  { path: '/export/network.json', label: 'Réseau (Graphology JSON)', hint: 'sigma.js, Gephi Lite' },
  { path: '/export/territory-stats.csv', label: 'Statistiques par département (CSV)', hint: 'tableur, jointure par code INSEE', extra: `level=${STATS_LEVEL}` },
];

/** One download link per export, for the current selection. */
export function exportLinks(f: Filters): ExportLink[] {
  const q = filtersToQuery(f);
  return EXPORTS.map((e) => {
    const query = [e.extra, q].filter(Boolean).join('&');
    return { label: e.label, hint: e.hint, href: query ? `${e.path}?${query}` : e.path };
  });
}
