"""Generates the "logements" dataset deterministically (same bytes on every run, any Python 3.8+).

Apartment sales in eight French towns, 2019-2023, for the MSPR bloc 3 regression case: predict the sale price
(prix_eur) from the flat's features. Numeric and categorical features, a sale year to split on, and a few
missing values (annee_construction) to impute. Only the standard library is used, so the bytes never depend on
numpy's version. Run: /usr/bin/python3 datasets/logements/generate.py
"""
import csv
import hashlib
import io
import random
from pathlib import Path

HERE = Path(__file__).parent
SEED = 20261123
ROWS = 1200
# town -> (price per m² in euros, distance scale in km)
TOWNS = {
    "Lyon": (4900, 6.0), "Villeurbanne": (3900, 4.0), "Bordeaux": (4600, 6.0), "Mérignac": (3600, 5.0),
    "Nantes": (3900, 5.0), "Rezé": (3300, 4.0), "Lille": (3600, 4.0), "Roubaix": (1800, 4.0),
}
DPE = ["A", "B", "C", "D", "E", "F", "G"]
COLUMNS = ["id", "annee_vente", "commune", "surface_m2", "nb_pieces", "etage", "annee_construction",
           "distance_centre_km", "dpe", "parking", "prix_eur"]


def rows(rng):
    towns = sorted(TOWNS)
    for index in range(1, ROWS + 1):
        town = towns[rng.randrange(len(towns))]
        per_m2, scale = TOWNS[town]
        year = 2019 + rng.randrange(5)
        surface = max(12.0, round(rng.gauss(62, 22), 1))
        rooms = max(1, min(7, int(round(surface / 21 + rng.gauss(0, 0.6)))))
        floor = rng.randrange(0, 9)
        built = 1890 + rng.randrange(0, 134)
        distance = round(abs(rng.gauss(0, scale)) + 0.3, 2)
        dpe = DPE[min(6, max(0, int(rng.gauss(3.2 - (built - 1950) / 40, 1.1))))]
        parking = 1 if rng.random() < 0.35 else 0
        price = (
            surface * per_m2 * (1 + 0.035 * (year - 2019))
            * (1 - 0.025 * distance) * (1 - 0.03 * DPE.index(dpe)) * (1 + 0.008 * floor)
            + 12000 * parking + rng.gauss(0, 14000)
        )
        price = max(25000, int(round(price, -2)))
        built_text = "" if rng.random() < 0.04 else str(built)
        yield [index, year, town, surface, rooms, floor, built_text, distance, dpe, parking, price]


def main():
    rng = random.Random(SEED)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(rng):
        writer.writerow(row)
    data = buffer.getvalue().encode("utf-8")
    (HERE / "logements.csv").write_bytes(data)
    print("logements.csv", ROWS, "rows", hashlib.sha256(data).hexdigest())


if __name__ == "__main__":
    main()
