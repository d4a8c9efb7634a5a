#!/usr/bin/env node
// Data checks on a 1,000,000-row source: times the row-count (db/rows-match-source), round-trip
// (db/no-truncation) and imputation (data/numeric-imputation + data/categorical-imputation) checks against a
// SQLite table loaded from that source, beside the time pandas takes to read the same file on this machine,
// and prints the ratios side by side. Each check runs cold (its own frame reader: it reads the CSV itself),
// as the first check of a run would; the last line is the four together sharing one reader, as in a run.
//
// Usage: npm run build && node bench/data-checks.mjs [rows=1000000]      (MSPR_PYTHON picks the interpreter)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = (path) => import(join(root, 'dist', path));
const python = process.env.MSPR_PYTHON || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const rows = Number(process.argv[2] ?? 1_000_000);
const SHOPS = ['Lyon-Part-Dieu', 'Paris-Bercy', 'Lille-Centre', 'Nantes-Atlantis', 'Bordeaux-Lac'];
const CHANNELS = ['magasin', 'web', 'click-and-collect'];

/** A deterministic generator (LCG): the same file on every machine. */
function* lcg(seed) {
  let state = seed >>> 0;
  for (;;) yield (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function generate(dir) {
  const random = lcg(20261122);
  const next = () => random.next().value;
  const lines = ['id_vente,date,magasin,libelle,quantite,prix_unitaire,remise_pct,canal'];
  const table = [];
  for (let i = 1; i <= rows; i++) {
    const day = new Date(Date.UTC(2025, 0, 1 + Math.floor(next() * 365))).toISOString().slice(0, 10);
    const shop = SHOPS[Math.floor(next() * SHOPS.length)];
    const label = `Article ${String(Math.floor(next() * 5000)).padStart(4, '0')} ${'lot familial '.repeat(Math.floor(next() * 4))}`.trim();
    const quantity = 1 + Math.floor(next() * 12);
    const price = Math.round((1.5 + next() * 80) * 100) / 100;
    const discount = i % 11 === 0 ? null : [0, 5, 10, 15, 20][Math.floor(next() * 5)];
    const channel = i % 17 === 0 ? null : CHANNELS[Math.floor(next() * 3)];
    lines.push([i, day, shop, label, quantity, price, discount ?? '', channel ?? ''].join(','));
    table.push([i, day, shop, label, quantity, price, discount ?? 0, channel ?? 'magasin']);
  }
  writeFileSync(join(dir, 'ventes.csv'), `${lines.join('\n')}\n`);
  const db = new Database(join(dir, 'warehouse.db'));
  db.exec('CREATE TABLE ventes (id_vente INTEGER, date DATE, magasin VARCHAR(20), libelle VARCHAR(60), quantite INTEGER, prix_unitaire REAL, remise_pct REAL, canal VARCHAR(20))');
  const insert = db.prepare('INSERT INTO ventes VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => table.forEach((row) => insert.run(row)))();
  db.close();
}

/** The tracer's events for the imputation, as a candidate's `fillna(0)` and `fillna(mode)` would leave them. */
function trace(indexTraceEvents) {
  const base = { pid: 1, site: { file: 'etl.py', line: 10 }, function: 'fillna', on: 'series', rows, inplace: false, nulls_after: 0 };
  return indexTraceEvents([
    { type: 'tracer_start', seq: 1, ts: 1, pid: 1 },
    { ...base, type: 'impute', seq: 2, ts: 2, column: 'remise_pct', kind: 'numeric', value: 0, matches: ['zero'], nulls_before: Math.floor(rows / 11) },
    { ...base, type: 'impute', seq: 3, ts: 3, column: 'canal', kind: 'categorical', value: 'magasin', matches: ['mode'], nulls_before: Math.floor(rows / 17) },
  ]);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'mspr-bench-data-'));
  try {
    let started = performance.now();
    generate(dir);
    console.log(`source: ${rows.toLocaleString('en')} rows, generated and loaded into SQLite in ${((performance.now() - started) / 1000).toFixed(1)} s (${dir})`);

    const pandas = spawnSync(python, ['-c', 'import sys, time, pandas\nt = time.perf_counter()\npandas.read_csv(sys.argv[1])\nprint(time.perf_counter() - t)', join(dir, 'ventes.csv')], { encoding: 'utf8' });
    if (pandas.status !== 0) throw new Error(`pandas failed: ${pandas.stderr}`);
    const pandasSeconds = Number(pandas.stdout.trim());

    const { runCheckModule } = await dist('checks/run-check.js');
    const { createFrameReader } = await dist('runner/evidence/polars-frame-reader.js');
    const { createDatabaseAccess } = await dist('runner/evidence/database-access.js');
    const { workspaceFiles } = await dist('runner/evidence/workspace-files.js');
    const { indexTraceEvents } = await dist('runner/tracer/trace-index.js');
    const workspace = workspaceFiles(dir);
    const mappings = [{ source: 'ventes.csv', table: 'ventes' }];
    const checks = [
      ['row count', 'db/rows-match-source', { mappings, allowReportedDrops: true }],
      ['round trip', 'db/no-truncation', { mappings }],
      ['imputation (numeric)', 'data/numeric-imputation', { mappings, categorical: [] }],
      ['imputation (categorical)', 'data/categorical-imputation', { mappings, categorical: [] }],
    ];
    const evidence = (frames) => ({
      workspace,
      datasets: undefined,
      steps: [],
      trace: trace(indexTraceEvents),
      frames,
      databases: createDatabaseAccess({ services: [{ id: 'db', kind: 'sqlite', path: 'warehouse.db' }], manifest: undefined, workspace, endpoints: new Map(), note: () => {} }),
      manifest: undefined,
      submission: { source: dir, kind: 'directory', refused: [], fileCount: 2, totalBytes: 0 },
    });
    const run = async (id, options, context) => {
      const check = (await dist(`checks/${id}.js`)).default;
      const verdict = await runCheckModule(check, { use: id, with: options }, context, 'en');
      if (verdict.status === 'error') throw new Error(`${id}: ${verdict.message.en}`);
      return verdict;
    };

    const table = [['what', 'seconds', '× pandas.read_csv', 'verdict']];
    table.push(['pandas.read_csv (same file)', pandasSeconds.toFixed(2), '1.00', '']);
    for (const [label, id, options] of checks) {
      const context = evidence(createFrameReader());
      started = performance.now();
      const verdict = await run(id, options, context);
      const seconds = (performance.now() - started) / 1000;
      await context.databases.closeAll();
      table.push([`${label}: ${id}`, seconds.toFixed(2), (seconds / pandasSeconds).toFixed(2), `${verdict.status} ${verdict.messageKey}`]);
    }
    const shared = evidence(createFrameReader());
    started = performance.now();
    for (const [, id, options] of checks) await run(id, options, shared);
    const together = (performance.now() - started) / 1000;
    await shared.databases.closeAll();
    table.push(['the four, one shared reader', together.toFixed(2), (together / pandasSeconds).toFixed(2), '']);

    const widths = table[0].map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
    for (const row of table) console.log(row.map((cell, i) => (i === 0 || i === 3 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
