// Lighthouse for `cargo xtask bench` (issue 8): the mobile preset (Lighthouse's default config: a mid-range
// phone, simulated slow 4G and a 4x slower CPU) on home, timeline, compare and quiz, with the system Chromium.
// Lighthouse is an optional npm dependency: `cargo xtask bench` installs it, the test path (`npm ci
// --omit=optional`) does not, and without it the benchmark notes the omission and carries on.
//
// Every run is a first visit (Lighthouse clears storage and the service worker before each one), served with
// brotli and the caching headers of a typical static host, because the simulation works from the bytes actually
// transferred. Runs go
// round-robin over the views, after one uncounted warm-up (a fresh Chromium's first page load, and the server's
// first compression of each file, are slower than any reader's); each figure is the median of its runs, as
// Lighthouse recommends for its own variability.
import { serve } from './server.mjs';

export const LIGHTHOUSE_VIEWS = [
  { view: 'home', query: '' },
  { view: 'timeline', query: '?view=timeline' },
  { view: 'compare', query: '?view=compare' },
  { view: 'quiz', query: '?view=quiz' },
];

const CATEGORIES = { performance: 'performance', accessibility: 'accessibility', bestPractices: 'best-practices', seo: 'seo' };
// Lighthouse's own result groups that are not advice: the metrics themselves, and audits it hides.
const NOT_ADVICE = new Set(['metrics', 'hidden']);
const UNSCORED = new Set(['informative', 'notApplicable', 'manual', 'error']);

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};

/**
 * The audits that cost points, in one Lighthouse result: any scored accessibility, best-practices or SEO audit
 * below 1 (including weight-0 ones, which do not move the score but are still findings), and the performance
 * audits below 1 that are advice (opportunities and diagnostics), not the metrics themselves.
 */
function failedAudits(lhr) {
  const failed = [];
  for (const [key, id] of Object.entries(CATEGORIES)) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score == null || audit.score >= 1 || UNSCORED.has(audit.scoreDisplayMode)) continue;
      if (key === 'performance' && NOT_ADVICE.has(ref.group)) continue;
      failed.push(ref.id);
    }
  }
  return failed;
}

/** The figures the benchmark keeps from one Lighthouse result. */
function summary(lhr) {
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const metric = (id, places = 0) => {
    const n = lhr.audits[id]?.numericValue;
    return n == null ? null : Math.round(n * 10 ** places) / 10 ** places;
  };
  return {
    ...Object.fromEntries(Object.entries(CATEGORIES).map(([key, id]) => [key, score(id)])),
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift', 4),
    fcpMs: metric('first-contentful-paint'),
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    failedAudits: failedAudits(lhr),
    error: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
  };
}

/**
 * Runs Lighthouse `runs` times on each view. Resolves to { lighthouseVersion, preset, runs, seconds, benchmarkIndex,
 * views: [{ view, url, performance, accessibility, bestPractices, seo, lcpMs, tbtMs, cls, fcpMs, failedAudits,
 * runs: [...] }] }, or to { skipped: reason } when the lighthouse package is not installed. benchmarkIndex is
 * Lighthouse's measure of this machine's speed (median of the runs): TBT scales with it, and it drops while
 * anything else runs on the machine.
 */
export async function runLighthouse({ runs = 3, prefix = '/bench/', chromePath = process.env.CHROMIUM || '/usr/bin/chromium', log = console.log } = {}) {
  let lighthouse, launch;
  try {
    ({ default: lighthouse } = await import('lighthouse'));
    // A dependency of lighthouse (npm installs it beside it); it starts the given binary and never downloads one.
    ({ launch } = await import('chrome-launcher'));
  } catch (e) {
    if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    return { skipped: 'Lighthouse not run: the optional npm package `lighthouse` is not installed in end2end/ (`cargo xtask bench` installs it; the test path leaves it out). Run `npm ci` in end2end/ to add it.' };
  }
  const { version: lighthouseVersion } = (await import('lighthouse/package.json', { with: { type: 'json' } })).default;
  const started = Date.now();
  const server = await serve({ prefix, asHost: true });
  const chrome = await launch({
    chromePath,
    // chrome-launcher's defaults (no extensions, sync, first-run UI...) plus what a container needs.
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const byView = new Map(LIGHTHOUSE_VIEWS.map(({ view }) => [view, []]));
  try {
    const once = async ({ query }) => {
      const result = await lighthouse(server.base + query, {
        port: chrome.port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: Object.values(CATEGORIES),
      });
      return summary(result.lhr);
    };
    await once(LIGHTHOUSE_VIEWS[0]);
    for (let i = 0; i < runs; i++) {
      for (const target of LIGHTHOUSE_VIEWS) {
        const run = await once(target);
        byView.get(target.view).push(run);
        log(`lighthouse ${target.view} run ${i + 1}/${runs}: performance ${run.performance}, accessibility ${run.accessibility}, best practices ${run.bestPractices}, SEO ${run.seo}; LCP ${Math.round(run.lcpMs)} ms, TBT ${Math.round(run.tbtMs)} ms, CLS ${run.cls?.toFixed(3)}${run.error ? ` (${run.error})` : ''}`);
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }

  const views = LIGHTHOUSE_VIEWS.map(({ view, query }) => {
    const all = byView.get(view);
    const ok = all.filter((r) => !r.error);
    const pick = (key) => median(ok.map((r) => r[key]));
    // An audit counts as failing when it fails in most of the runs.
    const counts = new Map();
    for (const id of ok.flatMap((r) => r.failedAudits)) counts.set(id, (counts.get(id) ?? 0) + 1);
    return {
      view,
      url: `./${query}`,
      performance: pick('performance'),
      accessibility: pick('accessibility'),
      bestPractices: pick('bestPractices'),
      seo: pick('seo'),
      lcpMs: pick('lcpMs'),
      tbtMs: pick('tbtMs'),
      cls: pick('cls'),
      fcpMs: pick('fcpMs'),
      failedAudits: [...counts].filter(([, n]) => n * 2 > ok.length).map(([id]) => id),
      runs: all.map(({ failedAudits: _, ...figures }) => figures),
    };
  });
  return {
    lighthouseVersion,
    preset: 'mobile (default config, simulated throttling)',
    runs,
    seconds: Math.round((Date.now() - started) / 1000),
    benchmarkIndex: median([...byView.values()].flat().map((r) => r.benchmarkIndex)),
    views,
  };
}
