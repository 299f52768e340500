// Shared browser set-up for the specs: system Chromium via playwright-core, pages that fail the test on any
// console error, page error or request that leaves the app's origin, plus axe-core and layout helpers.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The views in the main navigation. */
export const NAV_VIEWS = ['home', 'timeline', 'compare', 'quiz', 'perspectives', 'sources'];
/** Every view: the navigation's, the teacher pack, the worksheet and the class results (reached from Home, the footer and the quiz). */
export const VIEWS = [...NAV_VIEWS, 'teach', 'worksheet', 'tally'];
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}

/**
 * A fresh context + page whose `problems` array collects console errors, uncaught errors and any request to
 * another origin (which is also blocked). Tests assert `problems` is empty at the end.
 */
export async function openPage(browser, server, { viewport = PHONE, colorScheme = 'light', reducedMotion = 'no-preference', hasTouch = false, deviceScaleFactor = 1, initScript, allowOrigins = [], serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, reducedMotion, hasTouch, isMobile: hasTouch, deviceScaleFactor, acceptDownloads: true, serviceWorkers });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const allowed = [server.origin, ...allowOrigins].some((o) => url.startsWith(o + '/'));
    if (allowed || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`request left the origin: ${url}`);
    return route.abort();
  });
  return { context, page, problems };
}

/** Opens `query` (e.g. "?view=quiz") under the server's base and waits until the app has started. */
export async function visit(page, server, query = '') {
  await page.goto(server.base + query);
  await page.waitForSelector('html[data-app-started] main h1');
  // The parts of a long view below its first screen come in the task after its first paint
  // (src/components/deferred.rs).
  await page.waitForFunction(() => !document.querySelector('main [data-pending]'));
}

/**
 * axe-core violations on the page. Two adjustments keep axe's geometry honest: the page is scrolled to the
 * top, and `content-visibility: auto` sections are laid out, because axe reads positions of content the
 * browser has skipped (off-screen eras) as overlapping whatever is on screen and reports false "obscured"
 * targets. Everything axe checks is what a reader sees once they scroll there.
 */
export async function axeViolations(page) {
  await page.evaluate(async () => {
    // Through the CSSOM, not an added <style>: the release build's CSP (style-src 'self') blocks inline styles.
    for (const el of document.querySelectorAll('*')) {
      if (getComputedStyle(el).contentVisibility === 'auto') el.style.setProperty('content-visibility', 'visible', 'important');
    }
    window.scrollTo({ top: 0, behavior: 'instant' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    window.scrollTo({ top: 0, behavior: 'instant' });
  });
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
