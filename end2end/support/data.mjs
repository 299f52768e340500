// The dataset as the specs see it: every `data/*.toml` file (any file may hold any table, as in the data
// compiler), split into entries. Only ids and raw field lines are read; the compiler checks the rest.
import { readdirSync, readFileSync } from 'node:fs';

const DIR = new URL('../../data/', import.meta.url);
const TEXT = readdirSync(DIR)
  .filter((f) => f.endsWith('.toml'))
  .sort()
  .map((f) => readFileSync(new URL(f, DIR), 'utf8'))
  .join('\n');

/** The entries of one table (`source`, `event`, …), each `{ id, block }` with its raw TOML text. */
export function entries(table) {
  const header = `[[${table}]]`;
  return TEXT.split(/^(?=\[\[)/m)
    .filter((block) => block.startsWith(header))
    .map((block) => ({ id: block.match(/^id = "([^"]+)"/m)?.[1], block }))
    .filter((e) => e.id);
}

/** The value of a simple `key = "…"` line in an entry's block. */
export function field(entry, key) {
  return entry.block.match(new RegExp(`^${key} = "([^"]*)"`, 'm'))?.[1];
}
