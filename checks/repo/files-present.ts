import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { declaredPackages, looksBinary } from './dependency-files.js';
import { stepFolders } from './step-folders.js';

interface Options {
  readme: boolean;
  dependencies: boolean;
  /** Further files the scenario requires, as paths relative to the repository root. */
  files: string[];
}

const README = /^readme(\.(md|markdown|rst|txt))?$/i;
const DEPENDENCY_FILES = ['requirements.txt', 'pyproject.toml', 'environment.yml', 'environment.yaml'];

export default defineCheck({
  meta: {
    id: 'repo/files-present',
    title: { fr: 'Documentation et dépendances présentes', en: 'Documentation and dependencies present' },
    criteria: ['cdp-ia-aivancity:C1.4', 'cdp-ia-aivancity:C6.4', 'dev-ia-ds:A1.3 C1', 'cdp-ia:A3C2'],
    evidence: ['artifact'],
    options: {
      properties: {
        readme: { type: 'boolean', default: true, description: 'require a non-empty README at the root' },
        dependencies: { type: 'boolean', default: true, description: 'require a dependency file declaring at least one package' },
        files: { type: 'array', items: { type: 'string', minLength: 1 }, default: [], description: 'other required files' },
      },
    },
    messages: {
      pass: { fr: 'Fichiers présents : {found}.', en: 'Files present: {found}.' },
      missing: {
        fr: 'Manquant : {missing}. Attendu : un README à la racine qui explique comment lancer le projet, et un fichier de dépendances (requirements.txt, pyproject.toml ou environment.yml) qui liste les paquets.',
        en: 'Missing: {missing}. Expected: a README at the root explaining how to run the project, and a dependency file (requirements.txt, pyproject.toml or environment.yml) listing the packages.',
      },
    },
  },
  run({ options, workspace, steps }: CheckContext<Options>) {
    // The root first, then the folders the steps run from (`api/` holding its own README and requirements.txt).
    const folders = stepFolders(steps);
    const listing = workspace.list();
    const root = folders.flatMap((folder) => listing.filter((path) => folderOf(path) === folder));
    const found: string[] = [];
    const missing: Array<Localized | string> = [];
    const evidence: Evidence[] = [];

    if (options.readme) {
      const readme = root.find((path) => README.test(path.split('/').pop()!) && workspace.readText(path).trim().length > 0);
      if (readme) {
        found.push(readme);
        evidence.push({ kind: 'artifact', subject: readme, data: { characters: workspace.readText(readme).trim().length } });
      } else missing.push(root.some((p) => README.test(p.split('/').pop()!)) ? t('README (vide)', 'README (empty)') : 'README');
    }

    if (options.dependencies) {
      // `exists`, not the listing: a requirements.txt that is a link out of the repository (or a FIFO) is there,
      // and reading it is refused with the reason — an `error` naming the file, not a silent "missing".
      const present = folders.flatMap((folder) => DEPENDENCY_FILES.map((name) => (folder ? `${folder}/${name}` : name))).filter((name) => workspace.exists(name));
      const declaring = present.map((name) => {
        const text = workspace.readText(name);
        return { name, binary: looksBinary(text), packages: declaredPackages(name.split('/').pop()!, text) };
      });
      for (const file of declaring) {
        evidence.push({ kind: 'artifact', subject: file.name, actual: file.packages.length, data: file.binary ? { packages: [], binary: true } : { packages: file.packages.slice(0, 30) } });
      }
      const useful = declaring.find((file) => file.packages.length > 0);
      if (useful) found.push(useful.name);
      else if (present.length === 0) missing.push(DEPENDENCY_FILES.join(' | '));
      else for (const file of declaring) missing.push(file.binary ? t(`${file.name} (binaire, pas du texte)`, `${file.name} (binary, not text)`) : t(`${file.name} (aucun paquet)`, `${file.name} (no package)`));
    }

    for (const path of options.files) {
      if (workspace.exists(path)) found.push(path);
      else missing.push(path);
      evidence.push({ kind: 'artifact', subject: path, expected: 'present', actual: workspace.exists(path) ? 'present' : 'absent' });
    }

    if (missing.length > 0) return { status: 'fail', message: 'missing', params: { missing: joinLocalized(missing) }, evidence };
    return { status: 'pass', message: 'pass', params: { found: found.join(', ') }, evidence };
  },
});

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
