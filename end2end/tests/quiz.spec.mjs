// The quiz on a phone (360×740, touch): full runs by taps and by keyboard, resume after reload, class links,
// storage that throws or holds garbage, hostile estimates, dragging, the timer, accessibility at each step.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { entries, field } from '../support/data.mjs';
import { useBrowserAndServer } from '../support/suite.mjs';
import { axeViolations, horizontalOverflow, openPage, visit, PHONE } from '../support/browser.mjs';
import { answerCurrent, currentKind, next, playThrough, startQuiz, startQuizWith } from '../support/quiz.mjs';

// A quiz holds one question per claim key, so "all" means one question for each claim.
const bankSize = new Set(entries('question').map((q) => field(q, 'claim'))).size;
const env = useBrowserAndServer('/school/reverse-wave/');
const phone = (extra = {}) => openPage(env.browser, env.server, { viewport: PHONE, hasTouch: true, ...extra });
const progress = (page) => page.locator('.quiz-progress__count').innerText();
const score = async (page) => Number(await page.locator('.quiz-progress__stats strong').first().innerText());
const saved = (page) => page.evaluate(() => localStorage.getItem('reverse-wave:quiz'));

/** Makes every localStorage access throw, as in `<iframe sandbox="allow-scripts">`. */
const THROWING_STORAGE = () => {
  Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
};

describe('quiz', () => {
  it('a full 10-question quiz by taps alone reaches results, axe-clean at every step', async () => {
    const { context, page, problems } = await phone();
    // A class link whose ten questions include every kind of answer widget (choices, ordering, estimate).
    await visit(page, env.server, '?view=quiz&seed=2');
    assert.deepEqual(await axeViolations(page), [], 'start screen');
    await startQuiz(page);
    const kinds = new Set();
    for (let n = 1; n <= 10; n++) {
      assert.equal(await progress(page), `Question ${n} of 10`);
      assert.equal(await horizontalOverflow(page), 0, `question ${n} fits 360 px`);
      if (n <= 3) assert.deepEqual(await axeViolations(page), [], `question ${n}`);
      kinds.add(await answerCurrent(page));
      assert.ok(await page.locator('.quiz-feedback__why').innerText(), 'an explanation');
      assert.ok(await page.locator('.quiz-feedback__sources a').count() >= 1, 'at least one source');
      // Focus moves in the next animation frame after the feedback appears: wait for it (fails after 5 s).
      await page.waitForFunction(() => document.activeElement?.id === 'quiz-next', null, { timeout: 5000 });
      if (n <= 3) assert.deepEqual(await axeViolations(page), [], `feedback ${n}`);
      await next(page);
    }
    assert.equal(await page.locator('#quiz-results-title').innerText(), 'Your results');
    assert.match(await page.locator('.quiz-results__score').innerText(), /^\d+ of 100 points$/);
    assert.equal(await page.locator('.quiz-review__item').count(), 10, 'every question reviewed');
    assert.ok(await page.locator('.quiz-breakdown tbody tr').count() >= 2, 'breakdown by type');
    assert.equal(await horizontalOverflow(page), 0);
    assert.deepEqual(await axeViolations(page), [], 'results');
    assert.deepEqual([...kinds].sort(), ['choice', 'estimate', 'order'], 'every kind of answer widget was used');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('works by keyboard alone, with a visible focus on every control used', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, colorScheme: 'dark' });
    await visit(page, env.server, '?view=quiz&seed=77&len=5');
    await startQuiz(page, { by: 'keyboard' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'quiz-question-title', 'focus starts on the question');
    for (let n = 1; n <= 5; n++) {
      await answerCurrent(page, { by: 'keyboard' });
      const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(ring, 'none', 'Next shows a focus ring');
      await next(page, { by: 'keyboard' });
    }
    assert.equal(await page.locator('.quiz-review__item').count(), 5);
    assert.deepEqual(await axeViolations(page), [], 'results, dark theme');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the same seed gives the same questions in the same order in two browsers; another seed does not', async () => {
    const run = async (seed) => {
      const { context, page, problems } = await phone();
      await visit(page, env.server, `?view=quiz&seed=${seed}&len=10`);
      assert.match(await page.locator('.quiz-setup').innerText(), /class quiz/);
      await startQuiz(page);
      const prompts = await playThrough(page);
      assert.deepEqual(problems, []);
      await context.close();
      return prompts;
    };
    const a = await run(4821);
    const b = await run(4821);
    assert.equal(a.length, 10);
    assert.deepEqual(a, b);
    assert.notDeepEqual(await run(4822), a);
  });

  it('a reload mid-quiz resumes at the same question with the same score', async () => {
    const { context, page, problems } = await phone();
    await visit(page, env.server, '?view=quiz&seed=31&len=10');
    await startQuiz(page);
    for (let n = 0; n < 3; n++) { await answerCurrent(page); await next(page); }
    await answerCurrent(page); // the 4th is answered, its feedback on screen
    const before = { progress: await progress(page), score: await score(page), prompt: await page.locator('#quiz-question-title').innerText() };
    assert.match(await saved(page), /^reverse-wave-quiz 1\n/);
    await page.reload();
    await page.waitForSelector('.quiz-card');
    assert.equal(await progress(page), before.progress);
    assert.equal(await score(page), before.score);
    assert.equal(await page.locator('#quiz-question-title').innerText(), before.prompt);
    assert.ok(await page.locator('#quiz-feedback').count(), 'the answered question still shows its feedback');
    await next(page);
    assert.equal(await progress(page), 'Question 5 of 10');
    // Leaving for another view and coming back keeps the quiz too.
    await page.locator('.site-nav a', { hasText: 'Timeline' }).tap();
    await page.waitForURL(/view=timeline/);
    await page.locator('.site-nav a', { hasText: 'Quiz' }).tap();
    await page.waitForSelector('.quiz-card');
    assert.equal(await progress(page), 'Question 5 of 10');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('when saving starts failing (quota exceeded), the quiz goes on, says so, and the last save survives', async () => {
    const { context, page, problems } = await phone();
    await visit(page, env.server, '?view=quiz&seed=31&len=5');
    await startQuiz(page);
    for (let n = 0; n < 2; n++) { await answerCurrent(page); await next(page); }
    const good = await saved(page);
    const atSave = { progress: await progress(page), score: await score(page) };
    assert.equal(atSave.progress, 'Question 3 of 5');
    // From the next page load on, writes of the quiz key fail as a full quota does; reads and the storage
    // probe still work, so the app only finds out when it saves.
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'reverse-wave:quiz') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await page.reload();
    await page.waitForSelector('.quiz-card');
    assert.equal(await progress(page), atSave.progress, 'resumed from the save');
    await answerCurrent(page);
    await page.waitForSelector('.quiz .notice[role="status"]');
    assert.match(await page.locator('.quiz .notice[role="status"]').innerText(), /Saving stopped working/);
    await next(page);
    assert.equal(await progress(page), 'Question 4 of 5', 'the quiz carries on in memory');
    assert.equal(await saved(page), good, 'the failed write left the last good save untouched');
    await page.reload();
    await page.waitForSelector('.quiz-card');
    assert.equal(await progress(page), atSave.progress, 'a reload goes back to the last saved question');
    assert.equal(await score(page), atSave.score);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('with storage throwing, the quiz completes and says progress cannot be saved', async () => {
    const { context, page, problems } = await phone({ initScript: THROWING_STORAGE });
    await visit(page, env.server, '?view=quiz&len=5');
    assert.match(await page.locator('.quiz-start').innerText(), /cannot save your progress/);
    await startQuiz(page);
    await page.waitForURL(/view=quiz&seed=\d+&bank=1&len=5/); // a quiz started without a seed gets one (and the bank edition) in the URL
    await playThrough(page);
    assert.match(await page.locator('.quiz-results__score').innerText(), /of 50 points/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('corrupt, foreign and oversized saves are discarded with a notice, never a crash', async () => {
    const blobs = [
      ['{"seed": 4, "answers": [1, 2]}', /could not be read/],
      ['reverse-wave-quiz 99\nseed 1\n', /newer version/],
      ['reverse-wave-quiz 1\nseed 5\nlen 10\npos 0\nquestions q-does-not-exist\nanswers \n', /could not be read/],
      ['x'.repeat(1024 * 1024), /could not be read/],
    ];
    for (const [blob, notice] of blobs) {
      const { context, page, problems } = await phone({
        initScript: `localStorage.setItem('reverse-wave:quiz', ${JSON.stringify(blob)});`,
      });
      await visit(page, env.server, '?view=quiz');
      assert.match(await page.locator('.quiz-start .notice').first().innerText(), notice);
      assert.equal(await saved(page), null, 'the bad save is removed');
      await startQuiz(page);
      await answerCurrent(page);
      assert.match(await saved(page), /^reverse-wave-quiz 1\n/, 'and a good one written');
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it('a double tap on an answer counts once', async () => {
    const { context, page, problems } = await phone();
    await visit(page, env.server, '?view=quiz&seed=3&len=5');
    await startQuiz(page);
    while ((await currentKind(page)) !== 'choice') { await answerCurrent(page); await next(page); }
    const before = await score(page);
    // A double tap, then a tap on another answer, all before the page could react.
    await page.evaluate(() => {
      const options = document.querySelectorAll('.quiz-option');
      options[0].click();
      options[0].click();
      options[1].click();
    });
    await page.waitForSelector('#quiz-feedback');
    assert.ok((await score(page)) - before <= 10, 'at most one answer counted');
    assert.equal(await page.locator('.quiz-option__tag', { hasText: 'Your answer' }).count() <= 1, true, 'one answer marked');
    assert.match(await page.locator('.quiz-option').first().innerText(), /Your answer|Right answer/, 'the first tap is the answer');
    const answers = (await saved(page)).match(/^answers (.*)$/m)[1].trim().split(' ');
    const position = Number((await saved(page)).match(/^pos (\d+)$/m)[1]);
    assert.equal(answers.length, position + 1, 'one answer recorded for this question');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the estimate field explains bad input and accepts a good number', async () => {
    const { context, page, problems } = await phone();
    await startQuizWith(page, env.server, 'estimate', visit);
    const input = page.locator('#quiz-estimate-input');
    for (const bad of ['', 'abc', 'NaN', '1e309', '-99999', '99999999', '<img src=x onerror=alert(1)>']) {
      await input.fill(bad);
      await page.locator('.quiz-check').tap();
      assert.ok((await page.locator('#quiz-estimate-error').innerText()).length > 0, `error for ${JSON.stringify(bad)}`);
      assert.equal(await page.locator('#quiz-feedback').count(), 0, `no answer taken for ${JSON.stringify(bad)}`);
      assert.equal(await page.locator('img').count(), 0);
    }
    await input.fill('12,5');
    await page.locator('.quiz-check').tap();
    await page.waitForSelector('#quiz-feedback');
    assert.match(await page.locator('.quiz-feedback__answer').innerText(), /^You said 12\.5/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('ordering works by dragging and by the up/down buttons', async () => {
    const { context, page, problems } = await phone();
    await startQuizWith(page, env.server, 'order', visit);
    const texts = () => page.locator('.quiz-order__text').allInnerTexts();
    const start = await texts();
    await page.locator('.quiz-order__move').nth(1).click(); // first item down
    assert.deepEqual((await texts()).slice(0, 2), [start[1], start[0]]);
    assert.match(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), /^Move down: /, 'focus stays on the moved item');
    const grip = page.locator('.quiz-order__grip').first();
    const target = page.locator('.quiz-order__item').nth(2);
    const from = await grip.boundingBox();
    const to = await target.boundingBox();
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 8 });
    await page.mouse.up();
    const dragged = await texts();
    assert.equal(dragged[2], start[1], 'the dragged item landed in the third place');
    await page.locator('.quiz-check').click();
    await page.waitForSelector('#quiz-feedback');
    assert.match(await page.locator('.quiz-feedback__answer').innerText(), /of \d in the right place/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the optional timer counts down and then counts the question as unanswered', async () => {
    const { context, page, problems } = await phone();
    await page.clock.install();
    await visit(page, env.server, '?view=quiz&seed=9&len=5&timer=1');
    await startQuiz(page);
    assert.match(await page.locator('.quiz-timer').innerText(), /^\d+ s left$/);
    await page.clock.runFor(46_000);
    await page.waitForSelector('#quiz-feedback');
    assert.match(await page.locator('.quiz-feedback__verdict').innerText(), /Time's up/);
    assert.equal(await score(page), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('results offer a retry of the missed questions and a new quiz; all lengths and levels start', async () => {
    const { context, page, problems } = await phone();
    await visit(page, env.server, '?view=quiz&seed=12&len=5&level=hard');
    await startQuiz(page);
    await playThrough(page);
    const missed = await page.locator('.quiz-review__item:not(.is-right)').count();
    if (missed > 0) {
      await page.getByRole('button', { name: 'Retry the ones I missed' }).tap();
      await page.waitForSelector('.quiz-card');
      assert.equal(await progress(page), `Question 1 of ${missed}`);
      assert.match(await page.locator('.quiz .notice').innerText(), /Retry round/);
      await playThrough(page);
    }
    await page.getByRole('button', { name: 'New quiz' }).tap();
    await page.waitForSelector('.quiz-setup');
    await page.waitForURL((url) => !url.search.includes('seed='));
    await page.locator('.quiz-choice', { hasText: 'Mixed' }).tap();
    await page.locator('.quiz-choice', { hasText: `All ${bankSize}` }).tap();
    await page.waitForURL(/len=all/);
    await startQuiz(page);
    assert.equal(await progress(page), `Question 1 of ${bankSize}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('in an embed, finishing posts the score to the host page', async () => {
    const { context, page, problems } = await phone();
    const host = `${env.server.origin}/school/host.html`;
    await context.route(host, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Host</title><script>window.got = []; addEventListener('message', (e) => window.got.push(e.data));</script>
        <iframe title="Quiz" style="width:360px;height:700px" src="${env.server.base}?view=quiz&seed=3&len=5&embed=1"></iframe>`,
    }));
    await page.goto(host);
    const frame = page.frameLocator('iframe');
    await frame.locator('html[data-app-started] main h1').waitFor();
    const app = page.frames().find((f) => f.url().includes('embed=1'));
    await startQuiz(app);
    await playThrough(app);
    await page.waitForFunction(() => window.got.some((m) => m?.type === 'reverse-wave:quiz-complete'));
    const msg = await page.evaluate(() => window.got.find((m) => m.type === 'reverse-wave:quiz-complete'));
    assert.equal(msg.max, 50);
    assert.equal(msg.seed, 3);
    assert.equal(msg.len, 5);
    assert.equal(msg.bank, 1, 'a link without bank= is the first edition');
    assert.equal(msg.questionIds.length, 5);
    assert.ok(msg.score >= 0 && msg.score <= 50);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
