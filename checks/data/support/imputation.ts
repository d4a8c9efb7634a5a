import { joinLocalized, type Localized, t } from '../../../runner/i18n.js';
import type { CheckContext, CheckOutcome } from '../../check.js';
import type { ImputeEvent } from '../../../runner/tracer/data-event-types.js';
import type { FitEvent } from '../../../runner/tracer/trace-event-types.js';
import type { Evidence } from '../../verdict.js';
import type { DataFacts } from './data-facts.js';
import { sourceOfFrame } from './frame-lineage.js';
import { findTable, isNumericDtype, type Mapping, sourceSummary } from './source-files.js';
import { traced, where } from '../../support/trace-support.js';

export type ImputedKind = 'numeric' | 'categorical';

export interface ImputationOptions {
  service?: string;
  mappings: Mapping[];
  /** Columns to treat as categorical whatever their dtype (codes, ratings). */
  categorical: string[];
}

/** How one incomplete source column ended up, and why. */
interface ColumnJudgement {
  status: 'ok' | 'warn' | 'fail';
  /** Message fragment key: mean, median, zero, mode, imputer, sql, method, constant, wrongStatistic, nullsLeft, dropped, untraced, missing. */
  reason: string;
  text: Localized;
  evidence: Evidence;
}

const ACCEPTED: Record<ImputedKind, string[]> = { numeric: ['mean', 'median', 'zero'], categorical: ['mode'] };

/** The statistics' names in messages (the evidence keeps the tracer's `mean`, `median`…). */
const STATISTIC: Record<string, Localized> = { mean: t('moyenne', 'mean'), median: t('médiane', 'median'), zero: t('zéro', 'zero'), mode: t('mode', 'mode') };
const statistic = (key: string): Localized => STATISTIC[key] ?? t(key, key);

/**
 * Judges every column of `kind` that has missing values in a mapped source: the table must hold no null
 * there, and the traced imputation must use an accepted statistic (numeric: mean, median, 0; categorical:
 * the mode) or a declared scikit-learn imputer. Shared by data/numeric-imputation and data/categorical-imputation.
 */
export async function judgeImputation(ctx: CheckContext<ImputationOptions>, facts: DataFacts, kind: ImputedKind): Promise<CheckOutcome<'pass' | 'fail' | 'warn' | 'nothingMissing'>> {
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
    for (const { column, name } of present) {
      const subject = `${mapping.table}.${column}`;
      const before = summary.nullCounts[column]!;
      if (!table || !name) {
        const text = table ? t(`${subject} : colonne absente`, `${subject}: column absent`) : t(`${subject} : table absente`, `${subject}: table absent`);
        judgements.push({ status: 'fail', reason: 'missing', text, evidence: { kind: 'db', subject, expected: 'loaded', actual: null, data: { nullsInSource: before } } });
        continue;
      }
      const left = nulls[name] ?? 0;
      judgements.push(judgeColumn(kind, subject, column, before, left, facts, sources));
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

function kindOf(column: string, dtype: string, categorical: string[]): ImputedKind {
  if (categorical.some((c) => c.toLowerCase() === column.toLowerCase())) return 'categorical';
  return isNumericDtype(dtype) ? 'numeric' : 'categorical';
}

function judgeColumn(kind: ImputedKind, subject: string, column: string, nullsInSource: number, nullsInTable: number, facts: DataFacts, sources: Array<{ name: string; columns: string[] }>): ColumnJudgement {
  const data = { nullsInSource, nullsInTable };
  const events = facts.imputes.filter((e) => e.column === column);
  if (nullsInTable > 0) {
    const at = events[0];
    const evidence: Evidence = at ? traced(subject, at, { expected: 0, actual: nullsInTable, data }) : { kind: 'db', subject, expected: 0, actual: nullsInTable, data };
    return { status: 'fail', reason: 'nullsLeft', text: t(`${subject} : ${nullsInTable} valeur(s) nulle(s) restant(s) dans la table`, `${subject}: ${nullsInTable} null(s) left in the table`), evidence };
  }
  const good = events.find((e) => (e.matches ?? []).some((m) => ACCEPTED[kind].includes(m)));
  if (good) {
    const how = (good.matches ?? []).find((m) => ACCEPTED[kind].includes(m))!;
    return { status: 'ok', reason: how, text: t(`${subject} : ${statistic(how).fr} (${fmt(good.value)}, ${where(good)})`, `${subject}: ${statistic(how).en} (${fmt(good.value)}, ${where(good)})`), evidence: traced(subject, good, { expected: ACCEPTED[kind].join(' | '), actual: how, data: { ...data, value: good.value, ...statsOf(good) } }) };
  }
  const imputer = facts.imputers.find((fit) => imputerFits(fit, column, kind) !== undefined);
  if (imputer) {
    const verdict = imputerFits(imputer, column, kind)!;
    const strategy = String(imputer.params?.strategy ?? imputer.estimator);
    return { status: verdict ? 'ok' : 'warn', reason: 'imputer', text: t(`${subject} : ${imputer.estimator}(${strategy}) ${where(imputer)}`, `${subject}: ${imputer.estimator}(${strategy}) ${where(imputer)}`), evidence: traced(subject, imputer, { expected: ACCEPTED[kind].join(' | '), actual: `${imputer.estimator}(${strategy})`, data }) };
  }
  const event = events[0];
  if (event) {
    if (event.method) return { status: 'warn', reason: 'method', text: t(`${subject} : ${event.method} (${where(event)})`, `${subject}: ${event.method} (${where(event)})`), evidence: traced(subject, event, { expected: ACCEPTED[kind].join(' | '), actual: event.method, data }) };
    const matches = event.matches ?? [];
    const wrong = kind === 'categorical' && (matches.includes('mean') || matches.includes('median'));
    const stat = kind === 'numeric' ? t(`moyenne ${fmt(event.stats?.mean)}, médiane ${fmt(event.stats?.median)}`, `mean ${fmt(event.stats?.mean)}, median ${fmt(event.stats?.median)}`) : t(`mode ${fmt(event.stats?.mode)}`, `mode ${fmt(event.stats?.mode)}`);
    const reason = wrong ? 'wrongStatistic' : kind === 'numeric' && matches.includes('mode') ? 'modeOnNumeric' : 'constant';
    const used = matches.map((m) => statistic(m));
    const text = wrong
      ? t(`${subject} : ${used.map((u) => u.fr).join('/')} ${fmt(event.value)} sur une colonne qualitative (${where(event)})`, `${subject}: ${used.map((u) => u.en).join('/')} ${fmt(event.value)} on a categorical column (${where(event)})`)
      : t(`${subject} : ${fmt(event.value)} ≠ ${stat.fr} (${where(event)})`, `${subject}: ${fmt(event.value)} ≠ ${stat.en} (${where(event)})`);
    return { status: reason === 'modeOnNumeric' ? 'warn' : 'fail', reason, text, evidence: traced(subject, event, { expected: ACCEPTED[kind].join(' | '), actual: fmt(event.value), data: { ...data, matches, ...statsOf(event) } }) };
  }
  const sql = facts.sql.find((e) => /^UPDATE$/i.test(e.verb ?? '') && (e.statement ?? '').toLowerCase().includes(column.toLowerCase()));
  if (sql) return { status: 'warn', reason: 'sql', text: t(`${subject} : SQL UPDATE (${where(sql)})`, `${subject}: SQL UPDATE (${where(sql)})`), evidence: traced(subject, sql, { actual: 'UPDATE', data: { ...data, statement: sql.statement } }) };
  const owner = sources.find((s) => s.columns.includes(column))?.name;
  const dropped = facts.drops.filter((d) => d.function === 'dropna' && (d.removed ?? 0) > 0 && sourceOfFrame(d.input, sources) === owner);
  const drops = dropped.map((d) => `${d.removed} ${where(d)}`).join(', ');
  if (dropped[0]) return { status: 'fail', reason: 'dropped', text: t(`${subject} : lignes supprimées au lieu d'imputer (${drops})`, `${subject}: rows dropped instead of imputed (${drops})`), evidence: traced(subject, dropped[0], { expected: 'imputed', actual: 'dropna', data: { ...data, removed: dropped[0].removed } }) };
  return { status: 'warn', reason: 'untraced', text: t(`${subject} : plus de valeur nulle, mais aucune imputation tracée`, `${subject}: no null left, imputation not traced`), evidence: { kind: 'db', subject, expected: 0, actual: 0, data } };
}

/** true: an accepted imputer for this column; false: an imputer with another strategy; undefined: not this column. */
function imputerFits(fit: FitEvent, column: string, kind: ImputedKind): boolean | undefined {
  const columns = fit.x?.columns;
  if (columns && !columns.includes(column)) return undefined;
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
