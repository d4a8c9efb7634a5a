import { t, type Localized } from '../i18n.js';
import type { TraceIndex } from './trace-index.js';
import { countOf } from '../i18n/format.js';

/**
 * What the report says when a step's trace files were not all written by its tracer: lines rejected (never
 * counted) and lines moved or missing. The details, file by file, are in `report.trace.problems`.
 */
export function tamperingNotice(trace: TraceIndex): Localized | undefined {
  if (trace.tampering.length === 0) return undefined;
  const rejected = trace.rejectedLines;
  const signs = trace.tampering.length;
  return t(
    `Trace altérée : ${countOf(rejected, 'fr', 'ligne d’événements rejetée', 'lignes d’événements rejetées')}, que le traceur de cette exécution n’a pas écrites telles quelles (copiées d’une autre exécution, modifiées, ou écrites par un programme sans traceur), ${countOf(signs, 'fr', 'constat', 'constats')} au total (lignes rejetées, déplacées ou supprimées). Seules les lignes authentifiées comptent comme preuves ; le détail est dans report.json (trace.problems).`,
    `Trace tampered with: ${countOf(rejected, 'en', 'event line', 'event lines')} rejected, which this run’s tracer did not write as they are (copied from another run, edited, or written by a program without the tracer), ${countOf(signs, 'en', 'finding', 'findings')} in all (lines rejected, moved or deleted). Only authenticated lines count as evidence; the details are in report.json (trace.problems).`,
  );
}
