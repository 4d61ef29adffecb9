import { exportLinks, Filters, filtersFromQuery, filtersToQuery, networkFilter, NO_FILTERS, AllyKind } from './filters';
import { ApiError, BOOT_QUERY, DETAILS_QUERY, gql, nameOf, NETWORK_QUERY, NetworkData, PATH_QUERY, SEARCH_QUERY } from './api';
import { byId, debounce, h } from './dom';
import { category, ColourBy, communityColour, NetworkView, TYPE_COLOURS } from './network-view';
import { AllyPoint, MapView } from './map-view';

/**
 * The /explorer page (src/http/explorer/ serves it; scripts/build-explorer.js bundles this file):
 * filters and a search box, a network view and a map view of the same selection, a collaboration
 * path finder, and links to download each export for the selection. Its state is in the address
 * (the exports' query parameters, plus view, projection and colour), so a view can be shared.
 */

/** The network view's size caps to choose from; the largest is the API's own maximum (Query.network maxNodes ≤ 2000). */
const NODE_CAPS = [250, 500, 1000, 2000];
const DEFAULT_NODE_CAP = 1000;
type View = 'network' | 'map';
type Projection = 'BIPARTITE' | 'COLLABORATION';

const params = new URLSearchParams(location.search);
const state = {
  filters: filtersFromQuery(location.search) as Filters,
  view: (params.get('view') === 'map' ? 'map' : 'network') as View,
  projection: (params.get('projection') === 'COLLABORATION' ? 'COLLABORATION' : 'BIPARTITE') as Projection,
  colourBy: (params.get('colour') === 'community' ? 'community' : 'type') as ColourBy,
  maxNodes: NODE_CAPS.includes(Number(params.get('max'))) ? Number(params.get('max')) : DEFAULT_NODE_CAP,
  network: null as NetworkData | null,
  mapStale: true,
};

const networkEl = byId('network');
const mapCanvas = byId<HTMLCanvasElement>('map');
const statusEl = byId('status');
const detailsEl = byId('details');

const network = new NetworkView(networkEl, {
  onNodeClick: (id) => void selectNode(id, false),
  onStageClick: () => {
    network.select(null);
    detailsEl.hidden = true;
    delete detailsEl.dataset.id;
  },
  onLayoutDone: () => {
    networkEl.dataset.layout = 'done';
  },
});
const map = new MapView(mapCanvas, byId('map-tooltip'), (p) => {
  // The feed's nodeId is the ally's global id, as the network view and node(id) use it.
  if (typeof p.properties?.nodeId === 'string') void selectNode(p.properties.nodeId, false);
});

/** For tests and the browser console: positions of what the canvases draw, and the views. */
(window as unknown as Record<string, unknown>).archipelExplorer = {
  network,
  map,
  nodePosition: (id: string) => network.nodePagePosition(id),
  pointPosition: (i: number) => map.pointPagePosition(i),
};

function setStatus(text: string, error = false): void {
  statusEl.textContent = text;
  statusEl.classList.toggle('error', error);
}

function writeAddress(): void {
  const q = new URLSearchParams(filtersToQuery(state.filters));
  if (state.view === 'map') q.set('view', 'map');
  if (state.projection !== 'BIPARTITE') q.set('projection', state.projection);
  if (state.colourBy !== 'type') q.set('colour', state.colourBy);
  if (state.maxNodes !== DEFAULT_NODE_CAP) q.set('max', String(state.maxNodes));
  const s = q.toString();
  history.replaceState(null, '', s ? `?${s}` : location.pathname);
}

// ——— filters ———

const themesEl = byId('themes');
const territoryEl = byId<HTMLInputElement>('territory');
const objectiveEl = byId<HTMLSelectElement>('objective');
const kindEl = byId<HTMLSelectElement>('kind');

function readFilters(): Filters {
  const themes = [...themesEl.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((c) => c.value);
  return {
    themes,
    territory: territoryEl.value.trim() || null,
    objective: objectiveEl.value || null,
    kind: (kindEl.value || null) as AllyKind | null,
  };
}

function writeFilters(f: Filters): void {
  for (const c of themesEl.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) c.checked = f.themes.includes(c.value);
  territoryEl.value = f.territory ?? '';
  objectiveEl.value = f.objective ?? '';
  kindEl.value = f.kind ?? '';
}

function renderExports(): void {
  byId('exports').replaceChildren(
    ...exportLinks(state.filters).map((l) => h('li', {}, h('a', { href: l.href, download: '' }, l.label), h('small', {}, l.hint))),
  );
}

function filtersChanged(): void {
  state.filters = readFilters();
  writeAddress();
  renderExports();
  void loadNetwork();
  state.mapStale = true;
  if (state.view === 'map') void loadMap();
}

// ——— network ———

let networkRequest = 0;

async function loadNetwork(): Promise<void> {
  const mine = ++networkRequest;
  networkEl.dataset.state = 'loading';
  networkEl.dataset.layout = 'running';
  setStatus('Chargement du réseau…');
  try {
    let cap = state.maxNodes;
    let data: NetworkData;
    for (;;) {
      try {
        ({ network: data } = await gql<{ network: NetworkData }>(NETWORK_QUERY, { filter: networkFilter(state.filters), maxNodes: cap, projection: state.projection }));
        break;
      } catch (err) {
        // Over the server's time for one request (a busy server, a large graph): half as many nodes, down to the smallest cap.
        if (!(err instanceof ApiError && err.code === 'QUERY_TOO_COMPLEX') || cap <= NODE_CAPS[0] || mine !== networkRequest) throw err;
        cap = Math.max(NODE_CAPS[0], Math.floor(cap / 2));
        setStatus(`Le serveur n’a pas pu envoyer ${cap * 2} nœuds à temps : nouvel essai avec ${cap}…`);
      }
    }
    if (mine !== networkRequest) return;
    state.network = data;
    network.show(data, state.colourBy);
    networkEl.dataset.nodes = String(network.graph.order);
    networkEl.dataset.edges = String(network.graph.size);
    networkEl.dataset.state = 'ready';
    const allies = data.nodes.filter((n) => n.type === 'Ally');
    byId('ally-options').replaceChildren(...allies.map((n) => h('option', { value: n.label })));
    allySlugs = new Map(allies.map((n) => [n.label, String(n.attributes.slug ?? '')]));
    renderLegend();
    setStatus(
      `${data.nodes.length} nœuds, ${data.edges.length} liens` +
        (cap < state.maxNodes ? ` (réduit à ${cap} nœuds : le serveur n’en a pas envoyé ${state.maxNodes} à temps)` : '') +
        (data.truncated ? ` — les ${data.nodes.length} plus connectés sur ${data.totalNodes} (affinez les filtres)` : '') +
        (data.nodes.length === 0 ? ' — aucun allié ne correspond à ces filtres' : ''),
    );
  } catch (err) {
    if (mine !== networkRequest) return;
    networkEl.dataset.state = 'error';
    setStatus(`Réseau indisponible : ${(err as Error).message}`, true);
  }
}

function renderLegend(): void {
  const legend = byId('legend');
  if (state.view !== 'network' || !state.network) return legend.replaceChildren();
  const entries: [string, string][] = [];
  if (state.colourBy === 'type') {
    const present = new Set(state.network.nodes.map((n) => category(n.type, n.attributes)));
    for (const [name, colour] of Object.entries(TYPE_COLOURS)) if (present.has(name)) entries.push([name, colour]);
  } else {
    for (const c of state.network.communities.slice(0, 8)) entries.push([`${c.label} (${c.size})`, communityColour(c.id)]);
  }
  legend.replaceChildren(
    ...entries.map(([name, colour]) => {
      const dot = h('i');
      dot.style.background = colour; // a CSSOM property, not a style attribute (the page's CSP forbids those)
      return h('span', {}, dot, name);
    }),
  );
}

// ——— details ———

let detailsRequest = 0;

async function selectNode(id: string, focus: boolean): Promise<void> {
  network.clearPath();
  network.select(id, focus);
  await showDetails(id);
}

const TYPE_NAMES: Record<string, string> = {
  Ally: 'Allié',
  Chantier: 'Chantier',
  Theme: 'Thème',
  Territory: 'Territoire',
  CharterObjective: 'Objectif de la Charte',
  LearningCommunity: 'Communauté apprenante',
  Event: 'Événement',
  Resource: 'Ressource',
};

type Details = Record<string, any>;

async function showDetails(id: string): Promise<void> {
  const mine = ++detailsRequest;
  detailsEl.hidden = false;
  detailsEl.dataset.state = 'loading';
  detailsEl.replaceChildren(h('p', {}, 'Chargement…'));
  try {
    const { node } = await gql<{ node: Details | null }>(DETAILS_QUERY, { id });
    if (mine !== detailsRequest) return;
    detailsEl.dataset.id = id;
    detailsEl.dataset.state = 'ready';
    if (!node) return void detailsEl.replaceChildren(h('p', {}, 'Cet objet n’existe pas ou ne vous est pas visible.'));
    detailsEl.replaceChildren(...renderDetails(node));
  } catch (err) {
    if (mine !== detailsRequest) return;
    detailsEl.dataset.state = 'error';
    detailsEl.replaceChildren(h('p', { class: 'error' }, `Détails indisponibles : ${(err as Error).message}`));
  }
}

const field = (label: string, value: unknown): HTMLElement | null =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)
    ? null
    : h('div', { class: 'field' }, h('dt', {}, label), h('dd', {}, Array.isArray(value) ? value.join(', ') : String(value)));

function nodeLink(n: Details): HTMLElement {
  return h('a', { href: '#', onclick: (e: Event) => (e.preventDefault(), void selectNode(n.id, true)) }, nameOf(n));
}

function renderDetails(n: Details): HTMLElement[] {
  const kind = n.__typename === 'Ally' ? (n.kind === 'PERSON' ? 'Personne' : 'Organisation') : (TYPE_NAMES[n.__typename] ?? n.__typename);
  const out: HTMLElement[] = [
    h('button', { class: 'close', type: 'button', title: 'Fermer', onclick: () => ((detailsEl.hidden = true), network.select(null)) }, '×'),
    h('p', { class: 'kind' }, kind),
    h('h2', { id: 'details-name' }, nameOf(n)),
  ];
  const dl = h('dl');
  const add = (el: HTMLElement | null) => el && dl.append(el);
  switch (n.__typename) {
    case 'Ally':
      add(field('Slug', n.slug));
      add(field('Type d’organisation', n.organizationType));
      add(field('Siège', n.basedIn?.name));
      add(field('Agit sur', n.actsIn?.map((t: Details) => t.name)));
      add(field('Thèmes', n.themes?.map((t: Details) => (t.role === 'LEAD' ? `${t.theme.name} (pilote)` : t.theme.name))));
      add(field('Site', n.website));
      add(field('Description', n.description));
      break;
    case 'Chantier':
      add(field('Statut', n.status));
      add(field('Résumé', n.summary));
      add(field('Territoires', n.territories?.map((t: Details) => t.name)));
      add(field('Thèmes', n.themes?.map((t: Details) => t.name)));
      add(field('Objectifs', n.objectives?.map((o: Details) => `${o.code}. ${o.title}`)));
      break;
    case 'Territory':
      add(field('Référence', n.ref));
      add(field('Niveau', n.level));
      add(field('Population', n.population?.toLocaleString('fr-FR')));
      break;
    default:
      add(field('Slug', n.slug));
      add(field('Code', n.code));
      add(field('Description', n.description));
  }
  out.push(dl);
  if (n.__typename === 'Ally') {
    const conn = n.collaborators;
    const list = h('ul', { id: 'collaborators' });
    for (const { node: c } of conn.edges as { node: Details }[]) {
      list.append(
        h('li', { 'data-slug': c.ally.slug }, nodeLink(c.ally), h('small', {}, ` ${c.weight} contexte${c.weight > 1 ? 's' : ''} : ${c.via.map(nameOf).join(', ')}`)),
      );
    }
    out.push(h('h3', {}, `Collaborateurs (${conn.totalCount})`), conn.totalCount ? list : h('p', {}, 'Aucune collaboration connue.'));
    out.push(
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', class: 'secondary', onclick: () => ((byId<HTMLInputElement>('path-from').value = n.name), void 0) }, 'Chemin depuis'),
        h('button', { type: 'button', class: 'secondary', onclick: () => ((byId<HTMLInputElement>('path-to').value = n.name), void 0) }, 'Chemin vers'),
      ),
    );
  } else if (network.graph.hasNode(n.id)) {
    const neighbours = network.graph.neighbors(n.id).map((k) => ({ id: k, name: network.graph.getNodeAttribute(k, 'label') as string }));
    neighbours.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    out.push(
      h('h3', {}, `Liés dans la sélection (${neighbours.length})`),
      h('ul', {}, neighbours.slice(0, 50).map((x) => h('li', {}, nodeLink(x)))),
    );
  }
  return out;
}

// ——— path ———

let allySlugs = new Map<string, string>();

async function slugFor(input: string): Promise<string | null> {
  const text = input.trim();
  if (!text) return null;
  const known = allySlugs.get(text);
  if (known) return known;
  const { search } = await gql<{ search: { node: Details }[] }>(SEARCH_QUERY, { text, types: ['ALLY'], first: 1 });
  return search[0]?.node.slug ?? text;
}

async function findPath(): Promise<void> {
  const result = byId('path-result');
  result.dataset.state = 'loading';
  result.textContent = 'Recherche…';
  try {
    const [from, to] = await Promise.all([slugFor(byId<HTMLInputElement>('path-from').value), slugFor(byId<HTMLInputElement>('path-to').value)]);
    if (!from || !to) throw new Error('indiquez deux alliés');
    const { collaborationPath: path } = await gql<{ collaborationPath: { hops: number; steps: Details[] } | null }>(PATH_QUERY, { from, to });
    if (!path) {
      network.clearPath();
      result.dataset.state = 'none';
      result.dataset.hops = '';
      result.textContent = 'Aucune chaîne de collaborations de 6 étapes au plus entre ces deux alliés.';
      return;
    }
    // The chain as the view draws it: ally, shared context, ally… (allies only in the collaboration projection).
    const chain: string[] = [];
    path.steps.forEach((s, i) => {
      if (i > 0 && state.projection === 'BIPARTITE') {
        const prev = path.steps[i - 1].ally.id;
        const ctx = (s.via as Details[]).find((v) => v.id !== prev && v.id !== s.ally.id);
        if (ctx) chain.push(ctx.id);
      }
      chain.push(s.ally.id);
    });
    network.select(null);
    const shown = network.showPath(chain);
    result.dataset.state = 'found';
    result.dataset.hops = String(path.hops);
    result.replaceChildren(
      h('p', {}, `${path.hops} collaboration${path.hops > 1 ? 's' : ''}` + (shown < chain.length ? ` (${chain.length - shown} étape(s) hors de la vue)` : '')),
      h(
        'ol',
        {},
        path.steps.map((s, i) =>
          h('li', {}, nodeLink(s.ally), i > 0 && s.via.length ? h('small', {}, ` via ${s.via.map(nameOf).join(', ')}`) : null),
        ),
      ),
    );
  } catch (err) {
    result.dataset.state = 'error';
    result.textContent = `Chemin indisponible : ${(err as Error).message}`;
  }
}

// ——— map ———

let mapRequest = 0;
let outlineLoaded: Promise<void> | null = null;

/**
 * The allies of the selection that have a place, from the GeoJSON export (the same feed MapLibre or
 * uMap would load, with the same parameters): each ally at its own location, else at its seat's
 * centre; the others are counted in the feed's metadata.
 */
async function allyPoints(f: Filters): Promise<{ points: AllyPoint[]; omitted: number }> {
  const q = filtersToQuery(f);
  const res = await fetch(`/export/allies.geojson${q ? `?${q}` : ''}`, { headers: { accept: 'application/geo+json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string }; errors?: { message: string }[]; message?: string } | null;
    throw new Error(body?.errors?.[0]?.message ?? body?.error?.message ?? body?.message ?? `HTTP ${res.status}`);
  }
  const fc = (await res.json()) as { features: AllyPoint[]; metadata?: { omitted?: number } };
  const points = fc.features.filter((x) => x.geometry?.type === 'Point');
  return { points, omitted: Number(fc.metadata?.omitted ?? res.headers.get('x-archipel-omitted') ?? 0) };
}

async function loadMap(): Promise<void> {
  const mine = ++mapRequest;
  state.mapStale = false;
  mapCanvas.dataset.state = 'loading';
  const note = byId('map-note');
  note.textContent = 'Chargement des points…';
  try {
    outlineLoaded ??= map.loadOutline(document.body.dataset.outline ?? '');
    const [{ points, omitted }] = await Promise.all([allyPoints(state.filters), outlineLoaded]);
    if (mine !== mapRequest) return;
    map.show(points);
    mapCanvas.dataset.points = String(points.length);
    mapCanvas.dataset.omitted = String(omitted);
    mapCanvas.dataset.state = 'ready';
    note.textContent =
      `${points.length} allié${points.length > 1 ? 's' : ''} sur la carte` +
      (omitted ? ` ; ${omitted} sans lieu connu (ni localisation ni siège)` : '') +
      ' — fond : Natural Earth 1:50m, hors ligne.';
  } catch (err) {
    if (mine !== mapRequest) return;
    outlineLoaded = null;
    mapCanvas.dataset.state = 'error';
    note.textContent = `Carte indisponible : ${(err as Error).message}`;
  }
}

// ——— views, search, boot ———

function showView(view: View): void {
  state.view = view;
  writeAddress();
  byId('tab-network').setAttribute('aria-selected', String(view === 'network'));
  byId('tab-map').setAttribute('aria-selected', String(view === 'map'));
  networkEl.hidden = view !== 'network';
  statusEl.hidden = view !== 'network'; // the map has its own line
  byId('map-view').hidden = view !== 'map';
  renderLegend();
  if (view === 'network') network.resize();
  else if (state.mapStale) void loadMap();
  else map.resize();
}

function wireSearch(): void {
  const input = byId<HTMLInputElement>('search');
  const results = byId('search-results');
  const run = debounce(async () => {
    const text = input.value.trim();
    if (!text) return void (results.hidden = true);
    try {
      const { search } = await gql<{ search: { node: Details }[] }>(SEARCH_QUERY, { text, first: 10 });
      if (input.value.trim() !== text) return;
      results.replaceChildren(
        ...(search.length
          ? search.map(({ node: n }) =>
              h(
                'li',
                {},
                h('a', { href: '#', 'data-id': n.id, onclick: (e: Event) => (e.preventDefault(), (results.hidden = true), void selectNode(n.id, true)) }, nameOf(n)),
                h('small', {}, ` ${TYPE_NAMES[n.__typename] ?? n.__typename}${network.graph.hasNode(n.id) ? '' : ' · hors de la vue'}`),
              ),
            )
          : [h('li', {}, 'Aucun résultat.')]),
      );
      results.hidden = false;
    } catch (err) {
      results.replaceChildren(h('li', { class: 'error' }, (err as Error).message));
      results.hidden = false;
    }
  }, 200);
  input.addEventListener('input', run);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') results.hidden = true;
  });
  document.addEventListener('click', (e) => {
    if (!(e.target as HTMLElement).closest('.search')) results.hidden = true;
  });
}

function wireTerritory(): void {
  const options = byId('territory-options');
  const suggest = debounce(async () => {
    const text = territoryEl.value.trim();
    if (text.length < 2 || /^[a-z]+:/.test(text)) return;
    try {
      const { search } = await gql<{ search: { node: Details }[] }>(SEARCH_QUERY, { text, types: ['TERRITORY'], first: 8 });
      options.replaceChildren(...search.map(({ node: t }) => h('option', { value: t.ref }, `${t.name} (${String(t.level).toLowerCase()})`)));
    } catch {
      /* suggestions only: the filter still takes a typed ref */
    }
  }, 200);
  territoryEl.addEventListener('input', suggest);
}

async function boot(): Promise<void> {
  writeFilters(state.filters);
  byId<HTMLSelectElement>('projection').value = state.projection;
  byId<HTMLSelectElement>('colour-by').value = state.colourBy;
  byId<HTMLSelectElement>('max-nodes').replaceChildren(...NODE_CAPS.map((n) => h('option', { value: String(n) }, `${n} nœuds au plus`)));
  byId<HTMLSelectElement>('max-nodes').value = String(state.maxNodes);
  renderExports();
  showView(state.view);
  void loadNetwork();

  byId('filters').addEventListener('change', (e) => {
    const t = e.target as HTMLElement;
    if (t.id === 'projection') {
      state.projection = (t as HTMLSelectElement).value as Projection;
      writeAddress();
      return void loadNetwork();
    }
    if (t.id === 'max-nodes') {
      state.maxNodes = Number((t as HTMLSelectElement).value);
      writeAddress();
      return void loadNetwork();
    }
    if (t.id === 'colour-by') {
      state.colourBy = (t as HTMLSelectElement).value as ColourBy;
      writeAddress();
      network.setColourBy(state.colourBy);
      return renderLegend();
    }
    filtersChanged();
  });
  byId('filters').addEventListener('submit', (e) => e.preventDefault());
  byId('reset').addEventListener('click', () => {
    writeFilters(NO_FILTERS);
    filtersChanged();
  });
  byId('path-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void findPath();
  });
  byId('path-clear').addEventListener('click', () => {
    network.clearPath();
    byId('path-result').replaceChildren();
  });
  byId('tab-network').addEventListener('click', () => showView('network'));
  byId('tab-map').addEventListener('click', () => showView('map'));
  // The views' area changes with the window and when the details panel opens or closes.
  new ResizeObserver(debounce(() => (state.view === 'map' ? map.resize() : network.resize()), 100)).observe(byId('views'));
  wireSearch();
  wireTerritory();

  try {
    const boot = await gql<{ themes: { edges: { node: { slug: string; name: string; parent: { slug: string } | null } }[] }; charterObjectives: { code: string; title: string }[] }>(BOOT_QUERY);
    const themes = boot.themes.edges.map((e) => e.node);
    themesEl.replaceChildren(
      ...themes.map((t) =>
        h('label', { class: t.parent ? 'sub' : '' }, h('input', { type: 'checkbox', name: 'theme', value: t.slug, checked: state.filters.themes.includes(t.slug) }), t.name),
      ),
    );
    if (!themes.length) themesEl.textContent = 'Aucun thème.';
    objectiveEl.append(...boot.charterObjectives.map((o) => h('option', { value: o.code }, `${o.code}. ${o.title}`)));
    objectiveEl.value = state.filters.objective ?? '';
  } catch (err) {
    themesEl.textContent = `Thèmes indisponibles : ${(err as Error).message}`;
  }
}

void boot();
