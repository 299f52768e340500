// Deployment (issue 22): the release build served from a sub-folder by real nginx and Apache, configured with
// exactly the snippets the README gives (deploy/nginx.conf, deploy/apache.conf), checked with real requests and
// a real browser; and the release zip (`cargo xtask package`) unpacked into a freshly started nginx.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from '../support/server.mjs';
import { serveSchool } from '../support/school.mjs';
import { DESKTOP, launch, openPage, visit } from '../support/browser.mjs';
import { startApache, startNginx, unzip } from '../support/webservers.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WASM = readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));

/** One GET with the given Accept-Encoding, without decoding the body: status, headers and body length. */
function get(url, encoding = '') {
  return new Promise((resolve, reject) => {
    const headers = encoding ? { 'accept-encoding': encoding } : {};
    request(url, { headers }, (res) => {
      let length = 0;
      res.on('data', (d) => { length += d.length; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, length }));
    }).on('error', reject).end();
  });
}

const SECURITY = {
  'content-security-policy': "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

for (const [name, start] of [['nginx', startNginx], ['Apache', startApache]]) {
  describe(`served by ${name} with the README's snippet`, () => {
    let server;
    let browser;
    before(async () => {
      server = await start(DIST);
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('sends the security headers, the right types, and the right caching for each kind of file', async () => {
      const page = await get(server.base);
      assert.equal(page.status, 200, server.log());
      assert.match(page.headers['content-type'], /^text\/html/);
      for (const [header, value] of Object.entries(SECURITY)) assert.equal(page.headers[header], value, `${header} on the page`);
      assert.equal(page.headers['cache-control'], 'no-cache', 'the page is revalidated');
      const sw = await get(`${server.base}sw.js`);
      assert.match(sw.headers['content-type'], /javascript/);
      assert.equal(sw.headers['cache-control'], 'no-cache', 'the service worker is revalidated');
      const wasm = await get(`${server.base}${WASM}`);
      assert.equal(wasm.status, 200);
      assert.equal(wasm.headers['content-type'], 'application/wasm');
      assert.equal(wasm.headers['content-encoding'], undefined, 'no encoding unless asked');
      assert.equal(wasm.length, readFileSync(join(DIST, WASM)).length);
      assert.equal(wasm.headers['cache-control'], 'public, max-age=31536000, immutable', 'hashed files are immutable');
      for (const [header, value] of Object.entries(SECURITY)) assert.equal(wasm.headers[header], value, `${header} on the .wasm`);
      const icon = readdirSync(DIST).find((f) => /^icon-[0-9a-f]{12,16}\.svg$/.test(f));
      assert.equal((await get(`${server.base}${icon}`)).headers['cache-control'], 'public, max-age=31536000, immutable');
      // The table of part files and a language pack are named by their content too.
      const table = readdirSync(join(DIST, 'parts')).find((f) => /^files-[0-9a-f]{12,16}\.json$/.test(f));
      const pack = readdirSync(join(DIST, 'lang')).find((f) => /^es-[0-9a-f]{12,16}\.txt$/.test(f));
      for (const file of [`parts/${table}`, `lang/${pack}`]) {
        const response = await get(`${server.base}${file}`);
        assert.equal(response.status, 200, file);
        assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable', file);
      }
    });

    it('sends the precompressed .br or .gz copy when the browser accepts it', async () => {
      for (const [accept, encoding] of [['br, gzip', 'br'], ['gzip', 'gzip']]) {
        const copy = readFileSync(join(DIST, `${WASM}.${encoding === 'br' ? 'br' : 'gz'}`));
        const wasm = await get(`${server.base}${WASM}`, accept);
        assert.equal(wasm.headers['content-encoding'], encoding, `${accept}: ${JSON.stringify(wasm.headers)}`);
        assert.equal(wasm.headers['content-type'], 'application/wasm');
        assert.equal(wasm.length, copy.length, `${accept}: the file from the build, not compressed again`);
        assert.match(wasm.headers.vary ?? '', /accept-encoding/i);
        const sw = await get(`${server.base}sw.js`, accept);
        assert.equal(sw.headers['content-encoding'], encoding, `sw.js (${accept})`);
        assert.match(sw.headers['content-type'], /javascript/);
      }
    });

    it('runs the app, keeps it working offline, and lets a school site on another origin embed it', async () => {
      const { context, page, problems } = await openPage(browser, server, { viewport: DESKTOP });
      await visit(page, server, '?view=timeline');
      assert.equal(await page.getAttribute('main', 'data-view'), 'timeline');
      await page.evaluate(async () => navigator.serviceWorker.ready);
      if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
      await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
      await context.setOffline(true);
      await visit(page, server, '?view=quiz');
      assert.equal(await page.getAttribute('main', 'data-view'), 'quiz', 'offline after a first visit');
      await context.setOffline(false);
      assert.deepEqual(problems, []);
      await context.close();

      const school = await serveSchool(server);
      try {
        const opened = await openPage(browser, school, { viewport: DESKTOP, allowOrigins: [server.origin] });
        await opened.page.goto(`${school.base}index.html`);
        for (const id of ['plain', 'sandbox-same-origin']) {
          const handle = await opened.page.locator(`#${id}`).elementHandle();
          await handle.scrollIntoViewIfNeeded();
          const frame = await handle.contentFrame();
          await frame.waitForSelector('html[data-app-started] main h1', { timeout: 15_000 });
        }
        assert.deepEqual(opened.problems, []);
        await opened.context.close();
      } finally {
        await school.close();
      }
    });
  });
}

describe('the release package', () => {
  it('unpacked into a sub-folder of a fresh nginx, serves a working app', async () => {
    const zips = existsSync(join(ROOT, 'target/package')) ? readdirSync(join(ROOT, 'target/package')).filter((f) => f.endsWith('.zip')) : [];
    assert.equal(zips.length, 1, 'cargo xtask package wrote one zip (cargo xtask test runs it before these tests)');
    const dir = unzip(join(ROOT, 'target/package', zips[0]));
    const guide = readFileSync(join(dir, 'HOW-TO-PUBLISH.txt'), 'utf8');
    assert.match(guide, /nginx/);
    assert.equal(readFileSync(join(dir, 'server-config/nginx.conf'), 'utf8'), readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8'));
    const server = await startNginx(join(dir, 'reverse-wave'));
    const browser = await launch();
    try {
      const { context, page, problems } = await openPage(browser, server, { viewport: DESKTOP });
      await visit(page, server, '?view=compare');
      assert.equal(await page.getAttribute('main', 'data-view'), 'compare');
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('the README shows exactly the tested server snippets', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const [file, lang] of [['nginx.conf', 'nginx'], ['apache.conf', 'apache']]) {
      const snippet = readFileSync(join(ROOT, 'deploy', file), 'utf8');
      assert.ok(readme.includes('```' + lang + '\n' + snippet + '```'), `README's ${lang} block is deploy/${file}`);
    }
  });
});
