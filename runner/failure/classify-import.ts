import { t } from '../i18n.js';
import { findDeclared } from './declared-requirements.js';
import type { FailureContext } from './failure-context.js';
import { DATA_STACK, knownDistribution } from './known-packages.js';
import type { PythonError } from './python-error.js';
import type { StepFailure } from './step-failure.js';

const NO_MODULE = /No module named '([^']+)'/;
/** pandas: `Missing optional dependency 'openpyxl'.  Use pip or conda to install openpyxl.` */
const OPTIONAL_DEPENDENCY = /Missing optional dependency '([^']+)'/;
const CANNOT_IMPORT = /cannot import name '([^']+)' from '([^']+)'(?: \(([^)]+)\))?/;
const SHARED_OBJECT = /(lib[\w.+-]+\.so[\w.]*): cannot open shared object file/;

const INSTALL_HINT = t(
  'Sur la machine de correction, donnez un index de paquets avec --pip-index <url> ou un dossier de roues (wheels) avec --wheelhouse <dossier>, puis relancez.',
  'On the grading machine, give a package index with --pip-index <url> or a folder of wheels with --wheelhouse <dir>, then run again.',
);

/** Import failures: a package this machine lacks (environment), the grader's own stack (grader), or the team's code. */
export function classifyImport(error: PythonError, context: FailureContext, base: Partial<StepFailure>): StepFailure | undefined {
  const { type, message } = error.exception;
  const library = SHARED_OBJECT.exec(message);
  if (type.endsWith('ImportError') && library) {
    return {
      ...base, owner: 'environment', cause: 'system-library', file: library[1],
      message: t(`Une bibliothèque système manque à l’import : ${library[1]}.`, `A system library is missing at import: ${library[1]}.`),
      hint: t('Ajoutez le paquet Debian qui la fournit à l’image (mspr-lab images build --extra-packages …).', 'Add the Debian package that provides it to the image (mspr-lab images build --extra-packages …).'),
    };
  }
  const missing = NO_MODULE.exec(message) ?? OPTIONAL_DEPENDENCY.exec(message);
  if (missing && (type.endsWith('ModuleNotFoundError') || type.endsWith('ImportError'))) return missingModule(missing[1]!.split('.')[0]!, context, base);
  const cannot = CANNOT_IMPORT.exec(message);
  if (cannot && type.endsWith('ImportError')) return wrongVersion(cannot[1]!, cannot[2]!.split('.')[0]!, cannot[3], context, base);
  return undefined;
}

function missingModule(module: string, context: FailureContext, base: Partial<StepFailure>): StepFailure {
  const own = ownModulePath(module, context);
  if (own) {
    return {
      ...base, owner: 'candidate', cause: 'own-module', module, file: own,
      message: t(`Le module « ${module} » du dépôt (${own}) n’est pas importable depuis le dossier d’exécution.`, `The repository's own module "${module}" (${own}) cannot be imported from the folder the step runs in.`),
      hint: t('Lancez-le comme le fait l’équipe (python -m paquet.module depuis la racine) et déclarez-le dans mspr.yaml (run:).', 'Run it the way the team does (python -m package.module from the root) and declare it in mspr.yaml (run:).'),
    };
  }
  if (DATA_STACK.has(module)) {
    return {
      ...base, owner: 'grader', cause: 'data-stack-missing', module,
      message: t(`L’interpréteur de correction (${context.python}) n’a pas « ${module} », qui fait partie de la pile de données attendue.`, `The grading interpreter (${context.python}) lacks "${module}", part of the expected data stack.`),
      hint: t('Donnez avec --python un interpréteur qui a pandas, scikit-learn et nbconvert (par défaut /usr/bin/python3 de Debian).', 'Give with --python an interpreter that has pandas, scikit-learn and nbconvert (Debian’s /usr/bin/python3 by default).'),
    };
  }
  const distribution = knownDistribution(module);
  const declared = findDeclared(context.declared, [module, distribution]);
  const pkg = declared?.name ?? distribution ?? module;
  if (declared) {
    const unmet = findDeclared(context.unmet ?? [], [module, distribution, declared.name]);
    const why = unmet ? t(`non installable ici${unmet.reason ? ` (${unmet.reason})` : ''}`, `not installable here${unmet.reason ? ` (${unmet.reason})` : ''}`) : t('non installé sur cette machine', 'not installed on this machine');
    return {
      ...base, owner: 'environment', cause: 'missing-package', module, package: pkg, declaredIn: declared.file,
      message: t(`Le code a besoin de « ${pkg} », déclaré dans ${declared.file}, ${why.fr}.`, `The code needs "${pkg}", declared in ${declared.file}, ${why.en}.`),
      hint: INSTALL_HINT,
    };
  }
  if (distribution && context.declared.length === 0) {
    return {
      ...base, owner: 'environment', cause: 'missing-package', module, package: pkg,
      message: t(`Le code a besoin de « ${pkg} », que le dépôt ne déclare pas (aucun fichier de dépendances) et qui n’est pas installé sur cette machine.`, `The code needs "${pkg}", which the repository does not declare (no dependency file) and which is not installed on this machine.`),
      hint: t(`L’équipe doit le déclarer dans un requirements.txt. ${INSTALL_HINT.fr}`, `The team should declare it in a requirements.txt. ${INSTALL_HINT.en}`),
    };
  }
  if (distribution) {
    const files = [...new Set(context.declared.map((item) => item.file))].join(', ');
    return {
      ...base, owner: 'candidate', cause: 'undeclared-package', module, package: pkg,
      message: t(`Le code importe « ${module} » (paquet ${pkg}), que ${files} ne déclare pas.`, `The code imports "${module}" (package ${pkg}), which ${files} does not declare.`),
      hint: t(`Ajoutez ${pkg} à ${files} : sans cela, le projet ne s’installe pas sur une autre machine.`, `Add ${pkg} to ${files}: without it the project does not install on another machine.`),
    };
  }
  return {
    ...base, owner: 'candidate', cause: 'module-not-found', module,
    message: t(`Aucun module « ${module} » : ni dans le dépôt, ni déclaré dans ses dépendances.`, `No module "${module}": neither in the repository nor declared in its dependencies.`),
    hint: t('Vérifiez le nom de l’import, ou déclarez le paquet qui le fournit dans requirements.txt.', 'Check the import’s name, or declare the package that provides it in requirements.txt.'),
  };
}

/** `cannot import name 'x' from 'pkg'`: the team's own module lacks it (candidate), or the installed package is another version. */
function wrongVersion(name: string, module: string, path: string | undefined, context: FailureContext, base: Partial<StepFailure>): StepFailure | undefined {
  const inRepository = path ? context.roots.some((root) => root && path.startsWith(`${root}/`)) : ownModulePath(module, context) !== undefined;
  if (inRepository) return undefined;
  const distribution = knownDistribution(module);
  const declared = findDeclared(context.declared, [module, distribution]);
  if (!declared) return undefined;
  return {
    ...base, owner: 'environment', cause: 'package-version', module, package: declared.name, declaredIn: declared.file,
    message: t(`« ${name} » n’existe pas dans la version de ${declared.name} installée ici ; ${declared.file} en demande une autre.`, `"${name}" does not exist in the version of ${declared.name} installed here; ${declared.file} asks for another.`),
    hint: INSTALL_HINT,
  };
}

/** `module.py` or a `module/` package anywhere in the repository (the team's own code, whatever the working folder). */
function ownModulePath(module: string, context: FailureContext): string | undefined {
  const file = `${module}.py`;
  const packageDir = `${module}/`;
  return context.workspace.list().find((path) => path === file || path.endsWith(`/${file}`) || ((path.startsWith(packageDir) || path.includes(`/${packageDir}`)) && path.endsWith('.py')))
    ?.replace(new RegExp(`(^|.*/)(${module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})/.*$`), '$1$2/');
}
