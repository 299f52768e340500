// Screenshots of every view at phone and desktop size, light and dark, for human review
// (`cargo xtask shots`). Written to end2end/screenshots/, which git ignores. `SHOT_LANG=es` (or `ko`) shoots the
// views in that language, named `<view>-<lang>-…`; the scenes below are English-only.
import { mkdir } from 'node:fs/promises';
import { serve } from './support/server.mjs';
import { DESKTOP, PHONE, VIEWS, launch, openPage, visit } from './support/browser.mjs';
import { answerCurrent, next, startQuiz } from './support/quiz.mjs';

const out = new URL('./screenshots/', import.meta.url);
await mkdir(out, { recursive: true });
const only = process.argv.slice(2);
const lang = process.env.SHOT_LANG || '';

/** States a view reaches only after some use, shot after the plain views: the class results routine (issue 21). */
const SCENES = {
  // The teacher's start screen with the class link's QR code.
  'quiz-class-qr': async (page) => {
    await visit(page, server, '?view=quiz&seed=4821&len=5');
    await page.getByRole('button', { name: 'Show QR code' }).click();
    await page.locator('.quiz-class .qr-code').scrollIntoViewIfNeeded();
  },
  // A student's results screen with the results code and initials.
  'quiz-results-code': async (page) => {
    await visit(page, server, '?view=quiz&seed=4821&len=5');
    await startQuiz(page, { by: 'keyboard' });
    while (!(await page.locator('.quiz-results').count())) {
      await answerCurrent(page, { by: 'keyboard' });
      await next(page, { by: 'keyboard' });
    }
    await page.locator('#results-code-initials').fill('AB');
    await page.locator('.results-code').scrollIntoViewIfNeeded();
    codes.push((await page.locator('.results-code__code').innerText()).trim());
  },
  // The tally with that code, two made-up classmates' versions of it and a mistyped one.
  'tally-results': async (page) => {
    await visit(page, server, '?view=tally');
    const [code] = codes;
    await page.locator('#tally-codes').fill(`Chat export\nAB: ${code}\nsee you\n${code}\n${code.slice(0, -1)}X`);
    await page.locator('.tally-quiz').waitFor();
  },
};
const codes = [];
const browser = await launch();
const server = await serve({ prefix: '/reverse-wave/' });
try {
  for (const [size, viewport] of [['360x740', PHONE], ['1280x800', DESKTOP]]) {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page, problems } = await openPage(browser, server, { viewport, colorScheme });
      for (const view of VIEWS.filter((v) => only.length === 0 || only.includes(v))) {
        const query = [view === 'home' ? '' : `view=${view}`, lang && `lang=${lang}`].filter(Boolean).join('&');
        await visit(page, server, query && `?${query}`);
        const file = new URL(`${view}${lang && `-${lang}`}-${size}-${colorScheme}.png`, out);
        await page.screenshot({ path: file.pathname, fullPage: process.env.FULL === '1' });
        console.log(file.pathname);
      }
      for (const [scene, act] of Object.entries(SCENES).filter(([k]) => !lang && (only.length === 0 || only.includes(k)))) {
        await act(page);
        const file = new URL(`${scene}-${size}-${colorScheme}.png`, out);
        await page.screenshot({ path: file.pathname, fullPage: process.env.FULL === '1' });
        console.log(file.pathname);
      }
      if (problems.length) console.error(problems);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
