// Serves end2end/school/ (a fake school website) from a second origin, with the app's address filled in, so
// the app is embedded cross-origin the way a school's site embeds it.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';

const SCHOOL = new URL('../school/', import.meta.url);

export async function serveSchool(app) {
  const dir = mkdtempSync(join(tmpdir(), 'school-'));
  for (const name of readdirSync(SCHOOL)) {
    if (name.endsWith('.html')) {
      const html = readFileSync(new URL(name, SCHOOL), 'utf8').replaceAll('{{APP}}', app.base).replaceAll('{{APP_ORIGIN}}', app.origin);
      writeFileSync(join(dir, name), html);
    } else {
      copyFileSync(new URL(name, SCHOOL), join(dir, name));
    }
  }
  return serve({ root: dir, prefix: '/' });
}
