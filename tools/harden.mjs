#!/usr/bin/env node
// Release hardening, run by Trunk as a post_build hook (Trunk.toml) on the staged build before it becomes
// dist/; also `node tools/harden.mjs <dir>` on a finished build. Node's standard library only.
//
//  1. Checks that index.html has no inline script and that every script, stylesheet, preload and icon has a
//     sha384 integrity attribute matching the file's bytes (Trunk writes them; this makes a regression fail
//     the build instead of shipping a page that a strict CSP or SRI would break).
//  2. Adds the Content-Security-Policy <meta>, copied from public/_headers (the one place it is written).
//  3. Writes sw.js (from tools/sw.template.js) with the build's exact file list, integrity and version, and
//     a <meta> naming it, which is what makes public/loader.js register it.
//
// Debug builds (`trunk serve`, `trunk build`) are left alone: Trunk's live-reload script is inline and would
// be blocked by the policy, and a service worker would serve stale files while developing.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SW_FILE = 'sw.js';
// Host configuration, not part of the app: never precached.
const NOT_PRECACHED = new Set([SW_FILE, '_headers']);

function fail(message) {
  console.error(`harden: ${message}`);
  process.exit(1);
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Attributes of one start tag (minified HTML leaves many values unquoted). */
function attributes(tag) {
  const attrs = {};
  const body = tag.replace(/^<\w+/, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(/([^\s=>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
    attrs[m[1].toLowerCase()] = (m[2] ?? '').replace(/^["']|["']$/g, '');
  }
  return attrs;
}

/** Every file below `root`, as a relative URL path ("icons/icon-192.png"). */
function filesUnder(root, dir = root) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

function harden(dir) {
  const indexPath = join(dir, 'index.html');
  let html = readFileSync(indexPath, 'utf8');
  if (html.includes('Content-Security-Policy')) fail(`${indexPath} is already hardened`);

  // 1. No inline scripts; integrity everywhere it applies, and correct.
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    if (!('src' in attributes(m[0]))) {
      if (html.includes('.well-known/trunk/ws')) {
        // `trunk serve --release`: the live-reload script is inline, so the page cannot take the policy.
        console.log('harden: live-reload build (trunk serve), not hardened');
        return null;
      }
      fail(`index.html has an inline script (${m[0]}); a strict CSP would block it`);
    }
  }
  const checked = [];
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const url = m[1].toLowerCase() === 'script' ? a.src : a.href;
    const needsIntegrity = m[1].toLowerCase() === 'script'
      || /^(stylesheet|modulepreload|preload|icon)$/.test(a.rel ?? '');
    if (!needsIntegrity) continue;
    if (!url || /^[a-z]+:|^\/\//i.test(url)) fail(`${m[0]}: only relative same-origin URLs are allowed`);
    if (!a.integrity) fail(`${m[0]} has no integrity attribute`);
    const expected = sri(readFileSync(join(dir, url.replace(/^\.\//, ''))));
    if (a.integrity !== expected) fail(`${url}: integrity ${a.integrity} does not match the file (${expected})`);
    checked.push(url);
  }

  // 2. The policy from _headers, minus frame-ancestors (ignored, with a console warning, in a meta).
  const headers = readFileSync(join(dir, '_headers'), 'utf8');
  const line = headers.match(/^\s+Content-Security-Policy:\s*(.+)$/m);
  if (!line) fail('_headers has no Content-Security-Policy line');
  const policy = line[1].split(';').map((d) => d.trim()).filter((d) => d && !d.startsWith('frame-ancestors')).join('; ');
  if (/'unsafe-inline'|'unsafe-eval'/.test(policy)) fail(`the policy must not allow inline or eval'd code: ${policy}`);
  // Right after <meta charset>: a meta policy only governs what comes after it.
  const charset = html.match(/<meta charset=[^>]*>/i);
  if (!charset) fail('index.html has no <meta charset>');
  const metas = `<meta http-equiv="Content-Security-Policy" content="${policy}">`
    + `<meta name="reverse-wave:service-worker" content="${SW_FILE}">`;
  html = html.replace(charset[0], charset[0] + metas);
  writeFileSync(indexPath, html);

  // 3. The service worker: every file of this build, with its integrity. index.html is listed as './', the
  // URL readers open, and without integrity: some hosts rewrite HTML (injected snippets, e-mail obfuscation),
  // which must not stop the app from working offline; the page's own integrity attributes still guard the rest.
  const files = filesUnder(dir)
    .filter((f) => !NOT_PRECACHED.has(f))
    .sort()
    .map((f) => (f === 'index.html' ? ['./', ''] : [`./${f}`, sri(readFileSync(join(dir, f)))]));
  const version = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
  const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
  const sw = template
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__FILES__', `[\n${files.map((f) => `  ${JSON.stringify(f)},`).join('\n')}\n]`);
  writeFileSync(join(dir, SW_FILE), sw);

  console.log(`harden: CSP added, integrity verified on ${checked.length} tags, ${SW_FILE} precaches ${files.length} files (version ${version})`);
  return { policy, version, files };
}

const dirArg = process.argv[2];
if (dirArg) {
  harden(dirArg);
} else if (process.env.TRUNK_PROFILE === 'release') {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) fail('TRUNK_STAGING_DIR is not set; run me as a Trunk hook or pass a folder');
  harden(dir);
} else if (!process.env.TRUNK_PROFILE) {
  fail('usage: node tools/harden.mjs <dist folder> (Trunk runs it as a post_build hook)');
}
