import { launch, openPage, visit, DESKTOP } from './support/browser.mjs';
import { serve } from './support/server.mjs';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
const server = await serve({ prefix: '/school/reverse-wave/' });
const browser = await launch();
const { context, page, problems } = await openPage(browser, server, { viewport: DESKTOP });
for (const v of process.argv.slice(2)) {
  await visit(page, server, `?view=${v}`);
  await page.waitForTimeout(300);
  writeFileSync(`/tmp/print-${v}.pdf`, await page.pdf({ format: 'A4' }));
}
console.log(problems);
await browser.close(); server.close?.();
process.exit(0);
