// Renders the app icons for the web app manifest from public/icon.svg with the system Chromium (no image
// libraries needed). Run once after changing the icon, from end2end/ so playwright-core resolves:
//   cd end2end && node ../tools/icons.mjs
// Writes public/icons/icon-192.png, icon-512.png and icon-maskable-512.png (commit them).
import { readFileSync, writeFileSync } from 'node:fs';
import { launch } from '../end2end/support/browser.mjs';

const svg = readFileSync(new URL('../public/icon.svg', import.meta.url), 'utf8');
// Maskable icons are cropped to a circle or squircle by the launcher: fill the whole square and keep the
// waves inside the central 80% "safe zone" (https://w3c.github.io/manifest/#icon-masks).
const maskable = svg
  .replace('<rect width="64" height="64" rx="14" fill="#3b2fc9"/>', '<rect width="64" height="64" fill="#3b2fc9"/><g transform="translate(9.6 9.6) scale(0.7)">')
  .replace('</svg>', '</g></svg>');

const browser = await launch();
const page = await browser.newPage();
for (const [name, source, size] of [['icon-192', svg, 192], ['icon-512', svg, 512], ['icon-maskable-512', maskable, 512]]) {
  await page.setViewportSize({ width: size, height: size });
  const sized = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${sized}`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  writeFileSync(new URL(`../public/icons/${name}.png`, import.meta.url), png);
  console.log(`public/icons/${name}.png ${png.length} bytes`);
}
await browser.close();
