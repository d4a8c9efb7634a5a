import { realpathSync } from 'node:fs';
import { execa } from 'execa';
import { type Localized, t } from '../i18n.js';
import { plural } from '../i18n/format.js';
import { type DoctorLine, line } from './doctor-line.js';
import { codeReason } from './failure-reason.js';

/** Modules every bundled scenario needs (what the interpreter preflight imports), then the ones some need. */
const REQUIRED_MODULES = ['pandas', 'numpy', 'sklearn', 'nbconvert', 'nbclient', 'ipykernel'];
const OPTIONAL_MODULES = ['pip', 'matplotlib', 'seaborn', 'plotly', 'scipy', 'statsmodels', 'xgboost', 'openpyxl', 'sqlalchemy', 'psycopg2', 'pymysql', 'pymongo'];
/** Distribution names whose metadata carries the version, when they differ from the module's. */
const DISTRIBUTIONS: Record<string, string> = { sklearn: 'scikit-learn', psycopg2: 'psycopg2', pymysql: 'PyMySQL', sqlalchemy: 'SQLAlchemy' };

/** find_spec and metadata only: nothing is imported, so a broken package cannot hang or crash the probe. */
const PROBE = `
import importlib.metadata, importlib.util, json, platform, sys
names = json.loads(sys.argv[1]); dists = json.loads(sys.argv[2]); found = {}
for name in names:
    if importlib.util.find_spec(name) is None:
        found[name] = None
        continue
    try:
        found[name] = importlib.metadata.version(dists.get(name, name))
    except Exception:
        found[name] = "?"
print(json.dumps({"version": platform.python_version(), "venv": sys.prefix != sys.base_prefix, "modules": found}))
`;

export interface Probe {
  version: string;
  /** A venv (bare or not): apt's python3-* packages reach it only with --system-site-packages. */
  venv: boolean;
  modules: Record<string, string | null>;
}

/** Three lines: the interpreter (required), its data stack (required), the libraries some scenarios use (optional). */
export async function probePython(python: string): Promise<DoctorLine[]> {
  const label = t('Interpréteur Python', 'Python interpreter');
  const need = t('exécuter le code des équipes (--sandbox local) ; --python ou MSPR_PYTHON le choisit', 'running the teams’ code (--sandbox local); --python or MSPR_PYTHON chooses it');
  const result = await execa(python, ['-B', '-c', PROBE, JSON.stringify([...REQUIRED_MODULES, ...OPTIONAL_MODULES]), JSON.stringify(DISTRIBUTIONS)], {
    reject: false,
    timeout: 60_000,
    extendEnv: false,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
  });
  const useDebian = (venv: boolean) => (!venv && isDebianPython(python) ? [] : ['mspr-lab doctor --python /usr/bin/python3']);
  let probe: Probe | undefined;
  try {
    probe = result.exitCode === 0 ? (JSON.parse(result.stdout) as Probe) : undefined;
  } catch {
    probe = undefined;
  }
  if (!probe) {
    const spawnCode = (result as { code?: string }).code;
    const absent = spawnCode === 'ENOENT' || result.exitCode === 127;
    const why = absent ? t(`${python} n’existe pas`, `${python} does not exist`) : notStarting(python, result, spawnCode);
    const fix = ['sudo apt-get install -y python3', ...useDebian(true)];
    return [
      line({ id: 'python', label, required: true, ok: false, summary: why, need, fix }),
      // French agrees with each label: « la pile… non vérifiée », « les bibliothèques… non vérifiées ».
      line({ id: 'python-stack', label: t('Pile de données Python', 'Python data stack'), required: true, ok: false, summary: t('non vérifiée : pas d’interpréteur', 'not checked: no interpreter'), need: stackNeed, fix }),
      line({ id: 'python-extras', label: t('Bibliothèques Python facultatives', 'Optional Python libraries'), required: false, ok: false, summary: t('non vérifiées : pas d’interpréteur', 'not checked: no interpreter'), need: extrasNeed, fix }),
    ];
  }
  const kind = probe.venv ? t(' (environnement virtuel)', ' (virtual environment)') : t('', '');
  const summary = t(`${python} : Python ${probe.version}${kind.fr}`, `${python}: Python ${probe.version}${kind.en}`);
  const interpreter = line({ id: 'python', label, required: true, ok: true, summary, need });
  const fix = useDebian(probe.venv);
  return [interpreter, modulesLine(probe, REQUIRED_MODULES, true, fix), modulesLine(probe, OPTIONAL_MODULES, false, fix)];
}

const stackNeed = t('lire les données, entraîner les modèles, exécuter les notebooks des équipes', 'reading the data, training the models, running the teams’ notebooks');
const extrasNeed = t('installer les dépendances déclarées (pip) ; les autres servent à certains projets (graphiques, bases)', 'installing the declared requirements (pip); the others serve some projects (charts, databases)');

/** Exported for its tests: the summary agrees with the number of modules missing and present. */
export function modulesLine(probe: Probe, modules: string[], required: boolean, useDebian: string[]): DoctorLine {
  const found = modules.filter((name) => probe.modules[name] !== null).map((name) => `${name} ${probe.modules[name]}`);
  const missing = modules.filter((name) => probe.modules[name] === null);
  const list = found.join(', ') || '—';
  const summary = missing.length
    ? t(`${plural(missing.length, 'fr', 'manquant', 'manquants')} : ${missing.join(', ')} ; ${plural(found.length, 'fr', 'présent', 'présents')} : ${list}`, `missing: ${missing.join(', ')}; present: ${list}`)
    : t(list, list);
  const fix = [`sudo apt-get install -y ${missing.map((name) => `python3-${name}`).join(' ')}`, ...useDebian];
  return required
    ? line({ id: 'python-stack', label: t('Pile de données Python', 'Python data stack'), required, ok: missing.length === 0, summary, need: stackNeed, fix })
    : line({ id: 'python-extras', label: t('Bibliothèques Python facultatives', 'Optional Python libraries'), required, ok: missing.length === 0, summary, need: extrasNeed, fix });
}

/** Debian's interpreter is the one apt's python3-* packages serve; another one is fixed by using Debian's. */
function isDebianPython(python: string): boolean {
  try {
    return realpathSync(python).startsWith('/usr/bin/');
  } catch {
    return false;
  }
}

/**
 * An interpreter that is there but does not run the probe: not executable (a spawn code, in words), or it exits
 * with an error whose last line is its own (English) text, quoted. `code undefined` was printed before.
 */
function notStarting(python: string, result: { exitCode?: number; signal?: string; stderr: string }, spawnCode: string | undefined): Localized {
  if (spawnCode && !result.exitCode && !result.signal) {
    const reason = codeReason(spawnCode) ?? t(spawnCode, spawnCode);
    return t(`${python} ne démarre pas : ${reason.fr}`, `${python} does not start: ${reason.en}`);
  }
  const status = result.exitCode ?? result.signal ?? '?';
  const said = lastLine(result.stderr);
  return said
    ? t(`${python} ne démarre pas (code ${status}) : « ${said} »`, `${python} does not start (code ${status}): “${said}”`)
    : t(`${python} ne démarre pas (code ${status})`, `${python} does not start (code ${status})`);
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1)?.slice(0, 200) ?? '';
}
