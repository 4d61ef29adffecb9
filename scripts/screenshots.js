#!/usr/bin/env node
// `npm run screenshots [-- URL]`: opens the explorer of a running Archipel (default
// http://127.0.0.1:4000, e.g. `npm start`) in Debian's Chromium and saves the two images the README
// shows: docs/explorer-network.png (the network, the best-connected ally selected) and
// docs/explorer-map.png (the map of the same selection). The README says on which data they were taken.
'use strict';
const path = require('node:path');
const { launchChromium } = require('./chromium');

const root = path.resolve(__dirname, '..');
const base = (process.argv[2] || 'http://127.0.0.1:4000').replace(/\/$/, '');
const query = process.argv[3] || '';

async function main() {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`${base}/explorer${query ? `?${query}` : ''}`);
    await page.waitForFunction(() => {
      const d = document.getElementById('network').dataset;
      return d.state === 'ready' && d.layout === 'done';
    }, null, { timeout: 120000 });
    // Select the ally with the most collaborators in view, so the details panel shows in the image.
    const best = await page.evaluate(() => {
      const g = window.archipelExplorer.network.graph;
      let top = null;
      g.forEachNode((id, a) => {
        if (a.gqlType === 'Ally' && (!top || a.degree > top.degree)) top = { id, degree: a.degree };
      });
      return top && window.archipelExplorer.nodePosition(top.id);
    });
    if (best) {
      await page.mouse.click(best.x, best.y);
      await page.waitForSelector('#details[data-state="ready"]');
    }
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(root, 'docs', 'explorer-network.png') });
    await page.click('#tab-map');
    await page.waitForSelector('#map[data-state="ready"]', { timeout: 120000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(root, 'docs', 'explorer-map.png') });
    console.log(`docs/explorer-network.png: ${await page.getAttribute('#network', 'data-nodes')} nodes; docs/explorer-map.png: ${await page.getAttribute('#map', 'data-points')} points`);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`screenshots: ${err.message}`);
  process.exit(1);
});
