#!/usr/bin/env node
// The static reading stage (runner/static): wall time of readStaticFacts — safe reads of the team's files, one
// `python -I -S -B` reader process, parse and check of the facts — on each bloc-3 fixture as if its step had
// stopped, and on a generated repository of many scripts (the reader's worst case here: imports between modules).
// Prints the median of five readings per repository and the facts read. Timings vary with the machine's load.
//
// Usage: npm run build && node bench/static-reader.mjs [scripts=200]      (MSPR_PYTHON picks the interpreter)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = (path) => import(join(root, 'dist', path));
const python = process.env.MSPR_PYTHON || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const { readStaticFacts } = await dist('runner/static/read-static-facts.js');
const { workspaceFiles } = await dist('runner/evidence/workspace-files.js');

/** A generated repository: `count` modules, each importing the previous one and splitting, fitting, scoring. */
function generated(count) {
  const dir = mkdtempSync(join(tmpdir(), 'mspr-static-bench-'));
  mkdirSync(join(dir, 'src'));
  for (let i = 0; i < count; i++) {
    const previous = i > 0 ? `from src.m${i - 1} import *\n` : '';
    writeFileSync(join(dir, 'src', `m${i}.py`), `${previous}import pandas as pd\nfrom sklearn.linear_model import Ridge\nfrom sklearn.model_selection import train_test_split\nTEST_${i} = 0.2\ndef etape_${i}(df):\n    X_train, X_test, y_train, y_test = train_test_split(df.drop(columns=["y"]), df["y"], test_size=TEST_${i})\n    return Ridge().fit(X_train, y_train).score(X_test, y_test)\n`);
  }
  writeFileSync(join(dir, 'main.py'), `from src.m${count - 1} import *\nimport pandas as pd\ndf = pd.read_csv("data/x.csv")\nprint(etape_${count - 1}(df))\n`);
  return { dir, entry: 'main.py' };
}

const repos = readdirSync(join(root, 'test/fixtures/ml')).map((name) => {
  const dir = join(root, 'test/fixtures/ml', name);
  const run = readFileSync(join(dir, 'mspr.yaml'), 'utf8').match(/^\s*-\s*(\S+)/m)?.[1];
  return { name, dir, entry: run };
});
repos.push({ name: `generated (${process.argv[2] ?? 200} scripts)`, ...generated(Number(process.argv[2] ?? 200)) });

console.log('repository | median ms | facts | files read');
for (const repo of repos) {
  const steps = [{ id: 'pipeline', kind: 'command', entry: repo.entry, optional: false, status: 'failed' }];
  const times = [];
  let facts;
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    facts = await readStaticFacts({ workspace: workspaceFiles(repo.dir), steps, python });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`${repo.name} | ${times[2].toFixed(0)} | ${facts.forSteps(['pipeline']).length} | ${facts.files.get('pipeline')?.length ?? 0}`);
}
