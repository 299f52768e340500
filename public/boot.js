// Reverse Wave boot watchdog: if the WebAssembly app fails to load or start (old browser, blocked download,
// corrupt file), the loading panel turns into a friendly message instead of a page that loads forever.
// The app sets <html data-app-started> as soon as it runs. It also picks the page's language. Plain ES5, no
// dependencies.
// The shell step (xtask/src/shell) puts it inline at the top of index.html, after this build's `var BUILD = {…}`,
// with a hash in the page's policy, so it watches from the first byte. It also starts downloading the app's files
// (see "Early downloads" below); loader.js takes them from there.
/* global BUILD */
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

  // Early downloads: the .wasm, the part of the app that holds the page's view (src/views/parts.rs) and the page's
  // language pack start now, while the rest of this page (its styles and scripts, about 30 KB) is still arriving,
  // instead of after it. On a throttled phone that made the app usable 0.15-0.25 s sooner (bench/levers.md).
  // loader.js takes these answers instead of asking again, and asks again for one that failed, so a failure here
  // is not an error. Not in an opaque-origin frame, where such requests are refused (loader.js reads the files'
  // stylesheet copies there), nor in a browser without fetch, which cannot run the app anyway.
  var early = (window.reverseWaveEarly = {});
  function download(file) {
    var request = new Request(new URL(file[0], document.baseURI).href, { integrity: file[1] });
    early[file[0]] = fetch(request)['catch'](function () {
      return null;
    });
  }
  if (typeof BUILD === 'object' && window.fetch && window.URLSearchParams && self.origin !== 'null') {
    download([BUILD.wasm, BUILD.integrity]);
    var view = new URLSearchParams(location.search).get('view');
    var needs = Object.prototype.hasOwnProperty.call(BUILD.views, view) ? BUILD.loaders[BUILD.views[view]] : [];
    for (var k = 0; k < needs.length; k++) download(BUILD.parts[needs[k]]);
    if (Object.prototype.hasOwnProperty.call(BUILD.languages, lang) && lang !== 'en') download(BUILD.languages[lang]);
  }

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
