#!/usr/bin/env node
// Derives the criterion codes of each framework from its text (the French "référentiel" in the seeds folder,
// see CRITERIA.md) and writes scenarios/criteria.json: the list criteria refs (`framework:code`) are checked
// against. Run it again when a framework text changes:
//   node scripts/derive-criteria.mjs /work/shared/seeds > scenarios/criteria.json
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Each framework's seed file and how its text spells a competency code, as scenarios and checks write it:
 * `C1.9` (cdp-data-ia, cdp-ia-aivancity), `A1.1 C5` and `A2 C3` (dev-ia-ds), `A2C8` (cdp-ia), `C1` (cerf-ia).
 * Each pattern matches where the text states the competency (the code followed by its wording), not where a
 * table cites it.
 */
export const FRAMEWORKS = {
  'cdp-data-ia': { seed: '001_53985ed595913d89.txt', code: /\bC(\d+)\.(\d+)\s+(?=\p{Lu})/gu, format: (m) => `C${m[1]}.${m[2]}` },
  'dev-ia-ds': { seed: '004_17401a2130fdc030.txt', code: /\b(A\d+(?:\.\d+)?) C(\d+)\/\s*/g, format: (m) => `${m[1]} C${m[2]}` },
  'cdp-ia-aivancity': { seed: '003_5a92cc63e30e7181.txt', code: /\bC(\d+)\.(\d+)\s+(?=\p{Lu})/gu, format: (m) => `C${m[1]}.${m[2]}` },
  'cdp-ia': { seed: '000_f6fe28c81b5eeae5.txt', code: /\b(A\d+)(C\d+)(?:\s*[–-]|\.)\s*(?=\p{Lu})/gu, format: (m) => `${m[1]}${m[2]}` },
  'cerf-ia': { seed: '002_a08dc471bc8cbb23.txt', code: /\bC(\d)\.\s+(?=\p{Lu})/gu, format: (m) => `C${m[1]}` },
};

/** The codes of one framework text, in code order, each with the first words of its wording. */
export function deriveCodes(text, framework) {
  const { code, format } = FRAMEWORKS[framework];
  const codes = new Map();
  for (const match of text.matchAll(code)) {
    const id = format(match);
    if (codes.has(id)) continue;
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 400);
    const label = after.split(/[\t<\n]|\b(?:A\d+(?:\.\d+)? ?)?C\d+(?:\.\d+)?[\s/.]/)[0].replace(/\s+/g, ' ').trim();
    codes.set(id, label.length > 140 ? `${label.slice(0, 139).trimEnd()}…` : label);
  }
  return [...codes].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([id, label]) => ({ code: id, label }));
}

export function deriveAll(seedsDir) {
  const frameworks = {};
  for (const [id, { seed }] of Object.entries(FRAMEWORKS)) frameworks[id] = { seed, criteria: deriveCodes(readFileSync(join(seedsDir, seed), 'utf8'), id) };
  return {
    $comment: 'Derived by scripts/derive-criteria.mjs from the framework texts (CRITERIA.md); do not edit by hand.',
    frameworks,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/derive-criteria.mjs <seeds folder> > scenarios/criteria.json\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(deriveAll(dir), null, 2)}\n`);
}
