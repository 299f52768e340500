// CI's byte check (part of `cargo xtask test`): sizes are deterministic for a given build, unlike timings, so
// they are enforced. Fails when the release build in dist/ grows past a ceiling in support/bytes.mjs; prints
// issue 8's budgets beside them so the distance still to go stays visible.
import { DIST } from './support/server.mjs';
import { BYTE_BUDGETS, KB, measureFiles, totals } from './support/bytes.mjs';

const measured = totals(DIST, measureFiles(DIST));
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
let failed = false;
for (const [key, b] of Object.entries(BYTE_BUDGETS)) {
  const value = measured[key];
  const ceiling = value <= b.ceiling ? 'within ceiling' : 'OVER CEILING';
  failed ||= value > b.ceiling;
  console.log(`${b.name}: ${kb(value)} — ceiling ${kb(b.ceiling)}: ${ceiling}; issue 8 budget ${kb(b.issue)}: ${value <= b.issue ? 'PASS' : 'FAIL'}`);
}
if (failed) {
  console.error('\nThe release build grew past a byte ceiling (end2end/support/bytes.mjs). Find what added the bytes (cargo xtask bench lists them per crate) before raising it.');
  process.exit(1);
}
