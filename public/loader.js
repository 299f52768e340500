// Reverse Wave loader: starts the WebAssembly app. It replaces the inline <script type="module"> Trunk would
// write into index.html (Trunk.toml sets `pattern_script`, so Trunk writes no script of its own).
//
// Release builds: tools/harden.mjs puts this file into index.html, inside one <script type="module"> after the
// wasm-bindgen module (whose init function it names `reverseWaveInit`), with a sha256 hash in the page's
// Content-Security-Policy. Nothing that starts the app is a separate file, because in an opaque-origin frame
// (`<iframe sandbox="allow-scripts">` without allow-same-origin) module scripts, fetch() and every file with
// an `integrity` attribute are CORS requests, which the app's host (sending no Access-Control-Allow-Origin)
// refuses. The .wasm is named by <meta name="reverse-wave:wasm">:
//  - normal pages fetch it with its sha384 integrity (boot.js has already preloaded it the same way);
//  - opaque-origin frames load `<name>.wasm.css` instead, a stylesheet (fetched without CORS, allowed by
//    style-src 'self') holding the same bytes in base64 in a custom property. It is attached inside a closed
//    shadow root of a hidden element that is removed as soon as the value is read, so the sheet cannot style
//    the page, and the decoded bytes are checked against the .wasm's sha384 before they are compiled. Nothing
//    unchecked ever runs; without crypto.subtle (a page that is not a secure context) the app does not start
//    and boot.js shows its friendly message.
//
// Development builds (`trunk serve`, no harden.mjs): this is an external module and reads the preload links
// Trunk writes for every build: the wasm-bindgen module (rel=modulepreload) and the .wasm (rel=preload
// as=fetch), both with relative URLs and sha384 integrity. The module is imported only once a modulepreload
// with its integrity has succeeded (see verifiedModule), so a changed or corrupt file is refused.
// Release builds also get a service worker (tools/harden.mjs writes sw.js and a meta tag naming it); the
// code at the end registers it and tells the app when a new build is waiting (the app shows the prompt).

const wasmMeta = document.querySelector('meta[name="reverse-wave:wasm"]');
const glue = document.querySelector('link[rel="modulepreload"][href$=".js"]');
const wasm = wasmMeta
  ? { href: new URL(wasmMeta.content, document.baseURI).href, integrity: wasmMeta.dataset.integrity }
  : document.querySelector('link[rel="preload"][href$=".wasm"]');

// import() itself cannot carry an integrity value. A modulepreload can, and a module it loaded is what a
// later import() of the same URL gets. But when Trunk's preload fails its check, Chromium forgets the failure
// and import() would fetch the file again, unchecked (measured: end2end/tests/security.spec.mjs). So preload
// it once more from here and wait: this resolves at once if Trunk's preload succeeded, and fails if the
// file does not match.
function verifiedModule(link) {
  return new Promise((resolve, reject) => {
    const check = document.createElement('link');
    check.rel = 'modulepreload';
    check.crossOrigin = link.crossOrigin;
    check.integrity = link.integrity;
    check.href = link.href;
    check.addEventListener('load', () => resolve(import(link.href)));
    check.addEventListener('error', () => reject(new Error(`Reverse Wave: ${link.href} failed its integrity check`)));
    document.head.append(check);
  });
}

function fromBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The .wasm bytes in an opaque-origin frame, from the stylesheet copy, checked against `integrity` (sha384). */
async function opaqueOriginWasm(url, integrity) {
  const [, algorithm, expected] = /^sha(256|384|512)-(.+)$/.exec(integrity || '') || [];
  if (!algorithm) throw new Error('Reverse Wave: no integrity value for the .wasm');
  if (!globalThis.crypto?.subtle) throw new Error('Reverse Wave: cannot check the .wasm here (crypto.subtle is missing: is the page served over https?)');
  const holder = document.createElement('div');
  holder.hidden = true;
  const root = holder.attachShadow({ mode: 'closed' });
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = url;
  let text;
  try {
    await new Promise((resolve, reject) => {
      sheet.addEventListener('load', resolve);
      sheet.addEventListener('error', () => reject(new Error(`Reverse Wave: could not load ${url}`)));
      root.append(sheet);
      document.body.append(holder);
    });
    text = getComputedStyle(holder).getPropertyValue('--reverse-wave-wasm').trim();
  } finally {
    holder.remove();
  }
  if (!/^"[A-Za-z0-9+/=]+"$/.test(text)) throw new Error(`Reverse Wave: ${url} holds no .wasm`);
  const bytes = fromBase64(text.slice(1, -1));
  const digest = new Uint8Array(await crypto.subtle.digest(`SHA-${algorithm}`, bytes));
  let actual = '';
  for (const byte of digest) actual += String.fromCharCode(byte);
  if (btoa(actual) !== expected) throw new Error(`Reverse Wave: ${url} failed its integrity check`);
  return bytes;
}

/**
 * Resolves after the next frame has been painted: at once in a hidden tab (it paints nothing), and after
 * `atMost` ms at the latest (Chromium gives an off-screen cross-origin frame, such as a sandboxed embed further
 * down a school's page, no frames until it is scrolled into view).
 */
function afterPaint(atMost) {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, atMost);
  });
}

async function start() {
  // If the links are missing the build is broken: throwing here reaches boot.js (unhandledrejection),
  // which shows the friendly "could not start" message.
  if (!wasm || (typeof reverseWaveInit !== 'function' && !glue)) throw new Error('Reverse Wave: the build is missing its preload links');
  // The loading panel (the app's name and an introduction) is painted before the .wasm download starts. It is
  // the first thing a reader sees and the page's largest text, so the page's first paint and largest paint are
  // this one frame, whatever the network. Waiting costs one frame at most; nothing else competes for the
  // connection (index.html carries its CSS and scripts).
  await afterPaint(300);
  // eslint-disable-next-line no-undef -- defined by the inlined wasm-bindgen module in release builds
  const init = typeof reverseWaveInit === 'function' ? reverseWaveInit : (await verifiedModule(glue)).default;
  let module_or_path;
  if (self.origin === 'null' && wasmMeta) {
    module_or_path = await opaqueOriginWasm(new URL(wasmMeta.dataset.opaqueOrigin, document.baseURI).href, wasm.integrity);
  } else {
    module_or_path = new Request(wasm.href, { integrity: wasm.integrity || '' });
    if (wasmMeta) {
      // Release builds: the whole file first, then compile. Streaming compilation decodes each chunk on the
      // main thread as it arrives, in one long task when the file comes quickly; from a buffer, V8 decodes and
      // validates on a background thread. The download itself is the same (and is checked against the
      // integrity value before any byte is used).
      const response = await fetch(module_or_path);
      if (!response.ok) throw new Error(`Reverse Wave: ${wasm.href} answered ${response.status}`);
      module_or_path = await response.arrayBuffer();
    }
  }
  const instance = await init({ module_or_path });
  // Kept from Trunk's own loader, for anything that waits for it.
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
}

start();

// ---------------------------------------------------------------- offline support (release builds only)

const swMeta = document.querySelector('meta[name="reverse-wave:service-worker"]');

let waitingWorker = null;
// The app's prompt (src/components/update_bar.rs, in the reader's language) asks for the switch.
addEventListener('reverse-wave:apply-update', () => waitingWorker?.postMessage('skip-waiting'));

function offerReload(worker) {
  waitingWorker = worker;
  // Recorded for an app that starts later, announced to one that is running.
  document.documentElement.dataset.updateReady = '';
  dispatchEvent(new Event('reverse-wave:update-ready'));
  // If the app has not started (or never will: a new build may be what fixes a broken one), a plain English
  // stand-in offers the same switch; the app removes it when it starts.
  if (document.documentElement.hasAttribute('data-app-started') || document.querySelector('.sw-update')) return;
  const bar = document.createElement('div');
  bar.className = 'sw-update sw-update--stand-in';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'New version available';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--primary';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    button.disabled = true;
    worker.postMessage('skip-waiting');
  });
  bar.append(text, button);
  document.body.append(bar);
}

async function registerServiceWorker() {
  // Missing in old browsers and in some embedding contexts; accessing it can throw in sandboxed iframes.
  const sw = navigator.serviceWorker;
  if (!sw) return;
  // Relative to this page, so the worker's scope is the folder the app is served from.
  const registration = await sw.register(swMeta.content, { updateViaCache: 'none' });
  // A worker that finishes installing while another one controls the page is an update, and it waits; on a
  // first visit nothing controls the page yet and the new worker takes over by itself (clients.claim).
  let controller = sw.controller;
  sw.addEventListener('controllerchange', () => {
    // The reader chose "Reload" (here or in another tab): this page runs the old build, so load the new one.
    if (controller) location.reload();
    controller = sw.controller;
  });
  const watch = (worker) => {
    if (!worker) return;
    const offerIfWaiting = () => worker.state === 'installed' && sw.controller && offerReload(worker);
    offerIfWaiting();
    worker.addEventListener('statechange', offerIfWaiting);
  };
  watch(registration.waiting || registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
}

// Offline support is a bonus: when it is unavailable (sandboxed iframe, storage blocked, private mode, plain
// http), the app works exactly as without it, so failures are deliberately silent. Inside the async
// function, even a throwing navigator.serviceWorker getter ends up in the catch.
if (swMeta && window.isSecureContext) registerServiceWorker().catch(() => {});
