// Time to usable on a throttled phone (issue 17), for `cargo xtask bench`: cold loads of every view on the
// profile the issue fixes (Slow 4G: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; the CPU slowed 4x;
// empty cache; a server that gzips), against a reference page measured in the same run: one Chart.js chart,
// Chart.js from npm (pinned in package.json), served by the same kind of server.
//
// "Usable" is the first frame after the app has started and mounted the view (the loading panel is gone and the
// view's heading is in the DOM); for the reference, the first frame after the chart is drawn. Both are read from
// the page's own clock, from the start of navigation.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { PHONE, VIEWS } from './browser.mjs';

export const PROFILE = { latencyMs: 150, downKbit: 1600, upKbit: 750, cpuSlowdown: 4 };

/** In the page, before any of its scripts: record the first frame at which the app is usable. */
function watchForUsable() {
  const done = () => document.documentElement.hasAttribute('data-app-started') && document.querySelector('main h1');
  const observer = new MutationObserver(() => {
    if (!done()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__usable = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

async function coldLoad(browser, url, { app }) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  if (app) await context.addInitScript(watchForUsable);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latencyMs,
    downloadThroughput: (PROFILE.downKbit * 1000) / 8,
    uploadThroughput: (PROFILE.upKbit * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
  let transferred = 0;
  cdp.on('Network.loadingFinished', (e) => { transferred += e.encodedDataLength; });
  await page.goto(url);
  try {
    await page.waitForFunction(() => window.__usable !== undefined, null, { timeout: 60_000, polling: 100 });
  } catch (e) {
    throw new Error(`${url} never became usable: ${e.message}`);
  }
  const ms = await page.evaluate(() => window.__usable);
  // A view whose part could not be loaded also has a heading (and a "Try again" button): that is not usable.
  const failed = await page.locator('main [role="alert"]').count();
  await context.close();
  if (failed) throw new Error(`${url} showed an error instead of its view`);
  return { ms, transferred };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/**
 * `runs` cold loads of the reference and of every view, round-robin (so a slow moment of the machine spreads over
 * all of them). Resolves to { profile, runs, referenceLibrary, reference: { ms, bytes }, views: [{ view, ms, bytes,
 * ratio }] }.
 */
export async function measureUsable(browser, { runs = 3 } = {}) {
  const chartJs = new URL('../node_modules/chart.js/', import.meta.url);
  const { version } = JSON.parse(readFileSync(new URL('package.json', chartJs), 'utf8'));
  const referenceDir = mkdtempSync(join(tmpdir(), 'rw-reference-'));
  cpSync(fileURLToPath(new URL('../reference/', import.meta.url)), referenceDir, { recursive: true });
  cpSync(fileURLToPath(new URL('dist/chart.umd.min.js', chartJs)), join(referenceDir, 'chart.umd.min.js'));
  const app = await serve({ prefix: '/bench/', asHost: true, gzipOnly: true });
  const reference = await serve({ root: referenceDir, prefix: '/reference/', asHost: true, gzipOnly: true });
  const targets = [
    { view: 'reference', url: reference.base, app: false },
    ...VIEWS.map((view) => ({ view, url: app.base + (view === 'home' ? '' : `?view=${view}`), app: true })),
  ];
  const results = new Map(targets.map((t) => [t.view, []]));
  try {
    // One uncounted load of each: the server's first compression of a file is slower than any real host.
    for (const t of targets) await coldLoad(browser, t.url, t);
    for (let i = 0; i < runs; i++) for (const t of targets) results.get(t.view).push(await coldLoad(browser, t.url, t));
  } finally {
    await app.close();
    await reference.close();
    rmSync(referenceDir, { recursive: true, force: true });
  }
  const summary = (view) => ({ ms: median(results.get(view).map((r) => r.ms)), bytes: median(results.get(view).map((r) => r.transferred)) });
  const ref = summary('reference');
  return {
    profile: PROFILE,
    runs,
    referenceLibrary: `Chart.js ${version}`,
    reference: ref,
    views: VIEWS.map((view) => ({ view, ...summary(view), ratio: summary(view).ms / ref.ms })),
  };
}
