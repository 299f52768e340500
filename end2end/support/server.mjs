// A tiny static server for dist/, on a free loopback port, optionally under a sub-folder prefix
// (a school serving the app from /a/b/reverse-wave/). Records every request so tests can inspect them.
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// BENCH_DIST serves another copy (for example one saved in /tmp while dist/ is being rebuilt).
export const DIST = resolve(process.env.BENCH_DIST || fileURLToPath(new URL('../../dist', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

// What static hosts such as Netlify and Cloudflare Pages compress (application/wasm included).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.webmanifest', '.txt']);

/**
 * Starts serving `root` under `prefix` (must start and end with "/"). Resolves to { origin, base, requests, close }.
 * `asHost` answers the way those hosts do by default: brotli or gzip as the browser accepts, and "revalidate every
 * time" instead of the tests' no-store. Lighthouse needs it: it simulates the slow network from the bytes actually
 * transferred, and counts no-store against the page (it keeps a page out of the back/forward cache).
 * `gzipOnly` (with `asHost`) never answers with brotli: a host that only gzips, the bench's usable-time profile.
 */
export async function serve({ root = DIST, prefix = '/', asHost = false, gzipOnly = false } = {}) {
  const requests = [];
  const encoded = new Map();
  // `offline`: every request fails as with no network (the connection is dropped), for engines whose driver
  // cannot switch the network off.
  const state = { offline: false };
  const server = createServer(async (req, res) => {
    if (state.offline) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = path.slice(prefix.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      let body = await readFile(file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': asHost ? 'public, max-age=0, must-revalidate' : 'no-store',
      };
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const encoding = !asHost || !COMPRESSIBLE.has(extname(file)) ? null
        : /\bbr\b/.test(accepts) && !gzipOnly ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding) {
        const key = `${encoding} ${file}`;
        if (!encoded.has(key)) {
          encoded.set(key, encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }));
        }
        body = encoded.get(key);
        Object.assign(headers, { 'content-encoding': encoding, vary: 'accept-encoding' });
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    base: origin + prefix,
    requests,
    setOffline(offline) { state.offline = offline; },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
