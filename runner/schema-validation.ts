import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/** One ajv instance for the whole process: compiling schemas is the costly part, so it is done once each. */
const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);

export function compileSchema<T>(schema: Record<string, unknown>): ValidateFunction<T> {
  return ajv.compile<T>(schema);
}

/**
 * Turns ajv errors into lines a user can act on: `checks[2].with.minTrainRatio: must be <= 1`.
 * `oneOf` noise (one error per failed branch) is folded into the most useful message.
 */
export function formatSchemaErrors(errors: ErrorObject[] | null | undefined, root = ''): string[] {
  if (!errors) return [];
  const lines = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const path = toDottedPath(error.instancePath, root);
    lines.add(`${path}: ${describeError(error)}`);
  }
  return [...lines];
}

function toDottedPath(instancePath: string, root: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  let path = root;
  for (const part of parts) path += /^\d+$/.test(part) ? `[${part}]` : path ? `.${part}` : part;
  return path || '(root)';
}

function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown property "${params.additionalProperty}"`;
    case 'required':
      return `missing required property "${params.missingProperty}"`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    case 'oneOf':
      return 'must match exactly one of the allowed forms';
    default:
      return error.message ?? error.keyword;
  }
}
