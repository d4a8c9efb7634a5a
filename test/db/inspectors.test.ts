import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbInspector } from '../../runner/evidence/db/db-inspector.js';
import { describeEachDatabase } from '../helpers/database-servers.js';
import { scratchDatabase, type ScratchDatabase } from '../helpers/scratch-database.js';

/** The same table in each SQL dialect: sized text, a small integer, a decimal, a date, a null, an index. */
const SETUP: Record<string, string[]> = {
  sqlite: [
    'CREATE TABLE produits (id_produit VARCHAR(4) PRIMARY KEY, libelle VARCHAR(20), stock SMALLINT, prix DECIMAL(6,2), ajout DATE, note TEXT)',
    'CREATE INDEX idx_produits_libelle ON produits (libelle)',
    "INSERT INTO produits VALUES ('P001', 'Épicerie fine', 12, 4.5, '2025-01-31', NULL), ('P002', 'épicerie fine', 300, 12.25, '2025-02-01', 'x'), ('P003', NULL, 7, 0.99, '2025-03-01', 'x')",
  ],
  postgres: [
    'CREATE TABLE produits (id_produit VARCHAR(4) PRIMARY KEY, libelle VARCHAR(20), stock SMALLINT, prix DECIMAL(6,2), ajout DATE, note TEXT)',
    'CREATE INDEX idx_produits_libelle ON produits (libelle)',
    "INSERT INTO produits VALUES ('P001', 'Épicerie fine', 12, 4.5, '2025-01-31', NULL), ('P002', 'épicerie fine', 300, 12.25, '2025-02-01', 'x'), ('P003', NULL, 7, 0.99, '2025-03-01', 'x')",
  ],
  mysql: [
    'CREATE TABLE produits (id_produit VARCHAR(4) PRIMARY KEY, libelle VARCHAR(20), stock SMALLINT, prix DECIMAL(6,2), ajout DATE, note TEXT)',
    'CREATE INDEX idx_produits_libelle ON produits (libelle)',
    "INSERT INTO produits VALUES ('P001', 'Épicerie fine', 12, 4.5, '2025-01-31', NULL), ('P002', 'épicerie fine', 300, 12.25, '2025-02-01', 'x'), ('P003', NULL, 7, 0.99, '2025-03-01', 'x')",
  ],
};

describeEachDatabase(['sqlite', 'postgres', 'mysql'], 'database inspector reads what a load left', (kind) => {
  let scratch: ScratchDatabase;
  let db: DbInspector;
  beforeAll(async () => {
    scratch = await scratchDatabase(kind);
    await scratch.exec(SETUP[kind]!);
    db = await scratch.inspect();
  });
  afterAll(async () => {
    await db?.close();
    await scratch?.dispose();
  });

  it('lists tables, counts rows and names its server', async () => {
    expect(await db.listTables()).toEqual(['produits']);
    expect(await db.countRows('produits')).toBe(3);
    expect(await db.version()).toMatch(/^(SQLite|PostgreSQL|MariaDB|MySQL) \d+/);
  });

  it('reads declared types as shapes: widths, integer ranges, decimals, dates', async () => {
    const columns = Object.fromEntries((await db.columns('produits')).map((c) => [c.name, c]));
    expect(columns.libelle!.shape).toMatchObject({ family: 'text', maxLength: 20 });
    expect(columns.libelle!.maxLength).toBe(20);
    expect(columns.note!.shape).toMatchObject({ family: 'text', maxLength: null });
    expect(columns.prix!.shape).toMatchObject({ family: 'decimal', precision: 6, scale: 2 });
    expect(columns.ajout!.shape.family).toBe('date');
    // SQLite stores any INT type on 8 bytes; the servers enforce SMALLINT's 2 bytes.
    expect(columns.stock!.shape.integerRange).toEqual(kind === 'sqlite' ? { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER } : { min: -32768, max: 32767 });
    // SQLite lets a non-INTEGER primary key hold NULL (a documented quirk); the servers do not.
    expect(columns.id_produit!.nullable).toBe(kind === 'sqlite');
  });

  it('lists indexes, primary key included', async () => {
    const indexes = await db.indexes('produits');
    expect(indexes).toContainEqual(expect.objectContaining({ columns: ['libelle'], unique: false, primary: false }));
    expect(indexes.some((index) => index.columns.join() === 'id_produit' && index.unique)).toBe(true);
  });

  it('counts nulls and lists distinct values exactly (case and accents kept, dates as stored)', async () => {
    expect(await db.nullCounts('produits', ['libelle', 'note', 'stock'])).toEqual({ libelle: 1, note: 1, stock: 0 });
    const labels = await db.distinctValues('produits', 'libelle');
    expect([...labels.values].sort()).toEqual(['Épicerie fine', 'épicerie fine'].sort());
    expect((await db.distinctValues('produits', 'ajout')).values.map(String).sort()).toEqual(['2025-01-31', '2025-02-01', '2025-03-01']);
    const prices = (await db.distinctValues('produits', 'prix')).values.map(Number).sort((a, b) => a - b);
    expect(prices).toEqual([0.99, 4.5, 12.25]);
    expect(await db.distinctValues('produits', 'id_produit', 2)).toMatchObject({ truncated: true });
  });

  it('reads the first rows back', async () => {
    const rows = await db.readRows('produits', { columns: ['id_produit', 'stock'], limit: 2 });
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0]!)).toEqual(['id_produit', 'stock']);
  });
});
