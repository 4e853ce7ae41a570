// What the browser tests share: Debian's Chromium driven by playwright-core, the page's transfer size counted by the
// browser itself (resource timing), the axe-core scan, screenshots, and the figures each test records.
// The server is started by the Java side (PagesE2EIT), which passes its address and accounts in the environment.

import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const BASE = required('MYCITY_BASE_URL');
const OUT = process.env.MYCITY_E2E_OUT ?? 'e2e-out';
const CHROMIUM = process.env.MYCITY_CHROMIUM ?? '/usr/bin/chromium';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: these tests run from PagesE2EIT, which starts the platform.`);
  }
  return value;
}

export function account(role) {
  return { username: required(`MYCITY_${role.toUpperCase()}_USER`), password: required(`MYCITY_${role.toUpperCase()}_PASSWORD`) };
}

/** A headless Chromium on loopback, with software WebGL so that maps draw. */
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page in a fresh context (empty cache), with the errors it reports collected in problems. */
export async function open(browser, { viewport = PHONE, offline = false, ...options } = {}) {
  const context = await browser.newContext({ viewport, baseURL: BASE, locale: 'en-GB', ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Asking who is logged in answers 401 before anyone has: the login form follows, as it should.
    const expected = /401/.test(m.text()) && m.location().url?.endsWith('/api/v1/session');
    if (m.type() === 'error' && !expected) {
      problems.push(`console: ${m.text()} (${m.location().url})`);
    }
  });
  if (offline) {
    await context.setOffline(true);
  }
  return { context, page, problems };
}

/** The WCAG 2.2 A and AA rules of axe-core, in the page; answers the serious and critical violations. */
export async function axe(page) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the browser's debugging protocol: the pages' Content-Security-Policy refuses inline scripts.
  await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    resultTypes: ['violations'],
  }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

/** Saves a screenshot of the whole page under the output folder's screenshots/. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  const folder = join(OUT, 'screenshots');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage });
}

/** Records a figure (e.g. a page's transfer size) in figures.json of the output folder. */
export function record(name, value) {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, 'figures.json');
  const figures = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  figures[name] = value;
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}

/**
 * What the page transferred (compressed, headers included, as the browser's resource timing counts it) until its
 * list was usable (the page's "mycity:list-usable" mark), and in all so far.
 */
export async function transferred(page) {
  await page.waitForFunction(() => performance.getEntriesByName('mycity:list-usable').length > 0, null, { timeout: 60_000 });
  return page.evaluate(() => {
    const usable = performance.getEntriesByName('mycity:list-usable')[0].startTime;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const size = (list) => list.reduce((n, e) => n + (e.transferSize || 0), 0);
    return {
      beforeList: size(entries.filter((e) => e.responseEnd <= usable)),
      total: size(entries),
      requestsBeforeList: entries.filter((e) => e.responseEnd <= usable).length,
    };
  });
}
