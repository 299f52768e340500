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
