// The Sources view against the dataset files it is compiled from.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowserAndServer } from '../support/suite.mjs';
import { DESKTOP, PHONE, axeViolations, horizontalOverflow, openPage, visit } from '../support/browser.mjs';

const data = (name) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');
const count = (text, re) => (text.match(re) ?? []).length;
const sourceIds = [...data('sources.toml').matchAll(/^\[\[source\]\]\s*\nid = "([^"]+)"/gm)].map((m) => m[1]);
const claimCount = count(data('facts.toml'), /^claim = /gm);
const correctedCount = count(data('facts.toml'), /^article_said = /gm);

const env = useBrowserAndServer('/school/reverse-wave/');

describe('sources view', () => {
  it('lists every source in the dataset, grouped by kind, each with a stable anchor', async () => {
    assert.ok(sourceIds.length >= 10, `parsed ${sourceIds.length} source ids from data/sources.toml`);
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=sources');
    const anchors = await page.locator('li.source').evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual([...anchors].sort(), sourceIds.map((id) => `source-${id}`).sort());
    assert.equal(await page.locator('.source-group h3').count(), 3, 'article, primary, secondary');
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
