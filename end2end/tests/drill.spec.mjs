// The drill build (`dist-drill/`, the `drill` feature): every kind of data string carries planted markup, and a
// window event panics on purpose. Proves that data renders as inert text on every view, and that a real panic
// shows the friendly overlay while saved quiz progress survives the reload it offers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { useBrowserAndServer } from '../support/suite.mjs';
import { axeViolations, openPage, visit, DESKTOP, PHONE } from '../support/browser.mjs';
import { answerCurrent, next, startQuiz } from '../support/quiz.mjs';

const DRILL_DIST = fileURLToPath(new URL('../../dist-drill', import.meta.url));
// The planted string, read from its one definition in the data compiler.
const MARKUP = readFileSync(new URL('../../data-compiler/src/drill.rs', import.meta.url), 'utf8')
  .match(/pub const MARKUP: &str = "(.*)";/)[1].replace(/\\"/g, '"');
const env = useBrowserAndServer('/drill/', { root: DRILL_DIST });

/** What the planted markup would have done had it been parsed as HTML. */
function traces(page, server) {
  return page.evaluate(() => ({
    images: document.querySelectorAll('img').length,
    handlers: document.querySelectorAll('[onerror]').length,
    pwned: document.documentElement.dataset.pwned ?? null,
  })).then((t) => ({ ...t, fetchedX: server.requests.some((r) => r.endsWith('/x')) }));
}
const CLEAN = { images: 0, handlers: 0, pwned: null, fetchedX: false };

describe('drill build', () => {
  it('planted markup in every kind of data string renders as literal text on every view', async () => {
    assert.match(MARKUP, /^<img src=x onerror=/);
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    const texts = {
      'timeline: event title': ['?view=timeline', '.event-row__title'],
      'quiz: question prompt': ['?view=quiz&seed=3&len=5', null],
      'compare: chart title': ['?view=compare', '.chart-card__title'],
      'sources: publisher': ['?view=sources', '.source-list'],
    };
    for (const [what, [query, selector]] of Object.entries(texts)) {
      await visit(page, env.server, query);
      if (!selector) await startQuiz(page, { by: 'keyboard' });
      const text = await page.locator(selector ?? '#quiz-question-title').first().innerText();
      assert.ok(text.includes(MARKUP), `${what} shows the markup as text: ${text}`);
      assert.deepEqual(await traces(page, env.server), CLEAN, what);
    }
    // An event's details, where its summary is shown.
    await visit(page, env.server, '?view=timeline');
    await page.locator('.event-row').first().click();
    await page.waitForSelector('.event-detail');
    const detail = await page.locator('.event-detail').innerText();
    assert.ok(detail.includes(MARKUP), `the open event's summary shows the markup as text: ${detail}`);
    assert.deepEqual(await traces(page, env.server), CLEAN, 'event details');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a panic shows the overlay with a working Reload, and the saved quiz resumes where it was', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, '?view=quiz&seed=31&len=5');
    // By keyboard: the planted markup makes every prompt longer, and taps on a phone then race the gentle
    // scroll that brings the feedback into view (the quiz spec covers taps on the real text).
    await startQuiz(page, { by: 'keyboard' });
    for (let n = 0; n < 2; n++) { await answerCurrent(page, { by: 'keyboard' }); await next(page, { by: 'keyboard' }); }
    const progress = () => page.locator('.quiz-progress__count').innerText();
    const before = { progress: await progress(), prompt: await page.locator('#quiz-question-title').innerText() };
    await page.evaluate(() => dispatchEvent(new Event('reverse-wave:drill-panic')));
    const overlay = page.getByRole('alertdialog', { name: 'Something went wrong' });
    await overlay.waitFor();
    const reload = overlay.getByRole('link', { name: /Reload/ });
    assert.equal(await reload.evaluate((a) => a === document.activeElement), true, 'Reload has focus');
    assert.deepEqual(await axeViolations(page), [], 'the overlay is accessible');
    // The panic is reported in the console (the hook's message, then the trap that ends the instance).
    assert.ok(problems.some((p) => p.includes('drill: a panic on purpose')), problems.join('\n'));
    problems.length = 0;
    await reload.click();
    await page.waitForSelector('html[data-app-started] .quiz-card');
    assert.equal(await progress(), before.progress, 'progress survived the panic');
    assert.equal(await page.locator('#quiz-question-title').innerText(), before.prompt);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
