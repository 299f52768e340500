// Reverse Wave benchmark (`cargo xtask bench`): bytes of the release build, interaction timings in headless
// Chromium and Lighthouse's mobile scores, checked against the budgets in the issues. Writes bench/report.json and
// bench/report.md. Timings are medians of repeated runs on this machine; they are reported, not asserted by the
// test suite. BENCH_RUNS and BENCH_LIGHTHOUSE_RUNS (0 skips Lighthouse) set the repeats; BENCH_DIST measures
// another build folder than dist/.
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { serve, DIST } from './support/server.mjs';
import { DESKTOP, PHONE, launch, openPage, visit } from './support/browser.mjs';
import { answerCurrent, currentKind, next, startQuiz } from './support/quiz.mjs';
import { runLighthouse } from './support/lighthouse.mjs';
import { measureUsable } from './support/usable.mjs';
import { BYTE_BUDGETS, KB, measureFiles, measureParts, totals as byteTotals } from './support/bytes.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 31);
// Cold loads per view on the throttled phone profile (issue 17); each takes a few seconds. 0 skips them.
const USABLE_RUNS = Number(process.env.BENCH_USABLE_RUNS ?? 3);
// Each Lighthouse run takes about 10 s here; three per view keep that part near two minutes.
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
// Uncounted first runs, so WebAssembly tiers up from the baseline compiler as it would in a lesson.
const WARMUP = 5;
const out = new URL('../bench/', import.meta.url);
mkdirSync(out, { recursive: true });

// --- bytes -----------------------------------------------------------------------------------------
const files = measureFiles(DIST);
const totals = byteTotals(DIST, files);
const parts = measureParts(DIST);

// --- where the WASM bytes go (twiggy) ----------------------------------------------------------------
// Measured on the module rustc wrote (before wasm-bindgen and wasm-opt), which still has function names; the
// shipped file is smaller, but the shares per crate are what tell us what to cut.
function crateCosts() {
  const module = new URL('../target/wasm32-unknown-unknown/release/reverse-wave.wasm', import.meta.url).pathname;
  let csv;
  try {
    csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', module], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    return { error: `twiggy unavailable (${e.code ?? e.message}); run cargo xtask bench, which installs it` };
  }
  const costs = new Map();
  // Features whose cost an issue caps, by the modules that are theirs alone.
  const features = [{ name: 'class results: results code, tally view, QR code (issue 21)', issue: 21,
    pattern: /reverse_wave::(logic::(results_code|tally|qr)|views::tally|components::(qr_code|quiz::results_code_panel))::/, bytes: 0 }];
  for (const line of csv.split('\n').slice(1)) {
    const m = line.match(/^(.*),(\d+),[\d.]+,[^,]*,[^,]*$/);
    if (!m) continue;
    const [, rawName, bytes] = m;
    const name = rawName.replace(/^"|"$/g, '');
    if (/^custom section|subsection|^export |^import /.test(name)) continue;
    const owner = name.startsWith('data segment') ? '(data: text, dataset, tables)'
      : (name.match(/([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/) ?? [, '(other)'])[1];
    costs.set(owner, (costs.get(owner) ?? 0) + Number(bytes));
    for (const f of features) if (f.pattern.test(name)) f.bytes += Number(bytes);
  }
  const total = [...costs.values()].reduce((a, b) => a + b, 0);
  return { total, features: features.map(({ name, issue, bytes }) => ({ name, issue, bytes })), top: [...costs].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([crate, bytes]) => ({ crate, bytes, share: bytes / total })) };
}
const crates = crateCosts();

/**
 * Issue 21's feature after the split: its functions' bytes (before wasm-opt, by name, as above) in the main
 * module and in what each part downloads (its own module and the chunks it shares). From the split step's own
 * files (target/reverse-wave-split/release), where the split tool's link module says which parts need each chunk.
 */
function featureByPart() {
  const dir = new URL('../target/reverse-wave-split/release/', import.meta.url).pathname;
  const pattern = /reverse_wave::(logic::(results_code|tally|qr)|views::tally|components::(qr_code|quiz::results_code_panel))::/;
  const bytesIn = (file) => {
    const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', dir + file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    let n = 0;
    for (const line of csv.split('\n').slice(1)) {
      const m = line.match(/^(.*),(\d+),[\d.]+,[^,]*,[^,]*$/);
      if (m && pattern.test(m[1])) n += Number(m[2]);
    }
    return n;
  };
  try {
    const link = readFileSync(dir + '__wasm_split.js', 'utf8');
    const users = {};
    for (const m of link.matchAll(/\/\* ([a-z_, ]+) \*\/\nconst __chunk_\d+ = makeLoad\([^]*?"\.\/(chunk_\d+)\.wasm"/g)) users[m[2]] = m[1].split(', ');
    const main = bytesIn('main.wasm');
    const byPart = {};
    for (const part of new Set(Object.values(users).flat())) {
      const chunks = Object.keys(users).filter((c) => users[c].includes(part));
      byPart[part] = [`split_${part}`, ...chunks].reduce((n, f) => n + bytesIn(`${f}.wasm`), 0);
    }
    return { main, byPart };
  } catch (e) {
    return { error: String(e.message ?? e) };
  }
}
const classResults = featureByPart();

// --- timings ---------------------------------------------------------------------------------------
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await launch();
const server = await serve({ prefix: '/bench/' });
const { context, page } = await openPage(browser, server, { viewport: DESKTOP });

/**
 * In the page: clicks `target` and measures until `ready` is in the DOM, until style and layout are done, and
 * until the next frame. Layout is forced right away, so `layout` is the whole render cost without waiting for
 * vsync. (Asking for the last row's box instead would force layout of content the browser skips.)
 */
function clickAndTime([target, ready]) {
  return (async () => {
    const t0 = performance.now();
    document.querySelector(target).click();
    // A run that waited for a part measures the network, not the rendering.
    if (document.querySelector('main .notice[role="status"]')) throw new Error(`${target}: its part was not linked in yet`);
    const dom = await new Promise((resolve) => {
      const check = () => document.querySelector(ready) && resolve(performance.now() - t0);
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
      check();
    });
    void document.body.offsetHeight;
    const layout = performance.now() - t0;
    const frame = await new Promise((r) => requestAnimationFrame(() => r(performance.now() - t0)));
    return { dom, layout, frame };
  })();
}

/**
 * Clicks a nav link and measures until `ready` holds in the DOM, and until the frame after it. The pointer rests
 * on the link first, as a reader's does: that fetches and links the view's part (src/views/parts.rs, `prepare`),
 * which the other parts only get 3 s after start-up; a second is ample on this local server, and a run that
 * still finds the part missing fails (`clickAndTime`).
 */
async function timeSwitch(fromQuery, linkSelector, readySelector) {
  await visit(page, server, fromQuery);
  await page.hover(linkSelector);
  await page.waitForTimeout(1000);
  return page.evaluate(clickAndTime, [linkSelector, readySelector]);
}

const timeline = [];
const viewSwitch = [];
for (let i = 0; i < WARMUP + RUNS; i++) {
  const t = await timeSwitch('', 'nav a[href*="view=timeline"]', '.event-list li:last-child .event-row');
  const v = await timeSwitch('?view=timeline', 'nav a[href*="view=sources"]', '.source-list');
  if (i >= WARMUP) {
    timeline.push(t);
    viewSwitch.push(v);
  }
}
await context.close();

// Chart redraw at 1280 px and DPR 2: select the next value by keyboard, which repaints that one chart.
const dpr2 = await openPage(browser, server, { viewport: DESKTOP, deviceScaleFactor: 2 });
await visit(dpr2.page, server, '?view=compare');
await dpr2.page.waitForFunction(() => [...document.querySelectorAll('canvas.chart__canvas')].every((c) => c.width > 0));
await dpr2.page.locator('canvas.chart__canvas').first().focus();
const redraw = [];
for (let i = 0; i < WARMUP + RUNS; i++) {
  const t = await dpr2.page.evaluate(async () => {
    const canvas = document.querySelector('canvas.chart__canvas');
    performance.clearMarks('reverse-wave:chart-drawn');
    const t0 = performance.now();
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    // The app marks the moment a redraw's pixels are on the canvas.
    const drawn = await new Promise((resolve) => {
      const poll = () => {
        const [mark] = performance.getEntriesByName('reverse-wave:chart-drawn');
        if (mark) resolve(mark.startTime - t0); else setTimeout(poll, 0);
      };
      poll();
    });
    // Reading a pixel makes the browser finish rasterising the queued drawing commands.
    canvas.getContext('2d').getImageData(0, 0, 1, 1);
    return { dom: drawn, layout: performance.now() - t0, frame: 0 };
  });
  if (i >= WARMUP) redraw.push(t);
}
await dpr2.context.close();

// Quiz: answer → feedback painted, on a phone, for every tap-to-answer question of a full quiz; then the
// memory a whole quiz leaves behind (JS heap via the DevTools protocol, WASM linear memory from the instance
// the loader announces).
const phone = await openPage(browser, server, {
  viewport: PHONE,
  hasTouch: true,
  initScript: () => addEventListener('reverse-wave:started', (e) => { window.__wasmMemory = e.detail?.wasm?.memory; }),
});
await visit(phone.page, server, '?view=quiz&seed=2026&len=all');
await startQuiz(phone.page);
const feedback = [];
let answered = 0;
while (!(await phone.page.locator('.quiz-results').count())) {
  if ((await currentKind(phone.page)) === 'choice') {
    const t = await phone.page.evaluate(clickAndTime, ['.quiz-option', '#quiz-feedback']);
    if (answered++ >= WARMUP) feedback.push(t);
  } else {
    await answerCurrent(phone.page);
  }
  await next(phone.page);
}
const cdp = await phone.context.newCDPSession(phone.page);
await cdp.send('HeapProfiler.collectGarbage');
await cdp.send('Performance.enable');
const { metrics } = await cdp.send('Performance.getMetrics');
const jsHeapBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
const wasmMemoryBytes = await phone.page.evaluate(() => window.__wasmMemory?.buffer?.byteLength ?? null);
await phone.context.close();
await server.close();

// --- time to usable on a throttled phone, against a one-chart reference page (issue 17) -----------------------
let usable;
try {
  usable = USABLE_RUNS > 0 ? await measureUsable(browser, { runs: USABLE_RUNS }) : { skipped: 'Not measured (BENCH_USABLE_RUNS=0).' };
} catch (e) {
  // Chart.js is an optional dependency, like Lighthouse: without it there is no reference page to compare with.
  usable = { skipped: `Not measured: ${e.message.split('\n')[0]}` };
}
await browser.close();

const summarise = (runs) => ({
  dom: median(runs.map((t) => t.dom)),
  layout: median(runs.map((t) => t.layout)),
  frame: median(runs.map((t) => t.frame)),
  runs: runs.length,
});
const timings = {
  timelineRenderMs: summarise(timeline),
  viewSwitchMs: summarise(viewSwitch),
  chartRedrawMs: summarise(redraw),
  quizFeedbackMs: summarise(feedback),
};
const memory = { jsHeapBytes, wasmMemoryBytes, afterQuestions: answered };

// --- Lighthouse (mobile preset), after the timings so that neither disturbs the other ---------------------
const lighthouse = LIGHTHOUSE_RUNS > 0
  ? await runLighthouse({ runs: LIGHTHOUSE_RUNS })
  : { skipped: 'Lighthouse not run (BENCH_LIGHTHOUSE_RUNS=0).' };
if (lighthouse.skipped) console.log(lighthouse.skipped);
// Issue 8 sets these for every view: each budget shows the view that does worst.
const worstView = (key, lowest) => lighthouse.views.reduce((w, v) => ((lowest ? v[key] < w[key] : v[key] > w[key]) ? v : w));
const lighthouseBudgets = lighthouse.skipped ? [] : [
  ...[['performance', 'performance', 98], ['accessibility', 'accessibility', 100], ['best practices', 'bestPractices', 100], ['SEO', 'seo', 100]]
    .map(([label, key, limit]) => {
      const worst = worstView(key, true);
      return { name: `Lighthouse mobile ${label}, every view (lowest: ${worst.view})`, value: worst[key], limit, unit: 'score', atLeast: true, issue: 8 };
    }),
  (({ view, cls }) => ({ name: `Lighthouse CLS, every view (highest: ${view})`, value: cls == null ? null : Math.round(cls * 1000) / 1000, limit: 0, unit: 'cls', issue: 8 }))(worstView('cls', false)),
  (({ view, lcpMs }) => ({ name: `Lighthouse LCP (simulated), every view (highest: ${view})`, value: lcpMs, limit: 1500, unit: 'ms', issue: 8 }))(worstView('lcpMs', false)),
];

// --- budgets ---------------------------------------------------------------------------------------
const budgets = [
  ...Object.entries(BYTE_BUDGETS).map(([key, b]) => ({ name: b.name, value: totals[key], limit: b.issue, unit: 'bytes', issue: 17 })),
  { name: 'timeline render (click to DOM built and laid out)', value: timings.timelineRenderMs.layout, limit: 16, unit: 'ms', issue: 4 },
  { name: 'chart redraw, 1280 px at DPR 2 (key to pixels rasterised)', value: timings.chartRedrawMs.layout, limit: 8, unit: 'ms', issue: 5 },
  { name: 'quiz answer → feedback rendered and laid out (360 px)', value: timings.quizFeedbackMs.layout, limit: 16, unit: 'ms', issue: 6 },
  ...(wasmMemoryBytes == null ? [] : [{ name: 'JS heap + WASM memory after a full quiz', value: jsHeapBytes + wasmMemoryBytes, limit: 16 * KB * KB, unit: 'bytes', issue: 8 }]),
  ...lighthouseBudgets,
  ...(usable.skipped ? [] : [
    (({ view, ms }) => ({ name: `time to usable, throttled phone, every view (slowest: ${view})`, value: ms, limit: 1900, unit: 'ms', issue: 17 }))(usable.views.reduce((w, v) => (v.ms > w.ms ? v : w))),
    (({ view, ratio }) => ({ name: `time to usable ÷ one-chart reference page, every view (highest: ${view})`, value: ratio, limit: 1.5, unit: 'ratio', issue: 17 }))(usable.views.reduce((w, v) => (v.ratio > w.ratio ? v : w))),
  ]),
].map((b) => ({ ...b, pass: b.value != null && (b.atLeast ? b.value >= b.limit : b.value <= b.limit) }));

const { views: lighthouseViews = [], ...lighthouseRun } = lighthouse;
const report = { date: new Date().toISOString(), chromium: process.env.CHROMIUM || '/usr/bin/chromium', files, totals, parts, classResults, timings, memory, crates, usable, lighthouse: lighthouseViews, lighthouseRun, budgets };
writeFileSync(new URL('report.json', out), JSON.stringify(report, null, 2) + '\n');

const kb = (n) => (n / KB).toFixed(1);
const shown = (n, unit) => (n == null ? 'n/a' : unit === 'bytes' ? `${kb(n)} KB` : unit === 'ms' ? `${n.toFixed(1)} ms` : unit === 'cls' ? n.toFixed(3) : unit === 'ratio' ? `${n.toFixed(2)}×` : String(n));
const limitShown = (b) => (b.unit === 'bytes' ? `${kb(b.limit)} KB` : b.unit === 'ms' ? `${b.limit} ms` : b.unit === 'ratio' ? `${b.limit}×` : `${b.atLeast ? '≥ ' : ''}${b.limit}`);
const md = [
  '# Reverse Wave benchmark', '', `Run ${report.date} in headless Chromium; timings are medians of ${RUNS} runs.`, '',
  '## Budgets', '', '| budget | value | limit | result |', '| --- | --- | --- | --- |',
  ...budgets.map((b) => `| ${b.name} (issue ${b.issue}) | ${shown(b.value, b.unit)} | ${limitShown(b)} | ${b.pass ? 'PASS' : 'FAIL'} |`),
  '', '## Files', '', '| file | raw KB | gzip KB | brotli KB |', '| --- | --- | --- | --- |',
  ...files.map((f) => `| ${f.name} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`),
  `| **total** | ${kb(totals.raw)} | ${kb(totals.gzip)} | ${kb(totals.brotli)} |`,
  '', '## Parts that load later', '',
  'What opening a view outside the main module adds (src/views/parts.rs): its part and the chunks it shares with other parts, in `parts/`, and the same files as one bundle (one request: what a first visit to the view fetches). Chunks are shared, so these do not add up.', '',
  '| part | files | gzip KB | bundle gzip KB |', '| --- | --- | --- | --- |',
  ...parts.map((p) => `| ${p.part} | ${p.files} | ${kb(p.gzip)} | ${p.bundleGzip === null ? '–' : kb(p.bundleGzip)} |`),
  '', '## Timings (ms)', '',
  'From the click to: the DOM complete; style and layout done (forced); the start of the next frame (includes waiting for vsync).', '',
  '| interaction | DOM ready | laid out | next frame |', '| --- | --- | --- | --- |',
  ...[['home → timeline, every event rendered', timings.timelineRenderMs], ['timeline → sources (view switch)', timings.viewSwitchMs], ['quiz answer → feedback (360 px, touch)', timings.quizFeedbackMs]]
    .map(([name, t]) => `| ${name} | ${t.dom.toFixed(1)} | ${t.layout.toFixed(1)} | ${t.frame.toFixed(1)} |`),
  `| chart redraw at DPR 2 (arrow key to drawing done / pixels rasterised) | ${timings.chartRedrawMs.dom.toFixed(1)} | ${timings.chartRedrawMs.layout.toFixed(1)} | – |`, '',
  '## What the WASM is made of (twiggy, before wasm-opt)', '',
  ...(crates.error ? [crates.error] : ['| crate | KB | share |', '| --- | --- | --- |',
    ...crates.top.map((c) => `| ${c.crate} | ${kb(c.bytes)} | ${(c.share * 100).toFixed(1)} % |`), '',
    'Features, by the functions that are theirs alone (names as rustc wrote them; shared code such as Leptos views is not counted, so this undercounts: a feature\'s true gzip cost is the same build measured with and without it, as recorded in end2end/support/bytes.mjs):', '',
    ...crates.features.map((f) => `- ${f.name}: ${kb(f.bytes)} KB before wasm-opt`),
    ...(classResults.error ? [`- class results after the split: ${classResults.error}`] : [
      `- class results after the split (issue 21), same measure: ${kb(classResults.main)} KB in the main module every reader downloads; ${Object.entries(classResults.byPart).map(([p, b]) => `${kb(b)} KB in the ${p} part`).join(', ')}`])]), '',
  '## Time to usable on a throttled phone (issue 17)', '',
  ...(usable.skipped ? [usable.skipped, ''] : [
    `Cold loads at 360×740 with Chromium's throttling: ${usable.profile.latencyMs} ms round trip, ${usable.profile.downKbit / 1000} Mbit/s down, ${usable.profile.upKbit} kbit/s up, CPU ${usable.profile.cpuSlowdown}× slower, empty cache, no service worker, every file gzipped by the bench's server. Usable: the first frame after the view is mounted and the loading panel gone (the reference: after its chart is drawn), from the start of navigation. Medians of ${usable.runs} loads, taken round-robin. The reference is one ${usable.referenceLibrary} bar chart: ${shown(usable.reference.ms, 'ms')}, ${kb(usable.reference.bytes)} KB transferred.`, '',
    '| view | usable | ÷ reference | transferred |', '| --- | --- | --- | --- |',
    ...usable.views.map((v) => `| ${v.view} | ${shown(v.ms, 'ms')} | ${v.ratio.toFixed(2)}× | ${kb(v.bytes)} KB |`), '',
  ]),
  'Each of issue 17\'s levers, measured on its own (bytes and time before and after, and those not kept): `bench/levers.md`.', '',
  '## Memory after a full quiz', '',
  `JS heap used ${jsHeapBytes == null ? 'n/a' : kb(jsHeapBytes) + ' KB'}; WASM linear memory ${wasmMemoryBytes == null ? 'n/a' : kb(wasmMemoryBytes) + ' KB'} (after a full quiz of every question; ${answered} of them timed).`, '',
  '## Lighthouse (mobile)', '',
  ...(lighthouse.skipped ? [lighthouse.skipped, ''] : [
    `Lighthouse ${lighthouse.lighthouseVersion}, ${lighthouse.preset}, system Chromium, a first visit served with brotli as a static host serves it; medians of ${lighthouse.runs} runs per view (${lighthouse.seconds} s in all). Lighthouse rated this machine's speed ${lighthouse.benchmarkIndex} (its benchmark index; lower while other work runs, which inflates TBT). Failing audits are those below full marks in most runs: accessibility, best practices and SEO audits, and performance advice.`, '',
    '| view | performance | accessibility | best practices | SEO | LCP | TBT | CLS | failing audits |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...lighthouse.views.map((v) => `| ${v.view} (\`${v.url}\`) | ${shown(v.performance)} | ${shown(v.accessibility)} | ${shown(v.bestPractices)} | ${shown(v.seo)} | ${v.lcpMs ?? 'n/a'} ms | ${v.tbtMs ?? 'n/a'} ms | ${shown(v.cls, 'cls')} | ${v.failedAudits.join(', ') || '–'} |`), '',
  ]),
].join('\n');
writeFileSync(new URL('report.md', out), md);
console.log(md);
