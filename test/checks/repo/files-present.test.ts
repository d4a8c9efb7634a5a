import check from '../../../checks/repo/files-present.js';
import { testCheck } from '../../../checks/tester.js';
import { tempRepo, utf16le } from '../../helpers/temp-repo.js';

const readme = '# Projet\n\nLancer `python main.py`.\n';

/** A zip header and deterministic noise with newlines: what a renamed archive looks like, decoded as Latin-1. */
function binaryBytes(withoutNul = false): Buffer {
  const bytes = Buffer.alloc(4096);
  let seed = 7;
  for (let i = 0; i < bytes.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = (seed >> 16) & 0xff || (withoutNul ? 1 : 0);
  }
  Buffer.from('PK\u0003\u0004').copy(bytes);
  return bytes;
}

testCheck(check, {
  valid: [
    {
      // Issue 10 §4: found in the folders the steps run from, not only at the root.
      name: 'a service in api/ with its own README and requirements.txt, run from there',
      evidence: () => ({ workspace: tempRepo({ 'api/README.md': readme, 'api/requirements.txt': 'fastapi==0.110.0\nuvicorn\n', 'api/app/main.py': 'import fastapi\n' }), steps: [{ id: 'api', kind: 'command' as const, entry: 'api/app/main.py', optional: false, status: 'ok' as const }] }),
      expect: { status: 'pass', message: 'pass', includes: ['api/README.md', 'api/requirements.txt'], evidence: [{ subject: 'api/requirements.txt', actual: 2 }] },
    },
    {
      name: 'README.md and requirements.txt',
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, 'requirements.txt': 'pandas==1.5.3\nscikit-learn>=1.2 # ML\n' }) }),
      expect: { status: 'pass', message: 'pass', includes: ['README.md', 'requirements.txt'], evidence: [{ subject: 'requirements.txt', actual: 2 }] },
    },
    {
      name: 'requirements.txt saved as UTF-16 by PowerShell',
      evidence: () => ({ workspace: tempRepo({ 'readme.txt': readme, 'requirements.txt': utf16le('pandas==1.5.3\r\nnumpy==1.24.2\r\nopenpyxl\r\n') }) }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'requirements.txt', actual: 3, data: { packages: ['pandas', 'numpy', 'openpyxl'] } }] },
    },
    {
      name: 'pyproject.toml with PEP 621 dependencies',
      evidence: () => ({ workspace: tempRepo({ 'README.rst': readme, 'pyproject.toml': '[project]\nname = "x"\ndependencies = [\n  "pandas>=1.5",\n  "flask",\n]\n' }) }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'pyproject.toml', actual: 2 }] },
    },
    {
      name: 'conda environment.yml',
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, 'environment.yml': 'name: mspr\ndependencies:\n  - python=3.11\n  - pandas\n  - pip:\n    - xgboost\n' }) }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'environment.yml', actual: 2 }] },
    },
    {
      name: 'extra required file present',
      options: { files: ['docs/journal.xlsx'] },
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, 'requirements.txt': 'pandas\n', 'docs/journal.xlsx': 'x' }) }),
      expect: { status: 'pass', message: 'pass', includes: ['docs/journal.xlsx'] },
    },
  ],
  invalid: [
    {
      name: 'a requirements.txt in a folder no step runs from does not count',
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, 'archives/requirements.txt': 'pandas\n', 'main.py': 'import pandas\n' }), steps: [{ id: 'api', kind: 'command' as const, entry: 'main.py', optional: false, status: 'ok' as const }] }),
      expect: { status: 'fail', message: 'missing', includes: ['requirements.txt | pyproject.toml'] },
    },
    {
      name: 'no README',
      evidence: () => ({ workspace: tempRepo({ 'requirements.txt': 'pandas\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['Missing: README.'] },
    },
    {
      name: 'empty README',
      evidence: () => ({ workspace: tempRepo({ 'README.md': '  \n', 'requirements.txt': 'pandas\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['README (empty)'], includesFr: ['Manquant : README (vide)'] },
    },
    {
      name: 'no dependency file',
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, 'main.py': 'print(1)\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['requirements.txt | pyproject.toml'] },
    },
    {
      name: 'requirements.txt with comments only',
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, 'requirements.txt': '# TODO\n\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['requirements.txt (no package)'], includesFr: ['requirements.txt (aucun paquet)'], evidence: [{ subject: 'requirements.txt', actual: 0 }] },
    },
    {
      name: 'binary requirements.txt (a zip renamed) does not declare packages',
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, 'requirements.txt': binaryBytes() }) }),
      expect: {
        status: 'fail', message: 'missing',
        includes: ['requirements.txt (binary, not text)'],
        evidence: [{ subject: 'requirements.txt', actual: 0, data: { packages: [], binary: true } }],
      },
    },
    {
      name: 'binary requirements.txt without a single NUL byte (control characters give it away)',
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, 'requirements.txt': binaryBytes(true) }) }),
      expect: { status: 'fail', message: 'missing', includes: ['requirements.txt (binary, not text)'] },
    },
    {
      name: 'README only in a sub-folder',
      evidence: () => ({ workspace: tempRepo({ 'docs/README.md': readme, 'requirements.txt': 'pandas\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['Missing: README.'] },
    },
    {
      name: 'extra required file missing',
      options: { files: ['docs/journal.xlsx'] },
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, 'requirements.txt': 'pandas\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['docs/journal.xlsx'], evidence: [{ subject: 'docs/journal.xlsx', actual: 'absent' }] },
    },
  ],
});
