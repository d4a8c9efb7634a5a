import { describe, expect, it } from 'vitest';
import { classifyRealRun, notebook } from './real-failures.js';

/**
 * The classifier on real failures: each case really runs a small script (or notebook) with Debian's Python
 * in a throw-away repository, and the exact owner and cause are expected. Cases that look like the
 * environment's but are the team's are here too.
 */
describe('whose failure is it: environment', () => {
  it('a package declared in requirements.txt and missing here', async () => {
    const { failure } = await classifyRealRun({ 'requirements.txt': 'pandas==2.1.3\nmissingno>=0.5\n', 'main.py': 'import pandas as pd\nimport missingno as msno\n' }, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'environment', cause: 'missing-package', module: 'missingno', package: 'missingno', declaredIn: 'requirements.txt', location: { file: 'main.py', line: 2 } });
    expect(failure!.message.en).toBe('The code needs "missingno", declared in requirements.txt, not installed on this machine.');
    expect(failure!.message.fr).toBe('Le code a besoin de « missingno », déclaré dans requirements.txt, non installé sur cette machine.');
    expect(failure!.hint.en).toContain('--pip-index <url>');
    expect(failure!.hint.en).toContain('--wheelhouse <dir>');
  });

  it('the environment stage says why the declared package is not installable', async () => {
    const { failure } = await classifyRealRun({ 'requirements.txt': 'missingno\n', 'main.py': 'import missingno\n' }, { entry: 'main.py' }, { unmet: [{ name: 'missingno', reason: 'no index given' }] });
    expect(failure).toMatchObject({ owner: 'environment', cause: 'missing-package', package: 'missingno' });
    expect(failure!.message.en).toBe('The code needs "missingno", declared in requirements.txt, not installable here (no index given).');
  });

  it('an import name that differs from its distribution, declared in a sub-folder (imblearn → imbalanced-learn)', async () => {
    const { failure } = await classifyRealRun({ 'ml/requirements.txt': 'scikit-learn\nimbalanced-learn==0.12\n', 'ml/train.py': 'from imblearn.over_sampling import SMOTE\n' }, { entry: 'ml/train.py' });
    expect(failure).toMatchObject({ owner: 'environment', cause: 'missing-package', module: 'imblearn', package: 'imbalanced-learn', declaredIn: 'ml/requirements.txt' });
  });

  it('a well-known package and no dependency file at all: environment, and the team should declare it', async () => {
    const { failure } = await classifyRealRun({ 'main.py': 'import shap\n' }, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'environment', cause: 'missing-package', module: 'shap', package: 'shap' });
    expect(failure!.declaredIn).toBeUndefined();
    expect(failure!.hint.en).toMatch(/^The team should declare it in a requirements.txt\./);
  });

  it('a download from a host the sandbox does not reach (urlretrieve)', async () => {
    const { failure } = await classifyRealRun({ 'main.py': 'import urllib.request\nurllib.request.urlretrieve("https://www.donnees-publiques.invalid/r/logements.csv", "logements.csv")\n' }, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'environment', cause: 'network', host: 'www.donnees-publiques.invalid', location: { file: 'main.py', line: 2 } });
  });

  it('a connection refused by the host (requests.get)', async () => {
    const { failure } = await classifyRealRun({ 'main.py': 'import requests\nrequests.get("http://127.0.0.1:9/api/communes", timeout=5)\n' }, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'environment', cause: 'network', host: '127.0.0.1' });
  });

  it('a PostgreSQL server the run did not provide (psycopg2 on localhost:5432)', async () => {
    const files = { 'main.py': 'import psycopg2\nconnexion = psycopg2.connect(host="localhost", port=5432, dbname="boutique", user="postgres", password="secret")\n' };
    const alone = await classifyRealRun(files, { entry: 'main.py' });
    expect(alone.failure).toMatchObject({ owner: 'environment', cause: 'database-missing', host: 'localhost' });
    expect(alone.failure!.hint.en).toMatch(/^Grade with --database postgres/);
    const served = await classifyRealRun(files, { entry: 'main.py' }, { servers: ['postgres'] });
    expect(served.failure).toMatchObject({ owner: 'environment', cause: 'database-missing' });
    expect(served.failure!.message.en).toBe('The code connects to a database at localhost, which is not the database this run provides.');
  });

  it('a database setting the run does not set (os.environ["DATABASE_URL"])', async () => {
    const { failure } = await classifyRealRun({ 'main.py': 'import os\nurl = os.environ["DATABASE_URL"]\n' }, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'environment', cause: 'database-missing' });
    expect(failure!.message.en).toBe('The code reads the setting DATABASE_URL, and this run provides no database server.');
  });

  it('a data file the repository git-ignores', async () => {
    const { failure } = await classifyRealRun({ '.gitignore': '__pycache__/\ndata/raw/\n', 'etl.py': 'import pandas as pd\nventes = pd.read_csv("data/raw/ventes.csv", sep=";")\n' }, { entry: 'etl.py' });
    expect(failure).toMatchObject({ owner: 'environment', cause: 'data-missing', file: 'data/raw/ventes.csv' });
    expect(failure!.message.en).toBe('The code reads data/raw/ventes.csv, which the repository does not contain: .gitignore excludes it ("data/raw/").');
  });

  it('a data file a script of the repository downloads', async () => {
    const files = {
      'scripts/telecharger.py': 'import urllib.request\nURL = "https://www.data.gouv.fr/fr/datasets/r/dvf.csv"\nurllib.request.urlretrieve(URL, "data/dvf.csv")\n',
      'main.py': 'import pandas as pd\ndf = pd.read_csv("data/dvf.csv")\n',
    };
    const { failure } = await classifyRealRun(files, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'environment', cause: 'data-missing', file: 'data/dvf.csv' });
    expect(failure!.message.en).toContain('scripts/telecharger.py:2 downloads it');
  });

  it('a failing notebook cell on a declared package is the environment’s, not the cell’s', async () => {
    const { failure } = await classifyRealRun({ 'requirements.txt': 'missingno\n', 'notebooks/eda.ipynb': notebook('import pandas as pd\n', 'import missingno as msno\n') }, { entry: 'notebooks/eda.ipynb', kind: 'notebook' });
    expect(failure).toMatchObject({ owner: 'environment', cause: 'missing-package', package: 'missingno', location: { file: 'notebooks/eda.ipynb', cell: 2, line: 1 } });
  }, 120_000);
});

describe('whose failure is it: the team’s (must not be the environment)', () => {
  it('an ImportError inside the team’s own module', async () => {
    const { failure } = await classifyRealRun({ 'requirements.txt': 'pandas\n', 'projet/__init__.py': 'from .outils import nettoyer\n', 'projet/outils.py': 'def nettoie(df):\n    return df\n', 'main.py': 'import projet\n' }, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'candidate', cause: 'exception', location: { file: 'projet/__init__.py', line: 1 } });
    expect(failure!.exception).toMatch(/^ImportError: cannot import name 'nettoyer' from 'projet.outils'/);
  });

  it('the team’s own package not importable from the folder the script runs in', async () => {
    const { failure } = await classifyRealRun({ 'src/__init__.py': '', 'src/utils.py': 'X = 1\n', 'src/main.py': 'from src.utils import X\n' }, { entry: 'src/main.py' });
    expect(failure).toMatchObject({ owner: 'candidate', cause: 'own-module', module: 'src', file: 'src/' });
  });

  it('a well-known package used but not declared while the repository declares others', async () => {
    const { failure } = await classifyRealRun({ 'requirements.txt': 'pandas\nscikit-learn\n', 'main.py': 'import missingno\n' }, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'candidate', cause: 'undeclared-package', module: 'missingno', package: 'missingno' });
    expect(failure!.hint.en).toMatch(/^Add missingno to requirements.txt/);
  });

  it('a module that is neither the team’s nor a known package nor declared', async () => {
    const { failure } = await classifyRealRun({ 'requirements.txt': 'pandas\n', 'main.py': 'import outils_equipe_absents\n' }, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'candidate', cause: 'module-not-found', module: 'outils_equipe_absents' });
  });

  it('a FileNotFoundError for a file the repository holds under another name', async () => {
    const { failure } = await classifyRealRun({ '.gitignore': '*.db\n', 'data/ventes_2023.csv': 'id;prix\n1;2\n', 'etl.py': 'import pandas as pd\ndf = pd.read_csv("data/Ventes_2023.csv", sep=";")\n' }, { entry: 'etl.py' });
    expect(failure).toMatchObject({ owner: 'candidate', cause: 'file-not-found', file: 'data/Ventes_2023.csv' });
    expect(failure!.message.en).toBe('The code reads data/Ventes_2023.csv, which is missing; the repository has data/ventes_2023.csv.');
  });

  it('a FileNotFoundError for a file nowhere, neither ignored nor downloaded', async () => {
    const { failure } = await classifyRealRun({ 'etl.py': 'import pandas as pd\ndf = pd.read_csv("donnees/clients.csv")\n' }, { entry: 'etl.py' });
    expect(failure).toMatchObject({ owner: 'candidate', cause: 'file-not-found', file: 'donnees/clients.csv' });
  });

  it('a KeyError on a column is the team’s, at their line', async () => {
    const { failure } = await classifyRealRun({ 'main.py': 'import pandas as pd\ndf = pd.DataFrame({"prix": [1, 2]})\nprint(df["price"].mean())\n' }, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'candidate', cause: 'exception', exception: "KeyError: 'price'", location: { file: 'main.py', line: 3 } });
  });

  it('a syntax error', async () => {
    const { failure } = await classifyRealRun({ 'main.py': 'def nettoyer(df:\n    return df\n' }, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'candidate', cause: 'syntax-error', location: { file: 'main.py', line: 1 } });
  });

  it('a failing notebook cell (KeyError), with its cell', async () => {
    const { failure } = await classifyRealRun({ 'notebooks/analyse.ipynb': notebook('import pandas as pd\ndf = pd.DataFrame({"a": [1]})\n', 'df["b"]\n') }, { entry: 'notebooks/analyse.ipynb', kind: 'notebook' });
    expect(failure).toMatchObject({ owner: 'candidate', cause: 'notebook-cell', exception: "KeyError: 'b'", location: { file: 'notebooks/analyse.ipynb', cell: 2 } });
  }, 120_000);

  it('a timeout of the team’s code', async () => {
    const { failure, record } = await classifyRealRun({ 'main.py': 'import time\nwhile True:\n    time.sleep(0.1)\n' }, { entry: 'main.py', timeoutSec: 1 });
    expect(record.status).toBe('timeout');
    expect(failure).toMatchObject({ owner: 'candidate', cause: 'timeout' });
  });

  it('an exit code without a traceback', async () => {
    const { failure } = await classifyRealRun({ 'main.py': 'import sys\nprint("fichier de configuration absent", file=sys.stderr)\nsys.exit(3)\n' }, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'candidate', cause: 'exit-code' });
    expect(failure!.message.en).toBe('The step ended with code 3: fichier de configuration absent.');
  });
});

describe('whose failure is it: the grader’s', () => {
  it('an interpreter that does not exist', async () => {
    const { failure } = await classifyRealRun({ 'main.py': 'print(1)\n' }, { entry: 'main.py' }, { python: '/opt/nulle-part/bin/python3' });
    expect(failure).toMatchObject({ owner: 'grader', cause: 'interpreter-missing' });
  });

  it('an interpreter without the data stack (a bare venv of Debian’s Python)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const venv = join(mkdtempSync(join(tmpdir(), 'mspr-venv-')), 'venv');
    execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', venv]);
    const { failure } = await classifyRealRun({ 'requirements.txt': 'pandas\n', 'main.py': 'import pandas as pd\n' }, { entry: 'main.py' }, { python: join(venv, 'bin', 'python') });
    expect(failure).toMatchObject({ owner: 'grader', cause: 'data-stack-missing', module: 'pandas' });
  });

  it('an exception raised from the tracer’s own code', async () => {
    const { failure } = await classifyRealRun({ 'vendor/mspr_tracer/hooks.py': 'def wrap():\n    raise RuntimeError("hook cassé")\n', 'main.py': 'import sys\nsys.path.insert(0, "vendor")\nfrom mspr_tracer import hooks\nhooks.wrap()\n' }, { entry: 'main.py' });
    expect(failure).toMatchObject({ owner: 'grader', cause: 'tracer-failed' });
  });
});
