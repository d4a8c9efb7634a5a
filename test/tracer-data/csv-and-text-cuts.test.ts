import { describe, expect, it } from 'vitest';
import type { DataReadEvent, SqlEvent, TextSliceEvent } from '../../runner/tracer/data-event-types.js';
import { runTracedScript } from '../helpers/run-traced-script.js';

/** Rows read with the csv module and filtered before executemany; text cut with the string accessor before loading. */
const SCRIPT = `
import csv, sqlite3
import pandas as pd
with open("ventes.csv", newline="", encoding="utf-8") as f:
    completes = [ligne for ligne in csv.DictReader(f) if ligne["remise_pct"] and ligne["canal"]]
with open("ventes.csv", newline="", encoding="utf-8") as f:
    lecteur = csv.reader(f, delimiter=",")
    entete = next(lecteur)
    brutes = list(lecteur)
con = sqlite3.connect("boutique.db")
con.execute("CREATE TABLE ventes (id_vente INTEGER, magasin TEXT, remise_pct REAL)")
con.executemany("INSERT INTO ventes VALUES (?, ?, ?)", [(l["id_vente"], l["magasin"], l["remise_pct"]) for l in completes])
produits = pd.read_json("produits.json")
produits["libelle"] = produits["libelle"].str[:40]
produits["id_produit"] = produits["id_produit"].astype(str).str[:10]
produits["categorie"] = produits["categorie"].astype(str).str.slice(0, 4)
print(len(completes), len(brutes), entete[:3])
`;

describe('csv module reads and text cut before loading', () => {
  const run = runTracedScript(SCRIPT);

  it('runs as untraced, every event valid', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(runTracedScript(SCRIPT, { tracer: false }).stdout);
    expect(run.trace.problems).toEqual([]);
  });

  it('each csv reader is a data_read of its file with the header as columns; the rows sent are the filtered ones', () => {
    const reads = run.trace.ofType<DataReadEvent>('data_read').filter((r) => r.function.startsWith('csv.'));
    const columns = ['id_vente', 'date', 'magasin', 'id_produit', 'quantite', 'prix_unitaire', 'remise_pct', 'canal', 'satisfaction'];
    expect(reads.map((r) => [r.function, r.origin, r.options ?? null, r.output, r.site?.line])).toEqual([
      ['csv.DictReader', { path: 'ventes.csv', name: 'ventes.csv', format: 'csv' }, null, { columns, cols: 9 }, 5],
      ['csv.reader', { path: 'ventes.csv', name: 'ventes.csv', format: 'csv' }, { delimiter: ',' }, { columns, cols: 9 }, 7],
    ]);
    const insert = run.trace.ofType<SqlEvent>('sql').find((s) => s.verb === 'INSERT')!;
    expect([insert.params_rows, insert.tables, insert.site?.line]).toEqual([Number(run.stdout.split(' ')[0]), ['ventes'], 12]);
    expect(insert.params_rows).toBeLessThan(2000);
  });

  it('str[:n] and str.slice are text_slice events: column, bounds, longest value and values cut', () => {
    const cuts = run.trace.ofType<TextSliceEvent>('text_slice').map((e) => [e.function, e.column, e.start ?? null, e.stop, e.longest, e.cut, e.site?.line]);
    expect(cuts).toEqual([
      ['str[]', 'libelle', null, 40, 103, 45, 14],
      ['str[]', 'id_produit', null, 10, 4, 0, 15],
      ['str.slice', 'categorie', 0, 4, 8, 56, 16],
    ]);
  });
});
