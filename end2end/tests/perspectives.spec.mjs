// The perspectives view (issue 15 §3): both sides of the argument with evidence and sources, concept cards,
// and glossary terms that open by tap and by keyboard, never by hover.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { entries, field } from '../support/data.mjs';
import { useBrowserAndServer } from '../support/suite.mjs';
import { DESKTOP, PHONE, axeViolations, horizontalOverflow, openPage, visit } from '../support/browser.mjs';

const perspectives = entries('perspective');
const concepts = entries('term').filter((t) => /^concept = true/m.test(t.block));
const terms = entries('term');
const env = useBrowserAndServer('/school/reverse-wave/');

describe('perspectives view', () => {
  it('sets out every perspective, in order, with its stance, evidence links and sources', async () => {
    assert.ok(perspectives.length >= 5);
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=perspectives');
    const ids = await page.locator('section.perspective').evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(ids, perspectives.map((p) => `perspective-${p.id}`));
    for (const p of perspectives) {
      const section = page.locator(`#perspective-${p.id}`);
      assert.equal(await section.locator('h2').innerText(), field(p, 'title'));
      assert.equal(await section.locator('.stance').count(), 1);
      assert.ok(await section.locator('.claim__sources a').count() >= 1, `${p.id} cites a source`);
    }
    const stances = await page.locator('section.perspective .stance').allInnerTexts();
    assert.ok(stances.some((s) => /Supports/.test(s)) && stances.filter((s) => /Challenges/.test(s)).length >= 3);
    assert.equal(await page.locator('.concept').count(), concepts.length);
    assert.equal(await page.locator('.glossary-list dt').count(), terms.length);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('an evidence link opens the event or chart in place', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, '?view=perspectives');
    const link = page.locator('.perspective__evidence a[href*="view=timeline"]').first();
    await link.click();
    await page.waitForURL(/view=timeline&.*event=/);
    assert.equal(await page.getAttribute('main', 'data-view'), 'timeline');
    await page.waitForSelector('.event-detail');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a glossary term opens its definition by tap and by keyboard, and closes again', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, hasTouch: true });
    await visit(page, env.server, '?view=perspectives');
    const term = page.locator('section.perspective button.term').first();
    assert.equal(await term.getAttribute('aria-expanded'), 'false');
    const defId = await term.getAttribute('aria-controls');
    assert.equal(await page.locator(`#${defId}`).isVisible(), false);
    await term.tap();
    assert.equal(await term.getAttribute('aria-expanded'), 'true');
    assert.ok(await page.locator(`#${defId}`).isVisible());
    assert.ok((await page.locator(`#${defId}`).innerText()).length > 20, 'the definition is shown');
    await page.locator(`#${defId} .term-def__close`).tap();
    assert.equal(await page.locator(`#${defId}`).isVisible(), false);
    await term.focus();
    await page.keyboard.press('Enter');
    assert.ok(await page.locator(`#${defId}`).isVisible(), 'Enter opens it');
    await page.keyboard.press(' ');
    assert.equal(await page.locator(`#${defId}`).isVisible(), false, 'Space closes it');
    // Hovering shows nothing: the information never depends on a mouse.
    await term.hover();
    assert.equal(await page.locator(`#${defId}`).isVisible(), false);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a deep link to a perspective scrolls to it', async () => {
    const target = perspectives[2].id;
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await page.goto(`${env.server.base}?view=perspectives#perspective-${target}`);
    await page.waitForFunction((id) => document.activeElement?.id === `perspective-${id}`, target);
    assert.ok(await page.locator(`#perspective-${target}`).isVisible());
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`is axe-clean with a definition open, and fits 320 px (${colorScheme})`, async () => {
      const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 320, height: 700 }, colorScheme });
      await visit(page, env.server, '?view=perspectives');
      await page.locator('section.perspective button.term').first().click();
      assert.equal(await horizontalOverflow(page), 0);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
