import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { MAPPINGS_SCHEMA, type Mapping } from '../data/support/source-files.js';
import { codePoints } from './support/column-profile.js';
import { type ColumnPair, mappedColumns, typeLabel } from './support/mapped-columns.js';

interface Options {
  service?: string;
  mappings: Mapping[];
}

export default defineCheck({
  meta: {
    id: 'db/no-truncation',
    title: { fr: 'Aucune valeur tronquée ni altérée au chargement', en: 'No value truncated or altered by the load' },
    criteria: ['cdp-data-ia:C1.9', 'cdp-data-ia:C1.10'],
    evidence: ['db', 'artifact'],
    options: { type: 'object', additionalProperties: false, required: ['mappings'], properties: { service: { type: 'string' }, mappings: MAPPINGS_SCHEMA } },
    messages: {
      pass: { fr: 'Chaque valeur des sources tient dans sa colonne ({checked} colonnes comparées, valeurs texte relues à l’identique).', en: 'Every source value fits its column ({checked} columns compared, text values read back unchanged).' },
      fail: {
        fr: 'Valeurs qui ne tiennent pas dans leur colonne : {problems}. Attendu : largeur de texte ≥ longueur maximale de la source, types numériques couvrant min/max et décimales, aucune valeur modifiée (C1.9, C1.10). Élargissez les colonnes (VARCHAR(n) avec n ≥ longueur max) et rechargez.',
        en: 'Values that do not fit their column: {problems}. Expected: text width ≥ the source’s longest value, numeric types covering min/max and decimals, no value changed (C1.9, C1.10). Widen the columns (VARCHAR(n) with n ≥ max length) and reload.',
      },
    },
  },
  async run(ctx: CheckContext<Options>) {
    const db = await ctx.databases.open(ctx.options.service);
    const { pairs } = await mappedColumns(ctx, db, ctx.options.mappings);
    const problems: Localized[] = [];
    const evidence: Evidence[] = [];
    for (const pair of pairs) {
      const found = pair.source.distinct ? await textProblems(pair, db) : numericProblems(pair);
      if (found) {
        const column = `${pair.table}.${pair.column.name}`;
        problems.push(t(`${column} ${found.text.fr}`, `${column} ${found.text.en}`));
        evidence.push({ kind: 'db', subject: `${pair.table}.${pair.column.name}`, expected: found.expected, actual: typeLabel(pair.column), data: { source: pair.mapping.source, ...found.data } });
      }
    }
    if (problems.length > 0) return { status: 'fail', score: 1 - problems.length / Math.max(pairs.length, 1), message: 'fail', params: { problems: joinLocalized(problems, '; ') }, evidence };
    return { status: 'pass', message: 'pass', params: { checked: pairs.length }, evidence: [{ kind: 'db', subject: db.label, actual: pairs.length, data: { columns: pairs.map((p) => `${p.table}.${p.column.name} ${typeLabel(p.column)}`) } }] };
  },
});

type Problem = { text: Localized; expected: string; data: Record<string, unknown> };

/** Declared width shorter than the longest value, and values read back as a prefix of themselves. */
async function textProblems(pair: ColumnPair, db: { distinctValues(table: string, column: string): Promise<{ values: unknown[] }> }): Promise<Problem | undefined> {
  const longest = pair.source.maxLength ?? 0;
  const width = pair.column.shape.family === 'text' ? pair.column.shape.maxLength : null;
  const stored = new Set((await db.distinctValues(pair.table, pair.column.name)).values.map(String));
  const truncated: string[] = [];
  // A value longer than the declared width, read back as its first `width` characters: what MySQL without
  // strict mode (or a CHAR column) does silently. Other absent values may belong to rows dropped on purpose.
  for (const value of width === null ? [] : (pair.source.distinct ?? [])) {
    if (stored.has(value) || codePoints(value) <= width!) continue;
    const prefix = [...value].slice(0, width!).join('');
    if (stored.has(prefix) || stored.has(prefix.trimEnd())) truncated.push(value);
  }
  if (truncated.length === 0 && (width === null || width >= longest)) return undefined;
  const example = truncated[0];
  const quoted = example === undefined ? '' : `"${example.slice(0, 60)}…" (${codePoints(example)}`;
  const parts = [
    width !== null && width < longest ? t(`${typeLabel(pair.column)} < ${longest} caractères`, `${typeLabel(pair.column)} < ${longest} chars`) : undefined,
    truncated.length > 0 ? t(`${truncated.length} valeur(s) tronquée(s), par ex. ${quoted} caractères)`, `${truncated.length} value(s) truncated, e.g. ${quoted} chars)`) : undefined,
  ].filter((part): part is Localized => part !== undefined);
  return { text: joinLocalized(parts), expected: `>= ${longest} chars`, data: { longest, declaredWidth: width, truncated: truncated.length, examples: truncated.slice(0, 3) } };
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
  return t(`${type} arrondit ${decimals} décimale(s)`, `${type} rounds ${decimals} decimal(s)`);
}
