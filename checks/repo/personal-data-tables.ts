import type { CheckEvidence } from '../../runner/evidence/check-evidence.js';

/** The text of one table the run wrote, column by column, as the check scans it. */
export interface TableText {
  place: string;
  columns: Record<string, string[]>;
}

/** Tables read per database: a warehouse, not a dump of a thousand partitions. */
const MAX_TABLES = 50;
/** Characters of one cell scanned: an e-mail or a NIR is short; a 10 MB text cell is not read whole. */
const MAX_CELL_CHARS = 4096;

/**
 * The tables the run wrote, through the inspectors the db/ checks use: the scenario's SQLite database when the run
 * wrote it (a committed file the run did not touch is the team's file, read as a data file if it is one), and the
 * run's PostgreSQL and MariaDB databases (created empty for the run: everything in them the pipeline loaded). The
 * first `maxRows` rows of each table; MongoDB collections are not read. Cells are the team's data: any type, turned
 * into bounded text, never trusted. A table that cannot be read is listed in `unread`.
 */
export async function writtenTables(databases: CheckEvidence['databases'], maxRows: number): Promise<{ tables: TableText[]; unread: string[] }> {
  const services = databases.services.filter((service) => service.kind !== 'mongodb');
  const tables: TableText[] = [];
  const unread: string[] = [];
  for (const service of services) {
    let db;
    try {
      db = await databases.open(service.id);
    } catch {
      continue; // no database after the run: db/reachable says so
    }
    if (service.kind === 'sqlite' && databases.pastRun?.()) continue;
    const prefix = services.length > 1 ? `${service.id}.` : '';
    for (const table of (await db.listTables()).slice(0, MAX_TABLES)) {
      const place = `table ${prefix}${table}`;
      let rows: Record<string, unknown>[];
      try {
        rows = await db.readRows(table, { limit: maxRows });
      } catch {
        unread.push(place); // a view over a dropped table, a type the driver refuses: said in the evidence
        continue;
      }
      const columns: Record<string, string[]> = {};
      for (const row of rows.slice(0, maxRows)) for (const [column, value] of Object.entries(row)) (columns[column] ??= []).push(cellText(value));
      tables.push({ place, columns });
    }
  }
  return { tables, unread };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (Buffer.isBuffer(value)) text = value.subarray(0, MAX_CELL_CHARS).toString('utf8');
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else if (typeof value === 'object') text = safeJson(value);
  else text = String(value);
  return text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text;
}

/** A JSON column (PostgreSQL `json`/`jsonb`) as its text; a value JSON cannot write is no personal data to find. */
function safeJson(value: object): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
