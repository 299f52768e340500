// The app shell against the release build in headless Chromium, served from a sub-folder as a school would.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer } from '../support/suite.mjs';
import { DESKTOP, NAV_VIEWS, PHONE, VIEWS, axeViolations, horizontalOverflow, openPage, visit } from '../support/browser.mjs';

const env = useBrowserAndServer('/a/b/reverse-wave/');

const currentView = (page) => page.getAttribute('main', 'data-view');
const query = (view) => (view === 'home' ? '' : `?view=${view}`);

describe('app shell', () => {
  it('renders every view with one h1, its own title, lang="en" and no console errors', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server);
    const titles = new Set();
    for (const view of VIEWS) {
      await visit(page, env.server, query(view));
      assert.equal(await currentView(page), view);
      assert.equal(await page.locator('h1').count(), 1, `${view}: exactly one h1`);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const title = await page.title();
      assert.match(title, /Reverse Wave$/, `${view}: title`);
      titles.add(title);
      const inNav = NAV_VIEWS.includes(view) ? 1 : 0;
      assert.equal(await page.locator('nav a[aria-current="page"]').count(), inNav, `${view}: current nav item`);
      for (const landmark of ['header', 'nav', 'main', 'footer']) {
        assert.equal(await page.locator(landmark).count(), 1, `${view}: one ${landmark}`);
      }
    }
    assert.equal(titles.size, VIEWS.length, 'each view has its own page title');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`has no axe-core violations on any view (${colorScheme})`, async () => {
      const { context, page, problems } = await openPage(env.browser, env.server, { colorScheme, viewport: DESKTOP });
      for (const view of VIEWS) {
        await visit(page, env.server, query(view));
        assert.deepEqual(await axeViolations(page), [], `${view} (${colorScheme})`);
      }
      await page.setViewportSize(PHONE);
      await visit(page, env.server);
      assert.deepEqual(await axeViolations(page), [], `home at phone size (${colorScheme})`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  it('never scrolls sideways at 320 and 360 px, and its touch targets are at least 44x44', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { hasTouch: true });
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 740 });
      for (const view of VIEWS) {
        await visit(page, env.server, query(view));
        assert.equal(await horizontalOverflow(page), 0, `${view} at ${width}px`);
        const small = await page.evaluate(() =>
          [...document.querySelectorAll('nav a, header a, header button, main a, main button')]
            .filter((el) => !el.closest('p') && el.getClientRects().length > 0) // rendered (not in a closed dialog)
            .map((el) => ({ el: el.className || el.tagName, r: el.getBoundingClientRect() }))
            .filter(({ r }) => r.width < 44 || r.height < 44)
            .map(({ el, r }) => `${el} ${Math.round(r.width)}x${Math.round(r.height)}`));
        assert.deepEqual(small, [], `${view} at ${width}px: small targets`);
      }
    }
    // Navigation stays within thumb reach on phones: a bar fixed to the bottom of the screen.
    const nav = await page.locator('nav').boundingBox();
    assert.ok(nav.y + nav.height >= 740 - 1 && nav.y > 740 / 2, `nav at the bottom: ${JSON.stringify(nav)}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('prints every view without an error (printing used to call a spent resolution listener)', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    for (const view of VIEWS) {
      await visit(page, env.server, query(view));
      // page.pdf() switches to print media and back, which changes the resolution query the app watches.
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 1000, `${view} printed`);
      await page.waitForTimeout(50);
      assert.deepEqual(problems, [], `${view}: no error while printing`);
    }
    await context.close();
  });

  it('reaches every view by keyboard alone, with a visible focus ring', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement.className);
    assert.equal(first, 'skip-link', 'the skip link comes first');
    for (const view of [...NAV_VIEWS.slice(1), 'home']) {
      let found = false;
      for (let i = 0; i < 400 && !found; i++) {
        await page.keyboard.press('Tab');
        found = await page.evaluate((v) => {
          const el = document.activeElement;
          if (!el.matches('nav a')) return false;
          const target = new URL(el.href).searchParams.get('view') ?? 'home';
          return target === v;
        }, view);
      }
      assert.ok(found, `Tab reaches the ${view} link`);
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      assert.ok(ring.style !== 'none' && ring.width >= 2, `${view} link shows focus: ${JSON.stringify(ring)}`);
      await page.keyboard.press('Enter');
      await page.waitForFunction((v) => document.querySelector('main')?.dataset.view === v, view);
      // The app focuses the new view's heading in the frame after it mounts: wait for it (fails after 5 s).
      const focused = await page.waitForFunction(() => document.activeElement.tagName === 'H1', null, { timeout: 5000 })
        .then(() => 'H1', () => page.evaluate(() => document.activeElement.tagName));
      assert.equal(focused, 'H1', `after opening ${view}, focus moves to its heading`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the skip link moves focus to the main content', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { viewport: DESKTOP });
    await visit(page, env.server);
    await page.keyboard.press('Tab');
    assert.ok(await page.locator('.skip-link').isVisible(), 'skip link is visible when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('updates the URL on navigation and restores views with back and forward', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server);
    await visit(page, env.server);
    await page.click('nav a[href*="view=timeline"]');
    await page.waitForURL(/view=timeline/);
    await page.click('nav a[href*="view=quiz"]');
    await page.waitForURL(/view=quiz/);
    assert.equal(new URL(page.url()).pathname, '/a/b/reverse-wave/', 'the path is kept');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('main').dataset.view === 'timeline');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('main').dataset.view === 'home');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('main').dataset.view === 'timeline');
    assert.match(await page.title(), /^Timeline/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows the home view for hostile or malformed URL parameters, without reflecting them', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server);
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; d.dismiss(); });
    const hostile = [
      '?view=%00',
      '?view=<script>alert(1)</script>',
      '?view=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      `?view=${'x'.repeat(10_000)}`,
      '?view=quiz&view=timeline',
      '?view=%',
      '?view=%E2%82',
      '?theme=<b>&lang=zz&embed=yes&unknown=1',
    ];
    for (const q of hostile) {
      await visit(page, env.server, q);
      assert.equal(await currentView(page), 'home', q);
      const html = await page.content();
      assert.ok(!html.includes('<script>alert') && !html.includes('onerror=alert'), `${q} not reflected`);
      assert.equal(await page.locator('nav').count(), 1, `${q}: not switched into embed mode`);
    }
    assert.equal(dialogs, 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('loads every asset from its own sub-folder and nothing from elsewhere', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server);
    env.server.requests.length = 0;
    await visit(page, env.server, '?view=compare');
    assert.ok(env.server.requests.length >= 3, `requests: ${env.server.requests}`);
    const outside = env.server.requests.filter((p) => !p.startsWith('/a/b/reverse-wave/'));
    assert.deepEqual(outside, [], 'every request stays inside the sub-folder');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('theme and storage', () => {
  it('follows the device theme, and the toggle overrides it and is remembered', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server, { colorScheme: 'dark' });
    await visit(page, env.server);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const darkBg = await bg();
    assert.equal(await page.getAttribute('.theme-toggle', 'aria-pressed'), 'true', 'device dark → toggle pressed');
    await page.click('.theme-toggle');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
    assert.equal(await page.getAttribute('.theme-toggle', 'aria-pressed'), 'false');
    assert.notEqual(await bg(), darkBg, 'the page actually turned light');
    await page.reload();
    await page.waitForSelector('html[data-app-started]');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'light', 'remembered after reload');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('theme=dark in the URL wins, and toggling keeps the URL truthful', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server);
    await visit(page, env.server, '?view=quiz&theme=dark');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    await page.click('.theme-toggle');
    await page.waitForURL(/theme=light/);
    assert.equal(await currentView(page), 'quiz');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('keeps working when storage throws (sandboxed iframe, private mode)', async () => {
    const initScript = () => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    };
    const { context, page, problems } = await openPage(env.browser, env.server, { initScript });
    await visit(page, env.server, '?view=timeline');
    await page.click('.theme-toggle');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    await page.click('nav a[href*="view=sources"]');
    await page.waitForFunction(() => document.querySelector('main').dataset.view === 'sources');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('ignores a corrupt stored theme', async () => {
    const initScript = () => { try { localStorage.setItem('reverse-wave:theme', '{"broken'); } catch {} };
    const { context, page, problems } = await openPage(env.browser, env.server, { initScript });
    await visit(page, env.server);
    assert.equal(await page.getAttribute('html', 'data-theme'), null);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('embedding and failure', () => {
  it('embed=1 drops the site chrome and links to the full app in a new tab', async () => {
    const { context, page, problems } = await openPage(env.browser, env.server);
    await visit(page, env.server, '?view=quiz&embed=1');
    assert.equal(await page.locator('header, nav, footer').count(), 0);
    const link = page.locator('.embed-bar a');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match(await link.getAttribute('rel'), /noopener/);
    const href = new URL(await link.evaluate((a) => a.href));
    assert.equal(href.searchParams.get('view'), 'quiz');
    assert.equal(href.searchParams.get('embed'), null);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  // The loading panel's introduction is painted before the .wasm is even requested (public/loader.js), so it is
  // the page's largest paint on a slow network too. That only holds while nothing the app paints later is
  // larger: this fails if a view grows a bigger block of text than the panel's introduction.
  for (const viewport of [PHONE, { width: 412, height: 823 }]) {
    it(`makes the loading panel's introduction the largest paint on every view (${viewport.width} px)`, async () => {
      const initScript = () => {
        window.__lcp = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__lcp.push({ id: e.id, size: e.size });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      };
      for (const view of VIEWS) {
        const { context, page, problems } = await openPage(env.browser, env.server, { viewport, initScript });
        await visit(page, env.server, query(view));
        // Let the view's own frames (charts, deferred parts) paint and be reported.
        await page.waitForTimeout(300);
        const entries = await page.evaluate(() => window.__lcp);
        assert.ok(entries.length > 0, `${view}: a largest-contentful-paint entry`);
        assert.equal(entries.at(-1).id, 'boot-intro', `${view}: the largest paint is the panel's introduction, not ${JSON.stringify(entries.at(-1))}`);
        assert.deepEqual(problems, []);
        await context.close();
      }
    });
  }

  it('shows the loading panel in the theme the reader chose (saved, or in the link)', async () => {
    const initScript = () => localStorage.setItem('reverse-wave:theme', 'dark');
    const { context, page } = await openPage(env.browser, env.server, { initScript });
    // The .wasm never arrives, so what is seen is index.html's own panel.
    await page.route('**/*.wasm', () => {});
    await page.goto(env.server.base, { waitUntil: 'domcontentloaded' });
    assert.equal(await page.locator('#boot-intro').isVisible(), true);
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'the saved choice');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await background();
    await page.goto(`${env.server.base}?theme=light`, { waitUntil: 'domcontentloaded' });
    assert.equal(await page.getAttribute('html', 'data-theme'), 'light', 'a theme= link wins');
    assert.notEqual(await background(), dark);
    await context.close();
  });

  it('turns the loading panel into a friendly message when the WASM cannot load', async () => {
    const { context, page } = await openPage(env.browser, env.server);
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(env.server.base);
    await page.waitForSelector('.boot__failed:not([hidden])', { timeout: 12_000 });
    const text = await page.locator('.boot__failed').innerText();
    assert.match(text, /could not start/);
    await context.close();
  });
});
