import { type Localized, t } from '../i18n.js';
import type { RequirementOutcome } from './environment-record.js';
import { requirementLabel } from './requirement.js';

/** What to do about unmet requirements and missing Debian packages, in one message. */
export function withAdvice(...parts: Array<Localized | undefined>): { advice?: Localized } {
  const present = parts.filter((part): part is Localized => Boolean(part));
  return present.length > 0 ? { advice: t(present.map((p) => p.fr).join(' '), present.map((p) => p.en).join(' ')) } : {};
}

/** A scenario's `sandbox.packages` the image (docker) or this machine (local) lacks, and the command that adds them. */
export function debianAdvice(packages: { missing: string[]; backend: 'local' | 'docker' }): Localized | undefined {
  if (packages.missing.length === 0) return undefined;
  const list = packages.missing.join(',');
  return packages.backend === 'docker'
    ? t(`L’image d’exécution n’a pas les paquets Debian demandés par le scénario (${list}) : mspr-lab images build python --extra-packages ${list}.`, `The runtime image lacks the Debian packages the scenario asks for (${list}): mspr-lab images build python --extra-packages ${list}.`)
    : t(`Cette machine n’a pas les paquets Debian demandés par le scénario (${list}) : apt-get install ${packages.missing.join(' ')}.`, `This machine lacks the Debian packages the scenario asks for (${list}): apt-get install ${packages.missing.join(' ')}.`);
}

/** Where to get unmet requirements from: an index, a wheel folder, or (for what the image has none of) Debian. */
export function adviceFor(unmet: RequirementOutcome[], hadIndex: boolean): Localized {
  const names = unmet.map((r) => requirementLabel(r)).join(', ');
  // Baking a Debian package helps only where the image has none of it (not for a version it has another of).
  const debian = [...new Set(unmet.filter((r) => !r.imageVersion).map((r) => r.debianPackage).filter((p): p is string => Boolean(p)))];
  const bake = debian.length > 0 ? t(` ou ajoutez les paquets Debian à l’image : mspr-lab images build python --extra-packages ${debian.join(',')}`, ` or add the Debian packages to the image: mspr-lab images build python --extra-packages ${debian.join(',')}`) : t('', '');
  const source = hadIndex
    ? t('ajoutez-les à l’index donné par --pip-index (en wheels pour cette plateforme), ou donnez un dossier de wheels (--wheelhouse)', 'add them to the index given by --pip-index (as wheels for this platform), or give a wheel folder (--wheelhouse)')
    : t('donnez un index pip (--pip-index, MSPR_PIP_INDEX_URL) ou un dossier de wheels (--wheelhouse, MSPR_WHEELHOUSE)', 'give a pip index (--pip-index, MSPR_PIP_INDEX_URL) or a wheel folder (--wheelhouse, MSPR_WHEELHOUSE)');
  return t(`Non installés ici : ${names}. Pour les fournir, ${source.fr}${bake.fr}.`, `Not installed here: ${names}. To provide them, ${source.en}${bake.en}.`);
}

/**
 * What to do when nothing could be installed because the environment itself could not be made (an interpreter
 * that does not start or lacks the data stack, a driver that failed): the packages are not the problem, so no
 * index or wheel folder is advised.
 */
export function setupAdvice(): Localized {
  return t(
    'Rien n’a été installé : c’est l’interpréteur de la correction qui pose problème, pas les paquets déclarés. Donnez un Python 3 qui démarre et qui a la pile de données (--python ou MSPR_PYTHON) ; mspr-lab doctor vérifie l’interpréteur et l’image.',
    'Nothing was installed: the grading interpreter is the problem, not the declared packages. Give a Python 3 that starts and has the data stack (--python or MSPR_PYTHON); mspr-lab doctor checks the interpreter and the image.',
  );
}
