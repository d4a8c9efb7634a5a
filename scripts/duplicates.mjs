#!/usr/bin/env node
// Copied code under a folder: every run of at least N consecutive lines (blank lines, comments and imports left
// out, whitespace ignored) that appears in two places. `node scripts/duplicates.mjs [folder] [--min N]` prints
// each run with its places and exits 1 when there is one; test/meta/duplicates.test.ts keeps checks/ at none.
// A line-window hash is enough here (the code is formatted by one hand and one formatter); a token-level
// detector (jscpd) would add dozens of dependencies for the same answer.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Lines that carry code: trimmed, without blank lines, comments, imports and lone brackets. */
function codeLines(text) {
  const lines = [];
  let inComment = false;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (inComment) {
      if (line.includes('*/')) inComment = false;
      return;
    }
    if (line.startsWith('/*')) {
      inComment = !line.includes('*/');
      return;
    }
    if (line === '' || line.startsWith('//') || line.startsWith('import ') || /^[)\]}]+[;,)]*$/.test(line)) return;
    lines.push({ text: line.replace(/\s+/g, ' '), line: index + 1 });
  });
  return lines;
}

function sourceFiles(root) {
  const files = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.isFile() && /\.(ts|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files.sort();
}

/**
 * Runs of at least `min` code lines found in two places: `[{ lines, places: [{ file, from, to }] }]`, longest first.
 * Overlapping windows of one copy are merged into one run.
 */
export function findDuplicates(root, min = 10) {
  const windows = new Map();
  const byFile = new Map();
  for (const file of sourceFiles(root)) {
    const lines = codeLines(readFileSync(file, 'utf8'));
    byFile.set(file, lines);
    for (let i = 0; i + min <= lines.length; i++) {
      const key = lines.slice(i, i + min).map((l) => l.text).join('\n');
      if (!windows.has(key)) windows.set(key, []);
      windows.get(key).push({ file, start: i });
    }
  }
  // A window seen twice marks both places; consecutive marked windows of a file form one run.
  const marked = new Map();
  for (const places of windows.values()) {
    if (places.length < 2) continue;
    for (const { file, start } of places) {
      if (!marked.has(file)) marked.set(file, new Set());
      marked.get(file).add(start);
    }
  }
  const runs = new Map();
  for (const [file, starts] of marked) {
    const lines = byFile.get(file);
    const sorted = [...starts].sort((a, b) => a - b);
    let from = sorted[0];
    let to = from;
    const close = () => {
      const text = lines.slice(from, to + min).map((l) => l.text).join('\n');
      const place = { file: relative(root, file), from: lines[from].line, to: lines[to + min - 1].line };
      const key = lines.slice(from, from + min).map((l) => l.text).join('\n');
      if (!runs.has(key)) runs.set(key, { lines: to - from + min, text, places: [] });
      runs.get(key).places.push(place);
    };
    for (const start of sorted.slice(1)) {
      if (start === to + 1) to = start;
      else {
        close();
        from = to = start;
      }
    }
    close();
  }
  return [...runs.values()].filter((run) => run.places.length > 1).sort((a, b) => b.lines - a.lines);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const minAt = args.indexOf('--min');
  const min = minAt >= 0 ? Number(args[minAt + 1]) : 10;
  const root = args.find((arg, i) => !arg.startsWith('--') && i !== minAt + 1) ?? 'checks';
  const runs = findDuplicates(root, min);
  for (const run of runs) {
    process.stdout.write(`${run.lines} lines in ${run.places.length} places:\n${run.places.map((p) => `  ${p.file}:${p.from}-${p.to}`).join('\n')}\n`);
  }
  process.stdout.write(runs.length === 0 ? `No run of ${min} or more lines copied under ${root}.\n` : '');
  process.exitCode = runs.length === 0 ? 0 : 1;
}
