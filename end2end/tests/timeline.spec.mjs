// The timeline view: filters in the URL, deep links, keyboard path, layout and accessibility.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { entries, field } from '../support/data.mjs';
import { useBrowserAndServer } from '../support/suite.mjs';
import { DESKTOP, PHONE, axeViolations, horizontalOverflow, openPage, visit } from '../support/browser.mjs';

const events = entries('event').map((e) => ({
  id: e.id,
  title: field(e, 'title'),
  theme: field(e, 'theme'),
  region: field(e, 'region'),
  stance: field(e, 'stance'),
  year: Number(field(e, 'date').slice(0, 4)),
}));
const env = useBrowserAndServer('/history/reverse-wave/');
const rows = (page) => page.locator('.event-row');
const countText = (page) => page.locator('.filter-count').innerText();

describe('timeline', () => {
  it('shows every event of the dataset, in date order, grouped by era', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=timeline');
    assert.equal(await rows(page).count(), events.length);
    assert.equal(await countText(page), `${events.length} events shown`);
    assert.ok(await page.locator('.era__title').count() >= 2, 'era headings');
    assert.equal(await page.locator('.axis__marker').count(), events.length, 'one marker per event on the axis');
    const yearOf = Object.fromEntries(events.map((e) => [e.id, e.year]));
    const marks = (await page.locator('.axis__marker').evaluateAll((els) => els.map((e) => [e.dataset.event, parseFloat(e.style.left)])))
      .map(([id, left]) => [yearOf[id], left]);
    marks.sort((a, b) => a[1] - b[1]);
    assert.ok(marks.every(([year], i) => i === 0 || year >= marks[i - 1][0]), 'a later year is always further right');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('theme and region filters change the count and the URL, and survive a reload', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, '?view=timeline');
    await page.click('.filter-chip.theme--music');
    await page.waitForURL(/themes=music/);
    const music = events.filter((e) => e.theme === 'music');
    assert.equal(await rows(page).count(), music.length);
    assert.equal(await countText(page), `${music.length} events shown`);
    await page.click('.filter-chip.theme--film-tv');
    await page.waitForURL(/themes=music,film-tv/);
    const both = events.filter((e) => ['music', 'film-tv'].includes(e.theme));
    assert.equal(await rows(page).count(), both.length);
    await page.selectOption('.filter-region select', 'korea');
    await page.waitForURL(/region=korea/);
    const korean = both.filter((e) => e.region === 'korea');
    assert.equal(await rows(page).count(), korean.length);
    await page.reload();
    await page.waitForSelector('html[data-app-started] main h1');
    assert.equal(await rows(page).count(), korean.length, 'filters survive a reload');
    assert.equal(await page.getAttribute('.filter-chip.theme--music', 'aria-pressed'), 'true');
    assert.equal(await page.locator('.filter-region select').inputValue(), 'korea');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    assert.equal(await rows(page).count(), events.length);
    await page.waitForURL((url) => !url.search.includes('themes='));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the stance filter shows one side of the argument, labels each event, and is kept in the URL', async () => {
    const challenging = events.filter((e) => e.stance === 'challenges');
    assert.ok(challenging.length >= 5 && challenging.length < events.length);
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, '?view=timeline');
    await page.selectOption('.filter-stance select', 'challenges');
    await page.waitForURL(/stance=challenges/);
    assert.equal(await rows(page).count(), challenging.length);
    assert.equal(await countText(page), `${challenging.length} events shown`);
    // A linked, filtered timeline opens the same way, and an opened event shows its stance.
    await visit(page, env.server, `?view=timeline&stance=challenges&event=${challenging[0].id}`);
    assert.equal(await rows(page).count(), challenging.length);
    assert.match(await page.locator('.event-detail .stance').innerText(), /Challenges the claim/);
    // An unknown stance is ignored, as every unknown URL value is.
    await visit(page, env.server, '?view=timeline&stance=against');
    assert.equal(await rows(page).count(), events.length);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('says so when nothing matches, and offers to clear the filters', async () => {
    const regions = [...new Set(events.map((e) => e.region))];
    const themes = [...new Set(events.map((e) => e.theme))];
    const pair = themes.flatMap((t) => regions.map((r) => [t, r])).find(([t, r]) => !events.some((e) => e.theme === t && e.region === r));
    assert.ok(pair, 'some theme/region pair has no events');
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, `?view=timeline&themes=${pair[0]}&region=${pair[1]}`);
    assert.equal(await rows(page).count(), 0);
    assert.equal(await countText(page), '0 events shown');
    await page.locator('.empty button').click();
    assert.equal(await rows(page).count(), events.length);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('opens a deep-linked event with its details, and greets an unknown id gently', async () => {
    const target = events[Math.floor(events.length / 2)];
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, `?view=timeline&event=${target.id}`);
    const detail = page.locator('.event-detail');
    await detail.waitFor();
    assert.equal(await detail.count(), 1);
    const heading = await detail.locator('h3').textContent();
    assert.ok(heading.startsWith(target.title), `${heading} starts with ${target.title}`);
    await page.waitForFunction(() => document.activeElement?.classList.contains('event-detail'));
    assert.ok(await detail.locator('.event-detail__sources a').count() >= 1, 'sources listed');
    const expanded = () => page.locator('.event-row[aria-expanded="true"]').evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(await expanded(), [`event-${target.id}`], 'only the open row is expanded');
    // Filtering rebuilds the rows; the open one stays marked.
    await page.click(`.filter-chip.theme--${target.theme}`);
    await page.waitForURL(new RegExp(`themes=${target.theme}`));
    await page.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-expanded') === 'true', `event-${target.id}`);
    assert.deepEqual(await expanded(), [`event-${target.id}`]);
    await visit(page, env.server, '?view=timeline&event=no-such-event');
    assert.ok(await page.locator('.notice').isVisible());
    assert.equal(await rows(page).count(), events.length);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a deep link to a late event, or a click on its axis marker, comes to rest with its row on screen', async () => {
    // Eras far down the list are laid out only near the viewport, so a long scroll is aimed with placeholder
    // heights; the app corrects it once scrolling stops.
    const late = events.at(-3);
    // On screen and not under the sticky navigation bar: the row itself is what is under its middle.
    const rowOnScreen = (id) => page.waitForFunction((id) => {
      const row = document.getElementById(`event-${id}`);
      const r = row?.getBoundingClientRect();
      return r && row.contains(document.elementFromPoint(r.left + 8, r.top + r.height / 2));
    }, id, { timeout: 5000 });
    let page;
    for (const viewport of [PHONE, DESKTOP]) {
      const opened = await openPage(env.browser, env.server, { viewport });
      page = opened.page;
      await visit(page, env.server, `?view=timeline&event=${late.id}`);
      await page.waitForTimeout(1500); // the smooth scroll and the correction after it
      await rowOnScreen(late.id);
      if (viewport === DESKTOP) {
        const early = events[1];
        await page.evaluate(() => scrollTo(0, 0));
        await page.locator(`.axis__marker[data-event="${early.id}"]`).click();
        await page.waitForTimeout(1500);
        await rowOnScreen(early.id);
      }
      assert.deepEqual(opened.problems, []);
      await opened.context.close();
    }
  });

  it('works by keyboard: arrows, Home, End, Enter to open, Escape to close and return', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP, reducedMotion: 'reduce' });
    await visit(page, env.server, '?view=timeline');
    await rows(page).first().focus();
    const focusedId = () => page.evaluate(() => document.activeElement.id);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedId(), await rows(page).nth(1).getAttribute('id'));
    await page.keyboard.press('End');
    assert.equal(await focusedId(), await rows(page).last().getAttribute('id'));
    await page.keyboard.press('Home');
    assert.equal(await focusedId(), await rows(page).first().getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    const second = await focusedId();
    await page.keyboard.press('Enter');
    await page.waitForURL(/event=/);
    assert.equal(await rows(page).nth(1).getAttribute('aria-expanded'), 'true');
    await page.waitForFunction(() => document.activeElement?.classList.contains('event-detail'));
    await page.keyboard.press('Escape');
    await page.waitForFunction((id) => document.activeElement?.id === id, second);
    assert.equal(await page.locator('.event-detail').count(), 0);
    await page.waitForURL((url) => !url.search.includes('event='));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a source link in the details leads to that source on the Sources view', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, `?view=timeline&event=${events[0].id}`);
    await page.locator('.event-detail__sources a').first().click();
    await page.waitForFunction(() => document.querySelector('main').dataset.view === 'sources');
    await page.waitForFunction(() => document.activeElement?.id?.startsWith('source-'));
    // The address bar is written once the new view is painted.
    await page.waitForURL(/view=sources#source-/);
    assert.ok(!page.url().includes('event='), 'the event key stays behind');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`fits 320 px and is axe-clean with an event open (${colorScheme})`, async () => {
      for (const viewport of [{ width: 320, height: 700 }, DESKTOP]) {
        const { context, page, problems } = await openPage(env.browser, env.server, { viewport, colorScheme });
        await visit(page, env.server, `?view=timeline&themes=music,film-tv&event=${events.find((e) => e.theme === 'music').id}`);
        await page.waitForFunction(() => document.activeElement?.classList.contains('event-detail'));
        assert.equal(await horizontalOverflow(page), 0, `${viewport.width}px`);
        assert.deepEqual(await axeViolations(page), [], `${viewport.width}px ${colorScheme}`);
        assert.deepEqual(problems, []);
        await context.close();
      }
    });
  }
});
