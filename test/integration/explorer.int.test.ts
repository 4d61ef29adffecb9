import type { BrowserContext, Page } from 'playwright-core';
import { startTestApiOn, TestApi } from '../helpers/api';
import { expectData } from '../helpers/expect-data';
import { networkFixture, PRIVATE_PERSON } from '../fixtures/network-fixture';
import type { Bundle } from '../../src/modules/bundle/bundle.types';
import { build as buildExplorer } from '../../scripts/build-explorer';
import { launchChromium } from '../../scripts/chromium';

/**
 * GET /explorer in a real browser (issue #12 item 4): Debian's Chromium, headless, driven by
 * playwright-core (scripts/chromium.js), one browser for the whole file, against the real API on the
 * network fixture (test/fixtures/network-fixture.ts). Every expected value is asked of the API
 * itself, so the page is checked against what GraphQL answers, not against numbers copied here.
 */

/** The network fixture, plus an ally with its own location and one with no place at all. */
function explorerFixture(): Bundle {
  const b = networkFixture();
  const allies = b.allies!;
  allies.find((a) => a.slug === 'b4')!.location = { latitude: 48.3904, longitude: -4.4861 }; // Brest: its own point, not its seat's centre
  allies.push({ slug: 'nomade', name: 'Nomade Sans Siège', kind: 'ORGANIZATION', organizationType: 'ASSOCIATION', themes: [{ theme: 'energie', role: 'MEMBER' }] });
  return b;
}

/** The bound of each step (a page load, a filter, a click…): generous, for a loaded machine; the whole file stays bounded. */
const STEP_MS = 120_000;

describe('the explorer page in Chromium', () => {
  let api: TestApi;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let page: Page;
  /** What the page reported that a user would see as broken: script errors, CSP refusals, failed API calls. */
  const problems: string[] = [];

  /* eslint-disable @typescript-eslint/no-explicit-any -- callbacks run in the browser reach its globals through `globalThis as any` (this file is compiled without the DOM lib) */
  type Data = Record<string, any>;
  const ok = async (query: string, variables?: Record<string, unknown>): Promise<Data> => expectData<Data>(await api.gql<Data>(query, variables));
  const networkOf = async (filter: Data | null) =>
    (await ok('query($f: NetworkFilter) { network(filter: $f, maxNodes: 2000) { nodes { id label type attributes } edges { id } } }', { f: filter })).network;

  beforeAll(async () => {
    await buildExplorer();
    api = await startTestApiOn(explorerFixture());
    browser = await launchChromium();
    page = await browser.context.newPage();
    // A shared 2-core machine may be very busy: waits are bounded by the test's own timeout (STEP_MS), not playwright's 30 s.
    page.setDefaultTimeout(STEP_MS - 10_000);
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('serves the page with its own scripts only: a strict CSP, hashed assets, no inline script', async () => {
    const res = await api.get('/explorer');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts).toEqual([expect.stringMatching(/ src="\/explorer\/assets\/explorer\.js\?v=[\w-]{16}"/)]);
    const js = await api.get(html.match(/\/explorer\/assets\/explorer\.js\?v=[\w-]+/)![0]);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await js.text()).length).toBeGreaterThan(10_000);
    expect((await api.get('/explorer/assets/nothing.js')).status).toBe(404);
  }, STEP_MS);

  it('draws the whole network, as many nodes and edges as the API returns', async () => {
    const expected = await networkOf(null);
    expect(expected.nodes.length).toBeGreaterThan(10);
    await page.goto(`${api.url}/explorer`);
    await page.waitForFunction(() => {
      const d = (globalThis as any).document.getElementById('network')!.dataset;
      return d.state === 'ready' && d.layout === 'done';
    });
    expect(await page.getAttribute('#network', 'data-nodes')).toBe(String(expected.nodes.length));
    expect(await page.getAttribute('#network', 'data-edges')).toBe(String(expected.edges.length));
    expect(await page.textContent('#status')).toContain(`${expected.nodes.length} nœuds`);
    expect(await page.evaluate(() => (globalThis as any).document.querySelector('#network canvas')?.width ?? 0)).toBeGreaterThan(0);
  }, STEP_MS);

  it('applies a theme filter: the network of the API for that theme, in the address and in every export link', async () => {
    const expected = await networkOf({ themes: ['energie'] });
    const all = await networkOf(null);
    expect(expected.nodes.length).toBeGreaterThan(0);
    expect(expected.nodes.length).toBeLessThan(all.nodes.length);
    await page.check('#themes input[value="energie"]');
    await page.waitForFunction(
      (n) => {
        const d = (globalThis as any).document.getElementById('network')!.dataset;
        return d.state === 'ready' && d.layout === 'done' && d.nodes === String(n);
      },
      expected.nodes.length,
    );
    expect(await page.getAttribute('#network', 'data-edges')).toBe(String(expected.edges.length));
    expect(new URL(page.url()).search).toBe('?theme=energie');
    const links = await page.$$eval('#exports a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toHaveLength(5);
    for (const href of links) expect(href).toMatch(/[?&]theme=energie(&|$)/);
  }, STEP_MS);

  it('shows a clicked node’s details and its collaborators, as the API lists them', async () => {
    const a1 = (await networkOf({ themes: ['energie'] })).nodes.find((n: Data) => n.attributes.slug === 'a1');
    expect(a1).toBeDefined();
    const { ally } = await ok('{ ally(slug: "a1") { name collaborators(first: 20) { totalCount edges { node { ally { name } } } } } }');
    expect(ally.collaborators.totalCount).toBeGreaterThan(0);
    const at = await page.evaluate((id) => (globalThis as any).archipelExplorer.nodePosition(id), a1.id);
    expect(at).not.toBeNull();
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((id) => {
      const d = (globalThis as any).document.getElementById('details')!.dataset;
      return d.id === id && d.state === 'ready';
    }, a1.id);
    expect(await page.textContent('#details-name')).toBe(ally.name);
    const names = await page.$$eval('#collaborators > li > a', (as) => as.map((a) => a.textContent));
    expect(names).toEqual(ally.collaborators.edges.map((e: Data) => e.node.ally.name));
    expect(await page.textContent('#details')).not.toContain(PRIVATE_PERSON.name);
  }, STEP_MS);

  it('finds a collaboration path between two allies and lights its chain in the view', async () => {
    const { collaborationPath: path } = await ok('{ collaborationPath(from: "a1", to: "b4") { hops steps { ally { id name } via { id } } } }');
    expect(path.hops).toBeGreaterThan(1);
    await page.fill('#path-from', 'Anémone Énergie');
    await page.fill('#path-to', 'Houx Mené');
    await page.click('#path-form button[type=submit]');
    await page.waitForSelector('#path-result[data-state="found"]');
    expect(await page.getAttribute('#path-result', 'data-hops')).toBe(String(path.hops));
    expect(await page.$$eval('#path-result li > a', (as) => as.map((a) => a.textContent))).toEqual(path.steps.map((s: Data) => s.ally.name));
    const lit = await page.evaluate(() => (globalThis as any).archipelExplorer.network.highlightedPath());
    // Every ally of the chain is in the energy view here, so each is lit, with an edge into and out of each context.
    for (const s of path.steps) expect(lit.nodes).toContain(s.ally.id);
    expect(lit.edges.length).toBeGreaterThanOrEqual(path.hops);
  }, STEP_MS);

  it('switches to the map: one point per ally of the selection that has a place, the others counted', async () => {
    // An ally's point is its own location, else its seat's centre (the GeoJSON export's rule, issue #12).
    const allies: Data[] = [];
    let after: string | null = null;
    do {
      const { allies: page_ }: Data = await ok(
        'query($after: String) { allies(filter: { themes: ["energie"] }, first: 100, after: $after) { edges { node { slug name location { latitude } basedIn { center { latitude } } } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      allies.push(...page_.edges.map((e: Data) => e.node));
      after = page_.pageInfo.hasNextPage ? page_.pageInfo.endCursor : null;
    } while (after);
    const placed = allies.filter((a) => a.location ?? a.basedIn?.center);
    expect(placed.length).toBeGreaterThan(1);
    expect(placed.length).toBeLessThan(allies.length); // "nomade" has no place
    // The page draws the GeoJSON feed: it holds those allies, no more.
    const feed = await api.get('/export/allies.geojson?theme=energie');
    expect(feed.status).toBe(200);
    const features = ((await feed.json()) as { features: { properties: { slug: string } }[] }).features;
    expect(features.map((x) => x.properties.slug).sort()).toEqual(placed.map((a) => a.slug).sort());

    await page.click('#tab-map');
    await page.waitForSelector('#map[data-state="ready"]');
    expect(await page.getAttribute('#map', 'data-points')).toBe(String(placed.length));
    expect(await page.getAttribute('#map', 'data-omitted')).toBe(String(allies.length - placed.length));
    expect(new URL(page.url()).searchParams.get('view')).toBe('map');
    // The points are drawn inside the canvas, and a click on one opens that ally's details.
    const box = (await page.locator('#map').boundingBox())!;
    const first = await page.evaluate(() => (globalThis as any).archipelExplorer.pointPosition(0));
    expect(first.x).toBeGreaterThan(box.x);
    expect(first.x).toBeLessThan(box.x + box.width);
    expect(first.y).toBeGreaterThan(box.y);
    expect(first.y).toBeLessThan(box.y + box.height);
    await page.mouse.click(first.x, first.y);
    await page.waitForFunction(() => (globalThis as any).document.getElementById('details').dataset.state === 'ready');
    expect(placed.map((a) => a.name)).toContain(await page.textContent('#details-name'));
  }, STEP_MS);

  it('reported no script error, CSP refusal or failed request along the way', () => {
    expect(problems).toEqual([]);
  });
});
