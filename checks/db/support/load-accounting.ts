import type { DataWriteEvent, RowsDroppedEvent, SqlEvent } from '../../../runner/tracer/data-event-types.js';
import type { DataFacts } from '../../data/support/data-facts.js';
import { sourceColumns, sourceOfFrame } from '../../data/support/frame-lineage.js';

/** What the trace says about how a source reached its table: rows dropped on purpose, rows sent, failed loads. */
export interface LoadAccount {
  /** Explicit removals (dropna, drop_duplicates, filters…) on frames derived from the source. */
  drops: RowsDroppedEvent[];
  dropped: number;
  /**
   * Rows the successful writes sent to the table (replace resets, append adds); null when no write was traced,
   * or when the count is unknown because the tracer stopped recording a write site (see `incomplete`).
   */
  sent: number | null;
  writes: Array<DataWriteEvent | SqlEvent>;
  /** Writes that raised (an IntegrityError on append, a chunk refused…). */
  failed: Array<DataWriteEvent | SqlEvent>;
  /**
   * `truncated` statements from the sites of the table's INSERTs: a row-by-row loop went over the tracer's
   * per-line budget, so the statements after them were sent but not recorded and `sent` is unknown (null).
   */
  incomplete: SqlEvent[];
}

/**
 * Accounts for one `source → table` load from the trace. `pathDrops`: the removals on the frames between the
 * source and the table (lineage/table-links.ts), when the trace shows that way: a subset only looked at
 * (`recent = df[mask]`) is then no drop. Without it, any removal on a frame holding the source's columns counts.
 */
export function accountLoad(facts: DataFacts, source: string, table: string, pathDrops?: RowsDroppedEvent[]): LoadAccount {
  const sources = sourceColumns(facts.fileReads);
  const drops = pathDrops ?? facts.drops.filter((d) => (d.removed ?? 0) > 0 && sourceOfFrame(d.input, sources) === source);
  const same = (name: string | undefined) => (name ?? '').toLowerCase() === table.toLowerCase();
  const inserts = facts.sql.filter((s) => s.verb === 'INSERT' && (s.tables ?? []).some(same));
  const writes: Array<DataWriteEvent | SqlEvent> = [...facts.writes.filter((w) => w.function === 'to_sql' && same(w.table)), ...inserts].sort(byTime);
  // Any statement of a write site counts: a helper executing every statement is one site for all tables.
  const sites = new Set(inserts.map(siteKey));
  const incomplete = facts.sql.filter((s) => s.truncated && sites.has(siteKey(s)));
  let sent: number | null = null;
  // Since the last replace, some statements were sent but not recorded.
  let unrecorded = false;
  const failed: Array<DataWriteEvent | SqlEvent> = [];
  const isWrite = new Set(writes);
  for (const event of [...new Set([...writes, ...incomplete])].sort(byTime)) {
    if (isWrite.has(event) && event.error) failed.push(event);
    else if (isWrite.has(event)) {
      const rows = event.type === 'data_write' ? ((event as DataWriteEvent).input?.rows ?? 0) : ((event as SqlEvent).params_rows ?? (event as SqlEvent).rowcount ?? 1);
      const append = event.type === 'sql' || (event as DataWriteEvent).if_exists === 'append';
      sent = append ? (sent ?? 0) + rows : rows;
      if (!append) unrecorded = false;
    }
    if (event.truncated) unrecorded = true;
  }
  return { drops, dropped: drops.reduce((n, d) => n + (d.removed ?? 0), 0), sent: unrecorded ? null : sent, writes, failed, incomplete };
}

function byTime(a: DataWriteEvent | SqlEvent, b: DataWriteEvent | SqlEvent): number {
  return a.ts - b.ts || a.seq - b.seq;
}

function siteKey(event: SqlEvent): string {
  return `${event.site?.file ?? ''}:${event.site?.line ?? ''}:${event.site?.cell ?? ''}`;
}
