// The three browser engines students have, behind one small interface for the cross-browser suite:
//  - Chromium: Debian's `chromium`, through playwright-core (as every other spec);
//  - Firefox: Debian's `firefox-esr`, through puppeteer-core over WebDriver BiDi, which Firefox speaks natively;
//  - WebKit: WebKitGTK's MiniBrowser (Debian's `webkit2gtk-driver`), through its classic WebDriver server,
//    `WebKitWebDriver`, spoken here in a few lines of HTTP. MiniBrowser needs a display: `xvfb-run` gives it one.
// Nothing is downloaded: each engine is the system's. Every method takes and returns plain values, so a test reads
// the same in all three; `evaluate` runs a function in the page with one JSON argument.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a truthy value (or throws after `timeout` ms, naming `what`). */
async function poll(check, what, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens `name` with a window of `viewport`. */
export async function openEngine(name, viewport) {
  if (name === 'chromium') return openChromium(viewport);
  if (name === 'firefox') return openFirefox(viewport);
  if (name === 'webkit') return openWebKit(viewport);
  throw new Error(`unknown engine ${name}`);
}

function common(impl) {
  return {
    ...impl,
    /** Clicks the first match of `selector`, brought to the middle of the screen first (clear of the fixed nav). */
    async click(selector) {
      await impl.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }), selector);
      return impl.click(selector);
    },
    waitFor(fn, arg, { timeout = 15_000, what = String(fn) } = {}) {
      return poll(() => impl.evaluate(fn, arg), what, timeout);
    },
    /** Waits until the app has started and shows a view heading. */
    waitForApp() {
      return this.waitFor(() => document.documentElement.hasAttribute('data-app-started') && !!document.querySelector('main h1'), null, { what: 'the app to start' });
    },
  };
}

async function openChromium(viewport) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  // Chromium asks every site for /favicon.ico by itself; the test school has none, which is not the app's error.
  page.on('console', (m) => { if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  let scope = page;
  return common({
    name: 'chromium',
    errors,
    goto: (url) => page.goto(url).then(() => { scope = page; }),
    reload: () => page.reload(),
    evaluate: (fn, arg) => scope.evaluate(fn, arg),
    click: (selector) => scope.locator(selector).first().click(),
    type: (selector, text) => scope.locator(selector).first().fill(text),
    async enterFrame(selector) { scope = await (await page.locator(selector).elementHandle()).contentFrame(); },
    async leaveFrame() { scope = page; },
    screenshot: (path) => page.screenshot({ path }),
    close: () => browser.close(),
  });
}

async function openFirefox(viewport) {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr', headless: true });
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  let scope = page;
  // Firefox logs a download that its service worker was answering, cut short by leaving the page, as a console
  // error ("A ServiceWorker intercepted the request and encountered an unexpected error"), although nothing
  // failed: a reader who leaves does not need the file. The app downloads its other parts in the background
  // after it starts, so before leaving a page the tests let those downloads finish (at most 10 s).
  const settle = () => page.waitForNetworkIdle({ idleTime: 300, timeout: 10000 }).catch(() => {});
  return common({
    name: 'firefox',
    errors,
    goto: (url) => settle().then(() => page.goto(url)).then(() => { scope = page; }),
    reload: () => settle().then(() => page.reload()),
    evaluate: (fn, arg) => scope.evaluate(fn, arg),
    click: (selector) => scope.click(selector),
    async type(selector, text) {
      await scope.$eval(selector, (el) => { el.value = ''; });
      await scope.type(selector, text);
    },
    async enterFrame(selector) { scope = await (await page.$(selector)).contentFrame(); },
    async leaveFrame() { scope = page; },
    screenshot: (path) => page.screenshot({ path }),
    close: () => browser.close(),
  });
}

async function openWebKit(viewport) {
  const port = await freePort();
  // Its own process group: xvfb-run is a shell script that starts Xvfb and the driver, which starts MiniBrowser.
  // Killing the script alone leaves those running, holding our pipes open, and this test process never exits.
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', '/usr/bin/WebKitWebDriver', `--port=${port}`], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise((resolve) => driver.once('close', resolve));
  let log = '';
  driver.stdout.on('data', (d) => { log += d; });
  driver.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await response.json();
    if (json.value?.error) throw new Error(`WebKitWebDriver ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  await poll(() => fetch(`${base}/status`).then((r) => r.ok), `WebKitWebDriver on ${port}\n${log}`, 15_000);
  const session = await call('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: process.env.MINIBROWSER || MINIBROWSER, args: ['--automation'] } } },
  });
  const s = `/session/${session.sessionId}`;
  await call('POST', `${s}/window/rect`, { width: viewport.width, height: viewport.height });
  let frame = null;
  const inScope = async (action) => {
    if (frame) await call('POST', `${s}/frame`, { id: await element(frame) });
    try { return await action(); } finally { if (frame) await call('POST', `${s}/frame/parent`, {}); }
  };
  /** A web element reference (`{ "element-6066-…": id }`) for the first match of `selector`. */
  const element = (selector) => call('POST', `${s}/element`, { using: 'css selector', value: selector });
  const evaluate = (fn, arg) => inScope(() => call('POST', `${s}/execute/sync`, {
    script: `return (${fn}).apply(null, arguments)`,
    args: [arg === undefined ? null : arg],
  }));
  return common({
    name: 'webkit',
    errors: [],
    version: session.capabilities.browserVersion,
    goto: (url) => { frame = null; return call('POST', `${s}/url`, { url }); },
    reload: () => call('POST', `${s}/refresh`, {}),
    evaluate,
    click: (selector) => inScope(async () => {
      const id = Object.values(await element(selector))[0];
      await call('POST', `${s}/element/${id}/click`, {});
    }),
    type: (selector, text) => inScope(async () => {
      const id = Object.values(await element(selector))[0];
      await call('POST', `${s}/element/${id}/clear`, {});
      await call('POST', `${s}/element/${id}/value`, { text });
    }),
    async enterFrame(selector) { frame = selector; },
    async leaveFrame() { frame = null; },
    async screenshot(path) {
      const png = await call('GET', `${s}/screenshot`);
      (await import('node:fs')).writeFileSync(path, Buffer.from(png, 'base64'));
    },
    async close() {
      await call('DELETE', s).catch(() => {});
      await stopGroup(driver, exited);
    },
  });
}

/**
 * Ends every process in `child`'s group (TERM, then KILL after 5 s) and waits, at most 10 s, for `child` to close
 * its pipes. Whatever happens, the pipes are then let go, so nothing here can keep the test process alive.
 */
async function stopGroup(child, exited) {
  const signal = (name) => { try { process.kill(-child.pid, name); } catch { /* already gone */ } };
  signal('SIGTERM');
  const kill = setTimeout(() => signal('SIGKILL'), 5_000);
  let giveUp;
  await Promise.race([exited, new Promise((resolve) => { giveUp = setTimeout(resolve, 10_000); })]);
  clearTimeout(kill);
  clearTimeout(giveUp);
  child.stdout.destroy();
  child.stderr.destroy();
  child.unref();
}
