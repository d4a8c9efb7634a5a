import { readFileSync } from 'node:fs';
import { packagePath } from '../runner/paths.js';
import { compileSchema, formatSchemaErrors } from '../runner/schema-validation.js';
import type { RunReport } from './report.js';

const validate = compileSchema<RunReport>(JSON.parse(readFileSync(packagePath('reports/report.schema.json'), 'utf8')));

/** Problems with a report document, as `path: message` lines; empty when it follows the schema. */
export function validateReport(report: unknown): string[] {
  return validate(report) ? [] : formatSchemaErrors(validate.errors);
}
