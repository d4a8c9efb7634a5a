import { defineCheck } from '../check.js';
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

export default defineCheck<Options>({
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
        fr: 'Types inadaptés : {problems}. Attendu : le type de chaque colonne correspond à celui de la source (entier, réel, date, texte), C1.10. {suggestionsText}',
        en: 'Types that do not fit: {problems}. Expected: each column’s type matches the source’s (integer, real, date, text), C1.10. {suggestionsText}',
      },
    },
  },
  async run(ctx) {
    const compared = await comparedColumns(ctx);
    if ('outcome' in compared) return compared.outcome;
    const { db, pairs, mappings } = compared;
    const failures: string[] = [];
    const warnings: string[] = [];
    const suggestions: string[] = [];
    const evidence: Evidence[] = inferredLinksEvidence(mappings);
    for (const pair of pairs) {
      const judged = judge(pair, ctx.options.blanketWidth, db.kind);
      if (!judged) continue;
      (judged.level === 'fail' ? failures : warnings).push(`${pair.table}.${pair.column.name} ${judged.text}`);
      if (judged.suggestion) suggestions.push(`${pair.table}.${pair.column.name} ${judged.suggestion}`);
      evidence.push({ kind: 'db', subject: `${pair.table}.${pair.column.name}`, expected: judged.expected, actual: typeLabel(pair.column), data: { source: pair.mapping.source, sourceType: pair.source.family, longest: pair.source.maxLength ?? null, suggestion: judged.suggestion ?? null } });
    }
    const params = { checked: pairs.length, suggestions: suggestions.join(', ') || '—', suggestionsText: suggestions.length ? `Suggested / suggéré : ${suggestions.join(', ')}.` : '' };
    const score = 1 - (failures.length + warnings.length / 2) / Math.max(pairs.length, 1);
    if (failures.length > 0) return { status: 'fail', score, message: 'fail', params: { ...params, problems: [...failures, ...warnings].join('; ') }, evidence };
    if (warnings.length > 0) return { status: 'warn', score, message: 'warn', params: { ...params, problems: warnings.join('; ') }, evidence };
    return { status: 'pass', message: 'pass', params, evidence };
  },
});

function judge(pair: ColumnPair, blanket: number, kind: string): { level: 'fail' | 'warn'; text: string; expected: string; suggestion?: string } | undefined {
  const { source, column } = pair;
  const family = column.shape.family;
  const wanted = FITTING[source.family];
  if (!wanted || family === 'other' || family === 'json') return undefined;
  const longest = source.maxLength ?? 0;
  const width = `VARCHAR(${Math.max(longest, 1)})`;
  if (!wanted.includes(family)) {
    if (family === 'text' && (source.family === 'integer' || source.family === 'real')) return { level: 'fail', text: `${typeLabel(column)}: numbers stored as text / nombres stockés en texte`, expected: source.family, suggestion: source.family === 'integer' ? 'INTEGER' : 'REAL / DECIMAL' };
    if (family === 'text' && (source.family === 'date' || source.family === 'datetime')) return { level: 'warn', text: `${typeLabel(column)}: dates stored as text / dates stockées en texte`, expected: source.family, suggestion: source.family === 'date' ? 'DATE' : 'TIMESTAMP' };
    return { level: 'fail', text: `${typeLabel(column)} for / pour ${source.family}`, expected: source.family };
  }
  if (family !== 'text' || kind === 'mongodb') return undefined;
  const declared = column.shape.maxLength;
  if (declared !== null && declared < longest) return { level: 'fail', text: `${typeLabel(column)} < ${longest} chars`, expected: `>= ${longest} chars`, suggestion: width };
  if (declared === null || declared >= Math.max(blanket, longest * 2)) return { level: 'warn', text: `${typeLabel(column)} for / pour ${longest} chars max`, expected: `~${width}`, suggestion: width };
  return undefined;
}
