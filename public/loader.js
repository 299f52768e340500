// Reverse Wave loader: starts the WebAssembly app, and registers the service worker that keeps it working offline
// (a few seconds after the app has started).
//
// It never runs as a file of its own. The shell step (xtask/src/shell, run by Trunk after every build) writes it
// into index.html inside one <script type="module">, after two things this code uses:
//  - wasm-bindgen's glue (xtask/src/wasm.rs), which declares `wasm_bindgen`, the function that starts the app,
//    and `splitImports`, the functions it links the parts that load later with;
//  - `const BUILD = { wasm, integrity, opaqueOriginWasm, serviceWorker, languages, views, loaders, bundles,
//    partFiles }`: this build's .wasm, its sha384 integrity value, its stylesheet copy, the service worker (null
//    under `trunk serve`), for each language pack (issue 20) its file, integrity value and stylesheet copy, the
//    part loader of each view in a part, for each part loader the parts it links in order (indices in the table
//    of part files) and its bundle (file, integrity value, stylesheet copy), and the table of part files (file,
//    integrity value, stylesheet copy; it lists each part's file, integrity value and stylesheet copy).
// Development and release builds start the same way. Why the code is inline at all: see xtask/src/shell.
//
// The .wasm:
//  - a normal page fetches it with its integrity value, so a changed or corrupt file is refused;
//  - an opaque-origin frame (`<iframe sandbox="allow-scripts">` without allow-same-origin), where that fetch is a
//    CORS request the host refuses, loads BUILD.opaqueOriginWasm instead: a stylesheet (fetched without CORS,
//    allowed by style-src 'self') holding the same bytes in base64 in a custom property. It is attached inside a
//    closed shadow root of a hidden element that is removed as soon as the value is read, so the sheet cannot
//    style the page, and the decoded bytes are checked against the same integrity value before they are
//    compiled. Without crypto.subtle (a page that is not a secure context) the app does not start and boot.js
//    shows its friendly message.
/* global wasm_bindgen, splitImports, BUILD */

function fromBase64(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A file's bytes in an opaque-origin frame, from its stylesheet copy, checked against `integrity` (sha384). */
async function opaqueOriginBytes(url, integrity) {
  const [, algorithm, expected] = /^sha(256|384|512)-(.+)$/.exec(integrity || '') || [];
  if (!algorithm) throw new Error(`Reverse Wave: no integrity value for ${url}`);
  if (!globalThis.crypto?.subtle) throw new Error(`Reverse Wave: cannot check ${url} here (crypto.subtle is missing: is the page served over https?)`);
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
    text = getComputedStyle(holder).getPropertyValue('--reverse-wave-bytes').trim();
  } finally {
    holder.remove();
  }
  if (!/^"[A-Za-z0-9+/=]+"$/.test(text)) throw new Error(`Reverse Wave: ${url} holds no file`);
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

/** A file's bytes, fetched whole with its integrity value; in an opaque-origin frame, from its stylesheet copy. */
async function download(url, integrity, copy) {
  if (self.origin === 'null') return opaqueOriginBytes(new URL(copy, document.baseURI).href, integrity);
  const response = await fetch(new Request(new URL(url, document.baseURI).href, { integrity }));
  if (!response.ok) throw new Error(`Reverse Wave: ${url} answered ${response.status}`);
  return response.arrayBuffer();
}

// A language pack's text (issue 20), loaded and checked like the .wasm; for src/platform/language.rs.
const packs = {};
globalThis.reverseWaveLanguagePack = (code) => {
  packs[code] ||= (async () => {
    const file = BUILD.languages && Object.hasOwn(BUILD.languages, code) ? BUILD.languages[code] : null;
    if (!file) throw new Error(`Reverse Wave: no language pack for ${code}`);
    return new TextDecoder().decode(await download(file[0], file[1], file[2]));
  })().catch((error) => {
    delete packs[code];
    throw error;
  });
  return packs[code];
};

// The parts of the app that load later (src/views/parts.rs). The main module imports one loader per part: it
// passes a callback (an index in its function table) and its data, and is called back with success or failure.
// A part's shared chunks and the part itself download together; the part is linked after its chunks.
//
// Each file is downloaded once. When none of a loader's files has been asked for yet, they come in one request,
// the loader's bundle (xtask/src/wasm.rs): on a slow phone every request waits out a round trip, and a browser
// opens only six connections to a host (in an opaque-origin frame, the bundle's stylesheet copy). Otherwise, and
// where the bundle is not used, file by file, from the table of part files (fetched the first time it is needed;
// see xtask/src/shell):
//  - when a service worker serves the page (it keeps the files, not the bundles: it works offline);
//  - when the bundle cannot be fetched (a host that left it out).
const downloads = [];
const linked = [];
function once(cache, index, make) {
  cache[index] ||= make().catch((error) => {
    delete cache[index];
    throw error;
  });
  return cache[index];
}
function servedByWorker() {
  try {
    return Boolean(navigator.serviceWorker?.controller);
  } catch {
    return false; // a sandboxed frame, where even asking can throw
  }
}
/** The modules in a bundle: its custom sections' contents, in order (the integrity check has passed). */
function unbundle(buffer) {
  const bytes = new Uint8Array(buffer);
  const modules = [];
  let at = 8; // after the module header
  const number = () => { // unsigned LEB128
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    at++; // the section's id: 0, a custom section
    const size = number();
    const end = at + size;
    const nameLength = number();
    at += nameLength; // past the section's name
    modules.push(bytes.subarray(at, end));
    at = end;
  }
  return modules;
}
let partTable = null;
/** A part file on its own, from the table of part files (fetched once, when first needed). */
async function alone(index) {
  partTable ||= download(...BUILD.partFiles)
    .then((bytes) => JSON.parse(new TextDecoder().decode(bytes)))
    .catch((error) => {
      partTable = null;
      throw error;
    });
  return download(...(await partTable)[index]);
}
/** A loader's files, downloading: one promise of bytes per file, in the loader's order. */
function fetchParts(loader) {
  const needs = BUILD.loaders[loader];
  const bundle = BUILD.bundles[loader];
  const whole = bundle && !servedByWorker() && needs.every((index) => !downloads[index])
    ? download(...bundle).then(unbundle)
    : null;
  return needs.map((index, n) => once(downloads, index, () => (whole
    ? whole.then((modules) => {
      if (modules.length !== needs.length) throw new Error(`Reverse Wave: ${bundle[0]} holds ${modules.length} parts`);
      return modules[n];
    }).catch(() => alone(index))
    : alone(index))));
}
const linkPart = (index, bytes, after = []) =>
  once(linked, index, async () => {
    const [module] = await Promise.all([bytes, ...after]);
    return WebAssembly.instantiate(module, { __wasm_split: wasm_bindgen.initSync() });
  });
for (const [name, needs] of Object.entries(BUILD.loaders)) {
  splitImports[name] = (callback, data) => {
    const files = fetchParts(name);
    const chunks = needs.slice(0, -1).map((index, n) => linkPart(index, files[n]));
    linkPart(needs.at(-1), files.at(-1), chunks)
      // A failure is the app's to tell (src/views/parts.rs: a message and "Try again"); a fetch cut short by
      // leaving the page is not an error worth a console entry.
      .then(() => true, () => false)
      .then((ok) => wasm_bindgen.initSync().__indirect_function_table.get(callback)(data, ok));
  };
}

async function start() {
  // The loading panel (the app's name and an introduction) is painted before the .wasm download starts. It is
  // the first thing a reader sees and the page's largest text, so the page's first paint and largest paint are
  // this one frame, whatever the network. Waiting costs one frame at most; nothing else competes for the
  // connection (index.html carries its CSS and scripts).
  await afterPaint(300);
  // A page in Spanish or Korean needs its pack before the app starts: fetch it beside the .wasm.
  const lang = document.documentElement.lang;
  if (lang !== 'en') reverseWaveLanguagePack(lang).catch(() => {});
  // So does the part of the app that holds the page's view (linked when the app asks for it).
  const part = BUILD.views[new URLSearchParams(location.search).get('view')];
  if (part) fetchParts(part).forEach((bytes) => bytes.catch(() => {}));
  // The whole file first, then compile: streaming compilation decodes each chunk on the main thread as it
  // arrives, in one long task when the file comes quickly; from a buffer, V8 decodes and validates on a
  // background thread. Either way nothing runs before the integrity check has passed.
  const bytes = await download(BUILD.wasm, BUILD.integrity, BUILD.opaqueOriginWasm);
  const exports = await wasm_bindgen({ module_or_path: bytes });
  // For the benchmark (end2end/bench.mjs reads the app's memory from it).
  dispatchEvent(new CustomEvent('reverse-wave:started', { detail: { wasm: exports } }));
}

// A failure here (a refused download, a start-up that throws) reaches boot.js as an unhandled rejection, and
// the loading panel turns into the friendly "could not start" message.
start();

// ---------------------------------------------------------------- offline support (not under `trunk serve`)

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
  const registration = await sw.register(BUILD.serviceWorker, { updateViaCache: 'none' });
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

/**
 * Resolves `delay` ms after the app has started (`<html data-app-started>`), or after `atMost` ms if it never
 * does: a page whose app cannot start still registers its worker, since a new build may be what fixes it.
 */
function afterStart(delay, atMost) {
  return new Promise((resolve) => {
    const root = document.documentElement;
    const later = () => setTimeout(resolve, delay);
    if (root.hasAttribute('data-app-started')) return later();
    const watch = new MutationObserver(() => {
      if (!root.hasAttribute('data-app-started')) return;
      watch.disconnect();
      later();
    });
    watch.observe(root, { attributes: true, attributeFilter: ['data-app-started'] });
    setTimeout(resolve, atMost);
  });
}

// Offline support is a bonus: when it is unavailable (sandboxed iframe, storage blocked, private mode, plain
// http), the app works exactly as without it, so failures are deliberately silent. Inside the async
// function, even a throwing navigator.serviceWorker getter ends up in the catch.
// A new worker downloads and checks every file of the build. On a first visit that work competed with the
// app's start (Lighthouse's blocking time on the home page: about 190 ms with it, under 60 ms without; see
// bench/levers.md), so the worker is registered a few seconds after the app has started.
if (BUILD.serviceWorker && window.isSecureContext) afterStart(3000, 15000).then(registerServiceWorker).catch(() => {});
