"""Bloc 1 ETL: read the three sources, clean them, load them into SQLite, check the load, time an index."""
import sqlite3
import time
from pathlib import Path

import pandas as pd

DATA = Path(__file__).parent / "data"
DB = DATA / "boutique.db"

# Column types fitted to the data: widths from the longest value of each text column (C1.10).
TYPES = {
    "ventes": {"id_vente": "INTEGER", "date": "DATE", "magasin": "VARCHAR(20)", "id_produit": "VARCHAR(4)", "quantite": "INTEGER",
               "prix_unitaire": "REAL", "remise_pct": "REAL", "canal": "VARCHAR(20)", "satisfaction": "INTEGER"},
    "produits": {"id_produit": "VARCHAR(4)", "libelle": "VARCHAR(110)", "categorie": "VARCHAR(12)", "prix_catalogue": "REAL"},
    "objectifs": {"mois": "VARCHAR(7)", "magasin": "VARCHAR(20)", "objectif_ca": "REAL"},
}


def load_sources():
    ventes = pd.read_csv(DATA / "ventes.csv")
    produits = pd.read_json(DATA / "produits.json")
    objectifs = pd.read_excel(DATA / "objectifs.xlsx")
    return ventes, produits, objectifs


def clean(ventes, produits):
    print("Valeurs manquantes avant nettoyage :")
    print(ventes.isna().sum())
    print(produits.isna().sum())
    # Anomalies: exact duplicates and returns recorded as negative sales are dropped, and the drop is reported.
    ventes = ventes.drop_duplicates()
    ventes = ventes[ventes["quantite"] > 0]
    print(f"{len(ventes)} ventes après suppression des doublons et des retours")
    # Quantitative: the median discount; qualitative: the most frequent channel, rating and category.
    ventes["remise_pct"] = ventes["remise_pct"].fillna(ventes["remise_pct"].median())
    ventes["canal"] = ventes["canal"].fillna(ventes["canal"].mode()[0])
    ventes["satisfaction"] = ventes["satisfaction"].fillna(ventes["satisfaction"].mode()[0]).astype(int)
    produits["categorie"] = produits["categorie"].fillna(produits["categorie"].mode()[0])
    return ventes, produits


def monthly_sales(ventes, produits, objectifs):
    """Daily sales -> shop x month, beside the monthly targets (three granularities made compatible)."""
    detail = ventes.merge(produits[["id_produit", "categorie"]], on="id_produit", how="left")
    detail["mois"] = detail["date"].str[:7]
    detail["ca"] = detail["quantite"] * detail["prix_unitaire"]
    ca = detail.groupby(["magasin", "mois"], as_index=False)["ca"].sum()
    return ca.merge(objectifs, on=["magasin", "mois"], how="left")


def load(connection, ventes, produits, objectifs):
    for name, frame in [("ventes", ventes), ("produits", produits), ("objectifs", objectifs)]:
        frame.to_sql(name, connection, index=False, dtype=TYPES[name])
        count = connection.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0]
        print(f"{name}: {count} lignes chargées")
    print(pd.read_sql("SELECT * FROM ventes LIMIT 5", connection))


def timed(connection, query):
    start = time.perf_counter()
    connection.execute(query).fetchall()
    return time.perf_counter() - start


if __name__ == "__main__":
    ventes, produits, objectifs = load_sources()
    ventes, produits = clean(ventes, produits)
    print(monthly_sales(ventes, produits, objectifs).head())
    DB.unlink(missing_ok=True)
    with sqlite3.connect(DB) as connection:
        load(connection, ventes, produits, objectifs)
        query = "SELECT magasin, SUM(quantite) FROM ventes WHERE canal = 'web' GROUP BY magasin"
        before = timed(connection, query)
        connection.execute("CREATE INDEX idx_ventes_canal ON ventes (canal)")
        after = timed(connection, query)
        print(f"Requête : {before * 1000:.2f} ms sans index, {after * 1000:.2f} ms avec index")
