import type { Evidence } from '../checks/verdict.js';
import { type Lang, pick } from '../runner/i18n.js';
import { formatLocation } from './format-evidence.js';

/** One fact of a verdict as a table row: what, found, expected, where, and the other values as label/value pairs. */
export interface EvidenceRow {
  subject: string;
  found: string;
  expected: string;
  where?: string;
  details: Array<[label: string, value: string]>;
  note?: string;
}

/** Names of the evidence values the checks write, for a jury; an unknown key is shown as it is. */
const LABELS: Record<string, { fr: string; en: string }> = {
  source: { fr: 'source', en: 'source' }, database: { fr: 'base', en: 'database' }, difference: { fr: 'écart', en: 'difference' },
  readAs: { fr: 'lu comme', en: 'read as' }, function: { fr: 'fonction', en: 'function' }, columns: { fr: 'colonnes', en: 'columns' },
  rows: { fr: 'lignes', en: 'rows' }, cols: { fr: 'colonnes', en: 'columns' }, role: { fr: 'rôle', en: 'role' }, ratio: { fr: 'part', en: 'share' },
  test_size: { fr: 'test_size', en: 'test_size' }, train: { fr: 'entraînement', en: 'train' }, test: { fr: 'test', en: 'test' },
  measuredOn: { fr: 'mesurée sur', en: 'measured on' }, beforeAfter: { fr: 'lignes avant → après', en: 'rows before → after' },
  error: { fr: 'erreur', en: 'error' }, sql: { fr: 'requête', en: 'query' }, indexes: { fr: 'index', en: 'indexes' }, tables: { fr: 'tables (lignes)', en: 'tables (rows)' },
  version: { fr: 'version', en: 'version' }, packages: { fr: 'paquets', en: 'packages' }, characters: { fr: 'caractères', en: 'characters' },
  exitCode: { fr: 'code de sortie', en: 'exit code' }, signal: { fr: 'signal', en: 'signal' }, durationMs: { fr: 'durée', en: 'duration' },
  nullsInSource: { fr: 'vides dans la source', en: 'nulls in the source' }, nullsInTable: { fr: 'vides dans la table', en: 'nulls in the table' },
  value: { fr: 'valeur de remplacement', en: 'fill value' }, mean: { fr: 'moyenne', en: 'mean' }, median: { fr: 'médiane', en: 'median' }, mode: { fr: 'mode', en: 'mode' },
  title: { fr: 'titre', en: 'title' }, xlabel: { fr: 'axe x', en: 'x axis' }, ylabel: { fr: 'axe y', en: 'y axis' }, file: { fr: 'fichier', en: 'file' },
  keys: { fr: 'clés', en: 'keys' }, inputs: { fr: 'lignes en entrée', en: 'input rows' }, dtype: { fr: 'type', en: 'dtype' }, n_unique: { fr: 'valeurs distinctes', en: 'distinct values' },
  n_rows: { fr: 'lignes', en: 'rows' }, train_rows: { fr: 'lignes d’entraînement', en: 'train rows' }, test_rows: { fr: 'lignes de test', en: 'test rows' },
  random_state: { fr: 'random_state', en: 'random_state' }, stratify: { fr: 'stratifié', en: 'stratified' }, step: { fr: 'étape', en: 'step' },
  claim: { fr: 'annoncé dans', en: 'claimed in' }, matches: { fr: 'concorde', en: 'matches' }, drawn: { fr: 'graphiques tracés', en: 'charts drawn' },
  tablesFound: { fr: 'tables trouvées', en: 'tables found' }, problems: { fr: 'problèmes', en: 'problems' }, timedByCode: { fr: 'chronométré par le code', en: 'timed by the code' },
  columnsWithMissing: { fr: 'colonnes avec des vides', en: 'columns with missing values' }, sourceType: { fr: 'type dans la source', en: 'type in the source' },
  longest: { fr: 'plus longue valeur', en: 'longest value' }, target_in_features: { fr: 'cible parmi les variables', en: 'target among the features' },
};

/** Values longer than this are cut (a jury reads a table cell, the whole value is in report.json). */
const MAX_VALUE = 300;
const MAX_ITEMS = 20;

/** The fact in words: found and expected side by side, then its other values, never as JSON. */
export function evidenceRow(evidence: Evidence, lang: Lang): EvidenceRow {
  const data = { ...(evidence.data ?? {}) };
  const details: Array<[string, string]> = [];
  // Shape: a count before and after one operation (drop_duplicates, a filter) reads as one "before → after".
  if (typeof data.before === 'number' && typeof data.after === 'number') {
    details.push([label('beforeAfter', lang), `${number(data.before, lang)} → ${number(data.after, lang)}`]);
    delete data.before;
    delete data.after;
  }
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    details.push([label(key, lang), key === 'durationMs' && typeof value === 'number' ? seconds(value, lang) : valueText(value, lang)]);
  }
  return {
    subject: evidence.subject,
    found: evidence.actual === undefined ? '–' : valueText(evidence.actual, lang),
    expected: evidence.expected === undefined ? '–' : valueText(evidence.expected, lang),
    ...(evidence.location ? { where: formatLocation(evidence.location, lang) } : {}),
    details,
    ...(evidence.note ? { note: pick(evidence.note, lang) } : {}),
  };
}

function label(key: string, lang: Lang): string {
  return LABELS[key]?.[lang] ?? key;
}

/** Any JSON value in words: lists joined, objects as `name: value`, numbers and booleans in the reader's language. */
export function valueText(value: unknown, lang: Lang, depth = 0): string {
  if (value === null || value === undefined) return lang === 'fr' ? 'aucun' : 'none';
  if (typeof value === 'number') return number(value, lang);
  if (typeof value === 'boolean') return value ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no';
  if (typeof value === 'string') return cut(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map((item) => valueText(item, lang, depth + 1));
    const more = value.length - shown.length;
    return cut(shown.join(', ') + (more > 0 ? (lang === 'fr' ? ` … (+${more})` : ` … (+${more} more)`) : ''));
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (depth > 2) return `{${entries.length}}`;
    const [colon, semicolon] = lang === 'fr' ? [' : ', ' ; '] : [': ', '; '];
    return cut(entries.map(([key, item]) => `${label(key, lang)}${colon}${valueText(item, lang, depth + 1)}`).join(semicolon));
  }
  return cut(String(value));
}

export function number(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: Math.abs(value) < 0.01 && value !== 0 ? 6 : 3 }).format(value);
}

function seconds(ms: number, lang: Lang): string {
  return `${new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(ms / 1000)} s`;
}

function cut(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}
