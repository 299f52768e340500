// The parts of the app that load later (issues 17 and 21; src/views/parts.rs): the home page needs none of them,
// a page that opens on another view fetches only that view's part, the rest arrive in the background, and a part
// that cannot be fetched gives a clear message and a way to try again, never a broken page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer } from '../support/suite.mjs';
import { axeViolations, openPage, visit, PHONE } from '../support/browser.mjs';
import { readBuild } from '../support/bytes.mjs';

const env = useBrowserAndServer('/school/reverse-wave/');

/**
 * What the page's loader knows: which part holds each view, which files each part needs (from the table of part
 * files) and each part's bundle (its files in one download, used when none of them has been fetched yet).
 */
async function build(page) {
  const { views, loaders, bundles, partFiles } = readBuild(await (await page.request.get(env.server.base)).text());
  const table = await (await page.request.get(env.server.base + partFiles[0])).json();
  const parts = table.map(([file]) => file.replace('./', ''));
  return {
    views,
    parts,
    loaders,
    table: partFiles[0].replace('./', ''),
    bundles: Object.fromEntries(Object.entries(bundles).map(([loader, [file]]) => [file.replace('./', ''), loaders[loader].map((i) => parts[i])])),
  };
}

const partRequests = (page) => {
  const seen = [];
  page.on('request', (r) => { if (r.url().includes('/parts/')) seen.push(r.url().replace(/.*\/parts\//, 'parts/')); });
  return seen;
};

/** The part files a list of requests brought, in order: a bundle brings each of its files; the table, none. */
const brought = (seen, bundles) => seen.filter((file) => file.endsWith('.wasm')).flatMap((file) => bundles[file] ?? [file]);

describe('parts that load later', () => {
  it('the home page mounts before any part is fetched; the parts follow in the background', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    const seen = partRequests(page);
    await page.goto(env.server.base);
    await page.waitForSelector('html[data-app-started] main[data-view="home"] h1');
    const { parts, bundles } = await build(page);
    assert.ok(parts.length >= 4, `${parts.length} part files`);
    // Everything after the mount is the background fetch of every part: each file once, alone or in a bundle.
    for (let waited = 0; new Set(brought(seen, bundles)).size < parts.length; waited += 100) {
      assert.ok(waited < 20000, `after 20 s, only ${seen.join(', ')}`);
      await page.waitForTimeout(100);
    }
    assert.deepEqual([...brought(seen, bundles)].sort(), [...parts].sort());
    // A view from a part then opens at once, its heading focused as after any navigation.
    await page.locator('.site-nav__link', { hasText: 'Timeline' }).click();
    await page.waitForFunction(() => document.activeElement?.matches('main[data-view="timeline"] h1'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a page that opens on a view fetches that view\'s part first, beside the main module', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    const seen = partRequests(page);
    const wasmRequests = [];
    page.on('request', (r) => wasmRequests.push(r.url()));
    await visit(page, env.server, '?view=tally');
    assert.equal(await page.locator('main h1').textContent(), 'Class results');
    assert.equal(await page.locator('main [role="alert"]').count(), 0, 'the view, not "could not be loaded"');
    await page.locator('main[data-view="tally"] textarea, main[data-view="tally"] input').first().waitFor();
    const { views, parts, loaders, bundles } = await build(page);
    const own = loaders[views.tally].map((i) => parts[i]);
    // In one request: the tally's bundle, a WebAssembly module whose custom sections hold the part and its chunks.
    assert.ok(bundles[seen[0]], `the first part request is a bundle: ${seen[0]}`);
    assert.deepEqual(bundles[seen[0]], own, 'the tally\'s part and its chunks come first, in one download');
    assert.ok(WebAssembly.validate(await (await page.request.get(env.server.base + seen[0])).body()), 'a valid module');
    // Requested while the main module was still downloading, not after it had started.
    const timing = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource');
      const main = entries.find((e) => /_bg\.wasm$/.test(e.name));
      return { mainEnd: main.responseEnd, firstPart: Math.min(...entries.filter((e) => e.name.includes('/parts/')).map((e) => e.startTime)) };
    });
    assert.ok(timing.firstPart < timing.mainEnd, `first part requested at ${timing.firstPart} ms, main module done at ${timing.mainEnd} ms`);
    // The page's view and the background loading share the loader's downloads: each file is asked for once.
    assert.equal(wasmRequests.filter((u) => /_bg\.wasm$/.test(u)).length, 1, 'the main module, once');
    const files = brought(seen, bundles);
    assert.deepEqual(files, [...new Set(files)], 'each part file, once');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('pointing at a link fetches its view\'s part at once, ahead of the background loading', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, serviceWorkers: 'block' });
    const seen = partRequests(page);
    await visit(page, env.server, '');
    // The other parts wait a few seconds after start-up (src/views/parts.rs), so nothing has been asked yet.
    assert.deepEqual(seen, []);
    const { views, parts, loaders, bundles } = await build(page);
    const own = loaders[views.compare].map((i) => parts[i]);
    await page.locator('.site-nav__link', { hasText: 'Compare' }).hover();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/parts/')));
    assert.deepEqual(brought(seen.slice(0, 1), bundles), own, 'the charts part and its chunks come first, in one download');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('links followed before their parts arrive, then back and forward, show each view (no panic)', async () => {
    // Held parts: no service worker, whose own fetches the page's routes do not reach.
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, serviceWorkers: 'block' });
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    await page.route('**/parts/**', async (route) => { await released; await route.continue(); });
    await visit(page, env.server, '');
    const nav = (name) => page.locator('.site-nav__link', { hasText: name });
    await nav('Timeline').click();
    assert.match(await page.locator('main [role="status"]').textContent(), /loading/i);
    // The timeline's wait is left behind while its part is still on the way.
    await nav('Quiz').click();
    await page.locator('main[data-view="quiz"] [role="status"]').waitFor();
    release();
    await page.waitForFunction(() => document.activeElement?.matches('main[data-view="quiz"] h1'));
    await page.goBack();
    await page.locator('main[data-view="timeline"] h1').waitFor();
    assert.equal(await page.locator('main h1').textContent(), 'Timeline');
    await page.goForward();
    await page.locator('main[data-view="quiz"] h1').waitFor();
    await page.getByRole('button', { name: 'Start quiz' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('where the bundle cannot be fetched, the files come one by one', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, serviceWorkers: 'block' });
    const seen = partRequests(page);
    await page.route('**/parts/bundle-*', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await visit(page, env.server, '?view=compare');
    await page.locator('main[data-view="compare"] canvas').first().waitFor();
    const { views, parts, loaders, bundles, table } = await build(page);
    const own = loaders[views.compare].map((i) => parts[i]);
    assert.ok(bundles[seen[0]], 'the bundle was asked for first');
    assert.equal(seen[1], table, 'then the table of part files');
    assert.deepEqual([...seen.slice(2, 2 + own.length)].sort(), [...own].sort());
    // The 404 fails its integrity check: the browser's own console errors, nothing from the app.
    assert.deepEqual(problems.filter((p) => !/404|Failed to load resource|integrity|SRI/.test(p)), []);
    await context.close();
  });

  it('a part that cannot be fetched says so, and "Try again" opens the view once it can', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE });
    let blocked = true;
    await page.route('**/parts/**', (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`${env.server.base}?view=compare`);
    const alert = page.locator('main [role="alert"]');
    await alert.waitFor();
    assert.equal(await page.locator('main h1').textContent(), 'Compare the numbers');
    assert.match(await alert.textContent(), /could not be loaded.*try again/i);
    assert.deepEqual(await axeViolations(page), []);
    blocked = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('main[data-view="compare"] canvas').first().waitFor();
    assert.equal(await alert.count(), 0);
    // The blocked requests are the browser's own console errors; the app itself reported nothing.
    assert.deepEqual(problems.filter((p) => !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
    await context.close();
  });
  it('"Start quiz" waits for the questions\' part: the start screen stays, says why, and the question comes with focus', async () => {
    // No service worker: its own fetches would not reach the page's routes.
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, serviceWorkers: 'block' });
    const { parts, loaders, bundles } = await build(page);
    const [, play] = Object.entries(loaders).find(([loader]) => loader.endsWith('_play'));
    const playOnly = parts[play.at(-1)];
    const playBundle = Object.keys(bundles).find((file) => bundles[file].at(-1) === playOnly);
    assert.ok(!loaders[Object.keys(loaders).find((l) => l.endsWith('_quiz'))].map((i) => parts[i]).includes(playOnly), 'the quiz view does not wait for the questions');
    let mode = 'block';
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    await page.route('**/parts/**', async (route) => {
      const url = route.request().url();
      if (!url.endsWith(playOnly) && !url.endsWith(playBundle)) return route.continue();
      if (mode === 'block') return route.abort('internetdisconnected');
      await released;
      return route.continue();
    });
    await visit(page, env.server, '?view=quiz');
    const start = page.getByRole('button', { name: 'Start quiz' });
    const status = page.locator('.quiz-setup [role="status"]');
    // Blocked: the start screen says so, and stays.
    await start.click();
    await page.waitForFunction(() => /could not be loaded/.test(document.querySelector('.quiz-setup [role="status"]')?.textContent));
    assert.match(await status.textContent(), /questions could not be loaded.*press the button again/i);
    assert.equal(await page.locator('.quiz-card').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    // On its way: "Loading the questions…", the start screen stays and focus stays on the button.
    mode = 'hold';
    await start.click();
    await page.waitForFunction(() => /Loading the questions/.test(document.querySelector('.quiz-setup [role="status"]')?.textContent));
    await start.click(); // a second press while waiting changes nothing
    assert.equal(await page.locator('.quiz-card').count(), 0);
    assert.ok(await start.evaluate((button) => button === document.activeElement), 'focus stays on "Start quiz"');
    release();
    await page.waitForFunction(() => document.activeElement?.id === 'quiz-question-title');
    assert.equal(await page.locator('.quiz-card').count(), 1);
    assert.match(await page.locator('.quiz-progress__count').textContent(), /^Question 1 of \d+$/);
    assert.deepEqual(problems.filter((p) => !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
    await context.close();
  });

  it('a saved quiz that opens on its question brings the questions\' part before the app starts', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, serviceWorkers: 'block' });
    await visit(page, env.server, '?view=quiz');
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.locator('.quiz-card').waitFor();
    // The questions' part now arrives a second late: the app waits for it rather than show "Loading…".
    await page.route('**/parts/**', async (route) => {
      await new Promise((resolve) => { setTimeout(resolve, 1000); });
      await route.continue();
    });
    await page.reload();
    await page.waitForSelector('html[data-app-started]');
    assert.equal(await page.locator('.quiz-card').count(), 1, 'the saved question is there as the app starts');
    assert.equal(await page.locator('main [role="status"]', { hasText: 'Loading' }).count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the class link\'s QR code comes with the teacher\'s part: blocked, it says so, and "Try again" draws it', async () => {
    // No service worker: it would fetch the part for its offline copy, out of the page's routes' reach, and
    // serve it to the page once it takes over.
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: PHONE, serviceWorkers: 'block' });
    const { views, parts, loaders } = await build(page);
    // The teacher's part itself (not the chunks it shares with the quiz): a student's quiz does not need it.
    const teacherOnly = parts[loaders[views.tally].at(-1)];
    assert.ok(!loaders[views.quiz].map((i) => parts[i]).includes(teacherOnly), 'the quiz part does not fetch the teacher\'s part');
    let blocked = true;
    await page.route(`**/${teacherOnly}`, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await visit(page, env.server, '?view=quiz');
    await page.getByRole('button', { name: 'Show QR code' }).click();
    const alert = page.locator('#quiz-class-qr [role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /QR code could not be loaded.*try again/i);
    assert.deepEqual(await axeViolations(page), []);
    blocked = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('#quiz-class-qr .qr-code__svg').waitFor();
    assert.equal(await alert.count(), 0);
    assert.deepEqual(problems.filter((p) => !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
    await context.close();
  });
});
