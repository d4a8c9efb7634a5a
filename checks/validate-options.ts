import type { ValidateFunction } from 'ajv';
import { compileSchema, formatSchemaErrors } from '../runner/schema-validation.js';
import type { CheckModule } from './check.js';

const compiled = new Map<string, ValidateFunction>();

/**
 * Validates a check's `with` options against its own schema, filling defaults in place (ajv useDefaults),
 * and returns problems prefixed with the scenario path, e.g. `checks[2].with.minTrainRatio: must be <= 1`.
 */
export function validateCheckOptions(check: CheckModule<any>, options: Record<string, unknown>, path: string): string[] {
  let validate = compiled.get(check.meta.id);
  if (!validate) {
    validate = compileSchema({ type: 'object', additionalProperties: false, properties: {}, ...check.meta.options });
    compiled.set(check.meta.id, validate);
  }
  if (validate(options)) return [];
  return formatSchemaErrors(validate.errors).map((line) => (line.startsWith('(root)') ? `${path}${line.slice(6)}` : `${path}.${line}`));
}
