import { describe, expect, it } from 'vitest';
import { evaluateCheck } from '../../checks/tester.js';
import gridSearch from '../../checks/ml/grid-search.js';
import observations from '../../checks/ml/observations-gt-variables.js';
import trainRatio from '../../checks/ml/train-ratio.js';
import trainTestSplit from '../../checks/ml/train-test-split.js';
import { summarize } from '../../reports/summarize.js';
import { TraceBuilder } from '../checks/ml/support/trace-builder.js';
import { MISSING_DATA, MISSING_PACKAGE, readCode, stepOf, writeRepo } from './support/read-code.js';

/** A team's training script; `split` is its train_test_split line. */
const script = (split: string, before = '') => `import os
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import train_test_split
${before}
df = pd.read_csv("data/ventes.csv", sep=";")
X, y = df.drop(columns=["prix"]), df["prix"]
X_train, X_test, y_train, y_test = ${split}
modele = Ridge().fit(X_train, y_train)
print(modele.score(X_test, y_test))
`;

/** What the tracer saw before the stop: the read that raised (so the trace exists, and holds no ML fact). */
const READ_RAISED = new TraceBuilder().raw({ type: 'data_read', function: 'read_csv', step: 'pipeline:train.py', error: "FileNotFoundError: 'data/ventes.csv'" }, 6).evidence().trace!.all();
const stopped = (code: string, failure = MISSING_DATA) => readCode(writeRepo({ 'train.py': code }), [stepOf('train.py', failure)], [...READ_RAISED]);
const check = (module: Parameters<typeof evaluateCheck>[0], evidence: Awaited<ReturnType<typeof stopped>>) => evaluateCheck(module, { evidence });

describe('verdicts on the code read where a step stopped (real reader, real checks)', () => {
  it('a train share read in the code passes, marked static, in both languages, with why the code did not run', async () => {
    const verdict = await check(trainRatio, await stopped(script('train_test_split(X, y, test_size=TEST_SIZE)', 'TEST_SIZE = 0.2')));
    expect(verdict).toMatchObject({ status: 'pass', messageKey: 'staticShare', static: true });
    expect(verdict.message.en).toBe(
      'Read in the code, not observed when run: train_test_split(test_size=0.2) (train.py:8) gives 80 % of the rows to training: at least 70 % as expected. (Not run: step pipeline:train.py: the code reads data/ventes.csv, which the repository lacks.)',
    );
    expect(verdict.message.fr).toMatch(/^Lu dans le code, non observé à l’exécution : train_test_split\(test_size=0\.2\) \(train\.py:8\) donne 80 % des lignes/);
    expect(verdict.evidence).toContainEqual(expect.objectContaining({ kind: 'static', subject: 'train_test_split', location: { file: 'train.py', line: 8 } }));
    expect(verdict.evidence).toContainEqual(expect.objectContaining({ kind: 'static', subject: 'train share', actual: 0.8 }));
    expect(verdict.evidence).toContainEqual(expect.objectContaining({ kind: 'step', subject: 'pipeline:train.py', actual: 'file-not-found' }));
    expect(verdict.evidence.some((e) => e.kind === 'trace')).toBe(false);
  });

  it('sklearn’s default size (no test_size) is 75 % train: passes', async () => {
    const verdict = await check(trainRatio, await stopped(script('train_test_split(X, y, random_state=1)')));
    expect(verdict).toMatchObject({ status: 'pass', static: true });
    expect(verdict.message.en).toContain('train_test_split() (train.py:8) gives 75 % of the rows to training');
  });

  it('test_size=0.4 read in the code fails, marked static', async () => {
    const verdict = await check(trainRatio, await stopped(script('train_test_split(X, y, test_size=0.4)')));
    expect(verdict).toMatchObject({ status: 'fail', messageKey: 'staticTooSmall', static: true });
    expect(verdict.message.en).toContain('train_test_split(test_size=0.4) (train.py:8) gives only 60 % of the rows to training, less than the expected 70 %');
  });

  it('a size only the run knows is error (could not be judged), not a guess', async () => {
    const verdict = await check(trainRatio, await stopped(script('train_test_split(X, y, test_size=float(os.environ["PART"]))')));
    expect(verdict).toMatchObject({ status: 'error', messageKey: 'staticUnresolved', static: true });
    expect(verdict.message.en).toMatch(/^Could not be judged from the code read \(not run\): train_test_split\(test_size=float\(os\.environ\['PART'\]\)\) \(train\.py:8\) takes its size/);
    expect(verdict.blockedBy).toBeUndefined();
  });

  it('row counts need the data’s size: error', async () => {
    const verdict = await check(trainRatio, await stopped(script('train_test_split(X, y, test_size=300)')));
    expect(verdict).toMatchObject({ status: 'error', messageKey: 'staticCounts', static: true });
  });

  it('a criterion on the data itself (rows vs columns) is error from the code, naming what the code does', async () => {
    const verdict = await check(observations, await stopped(script('train_test_split(X, y, test_size=0.2)')));
    expect(verdict).toMatchObject({ status: 'error', messageKey: 'staticNeedsRun', static: true });
    expect(verdict.message.en).toContain('the code read shows Ridge.fit (train.py:9)');
  });

  it('an observed fact wins: a stopped step whose trace holds the split is judged on the trace, not the code', async () => {
    const evidence = await stopped(script('train_test_split(X, y, test_size=0.4)'));
    const observed = new TraceBuilder().split(8, 1000, 200).evidence().trace!.all().map((e) => ({ ...e, step: 'pipeline:train.py' }));
    const withTrace = await readCode(evidence.workspace!.root, evidence.steps as never, observed);
    const verdict = await check(trainRatio, withTrace);
    expect(verdict).toMatchObject({ status: 'pass', messageKey: 'pass' });
    expect(verdict.static).toBeUndefined();
    expect(verdict.evidence.every((e) => e.kind !== 'static')).toBe(true);
  });

  it('a step that ran to its end is never judged on its code', async () => {
    const evidence = await readCode(writeRepo({ 'train.py': script('train_test_split(X, y, test_size=0.2)') }), [stepOf('train.py')]);
    const verdict = await check(trainTestSplit, evidence);
    expect(verdict).toMatchObject({ status: 'fail', messageKey: 'noTrace' });
    expect(verdict.static).toBeUndefined();
  });

  it('environment stop: a static pass stands (the code is the repository’s own), a static error is counted as not judged', async () => {
    const code = script('train_test_split(X, y, test_size=float(os.environ["PART"]))');
    const split = await check(trainTestSplit, await stopped(code, MISSING_PACKAGE));
    expect(split).toMatchObject({ status: 'pass', messageKey: 'staticSplit', static: true });
    expect(split.blockedBy).toBeUndefined();
    expect(split.message.en).toContain('(Not run: step pipeline:train.py: the code imports missingno, not installable here.)');
    const ratio = await check(trainRatio, await stopped(code, MISSING_PACKAGE));
    expect(ratio).toMatchObject({ status: 'error', static: true, blockedBy: { owner: 'environment', causes: ['missing-package'], steps: ['pipeline:train.py'] } });
    expect(ratio.message.en).toMatch(/^Could not be judged: the code imports missingno, not installable here\. Give a package index\. Read in the code, not observed when run: train_test_split\(test_size=float/);
  });

  it('environment stop: a static fail is never a fail (main’s rule) — error, not judged, saying what the code reads', async () => {
    const verdict = await check(trainRatio, await stopped(script('train_test_split(X, y, test_size=0.4)'), MISSING_PACKAGE));
    expect(verdict).toMatchObject({ status: 'error', score: 0, messageKey: 'staticTooSmall', static: true, blockedBy: { owner: 'environment', causes: ['missing-package'] } });
    expect(verdict.message.fr).toMatch(/^Non évaluable : le code importe missingno, non installable ici\. Donnez un index de paquets\. Lu dans le code, non observé à l’exécution : train_test_split\(test_size=0\.4\) \(train\.py:8\) ne donne que 60 %/);
    expect(summarize([verdict], [])).toMatchObject({ status: 'error', notJudged: ['ml/train-ratio'], static: ['ml/train-ratio'] });
  });

  it('environment stop and nothing in the code for the criterion: main’s rule, error (blocked), not static', async () => {
    const verdict = await check(gridSearch, await stopped(script('train_test_split(X, y, test_size=0.2)'), MISSING_PACKAGE));
    expect(verdict).toMatchObject({ status: 'error', messageKey: 'blocked', blockedBy: { owner: 'environment' } });
    expect(verdict.static).toBeUndefined();
  });

  it('a call at the line where the step raised is no static evidence: the run reached it and saw it fail', async () => {
    const code = script('train_test_split(X, y, test_size=0.2)').replace('print(', 'from sklearn.model_selection import GridSearchCV\nGridSearchCV(Ridge(), {"alpha": [0.1, 1], "fit_intercept": [True, False]}, cv=5).fit(X_train, y_train)\nprint(');
    const crash = { ...MISSING_DATA, cause: 'exception' as const, location: { file: 'train.py', line: 11 } };
    const atSearch = await check(gridSearch, await stopped(code, crash));
    expect(atSearch).toMatchObject({ status: 'fail', messageKey: 'none' });
    expect(atSearch.static).toBeUndefined();
    const before = await check(gridSearch, await stopped(code, { ...crash, location: { file: 'train.py', line: 6 } }));
    expect(before).toMatchObject({ status: 'pass', messageKey: 'pass', static: true });
  });

  it('the summary counts static verdicts apart', async () => {
    const evidence = await stopped(script('train_test_split(X, y, test_size=0.4)'));
    const verdicts = [await check(trainTestSplit, evidence), await check(trainRatio, evidence), await check(gridSearch, evidence)];
    expect(verdicts.map((v) => v.status)).toEqual(['pass', 'fail', 'fail']);
    expect(summarize(verdicts, [])).toMatchObject({ status: 'fail', static: ['ml/train-test-split', 'ml/train-ratio'], counts: { pass: 1, fail: 2 } });
  });
});

describe('static verdicts counted apart in the summaries', () => {
  it('one line, both languages, only when some verdict was read in the code', async () => {
    const { staticCountText } = await import('../../reports/static-count.js');
    expect(staticCountText({ static: [] })).toBeUndefined();
    expect(staticCountText({ static: ['ml/train-ratio'] })).toEqual({ fr: '1 verdict lu dans le code, non observé à l’exécution : ml/train-ratio.', en: '1 verdict read in the code, not observed when run: ml/train-ratio.' });
    expect(staticCountText({ static: ['ml/a', 'ml/b'] })?.fr).toBe('2 verdicts lus dans le code, non observés à l’exécution : ml/a, ml/b.');
  });
});
