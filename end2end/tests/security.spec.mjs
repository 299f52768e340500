// What a school's IT team would check: a strict Content-Security-Policy that the app never trips, integrity
// on everything it loads (and tampered files refused), no cookies, nothing sent to other origins.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { useBrowserAndServer } from '../support/suite.mjs';
import { DESKTOP, PHONE, VIEWS, openPage, visit } from '../support/browser.mjs';

const env = useBrowserAndServer('/district/school/reverse-wave/');

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const query = (view, extra = '') => `?view=${view}${extra}`;

/** Runs before any page script: collects every CSP violation, so a test can fail on the first one. */
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}
const violations = (page) => page.evaluate(() => window.__cspViolations);

/** The policy line of a _headers file: public/ (the source, the whole policy) or dist/ (what a host sends). */
function headersPolicy(folder = 'public') {
  const headers = readFileSync(new URL(`../../${folder}/_headers`, import.meta.url), 'utf8');
  return headers.match(/^\s+Content-Security-Policy:\s*(.+)$/m)[1].trim();
}
const cspHash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('security', () => {
  it('serves a strict Content-Security-Policy: the page\'s two metas, and the directives a host sends', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server);
    await visit(page, env.server);
    const metas = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((els) => els.map((m) => m.content));
    assert.equal(metas.length, 2, 'the written policy, and the one boot.js narrows it with');
    const [policy, narrowed] = metas;
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
    const directives = policy.split(/;\s*/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "default-src 'self'"]) {
      assert.ok(directives.includes(directive), `policy has ${directive}`);
    }
    // Scripts and styles: the app's folder, plus the hashes of exactly the inline code of index.html (boot, the
    // wasm-bindgen module with the loader, and the CSS, inlined by the shell step, xtask/src/shell, so opaque-origin
    // frames work). Stylesheets, images and the manifest may also come from `https: http:` in the written policy
    // (WebKit refuses 'self' in sandboxed frames); the second policy allows only this page's origin instead.
    const html = await (await page.request.get(env.server.base)).text();
    const inline = (tag) => [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => cspHash(m[1]));
    assert.equal(inline('script').length, 2, 'boot and the module are inline');
    assert.equal(inline('style').length, 1, 'one inline stylesheet');
    assert.ok(directives.includes(["script-src 'self' 'wasm-unsafe-eval'", ...inline('script')].join(' ')), `script-src: ${policy}`);
    assert.ok(directives.includes(["style-src 'self'", ...inline('style'), 'https: http:'].join(' ')), `style-src: ${policy}`);
    assert.ok(directives.includes("img-src 'self' data: blob: https: http:"), `img-src: ${policy}`);
    assert.equal(narrowed, policy.replaceAll('https: http:', env.server.origin), 'narrowed to this origin');
    assert.doesNotMatch(narrowed, /https: http:/);
    assert.doesNotMatch(html, /<link[^>]+rel=["']?(stylesheet|modulepreload|preload)\b/, 'nothing a CORS-less opaque-origin frame would be refused');
    assert.doesNotMatch(html, /\sstyle=/, 'no style attributes');
    // The host sends the directives that do not name 'self' (all engines read them the same way).
    const hostPart = headersPolicy().split(/;\s*/).filter((d) => !d.includes("'self'")).join('; ');
    assert.equal(headersPolicy('dist'), hostPart, 'dist/_headers');
    assert.ok(hostPart.includes('frame-ancestors *'));
    // A meta policy only governs what comes after it: it must precede every script and stylesheet.
    assert.ok(html.indexOf('Content-Security-Policy') < html.search(/<(script|link|style)\b/), 'policy before any script, style or link');
    // The README's nginx snippet is what hosts copy and keep across updates: it must not restrict scripts or
    // styles (a header without this build's hashes would block the inline code; the meta carries them).
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const nginx = readme.match(/add_header Content-Security-Policy "([^"]+)"/)[1];
    assert.doesNotMatch(nginx, /(default|script|style)-src/, 'README nginx policy leaves scripts and styles to the meta');
    assert.equal(nginx, hostPart, 'the nginx snippet sends what dist/_headers sends');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const embed of ['', '&embed=1']) {
    it(`loads every view${embed ? ' embedded' : ''} with no CSP violation, cookie or off-origin request`, async () => {
      const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP, initScript: recordViolations });
      for (const view of VIEWS) {
        await visit(page, env.server, query(view, embed));
        // Let deferred work (charts drawn in the next frame, timeline markers) run under the policy too.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        assert.deepEqual(await violations(page), [], `${view}${embed}: CSP violations`);
      }
      // Phone layout takes other code paths (bottom nav, no timeline axis).
      await page.setViewportSize(PHONE);
      await visit(page, env.server, query('timeline', `${embed}&event=squid-game-premiere`));
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(await context.cookies(), [], 'no cookies');
      assert.equal(await page.evaluate(() => document.cookie), '');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('puts a matching sha384 integrity on every file the page names', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server);
    await visit(page, env.server);
    const tags = await page.evaluate(() => [...document.querySelectorAll(
      'script, link[rel="stylesheet"], link[rel="modulepreload"], link[rel="preload"], link[rel="icon"]',
    )].map((el) => ({ tag: el.outerHTML.slice(0, 80), url: el.src || el.href, integrity: el.integrity })));
    // Scripts and styles are inline (hashed in the policy, see above); the .wasm has its integrity in a meta.
    const external = tags.filter((t) => t.url);
    assert.ok(external.some((t) => t.url.endsWith('.svg')), 'the icon');
    assert.ok(tags.filter((t) => !t.url).every((t) => t.tag.startsWith('<script')), 'only scripts are inline (hashed)');
    // The loader's BUILD constant, written by the shell step (xtask/src/shell), names the .wasm and its copy.
    const html = await (await page.request.get(env.server.base)).text();
    const build = html.match(/const BUILD = \{ wasm: "([^"]+)", integrity: "([^"]+)", opaqueOriginWasm: "([^"]+)"/);
    assert.ok(build, 'the start script has its BUILD constant');
    const wasmUrl = new URL(build[1], env.server.base).href;
    assert.ok(wasmUrl.endsWith('.wasm'));
    assert.equal(build[3], `${build[1]}.css`, 'the opaque-origin copy sits next to the .wasm');
    external.push({ tag: 'BUILD.wasm', url: wasmUrl, integrity: build[2] });
    for (const { tag, url, integrity } of external) {
      assert.ok(url, `${tag}: external`);
      assert.ok(url.startsWith(env.server.base), `${url}: served from the app's folder`);
      const body = await (await page.request.get(url)).body();
      assert.equal(integrity, sri(body), `${url}: integrity matches the served bytes`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  // Appending a custom section keeps a .wasm valid (and JS stays valid with a comment), so only the integrity
  // check can stop the changed file from running.
  for (const [kind, pattern, tamper] of [
    ['WASM', '**/*.wasm', (b) => Buffer.concat([b, Buffer.from([0, 5, 4, 0x74, 0x65, 0x73, 0x74])])],
    // The inline module (wasm-bindgen glue and loader) no longer matches its hash in the policy.
    ['inline start-up module', '**/reverse-wave/', (b) => Buffer.from(b.toString('utf8').replace('<script type="module">', '<script type="module">/* tampered */'))],
  ]) {
  it(`refuses a tampered ${kind} and shows the friendly failure message`, async () => {
      const { context, page } = await openPage(env.browser, env.server);
      await page.route(pattern, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: tamper(await response.body()) });
      });
      await page.goto(env.server.base);
      await page.waitForSelector('.boot__failed:not([hidden])', { timeout: 12_000 });
      assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-app-started')), false);
      await context.close();
    });
  }
});
