import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbInspector } from '../../runner/evidence/db/db-inspector.js';
import { openInspector } from '../../runner/evidence/db/open-inspector.js';
import { LocalServiceProvider } from '../../runner/services/local-service-provider.js';
import type { StartedServices } from '../../runner/services/service-provider.js';
import { describeEachDatabase, localServicesEnv } from '../helpers/database-servers.js';

/**
 * MongoDB against a real server: runs only when MSPR_TEST_MONGODB_URL names one (no mongod can be installed
 * from the registries this project's CI reaches); reported as skipped otherwise, in CI too.
 */
describeEachDatabase(['mongodb'], 'MongoDB inspector and local provider', () => {
  let started: StartedServices;
  let db: DbInspector;
  beforeAll(async () => {
    started = await new LocalServiceProvider(localServicesEnv()).start(`mongo-${process.pid}`, [{ id: 'db', kind: 'mongodb' }], 'local');
    const endpoint = started.endpoints.get('db')!;
    const { MongoClient } = await import('mongodb');
    const client = new MongoClient(endpoint.url!);
    await client.connect();
    const produits = client.db(endpoint.database).collection('produits');
    await produits.insertMany([
      { id_produit: 'P001', libelle: 'Épicerie fine', prix: 4.5, stock: 12 },
      { id_produit: 'P002', libelle: 'épicerie fine', prix: 12.25, stock: 300 },
      { id_produit: 'P003', libelle: null, prix: 0.99 },
    ]);
    await produits.createIndex({ libelle: 1 });
    await client.close();
    db = await openInspector(endpoint, 'mongodb:test');
  });
  afterAll(async () => {
    await db?.close();
    await started?.dispose();
  });

  it('collections as tables, fields as columns with their BSON types, indexes', async () => {
    expect(await db.listTables()).toEqual(['produits']);
    expect(await db.countRows('produits')).toBe(3);
    const columns = Object.fromEntries((await db.columns('produits')).map((c) => [c.name, c]));
    expect(columns.libelle).toMatchObject({ declaredType: 'null|string', nullable: true, shape: { family: 'text', maxLength: null } });
    expect(columns.stock).toMatchObject({ nullable: true, shape: { family: 'integer' } });
    expect((await db.indexes('produits')).map((i) => i.columns.join())).toEqual(['_id', 'libelle']);
  });

  it('null counts (missing fields included) and exact distinct values', async () => {
    expect(await db.nullCounts('produits', ['libelle', 'stock', 'prix'])).toEqual({ libelle: 1, stock: 1, prix: 0 });
    expect((await db.distinctValues('produits', 'libelle')).values.sort()).toEqual(['Épicerie fine', 'épicerie fine'].sort());
  });
});
