import { basename } from 'node:path';
import type { CombineEvent, DataReadEvent } from '../../runner/tracer/data-event-types.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { sourcesToCheck } from './support/source-list.js';
import { sourceColumns, sourceOfFrame, type SourceColumns } from './support/frame-lineage.js';
import { byRenamedColumns, followedSources } from './support/lineage/frame-sources.js';
import type { TraceIndex } from '../../runner/tracer/trace-index.js';
import { readsOf } from './support/source-files.js';
import { factsOrSkip, NO_TRACE, traced, where } from '../support/trace-support.js';
import { dataFacts } from './support/data-facts.js';

interface Options {
  sources?: string[];
  requireCombination: boolean;
}

export default defineCheck({
  meta: {
    id: 'data/sources-read',
    title: { fr: 'Sources CSV/XLSX/JSON lues et agrégées', en: 'CSV/XLSX/JSON sources read and combined' },
    criteria: ['cdp-data-ia:C1.7', 'dev-ia-ds:A1.1 C2', 'cdp-ia-aivancity:C1.2'],
    evidence: ['trace'],
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        sources: { type: 'array', items: { type: 'string' }, description: 'source files that must be read (default: every CSV/XLSX/JSON dataset of the scenario)' },
        requireCombination: { type: 'boolean', default: true, description: 'at least two sources must be combined (merge, join, concat)' },
      },
    },
    messages: {
      ...NO_TRACE,
      pass: { fr: 'Sources lues : {read}. Agrégation : {combined}.', en: 'Sources read: {read}. Combined: {combined}.' },
      passOwnData: { fr: 'Sources lues (les fichiers de l’équipe, vus dans la trace) : {read}. Agrégation : {combined}.', en: 'Sources read (the team’s own files, seen in the trace): {read}. Combined: {combined}.' },
      noSources: {
        fr: 'Le code n’a lu aucun fichier de données (CSV, XLSX, JSON) et le scénario n’en fournit pas. Attendu : les sources choisies sont lues (read_csv, read_excel, read_json…) puis agrégées (C1.7).',
        en: 'The code read no data file (CSV, XLSX, JSON) and the scenario provides none. Expected: the chosen sources are read (read_csv, read_excel, read_json…) then combined (C1.7).',
      },
      notRead: {
        fr: 'Fichiers fournis jamais lus par le code : {missing} (lues : {read}). Attendu : chaque fichier fourni (CSV, XLSX, JSON) est lu et alimente la base (C1.7). Lisez-les avec pandas (read_csv, read_excel, read_json).',
        en: 'Provided files never read by the code: {missing} (read: {read}). Expected: every file provided (CSV, XLSX, JSON) is read and feeds the database (C1.7). Read them with pandas (read_csv, read_excel, read_json).',
      },
      notCombined: {
        fr: "Sources lues ({read}) mais jamais agrégées : aucun merge/join/concat ne réunit deux sources. Attendu : les données sont agrégées en tenant compte de leur granularité (C1.7), par exemple ventes ⨝ produits sur id_produit.",
        en: 'Sources read ({read}) but never combined: no merge/join/concat brings two sources together. Expected: the data is combined with respect to its granularity (C1.7), e.g. sales ⨝ products on id_produit.',
      },
      granularity: {
        fr: "Agrégation qui multiplie les lignes ({explosion}) : les granularités ne sont pas alignées. Agrégez d'abord la source la plus fine (groupby) ou joignez sur une clé unique côté catalogue.",
        en: 'A combination multiplies rows ({explosion}): granularities are not aligned. Aggregate the finer source first (groupby) or join on a key that is unique on the lookup side.',
      },
    },
  },
  run(ctx: CheckContext<Options>) {
    const got = factsOrSkip(ctx, dataFacts);
    if ('skip' in got) return got.skip;
    const { facts } = got;
    const { sources: listed, fromTrace } = sourcesToCheck(ctx, facts);
    if (listed.length === 0) return { status: 'fail', message: 'noSources', evidence: [{ kind: 'trace', subject: 'files read', expected: 'at least one', actual: 0 }] };
    const wanted = listed.map((s) => basename(s));
    const evidence: Evidence[] = [];
    const readNames: string[] = [];
    const missing: string[] = [];
    for (const source of wanted) {
      const reads = readsOf(source, facts.fileReads);
      if (reads.length === 0) missing.push(source);
      else readNames.push(source);
      evidence.push(reads[0] ? traced(`read ${source}`, reads[0], { actual: reads[0].output?.rows ?? null, data: { function: reads[0].function, columns: reads[0].output?.cols ?? null } }) : { kind: 'trace', subject: `read ${source}`, expected: 'read', actual: null });
    }
    const others = facts.fileReads.map((r) => r.origin?.name ?? '?').filter((n) => !wanted.includes(n));
    const read = [...readNames, ...new Set(others)].join(', ') || '∅';
    if (missing.length > 0) return { status: 'fail', score: readNames.length / Math.max(wanted.length, 1), message: 'notRead', params: { missing: missing.join(', '), read }, evidence };

    const sources = sourceColumns(facts.fileReads);
    const combinations = facts.combines.filter((c) => c.function !== 'groupby' && c.function !== 'pivot_table').map((c) => ({ event: c, from: combinedSources(c, sources, facts.combines, facts.fileReads, ctx.trace) })).filter((c) => c.from.length >= 2);
    for (const { event, from } of combinations) evidence.push(traced(event.function, event, { actual: from.join(' + '), data: { keys: event.keys ?? null, rows: event.output?.rows ?? null, inputs: event.inputs?.map((i) => i.rows ?? null) } }));
    const combined = combinations.map(({ event, from }) => `${event.function}(${from.join(', ')}) ${where(event)}`).join('; ') || '—';
    if (ctx.options.requireCombination && combinations.length === 0) return { status: 'fail', score: 0.5, message: 'notCombined', params: { read }, evidence };
    const explosions = combinations.filter(({ event }) => event.function !== 'concat' && (event.output?.rows ?? 0) > Math.max(...(event.inputs ?? []).map((i) => i.rows ?? 0)));
    if (explosions.length > 0) {
      const explosion = explosions.map(({ event }) => `${event.function} ${where(event)}: ${event.inputs?.map((i) => i.rows).join(' × ')} → ${event.output?.rows}`).join('; ');
      return { status: 'warn', message: 'granularity', params: { explosion }, evidence };
    }
    return { status: 'pass', message: fromTrace ? 'passOwnData' : 'pass', params: { read, combined }, evidence };
  },
});

/**
 * Sources behind the inputs of a combination: a frame as read (same object), else an aggregated frame
 * (few columns, holding the keys of a groupby made on a source) counts for that source, else the source
 * sharing most of its columns.
 */
function combinedSources(event: CombineEvent, sources: SourceColumns[], all: CombineEvent[], reads: DataReadEvent[], trace: TraceIndex): string[] {
  const found = new Set<string>();
  for (const input of event.inputs ?? []) {
    const asRead = reads.find((r) => r.output?.obj !== undefined && r.output.obj === input.obj && r.pid === event.pid);
    if (asRead) {
      found.add(asRead.origin?.name ?? '?');
      continue;
    }
    // Renamed, cleaned or reduced to a few columns on the way: the frames it derives from say which source it is.
    const derived = followedSources(trace, event, input);
    if (derived.length > 0) {
      for (const name of derived) found.add(name);
      continue;
    }
    const columns = new Set(input.columns ?? []);
    const grouped = all
      .filter((g) => g.function === 'groupby' || g.function === 'pivot_table')
      .filter((g) => {
        const keys = [g.keys?.by ?? g.keys?.index].flat().filter((k): k is string => typeof k === 'string');
        return keys.length > 0 && keys.every((k) => columns.has(k));
      })
      .map((g) => sourceOfFrame(g.inputs?.[0], sources))
      .filter((name): name is string => name !== undefined);
    const direct = sourceOfFrame(input, sources) ?? byRenamedColumns(trace, input)[0];
    for (const name of grouped.length > 0 && (input.columns?.length ?? 0) <= 4 ? grouped : direct ? [direct] : []) found.add(name);
  }
  return [...found];
}
