// The Sources view against the dataset files it is compiled from.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { entries, field } from '../support/data.mjs';
import { useBrowserAndServer } from '../support/suite.mjs';
import { DESKTOP, PHONE, axeViolations, horizontalOverflow, openPage, visit } from '../support/browser.mjs';

const sources = entries('source');
const sourceIds = sources.map((s) => s.id);
const facts = entries('fact');
const claimCount = facts.filter((f) => /^claim = /m.test(f.block)).length;
const correctedCount = facts.filter((f) => /^article_said = /m.test(f.block)).length;
const kinds = new Set(sources.filter((s) => !/^seed = true/m.test(s.block)).map((s) => field(s, 'kind')));
const corrections = entries('correction');

const env = useBrowserAndServer('/school/reverse-wave/');

describe('sources view', () => {
  it('lists every source in the dataset, grouped by kind, each with a stable anchor', async () => {
    assert.ok(sourceIds.length >= 10, `parsed ${sourceIds.length} source ids from data/sources.toml`);
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=sources');
    const anchors = await page.locator('li.source').evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual([...anchors].sort(), sourceIds.map((id) => `source-${id}`).sort());
    assert.equal(await page.locator('.source-group h3').count(), 1 + kinds.size, 'the seed article, then one group per kind');
    // Every source says what kind it is; interested parties are labelled as such.
    assert.equal(await page.locator('li.source .source-kind').count(), sourceIds.length);
    const interested = sources.filter((s) => field(s, 'kind') === 'interested').length;
    assert.ok(interested > 0);
    assert.equal(await page.locator('li.source .source-kind--interested').count(), interested);
    assert.match(await page.locator('li.source .source-kind--interested').first().innerText(), /Interested party/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows every claim of the article with its verdict, and both values where it was wrong', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=sources');
    assert.equal(await page.locator('.claim').count(), claimCount);
    assert.equal(await page.locator('.claim .verdict').count(), claimCount, 'each claim has a verdict badge');
    assert.equal(await page.locator('.claim__value--old').count(), correctedCount);
    const gangnam = page.locator('.claim', { hasText: 'Gangnam' }).first();
    assert.match(await gangnam.locator('.claim__value--old').innerText(), /2018/);
    assert.match(await gangnam.locator('.claim__value--new').innerText(), /2012/);
    assert.match(await page.locator('.claims-summary').innerText(), new RegExp(`checked ${claimCount} claims`));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('lists the corrections to this app, with what it said and what is right', async () => {
    assert.ok(corrections.length >= 3, `${corrections.length} corrections in the data`);
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=sources');
    assert.equal(await page.locator('.app-correction').count(), corrections.length);
    const text = await page.locator('.corrections').innerText();
    assert.match(text, /El Último Tour del Mundo/, 'the Billboard 200 correction names the real first');
    assert.match(text, /588/, 'the Spider-Man 3 print count');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a deep link to a source scrolls to it and focuses it; claim source links jump there', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await page.goto(`${env.server.base}?view=sources#source-economist-spotify-2022`);
    await page.waitForFunction(() => document.activeElement?.id === 'source-economist-spotify-2022');
    assert.ok(await page.locator('#source-economist-spotify-2022').isVisible());
    await visit(page, env.server, '?view=sources');
    await page.locator('.claim__sources a').first().click();
    const target = await page.evaluate(() => location.hash);
    assert.match(target, /^#source-/);
    assert.equal(await page.getAttribute('main', 'data-view'), 'sources', 'still on the sources view');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`is axe-clean and fits 320 px (${colorScheme})`, async () => {
      const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 320, height: 700 }, colorScheme });
      await visit(page, env.server, '?view=sources');
      await page.locator('details.source__uses').first().evaluate((d) => { d.open = true; });
      assert.equal(await horizontalOverflow(page), 0);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
