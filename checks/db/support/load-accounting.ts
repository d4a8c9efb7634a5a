import type { DataWriteEvent, RowsDroppedEvent, SqlEvent } from '../../../runner/tracer/data-event-types.js';
import type { DataFacts } from '../../data/support/data-facts.js';
import { sourceOfFrame } from '../../data/support/frame-lineage.js';

/** What the trace says about how a source reached its table: rows dropped on purpose, rows sent, failed loads. */
export interface LoadAccount {
  /** Explicit removals (dropna, drop_duplicates, filters…) on frames derived from the source. */
  drops: RowsDroppedEvent[];
  dropped: number;
  /** Rows the successful writes sent to the table (replace resets, append adds); null when no write was traced. */
  sent: number | null;
  writes: Array<DataWriteEvent | SqlEvent>;
  /** Writes that raised (an IntegrityError on append, a chunk refused…). */
  failed: Array<DataWriteEvent | SqlEvent>;
}

/** Accounts for one `source → table` load from the trace. */
export function accountLoad(facts: DataFacts, source: string, table: string): LoadAccount {
  const sources = facts.fileReads.map((r) => ({ name: r.origin?.name ?? '?', columns: r.output?.columns ?? [] }));
  const drops = facts.drops.filter((d) => (d.removed ?? 0) > 0 && sourceOfFrame(d.input, sources) === source);
  const same = (name: string | undefined) => (name ?? '').toLowerCase() === table.toLowerCase();
  const writes: Array<DataWriteEvent | SqlEvent> = [
    ...facts.writes.filter((w) => w.function === 'to_sql' && same(w.table)),
    ...facts.sql.filter((s) => s.verb === 'INSERT' && (s.tables ?? []).some(same)),
  ].sort((a, b) => a.ts - b.ts || a.seq - b.seq);
  let sent: number | null = null;
  const failed: Array<DataWriteEvent | SqlEvent> = [];
  for (const write of writes) {
    if (write.error) {
      failed.push(write);
      continue;
    }
    const rows = write.type === 'data_write' ? ((write as DataWriteEvent).input?.rows ?? 0) : ((write as SqlEvent).params_rows ?? (write as SqlEvent).rowcount ?? 1);
    const append = write.type === 'sql' || (write as DataWriteEvent).if_exists === 'append';
    sent = append ? (sent ?? 0) + rows : rows;
  }
  return { drops, dropped: drops.reduce((n, d) => n + (d.removed ?? 0), 0), sent, writes, failed };
}
