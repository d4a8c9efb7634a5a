import { basename } from 'node:path';
import type { CheckEvidence } from '../../../../runner/evidence/check-evidence.js';
import type { RowsDroppedEvent } from '../../../../runner/tracer/data-event-types.js';
import type { TraceIndex } from '../../../../runner/tracer/trace-index.js';
import { dataFacts } from '../data-facts.js';
import type { Mapping } from '../source-files.js';
import { tableLinks, type TableLink } from './table-links.js';

/** A source and the table it feeds, with what the checks need to compare them. */
export interface SourceMapping extends Mapping {
  /** Source column → table column known before looking at the table: the scenario's map, else the renames the trace saw. */
  columns: Record<string, string>;
  /** Source column → the names it had on the way (imputation events may use any). */
  aliases: Record<string, string[]>;
  role: 'rows' | 'lookup';
  /** Rows removed on the source's way to the table; undefined when the trace shows no way (then any removal from the source counts). */
  drops?: RowsDroppedEvent[];
  aggregated: boolean;
  /** How the trace showed the link; absent for a scenario mapping the trace did not show. */
  link?: TableLink;
  /** From the trace, the scenario naming no mapping. */
  inferred: boolean;
}

type Evidence = Pick<CheckEvidence, 'trace' | 'databases'>;
const cache = new WeakMap<TraceIndex, Map<string, Promise<TableLink[]>>>();

/**
 * The mappings a data check compares: the scenario's when it gives them (each completed with what the trace
 * showed of its way: renames, removals), else the links the trace shows between the files the code read and the
 * tables it wrote (see table-links.ts), limited to tables the database holds and was not told to drop.
 */
export async function sourceMappings(ctx: Evidence, given: readonly Mapping[] | undefined, service?: string): Promise<SourceMapping[]> {
  const links = await inferredLinks(ctx, service);
  if (given && given.length > 0) return given.map((mapping) => completed(mapping, links.find((link) => sameLink(link, mapping))));
  return links.map((link) => completed({ source: link.source, table: link.table }, link, true));
}

/** The links the trace shows (computed once per trace and service), whether or not a scenario maps its sources. */
export function inferredLinks(ctx: Evidence, service?: string): Promise<TableLink[]> {
  if (!ctx.trace.available) return Promise.resolve([]);
  let byService = cache.get(ctx.trace);
  if (!byService) cache.set(ctx.trace, (byService = new Map()));
  let pending = byService.get(service ?? '');
  if (!pending) {
    pending = computeLinks(ctx, service);
    byService.set(service ?? '', pending);
  }
  return pending;
}

async function computeLinks(ctx: Evidence, service: string | undefined): Promise<TableLink[]> {
  const db = await ctx.databases.open(service).catch(() => undefined);
  const tables = db ? await db.listTables().catch(() => undefined) : undefined;
  const columnsOf = async (table: string) => {
    const name = tables?.find((t) => t.toLowerCase() === table.toLowerCase());
    return db && name ? (await db.columns(name)).map((c) => c.name) : undefined;
  };
  const dropped = droppedTables(ctx.trace);
  const links = await tableLinks(ctx.trace, columnsOf);
  return links.filter((link) => !dropped.has(link.table.toLowerCase()) && (!tables || tables.some((t) => t.toLowerCase() === link.table.toLowerCase())));
}

/** Tables the code dropped after writing them (staging tables): no table of the deliverable. */
function droppedTables(trace: TraceIndex): Set<string> {
  const facts = dataFacts(trace);
  const dropped = new Set<string>();
  for (const event of facts.sql) {
    if (event.error || !/^DROP/i.test(event.verb ?? '')) continue;
    const written = [...facts.writes.filter((w) => w.table && w.ts <= event.ts).map((w) => w.table!.toLowerCase())];
    for (const table of event.tables ?? []) if (written.includes(table.toLowerCase()) && !facts.writes.some((w) => w.table?.toLowerCase() === table.toLowerCase() && w.ts > event.ts)) dropped.add(table.toLowerCase());
  }
  return dropped;
}

function sameLink(link: TableLink, mapping: Mapping): boolean {
  return link.table.toLowerCase() === mapping.table.toLowerCase() && basename(link.source).toLowerCase() === basename(mapping.source).toLowerCase();
}

function completed(mapping: Mapping, link: TableLink | undefined, inferred = false): SourceMapping {
  return {
    ...mapping,
    columns: { ...(link?.columns ?? {}), ...(mapping.columns ?? {}) },
    aliases: link?.aliases ?? {},
    role: link?.role ?? 'rows',
    ...(link && link.found === 'frames' ? { drops: link.drops } : {}),
    aggregated: link?.aggregated ?? false,
    ...(link ? { link } : {}),
    inferred,
  };
}
