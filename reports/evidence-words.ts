import type { Lang } from '../runner/i18n.js';
import { formatNumber } from '../runner/i18n/format.js';

/**
 * Evidence is data: checks write its `subject`, `expected` and `actual` as short English terms (`missing values of
 * ventes.csv`, `measured`, `failed`) that tests and the JSON report keep stable. This is the French for those
 * terms, applied when a report or the terminal shows evidence to people; names, code and numbers pass through.
 * A check adding a new term adds it here (the no-English test of the French terminal says which one is missing).
 */
const WORDS: Record<string, string> = {
  // subjects
  database: 'base de données',
  'first rows': 'premières lignes',
  optimisation: 'optimisation',
  'without the blocked steps': 'sans les étapes bloquées',
  'files read': 'fichiers lus',
  'source → table links': 'liens source → table',
  correlation: 'corrélation',
  'train share': 'part d’entraînement',
  'expected tables': 'tables attendues',
  selection: 'sélection',
  indexes: 'index',
  'working tree': 'copie de travail',
  // values
  measured: 'mesurées',
  read: 'lu',
  reachable: 'joignable',
  unreachable: 'injoignable',
  failed: 'échec',
  timeout: 'délai dépassé',
  oom: 'mémoire épuisée',
  error: 'erreur',
  skipped: 'non exécutée',
  present: 'présent',
  absent: 'absent',
  imputed: 'imputé',
  'dropped before loading': 'supprimées avant chargement',
  loaded: 'chargé',
  'at least one': 'au moins un',
  'computed and plotted': 'calculée et tracée',
  'fitted on train': 'entraîné sur le jeu d’entraînement',
  'not fitted': 'non entraîné',
  'train + test': 'entraînement + test',
  'not computed': 'non calculée',
  'computed in the run': 'calculée pendant l’exécution',
  'column pairs': 'paires de colonnes',
  'CREATE INDEX / ALTER TABLE between two runs of a query': 'CREATE INDEX / ALTER TABLE entre deux exécutions d’une requête',
  '>= 2 rows × >= 2 columns (MongoDB: a filter, a $match or $project stage)': '>= 2 lignes × >= 2 colonnes (MongoDB : un filtre, une étape $match ou $project)',
  // step failure causes (runner/failure/step-failure.ts)
  exception: 'exception',
  'syntax-error': 'erreur de syntaxe',
  'notebook-cell': 'cellule de notebook en erreur',
  stopped: 'arrêtée',
  'exit-code': 'code de sortie non nul',
  'entry-missing': 'point d’entrée absent',
  'own-module': 'module du dépôt introuvable',
  'module-not-found': 'module introuvable',
  'undeclared-package': 'paquet non déclaré',
  'file-not-found': 'fichier introuvable',
  'missing-package': 'paquet non installable',
  'package-version': 'version de paquet incompatible',
  'system-library': 'bibliothèque système absente',
  'command-missing': 'commande absente',
  network: 'réseau coupé',
  'database-missing': 'base de données absente',
  'data-missing': 'données absentes',
  'interpreter-missing': 'interpréteur absent',
  'data-stack-missing': 'pile de données absente',
  'tracer-failed': 'traceur en échec',
  'sandbox-failed': 'bac à sable en échec',
};

/** `prefix X` terms: the French prefix, then the name unchanged. */
const PREFIXES: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^missing values of (.+)$/, (m) => `valeurs manquantes de ${m[1]}`],
  [/^read (.+)$/, (m) => `lecture de ${m[1]}`],
  [/^load (.+)$/, (m) => `chargement de ${m[1]}`],
  [/^link (.+)$/, (m) => `lien ${m[1]}`],
  [/^(\w+) chart$/, (m) => `graphique ${m[1]}`],
  [/^(\d+) params, (\d+) combinations$/, (m) => `${m[1]} paramètres, ${m[2]} combinaisons`],
  [/^(.+) by (.+)$/, (m) => `${evidenceWord(m[1]!, 'fr')} par ${m[2]}`],
];

/** An evidence term in `lang`; unknown terms (names, code, values) are shown as they are. */
export function evidenceWord(term: string, lang: Lang): string {
  if (lang === 'en') return term;
  const word = WORDS[term];
  if (word !== undefined) return word;
  for (const [pattern, render] of PREFIXES) {
    const match = term.match(pattern);
    if (match) return render(match);
  }
  return term;
}

/** An expected or found value: numbers in the language's notation, `null` as ∅, terms translated. */
export function evidenceValue(value: unknown, lang: Lang): string {
  if (value === null) return '∅';
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'string') return evidenceWord(value, lang);
  if (typeof value === 'boolean') return lang === 'fr' ? (value ? 'oui' : 'non') : String(value);
  return JSON.stringify(value);
}
