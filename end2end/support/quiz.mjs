// Playing the quiz through its UI, shared by the quiz specs, the screenshots and the benchmark.

/** What kind of answer widget is on screen. */
export async function currentKind(page) {
  // Right after "Start quiz" the question may still be on its way (its part of the app is fetched while the
  // start screen shows, and the button waits for it).
  await page.locator('.quiz-card').waitFor();
  return page.evaluate(() => {
    if (document.querySelector('.quiz-order')) return 'order';
    if (document.querySelector('.quiz-estimate')) return 'estimate';
    return 'choice';
  });
}

/**
 * Answers the question on screen the way a student would, by `tap` (touch) or `keyboard`: the first option
 * for choices, one move then "Check" for ordering, a typed number for estimates. Waits for the feedback.
 */
export async function answerCurrent(page, { by = 'tap' } = {}) {
  const kind = await currentKind(page);
  if (kind === 'choice') {
    const option = page.locator('.quiz-option').first();
    if (by === 'tap') await option.tap();
    else { await option.focus(); await page.keyboard.press('Enter'); }
  } else if (kind === 'order') {
    const down = page.locator('.quiz-order__move').nth(1);
    if (by === 'tap') await down.tap();
    else { await down.focus(); await page.keyboard.press('Enter'); }
    const check = page.locator('.quiz-check');
    if (by === 'tap') await check.tap();
    else { await check.focus(); await page.keyboard.press('Enter'); }
  } else {
    const input = page.locator('#quiz-estimate-input');
    // A guess a quarter of the way along the question's own scale: always in range.
    const guess = await page.locator('.quiz-estimate__slider').evaluate((s) => String(Math.round(Number(s.min) + (Number(s.max) - Number(s.min)) / 4)));
    if (by === 'tap') { await input.tap(); await input.fill(guess); await page.locator('.quiz-check').tap(); }
    else { await input.focus(); await page.keyboard.type(guess); await page.keyboard.press('Enter'); }
  }
  await page.waitForSelector('#quiz-feedback');
  // Focus moves to "Next" in the frame after the feedback appears; `next` by keyboard relies on it.
  await page.waitForFunction(() => document.activeElement?.id === 'quiz-next', null, { timeout: 5000 });
  return kind;
}

/** Moves on from the feedback ("Next question" / "See my results"). */
export async function next(page, { by = 'tap' } = {}) {
  const before = await page.locator('.quiz-progress__count').textContent().catch(() => null);
  if (by === 'tap') await page.locator('#quiz-next').tap();
  else await page.keyboard.press('Enter'); // focus is on "Next" after an answer
  await page.waitForFunction((b) => {
    const c = document.querySelector('.quiz-progress__count');
    return document.querySelector('.quiz-results') || (c && c.textContent !== b && !document.querySelector('#quiz-feedback'));
  }, before);
  // Focus moves to the new question's (or the results') heading in the frame after; an answer given before that
  // frame would have its focus taken away (on a busy page, such as one linking parts in the background).
  await page.waitForFunction(() => ['quiz-question-title', 'quiz-results-title'].includes(document.activeElement?.id), null, { timeout: 5000 });
}

export async function startQuiz(page, { by = 'tap' } = {}) {
  const start = page.getByRole('button', { name: 'Start quiz' });
  if (by === 'tap') await start.tap(); else { await start.focus(); await page.keyboard.press('Enter'); }
  await page.waitForSelector('.quiz-card');
}

/** The question prompts of the quiz on screen, in order, by playing it through (tap answers). */
export async function playThrough(page, opts = {}) {
  const prompts = [];
  while (!(await page.locator('.quiz-results').count())) {
    prompts.push(await page.locator('#quiz-question-title').textContent());
    await answerCurrent(page, opts);
    await next(page, opts);
  }
  return prompts;
}

/** Opens class quizzes with seeds 1, 2, … until one starts with a question of `kind`; returns that seed. */
export async function startQuizWith(page, server, kind, visit) {
  for (let seed = 1; seed < 60; seed++) {
    await visit(page, server, `?view=quiz&seed=${seed}&len=all`);
    await page.evaluate(() => localStorage.clear());
    await startQuiz(page);
    if ((await currentKind(page)) === kind) return seed;
  }
  throw new Error(`no seed below 60 starts with a ${kind} question`);
}
