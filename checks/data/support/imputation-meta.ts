import { MAPPINGS_SCHEMA } from './source-files.js';

/** Options both imputation checks take. */
export const IMPUTATION_OPTIONS = {
  type: 'object',
  additionalProperties: false,
  required: ['mappings'],
  properties: {
    service: { type: 'string', description: 'service id of the database (default: the first one)' },
    mappings: MAPPINGS_SCHEMA,
    categorical: { type: 'array', items: { type: 'string' }, default: [], description: 'columns that are qualitative whatever their type (codes, ratings)' },
  },
} as const;
