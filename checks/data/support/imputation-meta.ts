import { MAPPINGS_SCHEMA } from './source-files.js';

/** Options both imputation checks take. */
export const IMPUTATION_OPTIONS = {
  type: 'object',
  additionalProperties: false,
  properties: {
    service: { type: 'string', description: 'service id of the database (default: the first one)' },
    mappings: { ...MAPPINGS_SCHEMA, description: 'source → table pairs (default: the links the trace shows between the files read and the tables written)' },
    categorical: { type: 'array', items: { type: 'string' }, default: [], description: 'columns that are qualitative whatever their type (codes, ratings)' },
  },
} as const;
