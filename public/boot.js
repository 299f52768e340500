// Reverse Wave boot watchdog: if the WebAssembly app fails to load or start (old browser, blocked download,
// corrupt file), the loading panel turns into a friendly message instead of a page that loads forever.
// The app sets <html data-app-started> as soon as it runs. It also picks the page's language. Plain ES5, no
// dependencies.
// The shell step (xtask/src/shell) puts it inline at the top of index.html, with a hash in the page's policy, so it
// watches from the first byte. It does not start the .wasm download: loader.js does, once this panel has been
// painted (see there why).
(function () {
  var root = document.documentElement;

  // The page's policy allows `https: http:` beside 'self' for stylesheets, images and the manifest, because WebKit
  // (Safari on every iPhone) resolves 'self' in a frame sandboxed without allow-same-origin to an origin that
  // matches nothing, and would refuse the app's own files there (xtask/src/shell, `policies`). Before anything
  // else loads, a second policy names this page's real origin instead. Browsers enforce every policy a page has,
  // so from here on only the app's own folder is allowed, as 'self' means everywhere else.
  var policy = document.querySelector('meta[http-equiv="Content-Security-Policy"][data-self-fallback]');
  var own = new URL(document.URL).origin;
  if (policy && /^https?:\/\//.test(own)) {
    var narrowed = document.createElement('meta');
    narrowed.httpEquiv = 'Content-Security-Policy';
    narrowed.content = policy.content.split(policy.getAttribute('data-self-fallback')).join(own);
    policy.parentNode.insertBefore(narrowed, policy.nextSibling);
  }

  // The reader's theme choice (a `theme=` link, else the app's saved setting: src/state/theme.rs) applies to
  // this panel too, so a reader who chose dark is not shown a light page first. Opening localStorage here, while
  // the page loads, also takes that first synchronous access out of the app's start-up task. In a sandboxed
  // frame reading storage throws: the panel then follows the device, like the app.
  try {
    var linked = /[?&]theme=(light|dark)(&|$)/.exec(location.search);
    var chosen = linked ? linked[1] : window.localStorage.getItem('reverse-wave:theme');
    if (chosen === 'light' || chosen === 'dark') root.setAttribute('data-theme', chosen);
  } catch (e) {
    // storage blocked
  }
  // The page's language (issue 20): `lang=`, else the saved choice, else the browser's; read by loader.js and the app.
  var LANGS = ['en', 'es', 'ko'];
  var lang = 'en';
  var asked = (location.search.match(/[?&]lang=/g) || []).length === 1 && /[?&]lang=([a-z]+)(&|$)/.exec(location.search);
  var saved = null;
  try {
    saved = window.localStorage.getItem('reverse-wave:lang');
  } catch (e) {
    // storage blocked
  }
  var wanted = (asked ? [asked[1]] : []).concat(saved ? [saved] : [], navigator.languages || [navigator.language]);
  for (var i = 0; i < wanted.length; i++) {
    var code = String(wanted[i] || '').toLowerCase().split('-')[0];
    if (LANGS.indexOf(code) >= 0) {
      lang = code;
      break;
    }
  }
  root.lang = lang;
  // The panel in Spanish and Korean: loading, could not start, what to try (pitch and intro are hidden).
  var PANEL = {
    es: ['Cargando…', 'Reverse Wave no pudo iniciarse en este navegador.',
      'Recarga la página o ábrela en un navegador actualizado.'],
    ko: ['불러오는 중…', '이 브라우저에서는 Reverse Wave를 시작할 수 없어요.', '페이지를 새로 고치거나 최신 브라우저로 열어 보세요.']
  };
  function translatePanel() {
    var words = PANEL[lang];
    var boot = document.getElementById('boot');
    if (!words || !boot) return;
    var parts = ['.boot__loading', '.boot__failed strong', '.boot__failed p + p'];
    for (var j = 0; j < parts.length; j++) {
      var el = boot.querySelector(parts[j]);
      if (el) el.textContent = words[j];
    }
    boot.querySelector('.boot__pitch').hidden = true;
    boot.querySelector('.boot__intro').hidden = true;
  }
  if (lang !== 'en') document.addEventListener('DOMContentLoaded', translatePanel);

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
