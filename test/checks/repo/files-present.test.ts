import check from '../../../checks/repo/files-present.js';
import { testCheck } from '../../../checks/tester.js';
import { resolvePython } from '../../../runner/settings.js';
import { readCodeImports } from '../../../runner/static/read-code-imports.js';
import { tempRepo, utf16le } from '../../helpers/temp-repo.js';

const readme = '# Projet\n\nLancer : `python main.py`.\n';
const main = { 'main.py': 'print("ok")\n' };

/** The repository, with its imports read by the real static reader (as the run does before the checks). */
async function withImports(files: Record<string, string | Buffer>, steps?: unknown[]) {
  const workspace = tempRepo(files);
  return { workspace, imports: await readCodeImports(workspace, resolvePython()), ...(steps ? { steps: steps as never } : {}) };
}

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
      evidence: () => withImports({ 'api/README.md': '# API\n\n## Lancer\n\n```bash\nuvicorn app.main:app --port 8000\n```\n', 'api/requirements.txt': 'fastapi==0.110.0\nuvicorn\n', 'api/app/main.py': 'import fastapi\nfrom app import routes\n', 'api/app/routes.py': '' }, [{ id: 'api', kind: 'command' as const, entry: 'api/app/main.py', optional: false, status: 'ok' as const }]),
      expect: { status: 'pass', message: 'pass', includes: ['api/README.md:6 says how to run the project (`uvicorn app.main:app --port 8000`)', 'api/requirements.txt declares the library the code imports (fastapi)'], evidence: [{ subject: 'api/requirements.txt', actual: 2 }] },
    },
    {
      name: 'README.md naming a script that exists, requirements.txt declaring what the code imports (sklearn as scikit-learn, numpy through pandas)',
      evidence: () => withImports({ 'README.md': readme, 'main.py': 'import numpy as np\nimport pandas as pd\nfrom sklearn.linear_model import Ridge\nimport os, json\nfrom etl import charger\n', 'etl.py': 'import csv\n', 'requirements.txt': 'pandas==1.5.3\nscikit-learn>=1.2 # ML\n' }),
      expect: {
        status: 'pass', message: 'pass',
        includes: ['README.md:3 says how to run the project (`python main.py`, main.py exists)', 'requirements.txt declares the 3 libraries the code imports (numpy, pandas, sklearn)'],
        includesFr: ['README.md:3 dit comment lancer le projet (`python main.py`, main.py existe) ; requirements.txt déclare les 3 bibliothèques que le code importe'],
        evidence: [{ subject: 'requirements.txt', actual: 2 }],
      },
    },
    {
      name: 'import names that are not distribution names: cv2, yaml, PIL, dotenv, bs4 (and an optional import)',
      evidence: () => withImports({ 'README.md': readme, 'main.py': 'import cv2\nimport yaml\nfrom PIL import Image\nfrom dotenv import load_dotenv\nfrom bs4 import BeautifulSoup\ntry:\n    import ujson as json\nexcept ImportError:\n    import json\n', 'requirements.txt': 'opencv-python-headless\npyyaml\nPillow\npython-dotenv\nbeautifulsoup4\n' }),
      expect: { status: 'pass', message: 'pass', includes: ['requirements.txt declares the 5 libraries the code imports (PIL, bs4, cv2, dotenv, yaml)'] },
    },
    {
      name: 'a Makefile target the README names, a notebook run by nbconvert, a Pipfile',
      evidence: () => withImports({ 'README.md': '# Projet\n\n## Utilisation\n\n```\nmake etl\njupyter nbconvert --to notebook --execute notebooks/eda.ipynb\n```\n', 'Makefile': 'etl:\n\tpython etl.py\n', 'etl.py': 'import requests\n', 'notebooks/eda.ipynb': JSON.stringify({ cells: [{ cell_type: 'code', source: 'import missingno as msno\nfrom IPython.display import display\n' }] }), Pipfile: '[packages]\nrequests = "*"\nmissingno = "==0.5.2"\n' }),
      expect: { status: 'pass', message: 'pass', includes: ['README.md:6 says how to run the project (`make etl`, etl.py exists)', 'Pipfile declares the 2 libraries the code imports (missingno, requests)'] },
    },
    {
      name: 'requirements.txt saved as UTF-16 by PowerShell',
      evidence: () => ({ workspace: tempRepo({ ...main, 'readme.txt': readme, 'requirements.txt': utf16le('pandas==1.5.3\r\nnumpy==1.24.2\r\nopenpyxl\r\n') }) }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'requirements.txt', actual: 3, data: { packages: ['pandas', 'numpy', 'openpyxl'] } }] },
    },
    {
      name: 'pyproject.toml with PEP 621 dependencies',
      evidence: () => ({ workspace: tempRepo({ ...main, 'README.rst': readme, 'pyproject.toml': '[project]\nname = "x"\ndependencies = [\n  "pandas>=1.5",\n  "flask",\n]\n' }) }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'pyproject.toml', actual: 2 }] },
    },
    {
      name: 'conda environment.yml',
      evidence: () => ({ workspace: tempRepo({ ...main, 'README.md': readme, 'environment.yml': 'name: mspr\ndependencies:\n  - python=3.11\n  - pandas\n  - pip:\n    - xgboost\n' }) }),
      expect: { status: 'pass', message: 'pass', evidence: [{ subject: 'environment.yml', actual: 2 }] },
    },
    {
      name: 'extra required file present',
      options: { files: ['docs/journal.xlsx'] },
      evidence: () => ({ workspace: tempRepo({ ...main, 'README.md': readme, 'requirements.txt': 'pandas\n', 'docs/journal.xlsx': 'x' }) }),
      expect: { status: 'pass', message: 'pass', includes: ['docs/journal.xlsx present', "requirements.txt declares 1 package (the code's imports not compared: the code could not be read)"] },
    },
  ],
  invalid: [
    {
      // Issue 10 §4: exact verdicts.
      name: 'a README without any runnable command',
      evidence: () => ({ workspace: tempRepo({ ...main, 'README.md': '# Analyse des ventes\n\nCe projet nettoie les ventes et entraîne un modèle.\n\n## Installation\n\n```\npip install -r requirements.txt\n```\n', 'requirements.txt': 'pandas\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['To fix: README.md gives no command that runs the project (python …, make …, jupyter nbconvert …).'], includesFr: ['À corriger : README.md ne donne aucune commande qui lance le projet'] },
    },
    {
      name: 'a README naming python src/main.py, which does not exist',
      evidence: () => ({ workspace: tempRepo({ 'README.md': '# Projet\n\nLancer : `python src/main.py`\n', 'main.py': 'print(1)\n', 'requirements.txt': 'pandas\n' }) }),
      expect: {
        status: 'fail', message: 'missing',
        includes: ['To fix: README.md:3 gives `python src/main.py`, but the file src/main.py is not in the repository.'],
        includesFr: ['À corriger : README.md:3 donne `python src/main.py`, mais le fichier src/main.py n’est pas dans le dépôt.'],
        evidence: [{ subject: 'README.md', data: { runs: [], missing: [{ name: 'src/main.py', command: 'python src/main.py', source: 'README.md:3' }] } }],
      },
    },
    {
      name: 'a make target the Makefile does not have',
      evidence: () => ({ workspace: tempRepo({ 'README.md': '# Projet\n\n## Lancer\n\n```\nmake train\n```\n', Makefile: 'etl:\n\tpython main.py\n', ...main, 'requirements.txt': 'pandas\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['README.md:6 gives `make train`, but target train is not in Makefile.'] },
    },
    {
      name: 'missingno imported in a notebook and xgboost in a script, neither declared',
      evidence: () => withImports({ 'README.md': readme, 'main.py': 'import pandas as pd\nimport xgboost as xgb\n', 'notebooks/eda.ipynb': JSON.stringify({ cells: [{ cell_type: 'markdown', source: '# EDA' }, { cell_type: 'code', source: 'import pandas as pd' }, { cell_type: 'code', source: '!pip install missingno\nimport missingno as msno\nimport cv2' }] }), 'requirements.txt': 'pandas\n', 'tests/test_main.py': 'import pytest\n' }),
      expect: {
        status: 'fail', message: 'missing',
        includes: ['To fix: Libraries imported that requirements.txt does not declare: cv2 → opencv-python (notebooks/eda.ipynb#2:3), missingno (notebooks/eda.ipynb#2:2), xgboost (main.py:2).'],
        includesFr: ['À corriger : Bibliothèques importées que requirements.txt ne déclare pas : cv2 → opencv-python (notebooks/eda.ipynb#2:3), missingno (notebooks/eda.ipynb#2:2), xgboost (main.py:2).'],
        evidence: [{ kind: 'static', subject: 'missingno', expected: 'missingno', actual: 'undeclared', data: { sites: ['notebooks/eda.ipynb#2:2'] } }],
      },
    },
    {
      name: 'a requirements.txt in a folder no step runs from does not count',
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, 'archives/requirements.txt': 'pandas\n', 'main.py': 'import pandas\n' }), steps: [{ id: 'api', kind: 'command' as const, entry: 'main.py', optional: false, status: 'ok' as const }] }),
      expect: { status: 'fail', message: 'missing', includes: ['No dependency file (requirements.txt, pyproject.toml, environment.yml or Pipfile).'] },
    },
    {
      name: 'no README',
      evidence: () => ({ workspace: tempRepo({ 'requirements.txt': 'pandas\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['To fix: No README, neither at the root nor in a folder the steps run from.'] },
    },
    {
      name: 'empty README',
      evidence: () => ({ workspace: tempRepo({ 'README.md': '  \n', 'requirements.txt': 'pandas\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['README.md is empty.'], includesFr: ['À corriger : README.md est vide.'] },
    },
    {
      name: 'no dependency file',
      evidence: () => ({ workspace: tempRepo({ 'README.md': readme, 'main.py': 'print(1)\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['No dependency file (requirements.txt, pyproject.toml, environment.yml or Pipfile).'] },
    },
    {
      name: 'requirements.txt with comments only',
      evidence: () => ({ workspace: tempRepo({ ...main, 'README.md': readme, 'requirements.txt': '# TODO\n\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['requirements.txt declares no package.'], includesFr: ['requirements.txt ne déclare aucun paquet.'], evidence: [{ subject: 'requirements.txt', actual: 0 }] },
    },
    {
      name: 'binary requirements.txt (a zip renamed) does not declare packages',
      evidence: () => ({ workspace: tempRepo({ ...main, 'README.md': readme, 'requirements.txt': binaryBytes() }) }),
      expect: {
        status: 'fail', message: 'missing',
        includes: ['requirements.txt is a binary file, not text.'],
        evidence: [{ subject: 'requirements.txt', actual: 0, data: { packages: [], binary: true } }],
      },
    },
    {
      name: 'binary requirements.txt without a single NUL byte (control characters give it away)',
      evidence: () => ({ workspace: tempRepo({ ...main, 'README.md': readme, 'requirements.txt': binaryBytes(true) }) }),
      expect: { status: 'fail', message: 'missing', includes: ['requirements.txt is a binary file, not text.'] },
    },
    {
      name: 'README only in a sub-folder',
      evidence: () => ({ workspace: tempRepo({ 'docs/README.md': readme, 'requirements.txt': 'pandas\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['No README, neither at the root nor in a folder the steps run from.'] },
    },
    {
      name: 'extra required file missing',
      options: { files: ['docs/journal.xlsx'] },
      evidence: () => ({ workspace: tempRepo({ ...main, 'README.md': readme, 'requirements.txt': 'pandas\n' }) }),
      expect: { status: 'fail', message: 'missing', includes: ['To fix: docs/journal.xlsx is missing.'], evidence: [{ subject: 'docs/journal.xlsx', actual: 'absent' }] },
    },
  ],
});
