import { joinLocalized, type Localized, t } from '../../runner/i18n.js';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { dataFacts } from '../data/support/data-facts.js';
import { findTable, MAPPINGS_SCHEMA, type Mapping, sourceSummary } from '../data/support/source-files.js';
import { accountLoad } from './support/load-accounting.js';
import { traced, where } from '../support/trace-support.js';

interface Options {
  service?: string;
  mappings: Mapping[];
  allowReportedDrops: boolean;
}

export default defineCheck({
  meta: {
    id: 'db/rows-match-source',
    title: { fr: 'Lignes chargées = lignes de la source', en: 'Rows loaded = rows in the source' },
    criteria: ['cdp-data-ia:C1.9'],
    evidence: ['db', 'artifact'],
    options: {
      required: ['mappings'],
      properties: {
        service: { type: 'string', description: 'service id of the database (default: the first one, or a SQLite file found in the workspace)' },
        mappings: MAPPINGS_SCHEMA,
        allowReportedDrops: { type: 'boolean', default: true, description: 'accept fewer rows when the trace shows the cleaning dropped exactly those rows' },
      },
    },
    messages: {
      pass: { fr: 'Chaque table a autant de lignes que sa source : {summary}.', en: 'Every table has as many rows as its source: {summary}.' },
      mismatch: {
        fr: 'Nombre de lignes différent : {summary}. Attendu : autant de lignes dans la table que dans le fichier source (C1.9). Vérifiez le chargement (to_sql, if_exists, contraintes, lots perdus).',
        en: 'Row counts differ: {summary}. Expected: as many rows in the table as in the source file (C1.9). Check the load (to_sql, if_exists, constraints, lost chunks).',
      },
      passDropped: {
        fr: 'Chaque table a autant de lignes que sa source nettoyée : {summary}.',
        en: 'Every table has as many rows as its cleaned source: {summary}.',
      },
      lost: {
        fr: 'Lignes perdues au chargement : {summary}. Le code a envoyé plus de lignes que la table n’en contient (contrainte d’unicité, lot refusé puis ignoré…). Ne masquez pas les erreurs de chargement ; comparez les comptes après chaque chargement (C1.9).',
        en: 'Rows lost on load: {summary}. The code sent more rows than the table holds (unique constraint, a chunk refused then ignored…). Do not hide load errors; compare the counts after each load (C1.9).',
      },
    },
  },
  async run({ options, databases, frames, workspace, datasets, trace }: CheckContext<Options>) {
    const db = await databases.open(options.service);
    const tables = await db.listTables();
    const facts = trace.available && options.allowReportedDrops ? dataFacts(trace) : undefined;
    const evidence: Evidence[] = [];
    const problems: Localized[] = [];
    const lost: Localized[] = [];
    const matches: Array<Localized | string> = [];
    let explained = false;

    for (const mapping of options.mappings) {
      const source = await sourceSummary(mapping.source, { workspace, datasets, frames });
      const table = findTable(tables, mapping.table);
      if (!table) {
        const found = `${db.label}: ${tables.join(', ') || '∅'}`;
        problems.push(t(`${mapping.table} : table absente (${found})`, `${mapping.table}: missing table (${found})`));
        evidence.push({ kind: 'db', subject: `table ${mapping.table}`, expected: source.rows, actual: null, data: { source: mapping.source, tablesFound: tables } });
        continue;
      }
      const rows = await db.countRows(table);
      const line = `${table} ${rows} / ${mapping.source} ${source.rows}`;
      evidence.push({ kind: 'db', subject: `table ${table}`, expected: source.rows, actual: rows, data: { source: mapping.source, database: db.label, difference: rows - source.rows } });
      if (rows === source.rows) {
        matches.push(line);
        continue;
      }
      const account = facts ? accountLoad(facts, mapping.source.split('/').pop()!, table) : undefined;
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
      problems.push(rows < source.rows ? t(`${line} (${source.rows - rows} manquantes)`, `${line} (${source.rows - rows} missing)`) : t(`${line} (${rows - source.rows} en trop)`, `${line} (${rows - source.rows} extra)`));
    }

    const score = matches.length / options.mappings.length;
    if (lost.length > 0) return { status: 'fail', score, message: 'lost', params: { summary: joinLocalized([...lost, ...problems], '; ') }, evidence };
    if (problems.length > 0) return { status: 'fail', score, message: 'mismatch', params: { summary: joinLocalized(problems, '; ') }, evidence };
    return { status: 'pass', message: explained ? 'passDropped' : 'pass', params: { summary: joinLocalized(matches, '; ') }, evidence };
  },
});

