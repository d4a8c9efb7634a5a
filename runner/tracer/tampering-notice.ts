import { t, type Localized } from '../i18n.js';
import type { TraceIndex } from './trace-index.js';

/**
 * What the report says when a step's trace files were not all written by its tracer: lines rejected (never
 * counted) and lines moved or missing. The details, file by file, are in `report.trace.problems`.
 */
export function tamperingNotice(trace: TraceIndex): Localized | undefined {
  if (trace.tampering.length === 0) return undefined;
  const rejected = trace.rejectedLines;
  const signs = trace.tampering.length;
  return t(
    `Trace altérée : ${rejected} ligne(s) d’événements rejetée(s), que le traceur de cette exécution n’a pas écrites telles quelles (copiées d’une autre exécution, modifiées, ou écrites par un programme sans traceur), ${signs} constat(s) au total (lignes rejetées, déplacées ou supprimées). Seules les lignes authentifiées comptent comme preuves ; le détail est dans report.json (trace.problems).`,
    `Trace tampered with: ${rejected} event line(s) rejected, which this run’s tracer did not write as they are (copied from another run, edited, or written by a program without the tracer), ${signs} finding(s) in all (lines rejected, moved or deleted). Only authenticated lines count as evidence; the details are in report.json (trace.problems).`,
  );
}
