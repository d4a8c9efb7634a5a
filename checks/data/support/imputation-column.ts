import type { ImputeEvent } from '../../../runner/tracer/data-event-types.js';
import { type Localized, t } from '../../../runner/i18n.js';
import type { Evidence } from '../../verdict.js';
import type { DataFacts } from './data-facts.js';
import { type SourceColumns, sourceOfFrame } from './frame-lineage.js';
import type { ImputerUse } from './imputer-uses.js';
import { readsOf } from './source-files.js';
import { traced, where } from '../../support/trace-support.js';
import { countOf } from '../../../runner/i18n/format.js';

export type ImputedKind = 'numeric' | 'categorical';

/** How one incomplete source column ended up, and why. */
export interface ColumnJudgement {
  status: 'ok' | 'warn' | 'fail';
  /**
   * mean, median, zero, mode, imputer, sql, method, group, fromValues, constant, wrongStatistic, modeOnNumeric,
   * nullsLeft, dropped, droppedBeforeLoad, untraced, missing.
   */
  reason: string;
  text: Localized;
  evidence: Evidence;
}

/** One source column with holes, beside the table it was loaded into. */
export interface ColumnCase {
  kind: ImputedKind;
  /** `table.column`, as verdicts name it. */
  subject: string;
  column: string;
  /** Every name the column had on its way to the table (renames the trace saw), the source's first. */
  names?: string[];
  nullsInSource: number;
  nullsInTable: number;
  sourceRows: number;
  tableRows: number;
  /** The source's file name and the table's name in the database. */
  source: string;
  table: string;
}

const ACCEPTED: Record<ImputedKind, string[]> = { numeric: ['mean', 'median', 'zero'], categorical: ['mode'] };

/** The statistics' names in messages (the evidence keeps the tracer's `mean`, `median`…). */
const STATISTIC: Record<string, Localized> = { mean: t('moyenne', 'mean'), median: t('médiane', 'median'), zero: t('zéro', 'zero'), mode: t('mode', 'mode') };
const statistic = (key: string): Localized => STATISTIC[key] ?? t(key, key);
/** The same text in both languages: names, numbers and code only. */
const same = (text: string): Localized => t(text, text);

/** Judges one column from the table's nulls and the traced imputations of that column, in this order. */
export function judgeColumn(c: ColumnCase, facts: DataFacts, sources: SourceColumns[]): ColumnJudgement {
  const { kind, subject, column } = c;
  const names = c.names ?? [column];
  const data = { nullsInSource: c.nullsInSource, nullsInTable: c.nullsInTable };
  const expected = ACCEPTED[kind].join(' | ');
  const events = facts.imputes.filter((e) => names.includes(e.column) && !e.error);
  if (c.nullsInTable > 0) {
    const at = events[0];
    const evidence: Evidence = at ? traced(subject, at, { expected: 0, actual: c.nullsInTable, data }) : { kind: 'db', subject, expected: 0, actual: c.nullsInTable, data };
    return { status: 'fail', reason: 'nullsLeft', text: t(`${subject} : ${countOf(c.nullsInTable, 'fr', 'valeur nulle restante', 'valeurs nulles restantes')} dans la table`, `${subject}: ${countOf(c.nullsInTable, 'en', 'null', 'nulls')} left in the table`), evidence };
  }
  const good = events.find((e) => (e.matches ?? []).some((m) => ACCEPTED[kind].includes(m)));
  if (good) {
    const how = (good.matches ?? []).find((m) => ACCEPTED[kind].includes(m))!;
    const by = good.by?.length ? good.by : undefined;
    const shown = (lang: 'fr' | 'en') => (by ? `${statistic(how)[lang]} groupby(${by.join(', ')}) (${where(good)})` : `${statistic(how)[lang]} (${fmt(good.value)}, ${where(good)})`);
    const value = by ? { by } : { value: good.value };
    return { status: 'ok', reason: how, text: t(`${subject} : ${shown('fr')}`, `${subject}: ${shown('en')}`), evidence: traced(subject, good, { expected, actual: by ? `${how} by ${by.join(', ')}` : how, data: { ...data, ...value, function: good.function, ...statsOf(good) } }) };
  }
  const imputer = facts.imputers.find((use) => imputerFits(use, names, kind) !== undefined);
  if (imputer) {
    const accepted = imputerFits(imputer, names, kind)!;
    const strategy = String(imputer.params.strategy ?? (imputer.estimator === 'KNNImputer' ? `k=${String(imputer.params.n_neighbors ?? 5)}` : imputer.estimator));
    const inside = imputer.path !== imputer.estimator ? ` [${imputer.path}]` : '';
    const statistic = names.map((n) => imputer.statistics?.[n]).find((v) => v !== undefined);
    return {
      status: accepted ? 'ok' : 'warn',
      reason: 'imputer',
      text: same(`${subject}: ${imputer.estimator}(${strategy})${inside} ${where(imputer.fit)}`),
      evidence: traced(subject, imputer.fit, { expected, actual: `${imputer.estimator}(${strategy})`, data: { ...data, path: imputer.path, ...(statistic !== undefined ? { value: statistic } : {}) } }),
    };
  }
  const event = events[0];
  if (event) return judgeOtherFill(c, event, expected, data);
  const sql = facts.sql.find((e) => /^UPDATE$/i.test(e.verb ?? '') && names.some((n) => (e.statement ?? '').toLowerCase().includes(n.toLowerCase())));
  if (sql) return { status: 'warn', reason: 'sql', text: same(`${subject}: SQL UPDATE (${where(sql)})`), evidence: traced(subject, sql, { actual: 'UPDATE', data: { ...data, statement: sql.statement } }) };
  const owner = sources.find((s) => s.columns.includes(column))?.name;
  const dropped = facts.drops.filter((d) => d.function === 'dropna' && (d.removed ?? 0) > 0 && sourceOfFrame(d.input, sources) === owner);
  if (dropped[0]) return { status: 'fail', reason: 'dropped', text: droppedText(subject, dropped.map((d) => `${d.removed} ${where(d)}`).join(', ')), evidence: traced(subject, dropped[0], { expected: 'imputed', actual: 'dropna', data: { ...data, removed: dropped[0].removed } }) };
  const lost = c.sourceRows - c.tableRows;
  if (c.tableRows < c.sourceRows && lost >= c.nullsInSource) return droppedBeforeLoad(c, lost, facts, data);
  return { status: 'warn', reason: 'untraced', text: t(`${subject} : plus de valeur nulle, mais aucune imputation tracée`, `${subject}: no null left, imputation not traced`), evidence: { kind: 'db', subject, expected: 0, actual: 0, data } };
}

/** A traced fill that used no accepted statistic: a method, a group fill of another kind, values from a series, a constant. */
function judgeOtherFill(c: ColumnCase, event: ImputeEvent, expected: string, data: Record<string, unknown>): ColumnJudgement {
  const { kind, subject } = c;
  if (event.method) return { status: 'warn', reason: 'method', text: same(`${subject}: ${event.method} (${where(event)})`), evidence: traced(subject, event, { expected, actual: event.method, data }) };
  if (event.by?.length) {
    const label = `groupby(${event.by.join(', ')}) ${event.matches?.length ? event.matches.join('/') : '?'}`;
    return { status: 'warn', reason: 'group', text: same(`${subject}: ${label} (${where(event)})`), evidence: traced(subject, event, { expected, actual: label, data: { ...data, by: event.by } }) };
  }
  if (event.from_values) {
    const label = `${event.function}(${String((event.value as { class?: string } | undefined)?.class ?? 'values')})`;
    return { status: 'warn', reason: 'fromValues', text: same(`${subject}: ${label} (${where(event)})`), evidence: traced(subject, event, { expected, actual: label, data }) };
  }
  const matches = event.matches ?? [];
  const wrong = kind === 'categorical' && (matches.includes('mean') || matches.includes('median'));
  const stat = kind === 'numeric' ? t(`moyenne ${fmt(event.stats?.mean)}, médiane ${fmt(event.stats?.median)}`, `mean ${fmt(event.stats?.mean)}, median ${fmt(event.stats?.median)}`) : same(`mode ${fmt(event.stats?.mode)}`);
  const reason = wrong ? 'wrongStatistic' : kind === 'numeric' && matches.includes('mode') ? 'modeOnNumeric' : 'constant';
  const used = matches.map((m) => statistic(m));
  const text = wrong
    ? t(`${subject} : ${used.map((u) => u.fr).join('/')} ${fmt(event.value)} sur une colonne qualitative (${where(event)})`, `${subject}: ${used.map((u) => u.en).join('/')} ${fmt(event.value)} on a categorical column (${where(event)})`)
    : t(`${subject} : ${fmt(event.value)} ≠ ${stat.fr} (${where(event)})`, `${subject}: ${fmt(event.value)} ≠ ${stat.en} (${where(event)})`);
  return { status: reason === 'modeOnNumeric' ? 'warn' : 'fail', reason, text, evidence: traced(subject, event, { expected, actual: fmt(event.value), data: { ...data, matches, ...statsOf(event) } }) };
}

/**
 * No null left and nothing imputed, but the table holds fewer rows than the source — at least as many fewer as the
 * column had holes: the rows were dropped before loading (a filter while reading with the csv module, a list
 * comprehension before an executemany), not imputed.
 */
function droppedBeforeLoad(c: ColumnCase, lost: number, facts: DataFacts, data: Record<string, unknown>): ColumnJudgement {
  const read = readsOf(c.source, facts.fileReads)[0];
  const insert = facts.sql.find((e) => e.verb === 'INSERT' && !e.error && (e.tables ?? []).some((t) => t.toLowerCase() === c.table.toLowerCase()));
  const path = [read ? `${read.function} ${where(read)}` : '', insert ? `INSERT ${where(insert)}` : ''].filter(Boolean).join(' → ');
  const text = droppedText(c.subject, `${c.sourceRows} → ${c.tableRows}, −${lost}${path ? `, ${path}` : ''}`);
  const details = { ...data, sourceRows: c.sourceRows, tableRows: c.tableRows, removed: lost };
  const evidence: Evidence = insert ?? read ? traced(c.subject, (insert ?? read)!, { expected: 'imputed', actual: 'dropped before loading', data: details }) : { kind: 'db', subject: c.subject, expected: 'imputed', actual: 'dropped before loading', data: details };
  return { status: 'fail', reason: 'droppedBeforeLoad', text, evidence };
}

/** Rows dropped where the column's holes should have been imputed; `how` holds counts and call sites. */
function droppedText(subject: string, how: string): Localized {
  return t(`${subject} : lignes supprimées au lieu d'imputer (${how})`, `${subject}: rows dropped instead of imputed (${how})`);
}

/** true: an accepted imputer for this column; false: an imputer with another strategy; undefined: not this column. */
function imputerFits(use: ImputerUse, names: readonly string[], kind: ImputedKind): boolean | undefined {
  const columns = use.columns;
  if (columns && !columns.some((c) => names.includes(c))) return undefined;
  if (use.estimator !== 'SimpleImputer') return kind === 'numeric' ? true : undefined;
  const strategy = String(use.params.strategy ?? 'mean');
  if (kind === 'numeric') return strategy === 'mean' || strategy === 'median' || (strategy === 'constant' && Number(use.params.fill_value ?? 0) === 0);
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
