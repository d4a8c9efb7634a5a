import type { DataReadEvent, DataWriteEvent, MongoEvent, RowsDroppedEvent, SqlEvent } from '../../../../runner/tracer/data-event-types.js';
import type { TraceEvent } from '../../../../runner/tracer/trace-event.js';
import type { TraceIndex } from '../../../../runner/tracer/trace-index.js';
import { before, dataFacts } from '../data-facts.js';
import { findColumn, normalizeColumn } from './column-names.js';
import { columnsAlong, namesOf, renamesSeen } from './columns-along.js';
import { frameGraph, frameKey, type FrameStep } from './frame-graph.js';
import { type SqlDerivation, sqlDerivations } from './sql-derivations.js';
import { fileWritesOf, walkBack } from './walk-frames.js';

/** A source file feeding a table, as the run showed it. */
export interface TableLink {
  table: string;
  /** The file as the trace names it: workspace-relative, or `$datasets/…`. */
  source: string;
  read: DataReadEvent;
  /** `rows`: the table's rows are this source's (a merge's left side, each part of a concat); `lookup`: merged in. */
  role: 'rows' | 'lookup';
  /** Calls from the read to the write, in order, the write last. */
  via: TraceEvent[];
  /** Source column → table column, for the columns that reached the table. */
  columns: Record<string, string>;
  /** Source column → the names it had on the way. */
  aliases: Record<string, string[]>;
  /** Rows removed on the way (dropna, drop_duplicates, filters): the only removals that explain fewer rows. */
  drops: RowsDroppedEvent[];
  /** A groupby or pivot on the way: the table holds groups, not the source's rows. */
  aggregated: boolean;
  /** `frames`: followed frame by frame; `columns`: the trace lost the frame, the written columns match the source's. */
  found: 'frames' | 'columns';
}

/** The columns a table holds, when the trace does not say (INSERT without a column list, pymongo). */
export type TableColumns = (table: string) => Promise<readonly string[] | undefined>;

const WRITE_VERBS = /^(INSERT|REPLACE|COPY|UPSERT|MERGE)/i;
const MONGO_WRITES = /^(insert_one|insert_many|bulk_write|replace_one|update_one|update_many)$/;

/**
 * The source → table links a run shows: each table written (`to_sql`, `INSERT … executemany`, `COPY`, pymongo
 * inserts) traced back through the frames it was written from to the files they were read from. Where the trace
 * loses a frame, or a write carries no frame (rows sent through SQL), the written columns are matched with each
 * source's columns, through every rename seen and by normalised name, and the best source (half its columns or
 * more) is the link.
 */
export async function tableLinks(trace: TraceIndex, tableColumns?: TableColumns): Promise<TableLink[]> {
  const facts = dataFacts(trace);
  const graph = frameGraph(trace);
  const fileWrites = fileWritesOf(facts.writes);
  const sources = facts.fileReads.filter((read) => read.origin?.path && !read.origin.url && !fileWrites(read));
  const renames = renamesSeen(trace.ofType<{ renamed?: Record<string, string> | null } & TraceEvent>('frame_derive'));
  const links: TableLink[] = [];
  const add = (link: TableLink) => {
    const same = links.find((l) => l.table.toLowerCase() === link.table.toLowerCase() && l.source === link.source);
    if (!same) links.push(link);
    else if (same.found === 'columns' && link.found === 'frames') links.splice(links.indexOf(same), 1, link);
  };
  for (const { table, write, key, columns } of writesToTables(trace)) {
    const written = columns ?? (key ? [...(graph.columnsOf(key) ?? [])] : undefined);
    const paths = key ? walkBack(graph, key, write, fileWrites) : [];
    for (const path of paths) {
      if (path.read) {
        add(linkOf(table, path.read, path.role, [...path.steps], write, written, 'frames'));
        continue;
      }
      const frontier = path.frontier ? graph.columnsOf(path.frontier) : undefined;
      const match = bestByColumns(frontier ? [...frontier] : written, sources, renames);
      if (match) add(linkOf(table, match, path.role, [...path.steps], write, written, 'columns'));
    }
    if (paths.length === 0) {
      const known = written ?? (await tableColumns?.(table).catch(() => undefined));
      const match = known ? bestByColumns([...known], sources, renames) : undefined;
      if (match) add(linkOf(table, match, 'rows', [], write, known ? [...known] : undefined, 'columns', renames));
    }
  }
  // Tables filled by SQL from tables already linked (a staging table, then `INSERT … SELECT x AS y` or
  // `CREATE TABLE … AS SELECT`): the source reaches them too, under the names the SELECT gives. Chains are followed.
  const derivations = sqlDerivations(facts.sql);
  for (let round = 0; round < 4; round++) {
    const before = links.length;
    for (const derived of derivations) {
      for (const base of links.filter((link) => link.table.toLowerCase() === derived.from.toLowerCase() || derived.joined.some((t) => t.toLowerCase() === link.table.toLowerCase()))) {
        const link = derivedLink(base, derived);
        const same = links.find((l) => l.table.toLowerCase() === link.table.toLowerCase() && l.source === link.source);
        if (!same) links.push(link);
        else if (same.found === 'columns' && !same.via.includes(derived.event)) links.splice(links.indexOf(same), 1, link);
      }
    }
    if (links.length === before) break;
  }
  return links;
}

/** A link carried through SQL: each source column under the name the SELECT gives its column of the base table. */
function derivedLink(base: TableLink, derived: SqlDerivation): TableLink {
  const columns: Record<string, string> = {};
  const aliases: Record<string, string[]> = {};
  const role = base.role === 'rows' && derived.from.toLowerCase() === base.table.toLowerCase() ? 'rows' : 'lookup';
  for (const [source, inBase] of Object.entries(base.columns)) {
    const pairedFrom = derived.pairs ? findColumn(Object.keys(derived.pairs), inBase) : inBase;
    const next = pairedFrom === undefined ? undefined : derived.pairs ? derived.pairs[pairedFrom] : inBase;
    aliases[source] = [...new Set([...(base.aliases[source] ?? [source]), ...(next ? [next] : [])])];
    if (next) columns[source] = next;
  }
  return { ...base, table: derived.table, role, via: [...base.via, derived.event], columns, aliases, aggregated: base.aggregated || derived.aggregated };
}

function linkOf(table: string, read: DataReadEvent, role: 'rows' | 'lookup', steps: FrameStep[], write: TraceEvent, written: string[] | undefined, found: 'frames' | 'columns', renames?: Map<string, string[]>): TableLink {
  const sourceColumns = read.output?.columns ?? [];
  const trail = columnsAlong(sourceColumns, steps, written);
  if (renames && written) {
    // No path to follow: a source column reached the table under any name the trace saw it renamed to.
    for (const column of sourceColumns) {
      const names = namesOf(column, renames);
      const hit = names.map((n) => findColumn(written, n)).find((n) => n !== undefined);
      if (hit) trail.columns[column] = hit;
      trail.aliases[column] = names;
    }
  }
  return {
    table,
    source: read.origin!.path!,
    read,
    role,
    via: [...steps.filter((s) => s.kind !== 'read').map((s) => s.event), write],
    ...trail,
    drops: steps.filter((s) => s.kind === 'drop').map((s) => s.event as RowsDroppedEvent).filter((d) => (d.removed ?? 0) > 0),
    aggregated: steps.some((s) => s.aggregated),
    found,
  };
}

/** The source sharing the largest part of its columns with these (at least half), through renames and normalised names. */
function bestByColumns(columns: string[] | undefined, sources: DataReadEvent[], renames: Map<string, string[]>): DataReadEvent | undefined {
  if (!columns || columns.length === 0) return undefined;
  const present = new Set(columns.map(normalizeColumn));
  let best: { read: DataReadEvent; score: number } | undefined;
  for (const read of sources) {
    const own = read.output?.columns ?? [];
    if (own.length === 0) continue;
    const shared = own.filter((c) => namesOf(c, renames).some((n) => present.has(normalizeColumn(n)))).length;
    const score = shared / own.length;
    if (score >= 0.5 && (!best || score > best.score)) best = { read, score };
  }
  return best?.read;
}

/** Every write into a table: to_sql (with its frame), SQL INSERT/COPY (COPY from a to_csv buffer has the frame too), pymongo inserts. */
function writesToTables(trace: TraceIndex): Array<{ table: string; write: TraceEvent; key?: string; columns?: string[] }> {
  const facts = dataFacts(trace);
  const out: Array<{ table: string; write: TraceEvent; key?: string; columns?: string[] }> = [];
  for (const w of facts.writes) if (w.function === 'to_sql' && w.table && !w.error) out.push({ table: w.table, write: w, ...keyOf(w) });
  const buffered = facts.writes.filter((w) => w.function === 'to_csv' && w.target?.buffer && !w.target.path);
  for (const s of facts.sql) {
    const table = s.tables?.[0];
    if (!table || s.error || !WRITE_VERBS.test(s.verb ?? s.statement?.trim() ?? '')) continue;
    const copy = /^COPY/i.test(s.verb ?? s.statement?.trim() ?? '') ? buffered.filter((w) => w.pid === s.pid && before(w, s)).at(-1) : undefined;
    out.push({ table, write: s, ...(copy ? keyOf(copy) : {}), ...insertColumns(s) });
  }
  for (const m of facts.mongo) if (m.collection && !m.error && MONGO_WRITES.test(m.operation)) out.push({ table: m.collection, write: m as MongoEvent });
  return out;
}

function keyOf(write: DataWriteEvent): { key?: string; columns?: string[] } {
  const key = frameKey(write, write.input);
  return { ...(key ? { key } : {}), ...(write.input?.columns ? { columns: write.input.columns } : {}) };
}

/** `INSERT INTO t (a, b, c) …`: the columns named, when there is a list. */
function insertColumns(event: SqlEvent): { columns?: string[] } {
  const match = /^\s*(?:insert|replace)\s+(?:or\s+\w+\s+)?into\s+[\w".`[\]]+\s*\(([^)]*)\)/i.exec(event.statement ?? '');
  if (!match) return {};
  return { columns: match[1]!.split(',').map((c) => c.trim().replace(/^["`[]|["`\]]$/g, '')).filter(Boolean) };
}
