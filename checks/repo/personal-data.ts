import type { DataFrame } from 'nodejs-polars';
import { type CheckContext, defineCheck } from '../check.js';
import type { Evidence } from '../verdict.js';
import { type PersonalKind, personalValues } from './personal-data-formats.js';
import { writtenTables } from './personal-data-tables.js';

interface Options {
  /** Rows read per file or table: enough to find a column of e-mails, bounded for a 1 GB export. */
  maxRows: number;
  /** Masked examples kept per column. */
  examples: number;
}

/** The files the check reads: data a team commits or its pipeline writes. */
const DATA_FILE = /\.(?:csv|tsv|json|jsonl|xlsx|xlsm)$/i;
/** Configuration and tooling JSON, never data about people. */
const NOT_DATA = /(?:^|\/)(?:package(?:-lock)?\.json|tsconfig.*\.json|\.vscode\/.*|.*\.ipynb|requirements.*\.txt|.*\.lock)$/i;
const IN_MESSAGE = 8;

/** Counts of one kind of personal data in one column of one file or table. */
interface ColumnFinding {
  place: string;
  column: string;
  kind: PersonalKind;
  count: number;
  examples: string[];
}

export default defineCheck({
  meta: {
    id: 'repo/personal-data',
    title: { fr: 'Aucune donnée personnelle en clair', en: 'No personal data in clear' },
    // RGPD of each framework (CRITERIA.md, "personal data protected").
    criteria: ['cdp-data-ia:C2.1', 'dev-ia-ds:A1.1 C2', 'cdp-ia-aivancity:C3.1', 'cdp-ia:A2C2', 'cerf-ia:C5'],
    evidence: ['artifact', 'db'],
    options: {
      properties: {
        maxRows: { type: 'integer', minimum: 100, default: 20_000, description: 'rows read per file or table' },
        examples: { type: 'integer', minimum: 0, maximum: 5, default: 2, description: 'masked examples kept per column' },
      },
    },
    messages: {
      pass: {
        fr: "Aucune adresse e-mail, aucun numéro de téléphone, NIR ni IBAN en clair dans les {sources} fichiers de données et tables lus ({cells} cellules). Les colonnes pseudonymisées (empreintes, uuid, valeurs masquées) sont admises.",
        en: 'No e-mail address, phone number, NIR or IBAN in clear in the {sources} data files and tables read ({cells} cells). Pseudonymised columns (digests, uuids, masked values) are accepted.',
      },
      noData: {
        fr: "Aucun fichier de données (CSV, JSON, XLSX) ni table écrite par l'exécution (SQLite, PostgreSQL, MariaDB) à lire ({skipped} illisibles) : rien à vérifier.",
        en: "No data file (CSV, JSON, XLSX) nor table written by the run (SQLite, PostgreSQL, MariaDB) to read ({skipped} unreadable): nothing to check.",
      },
      found: {
        fr: "Données personnelles en clair : {places}. Attendu : des données pseudonymisées (empreinte SHA-256 salée, identifiant tiré au hasard) ou masquées, conformément au RGPD. Pseudonymisez ces colonnes avant de les versionner ou de les écrire, et retirez les originaux de l'historique git.",
        en: 'Personal data in clear: {places}. Expected: pseudonymised (salted SHA-256 digest, random identifier) or masked data, as the GDPR requires. Pseudonymise these columns before committing or writing them, and remove the originals from the git history.',
      },
    },
  },
  async run(ctx: CheckContext<Options>) {
    const { options, workspace, frames } = ctx;
    const findings: ColumnFinding[] = [];
    const read: string[] = [];
    const skipped: string[] = [];
    let cells = 0;
    const scenarioFiles = scenarioDatasetPaths(ctx);
    for (const path of workspace.list()) {
      if (!DATA_FILE.test(path) || NOT_DATA.test(path) || scenarioFiles.has(path)) continue;
      let frame: DataFrame;
      try {
        frame = (await frames.frame({ files: workspace, path })).head(options.maxRows);
      } catch {
        skipped.push(path); // not tabular (a JSON config), too large or refused: not data this check can read
        continue;
      }
      read.push(path);
      for (const column of frame.columns) {
        const values = frame.getColumn(column).toArray().map((value) => (value === null || value === undefined ? '' : String(value)));
        cells += values.length;
        findings.push(...scanColumn(path, column, values, options.examples));
      }
    }
    const { tables, unread } = await writtenTables(ctx.databases, options.maxRows);
    skipped.push(...unread);
    for (const table of tables) {
      read.push(table.place);
      for (const [column, values] of Object.entries(table.columns)) {
        cells += values.length;
        findings.push(...scanColumn(table.place, column, values, options.examples));
      }
    }

    const scanned: Evidence = {
      kind: 'artifact',
      subject: 'data files and tables',
      actual: findings.reduce((sum, f) => sum + f.count, 0),
      expected: 0,
      data: { read: read.slice(0, 50), sources: read.length, cells, skipped: skipped.length, ...(skipped.length ? { skippedFiles: skipped.slice(0, 20) } : {}) },
    };
    if (read.length === 0) return { status: 'skip', message: 'noData', params: { skipped: skipped.length }, evidence: [scanned] };
    if (findings.length === 0) return { status: 'pass', message: 'pass', params: { sources: read.length, cells }, evidence: [scanned] };
    const evidence: Evidence[] = findings.map((f) => ({
      kind: f.place.startsWith('table ') ? 'db' : 'artifact',
      subject: `${f.place}:${f.column}`,
      expected: 0,
      actual: f.count,
      data: { kind: f.kind, column: f.column, examples: f.examples },
    }));
    const places = findings.slice(0, IN_MESSAGE).map((f) => `${f.place}:${f.column} (${f.count} ${f.kind})`).join(', ') + (findings.length > IN_MESSAGE ? ', …' : '');
    return { status: 'fail', message: 'found', params: { places }, evidence: [...evidence, scanned] };
  },
});

function scanColumn(place: string, column: string, values: readonly string[], examples: number): ColumnFinding[] {
  const byKind = new Map<PersonalKind, ColumnFinding>();
  for (const value of values) {
    if (!value) continue;
    for (const match of personalValues(value, column)) {
      const finding = byKind.get(match.kind) ?? { place, column, kind: match.kind, count: 0, examples: [] };
      finding.count += 1;
      if (finding.examples.length < examples && !finding.examples.includes(match.masked)) finding.examples.push(match.masked);
      byKind.set(match.kind, finding);
    }
  }
  return [...byKind.values()];
}

/** The scenario's own datasets, where the team's mspr.yaml had them placed: the scenario's data, not the team's. */
function scenarioDatasetPaths(ctx: CheckContext<Options>): Set<string> {
  const dir = ctx.manifest?.datasetsDir?.replace(/^\.\/|\/$/g, '');
  if (!dir || !ctx.datasets) return new Set();
  return new Set(ctx.datasets.list().map((path) => `${dir}/${path}`));
}
