import type { StatsEvent } from '../../runner/tracer/data-event-types.js';
import { byLang, joinLocalized, type Localized } from '../../runner/i18n.js';
import { defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { factsOrSkip, NO_TRACE, traced, where } from '../support/trace-support.js';
import { dataFacts } from '../data/support/data-facts.js';

type Part = 'mean' | 'median' | 'quartiles' | 'frequencies';

const LABELS: Record<Part, string> = { mean: 'mean / moyenne', median: 'median / médiane', quartiles: 'quartiles', frequencies: 'frequencies of modalities / fréquences des modalités' };
/** The same parts, as message words. */
const NAMES: Record<Part, Localized> = {
  mean: { fr: 'moyenne', en: 'mean' },
  median: { fr: 'médiane', en: 'median' },
  quartiles: { fr: 'quartiles', en: 'quartiles' },
  frequencies: { fr: 'fréquences des modalités', en: 'frequencies of modalities' },
};

export default defineCheck({
  meta: {
    id: 'analysis/descriptive-stats',
    title: { fr: 'Statistiques descriptives', en: 'Descriptive statistics' },
    criteria: ['cdp-data-ia:C2.3'],
    evidence: ['trace'],
    options: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      ...NO_TRACE,
      pass: { fr: 'Statistiques calculées : {found}.', en: 'Statistics computed: {found}.' },
      fail: {
        fr: 'Statistiques manquantes : {missing} (calculées : {found}). Attendu : moyenne, médiane et quartiles des variables quantitatives (describe(), quantile([.25, .5, .75])) et fréquence de chaque modalité des variables qualitatives (value_counts()), C2.3.',
        en: 'Statistics missing: {missing} (computed: {found}). Expected: mean, median and quartiles of quantitative variables (describe(), quantile([.25, .5, .75])) and the frequency of each modality of qualitative variables (value_counts()), C2.3.',
      },
    },
  },
  run(ctx) {
    const got = factsOrSkip(ctx, dataFacts);
    if ('skip' in got) return got.skip;
    const { facts } = got;
    const numericColumns = new Set<string>();
    for (const read of [...facts.fileReads, ...facts.sqlReads]) for (const [column, dtype] of Object.entries(read.output?.dtypes ?? {})) if (/int|float/.test(dtype)) numericColumns.add(column);
    const found = new Map<Part, StatsEvent>();
    const mark = (part: Part, event: StatsEvent) => !found.has(part) && found.set(part, event);
    for (const event of facts.stats) {
      const columns = event.input?.columns ?? [];
      if (event.function === 'describe') {
        const rows = event.rows ?? [];
        if (rows.includes('mean')) mark('mean', event);
        if (rows.includes('50%')) mark('median', event);
        if (rows.includes('25%') && rows.includes('75%')) mark('quartiles', event);
      } else if (event.function === 'mean') mark('mean', event);
      else if (event.function === 'median') mark('median', event);
      else if (event.function === 'quantile' && quartiles(event.options?.q)) mark('quartiles', event);
      else if ((event.function === 'value_counts' || event.function === 'crosstab') && !(columns.length === 1 && numericColumns.has(columns[0]!) && (event.modalities ?? 0) > 50)) mark('frequencies', event);
      if (event.function === 'quantile' && quartiles(event.options?.q) && hasMedian(event.options?.q)) mark('median', event);
    }
    const parts = Object.keys(LABELS) as Part[];
    const evidence: Evidence[] = parts.map((part) => {
      const event = found.get(part);
      return event ? traced(LABELS[part], event, { actual: event.function, data: { columns: event.input?.columns?.slice(0, 10) ?? null } }) : { kind: 'trace', subject: LABELS[part], expected: 'computed', actual: null };
    });
    const computed = joinLocalized(
      parts.filter((p) => found.has(p)).map((p) => byLang((lang) => `${NAMES[p][lang]} (${found.get(p)!.function} ${where(found.get(p))})`)),
      '; ',
    );
    const missing = joinLocalized(parts.filter((p) => !found.has(p)).map((p) => NAMES[p]));
    if (found.size < parts.length) return { status: 'fail', score: found.size / parts.length, message: 'fail', params: { missing, found: computed }, evidence };
    return { status: 'pass', message: 'pass', params: { found: computed }, evidence };
  },
});

function quartiles(q: unknown): boolean {
  const values = [q].flat().map(Number);
  return values.includes(0.25) && values.includes(0.75);
}

function hasMedian(q: unknown): boolean {
  return [q].flat().map(Number).includes(0.5);
}
