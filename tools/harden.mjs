#!/usr/bin/env node
// Release hardening, run by Trunk as a post_build hook (Trunk.toml) on the staged build before it becomes
// dist/; also `node tools/harden.mjs <dir>` on a finished build. Node's standard library only.
//
//  1. Checks that index.html has no inline script and that every script, stylesheet, preload and icon has a
//     sha384 integrity attribute matching the file's bytes (Trunk writes them; this makes a regression fail
//     the build instead of shipping a page that a strict CSP or SRI would break).
//  2. Inlines the code that starts the app, so it works in an opaque-origin frame (`<iframe sandbox=
//     "allow-scripts">` without allow-same-origin) where every file with an `integrity` attribute and every
//     module script or fetch() is a CORS request that the app's host, sending no Access-Control-Allow-Origin,
//     has refused: all stylesheets become one <style>, boot.js one classic <script>, and the wasm-bindgen module
//     plus public/loader.js one <script type="module">. Each gets a sha256 hash in the policy (the page's own
//     bytes are what vouch for them now, instead of SRI). The .wasm is fetched with integrity as before, and is
//     also written as `<name>_bg.wasm.css`, its bytes in base64 in a CSS custom property, for opaque-origin
//     frames only: a stylesheet is fetched without CORS, and loader.js checks the decoded bytes against the
//     .wasm's sha384 before compiling them (see public/loader.js).
//  3. Adds the Content-Security-Policy <meta>, from public/_headers (the one place it is written) plus those
//     hashes, and writes the same policy, hashes included, into dist/_headers.
//  4. Writes sw.js (from tools/sw.template.js) with the build's exact file list, integrity and version, and
//     a <meta> naming it, which is what makes public/loader.js register it.
//
// Debug builds (`trunk serve`, `trunk build`) are left alone: Trunk's live-reload script is inline and would
// be blocked by the policy, and a service worker would serve stale files while developing.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

// The JS minifier comes from end2end/'s pinned npm packages (installed by `cargo xtask` before any release build,
// like the wasm-opt that Trunk runs).
const requireFromEnd2end = createRequire(new URL('../end2end/package.json', import.meta.url));

const SW_FILE = 'sw.js';
// The .wasm as a stylesheet, for opaque-origin frames only (see public/loader.js).
const WASM_CSS_SUFFIX = '.wasm.css';
// Host configuration, not part of the app, and the opaque-origin copy of the .wasm, which a service worker never
// serves (opaque-origin frames have none) and readers elsewhere never load: never precached.
const notPrecached = (f) => f === SW_FILE || f === '_headers' || f.endsWith(WASM_CSS_SUFFIX);

function fail(message) {
  console.error(`harden: ${message}`);
  process.exit(1);
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const cspHash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Text that can sit inside <script> or <style> without ending it early or changing how it is parsed. */
function inlineable(text, what) {
  if (/<\/(script|style)|<!--/i.test(text)) fail(`${what} contains "</script", "</style" or "<!--" and cannot be inlined`);
  // The HTML parser turns CR LF into LF, and the policy hash is taken over what it parsed.
  return text.replace(/\r\n?/g, '\n');
}

/** Adds sources to one directive of a policy string ("a b; script-src x; c" -> "...; script-src x y; ..."). */
function addSources(policy, directive, sources) {
  let found = false;
  const out = policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    if (d.split(/\s+/)[0] !== directive) return d;
    found = true;
    return [d, ...sources].join(' ');
  });
  if (!found) fail(`the policy has no ${directive} to add the inline code's hashes to`);
  return out.join('; ');
}

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

/** The wasm-bindgen module, minified (terser; property names and exports are kept, so imports still match). */
async function minifyGlue(code) {
  let minify;
  try {
    ({ minify } = requireFromEnd2end('terser'));
  } catch {
    fail('terser is not installed: run `npm ci` in end2end/ (cargo xtask does this before every build)');
  }
  const result = await minify(code, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return result.code;
}

async function harden(dir) {
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

  // 2. Inline what starts the app (the files were checked above, so what is inlined is what Trunk built).
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>(?:<\/script>)?/gi)].map((m) => ({ text: m[0], a: attributes(m[0].replace(/<\/script>$/i, '')) }));
  const read = (url) => readFileSync(join(dir, url.replace(/^\.\//, '')));
  const remove = [];
  const one = (what, test) => {
    const found = tags.filter(test);
    if (found.length !== 1) fail(`expected one ${what} in index.html, found ${found.length}`);
    return found[0];
  };
  const sheets = tags.filter((t) => t.a.rel === 'stylesheet');
  const boot = one('boot script', (t) => /\/boot-[^/]*\.js$/.test(t.a.src ?? ''));
  const loader = one('loader script', (t) => /\/loader-[^/]*\.js$/.test(t.a.src ?? ''));
  const glue = one('wasm-bindgen modulepreload', (t) => t.a.rel === 'modulepreload');
  const wasm = one('.wasm preload', (t) => t.a.rel === 'preload' && /\.wasm$/.test(t.a.href ?? ''));
  if (!sheets.length) fail('index.html has no stylesheet');

  const css = inlineable(sheets.map((t) => read(t.a.href).toString('utf8').trim()).join('\n'), 'the CSS');
  const bootJs = inlineable(read(boot.a.src).toString('utf8').trim(), boot.a.src);
  // wasm-bindgen writes its glue readable (70 KB); minified it is a third of that, and 5 KB less gzip in every
  // first load. Our own boot.js and loader.js stay readable (they are short, and an IT team may want to read them).
  const glueJs = await minifyGlue(read(glue.a.href).toString('utf8'));
  // The glue's default export is wasm-bindgen's init function; its name is given to loader.js, which is wrapped
  // in a block so that its names cannot clash with the glue's (both declare `wasm`).
  const init = glueJs.match(/export\s*\{[^}]*?\b([\w$]+)\s+as\s+default\b[^}]*\}/);
  if (!init) fail(`${glue.a.href} has no default export`);
  const moduleJs = inlineable(`${glueJs.trim()}\nconst reverseWaveInit = ${init[1]};\n{\n${read(loader.a.src).toString('utf8').trim()}\n}`, 'the glue and loader');

  // The .wasm for opaque-origin frames: base64 in a quoted CSS string (base64 has no quote or backslash).
  const wasmName = wasm.a.href.replace(/^\.\//, '');
  const wasmCss = `${wasmName}.css`;
  if (!wasmCss.endsWith(WASM_CSS_SUFFIX)) fail(`unexpected .wasm name ${wasmName}`);
  writeFileSync(join(dir, wasmCss), `:host{--reverse-wave-wasm:"${read(wasm.a.href).toString('base64')}"}\n`);

  const wasmMeta = `<meta name="reverse-wave:wasm" content="${wasm.a.href}" data-integrity="${wasm.a.integrity}" data-opaque-origin="./${wasmCss}">`;
  // Function replacements: the inlined code contains `$` patterns that a replacement string would expand.
  html = html.replace(sheets[0].text, () => `<style>${css}</style>`);
  for (const t of sheets.slice(1)) html = html.replace(t.text, '');
  html = html.replace(boot.text, '').replace(glue.text, '').replace(wasm.text, '');
  html = html.replace(loader.text, () => `<script type="module">${moduleJs}</script>`);
  for (const t of [...sheets.map((s) => s.a.href), boot.a.src, loader.a.src, glue.a.href]) remove.push(t);

  // 3. The policy from _headers, minus frame-ancestors (ignored, with a console warning, in a meta), plus the
  // hashes of the inline code.
  const headersPath = join(dir, '_headers');
  const headers = readFileSync(headersPath, 'utf8');
  const line = headers.match(/^(\s+Content-Security-Policy:\s*)(.+)$/m);
  if (!line) fail('_headers has no Content-Security-Policy line');
  if (/'sha256-/.test(line[2])) fail(`${headersPath} already has hashes`);
  const hostPolicy = addSources(addSources(line[2].trim(), 'script-src', [cspHash(bootJs), cspHash(moduleJs)]), 'style-src', [cspHash(css)]);
  const policy = hostPolicy.split(';').map((d) => d.trim()).filter((d) => d && !d.startsWith('frame-ancestors')).join('; ');
  if (/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/.test(policy)) fail(`the policy must not allow inline or eval'd code: ${policy}`);
  writeFileSync(headersPath, headers.replace(line[0], () => line[1] + hostPolicy));
  // Right after <meta charset>: a meta policy only governs what comes after it. The boot script right after it,
  // so its watchdog sees every failure and it can start the .wasm download at once.
  const charset = html.match(/<meta charset=[^>]*>/i);
  if (!charset) fail('index.html has no <meta charset>');
  const metas = `<meta http-equiv="Content-Security-Policy" content="${policy}">`
    + `<meta name="reverse-wave:service-worker" content="${SW_FILE}">` + wasmMeta + `<script>${bootJs}</script>`;
  html = html.replace(charset[0], () => charset[0] + metas);
  writeFileSync(indexPath, html);
  for (const url of remove) rmSync(join(dir, url.replace(/^\.\//, '')));

  // 4. The service worker: every file of this build, with its integrity. index.html is listed as './', the
  // URL readers open, and without integrity: some hosts rewrite HTML (injected snippets, e-mail obfuscation),
  // which must not stop the app from working offline; the page's own integrity attributes still guard the rest.
  const files = filesUnder(dir)
    .filter((f) => !notPrecached(f))
    .sort()
    .map((f) => (f === 'index.html' ? ['./', ''] : [`./${f}`, sri(readFileSync(join(dir, f)))]));
  const version = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
  const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
  const sw = template
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__FILES__', `[\n${files.map((f) => `  ${JSON.stringify(f)},`).join('\n')}\n]`);
  writeFileSync(join(dir, SW_FILE), sw);

  console.log(`harden: integrity verified on ${checked.length} tags; inlined ${sheets.length} stylesheets, boot, glue and loader; CSP added with their hashes; ${wasmCss} for opaque-origin frames; ${SW_FILE} precaches ${files.length} files (version ${version})`);
  return { policy, version, files };
}

const dirArg = process.argv[2];
if (dirArg) {
  await harden(dirArg);
} else if (process.env.TRUNK_PROFILE === 'release') {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) fail('TRUNK_STAGING_DIR is not set; run me as a Trunk hook or pass a folder');
  await harden(dir);
} else if (!process.env.TRUNK_PROFILE) {
  fail('usage: node tools/harden.mjs <dist folder> (Trunk runs it as a post_build hook)');
}
