"""Generates the "attrition" dataset deterministically (same bytes on every run, any Python 3.8+).

Subscribers of a (fictitious) French telecom operator, for the MSPR bloc 3 classification case: predict whether a
customer cancels (resilie = oui/non) from their contract and usage. Numeric and categorical features, a
qualitative target with two classes (about 27 % "oui"), and a few missing values (conso_data_go).
Only the standard library is used. Run: /usr/bin/python3 datasets/attrition/generate.py
"""
import csv
import hashlib
import io
import math
import random
from pathlib import Path

HERE = Path(__file__).parent
SEED = 20261124
ROWS = 1500
PLANS = ["essentiel", "confort", "premium"]
REGIONS = ["Auvergne-Rhône-Alpes", "Hauts-de-France", "Île-de-France", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire"]
COLUMNS = ["id", "anciennete_mois", "age", "forfait", "region", "conso_data_go", "appels_service_client",
           "retards_paiement", "facture_mensuelle_eur", "engagement", "resilie"]


def rows(rng):
    for index in range(1, ROWS + 1):
        tenure = rng.randrange(1, 97)
        age = max(18, min(85, int(rng.gauss(44, 14))))
        plan = PLANS[min(2, int(rng.random() ** 1.3 * 3))]
        region = REGIONS[rng.randrange(len(REGIONS))]
        data = round(max(0.1, rng.gauss({"essentiel": 8, "confort": 35, "premium": 90}[plan], 10)), 1)
        calls = min(12, int(rng.expovariate(0.7)))
        late = min(6, int(rng.expovariate(1.6)))
        bill = round({"essentiel": 12.99, "confort": 24.99, "premium": 44.99}[plan] + rng.gauss(0, 3), 2)
        commitment = "oui" if rng.random() < 0.45 else "non"
        score = -0.8 - 0.025 * tenure + 0.42 * calls + 0.55 * late + (0.6 if commitment == "non" else -0.5) + 0.012 * (bill - 25)
        churn = "oui" if rng.random() < 1 / (1 + math.exp(-score)) else "non"
        data_text = "" if rng.random() < 0.03 else str(data)
        yield [index, tenure, age, plan, region, data_text, calls, late, bill, commitment, churn]


def main():
    rng = random.Random(SEED)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(rng):
        writer.writerow(row)
    data = buffer.getvalue().encode("utf-8")
    (HERE / "clients.csv").write_bytes(data)
    print("clients.csv", ROWS, "rows", hashlib.sha256(data).hexdigest())


if __name__ == "__main__":
    main()
