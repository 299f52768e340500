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

/** The policy line of public/_headers, which the release build copies into its <meta>. */
function headersPolicy() {
  const headers = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
  return headers.match(/^\s+Content-Security-Policy:\s*(.+)$/m)[1].trim();
}

describe('security', () => {
  it('serves a strict Content-Security-Policy meta, equal to the host headers minus frame-ancestors', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server);
    await visit(page, env.server);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.ok(policy, 'the page has a CSP meta');
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
    for (const directive of ["script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "default-src 'self'"]) {
      assert.ok(policy.split(/;\s*/).includes(directive), `policy has ${directive}`);
    }
    assert.equal(`${policy}; frame-ancestors *`, headersPolicy(), 'meta and public/_headers agree');
    // A meta policy only governs what comes after it: it must precede every script and stylesheet.
    const html = await (await page.request.get(env.server.base)).text();
    assert.ok(html.indexOf('Content-Security-Policy') < html.search(/<(script|link)\b/), 'policy before any script or link');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script in index.html');
    // The README's nginx snippet is what hosts copy: it must carry the same policy.
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    assert.ok(readme.includes(headersPolicy()), 'README nginx snippet has the current policy');
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

  it('puts a matching sha384 integrity on every script, stylesheet and preload', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server);
    await visit(page, env.server);
    const tags = await page.evaluate(() => [...document.querySelectorAll(
      'script, link[rel="stylesheet"], link[rel="modulepreload"], link[rel="preload"], link[rel="icon"]',
    )].map((el) => ({ tag: el.outerHTML.slice(0, 80), url: el.src || el.href, integrity: el.integrity })));
    assert.ok(tags.filter((t) => t.tag.startsWith('<script')).length >= 2, 'boot and loader scripts');
    assert.ok(tags.some((t) => t.url.endsWith('.wasm')), 'the wasm is preloaded');
    for (const { tag, url, integrity } of tags) {
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
    ['wasm-bindgen JS', '**/reverse-wave-*.js', (b) => Buffer.concat([b, Buffer.from('\n// tampered\n')])],
    ['loader', '**/loader-*.js', (b) => Buffer.concat([b, Buffer.from('\n// tampered\n')])],
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
