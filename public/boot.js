// Reverse Wave boot watchdog: if the WebAssembly app fails to load or start (old browser, blocked download,
// corrupt file), the loading panel turns into a friendly message instead of a page that loads forever.
// The app sets <html data-app-started> as soon as it runs. Plain ES5, no dependencies.
// Release builds put it inline at the top of index.html (tools/harden.mjs, with a hash in the page's policy), so it
// also starts the .wasm download at once, the way Trunk's static preload link did: that link is gone because in
// an opaque-origin frame (sandbox="allow-scripts" without allow-same-origin) it would be a CORS request and fail.
// There loader.js takes another path (see it), so nothing is preloaded.
(function () {
  var wasm = document.querySelector('meta[name="reverse-wave:wasm"]');
  if (wasm && self.origin !== 'null') {
    // Same URL, mode and integrity as loader.js's fetch, which therefore reuses this download.
    var preload = document.createElement('link');
    preload.rel = 'preload';
    preload.as = 'fetch';
    preload.type = 'application/wasm';
    preload.crossOrigin = 'anonymous';
    preload.integrity = wasm.getAttribute('data-integrity');
    preload.href = wasm.getAttribute('content');
    document.head.appendChild(preload);
  }

  var root = document.documentElement;
  function fail() {
    if (root.hasAttribute('data-app-started')) return;
    var boot = document.getElementById('boot');
    if (!boot) return;
    boot.className += ' boot--failed';
    boot.setAttribute('role', 'alert');
    var loading = boot.querySelector('.boot__loading');
    if (loading) loading.hidden = true;
    var failed = boot.querySelector('.boot__failed');
    if (failed) failed.hidden = false;
  }
  setTimeout(fail, 10000);
  // Before the app has started, any error (a script, stylesheet or WASM that fails to download, a start-up
  // that throws) means it will not start: say so at once rather than after the timeout.
  window.addEventListener('error', fail, true);
  window.addEventListener('unhandledrejection', fail);
})();
