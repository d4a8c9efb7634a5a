import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { dataFacts } from '../data/support/data-facts.js';
import { findTable, MAPPINGS_SCHEMA, type Mapping, readsOf, sourceSummary } from '../data/support/source-files.js';
import { accountLoad } from './support/load-accounting.js';
import { inferredLinksEvidence } from '../data/support/lineage/link-evidence.js';
import { NO_LINKS, noLinks } from '../data/support/lineage/no-links.js';
import { sourceMappings } from '../data/support/lineage/source-mappings.js';
import { NO_TRACE } from '../support/trace-support.js';
import { databaseOrOutcome, NO_DATABASE } from './support/open-database.js';
import { traced, where } from '../support/trace-support.js';

interface Options {
  service?: string;
  mappings?: Mapping[];
  allowReportedDrops: boolean;
}

export default defineCheck({
  meta: {
    id: 'db/rows-match-source',
    title: { fr: 'Lignes chargées = lignes de la source', en: 'Rows loaded = rows in the source' },
    criteria: ['cdp-data-ia:C1.9'],
    evidence: ['db', 'artifact'],
    options: {
      properties: {
        service: { type: 'string', description: 'service id of the database (default: the first one, or a SQLite file found in the workspace)' },
        mappings: { ...MAPPINGS_SCHEMA, description: 'source → table pairs (default: the links the trace shows between the files read and the tables written)' },
        allowReportedDrops: { type: 'boolean', default: true, description: 'accept fewer rows when the trace shows the cleaning dropped exactly those rows' },
      },
    },
    messages: {
      ...NO_TRACE,
      ...NO_DATABASE,
      ...NO_LINKS,
      pass: { fr: 'Chaque table a autant de lignes que sa source : {summary}.', en: 'Every table has as many rows as its source: {summary}.' },
      mismatch: {
        fr: 'Nombre de lignes différent : {summary}. Attendu : autant de lignes dans la table que dans le fichier source (C1.9). Vérifiez le chargement (to_sql, if_exists, contraintes, lots perdus).',
        en: 'Row counts differ: {summary}. Expected: as many rows in the table as in the source file (C1.9). Check the load (to_sql, if_exists, constraints, lost chunks).',
      },
      passDropped: {
        fr: 'Chaque table a autant de lignes que sa source nettoyée : {summary}.',
        en: 'Every table has as many rows as its cleaned source: {summary}.',
      },
      filtered: {
        fr: 'Lignes retirées avant le chargement : {summary}. Le code n’a envoyé à la table qu’une partie des lignes de la source, sans étape de nettoyage tracée (dropna, filtre pandas) qui l’explique : un filtre pendant la lecture (module csv, compréhension de liste avant executemany) ? Chargez toutes les lignes, ou faites ce nettoyage avec pandas et justifiez-le (C1.9).',
        en: 'Rows removed before loading: {summary}. The code sent the table only part of the source’s rows, with no traced cleaning step (dropna, a pandas filter) to account for it: a filter while reading (the csv module, a list comprehension before executemany)? Load every row, or do that cleaning with pandas and justify it (C1.9).',
      },
      lost: {
        fr: 'Lignes perdues au chargement : {summary}. Le code a envoyé plus de lignes que la table n’en contient (contrainte d’unicité, lot refusé puis ignoré…). Ne masquez pas les erreurs de chargement ; comparez les comptes après chaque chargement (C1.9).',
        en: 'Rows lost on load: {summary}. The code sent more rows than the table holds (unique constraint, a chunk refused then ignored…). Do not hide load errors; compare the counts after each load (C1.9).',
      },
    },
  },
  async run(ctx: CheckContext<Options>) {
    const { options, frames, workspace, datasets, trace } = ctx;
    if (!options.mappings?.length && !trace.available) return { status: 'fail', message: 'noTrace' };
    // Only sources whose rows the table holds: a catalogue merged in (lookup) or a table of groups has other rows.
    const all = await sourceMappings(ctx, options.mappings, options.service);
    const mappings = all.filter((m) => m.role === 'rows' && !m.aggregated);
    if (mappings.length === 0) return noLinks(ctx);
    const opened = await databaseOrOutcome(ctx, options.service);
    if ('outcome' in opened) return opened.outcome;
    const db = opened.db;
    const tables = await db.listTables();
    const facts = trace.available && options.allowReportedDrops ? dataFacts(trace) : undefined;
    const evidence: Evidence[] = inferredLinksEvidence(all);
    const problems: Localized[] = [];
    const lost: Localized[] = [];
    const filtered: string[] = [];
    const matches: Array<Localized | string> = [];
    let explained = false;

    for (const mapping of mappings) {
      const source = await sourceSummary(mapping.source, { workspace, datasets, frames, trace });
      const table = findTable(tables, mapping.table);
      if (!table) {
        const found = `${db.label}: ${tables.join(', ') || '∅'}`;
        problems.push(t(`${mapping.table} : table absente (${found})`, `${mapping.table}: missing table (${found})`));
        evidence.push({ kind: 'db', subject: `table ${mapping.table}`, expected: source.rows, actual: null, data: { source: mapping.source, tablesFound: tables } });
        continue;
      }
      const rows = await db.countRows(table);
      const line = `${table} ${rows} / ${mapping.source} ${source.rows}`;
      evidence.push({ kind: 'db', subject: `table ${table}`, expected: source.rows, actual: rows, data: { source: mapping.source, database: db.label, difference: rows - source.rows, ...(source.reading ? { readAs: source.reading } : {}) } });
      if (rows === source.rows) {
        matches.push(line);
        continue;
      }
      const account = facts ? accountLoad(facts, mapping.source.split('/').pop()!, table, mapping.drops) : undefined;
      if (account && ((account.sent !== null && rows < account.sent) || (account.failed.length > 0 && rows < source.rows - account.dropped))) {
        const failures = account.failed.map((w) => `${w.error?.split(':')[0]} ${where(w)}`).join(', ');
        const sent = Math.max(account.sent ?? 0, source.rows - account.dropped);
        lost.push(
          t(
            `${table} ${rows} / ${sent} envoyées (${sent - rows} perdues${failures ? ` ; en échec : ${failures}` : ''})`,
            `${table} ${rows} / ${sent} sent (${sent - rows} lost${failures ? `; failed: ${failures}` : ''})`,
          ),
        );
        for (const write of [...account.writes.filter((w) => !w.error).slice(-1), ...account.failed]) evidence.push(traced(`load ${table}`, write, { expected: sent, actual: rows, data: { error: write.error ?? null } }));
        continue;
      }
      if (account && account.dropped > 0 && rows === source.rows - account.dropped && (account.sent === null || account.sent === rows)) {
        explained = true;
        const drops = account.drops.map((d) => `${d.function} ${d.removed} ${where(d)}`).join(', ');
        matches.push(t(`${line} − ${account.dropped} supprimées volontairement (${drops})`, `${line} − ${account.dropped} dropped on purpose (${drops})`));
        for (const drop of account.drops) evidence.push(traced(`dropped from ${mapping.source}`, drop, { actual: drop.removed ?? null, data: { function: drop.function, before: drop.rows_before, after: drop.rows_after } }));
        continue;
      }
      if (account && account.sent !== null && account.sent === rows && rows < source.rows - account.dropped) {
        // Every row sent arrived, but fewer were sent than the source holds and no traced drop says why.
        const removed = source.rows - account.dropped - rows;
        const read = readsOf(mapping.source, facts!.fileReads)[0];
        const write = account.writes.filter((w) => !w.error).slice(-1)[0];
        filtered.push(`${line} (−${removed}${read ? `, ${read.function} ${where(read)}` : ''}${write ? ` → ${where(write)}` : ''})`);
        if (read) evidence.push(traced(`read ${mapping.source}`, read, { actual: read.function, data: { rowsInSource: source.rows } }));
        if (write) evidence.push(traced(`load ${table}`, write, { expected: source.rows - account.dropped, actual: rows, data: { removedBeforeLoad: removed, tracedDrops: account.dropped } }));
        continue;
      }
      problems.push(rows < source.rows ? t(`${line} (${source.rows - rows} manquantes)`, `${line} (${source.rows - rows} missing)`) : t(`${line} (${rows - source.rows} en trop)`, `${line} (${rows - source.rows} extra)`));
    }

    const score = matches.length / mappings.length;
    if (lost.length > 0) return { status: 'fail', score, message: 'lost', params: { summary: joinLocalized([...lost, ...problems], '; ') }, evidence };
    if (filtered.length > 0) return { status: 'fail', score, message: 'filtered', params: { summary: joinLocalized([...filtered, ...problems], '; ') }, evidence };
    if (problems.length > 0) return { status: 'fail', score, message: 'mismatch', params: { summary: joinLocalized(problems, '; ') }, evidence };
    return { status: 'pass', message: explained ? 'passDropped' : 'pass', params: { summary: joinLocalized(matches, '; ') }, evidence };
  },
});

