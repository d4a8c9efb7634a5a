import { joinLocalized, type Localized, t } from '../../../runner/i18n.js';
import type { CheckContext, CheckOutcome } from '../../check.js';
import type { DataFacts } from './data-facts.js';
import { type ColumnJudgement, type ImputedKind, judgeColumn } from './imputation-column.js';
import { findTable, isNumericDtype, type Mapping, sourceSummary } from './source-files.js';
import { findColumn } from './lineage/column-names.js';
import { noLinks, sourcesHaveHoles } from './lineage/no-links.js';
import { sourceMappings, type SourceMapping } from './lineage/source-mappings.js';
import { databaseOrOutcome } from '../../db/support/open-database.js';

export type { ImputedKind } from './imputation-column.js';

export interface ImputationOptions {
  service?: string;
  /** Scenario mappings; without them, the links the trace shows (see lineage/source-mappings.ts). */
  mappings?: Mapping[];
  /** Columns to treat as categorical whatever their dtype (codes, ratings). */
  categorical: string[];
}

/**
 * Judges every column of `kind` that has missing values in a mapped source: the table must hold no null
 * there, and the traced imputation must use an accepted statistic (numeric: mean, median, 0; categorical:
 * the mode) or a declared scikit-learn imputer. Shared by data/numeric-imputation and data/categorical-imputation.
 */
export async function judgeImputation(ctx: CheckContext<ImputationOptions>, facts: DataFacts, kind: ImputedKind): Promise<CheckOutcome<'pass' | 'fail' | 'warn' | 'nothingMissing' | 'noLinks' | 'noDatabase'>> {
  const mappings = await sourceMappings(ctx, ctx.options.mappings, ctx.options.service);
  if (mappings.length === 0) return sourcesHaveHoles(ctx) ? noLinks(ctx) : { status: 'skip', message: 'nothingMissing' };
  const opened = await databaseOrOutcome(ctx, ctx.options.service);
  if ('outcome' in opened) return opened.outcome;
  const db = opened.db;
  const tables = await db.listTables();
  const judgements: ColumnJudgement[] = [];
  const sources = [];
  for (const mapping of mappings) {
    const summary = await sourceSummary(mapping.source, ctx);
    sources.push({ name: mapping.source.split('/').pop()!, columns: summary.columns });
    const holes = summary.columns.filter((c) => (summary.nullCounts[c] ?? 0) > 0 && kindOf(namesOf(mapping, c), summary.dtypes[c] ?? '', ctx.options.categorical) === kind);
    if (holes.length === 0) continue;
    const table = findTable(tables, mapping.table);
    const tableColumns = table ? (await db.columns(table)).map((c) => c.name) : [];
    const present = holes.map((c) => ({ column: c, name: tableColumnOf(mapping, c, tableColumns) }));
    // A lookup source's column the team did not merge into this table is not this table's to impute.
    const judged = mapping.role === 'lookup' ? present.filter((p) => p.name) : present;
    const nulls = table ? await db.nullCounts(table, judged.flatMap((p) => (p.name ? [p.name] : []))) : {};
    const tableRows = table ? await db.countRows(table) : 0;
    for (const { column, name } of judged) {
      const subject = `${mapping.table}.${name ?? column}`;
      const before = summary.nullCounts[column]!;
      if (!table || !name) {
        const text = table ? t(`${subject} : colonne absente`, `${subject}: column absent`) : t(`${subject} : table absente`, `${subject}: table absent`);
        judgements.push({ status: 'fail', reason: 'missing', text, evidence: { kind: 'db', subject, expected: 'loaded', actual: null, data: { nullsInSource: before } } });
        continue;
      }
      const left = nulls[name] ?? 0;
      const source = mapping.source.split('/').pop()!;
      judgements.push(judgeColumn({ kind, subject, column, names: namesOf(mapping, column), nullsInSource: before, nullsInTable: left, sourceRows: summary.rows, tableRows, source, table }, facts, sources));
    }
  }
  if (judgements.length === 0) return { status: 'skip', message: 'nothingMissing' };
  const failed = judgements.filter((j) => j.status === 'fail');
  const warned = judgements.filter((j) => j.status === 'warn');
  const ok = judgements.filter((j) => j.status === 'ok');
  const params = { ok: joinLocalized(ok.map((j) => j.text), '; '), problems: joinLocalized([...failed, ...warned].map((j) => j.text), '; ') };
  const evidence = judgements.map((j) => j.evidence);
  const score = (ok.length + warned.length / 2) / judgements.length;
  if (failed.length > 0) return { status: 'fail', score, message: 'fail', params, evidence };
  if (warned.length > 0) return { status: 'warn', score, message: 'warn', params, evidence };
  return { status: 'pass', message: 'pass', params: { ok: params.ok }, evidence };
}

/** Every name a source column had on its way to the table (imputations may use any), the source's first. */
function namesOf(mapping: SourceMapping, column: string): string[] {
  return [...new Set([column, ...(mapping.aliases[column] ?? []), ...(mapping.columns[column] ? [mapping.columns[column]!] : [])])];
}

/** The table column a source column was loaded into: the scenario's or the trace's rename, else the same name once normalised. */
function tableColumnOf(mapping: SourceMapping, column: string, tableColumns: string[]): string | undefined {
  const renamed = mapping.columns[column];
  return (renamed ? findColumn(tableColumns, renamed) : undefined) ?? findColumn(tableColumns, column);
}

function kindOf(names: string[], dtype: string, categorical: string[]): ImputedKind {
  if (categorical.some((c) => names.some((n) => c.toLowerCase() === n.toLowerCase()))) return 'categorical';
  return isNumericDtype(dtype) ? 'numeric' : 'categorical';
}
