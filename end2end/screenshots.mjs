// Screenshots of every view at phone and desktop size, light and dark, for human review
// (`cargo xtask shots`). Written to end2end/screenshots/, which git ignores.
import { mkdir } from 'node:fs/promises';
import { serve } from './support/server.mjs';
import { DESKTOP, PHONE, VIEWS, launch, openPage, visit } from './support/browser.mjs';

const out = new URL('./screenshots/', import.meta.url);
await mkdir(out, { recursive: true });
const only = process.argv.slice(2);
const browser = await launch();
const server = await serve({ prefix: '/reverse-wave/' });
try {
  for (const [size, viewport] of [['360x740', PHONE], ['1280x800', DESKTOP]]) {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page, problems } = await openPage(browser, server, { viewport, colorScheme });
      for (const view of VIEWS.filter((v) => only.length === 0 || only.includes(v))) {
        await visit(page, server, view === 'home' ? '' : `?view=${view}`);
        const file = new URL(`${view}-${size}-${colorScheme}.png`, out);
        await page.screenshot({ path: file.pathname, fullPage: process.env.FULL === '1' });
        console.log(file.pathname);
      }
      if (problems.length) console.error(problems);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
