"""Writes penguins.csv and penguins-raw.csv from original/penguins.json (vega-datasets 3.2.1, data/penguins.json,
unchanged).

penguins.csv: one row per penguin with all four measurements: an id (the record's position in original/penguins.json,
from 1), the four numeric measurements, and the species as label. Records with a missing measurement are left out
and counted. Island and sex are not used (categorical values, and sex is sometimes missing).

penguins-raw.csv: every record as published, nothing left out: the id, island, the four measurements, sex and the
species; a missing value is an empty cell.
Run from this folder: python3 make_csv.py
"""
import json

MEASUREMENTS = [
    ("Beak Length (mm)", "beak_length_mm"),
    ("Beak Depth (mm)", "beak_depth_mm"),
    ("Flipper Length (mm)", "flipper_length_mm"),
    ("Body Mass (g)", "body_mass_g"),
]

with open("original/penguins.json", encoding="utf-8") as f:
    records = json.load(f)

kept, left_out = [], []
for position, record in enumerate(records, start=1):
    values = [record.get(source) for source, _ in MEASUREMENTS]
    (left_out if any(v is None for v in values) else kept).append((position, values, record["Species"]))

with open("penguins.csv", "w", encoding="utf-8", newline="\n") as f:
    f.write(",".join(["id"] + [name for _, name in MEASUREMENTS] + ["species"]) + "\n")
    for position, values, species in kept:
        f.write(",".join([str(position)] + [str(v) for v in values] + [species]) + "\n")

print(f"{len(records)} records, {len(kept)} written to penguins.csv, {len(left_out)} left out "
      f"(a missing measurement: ids {', '.join(str(p) for p, _, _ in left_out)})")

RAW = [("Island", "island")] + MEASUREMENTS + [("Sex", "sex")]

with open("penguins-raw.csv", "w", encoding="utf-8", newline="\n") as f:
    f.write(",".join(["id"] + [name for _, name in RAW] + ["species"]) + "\n")
    for position, record in enumerate(records, start=1):
        cells = ["" if record.get(source) is None else str(record[source]) for source, _ in RAW]
        f.write(",".join([str(position)] + cells + [record["Species"]]) + "\n")

print(f"{len(records)} records written to penguins-raw.csv, missing values as empty cells")
