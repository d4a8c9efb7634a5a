import { findColumn } from './column-names.js';
import type { FrameStep } from './frame-graph.js';

/** Where each source column went: its name in the written frame, and every name it had on the way. */
export interface ColumnTrail {
  /** Source column → written column, for the columns that reached the write. */
  columns: Record<string, string>;
  /** Source column → its names in order (the source's first); imputation events may use any of them. */
  aliases: Record<string, string[]>;
}

/**
 * Follows the source's columns through the renames on a path (`rename`, `df.columns = …`, `set_axis`), in the
 * order they ran, and keeps those the written frame holds (matched as is, then by normalised name).
 */
export function columnsAlong(sourceColumns: readonly string[], steps: readonly FrameStep[], written: readonly string[] | undefined): ColumnTrail {
  const current = new Map(sourceColumns.map((c) => [c, c]));
  const aliases: Record<string, string[]> = Object.fromEntries(sourceColumns.map((c) => [c, [c]]));
  for (const step of steps) {
    if (!step.renamed) continue;
    for (const [source, name] of current) {
      const next = step.renamed[name];
      if (next === undefined) continue;
      current.set(source, next);
      if (!aliases[source]!.includes(next)) aliases[source]!.push(next);
    }
  }
  const columns: Record<string, string> = {};
  for (const [source, name] of current) {
    const found = written ? findColumn(written, name) : name;
    if (found !== undefined) columns[source] = found;
  }
  return { columns, aliases };
}

/** Every rename the trace saw, old name → new names: for frames whose way the trace lost (matching by columns). */
export function renamesSeen(steps: Iterable<{ renamed?: Record<string, string> | null }>): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const step of steps) {
    for (const [from, to] of Object.entries(step.renamed ?? {})) names.set(from, [...new Set([...(names.get(from) ?? []), to])]);
  }
  return names;
}

/** A column's names after any chain of renames seen (`TotalDécès` → `total_deces` → `deces`), itself first. */
export function namesOf(column: string, renames: ReadonlyMap<string, readonly string[]>): string[] {
  const names = [column];
  for (let i = 0; i < names.length && names.length < 20; i++) for (const next of renames.get(names[i]!) ?? []) if (!names.includes(next)) names.push(next);
  return names;
}
