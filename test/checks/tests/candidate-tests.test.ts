import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import check from '../../../checks/tests/candidate-tests.js';
import { testCheck } from '../../../checks/tester.js';
import { workspaceFiles } from '../../../runner/evidence/workspace-files.js';
import { runOwnTestsOf } from '../../helpers/run-own-tests.js';

// Each case really runs pytest (Debian's) on a small repository shaped like a team's, through the runner's phase.
const CODE = {
  'src/__init__.py': '',
  'src/pipeline.py': 'def nettoyer(lignes):\n    return [l for l in lignes if l is not None]\n',
};
const PASSING = `import pytest
from src.pipeline import nettoyer


def test_nettoyer_retire_les_vides():
    assert nettoyer([1, None, 2]) == [1, 2]


@pytest.mark.skip(reason="base de production absente")
def test_base():
    pass
`;
const ONE_FAILING = `${PASSING}

def test_lignes_chargees():
    assert len(nettoyer([1, None, 3])) == 3, "toutes les lignes doivent être chargées"
`;

function ran(files: Record<string, string>, options: Parameters<typeof runOwnTestsOf>[1] = {}) {
  return async () => {
    const { ownTests, workspaceRoot } = await runOwnTestsOf(files, options);
    return { ownTests, workspace: workspaceFiles(workspaceRoot) };
  };
}

/** An interpreter without pytest (a bare venv of Debian's Python): what a grading image lacking it looks like. */
function pythonWithoutPytest(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mspr-nopytest-'));
  execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', join(dir, 'venv')]);
  return join(dir, 'venv', 'bin', 'python');
}

testCheck(check, {
  valid: [
    {
      name: 'tests/test_pipeline.py passes (one test skipped)',
      evidence: ran({ ...CODE, 'tests/test_pipeline.py': PASSING }),
      expect: {
        status: 'pass',
        message: 'pass',
        includes: ['1 of 2 tests passed (1 skipped), in 1 suite: tests'],
        evidence: [{ subject: 'tests', actual: '1/2 passed', data: expect.objectContaining({ tests: 2, failures: 0, errors: 0, skipped: 1, status: 'passed' }) }],
      },
    },
  ],
  invalid: [
    {
      name: 'one failing test is named with its message',
      evidence: ran({ ...CODE, 'tests/test_pipeline.py': ONE_FAILING }),
      expect: {
        status: 'fail',
        message: 'fail',
        includes: ['1 of 3 tests failed: tests.test_pipeline.test_lignes_chargees. Expected'],
        evidence: [{ subject: 'tests', actual: '1/3 passed', data: expect.objectContaining({ tests: 3, failures: 1, status: 'failed', failing: [{ name: 'tests.test_pipeline.test_lignes_chargees', kind: 'failure', message: expect.stringContaining('AssertionError: toutes les lignes doivent être chargées') }] }) }],
      },
    },
    {
      name: 'a repository without tests (a test_data.py script is not a test)',
      evidence: ran({ ...CODE, 'scripts/test_data.py': 'print("vérification des données")\n' }),
      expect: { status: 'fail', message: 'none', evidence: [{ subject: 'tests', expected: 'test_*.py', actual: 0 }] },
    },
    {
      name: 'a collection error on a declared package this machine lacks is the environment’s',
      evidence: ran({ ...CODE, 'requirements.txt': 'pandas\nmissingno==0.5.2\n', 'tests/test_modele.py': 'import missingno\n\ndef test_modele():\n    assert missingno\n' }, { unmet: [{ name: 'missingno' }] }),
      expect: {
        status: 'error',
        message: 'notRun',
        includes: ['missingno', 'declared in requirements.txt'],
        evidence: [{ subject: 'tests', actual: 'not-run', data: expect.objectContaining({ owner: 'environment', cause: 'missing-package', package: 'missingno' }) }],
      },
    },
    {
      name: 'pytest missing from the environment',
      evidence: ran({ ...CODE, 'tests/test_pipeline.py': PASSING }, { python: pythonWithoutPytest() }),
      expect: { status: 'error', message: 'notRun', includes: ['pytest is not installed'], evidence: [{ subject: 'tests', actual: 'not-run', data: expect.objectContaining({ owner: 'environment', package: 'pytest' }) }] },
    },
    {
      name: 'a suite that hangs is stopped at its time limit',
      evidence: ran({ ...CODE, 'tests/test_attente.py': 'import time\n\ndef test_attend():\n    time.sleep(120)\n' }, { timeoutSec: 3 }),
      expect: { status: 'fail', message: 'timeout', includes: ['tests did not finish'], evidence: [{ subject: 'tests', actual: 'timeout' }] },
    },
    {
      name: 'test files that define no collected test',
      evidence: ran({ ...CODE, 'tests/test_vide.py': 'class TestRien:\n    def __init__(self):\n        pass\n\n    def test_jamais(self):\n        pass\n' }),
      expect: { status: 'fail', message: 'empty', includes: ['tests/test_vide.py'] },
    },
    {
      name: 'the run did not run the tests (regrade)',
      evidence: {},
      expect: { status: 'skip', message: 'notRan' },
    },
  ],
});
