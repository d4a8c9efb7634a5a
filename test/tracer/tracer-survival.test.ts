import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../runner/tracer/trace-event.js';
import { runPython, TRACER_DIR } from './support/run-traced.js';

function workspaceWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mspr-survival-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

const ofType = (events: TraceEvent[], type: string) => events.filter((e) => e.type === type);

const PARALLEL = `import multiprocessing as mp
import pickle

import numpy as np
from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV

X = np.random.RandomState(0).normal(size=(120, 3))
y = X @ np.array([1.0, 2.0, 3.0])


def child(queue):
    model = Ridge(alpha=2).fit(X, y)
    queue.put(round(float(model.coef_[0]), 6))


if __name__ == "__main__":
    search = GridSearchCV(Ridge(), {"alpha": [0.1, 1, 10, 100]}, cv=3, n_jobs=2).fit(X, y)
    print(search.best_params_)
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    process = ctx.Process(target=child, args=(queue,))
    process.start()
    print(queue.get())
    process.join()
    restored = pickle.loads(pickle.dumps(search.best_estimator_))
    print(restored.predict(X[:2]).round(3).tolist())
`;

describe('tracer survival: what candidates do never breaks their program', () => {
  it('n_jobs=2 (loky workers), a forked child and a pickled model', () => {
    const root = workspaceWith({ 'parallel.py': PARALLEL });
    const plain = runPython(root, ['python', 'parallel.py'], { traced: false });
    const traced = runPython(root, ['python', 'parallel.py'], { traced: true });
    expect(traced.exitCode, traced.stderr).toBe(0);
    expect(traced.stdout).toBe(plain.stdout);
    expect(traced.problems).toEqual([]);
    const [search] = ofType(traced.events, 'search');
    expect(search).toMatchObject({ search: 'GridSearchCV', n_candidates: 4, cv: 3, site: { file: 'parallel.py', line: 18 } });
    // The forked child wrote its own file, starting with its own tracer_start.
    const childFit = ofType(traced.events, 'fit').find((e) => e.pid !== search!.pid);
    expect(childFit).toMatchObject({ estimator: 'Ridge', site: { file: 'parallel.py', line: 13 } });
    expect(traced.events.find((e) => e.pid === childFit!.pid && e.seq === 1)?.type).toBe('tracer_start');
    // Folds fitted inside the search (in loky workers) are not separate events.
    expect(ofType(traced.events, 'fit').filter((e) => e.pid === search!.pid)).toEqual([]);
    expect(ofType(traced.events, 'predict')).toContainEqual(expect.objectContaining({ estimator: 'Ridge', method: 'predict', site: { file: 'parallel.py', line: 27 } }));
  });

  it('an exception in the candidate code: same exit code and traceback, earlier events kept', () => {
    const root = workspaceWith({
      'boom.py': 'import numpy as np\nfrom sklearn.linear_model import Lasso\n\nLasso().fit(np.ones((10, 2)), np.arange(10.0))\nraise ValueError("colonne manquante")\n',
    });
    const plain = runPython(root, ['python', 'boom.py'], { traced: false });
    const traced = runPython(root, ['python', 'boom.py'], { traced: true });
    expect(plain.exitCode).toBe(1);
    expect(traced.exitCode).toBe(1);
    expect(traced.stderr).toBe(plain.stderr);
    expect(ofType(traced.events, 'fit')).toMatchObject([{ estimator: 'Lasso', site: { file: 'boom.py', line: 4 } }]);
  });

  it('an exception ending a thread prints the same traceback', () => {
    const root = workspaceWith({
      'worker.py': 'import threading\nimport numpy as np\nfrom sklearn.linear_model import ElasticNet\n\n\ndef work():\n    ElasticNet(l1_ratio="x").fit(np.ones((4, 2)), np.arange(4.0))\n\n\nthread = threading.Thread(target=work)\nthread.start()\nthread.join()\nprint("done")\n',
    });
    const plain = runPython(root, ['python', 'worker.py'], { traced: false });
    const traced = runPython(root, ['python', 'worker.py'], { traced: true });
    expect(traced.exitCode).toBe(0);
    expect(traced.stdout).toBe('done\n');
    expect(traced.stderr).toBe(plain.stderr);
    expect(traced.stderr).toContain('InvalidParameterError');
    expect(ofType(traced.events, 'fit')).toMatchObject([{ estimator: 'ElasticNet', site: { file: 'worker.py', line: 7 }, error: expect.stringContaining('l1_ratio') }]);
  });

  it('scikit-learn absent: the tracer stays out of the way', () => {
    const root = workspaceWith({ 'main.py': 'try:\n    import sklearn\nexcept ImportError as e:\n    print("pas de sklearn:", type(e).__name__)\nimport json\nprint(json.dumps({"ok": 1}))\n' });
    const blocker = mkdtempSync(join(tmpdir(), 'mspr-no-sklearn-'));
    writeFileSync(join(blocker, 'sklearn.py'), 'raise ImportError("scikit-learn is not installed here")\n');
    const traced = runPython(root, ['python', 'main.py'], { traced: true, extraEnv: { PYTHONPATH: `${TRACER_DIR}:${blocker}` } });
    expect(traced.exitCode, traced.stderr).toBe(0);
    expect(traced.stdout).toBe('pas de sklearn: ImportError\n{"ok": 1}\n');
    expect(traced.stderr).toBe('');
    expect(traced.events.map((e) => e.type)).toEqual(['tracer_start']);
    expect(traced.problems).toEqual([]);
  });

  const bare = ['/root/.pyenv/versions/3.8.18/bin/python', '/root/.pyenv/versions/3.13.0/bin/python'].filter((p) => existsSync(p));
  it.skipIf(bare.length === 0)('another interpreter without the data stack (Python 3.8 and 3.13): loads, stays silent', () => {
    for (const python of bare) {
      const root = workspaceWith({ 'main.py': 'import sys\nprint("ok", sys.version_info[0])\n' });
      const traced = runPython(root, [python, 'main.py'], { traced: true });
      expect(traced.exitCode, traced.stderr).toBe(0);
      expect(traced.stdout).toBe('ok 3\n');
      expect(traced.stderr).toBe('');
      expect(traced.events.map((e) => e.type)).toEqual(['tracer_start']);
    }
  });

  it('a hook that raises is recorded as tracer_error and the program goes on', () => {
    const tracer = mkdtempSync(join(tmpdir(), 'mspr-broken-tracer-'));
    cpSync(TRACER_DIR, tracer, { recursive: true });
    writeFileSync(join(tracer, 'mspr_tracer/hooks/aa_fails_at_register_hooks.py'), 'def register(api):\n    raise RuntimeError("cannot register")\n');
    writeFileSync(
      join(tracer, 'mspr_tracer/hooks/zz_broken_handler_hooks.py'),
      'def register(api):\n    api.on_import("candidate_lib", lambda module: api.patch_function(module, "double", lambda call: 1 / 0))\n',
    );
    const root = workspaceWith({
      'candidate_lib.py': 'def double(x):\n    return 2 * x\n',
      'main.py': 'import numpy as np\nfrom sklearn.linear_model import Ridge\nimport candidate_lib\n\nprint(sum(candidate_lib.double(i) for i in range(30)))\nRidge().fit(np.ones((5, 2)), np.arange(5.0))\n',
    });
    const traced = runPython(root, ['python', 'main.py'], { traced: true, tracerDir: tracer });
    expect(traced.exitCode, traced.stderr).toBe(0);
    expect(traced.stdout).toBe('870\n');
    expect(traced.stderr).toBe('');
    const errors = ofType(traced.events, 'tracer_error');
    expect(errors).toContainEqual(expect.objectContaining({ where: 'register:aa_fails_at_register_hooks', error: 'RuntimeError: cannot register' }));
    const handlerErrors = errors.filter((e) => e.where === 'candidate_lib.double');
    expect(handlerErrors).toHaveLength(20);
    expect(handlerErrors.at(-1)).toMatchObject({ error: 'ZeroDivisionError: division by zero', suppressed: true });
    expect(traced.problems.filter((p) => p.includes('tracer error'))).toHaveLength(21);
    // The other hooks still work.
    expect(ofType(traced.events, 'fit')).toMatchObject([{ estimator: 'Ridge', site: { file: 'main.py', line: 6 } }]);
  });
});
