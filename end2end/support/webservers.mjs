// Real web servers for the deployment tests: nginx and Apache from the system's packages, each started on a free
// loopback port with a throw-away configuration that includes exactly the snippet the README gives
// (deploy/nginx.conf, deploy/apache.conf), serving a copy of a build from the sub-folder /reverse-wave/.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, chmodSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));
export const FOLDER = '/reverse-wave/';
const isRoot = process.getuid?.() === 0;

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, child, log) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not listen on ${port}:\n${log()}`);
}

/** A copy of `dist` under <root>/reverse-wave/, readable by the servers' unprivileged workers. */
function siteWith(dist) {
  const dir = mkdtempSync(join(tmpdir(), 'reverse-wave-site-'));
  const root = join(dir, 'www');
  mkdirSync(root);
  cpSync(dist, join(root, FOLDER), { recursive: true });
  const open = (p) => {
    chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644);
    if (statSync(p).isDirectory()) for (const f of readdirSync(p)) open(join(p, f));
  };
  chmodSync(dir, 0o755);
  open(root);
  return { dir, root };
}

function started(child, port, dir) {
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base: `${origin}${FOLDER}`,
    log: () => output + (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''),
    async ready() { await waitForPort(port, child, () => this.log()); return this; },
    async close() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** nginx serving `dist` at /reverse-wave/ with deploy/nginx.conf. */
export async function startNginx(dist) {
  const { dir, root } = siteWith(dist);
  const port = await freePort();
  const modules = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
  writeFileSync(join(dir, 'nginx.conf'), `
load_module ${modules};
${isRoot ? 'user www-data;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr warn;
daemon off;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    include ${DEPLOY}nginx.conf;
  }
}
`);
  const child = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  return started(child, port, dir).ready();
}

/** Apache serving `dist` at /reverse-wave/ with deploy/apache.conf in the folder's <Directory> block. */
export async function startApache(dist) {
  const { dir, root } = siteWith(dist);
  const port = await freePort();
  const mod = (name) => `LoadModule ${name}_module /usr/lib/apache2/modules/mod_${name}.so`;
  writeFileSync(join(dir, 'apache.conf'), `
ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${dir}/apache.pid
ErrorLog ${dir}/error.log
LogLevel warn
${['mpm_event', 'authz_core', 'dir', 'mime', 'headers', 'rewrite', 'setenvif'].map(mod).join('\n')}
${isRoot ? 'User www-data\nGroup www-data' : ''}
TypesConfig /etc/mime.types
DocumentRoot ${root}
DirectoryIndex index.html
<Directory ${root}${FOLDER.replace(/\/$/, '')}>
  AllowOverride None
  Require all granted
  Include ${DEPLOY}apache.conf
</Directory>
`);
  const child = spawn('/usr/sbin/apache2', ['-f', join(dir, 'apache.conf'), '-DFOREGROUND'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, APACHE_RUN_DIR: dir, APACHE_LOCK_DIR: dir, APACHE_LOG_DIR: dir },
  });
  return started(child, port, dir).ready();
}

/** Unpacks a zip (with Python's standard library, which Debian always has) into a fresh folder. */
export function unzip(zip) {
  const dir = mkdtempSync(join(tmpdir(), 'reverse-wave-zip-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', zip, dir]);
  return dir;
}
