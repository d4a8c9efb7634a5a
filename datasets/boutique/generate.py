"""Generates the "boutique" dataset deterministically (same bytes on every run).

A French retailer's data as an MSPR bloc 1 hands it out: daily sales (CSV), a product catalogue (JSON) and
monthly targets per shop (XLSX), at three granularities, with the defects candidates must find: missing
numeric and categorical values, exact duplicate rows, negative quantities, and product labels longer than
a VARCHAR(50). Run with Debian's Python (needs python3-openpyxl): /usr/bin/python3 generate.py
"""
import csv
import hashlib
import io
import json
import random
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
SEED = 20261122
SHOPS = ["Lyon-Part-Dieu", "Paris-Bercy", "Lille-Centre", "Nantes-Atlantis", "Bordeaux-Lac"]
CHANNELS = ["magasin", "web", "click-and-collect"]
CATEGORIES = ["épicerie", "boissons", "hygiène", "maison", "jardin", "textile"]
WORDS = ["bio", "premium", "format familial", "édition limitée", "recharge", "lot de 3", "sans sucre ajouté",
         "origine France", "compostable", "grand modèle", "coloris assortis", "parfum lavande et fleur d'oranger"]


def products(rng):
    rows = []
    for index in range(1, 61):
        category = CATEGORIES[index % len(CATEGORIES)]
        words = rng.sample(WORDS, k=1 + index % 5)
        label = f"{category.capitalize()} réf. {index:03d} " + " ".join(words)
        rows.append({
            "id_produit": f"P{index:03d}",
            "libelle": label,
            "categorie": None if index % 13 == 0 else category,
            "prix_catalogue": round(rng.uniform(1.5, 89.0), 2),
        })
    return rows


def sales(rng, catalogue):
    # Satisfaction ratings draw from their own generator, so adding them left every other value unchanged.
    ratings = random.Random(SEED + 1)
    rows = []
    start = date(2025, 1, 1)
    for index in range(1, 1981):
        product = catalogue[rng.randrange(len(catalogue))]
        quantity = rng.randint(1, 12)
        if index % 97 == 0:
            quantity = -quantity  # returns recorded as negative sales: an anomaly to spot
        rows.append({
            "id_vente": index,
            "date": (start + timedelta(days=rng.randrange(365))).isoformat(),
            "magasin": rng.choice(SHOPS),
            "id_produit": product["id_produit"],
            "quantite": quantity,
            "prix_unitaire": round(product["prix_catalogue"] * rng.uniform(0.9, 1.1), 2),
            "remise_pct": "" if index % 11 == 0 else rng.choice([0, 0, 0, 5, 10, 15, 20]),
            "canal": "" if index % 17 == 0 else rng.choice(CHANNELS),
            # A rating 1–5 is qualitative (ordinal) although written as a number: its mean is not a modality.
            "satisfaction": "" if index % 14 == 0 else ratings.choices([1, 2, 3, 4, 5], weights=[5, 10, 20, 40, 25])[0],
        })
    rows.extend(dict(row) for row in rows[100:120])  # 20 exact duplicates, as exports often carry
    return rows


def targets(rng):
    rows = []
    for month in range(1, 13):
        for shop in SHOPS:
            rows.append({"mois": f"2025-{month:02d}", "magasin": shop, "objectif_ca": round(rng.uniform(18000, 52000), -2)})
    return rows


def write_csv(path, rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0].keys()), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def write_xlsx(path, rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "objectifs"
    sheet.append(list(rows[0].keys()))
    for row in rows:
        sheet.append(list(row.values()))
    workbook.properties.created = workbook.properties.modified = datetime(2025, 1, 1)
    raw = io.BytesIO()
    workbook.save(raw)
    # openpyxl stamps zip entries with the current time; rewrite them with a fixed one for stable bytes.
    source = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))


def main():
    rng = random.Random(SEED)
    catalogue = products(rng)
    write_csv(HERE / "ventes.csv", sales(rng, catalogue))
    (HERE / "produits.json").write_text(json.dumps(catalogue, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_xlsx(HERE / "objectifs.xlsx", targets(rng))
    for name in ["ventes.csv", "produits.json", "objectifs.xlsx"]:
        print(name, hashlib.sha256((HERE / name).read_bytes()).hexdigest())


if __name__ == "__main__":
    main()
