import { DEFAULT_DISTINCT_LIMIT, type ColumnInfo, type DbInspector, type IndexInfo } from './db-inspector.js';
import type { ServiceEndpoint } from './service-endpoint.js';
import { typeShape } from './type-family.js';

/** Documents sampled to infer a collection's fields and their BSON types. */
const SAMPLE = 1000;

/**
 * Opens the candidate's MongoDB database with the official driver. Collections play the part of tables and
 * the fields found in a sample of documents that of columns (declared type = the BSON types seen, e.g.
 * `string|null`); MongoDB has no declared widths, so text is unbounded. The driver is imported on first use.
 */
export async function openMongoInspector(endpoint: ServiceEndpoint, label: string): Promise<DbInspector> {
  const { MongoClient } = await import('mongodb');
  const url = endpoint.url ?? `mongodb://${encodeURIComponent(endpoint.user ?? '')}:${encodeURIComponent(endpoint.password ?? '')}@${endpoint.host}:${endpoint.port}/${endpoint.database ?? ''}`;
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 10_000, readPreference: 'primaryPreferred' });
  await client.connect();
  const db = client.db(endpoint.database);
  const collection = (name: string) => db.collection(name);
  return {
    kind: 'mongodb',
    label,
    async version() {
      const info = await db.admin().command({ buildInfo: 1 }).catch(() => undefined);
      return info?.version ? `MongoDB ${String(info.version)}` : null;
    },
    async listTables() {
      const list = await db.listCollections({}, { nameOnly: true }).toArray();
      return list.map((c) => c.name).filter((name) => !name.startsWith('system.')).sort();
    },
    async countRows(table) {
      return collection(table).countDocuments();
    },
    async columns(table) {
      const docs = await collection(table).find({}, { limit: SAMPLE }).toArray();
      const seen = new Map<string, Set<string>>();
      for (const doc of docs) {
        for (const [field, value] of Object.entries(doc)) {
          const types = seen.get(field) ?? new Set<string>();
          types.add(bsonType(value));
          seen.set(field, types);
        }
      }
      for (const [field, types] of seen) if (docs.some((doc) => !(field in doc))) types.add('missing');
      return [...seen].map(([name, types]): ColumnInfo => {
        const declaredType = [...types].sort().join('|');
        const main = [...types].filter((t) => t !== 'null' && t !== 'missing');
        const shape = typeShape(main.length === 1 ? mongoSqlType(main[0]!) : main.length === 0 ? 'null' : 'mixed');
        return { name, declaredType, maxLength: null, nullable: types.has('null') || types.has('missing'), shape };
      });
    },
    async indexes(table) {
      const list = await collection(table).indexes();
      return list.map((index): IndexInfo => ({ name: String(index.name), columns: Object.keys(index.key), unique: Boolean(index.unique) || index.name === '_id_', primary: index.name === '_id_' }));
    },
    async readRows(table, options = {}) {
      const projection = options.columns ? Object.fromEntries(options.columns.map((c) => [c, 1])) : undefined;
      const cursor = collection(table).find({}, { projection, ...(options.limit === undefined ? {} : { limit: Math.max(0, Math.floor(options.limit)) }) });
      return (await cursor.toArray()).map((doc) => ({ ...doc, _id: String(doc._id) }));
    },
    async nullCounts(table, columns) {
      const counts: Record<string, number> = {};
      for (const column of columns) counts[column] = await collection(table).countDocuments({ [column]: null });
      return counts;
    },
    async distinctValues(table, column, limit = DEFAULT_DISTINCT_LIMIT) {
      const rows = await collection(table)
        .aggregate([{ $match: { [column]: { $ne: null } } }, { $group: { _id: `$${column}` } }, { $limit: limit + 1 }], { allowDiskUse: true })
        .toArray();
      return { values: rows.slice(0, limit).map((row) => plain(row._id)), truncated: rows.length > limit };
    },
    async close() {
      await client.close();
    },
  };
}

function bsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (typeof value === 'object') return String((value as { _bsontype?: string })._bsontype ?? 'object').toLowerCase();
  return typeof value;
}

function mongoSqlType(type: string): string {
  return ({ int: 'bigint', int32: 'integer', long: 'bigint', double: 'double', decimal128: 'decimal', string: 'text', boolean: 'boolean', date: 'timestamp', objectid: 'objectid', object: 'json', array: 'json' } as Record<string, string>)[type] ?? type;
}

/** BSON numbers and ids as plain JS values, so the round trip compares like with like. */
function plain(value: unknown): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const bson = value as { _bsontype?: string; toString(): string; toNumber?: () => number };
    if (bson._bsontype === 'Long' && bson.toNumber) return bson.toNumber();
    if (bson._bsontype === 'Decimal128' || bson._bsontype === 'Double' || bson._bsontype === 'Int32') return Number(bson.toString());
    if (bson._bsontype === 'ObjectId') return bson.toString();
  }
  return value instanceof Date ? value.toISOString() : value;
}
