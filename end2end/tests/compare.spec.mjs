// The Compare view: canvases drawn crisp and non-blank, tables with the dataset's numbers, downloads,
// keyboard reading of values, deep links and accessibility.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { entries } from '../support/data.mjs';
import { useBrowserAndServer } from '../support/suite.mjs';
import { DESKTOP, PHONE, axeViolations, horizontalOverflow, openPage, visit } from '../support/browser.mjs';

const chartIds = entries('comparison').map((c) => c.id);
const env = useBrowserAndServer('/maps/reverse-wave/');

/** Per canvas: CSS size, backing-store size and how many pixels differ from the top-left (background) pixel. */
const canvasStats = (page) => page.locator('canvas.chart__canvas').evaluateAll((canvases) => canvases.map((c) => {
  const r = c.getBoundingClientRect();
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 0; i < data.length; i += 16) {
    if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 30) ink++;
  }
  return { cssW: r.width, cssH: r.height, w: c.width, h: c.height, ink };
}));

async function waitForCharts(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('canvas.chart__canvas')].every((c) => c.width > 0));
}

describe('compare', () => {
  for (const dpr of [1, 2]) {
    it(`draws every comparison, non-blank, with a backing store of CSS size x DPR (DPR ${dpr})`, async () => {
      const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP, deviceScaleFactor: dpr });
      await visit(page, env.server, '?view=compare');
      await waitForCharts(page);
      const stats = await canvasStats(page);
      assert.equal(stats.length, chartIds.length, 'one canvas per comparison');
      for (const s of stats) {
        assert.ok(s.ink > 200, `canvas has drawing on it: ${JSON.stringify(s)}`);
        assert.equal(s.w, Math.round(s.cssW * dpr), `width ${JSON.stringify(s)}`);
        assert.equal(s.h, Math.round(s.cssH * dpr), `height ${JSON.stringify(s)}`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('redraws to fit when the window narrows, without sideways scrolling', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=compare');
    await waitForCharts(page);
    const wide = (await canvasStats(page))[0];
    await page.setViewportSize({ width: 320, height: 700 });
    await page.waitForFunction((w) => document.querySelector('canvas.chart__canvas').width < w, wide.w);
    const narrow = (await canvasStats(page))[0];
    assert.ok(narrow.cssW < 300 && narrow.ink > 200, JSON.stringify(narrow));
    assert.equal(await horizontalOverflow(page), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('redraws in the dark palette when the theme switches', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, '?view=compare');
    await waitForCharts(page);
    const corner = () => page.locator('canvas.chart__canvas').first().evaluate((c) => [...c.getContext('2d').getImageData(1, 1, 1, 1).data].slice(0, 3));
    const light = await corner();
    await page.click('.theme-toggle');
    await page.waitForFunction((l) => {
      const d = document.querySelector('canvas.chart__canvas').getContext('2d').getImageData(1, 1, 1, 1).data;
      return d[0] !== l[0] || d[1] !== l[1] || d[2] !== l[2];
    }, light);
    const dark = await corner();
    assert.ok(dark[0] + dark[1] + dark[2] < light[0] + light[1] + light[2], `background darkened: ${light} -> ${dark}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('switches between values and their change, in percentage points for shares', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, '?view=compare');
    await waitForCharts(page);
    const card = page.locator('#chart-english-share-of-hits');
    await card.getByRole('button', { name: 'Change' }).click();
    assert.ok(await card.locator('.chart-card__article').isHidden(), 'no article mark, so no note about it');
    await card.locator('canvas').focus();
    await page.keyboard.press('End');
    assert.equal(await card.locator('.chart__readout').innerText(), 'Change, 2017 → 2021 · Local-language: -22 percentage points');
    await card.getByRole('button', { name: 'Values' }).click();
    assert.ok(await card.locator('.chart-card__article').isVisible());
    await card.locator('canvas').focus();
    await page.keyboard.press('End');
    assert.equal(await card.locator('.chart__readout').innerText(), '2021 · Local-language: 30%');
    assert.equal(await page.locator('#chart-duolingo-korean-surge').getByRole('button', { name: 'Change' }).count(), 0, 'no change view for a single series');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows the same numbers as a table', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, '?view=compare&chart=english-share-of-hits');
    const card = page.locator('#chart-english-share-of-hits');
    await card.getByRole('button', { name: 'Table' }).click();
    const rows = await card.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepEqual(rows, [['English-language', '92%', '90%'], ['Spanish-language', '25%', '14%'], ['Local-language', '52%', '30%']]);
    assert.ok(await card.locator('canvas').isHidden(), 'the chart hides while the table shows');
    assert.match(await card.locator('.chart-card__article').innerText(), /31%.*30%/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows ranges as ranges and the article\'s unsourced figure as a marked claim, never as data', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, '?view=compare&chart=china-vpn-estimates');
    const card = page.locator('#chart-china-vpn-estimates');
    await card.getByRole('button', { name: 'Table' }).click();
    const cells = await card.locator('table tbody td').allInnerTexts();
    assert.deepEqual(cells, ['2.4–3.6', '3–30']);
    assert.match(await card.locator('.chart-card__article').innerText(), /8\b/);
    assert.equal(await card.getByRole('button', { name: 'Change' }).count(), 0, 'a range has no single change');
    assert.match(await card.locator('.stance').innerText(), /Context/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('leaves nothing behind: 30 visits to Compare keep DOM nodes, listeners and the heap flat', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    const cdp = await context.newCDPSession(page);
    await visit(page, env.server, '');
    // DevTools' object query (Runtime.queryObjects), which this test once used to count functions and canvases,
    // crashes Chromium 156's renderer since the app links parts of its WebAssembly at run time (a heap walk,
    // never done by a page). The DOM counters see what a leaked view keeps: its nodes, detached ones included,
    // and their listeners.
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
      return { nodes, listeners: jsEventListeners, heap: (await cdp.send('Runtime.getHeapUsage')).usedSize };
    };
    // Locators, not waitForSelector: an element handle the test kept would itself hold a whole view alive.
    const round = async (n) => {
      for (let i = 0; i < n; i++) {
        await page.locator('.site-nav__link', { hasText: 'Compare' }).click();
        await page.locator('main[data-view="compare"] canvas').first().waitFor();
        await page.waitForTimeout(100); // the charts observe their size and draw
        await page.locator('.site-nav__link', { hasText: 'Home' }).click();
        await page.locator('main[data-view="home"]').waitFor();
      }
    };
    await round(3);
    const before = await measure();
    await round(30);
    const after = await measure();
    // One leaked Compare view is about 700 nodes; a leaked chart keeps its canvas and its listeners.
    assert.ok(after.nodes - before.nodes <= 100, `DOM nodes ${before.nodes} → ${after.nodes}`);
    assert.ok(after.listeners - before.listeners <= 5, `listeners ${before.listeners} → ${after.listeners}`);
    assert.ok(after.heap - before.heap < 1024 * 1024, `JS heap ${before.heap} → ${after.heap}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('reads values by keyboard and by tapping', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, hasTouch: true });
    await visit(page, env.server, '?view=compare');
    await waitForCharts(page);
    const card = page.locator('#chart-english-share-of-hits');
    await card.locator('canvas').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await card.locator('.chart__readout').innerText(), '2017 · English-language: 92%');
    await page.keyboard.press('ArrowRight');
    assert.equal(await card.locator('.chart__readout').innerText(), '2017 · Spanish-language: 25%');
    await page.keyboard.press('End');
    assert.equal(await card.locator('.chart__readout').innerText(), '2021 · Local-language: 30%');
    const duo = page.locator('#chart-duolingo-korean-surge canvas');
    await duo.scrollIntoViewIfNeeded();
    const box = await duo.boundingBox();
    // The UK bar is the left one of two: tap the middle of the left half, a little above the baseline.
    await page.touchscreen.tap(box.x + box.width * 0.3, box.y + box.height * 0.7);
    assert.match(await page.locator('#chart-duolingo-korean-surge .chart__readout').innerText(), /UK: 76/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('downloads a PNG and a CSV made in the browser', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=compare');
    await waitForCharts(page);
    const card = page.locator('#chart-english-share-of-hits');
    const [csv] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download CSV' }).click()]);
    assert.equal(csv.suggestedFilename(), 'english-share-of-hits.csv');
    const text = readFileSync(await csv.path(), 'utf8');
    assert.equal(text.split('\n')[0], 'Category,2017 (%),2021 (%)');
    assert.match(text, /^Local-language,52,30$/m);
    const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download PNG' }).click()]);
    assert.equal(png.suggestedFilename(), 'english-share-of-hits.png');
    const bytes = readFileSync(await png.path());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
    assert.equal(bytes.readUInt32BE(16), 1440, 'drawn at 2x (720 CSS px wide)');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('focuses a deep-linked chart and greets an unknown one gently', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, '?view=compare&chart=hallyu-fans');
    await page.waitForFunction(() => document.activeElement?.id === 'chart-hallyu-fans');
    assert.ok(await page.locator('#chart-hallyu-fans').evaluate((e) => e.classList.contains('is-focused')));
    await visit(page, env.server, '?view=compare&chart=no-such-chart');
    assert.ok(await page.locator('.notice').isVisible());
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`is axe-clean at phone size (${colorScheme})`, async () => {
      const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, colorScheme });
      await visit(page, env.server, '?view=compare');
      await waitForCharts(page);
      assert.equal(await horizontalOverflow(page), 0);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
