import { MsprError } from '../../runner/errors.js';
import type { CheckEvidence } from '../../runner/evidence/check-evidence.js';
import { defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';

interface Mapping {
  source: string;
  table: string;
}
interface Options {
  service?: string;
  mappings: Mapping[];
}

export default defineCheck<Options>({
  meta: {
    id: 'db/rows-match-source',
    title: { fr: 'Lignes chargées = lignes de la source', en: 'Rows loaded = rows in the source' },
    criteria: ['cdp-data-ia:C1.9'],
    evidence: ['db', 'artifact'],
    options: {
      required: ['mappings'],
      properties: {
        service: { type: 'string', description: 'service id of the database (default: the first one, or a SQLite file found in the workspace)' },
        mappings: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['source', 'table'],
            properties: {
              source: { type: 'string', pattern: '\\.(csv|xlsx|xlsm|json|jsonl|ndjson)$', description: 'CSV, XLSX or JSON file, relative to the repository or the datasets folder' },
              table: { type: 'string', minLength: 1 },
            },
          },
        },
      },
    },
    messages: {
      pass: { fr: 'Chaque table a autant de lignes que sa source : {summary}.', en: 'Every table has as many rows as its source: {summary}.' },
      mismatch: {
        fr: 'Nombre de lignes différent : {summary}. Attendu : autant de lignes dans la table que dans le fichier source (C1.9). Vérifiez le chargement (to_sql, if_exists, contraintes, lots perdus).',
        en: 'Row counts differ: {summary}. Expected: as many rows in the table as in the source file (C1.9). Check the load (to_sql, if_exists, constraints, lost chunks).',
      },
    },
  },
  async run({ options, databases, frames, workspace, datasets }) {
    const db = await databases.open(options.service);
    const tables = await db.listTables();
    const evidence: Evidence[] = [];
    const problems: string[] = [];
    const matches: string[] = [];

    for (const mapping of options.mappings) {
      const sourcePath = resolveSource(mapping.source, { workspace, datasets });
      const source = await frames.summary(sourcePath, mapping.source);
      const table = tables.find((name) => name.toLowerCase() === mapping.table.toLowerCase());
      if (!table) {
        problems.push(`${mapping.table}: table absente / missing table (${db.label}: ${tables.join(', ') || '∅'})`);
        evidence.push({ kind: 'db', subject: `table ${mapping.table}`, expected: source.rows, actual: null, data: { source: mapping.source, tablesFound: tables } });
        continue;
      }
      const rows = await db.countRows(table);
      const line = `${table} ${rows} / ${mapping.source} ${source.rows}`;
      evidence.push({ kind: 'db', subject: `table ${table}`, expected: source.rows, actual: rows, data: { source: mapping.source, database: db.label, difference: rows - source.rows } });
      if (rows === source.rows) matches.push(line);
      else problems.push(`${line} (${rows < source.rows ? `${source.rows - rows} missing / manquantes` : `${rows - source.rows} extra / en trop`})`);
    }

    const score = matches.length / options.mappings.length;
    if (problems.length > 0) return { status: 'fail', score, message: 'mismatch', params: { summary: problems.join('; ') }, evidence };
    return { status: 'pass', message: 'pass', params: { summary: matches.join('; ') }, evidence };
  },
});

/** A source path names the candidate's copy first (what their code read), then the scenario's dataset. */
function resolveSource(path: string, where: Pick<CheckEvidence, 'workspace' | 'datasets'>): string {
  if (where.workspace.exists(path)) return where.workspace.resolve(path);
  if (where.datasets?.exists(path)) return where.datasets.resolve(path);
  throw new MsprError(
    'MSPR_DATA_UNREADABLE',
    { fr: `Fichier source introuvable : ${path} (ni dans le dépôt ni dans les jeux de données).`, en: `Source file not found: ${path} (neither in the repository nor in the datasets).` },
    { hint: { fr: 'Vérifiez le chemin « source » dans le scénario.', en: 'Check the "source" path in the scenario.' } },
  );
}
