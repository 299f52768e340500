// Paper (issue 18): every view printed to PDF by Chromium at A4 and US Letter, read back with poppler's
// pdftotext (Debian: poppler-utils). The text a teacher needs is on the paper, nothing runs off the right edge,
// the worksheet asks what the quiz asks and its answer key starts on a page of its own.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entries, field } from '../support/data.mjs';
import { useBrowserAndServer } from '../support/suite.mjs';
import { DESKTOP, PHONE, VIEWS, openPage, visit } from '../support/browser.mjs';
import { startQuiz } from '../support/quiz.mjs';

const env = useBrowserAndServer('/school/reverse-wave/');
const WORK = mkdtempSync(join(tmpdir(), 'reverse-wave-print-'));
let printed = 0;

/** Prints the page to PDF and reads it back: each page's text (whitespace collapsed) and its words' boxes. */
async function printToPdf(page, format) {
  const pdf = await page.pdf({ format, printBackground: false });
  const file = join(WORK, `${printed++}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim()).map((p) => p.replace(/\s+/g, ' ').trim());
  const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pageWidth = Number(bbox.match(/<page width="([\d.]+)"/)[1]);
  const rightmost = Math.max(...[...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
  return { file, pages, all: pages.join(' '), pageWidth, rightmost };
}

/** Data text as it reads on paper: glossary marks gone, whitespace collapsed. */
function plain(text) {
  return text.replace(/\[\[([^\]|]+)(\|[^\]]*)?\]\]/g, '$1').replace(/\s+/g, ' ').trim();
}

/** The first words of a text, enough to find it without depending on where a line breaks. */
function opening(text, words = 8) {
  return plain(text).split(' ').slice(0, words).join(' ');
}

describe('printing', () => {
  for (const format of ['A4', 'Letter']) {
    it(`prints every view at ${format} in both themes: no chrome, nothing past the right edge, a sensible length`, async () => {
      for (const colorScheme of ['light', 'dark']) {
        const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP, colorScheme });
        for (const view of VIEWS) {
          await visit(page, env.server, `?view=${view}${view === 'worksheet' ? '&seed=2026' : ''}`);
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const pdf = await printToPdf(page, format);
          assert.ok(pdf.pages.length >= 1 && pdf.pages.length <= 60, `${view}: ${pdf.pages.length} pages`);
          assert.ok(pdf.rightmost <= pdf.pageWidth - 20, `${view}: text reaches ${pdf.rightmost} of ${pdf.pageWidth} pt`);
          // Navigation, header, footer and every button but the glossary's words stay off paper.
          await page.emulateMedia({ media: 'print' });
          const shown = await page.evaluate(() => [...document.querySelectorAll(
            '.skip-link, .site-header, .site-nav, .site-footer, .embed-bar, button:not(.term), .button, select, input',
          )].filter((el) => el.getClientRects().length > 0).map((el) => el.outerHTML.slice(0, 80)));
          await page.emulateMedia({ media: null });
          assert.deepEqual(shown, [], `${view}: chrome and controls are not printed`);
          assert.ok(!pdf.all.includes('Skip to main content'), `${view}: no skip link on paper`);
          assert.deepEqual(problems, [], `${view} (${colorScheme}): no error while printing`);
        }
        await context.close();
      }
    });
  }

  it('the timeline prints every event with its date, summary and sources', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, '?view=timeline');
    await page.waitForSelector('.timeline-print li', { state: 'attached' });
    const pdf = await printToPdf(page, 'A4');
    const events = entries('event');
    for (const e of events) {
      assert.ok(pdf.all.includes(plain(field(e, 'title'))), `event ${e.id}: title on paper`);
      assert.ok(pdf.all.includes(opening(field(e, 'summary'))), `event ${e.id}: summary on paper`);
    }
    // A filter prints what it shows.
    await visit(page, env.server, '?view=timeline&stance=challenges');
    await page.waitForSelector('.timeline-print li', { state: 'attached' });
    const filtered = await printToPdf(page, 'A4');
    const challenges = events.filter((e) => /^stance = "challenges"/m.test(e.block));
    const others = events.filter((e) => !/^stance = "challenges"/m.test(e.block));
    assert.ok(challenges.every((e) => filtered.all.includes(plain(field(e, 'title')))));
    assert.ok(others.some((e) => !filtered.all.includes(plain(field(e, 'title')))), 'other events are left out');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('each chart prints with its caption, data table and sources, never split across pages', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=compare');
    await page.waitForSelector('.chart-card__table table', { state: 'attached' });
    const pdf = await printToPdf(page, 'A4');
    for (const c of entries('comparison')) {
      const title = plain(field(c, 'title'));
      const onPages = pdf.pages.filter((p) => p.includes(title));
      assert.equal(onPages.length, 1, `chart ${c.id}: title on one page`);
      assert.ok(onPages[0].includes(opening(field(c, 'caption'), 6)), `chart ${c.id}: caption on the same page`);
    }
    const tables = await page.locator('.chart-card__table table').count();
    assert.equal(tables, entries('comparison').length, 'every chart has its table in the page');
    assert.ok((pdf.all.match(/Source: /g) || []).length >= entries('comparison').length, 'every chart names its sources');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the Debate and Sources views print in full; links to other sites print their address', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=perspectives');
    const debate = await printToPdf(page, 'Letter');
    for (const p of entries('perspective')) assert.ok(debate.all.includes(plain(field(p, 'title'))), p.id);
    for (const t of entries('term')) assert.ok(debate.all.toLowerCase().includes(plain(field(t, 'term')).toLowerCase()), t.id);
    await visit(page, env.server, '?view=sources');
    const sources = await printToPdf(page, 'Letter');
    const withUrl = entries('source').filter((s) => field(s, 'url'));
    const shown = withUrl.filter((s) => sources.all.replace(/ /g, '').includes(field(s, 'url').replace(/ /g, '')));
    assert.ok(shown.length >= withUrl.length * 0.9, `addresses printed: ${shown.length} of ${withUrl.length}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the teacher pack prints every lesson, question, prompt, activity and how-to', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=teach');
    const pdf = await printToPdf(page, 'A4');
    for (const table of ['lesson', 'activity', 'guide']) {
      for (const e of entries(table)) assert.ok(pdf.all.includes(plain(field(e, 'title'))), `${table} ${e.id}`);
    }
    for (const table of ['discussion', 'essay']) {
      for (const e of entries(table)) assert.ok(pdf.all.includes(opening(field(e, 'text'))), `${table} ${e.id}`);
    }
    assert.ok(pdf.pages.length <= 25, `${pdf.pages.length} pages`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const [format, query] of [['A4', '&seed=4821&len=all'], ['Letter', '&seed=77&len=10&level=hard']]) {
    it(`a worksheet (${format}, ${query}) prints every question, then the answer key from a new page`, async () => {
      const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
      await visit(page, env.server, `?view=worksheet${query}`);
      const prompts = await page.locator('.sheet-question__prompt').allInnerTexts();
      const answers = await page.locator('.sheet-answer strong').allInnerTexts();
      assert.ok(prompts.length >= 5 && prompts.length === answers.length);
      const pdf = await printToPdf(page, format);
      const keyPage = pdf.pages.findIndex((p) => p.startsWith('Answer key'));
      assert.ok(keyPage > 0, 'the answer key starts at the top of a page');
      const sheet = pdf.pages.slice(0, keyPage).join(' ');
      const key = pdf.pages.slice(keyPage).join(' ');
      assert.ok(!sheet.includes('Answer key'), 'no answers before the key');
      for (const prompt of prompts) assert.ok(sheet.includes(opening(prompt, 10)), `question on the sheet: ${prompt}`);
      for (const answer of answers) assert.ok(key.includes(opening(answer, 10)), `answer in the key: ${answer}`);
      for (const label of ['Name:', 'Class:', 'Date:']) assert.ok(pdf.pages[0].includes(label), label);
      assert.ok(!pdf.all.includes('For the teacher'), 'the teacher\'s note stays on screen');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('printing in Spanish and Korean (issue 20)', () => {
  for (const [lang, script] of [['es', /[áéíóúñ¿]/], ['ko', /[\uac00-\ud7a3]{4}/]]) {
    it(`a ${lang} worksheet prints its questions in ${lang}, then its answer key from a new page`, async () => {
      const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
      await visit(page, env.server, `?view=worksheet&seed=4821&len=10&lang=${lang}`);
      const heading = await page.locator('#answer-key-title').innerText();
      const prompts = await page.locator('.sheet-question__prompt').allInnerTexts();
      const pdf = await printToPdf(page, 'A4');
      assert.ok(pdf.rightmost <= pdf.pageWidth - 20, `text reaches ${pdf.rightmost} of ${pdf.pageWidth} pt`);
      const keyPage = pdf.pages.findIndex((p) => p.startsWith(heading));
      assert.ok(keyPage > 0, `the answer key (“${heading}”) starts at the top of a page`);
      const sheet = pdf.pages.slice(0, keyPage).join(' ');
      assert.match(sheet, script, 'the sheet is printed in its language');
      // The letters of each question, in order: pdftotext puts the digits of a Korean line (another font) on a
      // line of their own, so only letters are compared.
      const bare = (t) => plain(t).replace(/[^\p{L}]/gu, '');
      let at = 0;
      for (const prompt of prompts) {
        const found = bare(sheet).indexOf(bare(prompt).slice(0, 12), at);
        assert.ok(found >= at, `question on the sheet, in order: ${prompt}`);
        at = found;
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('worksheet and quiz', () => {
  it('asks the same questions in the same order as the quiz with the same keys', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, hasTouch: true });
    for (const seed of [5, 2026, 999999]) {
      const keys = `seed=${seed}&len=5&level=medium`;
      await visit(page, env.server, `?view=worksheet&${keys}`);
      const prompts = await page.locator('.sheet-question__prompt').allInnerTexts();
      await visit(page, env.server, `?view=quiz&${keys}`);
      await startQuiz(page);
      const first = await page.locator('#quiz-question-title').innerText();
      assert.equal(first, prompts[0], `seed ${seed}: the first question`);
      assert.match(await page.locator('.quiz-progress').innerText(), new RegExp(`of ${prompts.length}\\b`));
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the quiz offers its questions as a worksheet, and a worksheet without a seed gets one', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    await visit(page, env.server, '?view=quiz&seed=31337&len=5');
    await page.getByRole('link', { name: 'Print as worksheet' }).click();
    await page.waitForURL(/view=worksheet/);
    assert.match(page.url(), /seed=31337&len=5/);
    assert.match(await page.locator('.worksheet__quiz').first().innerText(), /Quiz 31337 · 5 questions/);
    await visit(page, env.server, '?view=worksheet');
    await page.waitForURL(/seed=\d+/);
    const seed = page.url().match(/seed=(\d+)/)[1];
    assert.match(await page.locator('.worksheet__link').innerText(), new RegExp(`view=quiz&seed=${seed}`));
    assert.deepEqual(problems, []);
    await context.close();
  });
});
