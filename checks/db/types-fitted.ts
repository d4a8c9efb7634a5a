import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { MAPPINGS_SCHEMA, type Mapping } from '../data/support/source-files.js';
import { inferredLinksEvidence } from '../data/support/lineage/link-evidence.js';
import { comparedColumns, NOTHING_COMPARED } from './support/compared-tables.js';
import type { ColumnPair } from './support/mapped-columns.js';
import { typeLabel } from './support/mapped-columns.js';

interface Options {
  service?: string;
  mappings?: Mapping[];
  blanketWidth: number;
}

/** Table type families each source family may land in without losing its meaning. */
const FITTING: Record<string, string[]> = {
  integer: ['integer', 'decimal', 'real'],
  real: ['real', 'decimal'],
  text: ['text'],
  date: ['date', 'datetime'],
  datetime: ['datetime'],
  boolean: ['boolean', 'integer'],
};

export default defineCheck({
  meta: {
    id: 'db/types-fitted',
    title: { fr: 'Types et largeurs ajustés aux données', en: 'Types and widths fitted to the data' },
    criteria: ['cdp-data-ia:C1.10'],
    evidence: ['db', 'artifact'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        service: { type: 'string' },
        mappings: { ...MAPPINGS_SCHEMA, description: 'source → table pairs (default: the links the trace shows)' },
        blanketWidth: { type: 'integer', minimum: 1, default: 255, description: 'a text width at least this large (or unbounded TEXT) counts as a blanket width' },
      },
    },
    messages: {
      ...NOTHING_COMPARED,
      pass: { fr: 'Types et largeurs ajustés pour les {checked} colonnes comparées.', en: 'Types and widths fitted for the {checked} columns compared.' },
      warn: {
        fr: 'Types corrects mais largeurs non ajustées : {problems}. Attendu : un nombre d’octets défini d’après la longueur maximale de chaque variable (C1.10) ; largeurs suggérées : {suggestions}.',
        en: 'Types right but widths not fitted: {problems}. Expected: a number of bytes set from each variable’s longest value (C1.10); suggested widths: {suggestions}.',
      },
      fail: {
        fr: 'Types inadaptés : {problems}. Attendu : le type de chaque colonne correspond à celui de la source (entier, réel, date, texte), C1.10. Types suggérés : {suggestions}.',
        en: 'Types that do not fit: {problems}. Expected: each column’s type matches the source’s (integer, real, date, text), C1.10. Suggested types: {suggestions}.',
      },
    },
  },
  async run(ctx: CheckContext<Options>) {
    const compared = await comparedColumns(ctx);
    if ('outcome' in compared) return compared.outcome;
    const { db, pairs, mappings } = compared;
    const failures: Localized[] = [];
    const warnings: Localized[] = [];
    const suggestions: string[] = [];
    const evidence: Evidence[] = inferredLinksEvidence(mappings);
    for (const pair of pairs) {
      const judged = judge(pair, ctx.options.blanketWidth, db.kind);
      // A column that fits is evidence too: a pass shows what it compared.
      if (!judged) {
        evidence.push({ kind: 'db', subject: `${pair.table}.${pair.column.name}`, expected: pair.source.family, actual: typeLabel(pair.column), data: { source: pair.mapping.source, sourceType: pair.source.family, longest: pair.source.maxLength ?? null } });
        continue;
      }
      const column = `${pair.table}.${pair.column.name}`;
      (judged.level === 'fail' ? failures : warnings).push(t(`${column} ${judged.text.fr}`, `${column} ${judged.text.en}`));
      if (judged.suggestion) suggestions.push(`${pair.table}.${pair.column.name} ${judged.suggestion}`);
      evidence.push({ kind: 'db', subject: `${pair.table}.${pair.column.name}`, expected: judged.expected, actual: typeLabel(pair.column), data: { source: pair.mapping.source, sourceType: pair.source.family, longest: pair.source.maxLength ?? null, suggestion: judged.suggestion ?? null } });
    }
    const suggested = suggestions.join(', ') || '—';
    const score = 1 - (failures.length + warnings.length / 2) / Math.max(pairs.length, 1);
    if (failures.length > 0) return { status: 'fail', score, message: 'fail', params: { suggestions: suggested, problems: joinLocalized([...failures, ...warnings], '; ') }, evidence };
    if (warnings.length > 0) return { status: 'warn', score, message: 'warn', params: { suggestions: suggested, problems: joinLocalized(warnings, '; ') }, evidence };
    return { status: 'pass', message: 'pass', params: { checked: pairs.length }, evidence };
  },
});

/** A source column's kind, as message words. */
const FAMILY: Record<string, Localized> = {
  integer: t('entier', 'integer'),
  real: t('réel', 'real'),
  date: t('date', 'date'),
  datetime: t('date et heure', 'date and time'),
  text: t('texte', 'text'),
  boolean: t('booléen', 'boolean'),
};

function judge(pair: ColumnPair, blanket: number, kind: string): { level: 'fail' | 'warn'; text: Localized; expected: string; suggestion?: string } | undefined {
  const { source, column } = pair;
  const family = column.shape.family;
  const wanted = FITTING[source.family];
  if (!wanted || family === 'other' || family === 'json') return undefined;
  const longest = source.maxLength ?? 0;
  const width = `VARCHAR(${Math.max(longest, 1)})`;
  if (!wanted.includes(family)) {
    if (family === 'text' && (source.family === 'integer' || source.family === 'real')) return { level: 'fail', text: t(`${typeLabel(column)} : nombres stockés en texte`, `${typeLabel(column)}: numbers stored as text`), expected: source.family, suggestion: source.family === 'integer' ? 'INTEGER' : 'REAL / DECIMAL' };
    if (family === 'text' && (source.family === 'date' || source.family === 'datetime')) return { level: 'warn', text: t(`${typeLabel(column)} : dates stockées en texte`, `${typeLabel(column)}: dates stored as text`), expected: source.family, suggestion: source.family === 'date' ? 'DATE' : 'TIMESTAMP' };
    const sourceKind = FAMILY[source.family] ?? t(source.family, source.family);
    return { level: 'fail', text: t(`${typeLabel(column)} pour une source de type ${sourceKind.fr}`, `${typeLabel(column)} for a source of type ${sourceKind.en}`), expected: source.family };
  }
  if (family !== 'text' || kind === 'mongodb') return undefined;
  const declared = column.shape.maxLength;
  if (declared !== null && declared < longest) return { level: 'fail', text: t(`${typeLabel(column)} < ${longest} caractères`, `${typeLabel(column)} < ${longest} chars`), expected: `>= ${longest} chars`, suggestion: width };
  if (declared === null || declared >= Math.max(blanket, longest * 2)) return { level: 'warn', text: t(`${typeLabel(column)} pour ${longest} caractères au plus`, `${typeLabel(column)} for ${longest} chars max`), expected: `~${width}`, suggestion: width };
  return undefined;
}
