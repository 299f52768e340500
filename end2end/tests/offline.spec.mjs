// Offline-ready PWA (issue 8): the service worker registers from a sub-folder, precaches exactly the build,
// serves every view with no network, offers a reload when a new build is waiting, and stays silent where
// service workers are unavailable. Chromium treats 127.0.0.1 as a secure context, so workers run on plain http.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { useBrowserAndServer } from '../support/suite.mjs';
import { DESKTOP, PHONE, VIEWS, axeViolations, openPage, visit } from '../support/browser.mjs';
import { DIST, serve } from '../support/server.mjs';

const PREFIX = '/trust/school/reverse-wave/';
const env = useBrowserAndServer(PREFIX);
const query = (view) => `?view=${view}`;

/** Waits until a service worker controls the page, reloading once if the first load was not claimed. */
async function controlled(page) {
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  return scope;
}

function filesUnder(root, dir = root) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

describe('offline and installable', () => {
  it('registers its service worker from the sub-folder and opens every view offline', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server);
    assert.equal(await controlled(page), env.server.base, 'scope is the app folder');
    await context.setOffline(true);
    for (const view of VIEWS) {
      await visit(page, env.server, query(view));
      assert.equal(await page.getAttribute('main', 'data-view'), view, `${view} offline`);
    }
    await page.setViewportSize(PHONE);
    await visit(page, env.server, '?view=quiz&embed=1');
    assert.equal(await page.locator('nav').count(), 0, 'embedded quiz offline');
    await visit(page, env.server, 'index.html?view=timeline');
    assert.equal(await page.getAttribute('main', 'data-view'), 'timeline', 'index.html offline');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('keeps a language pack once it has been used, and no other (issue 20)', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server, '?view=timeline&lang=ko');
    await controlled(page);
    // The first visit may have fetched the pack before the worker controlled the page: use it once more.
    await page.locator('.language-menu__select').selectOption('en');
    await visit(page, env.server, '?view=timeline&lang=ko');
    await context.setOffline(true);
    await visit(page, env.server, '?view=quiz&lang=ko');
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    assert.equal(await page.locator('main h1').innerText(), '퀴즈', 'Korean offline');
    await visit(page, env.server, '?view=quiz&lang=es');
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'Spanish was never used, so offline it is not there');
    assert.match(await page.locator('.language-menu__status').innerText(), /Español/);
    assert.deepEqual(problems.filter((p) => !/lang\/es-|Failed to fetch|net::ERR_INTERNET_DISCONNECTED|net::ERR_FAILED/.test(p)), []);
    await context.close();
  });

  it('precaches exactly the files of this build, with their integrity', async () => {
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const list = sw.slice(sw.indexOf('const FILES = ') + 'const FILES = '.length, sw.indexOf('\n];') + 2);
    const files = JSON.parse(list.replace(/,\n\]$/, '\n]'));
    // Not precached: host configuration, the stylesheet copies that only opaque-origin frames load (the page's
    // own stylesheets are inline, so every .css is one), the
    // precompressed copies for servers (the worker stores what the browser decoded), the parts' bundles (the same
    // bytes as the part files, which the loader asks for one by one when the worker serves the page) and the
    // language packs (kept once used: see the next test).
    const expected = filesUnder(DIST)
      .filter((f) => f !== 'sw.js' && f !== '_headers' && !f.endsWith('.css') && !/\.(br|gz)$/.test(f) && !f.startsWith('lang/') && !f.startsWith('parts/bundle-'))
      .map((f) => (f === 'index.html' ? './' : `./${f}`)).sort();
    // The part files come from the table of part files, which the worker lists and reads when it installs.
    const table = /\nconst PARTS = "(.*?)";\n/.exec(sw)[1];
    assert.ok(files.some(([url]) => url === table), 'the table is kept');
    const parts = JSON.parse(readFileSync(join(DIST, table), 'utf8'));
    assert.ok(files.every(([url]) => !url.startsWith('./parts/part-')), 'sw.js lists no part file itself');
    assert.deepEqual([...files, ...parts].map(([url]) => url).sort(), expected);
    assert.ok([...files, ...parts].every(([url, integrity]) => url === './' || /^sha384-/.test(integrity)), 'integrity on every asset');

    const { context, page, problems } = await openPage(env.browser, env.server);
    await visit(page, env.server);
    await controlled(page);
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names[0]);
      return { names, urls: (await cache.keys()).map((r) => r.url) };
    });
    assert.equal(cached.names.length, 1);
    assert.ok(cached.names[0].includes(env.server.base), `cache name carries the scope: ${cached.names[0]}`);
    assert.deepEqual(cached.urls.sort(), expected.map((u) => new URL(u, env.server.base).href).sort());
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('links a valid manifest whose icons exist', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server);
    await visit(page, env.server);
    const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
    assert.equal(href, `${env.server.base}manifest.webmanifest`);
    const response = await page.request.get(href);
    assert.equal(response.status(), 200);
    const manifest = JSON.parse(await response.text());
    assert.equal(manifest.name, 'Reverse Wave');
    assert.ok(manifest.short_name && manifest.short_name.length <= 12, 'short name fits under an icon');
    assert.ok(manifest.description);
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.display, 'standalone');
    // The light theme's page colour (style/tokens.css), so the splash screen matches the first paint.
    const tokens = readFileSync(new URL('../../style/tokens.css', import.meta.url), 'utf8');
    const bg = tokens.match(/--bg:\s*(#[0-9a-f]{6})/i)[1];
    assert.equal(manifest.background_color, bg);
    assert.equal(manifest.theme_color, bg);
    const sizes = [];
    for (const icon of manifest.icons) {
      const res = await page.request.get(new URL(icon.src, href).href);
      assert.equal(res.status(), 200, icon.src);
      assert.equal(icon.type, 'image/png');
      const [w, h] = pngSize(await res.body());
      assert.equal(`${w}x${h}`, icon.sizes, `${icon.src} is ${icon.sizes}`);
      sizes.push(`${icon.sizes} ${icon.purpose}`);
    }
    for (const need of ['192x192 any', '512x512 any', '512x512 maskable']) assert.ok(sizes.includes(need), need);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('stays quiet and works where service workers are missing or throw', async () => {
    const blocked = [
      () => Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined }),
      () => Object.defineProperty(Navigator.prototype, 'serviceWorker', {
        get() { throw new DOMException('Service workers are disabled here', 'SecurityError'); },
      }),
    ];
    for (const initScript of blocked) {
      const { context, page, problems } = await openPage(env.browser, env.server, { initScript });
      for (const view of ['home', 'quiz']) await visit(page, env.server, query(view));
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  it('teaches key facts with their sources when JavaScript is off', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(env.server.base);
    assert.equal(await page.locator('.noscript h1').innerText(), 'Five facts, checked');
    const facts = page.locator('.noscript li');
    const count = await facts.count();
    assert.ok(count >= 4 && count <= 6, `${count} facts`);
    for (let i = 0; i < count; i++) {
      assert.match(await facts.nth(i).innerText(), /Source: /, `fact ${i + 1} names its source`);
      assert.ok(await facts.nth(i).locator('a[href^="https://"]').count() >= 1, `fact ${i + 1} links its source`);
    }
    assert.equal(await page.locator('.boot__loading').isVisible(), false, 'no endless "Loading…"');
    await context.close();
  });

  it('runs embedded in a sandboxed iframe without errors', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    // A school page framing the app the way embed instructions usually suggest.
    await page.route('**/host.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>School</title><iframe sandbox="allow-scripts allow-same-origin allow-popups" src="./?view=quiz&embed=1" width="600" height="600"></iframe>',
    }));
    await page.goto(`${env.server.base}host.html`);
    const frame = page.frameLocator('iframe');
    await frame.locator('html[data-app-started] main h1').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('updates', () => {
  // A private copy of the build, so the test can publish a "new version" by changing its sw.js.
  let root;
  let server;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'reverse-wave-'));
    cpSync(DIST, root, { recursive: true });
    server = await serve({ root, prefix: PREFIX });
  });
  after(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('offers "New version available — Reload" when a new build is waiting, and switches on Reload', async () => {
    const { context, page, problems } = await openPage(env.browser, server);
    await visit(page, server);
    await controlled(page);
    const [oldCache] = await page.evaluate(() => caches.keys());
    assert.equal(await page.locator('.sw-update').count(), 0, 'no prompt on a first visit');

    const swPath = join(root, 'sw.js');
    writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(/^const VERSION = "(\w+)";$/m, 'const VERSION = "$1-next";'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const prompt = page.locator('.sw-update');
    await prompt.waitFor();
    assert.match(await prompt.innerText(), /New version available/);
    assert.equal(await prompt.getAttribute('role'), 'status');
    // The running app shows it (its words come from the translation catalog), not the loader's stand-in.
    assert.equal(await page.locator('.sw-update--stand-in').count(), 0);
    assert.deepEqual(await axeViolations(page), []);

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await page.waitForSelector('html[data-app-started] main h1');
    const names = await page.evaluate(() => caches.keys());
    assert.equal(names.length, 1, `old cache dropped: ${names}`);
    assert.notEqual(names[0], oldCache);
    assert.ok(names[0].endsWith('-next'));
    assert.equal(await page.locator('.sw-update').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
