import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceFiles } from '../../runner/evidence/workspace-files.js';
import { resolvePython } from '../../runner/settings.js';
import { readStaticFacts } from '../../runner/static/read-static-facts.js';
import { MISSING_DATA, stepOf, writeRepo } from './support/read-code.js';

// The real reader, run by the host's Python as the runner runs it (python -I -S -B, texts on stdin).
const read = (root: string, steps = [stepOf('train.py', MISSING_DATA)]) => readStaticFacts({ workspace: workspaceFiles(root), steps, python: resolvePython() });

const TRAIN = `import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split

TEST_SIZE = 0.2
df = pd.read_csv("data/ventes.csv", sep=";", decimal=",", encoding="latin-1")
X, y = df.drop(columns=["prix"]), df["prix"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=TEST_SIZE, random_state=0)
modele = Ridge(alpha=1.0).fit(X_train, y_train)
`;

describe('static reader: the code of stopped steps, read with ast, never run', () => {
  it('reads a stopped script: facts in the trace shapes, observed: false, constants followed, tagged by step', async () => {
    const facts = await read(writeRepo({ 'train.py': TRAIN }));
    expect(facts.available).toBe(true);
    expect(facts.problems).toEqual([]);
    expect(facts.files.get('pipeline:train.py')).toEqual(['train.py']);
    const events = facts.forSteps(['pipeline:train.py']);
    expect(events.every((e) => e.observed === false && e.step === 'pipeline:train.py')).toBe(true);
    expect(events.find((e) => e.type === 'split')).toMatchObject({ kind: 'train_test_split', test_size: 0.2, random_state: 0, site: { file: 'train.py', line: 8 } });
    expect(events.find((e) => e.type === 'data_read')).toMatchObject({ function: 'read_csv', origin: { path: 'data/ventes.csv' } });
    expect(events.find((e) => e.type === 'fit')).toMatchObject({ estimator: 'Ridge', params: { alpha: 1.0 }, x: { expr: 'X_train' } });
  });

  it('reads nothing when every step ran to its end (the trace is the evidence)', async () => {
    const facts = await read(writeRepo({ 'train.py': TRAIN }), [stepOf('train.py')]);
    expect(facts.available).toBe(false);
    expect(facts.forSteps(['pipeline:train.py'])).toEqual([]);
  });

  it('follows no link out of the repository: a linked module is not read, its facts do not exist', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'mspr-static-outside-'));
    writeFileSync(join(outside, 'secret.py'), 'from sklearn.model_selection import GridSearchCV\nGridSearchCV(None, {"a": [1, 2]}).fit(1, 2)\n');
    const root = writeRepo({ 'train.py': `${TRAIN}import secret\n` });
    symlinkSync(join(outside, 'secret.py'), join(root, 'secret.py'));
    symlinkSync(outside, join(root, 'lib'));
    const facts = await read(root);
    expect(facts.files.get('pipeline:train.py')).toEqual(['train.py']);
    expect(facts.forSteps(['pipeline:train.py']).some((e) => e.type === 'search')).toBe(false);
  });

  it('reads a notebook cell by cell (magics blanked, cells numbered as the tracer does); a cell that does not parse is a problem', async () => {
    const cell = (source: string) => ({ cell_type: 'code', source, outputs: [{ output_type: 'display_data', data: { 'image/png': 'iVBOR'.repeat(1000) } }] });
    const notebook = { cells: [{ cell_type: 'markdown', source: '# Analyse' }, cell('!pip install missingno\n%matplotlib inline\nimport missingno\nfrom sklearn.model_selection import train_test_split'), cell('X_train, X_test = train_test_split(X, train_size=0.75)'), cell('def (:')] };
    const facts = await read(writeRepo({ 'notebooks/analyse.ipynb': JSON.stringify(notebook) }), [stepOf('notebooks/analyse.ipynb', MISSING_DATA)]);
    const split = facts.forSteps(['pipeline:notebooks/analyse.ipynb']).find((e) => e.type === 'split');
    expect(split).toMatchObject({ train_size: 0.75, site: { file: 'notebooks/analyse.ipynb', cell: 2, line: 1 } });
    expect(facts.problems).toEqual([expect.stringContaining('notebooks/analyse.ipynb cell 3: not parsed')]);
  });

  it('leaves out a script over its cap and says so', async () => {
    const root = writeRepo({ 'train.py': TRAIN, 'big.py': `x = 1\n${'#'.repeat(3 * 1024 * 1024)}\n` });
    const facts = await read(root);
    expect(facts.problems).toEqual([expect.stringMatching(/^big\.py: not read/)]);
    expect(facts.forSteps(['pipeline:train.py']).some((e) => e.type === 'split')).toBe(true);
  });

  it('a value the reader cannot resolve is named in unresolved, never guessed', async () => {
    const code = TRAIN.replace('test_size=TEST_SIZE', 'test_size=float(os.environ["TEST_SIZE"])');
    const facts = await read(writeRepo({ 'train.py': `import os\n${code}` }));
    const split = facts.forSteps(['pipeline:train.py']).find((e) => e.type === 'split')!;
    expect(split.test_size).toBeUndefined();
    expect(split.unresolved).toEqual({ test_size: "float(os.environ['TEST_SIZE'])" });
  });
});
