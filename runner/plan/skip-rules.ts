import { posix } from 'node:path';
import { t, type Localized } from '../i18n.js';

/**
 * What the plan leaves out, and why. Tests are the team's own checks, not the pipeline; installers and
 * virtual environments are the environment stage's job (the run builds its own); an API server never
 * ends, and serving is started separately by the scenario when it exercises the app.
 */
export const SKIP = {
  tests: t('tests : ils ne font pas partie du pipeline (la grille juge ce que le pipeline produit)', 'tests: not part of the pipeline (the grading judges what the pipeline produces)'),
  installer: t('installation de dépendances : l’environnement de la run est préparé par mspr-lab', 'dependency installation: the run’s environment is prepared by mspr-lab'),
  venv: t('environnement virtuel : la run a le sien', 'virtual environment: the run has its own'),
  server: t('serveur (API ou application) : il ne s’arrête pas seul ; le service est démarré à part par le scénario', 'server (API or app): it never ends on its own; serving is started separately by the scenario'),
  inline: t('code Python en ligne (-c) : pas une étape du pipeline', 'inline Python (-c): not a pipeline step'),
  interactive: t('ouvre un éditeur interactif (Jupyter) : rien à exécuter', 'opens an interactive editor (Jupyter): nothing to run'),
  imageBuild: t('construction d’image Docker : le bac à sable fournit l’environnement', 'Docker image build: the sandbox provides the environment'),
  packaging: t('setup.py (empaquetage) : pas une étape du pipeline', 'setup.py (packaging): not a pipeline step'),
} satisfies Record<string, Localized>;

const SERVER_PROGRAMS = new Set(['uvicorn', 'gunicorn', 'hypercorn', 'daphne', 'waitress-serve', 'tensorboard', 'gradio']);
const SERVER_MODULES = new Set(['uvicorn', 'gunicorn', 'hypercorn', 'http.server', 'streamlit', 'flask', 'gradio', 'mlflow']);
const INSTALLERS = new Set(['pip', 'pip3', 'conda', 'mamba', 'micromamba', 'apt', 'apt-get', 'brew', 'npm', 'yarn']);
const TEST_PROGRAMS = new Set(['pytest', 'py.test', 'tox', 'nox', 'coverage', 'behave']);

/** Why a command a README or Makefile names is not a step, or undefined when it may be one. */
export function commandSkipReason(argv: string[]): Localized | undefined {
  const [program = '', ...rest] = argv;
  const base = posix.basename(program);
  if (TEST_PROGRAMS.has(base)) return SKIP.tests;
  if (SERVER_PROGRAMS.has(base)) return SKIP.server;
  if ((base === 'flask' || base === 'streamlit' || base === 'mlflow' || base === 'panel') && rest.some((word) => ['run', 'ui', 'server', 'serve'].includes(word))) return SKIP.server;
  if (base === 'jupyter' && ['notebook', 'lab', 'server', 'console', 'qtconsole'].includes(rest[0] ?? '')) return SKIP.interactive;
  if (base === 'jupyter-lab' || base === 'jupyter-notebook') return SKIP.interactive;
  if (INSTALLERS.has(base) && ['install', 'create', 'env', 'update', 'sync'].includes(rest[0] ?? '')) return base === 'conda' && rest[0] === 'create' ? SKIP.venv : SKIP.installer;
  if ((base === 'poetry' || base === 'pipenv' || base === 'pdm') && ['install', 'sync', 'shell', 'lock', 'add'].includes(rest[0] ?? '')) return SKIP.installer;
  if (base === 'uv' && ['pip', 'sync', 'venv', 'add', 'lock'].includes(rest[0] ?? '')) return rest[0] === 'venv' ? SKIP.venv : SKIP.installer;
  if (base === 'virtualenv' || base === 'activate' || base === 'activate.bat' || base === 'Activate.ps1') return SKIP.venv;
  if ((base === 'source' || base === '.') && /activate/.test(rest[0] ?? '')) return SKIP.venv;
  if ((base === 'conda' || base === 'mamba') && (rest[0] === 'activate' || rest[0] === 'deactivate')) return SKIP.venv;
  if (base === 'docker' && (rest[0] === 'build' || rest[0] === 'pull' || (rest[0] === 'compose' && rest.includes('build')))) return SKIP.imageBuild;
  if (base === 'docker-compose' && rest[0] === 'build') return SKIP.imageBuild;
  return undefined;
}

/** Why `python <options> …` is not a step: a module that tests, installs or serves, inline code, setup.py. */
export function pythonSkipReason(module: string | undefined, script: string | undefined, args: string[], inline: boolean): Localized | undefined {
  if (inline) return SKIP.inline;
  if (module) {
    const top = module.split('.')[0]!;
    if (top === 'pytest' || top === 'unittest' || top === 'doctest' || top === 'tox') return SKIP.tests;
    if (top === 'pip' || top === 'ensurepip') return SKIP.installer;
    if (top === 'venv' || top === 'virtualenv') return SKIP.venv;
    if (SERVER_MODULES.has(module) || SERVER_MODULES.has(top)) return SKIP.server;
    if (top === 'jupyter' || top === 'notebook' || top === 'jupyterlab') return args[0] === 'nbconvert' || args[0] === 'execute' ? undefined : SKIP.interactive;
    return undefined;
  }
  if (!script) return undefined;
  const name = posix.basename(script);
  if (name === 'setup.py') return SKIP.packaging;
  if (name === 'manage.py' && ['runserver', 'test'].includes(args[0] ?? '')) return args[0] === 'test' ? SKIP.tests : SKIP.server;
  if (isTestFile(script)) return SKIP.tests;
  return undefined;
}

/** `tests/test_etl.py`, `etl_test.py`, `conftest.py`. */
export function isTestFile(path: string): boolean {
  const name = posix.basename(path);
  return /^test_.*\.py$/.test(name) || /_test\.py$/.test(name) || name === 'conftest.py' || /(^|\/)tests?\//.test(path);
}

/**
 * A script that serves rather than computes: it starts Flask/FastAPI/Streamlit/Gradio/Dash or a bare HTTP
 * server. Read from its text, so `python app.py` is left to the scenario's app step.
 */
export function servesHttp(text: string): boolean {
  if (/^\s*(import|from)\s+(streamlit|gradio|dash)\b/m.test(text)) return true;
  if (/\buvicorn\.run\s*\(|\bserve_forever\s*\(|\.run_server\s*\(|\bwaitress\.serve\s*\(/.test(text)) return true;
  const webApp = /^\s*(from|import)\s+(flask|fastapi)\b/m.test(text);
  return webApp && /\b\w+\.run\s*\(/.test(text);
}
