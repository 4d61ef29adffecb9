// Debian's Chromium (/usr/bin/chromium), headless, driven by playwright-core: the explorer's browser
// test (test/integration/explorer.int.test.ts) and `npm run screenshots` start it the same way.
// playwright-core downloads no browser; the flags keep Chromium off this machine's closed network
// (no background connections, no QUIC, no updates, no sync) and give WebGL (sigma.js) a software
// renderer (SwiftShader) since there is no GPU.
'use strict';
const { mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** A browser context in a fresh profile directory; close() closes it and removes the profile. */
async function launchChromium() {
  const { chromium } = require('playwright-core');
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'archipel-chromium-'));
  // launchPersistentContext is how playwright passes --user-data-dir (a plain launch uses its own).
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 860 },
    locale: 'fr-FR',
    timeout: 60000,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

module.exports = { launchChromium, CHROMIUM, FLAGS };
