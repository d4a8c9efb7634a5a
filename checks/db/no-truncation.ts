import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import type { TextSliceEvent } from '../../runner/tracer/data-event-types.js';
import { dataFacts } from '../data/support/data-facts.js';
import { MAPPINGS_SCHEMA, type Mapping } from '../data/support/source-files.js';
import { inferredLinksEvidence } from '../data/support/lineage/link-evidence.js';
import { comparedColumns, NOTHING_COMPARED } from './support/compared-tables.js';
import { codePoints } from './support/column-profile.js';
import { type ColumnPair, typeLabel } from './support/mapped-columns.js';
import { traced, where } from '../support/trace-support.js';
import { countOf } from '../../runner/i18n/format.js';

interface Options {
  service?: string;
  mappings?: Mapping[];
}

export default defineCheck({
  meta: {
    id: 'db/no-truncation',
    title: { fr: 'Aucune valeur tronquée ni altérée au chargement', en: 'No value truncated or altered by the load' },
    criteria: ['cdp-data-ia:C1.9', 'cdp-data-ia:C1.10'],
    evidence: ['db', 'artifact', 'trace'],
    options: { type: 'object', additionalProperties: false, properties: { service: { type: 'string' }, mappings: { ...MAPPINGS_SCHEMA, description: 'source → table pairs (default: the links the trace shows)' } } },
    messages: {
      ...NOTHING_COMPARED,
      pass: { fr: 'Chaque valeur des sources tient dans sa colonne ({checked} colonnes comparées, valeurs texte relues à l’identique).', en: 'Every source value fits its column ({checked} columns compared, text values read back unchanged).' },
      cut: {
        fr: 'Valeurs raccourcies avant ou pendant le chargement : {problems}. Attendu : chaque valeur de la source stockée telle quelle (C1.9, C1.10). Ne coupez pas les textes (str[:n], str.slice) avant de charger — raccourcissez-les à l’affichage si besoin — et donnez aux colonnes une largeur au moins égale à la plus longue valeur.',
        en: 'Values shortened before or while loading: {problems}. Expected: every source value stored as it is (C1.9, C1.10). Do not cut text (str[:n], str.slice) before loading — shorten it for display if needed — and give columns a width at least that of the longest value.',
      },
      fail: {
        fr: 'Valeurs qui ne tiennent pas dans leur colonne : {problems}. Attendu : largeur de texte ≥ longueur maximale de la source, types numériques couvrant min/max et décimales, aucune valeur modifiée (C1.9, C1.10). Élargissez les colonnes (VARCHAR(n) avec n ≥ longueur max) et rechargez.',
        en: 'Values that do not fit their column: {problems}. Expected: text width ≥ the source’s longest value, numeric types covering min/max and decimals, no value changed (C1.9, C1.10). Widen the columns (VARCHAR(n) with n ≥ max length) and reload.',
      },
    },
  },
  async run(ctx: CheckContext<Options>) {
    const compared = await comparedColumns(ctx);
    if ('outcome' in compared) return compared.outcome;
    const { db, pairs, mappings } = compared;
    const slices = ctx.trace.available ? dataFacts(ctx.trace).textSlices.filter((s) => (s.cut ?? 0) > 0) : [];
    const problems: Localized[] = [];
    const evidence: Evidence[] = inferredLinksEvidence(mappings);
    let cut = false;
    for (const pair of pairs) {
      const sliced = slices.filter((s) => [pair.source.name, pair.column.name].some((n) => n.toLowerCase() === (s.column ?? '').toLowerCase()));
      const found = pair.source.distinct ? await textProblems(pair, db, sliced) : numericProblems(pair);
      if (found) {
        const column = `${pair.table}.${pair.column.name}`;
        problems.push(t(`${column} ${found.text.fr}`, `${column} ${found.text.en}`));
        evidence.push({ kind: 'db', subject: `${pair.table}.${pair.column.name}`, expected: found.expected, actual: typeLabel(pair.column), data: { source: pair.mapping.source, ...found.data } });
        if (found.slice) evidence.push(traced(`${pair.table}.${pair.column.name}`, found.slice, { expected: `>= ${pair.source.maxLength ?? 0} chars`, actual: sliceLabel(found.slice), data: { cut: found.slice.cut ?? null, longest: found.slice.longest ?? null } }));
        if (found.cut) cut = true;
      }
    }
    if (problems.length > 0) return { status: 'fail', score: 1 - problems.length / Math.max(pairs.length, 1), message: cut ? 'cut' : 'fail', params: { problems: joinLocalized(problems, '; ') }, evidence };
    return { status: 'pass', message: 'pass', params: { checked: pairs.length }, evidence: [...evidence, { kind: 'db', subject: db.label, actual: pairs.length, data: { columns: pairs.map((p) => `${p.table}.${p.column.name} ${typeLabel(p.column)}`) } }] };
  },
});

/** `cut`: values shortened before they reached the column (no declared width explains it). */
type Problem = { text: Localized; expected: string; data: Record<string, unknown>; slice?: TextSliceEvent; cut?: boolean };

/** `str[:40]`, `str.slice(0, 8)`: the slice as the candidate wrote it. */
function sliceLabel(slice: TextSliceEvent): string {
  return slice.function === 'str[]' ? `str[:${slice.stop}]` : `str.slice(${slice.start ?? 0}, ${slice.stop})`;
}

/**
 * Declared width shorter than the longest value, and source values stored as a prefix of themselves: cut at the
 * declared width (MySQL without strict mode, a CHAR column), at a traced `str[:n]`, or at the longest stored
 * length when every longer source value is missing and its prefix of that length is there (text shortened before
 * loading, whatever did it). Other absent values may belong to rows dropped on purpose.
 */
async function textProblems(pair: ColumnPair, db: { distinctValues(table: string, column: string): Promise<{ values: unknown[] }> }, slices: TextSliceEvent[]): Promise<Problem | undefined> {
  const longest = pair.source.maxLength ?? 0;
  const width = pair.column.shape.family === 'text' ? pair.column.shape.maxLength : null;
  const stored = new Set((await db.distinctValues(pair.table, pair.column.name)).values.map(String));
  let storedLongest = 0;
  for (const value of stored) storedLongest = Math.max(storedLongest, codePoints(value));
  const cuts = [...new Set([width, ...slices.map((s) => s.stop), storedLongest < longest ? storedLongest : null].filter((w): w is number => w !== null && w > 0))].sort((a, b) => a - b);
  const truncated: Array<{ value: string; stored: string }> = [];
  for (const value of cuts.length === 0 ? [] : (pair.source.distinct ?? [])) {
    if (stored.has(value)) continue;
    const chars = [...value];
    for (const cut of cuts) {
      if (chars.length <= cut) continue;
      const prefix = chars.slice(0, cut).join('');
      const kept = stored.has(prefix) ? prefix : stored.has(prefix.trimEnd()) ? prefix.trimEnd() : undefined;
      if (kept !== undefined) {
        truncated.push({ value, stored: kept });
        break;
      }
    }
  }
  if (truncated.length === 0 && (width === null || width >= longest)) return undefined;
  // Distinct values come in no stable order: examples are the first in code-point order, the same on every run.
  truncated.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const example = truncated[0];
  const slice = truncated.length > 0 ? slices[0] : undefined;
  const quoted = example === undefined ? '' : `"${example.value.slice(0, 60)}…" (${codePoints(example.value)}`;
  const storedAs = example === undefined ? '' : ` → "${example.stored.slice(0, 60)}"`;
  const parts = [
    width !== null && width < longest ? t(`${typeLabel(pair.column)} < ${longest} caractères`, `${typeLabel(pair.column)} < ${longest} chars`) : undefined,
    example ? t(`${countOf(truncated.length, 'fr', 'valeur tronquée', 'valeurs tronquées')}, par ex. ${quoted} caractères)${storedAs}`, `${countOf(truncated.length, 'en', 'value', 'values')} truncated, e.g. ${quoted} chars)${storedAs}`) : undefined,
    slice ? `${sliceLabel(slice)} ${where(slice)}` : undefined,
  ].filter((part): part is Localized | string => part !== undefined);
  const data = { longest, declaredWidth: width, truncated: truncated.length, examples: truncated.slice(0, 3).map((t) => t.value), storedAs: truncated.slice(0, 3).map((t) => t.stored), storedLongest };
  return { text: joinLocalized(parts), expected: `>= ${longest} chars`, data, slice, cut: truncated.length > 0 && (width === null || width >= longest) };
}

/** Integer and DECIMAL ranges against the source's min/max, and decimals an integer or DECIMAL(p,s) would round. */
function numericProblems(pair: ColumnPair): Problem | undefined {
  const { source, column } = pair;
  if (source.min === undefined || source.max === undefined) return undefined;
  const shape = column.shape;
  const range = `${source.min}..${source.max}`;
  if (shape.integerRange && (source.min < shape.integerRange.min || source.max > shape.integerRange.max)) {
    const holds = `${shape.integerRange.min}..${shape.integerRange.max}`;
    return { text: t(`${typeLabel(column)} contient ${holds}, source ${range}`, `${typeLabel(column)} holds ${holds}, source ${range}`), expected: `holds ${range}`, data: { min: source.min, max: source.max } };
  }
  if (shape.family === 'integer' && (source.maxDecimals ?? 0) > 0) {
    return { text: rounds(typeLabel(column), source.maxDecimals), expected: 'a type with decimals', data: { maxDecimals: source.maxDecimals } };
  }
  if (shape.family === 'decimal' && shape.precision !== null && shape.scale !== null) {
    const limit = 10 ** (shape.precision - shape.scale);
    if (Math.max(Math.abs(source.min), Math.abs(source.max)) >= limit) return { text: t(`${typeLabel(column)} < ${limit}, source ${range}`, `${typeLabel(column)} < ${limit}, source ${range}`), expected: `holds ${range}`, data: { min: source.min, max: source.max } };
    if ((source.maxDecimals ?? 0) > shape.scale) return { text: rounds(typeLabel(column), source.maxDecimals), expected: `scale >= ${source.maxDecimals}`, data: { maxDecimals: source.maxDecimals } };
  }
  return undefined;
}

function rounds(type: string, decimals: number | undefined): Localized {
  if (decimals === undefined) return t(`${type} arrondit les décimales`, `${type} rounds the decimals`);
  return t(`${type} arrondit ${countOf(decimals, 'fr', 'décimale', 'décimales')}`, `${type} rounds ${countOf(decimals, 'en', 'decimal', 'decimals')}`);
}
