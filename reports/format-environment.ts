import type { EnvironmentRecord, RequirementOutcome, UnmetReason } from '../runner/environment/environment-record.js';
import { countOf, formatDuration } from '../runner/i18n/format.js';
import { type Lang, pick } from '../runner/i18n.js';

const REASONS: Record<UnmetReason, { fr: string; en: string }> = {
  'not-available': { fr: 'aucune wheel disponible (ni index ni dossier de wheels qui la fournisse)', en: 'no wheel available (no index or wheel folder provides it)' },
  'build-needed': { fr: 'seule une archive source existe (compilation refusée sans --allow-sdist)', en: 'only a source archive exists (building refused without --allow-sdist)' },
  'build-failed': { fr: 'la compilation de l’archive source a échoué', en: 'building the source archive failed' },
  conflict: { fr: 'contraintes de version incompatibles', en: 'conflicting version constraints' },
  network: { fr: 'index injoignable', en: 'index unreachable' },
  timeout: { fr: 'installation trop longue', en: 'install timed out' },
  'no-pip': { fr: 'pip absent de l’interpréteur (reconstruisez l’image : mspr-lab images build python)', en: 'no pip in the interpreter (rebuild the image: mspr-lab images build python)' },
  'not-importable': { fr: 'installé mais rien ne s’importe sous ce nom', en: 'installed but nothing imports under that name' },
  'pip-error': { fr: 'pip a échoué', en: 'pip failed' },
  'install-failed': { fr: 'l’installation n’a pas pu se faire', en: 'the install could not be done' },
};

const seconds = (ms: number, lang: Lang) => formatDuration(ms, lang);

/** One line: how many requirements, what became of them, cache and time. */
export function environmentHeadline(env: EnvironmentRecord, lang: Lang): string {
  const fr = lang === 'fr';
  if (env.status === 'none') return fr ? 'Environnement Python : aucune dépendance déclarée, celles de l’image sont utilisées.' : 'Python environment: no declared dependency, the image’s are used.';
  const count = (status: RequirementOutcome['status']) => env.requirements.filter((r) => r.status === status).length;
  const parts = fr
    ? [countOf(count('installed'), lang, 'installée', 'installées'), `${count('preinstalled')} déjà dans l’image`, countOf(count('unmet'), lang, 'non installable', 'non installables')]
    : [`${count('installed')} installed`, `${count('preinstalled')} already in the image`, `${count('unmet')} not installable`];
  const origin = env.cached
    ? fr ? `depuis le cache, ${seconds(env.durationMs, lang)} (installation initiale : ${seconds(env.installDurationMs ?? 0, lang)})` : `from the cache, ${seconds(env.durationMs, lang)} (first install: ${seconds(env.installDurationMs ?? 0, lang)})`
    : fr ? `installation ${seconds(env.installDurationMs ?? env.durationMs, lang)}, ${countOf(env.pipCalls, lang, 'appel', 'appels')} à pip` : `install ${seconds(env.installDurationMs ?? env.durationMs, lang)}, ${countOf(env.pipCalls, lang, 'pip call', 'pip calls')}`;
  const head = fr ? `Environnement Python : ${countOf(env.requirements.length, lang, 'dépendance déclarée', 'dépendances déclarées')} — ${parts.join(', ')} ; ${origin}.` : `Python environment: ${env.requirements.length} declared dependenc${env.requirements.length === 1 ? 'y' : 'ies'} — ${parts.join(', ')}; ${origin}.`;
  return env.problem ? `${head} ${pick(env.problem, lang)}` : head;
}

/** `pandas==2.1.3 (requirements.txt:1) — not installable: …; the image has 1.5.3, used instead`. */
export function requirementLine(requirement: RequirementOutcome, lang: Lang): string {
  const fr = lang === 'fr';
  const label = `${requirement.displayName}${requirement.specifier} (${requirement.declaredIn})`;
  if (requirement.status === 'installed') return `${label} — ${fr ? 'installé' : 'installed'} ${requirement.version ?? ''}`.trimEnd();
  if (requirement.status === 'preinstalled') {
    const via = requirement.providedBy ? (fr ? ` par ${requirement.providedBy}` : ` by ${requirement.providedBy}`) : '';
    return `${label} — ${fr ? 'fourni par l’image' : 'provided by the image'}${via}${requirement.version ? ` (${requirement.version})` : ''}`;
  }
  const reason = REASONS[requirement.reason ?? 'install-failed'][lang];
  // French typography puts a space before « : » and « ; ».
  const [colon, semicolon] = fr ? [' : ', ' ; '] : [': ', '; '];
  const image = requirement.imageVersion
    ? fr ? `l’image a ${requirement.imageVersion}, utilisée à la place` : `the image has ${requirement.imageVersion}, used instead`
    : fr ? 'absent de l’image' : 'not in the image';
  const debian = requirement.debianPackage && !requirement.imageVersion ? `${semicolon}${fr ? 'paquet Debian' : 'Debian package'}${colon}${requirement.debianPackage}` : '';
  return `${label} — ${fr ? 'non installable' : 'not installable'}${colon}${reason}${semicolon}${image}${debian}`;
}

/** Lines worth showing a jury: every unmet requirement, then the advice. */
export function environmentDetails(env: EnvironmentRecord, lang: Lang): string[] {
  const lines = env.requirements.filter((r) => r.status === 'unmet').map((r) => requirementLine(r, lang));
  if (env.debianPackages?.missing.length) lines.push(lang === 'fr' ? `Paquets Debian manquants : ${env.debianPackages.missing.join(', ')}` : `Missing Debian packages: ${env.debianPackages.missing.join(', ')}`);
  if (env.advice) lines.push(`➜ ${pick(env.advice, lang)}`);
  return lines;
}
