import type { CheckContext, CheckOutcome } from '../../check.js';
import type { ImputeEvent } from '../../../runner/tracer/data-event-types.js';
import type { FitEvent } from '../../../runner/tracer/trace-event-types.js';
import type { Evidence } from '../../verdict.js';
import type { DataFacts } from './data-facts.js';
import { sourceOfFrame } from './frame-lineage.js';
import { findTable, isNumericDtype, type Mapping, sourceSummary } from './source-files.js';
import { findColumn } from './lineage/column-names.js';
import { noLinks, sourcesHaveHoles } from './lineage/no-links.js';
import { sourceMappings, type SourceMapping } from './lineage/source-mappings.js';
import { traced, where } from '../../support/trace-support.js';
import { databaseOrOutcome } from '../../db/support/open-database.js';

export type ImputedKind = 'numeric' | 'categorical';

export interface ImputationOptions {
  service?: string;
  /** Scenario mappings; without them, the links the trace shows (see lineage/source-mappings.ts). */
  mappings?: Mapping[];
  /** Columns to treat as categorical whatever their dtype (codes, ratings). */
  categorical: string[];
}

/** How one incomplete source column ended up, and why. */
interface ColumnJudgement {
  status: 'ok' | 'warn' | 'fail';
  /** Message fragment key: mean, median, zero, mode, imputer, sql, method, constant, wrongStatistic, nullsLeft, dropped, untraced, missing. */
  reason: string;
  text: string;
  evidence: Evidence;
}

const ACCEPTED: Record<ImputedKind, string[]> = { numeric: ['mean', 'median', 'zero'], categorical: ['mode'] };

/**
 * Judges every column of `kind` that has missing values in a mapped source: the table must hold no null
 * there, and the traced imputation must use an accepted statistic (numeric: mean, median, 0; categorical:
 * the mode) or a declared scikit-learn imputer. Shared by data/numeric-imputation and data/categorical-imputation.
 */
export async function judgeImputation(ctx: CheckContext<ImputationOptions>, facts: DataFacts, kind: ImputedKind): Promise<CheckOutcome> {
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
    for (const { column, name } of judged) {
      const subject = `${mapping.table}.${name ?? column}`;
      const before = summary.nullCounts[column]!;
      if (!table || !name) {
        judgements.push({ status: 'fail', reason: 'missing', text: `${subject}: ${table ? 'column' : 'table'} absent`, evidence: { kind: 'db', subject, expected: 'loaded', actual: null, data: { nullsInSource: before } } });
        continue;
      }
      const left = nulls[name] ?? 0;
      judgements.push(judgeColumn(kind, subject, namesOf(mapping, column), before, left, facts, sources));
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

function judgeColumn(kind: ImputedKind, subject: string, names: string[], nullsInSource: number, nullsInTable: number, facts: DataFacts, sources: Array<{ name: string; columns: string[] }>): ColumnJudgement {
  const column = names[0]!;
  const data = { nullsInSource, nullsInTable };
  const events = facts.imputes.filter((e) => names.includes(e.column));
  if (nullsInTable > 0) {
    const at = events[0];
    const evidence: Evidence = at ? traced(subject, at, { expected: 0, actual: nullsInTable, data }) : { kind: 'db', subject, expected: 0, actual: nullsInTable, data };
    return { status: 'fail', reason: 'nullsLeft', text: `${subject}: ${nullsInTable} null(s) left in the table / restant(s) dans la table`, evidence };
  }
  const good = events.find((e) => (e.matches ?? []).some((m) => ACCEPTED[kind].includes(m)));
  if (good) {
    const how = (good.matches ?? []).find((m) => ACCEPTED[kind].includes(m))!;
    return { status: 'ok', reason: how, text: `${subject}: ${how} (${fmt(good.value)}, ${where(good)})`, evidence: traced(subject, good, { expected: ACCEPTED[kind].join(' | '), actual: how, data: { ...data, value: good.value, ...statsOf(good) } }) };
  }
  const imputer = facts.imputers.find((fit) => imputerFits(fit, names, kind) !== undefined);
  if (imputer) {
    const verdict = imputerFits(imputer, names, kind)!;
    const strategy = String(imputer.params?.strategy ?? imputer.estimator);
    return { status: verdict ? 'ok' : 'warn', reason: 'imputer', text: `${subject}: ${imputer.estimator}(${strategy}) ${where(imputer)}`, evidence: traced(subject, imputer, { expected: ACCEPTED[kind].join(' | '), actual: `${imputer.estimator}(${strategy})`, data }) };
  }
  const event = events[0];
  if (event) {
    if (event.method) return { status: 'warn', reason: 'method', text: `${subject}: ${event.method} (${where(event)})`, evidence: traced(subject, event, { expected: ACCEPTED[kind].join(' | '), actual: event.method, data }) };
    const matches = event.matches ?? [];
    const wrong = kind === 'categorical' && (matches.includes('mean') || matches.includes('median'));
    const stat = kind === 'numeric' ? `mean ${fmt(event.stats?.mean)}, median ${fmt(event.stats?.median)}` : `mode ${fmt(event.stats?.mode)}`;
    const reason = wrong ? 'wrongStatistic' : kind === 'numeric' && matches.includes('mode') ? 'modeOnNumeric' : 'constant';
    const label = wrong ? `${matches.join('/')} ${fmt(event.value)} on a categorical column / sur une colonne qualitative` : `${fmt(event.value)} ≠ ${stat}`;
    return { status: reason === 'modeOnNumeric' ? 'warn' : 'fail', reason, text: `${subject}: ${label} (${where(event)})`, evidence: traced(subject, event, { expected: ACCEPTED[kind].join(' | '), actual: fmt(event.value), data: { ...data, matches, ...statsOf(event) } }) };
  }
  const sql = facts.sql.find((e) => /^UPDATE$/i.test(e.verb ?? '') && names.some((n) => (e.statement ?? '').toLowerCase().includes(n.toLowerCase())));
  if (sql) return { status: 'warn', reason: 'sql', text: `${subject}: SQL UPDATE (${where(sql)})`, evidence: traced(subject, sql, { actual: 'UPDATE', data: { ...data, statement: sql.statement } }) };
  const owner = sources.find((s) => s.columns.includes(column))?.name;
  const dropped = facts.drops.filter((d) => d.function === 'dropna' && (d.removed ?? 0) > 0 && sourceOfFrame(d.input, sources) === owner);
  if (dropped[0]) return { status: 'fail', reason: 'dropped', text: `${subject}: rows dropped instead / lignes supprimées au lieu d'imputer (${dropped.map((d) => `${d.removed} ${where(d)}`).join(', ')})`, evidence: traced(subject, dropped[0], { expected: 'imputed', actual: 'dropna', data: { ...data, removed: dropped[0].removed } }) };
  return { status: 'warn', reason: 'untraced', text: `${subject}: no null left, imputation not traced / aucune imputation tracée`, evidence: { kind: 'db', subject, expected: 0, actual: 0, data } };
}

/** true: an accepted imputer for this column; false: an imputer with another strategy; undefined: not this column. */
function imputerFits(fit: FitEvent, names: string[], kind: ImputedKind): boolean | undefined {
  const columns = fit.x?.columns;
  if (columns && !columns.some((c) => names.includes(c))) return undefined;
  if (fit.estimator !== 'SimpleImputer') return kind === 'numeric' ? true : undefined;
  const strategy = String(fit.params?.strategy ?? 'mean');
  if (kind === 'numeric') return strategy === 'mean' || strategy === 'median' || (strategy === 'constant' && Number(fit.params?.fill_value ?? 0) === 0);
  if (strategy === 'most_frequent') return true;
  return columns ? false : undefined;
}

function statsOf(event: ImputeEvent): Record<string, unknown> {
  const stats = event.stats ?? {};
  return Object.fromEntries(Object.entries({ mean: stats.mean, median: stats.median, mode: stats.mode }).filter(([, v]) => v !== undefined));
}

function fmt(value: unknown): string {
  if (typeof value === 'number') return String(Math.round(value * 10_000) / 10_000);
  return value === undefined ? '?' : JSON.stringify(value);
}
