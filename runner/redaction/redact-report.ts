import type { RunReport } from '../../reports/report.js';
import type { Redactor } from './redactor.js';

/**
 * Fields that identify or classify, never free text: masking inside them would break the report's contract
 * (a status, an id the gradebook joins on, a date), and a candidate never writes them. `base64` is a
 * thumbnail's pixels: a short secret would match inside it by chance and break the picture.
 */
const STRUCTURAL = new Set([
  'schemaVersion', 'tool', 'runId', 'startedAt', 'finishedAt', 'status', 'kind', 'checkId', 'messageKey', 'id',
  'criteria', 'code', 'backend', 'framework', 'bloc', 'reason', 'summary', 'commit', 'base64',
]);

/** A copy of the report with every free-text string passed through the redactor. */
export function redactReport(report: RunReport, redactor: Redactor): RunReport {
  return walk(report, redactor) as RunReport;
}

function walk(value: unknown, redactor: Redactor): unknown {
  if (typeof value === 'string') return redactor.text(value);
  if (Array.isArray(value)) return value.map((item) => walk(item, redactor));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, STRUCTURAL.has(key) ? item : walk(item, redactor)]));
  }
  return value;
}
