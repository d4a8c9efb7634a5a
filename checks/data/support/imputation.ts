import type { CheckContext, CheckOutcome } from '../../check.js';
import type { DataFacts } from './data-facts.js';
import { type ColumnJudgement, type ImputedKind, judgeColumn } from './imputation-column.js';
import { findTable, isNumericDtype, type Mapping, sourceSummary } from './source-files.js';

export type { ImputedKind } from './imputation-column.js';

export interface ImputationOptions {
  service?: string;
  mappings: Mapping[];
  /** Columns to treat as categorical whatever their dtype (codes, ratings). */
  categorical: string[];
}

/**
 * Judges every column of `kind` that has missing values in a mapped source: the table must hold no null
 * there, and the traced imputation must use an accepted statistic (numeric: mean, median, 0; categorical:
 * the mode) or a declared scikit-learn imputer. Shared by data/numeric-imputation and data/categorical-imputation.
 */
export async function judgeImputation(ctx: CheckContext<ImputationOptions>, facts: DataFacts, kind: ImputedKind): Promise<CheckOutcome> {
  const db = await ctx.databases.open(ctx.options.service);
  const tables = await db.listTables();
  const judgements: ColumnJudgement[] = [];
  const sources = [];
  for (const mapping of ctx.options.mappings) {
    const summary = await sourceSummary(mapping.source, ctx);
    sources.push({ name: mapping.source.split('/').pop()!, columns: summary.columns });
    const holes = summary.columns.filter((c) => (summary.nullCounts[c] ?? 0) > 0 && kindOf(c, summary.dtypes[c] ?? '', ctx.options.categorical) === kind);
    if (holes.length === 0) continue;
    const table = findTable(tables, mapping.table);
    const tableColumns = table ? (await db.columns(table)).map((c) => c.name) : [];
    const present = holes.map((c) => ({ column: c, name: tableColumns.find((t) => t.toLowerCase() === c.toLowerCase()) }));
    const nulls = table ? await db.nullCounts(table, present.flatMap((p) => (p.name ? [p.name] : []))) : {};
    const tableRows = table ? await db.countRows(table) : 0;
    for (const { column, name } of present) {
      const subject = `${mapping.table}.${column}`;
      const before = summary.nullCounts[column]!;
      if (!table || !name) {
        judgements.push({ status: 'fail', reason: 'missing', text: `${subject}: ${table ? 'column' : 'table'} absent`, evidence: { kind: 'db', subject, expected: 'loaded', actual: null, data: { nullsInSource: before } } });
        continue;
      }
      const left = nulls[name] ?? 0;
      const source = mapping.source.split('/').pop()!;
      judgements.push(judgeColumn({ kind, subject, column, nullsInSource: before, nullsInTable: left, sourceRows: summary.rows, tableRows, source, table }, facts, sources));
    }
  }
  if (judgements.length === 0) return { status: 'skip', message: 'nothingMissing' };
  const failed = judgements.filter((j) => j.status === 'fail');
  const warned = judgements.filter((j) => j.status === 'warn');
  const ok = judgements.filter((j) => j.status === 'ok');
  const params = { ok: ok.map((j) => j.text).join('; ') || '—', problems: [...failed, ...warned].map((j) => j.text).join('; ') };
  const evidence = judgements.map((j) => j.evidence);
  const score = (ok.length + warned.length / 2) / judgements.length;
  if (failed.length > 0) return { status: 'fail', score, message: 'fail', params, evidence };
  if (warned.length > 0) return { status: 'warn', score, message: 'warn', params, evidence };
  return { status: 'pass', message: 'pass', params, evidence };
}

function kindOf(column: string, dtype: string, categorical: string[]): ImputedKind {
  if (categorical.some((c) => c.toLowerCase() === column.toLowerCase())) return 'categorical';
  return isNumericDtype(dtype) ? 'numeric' : 'categorical';
}
