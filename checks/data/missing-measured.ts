import { basename } from 'node:path';
import type { TraceEvent } from '../../runner/tracer/trace-event.js';
import type { FrameInfo } from '../../runner/tracer/data-event-types.js';
import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { before, dataFacts } from './support/data-facts.js';
import { sourcesToCheck } from './support/source-list.js';
import { frameSources } from './support/lineage/frame-sources.js';
import { readsOf, sourceSummary } from './support/source-files.js';
import { factsOrSkip, NO_TRACE, traced, where } from '../support/trace-support.js';

interface Options {
  sources?: string[];
}

/** SQL that counts missing values counts as a measure too (`… WHERE col IS NULL`, `COUNT(*) - COUNT(col)`). */
const SQL_NULL_COUNT = /\bis\s+null\b|count\s*\(\s*\*\s*\)\s*-\s*count\s*\(/i;

export default defineCheck({
  meta: {
    id: 'data/missing-measured',
    title: { fr: 'Valeurs manquantes mesurées avant nettoyage', en: 'Missing values measured before cleaning' },
    criteria: ['cdp-data-ia:C1.8', 'dev-ia-ds:A1.1 C4', 'cdp-ia-aivancity:C2.2'],
    evidence: ['trace', 'artifact'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: { sources: { type: 'array', items: { type: 'string' }, description: 'sources to look at (default: every dataset file that has missing values)' } },
    },
    messages: {
      ...NO_TRACE,
      pass: { fr: 'Valeurs manquantes mesurées avant nettoyage : {measured}.', en: 'Missing values measured before cleaning: {measured}.' },
      nothingMissing: { fr: 'Aucune des sources ({sources}) ne contient de valeur manquante : rien à mesurer.', en: 'None of the sources ({sources}) has missing values: nothing to measure.' },
      noSources: {
        fr: 'Le code n’a lu aucun fichier de données et le scénario n’en fournit pas : aucune valeur manquante n’a pu être cherchée. Attendu : lire les sources puis compter leurs valeurs manquantes (C1.8).',
        en: 'The code read no data file and the scenario provides none: no missing value could be looked for. Expected: read the sources, then count their missing values (C1.8).',
      },
      notMeasured: {
        fr: 'Valeurs manquantes jamais mesurées pour : {missing}. Attendu : compter les manquants par colonne avant de nettoyer (df.isna().sum(), df.info(), df.describe()), C1.8.',
        en: 'Missing values never measured for: {missing}. Expected: count the missing values per column before cleaning (df.isna().sum(), df.info(), df.describe()), C1.8.',
      },
      late: {
        fr: 'Valeurs manquantes mesurées seulement après le nettoyage pour : {late}. Mesurez-les avant d’imputer ou de supprimer des lignes, pour justifier la méthode choisie.',
        en: 'Missing values measured only after cleaning for: {late}. Measure them before imputing or dropping rows, to justify the method chosen.',
      },
    },
  },
  async run(ctx: CheckContext<Options>) {
    const got = factsOrSkip(ctx, dataFacts);
    if ('skip' in got) return got.skip;
    const { facts } = got;
    const evidence: Evidence[] = [];
    const targets: Array<{ name: string; columns: string[]; holes: string[] }> = [];
    const { sources: listed } = sourcesToCheck(ctx, facts);
    if (listed.length === 0) return { status: 'fail', message: 'noSources' };
    for (const source of listed) {
      const summary = await sourceSummary(source, ctx);
      const holes = summary.columns.filter((c) => (summary.nullCounts[c] ?? 0) > 0);
      if (holes.length > 0) targets.push({ name: basename(source), columns: summary.columns, holes });
    }
    // Sources looked at and none incomplete: nothing to measure, so nothing is shown either way.
    if (targets.length === 0) return { status: 'skip', message: 'nothingMissing', params: { sources: listed.map((s) => basename(s)).join(', ') } };
    const inspections: Array<{ event: TraceEvent; input: FrameInfo | null | undefined }> = [
      ...facts.inspections.map((e) => ({ event: e as TraceEvent, input: e.input })),
      ...facts.stats.filter((e) => e.function === 'describe').map((e) => ({ event: e as TraceEvent, input: e.input })),
      ...facts.sql.filter((e) => SQL_NULL_COUNT.test(e.statement ?? '')).map((e) => ({ event: e as TraceEvent, input: null })),
      // The same count sent with pd.read_sql_query is SQL too.
      ...facts.sqlReads.filter((e) => SQL_NULL_COUNT.test(e.origin?.sql ?? '')).map((e) => ({ event: e as TraceEvent, input: null })),
    ];
    const measured: string[] = [];
    const missing: string[] = [];
    const late: Localized[] = [];
    for (const target of targets) {
      // Each list is in execution order: the first cleaning is the earlier of the first imputation and the first dropna.
      const impute = facts.imputes.find((e) => target.holes.includes(e.column));
      const dropna = facts.drops.find((e) => e.function === 'dropna' && frameSources(ctx.trace, e, e.input).includes(target.name));
      const cleaning = impute && dropna ? (before(dropna, impute) ? dropna : impute) : (impute ?? dropna);
      const covers = inspections.filter(({ event, input }) => (input ? frameSources(ctx.trace, event, input).includes(target.name) || (input.columns?.length === 1 && target.holes.includes(input.columns[0]!)) : sqlMentions(event, target.holes)));
      const timely = covers.filter(({ event }) => !cleaning || before(event, cleaning));
      if (timely.length > 0) {
        measured.push(`${target.name} (${String((timely[0]!.event as { function?: string }).function ?? 'SQL')} ${where(timely[0]!.event)})`);
        evidence.push(traced(`missing values of ${target.name}`, timely[0]!.event, { actual: 'measured', data: { columnsWithMissing: target.holes } }));
      } else if (covers.length > 0) {
        late.push(t(`${target.name} (${where(covers[0]!.event)}, après ${where(cleaning)})`, `${target.name} (${where(covers[0]!.event)}, after ${where(cleaning)})`));
        evidence.push(traced(`missing values of ${target.name}`, covers[0]!.event, { expected: 'before cleaning', actual: 'after cleaning', data: { cleaning: where(cleaning) } }));
      } else {
        missing.push(`${target.name} (${target.holes.join(', ')})`);
        evidence.push({ kind: 'trace', subject: `missing values of ${target.name}`, expected: 'measured', actual: null, data: { columnsWithMissing: target.holes, readAt: readsOf(target.name, facts.fileReads).map((r) => where(r)) } });
      }
    }
    const score = measured.length / targets.length;
    if (missing.length > 0) return { status: 'fail', score, message: 'notMeasured', params: { missing: missing.join('; ') }, evidence };
    if (late.length > 0) return { status: 'fail', score, message: 'late', params: { late: joinLocalized(late, '; ') }, evidence };
    return { status: 'pass', message: 'pass', params: { measured: measured.join('; ') }, evidence };
  },
});

function sqlMentions(event: TraceEvent, columns: string[]): boolean {
  const text = String((event as { statement?: string }).statement ?? (event as { origin?: { sql?: string } }).origin?.sql ?? '').toLowerCase();
  return columns.some((c) => text.includes(c.toLowerCase()));
}
