"""Bloc 1 ETL: read the three sources, clean them, load them into SQLite."""
import sqlite3
from pathlib import Path

import pandas as pd

DATA = Path(__file__).parent / "data"
DB = DATA / "boutique.db"


def load_sources():
    ventes = pd.read_csv(DATA / "ventes.csv")
    produits = pd.read_json(DATA / "produits.json")
    objectifs = pd.read_excel(DATA / "objectifs.xlsx")
    return ventes, produits, objectifs


def clean(ventes, produits):
    print("Valeurs manquantes avant nettoyage :")
    print(ventes.isna().sum())
    # Quantitative: the median discount; qualitative: the most frequent channel / category.
    ventes["remise_pct"] = ventes["remise_pct"].fillna(ventes["remise_pct"].median())
    ventes["canal"] = ventes["canal"].fillna(ventes["canal"].mode()[0])
    produits["categorie"] = produits["categorie"].fillna(produits["categorie"].mode()[0])
    return ventes, produits


def load(ventes, produits, objectifs):
    DB.unlink(missing_ok=True)
    with sqlite3.connect(DB) as connection:
        ventes.to_sql("ventes", connection, index=False)
        produits.to_sql("produits", connection, index=False)
        objectifs.to_sql("objectifs", connection, index=False)
        for table in ["ventes", "produits", "objectifs"]:
            count = connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            print(f"{table}: {count} lignes chargées")
        print(pd.read_sql("SELECT * FROM ventes LIMIT 5", connection))


if __name__ == "__main__":
    ventes, produits, objectifs = load_sources()
    ventes, produits = clean(ventes, produits)
    load(ventes, produits, objectifs)
