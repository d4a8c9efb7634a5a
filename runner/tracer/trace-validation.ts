import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import { compileSchema, formatSchemaErrors } from '../schema-validation.js';
import type { TraceEvent } from './trace-event.js';

const validate = compileSchema<TraceEvent>(
  JSON.parse(readFileSync(packagePath('runner/tracer/trace-event.schema.json'), 'utf8')),
);

/**
 * Problems with one parsed event against `trace-event.schema.json`, as `path: message` lines; empty when valid.
 * An invalid event is reported, never fatal: the other events of the trace are still evidence.
 */
export function traceEventProblems(event: unknown): string[] {
  if (validate(event)) return [];
  return formatSchemaErrors(validate.errors, 'event');
}
