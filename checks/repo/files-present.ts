import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { isTestFile } from '../../runner/plan/skip-rules.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { declaredIn, isDependencyFile, looksBinary } from './dependency-files.js';
import { commandContext, readmeRunCommands } from './readme-run-commands.js';
import { stepFolders } from './step-folders.js';
import { compareImports } from './undeclared-imports.js';

interface Options {
  readme: boolean;
  dependencies: boolean;
  /** Further files the scenario requires, as paths relative to the repository root. */
  files: string[];
}

const README = /^readme(\.(md|markdown|rst|txt))?$/i;
const MAX_SITES = 3;

export default defineCheck({
  meta: {
    id: 'repo/files-present',
    title: { fr: 'Documentation et dépendances utilisables', en: 'Usable documentation and dependencies' },
    criteria: ['cdp-ia-aivancity:C1.4', 'cdp-ia-aivancity:C6.4', 'dev-ia-ds:A1.3 C1', 'cdp-ia:A3C2'],
    evidence: ['artifact', 'static'],
    options: {
      properties: {
        readme: { type: 'boolean', default: true, description: 'require a README that says how to run the project with a command the repository has' },
        dependencies: { type: 'boolean', default: true, description: 'require a dependency file declaring every library the code imports' },
        files: { type: 'array', items: { type: 'string', minLength: 1 }, default: [], description: 'other required files' },
      },
    },
    messages: {
      pass: { fr: 'Vérifié : {found}.', en: 'Checked: {found}.' },
      missing: {
        fr: 'À corriger : {problems} Attendu : un README qui dit comment lancer le projet avec une commande que le dépôt permet (le script, le module, le notebook ou la cible make qu’elle nomme existe), et un fichier de dépendances qui déclare chaque bibliothèque que le code importe.',
        en: 'To fix: {problems} Expected: a README saying how to run the project with a command the repository supports (the script, module, notebook or make target it names exists), and a dependency file declaring every library the code imports.',
      },
    },
  },
  run({ options, workspace, steps, imports }: CheckContext<Options>) {
    // The root first, then the folders the steps run from (`api/` holding its own README and requirements.txt).
    const folders = stepFolders(steps);
    const listing = workspace.list();
    const inFolders = folders.flatMap((folder) => listing.filter((path) => folderOf(path) === folder));
    const found: Localized[] = [];
    const problems: Localized[] = [];
    const evidence: Evidence[] = [];

    if (options.readme) {
      const readmes = inFolders.filter((path) => README.test(baseName(path)));
      const written = readmes.filter((path) => workspace.readText(path).trim().length > 0);
      const ctx = written.length > 0 ? commandContext(workspace) : undefined;
      const judged = written.map((path) => ({ path, ...readmeRunCommands(workspace, path, workspace.readText(path), ctx) }));
      for (const readme of judged) {
        evidence.push({ kind: 'artifact', subject: readme.path, data: { runs: readme.runs.slice(0, 10), missing: readme.missing.slice(0, 10).map(({ name, command, source }) => ({ name, command, source })) } });
      }
      const broken = judged.flatMap((readme) => readme.missing);
      const run = judged.flatMap((readme) => readme.runs)[0];
      for (const item of broken.slice(0, 5)) problems.push(t(`${item.source} donne \`${item.command}\`, mais ${item.reason.fr}.`, `${item.source} gives \`${item.command}\`, but ${item.reason.en}.`));
      if (readmes.length === 0) problems.push(t('Aucun README, ni à la racine ni dans un dossier d’où partent les étapes.', 'No README, neither at the root nor in a folder the steps run from.'));
      else if (written.length === 0) problems.push(t(`${readmes[0]} est vide.`, `${readmes[0]} is empty.`));
      else if (!run && broken.length === 0) problems.push(t(`${written.join(', ')} ne donne aucune commande qui lance le projet (python …, make …, jupyter nbconvert …).`, `${written.join(', ')} gives no command that runs the project (python …, make …, jupyter nbconvert …).`));
      if (run && broken.length === 0) found.push(t(`${run.source} dit comment lancer le projet (\`${run.text}\`${run.entry ? `, ${run.entry} existe` : ''})`, `${run.source} says how to run the project (\`${run.text}\`${run.entry ? `, ${run.entry} exists` : ''})`));
    }

    if (options.dependencies) {
      // `exists`, not the listing: a requirements.txt that is a link out of the repository (or a FIFO) is there,
      // and reading it is refused with the reason — an `error` naming the file, not a silent "missing".
      const names = new Set(listing.filter((path) => folders.includes(folderOf(path)) && isDependencyFile(baseName(path))));
      for (const folder of folders) for (const name of ['requirements.txt', 'pyproject.toml', 'environment.yml', 'Pipfile']) if (!names.has(join(folder, name)) && workspace.exists(join(folder, name))) names.add(join(folder, name));
      const files = [...names].map((name) => {
        const text = workspace.readText(name);
        return { name, ...declaredIn(baseName(name), text), binary: looksBinary(text) };
      });
      for (const file of files) {
        evidence.push({ kind: 'artifact', subject: file.name, actual: file.packages.length, data: file.binary ? { packages: [], binary: true } : { packages: file.packages.slice(0, 30) } });
      }
      const declaring = files.filter((file) => file.packages.length > 0);
      if (files.length === 0) problems.push(t('Aucun fichier de dépendances (requirements.txt, pyproject.toml, environment.yml ou Pipfile).', 'No dependency file (requirements.txt, pyproject.toml, environment.yml or Pipfile).'));
      else if (declaring.length === 0) {
        for (const file of files) problems.push(file.binary ? t(`${file.name} est un fichier binaire, pas du texte.`, `${file.name} is a binary file, not text.`) : t(`${file.name} ne déclare aucun paquet.`, `${file.name} declares no package.`));
      } else {
        const used = (imports?.imports ?? []).filter((item) => !isTestFile(item.file));
        const comparison = compareImports(used, declaring.flatMap((file) => file.names));
        const where = declaring.map((file) => file.name).join(', ');
        for (const item of comparison.undeclared) {
          evidence.push({ kind: 'static', subject: item.module, expected: item.distribution ?? item.module, actual: 'undeclared', data: { sites: item.sites.slice(0, 10) } });
        }
        if (comparison.undeclared.length > 0) {
          const list = comparison.undeclared.map((item) => `${item.module}${item.distribution && item.distribution !== item.module ? ` → ${item.distribution}` : ''} (${item.sites.slice(0, MAX_SITES).join(', ')}${item.sites.length > MAX_SITES ? ', …' : ''})`).join(', ');
          problems.push(t(`Bibliothèques importées que ${where} ne déclare pas : ${list}.`, `Libraries imported that ${where} does not declare: ${list}.`));
        } else if (!imports?.available) {
          const n = count(declaring);
          found.push(t(`${where} déclare ${n} paquet${n > 1 ? 's' : ''} (imports du code non comparés : le code n’a pas pu être lu)`, `${where} declares ${n} package${n > 1 ? 's' : ''} (the code's imports not compared: the code could not be read)`));
        } else {
          const libraries = comparison.declared;
          found.push(
            libraries.length === 0
              ? t(`${where} déclare ${count(declaring)} paquet${count(declaring) > 1 ? 's' : ''} ; le code n’importe aucune bibliothèque hors de la bibliothèque standard`, `${where} declares ${count(declaring)} package${count(declaring) > 1 ? 's' : ''}; the code imports no library outside the standard library`)
              : t(`${where} déclare ${libraries.length > 1 ? `les ${libraries.length} bibliothèques` : 'la bibliothèque'} que le code importe (${libraries.join(', ')})`, `${where} declares the ${libraries.length > 1 ? `${libraries.length} libraries` : 'library'} the code imports (${libraries.join(', ')})`),
          );
        }
      }
    }

    for (const path of options.files) {
      const present = workspace.exists(path);
      if (present) found.push(t(`${path} présent`, `${path} present`));
      else problems.push(t(`${path} est absent.`, `${path} is missing.`));
      evidence.push({ kind: 'artifact', subject: path, expected: 'present', actual: present ? 'present' : 'absent' });
    }

    if (problems.length > 0) return { status: 'fail', message: 'missing', params: { problems: joinLocalized(problems, ' ') }, evidence };
    return { status: 'pass', message: 'pass', params: { found: { fr: found.map((item) => item.fr).join(' ; '), en: found.map((item) => item.en).join('; ') } }, evidence };
  },
});

function count(files: Array<{ packages: string[] }>): number {
  return files.reduce((total, file) => total + file.packages.length, 0);
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function join(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}
