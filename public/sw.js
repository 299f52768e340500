// Reverse Wave service worker: keeps the app working with no network once it has been opened.
// Plain JS, no libraries; never talks to any other origin.
//
// The shell step (xtask/src/shell) writes dist/sw.js on every static build: `const VERSION` and `const FILES` (this
// build's files as [url relative to this file, sha384 integrity]; './' is the page itself, without integrity because
// some hosts rewrite HTML), `const PARTS` (the table of part files, one of FILES: the parts of the app that load
// later, each as [url, sha384 integrity, stylesheet copy]) and `const LATER` (the language packs: kept once a reader
// has used one, so that not every reader downloads every language), then this file. A new build is therefore a
// byte-different sw.js, which is how the browser notices an update.
/* global VERSION, FILES, PARTS, LATER */

// Cache names carry the scope, so two copies of the app in different folders of one site never delete
// each other's files.
const PREFIX = `reverse-wave:${self.registration.scope}:`;
const CACHE = PREFIX + VERSION;
const PAGE = new URL('./', self.registration.scope).href;

self.addEventListener('install', (event) => {
  // Files with a content hash in their name may come from the HTTP cache (the page has usually just loaded
  // them, so the first visit does not download everything twice); the others are revalidated. The integrity
  // check makes the install fail (and retry on the next visit) rather than store a mix of two builds if the
  // site is caught half-way through an upload.
  const hashed = /-[0-9a-f]{12,16}(_bg)?\.\w+$/;
  const keep = (cache, files) => cache.addAll(files.map(([url, integrity]) =>
    new Request(url, { cache: hashed.test(url) ? 'default' : 'no-cache', integrity })));
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await keep(cache, FILES);
    if (PARTS) await keep(cache, await (await cache.match(new URL(PARTS, self.location.href).href)).json());
  })());
  // No skipWaiting here: an update waits until the reader chooses "Reload" (or closes every tab), so a page
  // never runs with files from two builds.
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    // The first install controls the page at once, so it works offline without a second visit.
    await self.clients.claim();
  })());
});

// Sent by the page's "Reload" button (public/loader.js).
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

const KNOWN = new Set(FILES.map(([url]) => new URL(url, self.location.href).href));
// The part files (named in the table, which this worker reads only when it installs): every .wasm in their folder.
const PART_FOLDER = PARTS && new URL('./', new URL(PARTS, self.location.href)).href;
const isPart = (href) => PART_FOLDER !== null && href.startsWith(PART_FOLDER) && href.endsWith('.wasm');
const KEEP = new Set(LATER.map((url) => new URL(url, self.location.href).href));

// A language pack is kept once used.
async function keep(request, href) {
  const cache = await caches.open(CACHE);
  const response = (await cache.match(href)) || (await fetch(request));
  if (response.ok) await cache.put(href, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  // The app is one page whatever its query (?view=quiz…), so opening the folder or its index.html gets the
  // cached page. Anything that is not part of this build (other pages sharing the folder) is left alone.
  const isPage = request.mode === 'navigate' && (url.href === PAGE || url.href === PAGE + 'index.html');
  if (KEEP.has(url.href)) {
    event.respondWith(keep(request, url.href));
    return;
  }
  if (!isPage && !KNOWN.has(url.href) && !isPart(url.href)) return;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(isPage ? PAGE : url.href))
      .then((hit) => hit || fetch(request)),
  );
});
