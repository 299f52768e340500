// Class results (issue 21), as a class uses them: the teacher shows the class link as a QR code, students play
// it on phones and get results codes, the teacher pastes a chat holding the codes into view=tally and reads the
// class's results and downloads them. Plus bad input, both themes, 320 px and the full-screen QR code.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowserAndServer } from '../support/suite.mjs';
import { axeViolations, horizontalOverflow, openPage, visit, PHONE, DESKTOP } from '../support/browser.mjs';
import { answerCurrent, next, startQuiz } from '../support/quiz.mjs';

const env = useBrowserAndServer('/school/reverse-wave/');
const CODE = /^RW(-[0-9A-HJKMNP-TV-Z]{1,4})+$/;

/**
 * One student on a phone: opens the class `link`, plays it through (the first answer each time, or from question
 * `wrongFrom` on the last option, so students differ), types `initials`, and returns their results code and how
 * many questions they got fully right.
 */
async function student(link, initials, { wrongFrom = 99 } = {}) {
  const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, hasTouch: true });
  await page.goto(link);
  await page.waitForSelector('html[data-app-started] main h1');
  await startQuiz(page);
  let n = 0;
  while (!(await page.locator('.quiz-results').count())) {
    n += 1;
    // From question `wrongFrom` on, pick the last option where there is a choice: students differ.
    if (n >= wrongFrom && (await page.locator('.quiz-option').count())) await page.locator('.quiz-option').last().tap();
    else await answerCurrent(page);
    await next(page);
  }
  if (initials) await page.locator('#results-code-initials').fill(initials);
  const code = (await page.locator('.results-code__code').innerText()).trim();
  const right = Number((await page.locator('.quiz-results__summary').innerText()).match(/(\d+) of \d+ fully right/)[1]);
  assert.equal(await horizontalOverflow(page), 0, 'results fit 360 px');
  assert.deepEqual(await axeViolations(page), [], 'results with a code');
  assert.deepEqual(problems, []);
  await context.close();
  return { code, right };
}

describe('class results', () => {
  it('QR code to phones to codes to the tally: the class results, most-missed questions and CSV downloads', async () => {
    // The teacher's start screen: the class link as a QR code, black on white even in the dark theme.
    const teacher = await openPage(env.browser, env.server, { viewport: DESKTOP, colorScheme: 'dark' });
    await visit(teacher.page, env.server, '?view=quiz&len=5&level=medium');
    await teacher.page.getByRole('button', { name: 'Show QR code' }).click();
    const qr = teacher.page.locator('.quiz-class .qr-code .qr-code__svg');
    await qr.waitFor();
    assert.equal(await qr.getAttribute('role'), 'img');
    assert.equal(await qr.getAttribute('aria-label'), 'QR code for the class link');
    assert.deepEqual(await qr.evaluate((svg) => [svg.querySelector('rect').getAttribute('fill'), svg.querySelector('path').getAttribute('fill')]), ['#fff', '#000']);
    const link = await teacher.page.locator('#quiz-class-link').inputValue();
    assert.match(link, /\?view=quiz&seed=\d+&bank=1&len=5&level=medium$/, 'the QR code and the field hold the class link');
    assert.ok(link.startsWith(env.server.base));
    assert.deepEqual(await axeViolations(teacher.page), [], 'start screen with the QR code, dark');
    // Full screen for the projector; Escape returns.
    await teacher.page.getByRole('button', { name: 'Show full screen' }).click();
    const big = await teacher.page.locator('.qr-dialog .qr-code__svg').boundingBox();
    assert.ok(big.width >= 500, `full-screen code is ${big.width}px wide`);
    await teacher.page.screenshot({ path: new URL('../screenshots/qr-full-screen.png', import.meta.url).pathname });
    await teacher.page.keyboard.press('Escape');
    assert.equal(await teacher.page.locator('.qr-dialog').evaluate((d) => d.open), false);
    assert.deepEqual(teacher.problems, []);
    await teacher.context.close();

    // Three students play the link: two type initials, one does not, and they answer differently.
    const ana = await student(link, 'a.n.');
    const ben = await student(link, 'Ben', { wrongFrom: 2 });
    const cal = await student(link, '', { wrongFrom: 4 });
    for (const s of [ana, ben, cal]) assert.match(s.code, CODE);
    assert.ok(ana.code.replaceAll('-', '').length <= 16, `${ana.code} is short`);

    // The teacher pastes the class chat, with a mistyped code in it.
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, '?view=tally');
    const mistyped = ben.code.slice(0, -1) + (ben.code.endsWith('2') ? '3' : '2');
    const chat = `Ana 10:41: ${ana.code}\nBen: here ${ben.code} thanks!\nCal: ${cal.code.toLowerCase()}\nDee: ${mistyped}\nsee you tomorrow`;
    await page.locator('#tally-codes').fill(chat);
    await page.locator('.tally-quiz').waitFor();
    assert.equal(await page.locator('.tally__summary').innerText(), 'Found 4 codes: 3 read, 1 with a problem.');
    const problem = await page.locator('.tally__problems li').innerText();
    assert.ok(problem.includes('line 4') && problem.includes('typing mistake'), problem);
    const average = Math.round(((ana.right + ben.right + cal.right) / 15) * 100);
    assert.equal(await page.locator('.tally__stats').innerText(), `3 students, average score ${average}%`);
    const students = await page.locator('.tally__students tbody tr').allInnerTexts();
    assert.deepEqual(students.map((r) => r.split('\t').slice(0, 2)), [['AN', `${ana.right} / 5`], ['BEN', `${ben.right} / 5`], ['#3', `${cal.right} / 5`]]);
    assert.equal(await page.locator('.tally__questions tbody tr').count(), 5);
    const spread = await page.locator('.tally__spread tbody tr').count();
    assert.equal(spread, 6, 'scores 5 down to 0');
    // The most missed link to where they are taught.
    const missed = page.locator('.tally__missed-item');
    assert.ok((await missed.count()) >= 1 && (await missed.count()) <= 3);
    assert.ok((await missed.first().locator('.quiz-feedback__links a').count()) >= 1, 'a link to the timeline or a chart');
    assert.equal(await horizontalOverflow(page), 0);
    assert.deepEqual(await axeViolations(page), [], 'tally, light');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axeViolations(page), [], 'tally, dark');

    const [studentsCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download students (CSV)' }).click()]);
    const rows = readFileSync(await studentsCsv.path(), 'utf8').trim().split('\n');
    assert.equal(rows[0], 'Student,Score,Question 1,Question 2,Question 3,Question 4,Question 5');
    assert.equal(rows.length, 4);
    assert.ok(rows[1].startsWith(`AN,${ana.right},`));
    const [questionsCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download questions (CSV)' }).click()]);
    const lines = readFileSync(await questionsCsv.path(), 'utf8').trim().split('\n');
    assert.equal(lines[0], '#,Question,Right answer,Students right,% right');
    assert.equal(lines.length, 6);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('says what is wrong with text that holds no code, or a code with a character codes never use', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: { width: 320, height: 640 } });
    await visit(page, env.server, '?view=tally');
    await page.locator('#tally-codes').fill('hello, here are my results: 7 out of 10');
    assert.equal(await page.locator('.tally__summary').innerText(), 'No results codes found in this text. Codes start with RW.');
    await page.locator('#tally-codes').fill('RW-12U4-5678-9ABC');
    assert.match(await page.locator('.tally__problems li').innerText(), /holds “U”, which codes never use/);
    assert.equal(await page.locator('.tally-quiz').count(), 0);
    assert.equal(await horizontalOverflow(page), 0, 'fits 320 px');
    await page.getByRole('button', { name: 'Clear' }).click();
    assert.equal(await page.locator('#tally-codes').inputValue(), '');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a quiz the student chose for themselves gives no results code', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, hasTouch: true });
    await visit(page, env.server, '?view=quiz&len=5');
    await startQuiz(page);
    while (!(await page.locator('.quiz-results').count())) {
      await answerCurrent(page);
      await next(page);
    }
    assert.equal(await page.locator('.results-code').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
