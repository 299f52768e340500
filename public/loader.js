// Reverse Wave loader: starts the WebAssembly app. It replaces the inline <script type="module"> Trunk would
// write into index.html, so the page can run under a Content-Security-Policy without 'unsafe-inline'
// (Trunk.toml sets `pattern_script` so Trunk writes no script of its own). Trunk gives this file a hashed
// name and an integrity attribute.
//
// Which files to load is read from the preload links Trunk writes into <head> for every build: the
// wasm-bindgen module (rel=modulepreload) and the .wasm (rel=preload as=fetch), both with relative URLs and
// sha384 integrity. The .wasm is fetched with its integrity value; the module is imported only once a
// modulepreload with its integrity has succeeded (see verifiedModule), so a changed or corrupt file is
// refused by the browser instead of run.
// Release builds also get a service worker (tools/harden.mjs writes sw.js and a meta tag naming it); the
// code at the end registers it and offers a quiet "New version available" prompt.

const glue = document.querySelector('link[rel="modulepreload"][href$=".js"]');
const wasm = document.querySelector('link[rel="preload"][href$=".wasm"]');

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

async function start() {
  // If the links are missing the build is broken: throwing here reaches boot.js (unhandledrejection),
  // which shows the friendly "could not start" message.
  if (!glue || !wasm) throw new Error('Reverse Wave: the build is missing its preload links');
  const bindgen = await verifiedModule(glue);
  // Same mode and credentials as the crossorigin preload, so the browser reuses the bytes it preloaded.
  const request = new Request(wasm.href, { integrity: wasm.integrity || '' });
  const instance = await bindgen.default({ module_or_path: request });
  // Kept from Trunk's own loader, for anything that waits for it.
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
}

start();

// ---------------------------------------------------------------- offline support (release builds only)

const swMeta = document.querySelector('meta[name="reverse-wave:service-worker"]');

function offerReload(worker) {
  // One quiet bar at the bottom; English only, because it runs outside the app's translation layer.
  if (document.querySelector('.sw-update')) return;
  const bar = document.createElement('div');
  bar.className = 'sw-update';
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
