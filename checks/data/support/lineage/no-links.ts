import type { CheckContext, CheckOutcome } from '../../../check.js';
import type { Localized } from '../../../../runner/i18n.js';
import { dataFacts } from '../data-facts.js';

/** Message of every check comparing sources with tables when it has no source → table link to compare. */
export const NO_LINKS: Record<'noLinks', Localized> = {
  noLinks: {
    fr: 'Aucun lien entre un fichier source et une table : le scénario n’en donne pas et la trace n’en montre aucun (fichiers lus : {read} ; tables écrites : {written}). Attendu : des tables chargées à partir des fichiers sources (C1.9). Si le chargement passe par un outil que le traceur ne voit pas, donnez « mappings » dans le scénario.',
    en: 'No link between a source file and a table: the scenario gives none and the trace shows none (files read: {read}; tables written: {written}). Expected: tables loaded from the source files (C1.9). If the load goes through a tool the tracer does not see, give "mappings" in the scenario.',
  },
};

/** `fail` with what the trace did show: nothing was compared, and the criterion wants tables loaded from sources. */
export function noLinks(ctx: CheckContext<unknown>): CheckOutcome<'noLinks'> {
  const facts = dataFacts(ctx.trace);
  const read = [...new Set(facts.fileReads.map((r) => r.origin?.path ?? r.origin?.name ?? '?'))];
  const written = [...new Set([...facts.writes.flatMap((w) => (w.table ? [w.table] : [])), ...facts.sql.filter((s) => /^(INSERT|COPY)/i.test(s.verb ?? '')).flatMap((s) => s.tables?.slice(0, 1) ?? [])])];
  return {
    status: 'fail',
    message: 'noLinks',
    params: { read: read.join(', ') || '∅', written: written.join(', ') || '∅' },
    evidence: [{ kind: 'trace', subject: 'source → table links', expected: 'at least one', actual: 0, data: { filesRead: read, tablesWritten: written } }],
  };
}

/** Whether any file the code read had missing values (as the trace counted them when it read it). */
export function sourcesHaveHoles(ctx: CheckContext<unknown>): boolean {
  return dataFacts(ctx.trace).fileReads.some((read) => Object.values(read.output?.nulls ?? {}).some((n) => n > 0));
}
