// Embedding in school websites: a fake school page on another origin with iframes in the configurations
// schools use; resize messages make each frame fit its content; the Embed dialog builds the snippet.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer } from '../support/suite.mjs';
import { DESKTOP, PHONE, axeViolations, openPage, visit } from '../support/browser.mjs';
import { serveSchool } from '../support/school.mjs';
import { playThrough, startQuiz } from '../support/quiz.mjs';

const env = useBrowserAndServer('/media/reverse-wave/');
let school;

const FRAMES = {
  plain: 'Timeline',
  'sandbox-same-origin': 'Compare the numbers',
  'no-referrer': 'Sources and fact-check',
};

async function schoolPage(page = 'index.html', viewport = DESKTOP, { hasTouch = false } = {}) {
  const opened = await openPage(env.browser, env.server, { viewport, hasTouch, allowOrigins: [school.origin] });
  await opened.page.addInitScript(() => {
    window.__messages = [];
    addEventListener('message', (e) => window.__messages.push(e.data));
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`));
  });
  await opened.page.goto(school.base + page);
  return opened;
}


/** The Frame object of the iframe with this id, once its app has started. */
async function frameOf(page, id) {
  const handle = await page.locator(`#${id}`).elementHandle();
  await handle.scrollIntoViewIfNeeded();
  const frame = await handle.contentFrame();
  await frame.waitForSelector('html[data-app-started] main h1', { timeout: 15_000 });
  return frame;
}

describe('embedding', () => {
  before(async () => { school = await serveSchool(env.server); });
  after(async () => { await school?.close(); });

  it('every iframe on the school page renders its view without chrome, and fits its content', async () => {
    const { context, page, problems } = await schoolPage();
    for (const [id, title] of Object.entries(FRAMES)) {
      const frame = await frameOf(page, id);
      assert.equal(await frame.locator('main h1').innerText(), title, id);
      assert.equal(await frame.locator('.site-header, .site-nav, .site-footer').count(), 0, `${id}: no site chrome`);
      assert.equal(await frame.locator('.embed-bar__link').getAttribute('target'), '_blank');
      // The host script sized the frame to the content: no scrollbar inside.
      await page.waitForFunction(async (i) => {
        const el = document.getElementById(i);
        return Math.abs(el.getBoundingClientRect().height - el.contentDocument?.body?.getBoundingClientRect().height) <= 1
          || el.getBoundingClientRect().height > 600;
      }, id).catch(() => {});
      const fit = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
      assert.ok(fit <= 1, `${id}: ${fit}px would scroll inside the frame`);
    }
    const resizes = await page.evaluate(() => window.__messages.filter((m) => m?.type === 'reverse-wave:resize'));
    assert.ok(resizes.length >= Object.keys(FRAMES).length, 'each frame reported its height');
    assert.ok(resizes.every((m) => Object.keys(m).length === 2 && Number.isFinite(m.height)), 'exact message shape');
    assert.deepEqual(problems.filter((p) => !p.includes('sandbox-scripts-marker')), []);
    await context.close();
  });

  it('sandbox=allow-scripts without allow-same-origin renders the quiz, fits its content, completes a quiz and posts the score event', async () => {
    const seen = env.server.requests.length;
    // A touch screen, so the shared quiz helpers can tap inside the frame.
    const { context, page, problems } = await schoolPage('sandboxed.html', PHONE, { hasTouch: true });
    const frame = await frameOf(page, 'sandbox-scripts');
    // The frame's origin is opaque: the app's host sends no Access-Control-Allow-Origin, so it started from the
    // stylesheet copy of the .wasm (checked against its sha384) instead of a fetch.
    assert.equal(await frame.evaluate(() => self.origin), 'null');
    assert.equal(await frame.locator('main h1').innerText(), 'Quiz');
    const requests = env.server.requests.slice(seen);
    assert.ok(requests.some((u) => u.endsWith('_bg.wasm.css')), 'the opaque-origin copy of the .wasm was loaded');
    assert.ok(!requests.some((u) => u.endsWith('.wasm')), `no CORS fetch of the .wasm: ${requests}`);
    // The quiz's part came in one download too, its bundle's copy (the quiz's play part follows file by file, as
    // it shares files with the quiz's part).
    assert.ok(requests.some((u) => /\/parts\/bundle-[0-9a-f]+\.wasm\.css$/.test(u)), `a bundle's copy: ${requests}`);
    assert.deepEqual(await frame.evaluate(() => window.__cspViolations), [], 'no CSP violation in the frame');
    await page.waitForFunction(() => document.getElementById('sandbox-scripts').getBoundingClientRect().height !== 600);
    const fit = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
    assert.ok(fit <= 1, `${fit}px would scroll inside the frame`);
    await startQuiz(frame);
    const prompts = await playThrough(frame);
    assert.equal(prompts.length, 5);
    await page.waitForFunction(() => window.__messages.some((m) => m?.type === 'reverse-wave:quiz-complete'));
    const [done] = await page.evaluate(() => window.__messages.filter((m) => m?.type === 'reverse-wave:quiz-complete'));
    assert.equal(done.seed, 3);
    assert.equal(done.len, 5);
    assert.ok(done.max > 0);
    assert.ok(Number.isInteger(done.score) && done.score >= 0 && done.score <= done.max, `score ${done.score}`);
    assert.equal(done.questionIds.length, 5);
    // Still fits once the results are shown.
    await page.waitForTimeout(200);
    const fitAfter = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
    assert.ok(fitAfter <= 1, `${fitAfter}px would scroll inside the frame at the results`);
    assert.deepEqual(await frame.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('sandbox=allow-scripts: a changed .wasm copy is refused and the friendly message shows', async () => {
    const { context, page } = await openPage(env.browser, env.server, { viewport: DESKTOP, allowOrigins: [school.origin] });
    await page.route('**/*.wasm.css', async (route) => {
      try {
        const response = await route.fetch();
        const text = await response.text();
        const at = text.indexOf('"') + 1000;
        // One base64 character changed: still a valid stylesheet and valid base64, but other bytes.
        await route.fulfill({ response, body: text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1) });
      } catch {
        // The test has ended and closed the page while a copy was on its way.
      }
    });
    await page.goto(school.base + 'sandboxed.html');
    const frame = await (await page.locator('#sandbox-scripts').elementHandle()).contentFrame();
    await frame.waitForSelector('.boot__failed:not([hidden])', { timeout: 12_000 });
    assert.equal(await frame.evaluate(() => document.documentElement.hasAttribute('data-app-started')), false);
    await context.close();
  });

  it('frames are axe-clean inside the school page, and shrink back when content gets shorter', async () => {
    const { context, page, problems } = await schoolPage();
    for (const id of Object.keys(FRAMES)) {
      const frame = await frameOf(page, id);
      assert.deepEqual(await axeViolations(frame), [], id);
    }
    // The timeline filtered to one region is much shorter: the frame follows.
    const frame = await frameOf(page, 'plain');
    const tall = await page.locator('#plain').evaluate((f) => f.getBoundingClientRect().height);
    await frame.selectOption('.filter-region select', 'spain');
    await page.waitForFunction((h) => document.getElementById('plain').getBoundingClientRect().height < h - 100, tall);
    const fit = await frame.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight);
    assert.ok(fit <= 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('works on a host page with a strict Content-Security-Policy', async () => {
    const { context, page, problems } = await schoolPage('strict.html');
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    const frame = await frameOf(page, 'strict');
    assert.equal(await frame.locator('main h1').count(), 1);
    await page.waitForFunction(() => document.getElementById('strict').getBoundingClientRect().height !== 500);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('ignores messages that are not exactly its size request', async () => {
    const { context, page, problems } = await schoolPage();
    const frame = await frameOf(page, 'plain');
    const before = await frame.evaluate(() => [location.href, document.body.innerHTML.length]);
    await page.evaluate(() => {
      const w = document.getElementById('plain').contentWindow;
      for (const m of ['<img src=x onerror=alert(1)>', { type: 'reverse-wave:size-please', extra: 1 }, { type: 'reverse-wave:resize', height: 1 },
        ['reverse-wave:size-please'], null, 42, { type: 'navigate', url: 'https://evil.example/' }, { toString: 1 }]) w.postMessage(m, '*');
    });
    await page.waitForTimeout(300);
    assert.deepEqual(await frame.evaluate(() => [location.href, document.body.innerHTML.length]), before);
    assert.equal(await frame.locator('img').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('says how to open the full app when the host blocks new tabs', async () => {
    const { context, page, problems } = await schoolPage('popups.html', PHONE);
    const frame = await frameOf(page, 'no-popups');
    await frame.locator('.embed-bar__link').click();
    const box = frame.locator('.embed-bar__blocked');
    await box.waitFor();
    assert.match(await box.innerText(), /does not allow new tabs/);
    assert.equal(await box.locator('input').inputValue(), env.server.base, 'the full app, without embed=1');
    assert.equal(context.pages().length, 1, 'nothing opened, nothing navigated');
    assert.equal(page.url(), school.base + 'popups.html');
    // Chromium itself logs the blocked attempt; that one line is expected. Nothing else may appear.
    assert.deepEqual(problems.filter((p) => !/Blocked opening .* 'allow-popups' permission is not set/.test(p)), []);
    await context.close();
  });

  it('the Embed dialog builds a snippet for the chosen view, theme and height, with a live preview', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=compare&chart=english-share-of-hits');
    await page.getByRole('button', { name: 'Embed' }).click();
    const dialog = page.locator('dialog.embed-dialog');
    await dialog.waitFor();
    const code = () => dialog.locator('#embed-code').inputValue();
    assert.match(await code(), new RegExp(`^<iframe src="${env.server.base.replace(/[.]/g, '\\.')}\\?view=compare&amp;lang=en&amp;embed=1&amp;chart=english-share-of-hits" title="Reverse Wave: Compare the numbers" loading="lazy" style="width:100%;border:0" height="640"></iframe>\\n<script src="${env.server.base.replace(/[.]/g, '\\.')}embed\\.js" async></script>$`));
    // Each change of view or theme reloads the preview. A reload while the frame is still fetching its .wasm makes
    // Chromium log "Fetch API cannot load" for the abandoned request, so each load is let finish first (the
    // quiz's start screen also fetches the quiz's play part).
    const preview = dialog.locator('.embed-dialog__preview iframe');
    const inner = await (await preview.elementHandle()).contentFrame();
    const settled = async (pattern) => {
      await inner.waitForURL(pattern);
      await inner.waitForSelector('html[data-app-started] main h1');
      await inner.waitForLoadState('networkidle');
    };
    await settled(/view=compare/);
    await dialog.getByLabel('View').selectOption('quiz');
    await settled(/view=quiz&lang=en&embed/);
    await dialog.getByLabel('Theme').selectOption('dark');
    await settled(/view=quiz&lang=en&theme=dark/);
    // Issue 20: the embedded page's language, whatever its readers' browsers prefer.
    await dialog.getByLabel('Language').selectOption('ko');
    await settled(/view=quiz&lang=ko&theme=dark/);
    assert.equal(await inner.locator('html').getAttribute('lang'), 'ko');
    await dialog.getByLabel('Height in pixels').fill('500');
    await dialog.getByLabel(/resize script/).uncheck();
    const snippet = await code();
    assert.equal(snippet, `<iframe src="${env.server.base}?view=quiz&amp;lang=ko&amp;theme=dark&amp;embed=1" title="Reverse Wave: 퀴즈" loading="lazy" style="width:100%;border:0" height="500"></iframe>`);
    assert.equal(await preview.getAttribute('src'), `${env.server.base}?view=quiz&lang=ko&theme=dark&embed=1`);
    assert.equal(await inner.locator('html').getAttribute('data-theme'), 'dark');
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('.embed-dialog__preview iframe').count(), 0, 'no hidden second app');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
